"""One small reader per input format, chosen by the file's extension from ``FORMATS``.

Each format module declares its ``EXTENSIONS`` and ``read(path, text)``, which turns the decoded text of one
file into what it holds, in order: ``(Document, jsonl line or None)`` for each document, a
:class:`~graphbuild.models.ReadProblem` for each record it cannot read. Adding a format (``.pdf``,
``.docx``) is one module here and one entry in ``FORMATS``.

>>> sorted(FORMATS)
['.htm', '.html', '.jsonl', '.md', '.txt']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from graphbuild.ingest.formats import html, jsonl, text
from graphbuild.models import Document, ReadProblem

Found = tuple[Document, int | None] | ReadProblem
FormatReader = Callable[[Path, str], Iterable[Found]]

FORMATS: dict[str, FormatReader] = {
    extension: module.read for module in (text, html, jsonl) for extension in sorted(module.EXTENSIONS)
}
SUPPORTED_EXTENSIONS = frozenset(FORMATS)
