"""Helpers for the tests that run whole builds through the command line."""

from __future__ import annotations

from pathlib import Path

from graphbuild.cli import main

GOOD = "Austrian Chancellor Karl Nehammer met with Boris Johnson in Vienna on Thursday.\n"
OTHER = "Kamala Harris met Emmanuel Macron in Paris on Monday.\n"


def write_file(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run_build(inputs: list[Path | str], out: Path, *extra: str) -> int:
    return main(["build", *map(str, inputs), "--out", str(out), "--quiet", *extra])
