"""Entity resolution: from per-document mentions to corpus-wide entities and facts.

- Within a document, a one-word person mention ("Belousov", "Xi") resolves to the only full
  name in that document ending (or, for family-name-first names, starting) with that word.
- Across documents, the same normalised full name is one entity; a lone short name joins a
  full name only when exactly one full name in the whole corpus fits it.
- An entity's label is decided by vote over all its mentions.
- A relation whose ends end up with the wrong labels (a MET with a place) is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from graphbuild.extract.names import name_key, same_person
from graphbuild.models import DocExtraction, Entity, Evidence, Fact
from graphbuild.resolve.analyst import apply_aliases, apply_distinct, apply_titles, keep_relations
from graphbuild.schema import EVENT, LOCATION, ORGANIZATION, PERSON, spec_of
from graphbuild.settings import Config
from graphbuild.text import bounded_id, fold

# Vote tie-break, earlier wins: a name tagged once as a place and once as a person is most often a place.
_LABEL_ORDER = {label: n for n, label in enumerate((LOCATION, ORGANIZATION, PERSON, EVENT))}


@dataclass(frozen=True)
class ResolvedCorpus:
    entities: list[Entity]
    facts: list[Fact]
    documents: list[str]
    mentions: dict[str, dict[str, int]] = field(default_factory=dict)  # doc id -> entity id -> mentions


def slugify(name: str) -> str:
    """The slug of a name, the part of an entity id after the label.

    >>> slugify("Andrei Belousov")
    'andrei-belousov'
    """
    return slug_of_folded(fold(name))


def slug_of_folded(folded: str) -> str:
    """:func:`slugify` of a name already folded; a very long one cut, with a hash of the whole (an id is a key
    Neo4j indexes, and its index refuses values of more than about 8 KB)."""
    slug = "-".join(folded.split()) or "unnamed"
    return slug if len(slug) <= MAX_SLUG_CHARS else bounded_id(slug, MAX_SLUG_CHARS)


MAX_SLUG_CHARS = 200


class _Folded(dict):
    """``fold`` of each name, computed once: a corpus repeats the same few names millions of times."""

    def __missing__(self, name: str) -> str:
        value = self[name] = fold(name)
        return value


class Resolver:
    """Merges the extractions of many documents into entities and facts, with the analyst's corrections
    of ``config`` (graphbuild.toml, see :mod:`graphbuild.resolve.analyst`)."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    def run(self, extractions: Iterable[DocExtraction]) -> ResolvedCorpus:
        extractions = sorted(extractions, key=lambda e: e.doc_id)
        folded = _Folded()
        local_names = [resolve_people_in_document(e) for e in extractions]
        local_names = merge_name_variants(extractions, local_names)
        local_names = apply_aliases(local_names, self.config)
        global_names = self._merge_short_names(extractions, local_names)
        global_names = apply_distinct(extractions, global_names, self.config)
        labels = self._vote_labels(extractions, global_names, folded)
        entities: dict[str, Entity] = {}
        mention_ids: list[list[str]] = []
        for extraction, names in zip(extractions, global_names, strict=True):
            ids = []
            for mention, name in zip(extraction.mentions, names, strict=True):
                key = folded[name]
                label = labels[key]
                entity_id = f"{label.lower()}:{slug_of_folded(key)}"
                entity = entities.get(entity_id)
                if entity is None:
                    entity = entities[entity_id] = Entity(entity_id, name, label)
                entity.aliases.add(mention.text)
                entity.mentions += 1
                entity.sources.add(extraction.doc_id)
                ids.append(entity.id)  # the entity's own string, not a new one per mention: a corpus has millions
            mention_ids.append(ids)
        self._choose_display_names(entities, extractions, mention_ids, folded)
        facts = self._facts(extractions, mention_ids, entities)
        facts = keep_relations(apply_titles(entities, facts, self.config), self.config)
        per_doc = {e.doc_id: dict(Counter(ids)) for e, ids in zip(extractions, mention_ids, strict=True)}
        return ResolvedCorpus(list(entities.values()), facts, [e.doc_id for e in extractions], per_doc)

    @staticmethod
    def _merge_short_names(extractions, local_names) -> list[list[str]]:
        """Give a lone short person name the corpus's only full name that fits it."""
        index = FullNameIndex(
            name
            for extraction, names in zip(extractions, local_names, strict=True)
            for mention, name in zip(extraction.mentions, names, strict=True)
            if mention.label == PERSON and len(name.split()) > 1
        )
        merged = []
        for extraction, names in zip(extractions, local_names, strict=True):
            doc_names = []
            for mention, name in zip(extraction.mentions, names, strict=True):
                if mention.label == PERSON and len(name.split()) == 1:
                    name = index.unique_full_name(name) or name
                doc_names.append(name)
            merged.append(doc_names)
        return merged

    @staticmethod
    def _vote_labels(extractions, names, folded: _Folded) -> dict[str, str]:
        votes: dict[str, Counter] = defaultdict(Counter)
        for extraction, doc_names in zip(extractions, names, strict=True):
            for mention, name in zip(extraction.mentions, doc_names, strict=True):
                votes[folded[name]][mention.label] += 1
        return {
            key: min(counter, key=lambda label: (-counter[label], _LABEL_ORDER.get(label, 99)))
            for key, counter in votes.items()
        }

    @staticmethod
    def _choose_display_names(entities, extractions, mention_ids, folded: _Folded) -> None:
        """A node's name: its most frequent full spelling (longest, then alphabetical, on ties)."""
        spellings: dict[str, Counter] = defaultdict(Counter)
        for extraction, ids in zip(extractions, mention_ids, strict=True):
            for mention, entity_id in zip(extraction.mentions, ids, strict=True):
                if folded[mention.text] == folded[entities[entity_id].name]:
                    spellings[entity_id][mention.text] += 1
        for entity_id, counter in spellings.items():
            entities[entity_id].name = min(counter, key=lambda s: (-counter[s], -len(s), s))

    @staticmethod
    def _facts(extractions, mention_ids, entities) -> list[Fact]:
        facts = []
        for extraction, ids in zip(extractions, mention_ids, strict=True):
            for relation in extraction.relations:
                source, target = ids[relation.subject], ids[relation.object]
                spec = spec_of(relation.type)
                if spec is None or not spec.allows(entities[source].label, entities[target].label):
                    continue  # a type this build does not know, or ends of the wrong kind (a MET with a place)
                if source == target:
                    continue
                sentence = extraction.sentences[relation.sentence]
                facts.append(Fact(
                    source, relation.type, target,
                    Evidence(extraction.doc_id, sentence.text, sentence.start, sentence.end,
                             extraction.sentences[relation.context].text if relation.context is not None else None),
                    status=relation.status, title=relation.title, date=relation.date, place=relation.place,
                    medium=relation.medium,
                ))
                if relation.title:
                    entities[source].titles.add(relation.title)
            for claim in extraction.titles:
                entity = entities[ids[claim.mention]]
                if entity.label == PERSON:
                    entity.titles.add(claim.title)
        return facts


