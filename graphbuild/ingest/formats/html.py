"""HTML pages (``.html``, ``.htm``): the main text and metadata (title, date, url, site name) by trafilatura."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from graphbuild.dates import find_dateline, metadata_date
from graphbuild.ingest.decode import normalise_newlines
from graphbuild.models import Document, ReadProblem
from graphbuild.text import optional_text

EXTENSIONS = frozenset({".html", ".htm"})


def read(path: Path, html: str) -> Iterator[tuple[Document, None] | ReadProblem]:
    text, title, date, url, outlet = extract_html_article(html)
    if not text:
        yield ReadProblem(str(path), "no text found in HTML")
        return
    yield Document(path.stem, text, str(path), title, date or find_dateline(text), url, outlet), None


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
    title = optional_text(getattr(result, "title", None))
    outlet = optional_text(getattr(result, "sitename", None))
    return (text, title, metadata_date(getattr(result, "date", None)), optional_text(getattr(result, "url", None)),
            outlet)
