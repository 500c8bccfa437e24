"""JSON Lines (``.jsonl``): one article a line (``id``, ``text``, optional ``title``, ``date``, ``url``,
``outlet``); a bad line is one problem, the others are read. A big file can be read in byte ranges by
different workers (:func:`read_range`) that together read as the whole file does."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from graphbuild.dates import find_dateline, metadata_date
from graphbuild.ingest.decode import (
    BOMS,
    CONTROL_CHARACTERS,
    MAX_CONTROL_RATIO,
    decode_record,
    normalise_newlines,
    unify_line_breaks,
)
from graphbuild.models import Document, ReadNote, ReadProblem
from graphbuild.text import optional_text

EXTENSIONS = frozenset({".jsonl"})
Found = tuple[Document, int] | ReadProblem


def read(path: Path, text: str) -> Iterator[Found]:
    return read_lines(path, text, 1)


def read_lines(path: Path, text: str, first_line: int) -> Iterator[Found]:
    """The records of ``text`` (lines of ``path`` numbered from ``first_line``)."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        if line.strip():
            yield read_record(f"{path}:{number}", line, number)


def read_bytes(path: Path, data: bytes) -> list[Found | ReadNote]:
    """A .jsonl file decoded record by record: UTF-8 first; a record that is not UTF-8 falls back to
    cp1252 or latin-1 (noted with its line), a record holding a NUL byte is skipped (reported with its
    line), and neither touches the other records. A file of nothing but such records is "binary"."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # as normalise_newlines (ASCII bytes)
    found: list[Found | ReadNote] = []
    nul = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        source = f"{path}:{number}"
        if b"\x00" in raw:
            nul += 1
            found.append(ReadProblem(source, "NUL byte in the record: skipped"))
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            line, encoding = decode_record(raw)
            found.append(ReadNote(source, f"not UTF-8 (byte 0x{raw[error.start]:02x} at column "
                                          f"{error.start + 1}): this record read as {encoding}"))
        if number == 1:
            line = line.lstrip("\ufeff")
        found.append(read_record(source, line, number))
    if nul and nul == sum(1 for item in found if type(item) is ReadProblem) and not any(
            isinstance(item, tuple) for item in found):
        return [ReadProblem(str(path), "binary file (NUL bytes)")]
    return found


def read_record(source: str, line: str, number: int) -> Found:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ReadProblem(source, f"bad JSON: {error.msg} at column {error.colno}")
    except RecursionError:
        return ReadProblem(source, "bad JSON: nested too deeply")
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        return ReadProblem(source, f"bad JSON: {str(error).splitlines()[0]}")
    if not isinstance(record, dict):
        return ReadProblem(source, "not a JSON object")
    doc_id, body = record.get("id"), record.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or not str(doc_id).strip():
        return ReadProblem(source, "missing or empty 'id'")
    if not isinstance(body, str) or not body.strip():
        return ReadProblem(source, "missing or empty 'text'")
    body = normalise_newlines(body)
    date = metadata_date(record.get("date")) or find_dateline(body)
    outlet = optional_text(record.get("outlet")) or optional_text(record.get("publisher"))
    return Document(str(doc_id).strip(), body, source, optional_text(record.get("title")), date,
                    optional_text(record.get("url")), outlet), number


@dataclass(frozen=True)
class JsonlRange:
    """What :func:`read_range` read: the bytes [start, end) of the file (whole lines), the line
    breaks among them, and what :func:`ranges_read_as_whole` needs to tell whether reading the file's
    ranges one by one gives what reading the whole file gives."""

    path: str
    start: int  # the first line read starts here (at or after the range asked for)
    end: int  # just after the last byte read
    lines: int = 0  # line breaks read (\n, \r\n, \r): the next range's first line number is first_line + lines
    chars: int = 0  # characters decoded
    controls: int = 0  # control characters among them (as decode_bytes counts them)
    blank: bool = True  # nothing but ASCII whitespace
    eof: bool = False  # read up to the end of the file
    ok: bool = True  # UTF-8 (a UTF-8 byte-order mark only at the file's start), no NUL byte, no read error


def ranges_read_as_whole(ranges: Sequence[JsonlRange]) -> bool:
    """True when ``ranges`` (in order) cover their file and together read as ``Reader.read_file``
    reads it whole: each decoded as UTF-8, as the whole file then is, and the whole file neither empty
    nor "not text" (too many control characters). Else the whole file must be read in one piece.

    >>> ranges_read_as_whole([JsonlRange("a.jsonl", 0, 10, lines=1, chars=10, blank=False),
    ...                       JsonlRange("a.jsonl", 10, 14, lines=0, chars=4, blank=False, eof=True)])
    True
    >>> ranges_read_as_whole([JsonlRange("a.jsonl", 0, 10, blank=False), JsonlRange("a.jsonl", 12, 14, eof=True)])
    False
    """
    if not ranges or ranges[0].start != 0 or not ranges[-1].eof:
        return False
    if any(a.end != b.start for a, b in pairwise(ranges)):
        return False
    if not all(r.ok for r in ranges) or all(r.blank for r in ranges):
        return False
    chars, controls = sum(r.chars for r in ranges), sum(r.controls for r in ranges)
    return not chars or controls / chars <= MAX_CONTROL_RATIO


def _line_breaks(file, upto: int, chunk: int = 1 << 20) -> int:
    """Line breaks (\\n, \\r\\n, \\r: as :func:`normalise_newlines` makes them) in the first ``upto`` bytes of
    ``file``, which end with a ``\\n`` (a line start)."""
    breaks = 0
    last = b""
    while upto > 0:
        data = file.read(min(chunk, upto))
        if not data:
            break
        upto -= len(data)
        breaks += data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
        if last == b"\r" and data.startswith(b"\n"):
            breaks -= 1  # a \r\n split between two chunks
        last = data[-1:]
    return breaks


def read_range(path: Path, start: int, end: int, first_line: int | None = None) -> tuple[JsonlRange, list[Found]]:
    """Read the lines of the .jsonl file ``path`` that start in the byte range [start, end): the same
    documents and problems, in the same order and with the same line numbers, as ``Reader.read_file``
    gives for them when it reads the whole file, provided :func:`ranges_read_as_whole` holds for the
    ranges that cover the file. A line longer than the range is read whole by the range it starts in.

    ``first_line`` is the line number of the first line read; None counts the line breaks before it
    (reads the file up to there). The result says what was read and how many line breaks it held (the
    next range's first line is ``first_line + lines``). A range that cannot be read as the whole file
    would be (not UTF-8, a NUL byte, a UTF-16 or UTF-32 byte-order mark, an error) adds nothing:
    ``ok`` is False, and the whole file must be read with ``Reader.read_file`` instead.
    """
    try:
        with open(path, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                return JsonlRange(str(path), start, start, ok=False), []
            size = info.st_size
            start = min(max(start, 0), size)
            if start > 0:  # the first line starting at or after `start`
                file.seek(start - 1)
                if file.read(1) != b"\n":
                    file.readline()
            first = file.tell()
            data = file.read(end - first) if end > first else b""
            if data and not data.endswith(b"\n"):
                data += file.readline()  # the last line started before `end`: read it whole
            stop = first + len(data)
            if first_line is None:
                file.seek(0)
                first_line = 1 + _line_breaks(file, first)
    except OSError:
        return JsonlRange(str(path), start, start, ok=False), []
    found = JsonlRange(str(path), first, stop, eof=stop >= size, blank=not data.strip())
    encoding = "utf-8"
    if first == 0:
        bom = next((encoding for mark, encoding in BOMS if data.startswith(mark)), None)
        if bom not in (None, "utf-8-sig"):
            return replace(found, ok=False), []
        encoding = bom or encoding
    if b"\x00" in data:
        return replace(found, ok=False), []
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return replace(found, ok=False), []
    controls = len(CONTROL_CHARACTERS.findall(text))
    chars = len(text)
    text = normalise_newlines(text) if first == 0 else unify_line_breaks(text)
    records = list(read_lines(Path(path), text, first_line))
    return replace(found, lines=text.count("\n"), chars=chars, controls=controls), records
