"""Plain text and Markdown (``.txt``, ``.md``): one document per file, titled by a headline-like first line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from graphbuild.dates import find_dateline
from graphbuild.ingest.decode import safe_text
from graphbuild.models import Document, ReadProblem

EXTENSIONS = frozenset({".txt", ".md"})


def read(path: Path, text: str) -> Iterator[tuple[Document, None] | ReadProblem]:
    if not text.strip():
        yield ReadProblem(str(path), "empty file (only whitespace)")
        return
    text = safe_text(text)
    yield Document(path.stem, text, str(path), text_title(text), find_dateline(text)), None


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
