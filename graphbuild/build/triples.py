"""triples.jsonl: one line per document with its mentions, relations and evidence (the merge's input)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from graphbuild.atomic import atomic_open
from graphbuild.models import DocExtraction

TRIPLES_FILE = "triples.jsonl"


def write_triples(extractions: Iterable[DocExtraction], path: Path) -> None:
    """Write triples.jsonl, line by line: a large build's records need not all be in memory."""
    with atomic_open(path) as handle:
        written = 0
        for e in extractions:
            handle.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            written += 1
        if not written:
            handle.write("\n")


def read_triples(path: Path) -> list[DocExtraction]:
    return [extraction for _, extraction in read_triples_lines(path)]


def read_triples_lines(path: Path) -> list[tuple[int, DocExtraction]]:
    with open(path, encoding="utf-8") as handle:
        return [(n, DocExtraction.from_dict(json.loads(line))) for n, line in enumerate(handle, start=1)
                if line.strip()]