def merge_name_variants(extractions: list[DocExtraction], names: list[list[str]]) -> list[list[str]]:
    """One spelling for the full names of one person across the corpus: "Mary K. Dalton" and "Mary Dalton",
    "Robert T. Hale" and "Bob Hale", "Kenji Sato" and "Sato Kenji" (both orders seen).

    A name joins the most mentioned compatible spelling, and only when every compatible spelling
    is compatible with that one: a name that could be either of two people stays as written.
    """
    counts: Counter = Counter(
        name for extraction, doc_names in zip(extractions, names, strict=True)
        for mention, name in zip(extraction.mentions, doc_names, strict=True)
        if mention.label == PERSON and len(name.split()) > 1
    )
    by_family: dict[str, list[str]] = defaultdict(list)
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n), n)):
        by_family[name_key(name)].append(name)
    canonical: dict[str, str] = {}
    for group in by_family.values():
        for name in group:
            fits = [other for other in group if other != name and same_person(name, other)]
            if not fits:
                continue
            best = fits[0] if counts[fits[0]] > counts[name] or (
                counts[fits[0]] == counts[name] and (len(fits[0]), fits[0]) > (len(name), name)) else name
            if best != name and all(same_person(best, other) for other in fits if other != best):
                canonical[name] = best
    canonical.update(_reversed_orders(counts))
    return [[canonical.get(name, name) for name in doc_names] for doc_names in names]


def _reversed_orders(counts: Counter) -> dict[str, str]:
    """"Sato Kenji" = "Kenji Sato" when both orders occur: the rarer order takes the more frequent one."""
    folded = {tuple(fold(w) for w in name.split()): name for name in counts if len(name.split()) == 2}
    mapping = {}
    for (first, last), name in folded.items():
        other = folded.get((last, first))
        if other and (counts[other], other) > (counts[name], name):
            mapping[name] = other
    return mapping


def resolve_people_in_document(extraction: DocExtraction) -> list[str]:
    """The name each mention stands for within its own document."""
    index = FullNameIndex(m.text for m in extraction.mentions if m.label == PERSON and len(m.text.split()) > 1)
    names = []
    for mention in extraction.mentions:
        name = mention.text
        if mention.label == PERSON and len(name.split()) == 1:
            name = index.unique_full_name(name) or name
        names.append(name)
    return names


class FullNameIndex:
    """Full person names indexed by their first and last word, so a short name is looked up, not searched."""

    def __init__(self, full_names: Iterable[str]) -> None:
        self._by_last: dict[str, set[str]] = defaultdict(set)
        self._by_first: dict[str, set[str]] = defaultdict(set)
        for name in set(full_names):
            words = fold(name).split()
            if words:
                self._by_last[words[-1]].add(name)
                self._by_first[words[0]].add(name)

    def unique_full_name(self, short: str) -> str | None:
        """The one full name ``short`` can stand for: by family name first, then by a leading family name."""
        key = fold(short)
        by_last = self._by_last.get(key, set())
        if by_last:
            return next(iter(by_last)) if len(by_last) == 1 else None
        by_first = self._by_first.get(key, set())
        return next(iter(by_first)) if len(by_first) == 1 else None


def unique_full_name(short: str, full_names: Iterable[str]) -> str | None:
    """The one full name ``short`` can stand for: by family name first, then by a leading family name.

    >>> unique_full_name("Belousov", ["Andrei Belousov", "Andrei Bozhovsky"])
    'Andrei Belousov'
    >>> unique_full_name("Xi", ["Xi Jinping", "Vladimir Putin"])
    'Xi Jinping'
    >>> unique_full_name("Andrei", ["Andrei Belousov", "Andrei Bozhovsky"]) is None
    True
    """
    return FullNameIndex(full_names).unique_full_name(short)
