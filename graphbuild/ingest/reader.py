"""Read articles from files and folders into :class:`Document` records.

Supported inputs: ``.txt``, ``.md``, ``.html``/``.htm`` (main text extracted with trafilatura)
and ``.jsonl`` (one article a line: ``id``, ``text``, optional ``title``, ``date``, ``url``, ``outlet``).
Each document also keeps what its :class:`~graphbuild.models.Article` needs: a title (jsonl field, HTML
metadata, or a headline-like first line of a text file), a date (metadata, else a dateline), the url and
outlet (jsonl fields, HTML metadata) and its path relative to the inputs' common folder.
Folders are walked recursively; files inside them with other extensions are ignored, but a
file named explicitly with an unsupported extension is reported.

Nothing here raises for a bad input: each one becomes a :class:`ReadProblem` and the batch
goes on.

A document's id is its file name without extension (or its jsonl ``id``). Ids that clash (two
files ``a/x.txt`` and ``b/x.txt``, or a repeated jsonl id) are all replaced by ids traceable to their
source: the path relative to the inputs' common folder without extension (``a/x``, ``b/x``; with it
when that is not enough), or ``id@file.jsonl:line`` for a jsonl record. Each clash is reported in
``Reader.notes``. So an id never depends on the order of the inputs, and a single folder of
distinct file names keeps the plain ids.

>>> docs, problems = read_inputs([])
>>> docs, problems
([], [])
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

# Dates (tables, datelines, metadata dates) live in graphbuild.dates; cleaner.py imports these names from here.
from graphbuild.dates import MONTHS, WEEKDAYS, find_dateline, parse_dateline  # noqa: F401
from graphbuild.dates import metadata_date as normalise_date
from graphbuild.models import Document, ReadProblem
from graphbuild.schema import NODE_LABELS
from graphbuild.text import bounded_id

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried in order when there is no BOM; latin-1 decodes anything, so its result must also
# pass the "looks like text" check.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")
UTF16_ZERO_SHARE = 0.9  # share of NUL high bytes that marks BOM-less UTF-16 text
MAX_CONTROL_RATIO = 0.02  # share of control characters above which a decoded text is "binary"

def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode file bytes to text, or return (None, reason).

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\x00\\x01\\x02binary")
    (None, 'binary file (NUL bytes)')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_with(data, (encoding,))
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        return _decode_with(data, (encoding,)) if encoding else (None, "binary file (NUL bytes)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_lines(data)
    return _decode_with(data, FALLBACK_ENCODINGS)


def _decode_lines(data: bytes) -> tuple[str | None, str]:
    """Text that is not all UTF-8, decoded line by line: UTF-8 first, only a line that is not falls back (to
    cp1252, else latin-1), so one stray byte does not garble the other lines. The encoding named is the
    fallback used (latin-1 if any line needed it)."""
    parts, used = [], set()
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            text, encoding = _decode_record(line)
            parts.append(text)
            used.add(encoding)
    encoding = "latin-1" if "latin-1" in used else "cp1252"
    text = "".join(parts)
    if _looks_like_text(text):
        return text, encoding
    return None, f"not text (too many control characters as {encoding})"


def non_utf8_lines(data: bytes) -> list[int]:
    """The numbers of the lines of ``data`` that are not UTF-8 (line breaks as :func:`normalise_newlines`).

    >>> non_utf8_lines(b"ok\\r\\nbad \\xff\\nok")
    [2]
    """
    found = []
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(number)
    return found


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.

    >>> _bomless_utf16("News".encode("utf-16-le")), _bomless_utf16(b"\\x00\\x01\\x02\\x03")
    ('utf-16-le', None)
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= UTF16_ZERO_SHARE * half and low <= (1 - UTF16_ZERO_SHARE) * half:
            return encoding
    return None


def _decode_with(data: bytes, encodings: Iterable[str]) -> tuple[str | None, str]:
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
        return None, f"not text (too many control characters as {encoding})"
    return None, "cannot decode as " + ", ".join(encodings)


# C0 controls other than tab, newline, carriage return and form feed; DEL and the C1 block.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_like_text(text: str) -> bool:
    """Few control characters (C0 other than whitespace, and C1 as left by latin-1)."""
    if not text:
        return True
    controls = len(CONTROL_CHARACTERS.findall(text))
    return controls / len(text) <= MAX_CONTROL_RATIO and "\x00" not in text


def _per_record(data: bytes) -> bool:
    """A .jsonl file is decoded record by record unless it is UTF-16 or UTF-32 (a BOM, or BOM-less UTF-16)."""
    if any(data.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8-sig"):
        return False
    return not (b"\x00" in data and _bomless_utf16(data))


def _decode_record(raw: bytes) -> tuple[str, str]:
    """One record that is not UTF-8: cp1252, else latin-1 (which decodes anything)."""
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


# What no export can carry: C0 controls but tab, line feed and carriage return (XML 1.0 forbids them, the
# GraphML writer raises), lone surrogates (not encodable as UTF-8; JSON "\ud800" gives one) and U+FFFE/U+FFFF.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_LIKE = {"\x0b": "\n", "\x0c": "\n"}  # vertical tab, form feed: line (page) breaks in a text


def safe_text(text: str) -> str:
    """An article's text as every export can write it, one character for one (offsets keep): a vertical
    tab or form feed becomes a line break, a lone surrogate U+FFFD, any other control character a space.

    >>> safe_text("Page one.\\fPage two \\x1b[31mred")
    'Page one.\\nPage two  [31mred'
    """
    if not UNWRITABLE.search(text):
        return text
    return UNWRITABLE.sub(lambda m: _LINE_LIKE.get(m[0], "\ufffd" if "\ud800" <= m[0] <= "\udfff" else " "), text)


def safe_field(value: str | None) -> str | None:
    """A one-line field (id, title, url, outlet, path) as every export can write it: each character no
    export can carry becomes a space (see :func:`safe_text`), surrounding space stripped.

    >>> safe_field("Talks\\x0bin\\x1bParis ")
    'Talks in Paris'
    """
    if value is None or not UNWRITABLE.search(value):
        return value
    return UNWRITABLE.sub(" ", value).strip() or None


# A document id is a node key that Neo4j indexes (a uniqueness constraint); the index refuses a value of more
# than about 8 KB. A longer id is cut and made unique again by a hash of the whole.
MAX_ID_CHARS = 200


# The text held for one document. Cleaning and parsing need about 100 bytes a character at their peak (the
# offset map, spaCy's tokens), so a 50 MB record would need 5-6 GB; a longer text is cut (noted), at a line
# break, else a sentence end, else a space, so one record stays under about 1.5 GB whatever it holds. It is
# also spaCy's own limit for one text.
MAX_DOCUMENT_CHARS = 1_000_000


def capped_text(text: str, limit: int = MAX_DOCUMENT_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters: after its last line break in them, else after the last
    sentence end, else the last space (at ``limit`` when there is none in the second half).

    >>> capped_text("One. Two.\\nThree four five.", 15), capped_text("One two. Three four", 15)
    ('One. Two.\\n', 'One two. ')
    """
    if len(text) <= limit:
        return text
    window = text[:limit]
    for cut in (window.rfind("\n") + 1, max((m.end() for m in _SENTENCE_END.finditer(window, limit // 2)),
                                             default=0), window.rfind(" ") + 1):
        if cut > limit // 2:
            return text[:cut]
    return window


_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``; a BOM left inside is dropped."""
    return unify_line_breaks(text).lstrip("\ufeff")


def unify_line_breaks(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n`` (for a piece from inside a file, where U+FEFF is text)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_title(text: str) -> str | None:
    """A headline-like first line (short, no final full stop) or a Markdown ``# heading``.

    >>> text_title("# Talks in Paris\\n\\nThe minister met...")
    'Talks in Paris'
    >>> text_title("The minister met the president on Tuesday.\\nMore.") is None
    True
    """
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        line = re.sub(r"^#{1,6}\s+", "", line)
        if len(line.split()) <= 20 and not line.endswith((".", ":", ",", ";")):
            return line
        return None
    return None


@dataclass(frozen=True)
class JsonlRange:
    """What :meth:`Reader.read_jsonl_range` read: the bytes [start, end) of the file (whole lines), the line
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
    """True when ``ranges`` (in order) cover their file and together read as :meth:`Reader.read_file`
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


class Reader:
    """Collects input files and turns them into documents and problems.

    >>> Reader().run([])
    ([], [])
    """

    def __init__(self) -> None:
        self.documents: list[Document] = []
        self.problems: list[ReadProblem] = []
        self.notes: list[ReadProblem] = []  # read, with something to say (a renamed id)
        self._origins: list[tuple[Path, int | None]] = []  # file and jsonl line of each document

    @property
    def origins(self) -> list[tuple[Path, int | None]]:
        """The file and jsonl line (None for other files) of each document read so far, in order."""
        return self._origins

    def run(self, paths: Iterable[str | Path]) -> tuple[list[Document], list[ReadProblem]]:
        self.documents, self.problems, self.notes, self._origins = [], [], [], []
        paths = list(paths)
        for path in self.collect(paths):
            self.read_file(path)
        self.documents, notes = name_documents(self.documents, self._origins, common_root(paths))
        self.notes += notes
        return self.documents, self.problems

    # -- collecting -------------------------------------------------------------------------

    def collect(self, paths: Iterable[str | Path]) -> list[Path]:
        """All files to read, deduplicated, in sorted path order. Every path not read is reported
        (in ``problems``); nothing is opened but folders."""
        files: dict[str, Path] = {}
        seen: dict[tuple[int, int], str] = {}  # (device, inode) of each file taken -> its path
        for raw in paths:
            path = Path(raw)
            info = self._stat(path)
            if info is None:
                continue
            if stat.S_ISDIR(info.st_mode):
                found = self._walk(path, seen)
                for child in found:
                    files.setdefault(child.as_posix(), child)
            elif not stat.S_ISREG(info.st_mode):
                self._problem(str(path), f"not a regular file ({_file_kind(info.st_mode)}): not read")
            elif path.suffix.lower() not in SUPPORTED_EXTENSIONS:
                self._problem(str(path), f"unsupported file type {path.suffix or '(none)'!r}")
            elif path.as_posix() not in files and self._first_copy(path, info, seen):
                files[path.as_posix()] = path
        return [files[key] for key in sorted(files)]

    def _stat(self, path: Path) -> os.stat_result | None:
        """``stat`` of ``path`` (following symbolic links), or None with the reason reported."""
        try:
            return path.stat()
        except FileNotFoundError:
            self._problem(str(path), "broken symbolic link" if path.is_symlink() else "no such file or folder")
        except RuntimeError:  # pathlib's "symlink loop" on some versions
            self._problem(str(path), "symbolic link loop")
        except OSError as error:
            self._problem(str(path), f"cannot read: {error.strerror or error}")
        return None

    def _first_copy(self, path: Path, info: os.stat_result, seen: dict[tuple[int, int], str]) -> bool:
        """False (and reported) when the same file was already taken under another path (links)."""
        key = (info.st_dev, info.st_ino)
        if key in seen and seen[key] != path.as_posix():
            self._problem(str(path), f"same file as {seen[key]}: read once")
            return False
        seen[key] = path.as_posix()
        return True

    def _walk(self, folder: Path, seen: dict[tuple[int, int], str]) -> list[Path]:
        """Supported, non-hidden regular files under ``folder``; symbolic links to folders are
        followed once (a loop is reported), unreadable folders and odd files are reported."""
        found: list[Path] = []
        others: dict[str, int] = {}
        folders: dict[tuple[int, int], str] = {}
        root_info = folder.stat()
        folders[(root_info.st_dev, root_info.st_ino)] = folder.as_posix()

        def unreadable(error: OSError) -> None:
            self._problem(str(error.filename or folder), f"cannot read folder: {error.strerror or error}")

        for top, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=True):
            here = Path(top)
            keep = []
            for name in sorted(dirnames):
                if name.startswith("."):
                    continue
                sub = here / name
                info = self._stat(sub)
                if info is None:
                    continue
                key = (info.st_dev, info.st_ino)
                if key in folders:
                    first = folders[key]
                    loop = (sub.as_posix() + "/").startswith(first + "/") or first == folder.as_posix()
                    self._problem(str(sub), f"symbolic link loop back to {first}: not followed" if loop
                                  else f"same folder as {first}: read once")
                    continue
                folders[key] = sub.as_posix()
                keep.append(name)
            dirnames[:] = keep
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                child = here / name
                suffix = child.suffix.lower()
                if suffix not in SUPPORTED_EXTENSIONS:
                    others[suffix or "(none)"] = others.get(suffix or "(none)", 0) + 1
                    continue
                info = self._stat(child)
                if info is None:
                    continue
                if not stat.S_ISREG(info.st_mode):
                    self._problem(str(child), f"not a regular file ({_file_kind(info.st_mode)}): not read")
                elif self._first_copy(child, info, seen):
                    found.append(child)
        if not found and not any(p.source.startswith(str(folder)) for p in self.problems):
            if others:
                listed = ", ".join(f"{ext} ×{n}" if n > 1 else ext for ext, n in sorted(others.items()))
                reason = f"no supported files (found {listed}; reads {' '.join(sorted(SUPPORTED_EXTENSIONS))})"
            else:
                reason = "no files"
            self._problem(str(folder), reason)
        return found

    # -- reading ----------------------------------------------------------------------------

    def read_file(self, path: Path) -> None:
        """Read one file (any supported type) into ``documents``/``problems``; ids are not made unique."""
        try:
            if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or device would be read forever
                self._problem(str(path), "not a regular file: not read")
                return
            data = path.read_bytes()
        except OSError as error:
            self._problem(str(path), f"cannot read: {error.strerror or error}")
            return
        if not data.strip():
            self._problem(str(path), "empty file")
            return
        suffix = path.suffix.lower()
        if suffix in JSONL_EXTENSIONS and _per_record(data):
            self._read_jsonl_bytes(path, data)
            return
        text, how = decode_bytes(data)
        if text is None:
            self._problem(str(path), how)
            return
        if how in ("cp1252", "latin-1"):
            lines = non_utf8_lines(data)
            where = f"line {lines[0]}" if len(lines) == 1 else f"{len(lines):,} lines (the first: {lines[0]})"
            self.notes.append(ReadProblem(str(path), f"not UTF-8: {where} read as {how}, the rest as UTF-8"))
        text = normalise_newlines(text)
        if suffix in JSONL_EXTENSIONS:
            self._read_jsonl(path, text)
        elif suffix in HTML_EXTENSIONS:
            self._read_html(path, text)
        else:
            self._read_text(path, text)

    def read_jsonl_range(self, path: Path, start: int, end: int, first_line: int | None = None) -> JsonlRange:
        """Read the lines of the .jsonl file ``path`` that start in the byte range [start, end): the same
        documents and problems, in the same order and with the same line numbers, as :meth:`read_file`
        gives for them when it reads the whole file, provided :func:`ranges_read_as_whole` holds for the
        ranges that cover the file. A line longer than the range is read whole by the range it starts in.

        ``first_line`` is the line number of the first line read; None counts the line breaks before it
        (reads the file up to there). The result says what was read and how many line breaks it held (the
        next range's first line is ``first_line + lines``). A range that cannot be read as the whole file
        would be (not UTF-8, a NUL byte, a UTF-16 or UTF-32 byte-order mark, an error) adds nothing:
        ``ok`` is False, and the whole file must be read with :meth:`read_file` instead.
        """
        try:
            with open(path, "rb") as file:
                info = os.fstat(file.fileno())
                if not stat.S_ISREG(info.st_mode):
                    return JsonlRange(str(path), start, start, ok=False)
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
            return JsonlRange(str(path), start, start, ok=False)
        found = JsonlRange(str(path), first, stop, eof=stop >= size, blank=not data.strip())
        encoding = "utf-8"
        if first == 0:
            bom = next((encoding for mark, encoding in BOMS if data.startswith(mark)), None)
            if bom not in (None, "utf-8-sig"):
                return replace(found, ok=False)
            encoding = bom or encoding
        if b"\x00" in data:
            return replace(found, ok=False)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            return replace(found, ok=False)
        controls = len(CONTROL_CHARACTERS.findall(text))
        chars = len(text)
        text = normalise_newlines(text) if first == 0 else unify_line_breaks(text)
        self._read_jsonl(Path(path), text, first_line)
        return replace(found, lines=text.count("\n"), chars=chars, controls=controls)

    def _read_jsonl_bytes(self, path: Path, data: bytes) -> None:
        """A .jsonl file decoded record by record: UTF-8 first; a record that is not UTF-8 falls back to
        cp1252 or latin-1 (noted with its line), a record holding a NUL byte is skipped (reported with its
        line), and neither touches the other records. A file of nothing but such records is "binary"."""
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")  # as normalise_newlines (ASCII bytes)
        documents, nul = len(self.documents), 0
        problems = len(self.problems)
        for number, raw in enumerate(data.split(b"\n"), start=1):
            if not raw.strip():
                continue
            source = f"{path}:{number}"
            if b"\x00" in raw:
                nul += 1
                self._problem(source, "NUL byte in the record: skipped")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                line, encoding = _decode_record(raw)
                self.notes.append(ReadProblem(source, f"not UTF-8 (byte 0x{raw[error.start]:02x} at column "
                                                      f"{error.start + 1}): this record read as {encoding}"))
            if number == 1:
                line = line.lstrip("\ufeff")
            self._read_jsonl_line(source, line)
        if nul and len(self.documents) == documents and nul == len(self.problems) - problems:
            del self.problems[problems:]
            self._problem(str(path), "binary file (NUL bytes)")

    def _read_text(self, path: Path, text: str) -> None:
        if not text.strip():
            self._problem(str(path), "empty file (only whitespace)")
            return
        text = safe_text(text)
        self._add(Document(path.stem, text, str(path), text_title(text), find_dateline(text)))

    def _read_html(self, path: Path, html: str) -> None:
        text, title, date, url, outlet = extract_html_article(html)
        if not text:
            self._problem(str(path), "no text found in HTML")
            return
        self._add(Document(path.stem, text, str(path), title, date or find_dateline(text), url, outlet))

    def _read_jsonl(self, path: Path, text: str, first_line: int = 1) -> None:
        for number, line in enumerate(text.split("\n"), start=first_line):
            if line.strip():
                self._read_jsonl_line(f"{path}:{number}", line)

    def _read_jsonl_line(self, source: str, line: str) -> None:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            self._problem(source, f"bad JSON: {error.msg} at column {error.colno}")
            return
        except RecursionError:
            self._problem(source, "bad JSON: nested too deeply")
            return
        except ValueError as error:  # e.g. an integer of more digits than Python converts
            self._problem(source, f"bad JSON: {str(error).splitlines()[0]}")
            return
        if not isinstance(record, dict):
            self._problem(source, "not a JSON object")
            return
        doc_id, body = record.get("id"), record.get("text")
        if isinstance(doc_id, bool) or not isinstance(doc_id, str | int) or not str(doc_id).strip():
            self._problem(source, "missing or empty 'id'")
            return
        if not isinstance(body, str) or not body.strip():
            self._problem(source, "missing or empty 'text'")
            return
        body = normalise_newlines(body)
        date = normalise_date(record.get("date")) or find_dateline(body)
        outlet = _str(record.get("outlet")) or _str(record.get("publisher"))
        self._add(Document(str(doc_id).strip(), body, source, _str(record.get("title")), date,
                           _str(record.get("url")), outlet), line=int(source.rsplit(":", 1)[1]))

    # -- bookkeeping ------------------------------------------------------------------------

    def _add(self, doc: Document, line: int | None = None) -> None:
        path = Path(doc.source if line is None else doc.source.rsplit(":", 1)[0])
        doc_id = safe_field(doc.id) or "_"
        if len(doc_id) > MAX_ID_CHARS:
            doc_id = bounded_id(doc_id)
            self.notes.append(ReadProblem(doc.source, f"id of {len(doc.id):,} characters: {doc_id!r} used"))
        text = doc.text
        if len(text) > MAX_DOCUMENT_CHARS:
            text = capped_text(text, MAX_DOCUMENT_CHARS)
            self.notes.append(ReadProblem(doc.source, f"document {doc_id!r}: text of {len(doc.text):,} characters "
                                                      f"cut to its first {len(text):,} (the limit is "
                                                      f"{MAX_DOCUMENT_CHARS:,} characters a document)"))
        doc = replace(doc, id=doc_id, text=safe_text(text), title=safe_field(doc.title),
                      url=safe_field(doc.url), outlet=safe_field(doc.outlet))
        self.documents.append(doc)
        self._origins.append((path, line))

    def _problem(self, source: str, reason: str) -> None:
        self.problems.append(ReadProblem(source, reason))


def name_documents(documents: Sequence[Document], origins: Sequence[tuple[Path, int | None]],
                   root: str) -> tuple[list[Document], list[ReadProblem]]:
    """Documents as :meth:`Reader.run` returns them: clashing ids made unique (see the module docstring)
    and each one's ``path`` relative to ``root`` (``file.jsonl:line`` for a jsonl record); with a note per
    clash. ``origins`` are the file and jsonl line of each document (:attr:`Reader.origins`), ``root``
    the inputs' :func:`common_root`.

    >>> docs = [Document("x", "A.", "in/a/x.txt"), Document("x", "B.", "in/b/x.txt")]
    >>> named, notes = name_documents(docs, [(Path("in/a/x.txt"), None), (Path("in/b/x.txt"), None)],
    ...                               os.path.abspath("in"))
    >>> [(d.id, d.path) for d in named], notes[0].reason
    ([('a/x', 'a/x.txt'), ('b/x', 'b/x.txt')], "same id 'x': ids 'a/x', 'b/x' used")
    """
    documents = list(documents)
    notes = _unique_ids(documents, origins, root)
    _relative_paths(documents, origins, root)
    return documents, notes


def _unique_ids(documents: list[Document], origins: Sequence[tuple[Path, int | None]], root: str) -> list[ReadProblem]:
    """Replace every clashing id by one traceable to its source (see the module docstring)."""
    notes: list[ReadProblem] = []
    groups: dict[str, list[int]] = {}
    for n, doc in enumerate(documents):
        groups.setdefault(doc.id, []).append(n)
    taken = {doc_id for doc_id, members in groups.items() if len(members) == 1 and not entity_like(doc_id)}
    for doc_id, members in groups.items():
        if len(members) == 1 and not entity_like(doc_id):
            continue
        new_ids = []
        for n in members:
            path, line = origins[n]
            relative = safe_field(Path(os.path.relpath(os.path.abspath(path), root)).as_posix()) or "_"
            if line is not None:
                candidates = [f"{doc_id}@{relative}:{line}"]
            else:
                candidates = [relative[: -len(path.suffix)] if path.suffix else relative, relative]
            new_id = next((c for c in candidates if c not in taken and c not in new_ids and not entity_like(c)
                           and sum(1 for m in members if _candidates_clash(origins, m, n, c, root)) == 0), None)
            if new_id is None:
                new_id = candidates[-1]
                k = 1
                while new_id in taken or new_id in new_ids:
                    k += 1
                    new_id = f"{candidates[-1]}-{k}"
            new_ids.append(new_id)
        for n, new_id in zip(members, new_ids, strict=True):
            documents[n] = replace(documents[n], id=new_id)
        taken.update(new_ids)
        sources = ", ".join(documents[n].source for n in members)
        why = "same id" if len(members) > 1 else "an id of the entities' form (label:name)"
        notes.append(ReadProblem(sources, f"{why} {doc_id!r}: ids {', '.join(map(repr, new_ids))} used"))
    return notes


# Entity ids are ``label:slug`` (``person:mary-jones``); a document id of that form is renamed, so an Article
# and an entity never share a node (the path or ``@file.jsonl:line`` it gets holds a ".", which no slug has).
_ENTITY_ID = re.compile("(?:" + "|".join(label.lower() for label in NODE_LABELS) + r"):[\w-]*")


def entity_like(doc_id: str) -> bool:
    """True for a document id that has the form of an entity id.

    >>> entity_like("person:mary-jones"), entity_like("bbc:12345")
    (True, False)
    """
    return _ENTITY_ID.fullmatch(doc_id) is not None


def _relative_paths(documents: list[Document], origins: Sequence[tuple[Path, int | None]], root: str) -> None:
    """Each document's path relative to the inputs' common folder (``file.jsonl:line`` for a jsonl
    record): the same whichever way the inputs were named (relative, absolute)."""
    for n, (path, line) in enumerate(origins):
        relative = safe_field(Path(os.path.relpath(os.path.abspath(path), root)).as_posix())
        documents[n] = replace(documents[n], path=relative if line is None else f"{relative}:{line}")


def _candidates_clash(origins: Sequence[tuple[Path, int | None]], other: int, n: int, candidate: str,
                      root: str) -> bool:
    """True when another member of the group would get the same short candidate id."""
    if other == n:
        return False
    path, line = origins[other]
    if line is not None:
        return False
    relative = Path(os.path.relpath(os.path.abspath(path), root)).as_posix()
    return candidate == (relative[: -len(path.suffix)] if path.suffix else relative)


def common_root(paths: list[str | Path]) -> str:
    """The deepest folder holding every input (a folder input itself, a file input's folder)."""
    folders = []
    for raw in paths:
        path = os.path.abspath(raw)
        if os.path.isdir(path):
            folders.append(path)
        elif os.path.exists(path):
            folders.append(os.path.dirname(path))
    return os.path.commonpath(folders) if folders else os.getcwd()


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def extract_html(html: str) -> tuple[str, str | None, str | None, str | None]:
    """Main text, title, ISO date and URL of an HTML page (text "" when none is found)."""
    return extract_html_article(html)[:4]


def extract_html_article(html: str) -> tuple[str, str | None, str | None, str | None, str | None]:
    """Main text, title, ISO date, URL and outlet (site name) of an HTML page (text "" when none is found).

    trafilatura finds the article body and the metadata; when it finds no body (tiny or unusual pages)
    its plain-text baseline of the whole page is used instead.
    """
    import trafilatura  # slow to import: only when there is HTML to read

    try:
        result = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception:  # noqa: BLE001 - a parser failure on one page must not stop the batch
        result = None
    text = normalise_newlines(getattr(result, "text", None) or "").strip()
    if not text:
        try:
            text = normalise_newlines(trafilatura.html2txt(html) or "").strip()
        except Exception:  # noqa: BLE001
            text = ""
    title = _str(getattr(result, "title", None))
    outlet = _str(getattr(result, "sitename", None))
    return (text, title, normalise_date(getattr(result, "date", None)), _str(getattr(result, "url", None)),
            outlet)


def read_inputs(paths: Iterable[str | Path]) -> tuple[list[Document], list[ReadProblem]]:
    """Read every supported file in ``paths`` (files or folders, recursively).

    >>> read_inputs(["/no/such/place.txt"])[1][0].reason
    'no such file or folder'
    """
    return Reader().run(paths)
