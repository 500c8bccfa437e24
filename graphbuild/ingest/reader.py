"""Walk files and folders and read them into :class:`Document` records (the ingest stage's entry point).

Supported inputs: one reader per format in :mod:`graphbuild.ingest.formats` (``.txt``, ``.md``,
``.html``/``.htm``, ``.jsonl``), chosen by extension; bytes are decoded by :mod:`graphbuild.ingest.decode`
and ids made unique by :mod:`graphbuild.ingest.ids`. Each document also keeps what its
:class:`~graphbuild.models.Article` needs: a title, a date, the url and outlet, and its path relative to the
inputs' common folder. Folders are walked recursively; files inside them with other extensions are
ignored, but a file named explicitly with an unsupported extension is reported.

Nothing here raises for a bad input: each one becomes a :class:`ReadProblem` and the batch goes on.

>>> docs, problems = read_inputs([])
>>> docs, problems
([], [])
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from graphbuild.ingest.decode import (
    decode_bytes,
    decodes_per_record,
    non_utf8_lines,
    normalise_newlines,
    safe_field,
    safe_text,
)
from graphbuild.ingest.formats import FORMATS, SUPPORTED_EXTENSIONS, Found, jsonl
from graphbuild.ingest.formats.jsonl import JsonlRange
from graphbuild.ingest.ids import common_root, name_documents
from graphbuild.models import Document, ReadNote, ReadProblem
from graphbuild.text import SENTENCE_END, bounded_id

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
    for cut in (window.rfind("\n") + 1, max((m.end() for m in SENTENCE_END.finditer(window, limit // 2)),
                                             default=0), window.rfind(" ") + 1):
        if cut > limit // 2:
            return text[:cut]
    return window




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
        if path.suffix.lower() in jsonl.EXTENSIONS and decodes_per_record(data):
            self._take(jsonl.read_bytes(path, data))
            return
        text, how = decode_bytes(data)
        if text is None:
            self._problem(str(path), how)
            return
        if how in ("cp1252", "latin-1"):
            lines = non_utf8_lines(data)
            where = f"line {lines[0]}" if len(lines) == 1 else f"{len(lines):,} lines (the first: {lines[0]})"
            self.notes.append(ReadProblem(str(path), f"not UTF-8: {where} read as {how}, the rest as UTF-8"))
        self._take(FORMATS[path.suffix.lower()](path, normalise_newlines(text)))

    def _take(self, found: Iterable[Found]) -> None:
        for item in found:
            if isinstance(item, ReadNote):
                self.notes.append(item)
            elif isinstance(item, ReadProblem):
                self.problems.append(item)
            else:
                self._add(*item)

    def read_jsonl_range(self, path: Path, start: int, end: int, first_line: int | None = None) -> JsonlRange:
        """Read the lines of the .jsonl file ``path`` that start in the byte range [start, end), as
        :func:`~graphbuild.ingest.formats.jsonl.read_range` does, into ``documents``/``problems``."""
        found, records = jsonl.read_range(path, start, end, first_line)
        self._take(records)
        return found

    # -- bookkeeping ------------------------------------------------------------------------

    def _add(self, doc: Document, line: int | None) -> None:
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


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket")):
        if test(mode):
            return kind
    return "special file"


def read_inputs(paths: Iterable[str | Path]) -> tuple[list[Document], list[ReadProblem]]:
    """Read every supported file in ``paths`` (files or folders, recursively).

    >>> read_inputs(["/no/such/place.txt"])[1][0].reason
    'no such file or folder'
    """
    return Reader().run(paths)
