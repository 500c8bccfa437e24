"""triples.jsonl: the per-document extraction records, one JSON line each (what ``graphbuild merge`` reads)."""

from __future__ import annotations

import json
from pathlib import Path

from graphbuild.atomic import atomic_open
from graphbuild.models import DocExtraction

TRIPLES_FILE = "triples.jsonl"


def write_triples(extractions: list[DocExtraction], path: Path) -> None:
    """triples.jsonl: one line per document with its mentions, relations and evidence."""
    with atomic_open(path) as handle:  # line by line: a large build's records need not all be in memory
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
