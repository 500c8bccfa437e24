"""The analyst's corrections from graphbuild.toml (:mod:`graphbuild.settings`), applied during resolution.

- ``[aliases]``: every mention resolving to one of the other names resolves to the canonical name, so the
  two spellings are one node (each spelling seen stays an alias).
- ``[distinct]``: a mention whose resolved name is a listed pair of its own text keeps its own text
  (a short form or a variant is not merged into that name).
- ``[titles]``: posts added to or dropped from a person (a dropped post also drops the person's
  HOLDS_POSITION facts with that title).
- ``[export] relations``: facts of other relation types are left out.
"""

from __future__ import annotations

from graphbuild.models import DocExtraction, Entity, Fact
from graphbuild.schema import HOLDS_POSITION, PERSON
from graphbuild.settings import Config
from graphbuild.text import fold


def apply_aliases(names: list[list[str]], config: Config) -> list[list[str]]:
    """Each name that is one of ``[aliases]``'s other names (folded) becomes its canonical name."""
    mapping = config.alias_map()
    if not mapping:
        return names
    canonical = {fold(name): name for name in config.aliases}
    return [[mapping.get(fold(name)) or canonical.get(fold(name)) or name for name in doc_names]
            for doc_names in names]


def apply_distinct(extractions: list[DocExtraction], names: list[list[str]], config: Config) -> list[list[str]]:
    """A mention resolved to a name ``[distinct]`` keeps apart from its own text keeps its own text."""
    pairs = config.distinct_pairs()
    if not pairs:
        return names
    return [[mention.text if frozenset((fold(mention.text), fold(name))) in pairs else name
             for mention, name in zip(extraction.mentions, doc_names, strict=True)]
            for extraction, doc_names in zip(extractions, names, strict=True)]


def apply_titles(entities: dict[str, Entity], facts: list[Fact], config: Config) -> list[Fact]:
    """Add and drop ``[titles]`` posts; return the facts without the dropped posts' HOLDS_POSITION."""
    if not config.titles:
        return facts
    by_name: dict[str, list[Entity]] = {}
    for entity in entities.values():
        if entity.label == PERSON:
            for text in {entity.name, *entity.aliases}:
                by_name.setdefault(fold(text), []).append(entity)
    dropped: set[tuple[str, str]] = set()
    for name, change in config.titles.items():
        drop = {fold(t) for t in change.drop}
        for entity in by_name.get(fold(name), []):
            entity.titles = {t for t in entity.titles if fold(t) not in drop} | set(change.add)
            dropped |= {(entity.id, t) for t in drop}
    return [f for f in facts if not (f.type == HOLDS_POSITION and (f.source, fold(f.title or "")) in dropped)]


def keep_relations(facts: list[Fact], config: Config) -> list[Fact]:
    """Only the facts of ``[export] relations`` (all when it is not set)."""
    if config.relations is None:
        return facts
    return [f for f in facts if f.type in config.relations]
