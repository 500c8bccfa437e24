"""The per-document worker: one document in, its extraction record out (clean, split, parse, extract).

Both peers that run extraction call :func:`extract_documents`: the local process pool
(:mod:`graphbuild.build.local`) and the Dask cluster (:mod:`graphbuild.build.cluster`). What it returns
is plain :class:`Outcome` records, nothing of spaCy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from graphbuild.ingest.cleaner import clean
from graphbuild.models import Article, DocExtraction, Document, ReadProblem
from graphbuild.text import SENTENCE_END

MAX_PIECE_CHARS = 2000  # measured: flat ~300 MB peak and faster than whole articles
# A paragraph longer than this (no line break in it) is cut at sentence ends into pieces of about
# MAX_PIECE_CHARS: spaCy refuses texts over 1,000,000 characters (E088) and the parser's memory grows
# with the text. Shorter paragraphs stay whole, so ordinary articles parse exactly as before.
MAX_PARAGRAPH_CHARS = 100_000


# One spaCy pipeline per process, used by one thread at a time: a Dask worker's task thread and its model
# warm-up (see graphbuild.build.warmup) take it.
PIPELINE_LOCK = threading.Lock()


class ModelError(RuntimeError):
    """The spaCy model cannot be loaded: fatal for the whole build, not one document's failure."""


@dataclass
class Outcome:
    """What extracting one document gave: a result, or the reason there is none; and any notes."""

    extraction: DocExtraction | None
    error: ReadProblem | None = None
    notes: list[ReadProblem] = field(default_factory=list)


def extract_documents(documents: list[Document], model: str, batch_size: int,
                      one_by_one: bool = False) -> list[Outcome]:
    """Outcomes of a chunk of documents, in order. When the batch fails, each document is tried alone:
    only the document that fails is lost, and it is reported with the reason."""
    from graphbuild.extract.extractor import Extractor

    nlp = load_model(model)
    extractor = _extractor_for(nlp, Extractor)
    if not one_by_one:
        try:
            return _extract_batch(documents, nlp, extractor, batch_size)
        except Exception:  # noqa: BLE001 - find the document that fails, below
            if len(documents) == 1:
                one_by_one = True
            else:
                return extract_documents(documents, model, batch_size, one_by_one=True)
    outcomes = []
    for document in documents:
        try:
            outcomes += _extract_batch([document], nlp, extractor, batch_size)
        except Exception as exc:  # noqa: BLE001 - one bad document must not sink the batch
            outcomes.append(Outcome(None, ReadProblem(document.source, failure_message(document, exc))))
    return outcomes


def failure_message(document: Document, exc: BaseException) -> str:
    """One line: which document, and why it was not built."""
    reason = " ".join(str(exc).split()) or "no message"
    if len(reason) > 200:
        reason = reason[:197] + "..."
    return f"document {document.id!r} not built: {type(exc).__name__}: {reason}"


def load_model(model: str):
    from graphbuild.extract.nlp import load_pipeline

    try:
        return load_pipeline(model)
    except Exception as exc:  # noqa: BLE001 - reported as one line by the CLI
        raise ModelError(str(exc)) from exc


def warm_up(model: str) -> None:
    """Load the model and make its extractor now (a worker just started), not when the first document comes."""
    from graphbuild.extract.extractor import Extractor

    _extractor_for(load_model(model), Extractor)


def _extract_batch(documents: list[Document], nlp, extractor, batch_size: int) -> list[Outcome]:
    cleaned = [clean(d) for d in documents]
    pieces, notes = [], []
    for document, clean_doc in zip(documents, cleaned, strict=True):
        doc_pieces = split_paragraphs(clean_doc.text)
        pieces.append(doc_pieces)
        longest = longest_paragraph(clean_doc.text)
        notes.append([ReadProblem(document.source, f"document {document.id!r}: a paragraph of {longest:,} "
                                                   "characters without a line break was cut at sentence ends")]
                     if longest > MAX_PARAGRAPH_CHARS else [])
    # Each spaCy Doc is dropped as soon as it is extracted: memory does not grow with the corpus.
    return [Outcome(with_article(extractor.run(clean_doc, doc), document, clean_doc.title), notes=doc_notes)
            for document, clean_doc, doc, doc_notes
            in zip(documents, cleaned, parse_pieces(nlp, pieces, batch_size), notes, strict=True)]


def with_article(extraction: DocExtraction, document: Document, title: str | None = None) -> DocExtraction:
    """The extraction carrying its document's :class:`Article` (title: the cleaned headline, if any).

    Set where the extraction is made (a worker, a Dask task), so it travels with the record: triples.jsonl,
    the cache and merge all carry it.
    """
    extraction.article = Article.of(document, title)
    return extraction


def longest_paragraph(text: str) -> int:
    if len(text) <= MAX_PARAGRAPH_CHARS:
        return len(text)
    return max(len(line) for line in text.split("\n"))


def parse_pieces(nlp, pieces: list[list[str]], batch_size: int) -> Iterator:
    """One spaCy Doc per document. Long articles are parsed in paragraph-sized pieces and joined:
    the parser's memory grows with the longest text in a batch, and a sentence never spans a line break."""
    from spacy.tokens import Doc

    parsed = nlp.pipe((piece for doc_pieces in pieces for piece in doc_pieces), batch_size=batch_size)
    people = nlp.get_pipe("graphbuild_people") if "graphbuild_people" in nlp.pipe_names else None
    for doc_pieces in pieces:
        docs = [next(parsed) for _ in doc_pieces]
        if len(docs) == 1:
            yield docs[0]
            continue
        joined = Doc.from_docs(docs, ensure_whitespace=False)
        # Names found in one piece count in the others: run the document-wide people rules again.
        yield people(joined) if people else joined


def split_paragraphs(text: str, limit: int = MAX_PIECE_CHARS, longest: int | None = None) -> list[str]:
    r"""Cut ``text`` after line breaks into pieces of about ``limit`` characters; they join back exactly.

    A paragraph longer than ``longest`` (default MAX_PARAGRAPH_CHARS) is cut at sentence ends (else at
    a space, else anywhere).

    >>> split_paragraphs("one\ntwo\nthree", limit=5)
    ['one\n', 'two\n', 'three']
    >>> split_paragraphs("Aa bb. Cc dd. Ee.", limit=8, longest=10)
    ['Aa bb. ', 'Cc dd. ', 'Ee.']
    """
    if len(text) <= limit:
        return [text]
    longest = MAX_PARAGRAPH_CHARS if longest is None else longest
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut < 0:
            cut = text.find("\n", start + limit)  # a long paragraph stays whole, unless very long
            if (cut if cut >= 0 else len(text)) - (text.rfind("\n", 0, start) + 1) > longest:
                cut = _cut_long_paragraph(text, start, limit) - 1
            elif cut < 0:
                break
        pieces.append(text[start : cut + 1])
        start = cut + 1
    pieces.append(text[start:])
    return [p for p in pieces if p]


def _cut_long_paragraph(text: str, start: int, limit: int) -> int:
    """Where the next piece of a very long paragraph starts: after the last sentence end within
    ``limit`` characters, else after the last space, else at ``limit``."""
    window = text[start : start + limit]
    ends = [m.end() for m in SENTENCE_END.finditer(window)]
    if ends:
        return start + ends[-1]
    space = max(window.rfind(" "), window.rfind("\t"))
    return start + (space + 1 if space > 0 else limit)


_EXTRACTORS: dict[int, object] = {}


def _extractor_for(nlp, factory):
    key = id(nlp)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = factory(nlp)
    return _EXTRACTORS[key]
