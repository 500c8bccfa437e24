"""Checks of a cached extraction before it is trusted: the right document, every field of the right
type, indexes in range and offsets inside the text (see :mod:`graphbuild.build.cache`)."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache

from graphbuild.models import DocExtraction, DocumentHeader


def valid_extraction(data: object, doc: DocumentHeader) -> DocExtraction:
    """The extraction stored in ``data`` if it is a well-formed result for the document ``doc`` describes;
    else ValueError."""
    if not isinstance(data, dict):
        raise ValueError("not an object")
    extraction = DocExtraction.from_dict(data)
    if extraction.doc_id != doc.id or extraction.date != doc.date:
        raise ValueError("another document's result")
    article = extraction.article
    if article is None:
        raise ValueError("no article record")
    _check_fields(article)
    if article.id != doc.id or article.date != doc.date or article.sha256 != doc.sha256:
        raise ValueError("another document's article")
    return well_formed(extraction, doc.length)


def well_formed(extraction: DocExtraction, length: int | None = None) -> DocExtraction:
    """``extraction`` if every field has its type and every index and offset is in range (offsets within
    ``length`` when it is known); else ValueError or TypeError."""
    if not isinstance(extraction.doc_id, str) or not (extraction.date is None or isinstance(extraction.date, str)):
        raise TypeError("doc_id or date has a wrong type")
    if extraction.article is not None:
        _check_fields(extraction.article)
    doc_length = length if length is not None else float("inf")
    for part in ("sentences", "mentions", "relations", "titles"):
        for record in getattr(extraction, part):
            _check_fields(record)
    n_sentences, n_mentions = len(extraction.sentences), len(extraction.mentions)
    for sentence in extraction.sentences:
        if not 0 <= sentence.start <= sentence.end <= doc_length:
            raise ValueError("sentence offsets outside the text")
    for mention in extraction.mentions:
        if not 0 <= mention.sentence < n_sentences or not 0 <= mention.start <= mention.end <= doc_length:
            raise ValueError("mention out of range")
    for relation in extraction.relations:
        if not (0 <= relation.subject < n_mentions and 0 <= relation.object < n_mentions
                and 0 <= relation.sentence < n_sentences
                and (relation.context is None or 0 <= relation.context < n_sentences)):
            raise ValueError("relation out of range")
    for title in extraction.titles:
        if not 0 <= title.mention < n_mentions:
            raise ValueError("title out of range")
    return extraction


def _check_fields(record: object) -> None:
    hints = _hints(type(record))
    for field in dataclasses.fields(record):
        if not _fits(getattr(record, field.name), hints[field.name]):
            raise TypeError(f"{type(record).__name__}.{field.name} has a wrong type")


@lru_cache(maxsize=16)
def _hints(cls: type) -> dict:
    return typing.get_type_hints(cls)


def _fits(value: object, hint: object) -> bool:
    """Whether a JSON value fits a simple type hint (str, int, float, bool, None, unions, list[...], dict)."""
    if hint is type(None) or hint is None:
        return value is None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if origin in (list, tuple):
        args = typing.get_args(hint)
        return isinstance(value, list | tuple) and all(_fits(v, args[0]) for v in value) if args else True
    if origin is dict:
        return isinstance(value, dict)
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # a hint this check does not know: trust it
