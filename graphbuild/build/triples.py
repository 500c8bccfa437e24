"""triples.jsonl: the per-document extraction records, one JSON line each (what ``graphbuild merge`` reads)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from graphbuild.atomic import atomic_open
from graphbuild.build.cache_check import well_formed
from graphbuild.ingest.decode import UNWRITABLE
from graphbuild.models import DocExtraction, ReadProblem

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


def read_triples_lines(path: Path, problems: list[ReadProblem] | None = None) -> list[tuple[int, DocExtraction]]:
    """The records of a triples.jsonl with their line numbers. A line that is not a well-formed record (bad
    JSON, nested too deeply, a field of the wrong type, an index out of range) raises ValueError, or with
    ``problems`` is reported there (``path:line``) and skipped."""
    records = []
    with open(path, "rb") as handle:
        for n, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise TypeError("not a JSON object")
                if _ESCAPED_UNWRITABLE.search(line):  # from an older build: text no export can carry
                    data = _writable(data)
                records.append((n, well_formed(DocExtraction.from_dict(data))))
            except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as error:
                reason = "nested too deeply" if isinstance(error, RecursionError) else (
                    f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}")
                if problems is None:
                    raise ValueError(f"{path}:{n}: not a graphbuild record ({reason})") from error
                problems.append(ReadProblem(f"{path}:{n}", f"not a graphbuild record ({reason}): skipped"))
    return records


# A JSON escape of a character no export can carry (see graphbuild.ingest.reader.UNWRITABLE): a control
# character but tab and line breaks, a surrogate, U+FFFE/U+FFFF.
_ESCAPED_UNWRITABLE = re.compile(r"\\u(?:000[0-8bcefBCEF]|001[0-9a-fA-F]|[dD][89a-fA-F][0-9a-fA-F]{2}|[fF]{3}[eEfF])")


def _writable(value: object) -> object:
    """``value`` with every string made writable by every export, one character for one (offsets keep)."""
    if isinstance(value, str):
        return UNWRITABLE.sub(lambda m: "\ufffd" if "\ud800" <= m[0] <= "\udfff" else " ", value)
    if isinstance(value, list):
        return [_writable(v) for v in value]
    if isinstance(value, dict):
        return {k: _writable(v) for k, v in value.items()}
    return value
