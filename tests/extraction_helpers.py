"""Run the real spaCy model and extractor on a text and read the result as simple tuples."""

from __future__ import annotations

from functools import lru_cache

from graphbuild.extract.extractor import Extractor
from graphbuild.extract.nlp import load_pipeline
from graphbuild.models import CleanDocument, DocExtraction
from graphbuild.schema import SYMMETRIC_TYPES
from graphbuild.settings import DEFAULT_MODEL


@lru_cache(maxsize=1)
def shared_extractor():
    nlp = load_pipeline(DEFAULT_MODEL)
    return nlp, Extractor(nlp)


def extract(text: str, date: str | None = None, doc_id: str = "t") -> DocExtraction:
    nlp, extractor = shared_extractor()
    clean = CleanDocument(doc_id, text, list(range(len(text) + 1)), text, date=date)
    return extractor.run(clean, nlp(text))


def facts(text: str, date: str | None = None) -> set[tuple]:
    """{(type, subject, object)}: pairs of a symmetric type (MET, SPOKE_WITH) sorted, so the sentence's order
    does not matter."""
    result = extract(text, date)
    out = set()
    for rel in result.relations:
        a, b = result.mentions[rel.subject].text, result.mentions[rel.object].text
        if rel.type in SYMMETRIC_TYPES:
            a, b = sorted((a, b))
        out.add((rel.type, a, b))
    return out


def relation_details(text: str, rel_type: str, date: str | None = None) -> list[dict]:
    result = extract(text, date)
    return [
        {"subject": result.mentions[r.subject].text, "object": result.mentions[r.object].text,
         "status": r.status, "date": r.date, "place": r.place, "title": r.title, "medium": r.medium}
        for r in result.relations if r.type == rel_type
    ]


def titles(text: str) -> set[tuple[str, str]]:
    result = extract(text)
    return {(result.mentions[t.mention].text, t.title) for t in result.titles}
