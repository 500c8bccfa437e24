"""Throughput, scaling, memory and incremental-build benchmark on the real Wikinews articles.

    python bench/throughput.py [--corpus ../shared/corpus] [--repeat 2] [--runs 2]

Prints one table:
- words/s of bare ``nlp.pipe`` (same model, same components) and of a full ``graphbuild build``
  (read, clean, extract, resolve, export; no cache), and their ratio (goal >= 0.85);
- the same build with ``--workers 2`` (goal >= 1.8 x one worker);
- peak RSS of a build over 25 %, 50 %, 100 % and 200 % of the corpus (goal: flat apart from the graph);
- a cached re-run after one new article, on the corpus and on the larger run
  (goal < 5 % of the full build's time).
Each build runs in a fresh process, so peak RSS is that build's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def load_articles(corpus: Path) -> list[dict]:
    articles = []
    for path in sorted(corpus.glob("*.jsonl")):
        with open(path, encoding="utf-8") as handle:
            articles += [json.loads(line) for line in handle if line.strip()]
    return articles


def write_jsonl(articles: list[dict], path: Path) -> int:
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    return sum(len(a["text"].split()) for a in articles)


def scaled(articles: list[dict], factor: float) -> list[dict]:
    """A corpus of ``factor`` times the articles; repeats get new ids so they are new documents."""
    count = int(len(articles) * factor)
    return [dict(articles[i % len(articles)], id=f"{articles[i % len(articles)]['id']}~{i // len(articles)}")
            for i in range(count)]


def run_build(inputs: Path, out: Path, *extra: str) -> tuple[float, int]:
    """Seconds and peak RSS (MiB) of one ``graphbuild build`` in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", "build", str(inputs), "--out", str(out),
                                "--quiet", *extra], cwd=REPO, stderr=subprocess.DEVNULL)
    # wait4 gives this build's own peak (its largest process), not the benchmark's whole history.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    if process.returncode:
        raise RuntimeError(f"graphbuild build failed with status {process.returncode}")
    return seconds, usage.ru_maxrss // 1024


def bare_spacy_seconds(articles: list[dict], batch_size: int) -> float:
    """nlp.pipe over the raw texts with the same pipeline, in its own process (model load excluded)."""
    code = (
        "import json,sys,time\n"
        "from graphbuild.extract.nlp import load_pipeline\n"
        "from graphbuild.settings import Settings\n"
        "texts=[json.loads(l)['text'] for l in open(sys.argv[1],encoding='utf-8')]\n"
        "nlp=load_pipeline(Settings().model)\n"
        "nlp('warm up')\n"
        "t=time.perf_counter()\n"
        f"for _ in nlp.pipe(texts,batch_size={batch_size}): pass\n"
        "print(time.perf_counter()-t)\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        write_jsonl(articles, path)
        result = subprocess.run([sys.executable, "-c", code, str(path)], check=True, capture_output=True,
                                text=True, cwd=REPO)
    return float(result.stdout.strip())


def model_load_seconds() -> float:
    code = ("import time;t=time.perf_counter()\nfrom graphbuild.extract.nlp import load_pipeline\n"
            "from graphbuild.settings import Settings\nload_pipeline(Settings().model)\n"
            "print(time.perf_counter()-t)")
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                cwd=REPO).stdout)


def cached_rerun(articles: list[dict], work: Path) -> tuple[float, float]:
    """Seconds of a full build that fills the cache, then of a re-run after one new article arrives."""
    folder = work / "articles"
    folder.mkdir(parents=True)
    write_jsonl(articles, folder / "corpus.jsonl")
    first, _ = run_build(folder, work / "out", "--workers", "2")
    (folder / "new.txt").write_text("Olaf Scholz met Emmanuel Macron in Paris on Monday.", encoding="utf-8")
    again, _ = run_build(folder, work / "out", "--workers", "2")
    return first, again


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--repeat", type=float, default=2.0, help="size of the larger run, in corpora")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--runs", type=int, default=2, help="best of this many runs for the throughput rows")
    args = parser.parse_args()
    articles = load_articles(args.corpus)
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        full = tmp_path / "full.jsonl"
        words = write_jsonl(articles, full)
        load = model_load_seconds()
        # Best of --runs, interleaved, so a noisy minute on a shared machine does not decide a ratio.
        bare = one = two = float("inf")
        for _ in range(args.runs):
            bare = min(bare, bare_spacy_seconds(articles, args.batch_size))
            one = min(one, run_build(full, tmp_path / "out1", "--workers", "1", "--no-cache")[0])
            two = min(two, run_build(full, tmp_path / "out2", "--workers", "2", "--no-cache")[0])
        # A build's time includes starting Python and loading the model once; bare spaCy's does not.
        rows += [
            ("corpus", f"{len(articles)} articles, {words} words"),
            ("model load (once per build)", f"{load:.2f} s"),
            ("bare nlp.pipe", f"{words / bare:,.0f} words/s"),
            ("graphbuild build, 1 worker", f"{words / one:,.0f} words/s ({one:.1f} s)"),
            ("  ratio to bare spaCy", f"{bare / one:.2f}"),
            ("  ratio, model load excluded", f"{bare / max(one - load, 1e-9):.2f}"),
            ("graphbuild build, 2 workers", f"{words / two:,.0f} words/s ({two:.1f} s)"),
            ("  speed-up over 1 worker", f"{one / two:.2f}x"),
        ]
        big = tmp_path / "big.jsonl"
        big_words = write_jsonl(scaled(articles, args.repeat), big)
        big_two, _ = run_build(big, tmp_path / "outbig", "--workers", "2", "--no-cache")
        rows.append((f"{args.repeat:g}x corpus, 2 workers", f"{big_words / big_two:,.0f} words/s ({big_two:.1f} s)"))
        for factor in (0.25, 0.5, 1.0, 2.0):
            part = tmp_path / f"part{factor}.jsonl"
            write_jsonl(scaled(articles, factor), part)
            _, rss = run_build(part, tmp_path / f"outrss{factor}", "--workers", "1", "--no-cache")
            rows.append((f"peak RSS, {factor:.0%} of corpus", f"{rss} MiB"))
        for factor in (1.0, args.repeat):
            first, again = cached_rerun(scaled(articles, factor), tmp_path / f"cached{factor}")
            rows += [(f"{factor:g}x corpus, build filling the cache", f"{first:.1f} s"),
                     ("  re-run with one new article", f"{again:.1f} s ({again / first:.1%} of full)")]
    machine = platform.processor() or platform.machine()
    print(f"machine: {machine}, {_cores()} cores, Python {platform.python_version()}")
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    return 0


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
