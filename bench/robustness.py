"""Long articles: extraction time must grow linearly with an article's length.

    python bench/robustness.py [--sentences 1000 5000 20000] [--pieces 50]

For each size, one article of N short sentences (varied, with names, meetings, visits and posts,
one paragraph per ten sentences) is built, then the same text split into ``--pieces`` articles.
The ratio of the two times is the cost of length alone (goal <= 1.3). Each build runs in a fresh
process with one worker and no cache.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
LAST = ["Lindqvist", "Moreau", "Okafor", "Petrov", "Quintana", "Rossi", "Sato", "Tanaka", "Urbina", "Varga"]
PLACES = ["Paris", "Nairobi", "Lima", "Oslo", "Hanoi", "Cairo", "Quito", "Riga", "Doha", "Seoul"]
SHAPES = [
    "{a} met {b} in {p} on Monday.",
    "Foreign Minister {a} held talks with {b}.",
    "{a} visited {p} last week.",
    "The weather in {p} was mild and the markets were calm.",
    "{a} said the agreement would help farmers.",
    "{b}, the finance minister, spoke to reporters.",
    "Officials expect the report next month.",
]


def sentences(n: int) -> list[str]:
    out = []
    for i in range(n):
        a = f"{FIRST[i % 10]} {LAST[(i // 10) % 10]}"
        b = f"{FIRST[(i + 3) % 10]} {LAST[(i // 7) % 10]}"
        out.append(SHAPES[i % len(SHAPES)].format(a=a, b=b, p=PLACES[(i // 3) % 10]))
    return out


def text_of(lines: list[str]) -> str:
    return "\n\n".join(" ".join(lines[i : i + 10]) for i in range(0, len(lines), 10))


def build_seconds(articles: list[dict], folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "graphbuild", "build", str(source), "--out", str(folder / "out"),
                    "--workers", "1", "--no-cache"], cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--pieces", type=int, default=50)
    args = parser.parse_args()
    print(f"{'sentences':>10} {'one article s':>14} {'split s':>9} {'ratio':>6}")
    for n in args.sentences:
        lines = sentences(n)
        size = -(-n // args.pieces)
        with tempfile.TemporaryDirectory() as tmp:
            one = build_seconds([{"id": "long", "text": text_of(lines)}], Path(tmp) / "one")
            parts = [{"id": f"part-{k:03d}", "text": text_of(lines[k * size : (k + 1) * size])}
                     for k in range(args.pieces) if lines[k * size : (k + 1) * size]]
            split = build_seconds(parts, Path(tmp) / "split")
        print(f"{n:>10} {one:>14.1f} {split:>9.1f} {one / split:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
