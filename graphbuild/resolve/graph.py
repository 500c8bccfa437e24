"""Merge resolved entities and facts into one ``networkx.MultiDiGraph``.

Entity node attributes: ``id``, ``name``, ``label``, ``aliases``, ``titles``, ``mentions``, ``sources``.
Each document is an ``Article`` node whose id is the document id (the ``doc`` of every evidence item) with
its known ``title``, ``date``, ``url``, ``outlet``, ``path`` and ``sha256``, and a ``MENTIONS`` edge to
every entity it names, with ``count``, the number of mentions. A document id that is also an entity id
gets no Article node (entity ids are ``label:slug``, so only a strange jsonl id can do that).
Edge attributes: ``type``, ``count``, ``sources``, ``evidence`` (list of
``{doc, sentence, start, end}``, plus ``status`` on the evidence of a type whose spec is
``with_status``) and, where stated, ``status`` and the spec's properties (``date``, ``place``,
``medium``, ``title``).
There is one edge per (source, type, target), keyed by the type; a symmetric type (``MET``,
``SPOKE_WITH``) is stored once per pair, from the smaller id to the larger, and is read as
undirected. Facts of a type the schema does not know are skipped.

The MENTIONS, PARTICIPATED_IN and REPORTS edges (most of a large graph's edges, with a handful of distinct
attribute sets) share their attributes: equal ones are one read-only :class:`~graphbuild.models.SharedRecord`
(see :func:`add_shared_edge`). They read as any edge's; to change them, edit a copy, ``nx.MultiDiGraph(G)``.

Meetings (see :mod:`graphbuild.resolve.meetings`): each meeting or call the ``MET`` / ``SPOKE_WITH`` facts tell is a
``Meeting`` node (``id``, ``name``, ``date``, ``place``, ``status``, ``medium``, ``kind``, ``reports``: the number
of articles, ``count``: of sentences, ``sources``, ``evidence``), with a ``PARTICIPATED_IN`` edge from each of
its people (``side``, ``role`` when known) and a ``REPORTS`` edge from each of its articles (``count``). A pair
edge lists its meetings in ``meetings`` with ``meeting_dates`` and ``meeting_places`` beside ("" when unknown;
left out when none is known),
each evidence item names its ``meeting``, and the edge's own ``date`` and ``place`` are those of one meeting (the
strongest claim, then the earliest). Two colleagues of one side of a meeting get no pair edge from it.

>>> from graphbuild.models import Entity, Evidence, Fact
>>> a = Entity("person:a", "A", "Person", {"A"}, mentions=1, sources={"d1"})
>>> b = Entity("person:b", "B", "Person", {"B"}, mentions=1, sources={"d1"})
>>> fact = Fact("person:b", "MET", "person:a", Evidence("d1", "B met A.", 0, 8), status="occurred")
>>> G = build_graph_from_facts([a, b], [fact], documents=["d1"])
>>> [(u, v, k) for u, v, k in G.edges(keys=True) if k in ("MET", "MENTIONS")]
[('person:a', 'person:b', 'MET'), ('d1', 'person:a', 'MENTIONS'), ('d1', 'person:b', 'MENTIONS')]
>>> [(u, G.nodes[v]["name"], k) for u, v, k in G.edges(keys=True) if k not in ("MET", "MENTIONS")]
[('person:a', 'A – B', 'PARTICIPATED_IN'), ('person:b', 'A – B', 'PARTICIPATED_IN'), ('d1', 'A – B', 'REPORTS')]
>>> G.nodes["d1"]
{'label': 'Article', 'id': 'd1'}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib.metadata import version

import networkx as nx

from graphbuild.models import Article, Entity, Fact, SharedRecord
from graphbuild.resolve.meetings import Meeting, find_meetings
from graphbuild.schema import (
    ARTICLE,
    FACT_PROPERTIES,
    MEETING,
    MENTIONS,
    NEGATED,
    OCCURRED,
    PARTICIPATED_IN,
    PLANNED,
    REPORTS,
    RelationSpec,
    spec_of,
    status_rank,
)
from graphbuild.text import fold


def build_graph_from_facts(
    entities: Iterable[Entity],
    facts: Iterable[Fact],
    documents: Iterable[str | Article] = (),
    built: str | None = None,
    mentions: dict[str, dict[str, int]] | None = None,
    consume: bool = False,
) -> nx.MultiDiGraph:
    """Return the merged graph; the same input always gives the same graph, in the same order.

    ``documents`` are :class:`Article` records or bare document ids; ``mentions`` maps a document id to
    the number of mentions of each entity id in it (without it, each entity's ``sources`` count once).
    With ``consume``, the given ``entities`` and ``facts`` lists and the ``mentions`` map are emptied as the
    graph takes in what they hold: a corpus of a million articles is not then held twice.
    """
    G = nx.MultiDiGraph()
    articles: dict[str, Article] = {}
    for doc in documents:
        article = doc if isinstance(doc, Article) else Article(str(doc))
        articles.setdefault(article.id, article)
    G.graph.update({"generator": f"graphbuild {version('graphbuild')}", "documents": len(articles)})
    if built:
        G.graph["built"] = built
    given, entities = entities, sorted(entities, key=lambda e: e.id)
    for entity in entities:
        G.add_node(entity.id, **_node_attributes(entity))
    if mentions is None:
        mentions = _mentions_of_sources(entities)
    if consume and isinstance(given, list):
        given.clear()
    del given, entities  # consumed, their sets are freed: the nodes hold what the graph needs of them
    _add_articles(G, [articles[k] for k in sorted(articles)], mentions, consume)
    kept = [f for f in facts if spec_of(f.type) is not None and f.source != f.target
            and f.source in G and f.target in G]
    if consume and isinstance(facts, list):
        facts.clear()
    named = {node: data for node, data in G.nodes(data=True) if data.get("label") not in _NOT_ENTITIES}
    found = find_meetings(kept, {a.id: a.date for a in articles.values()},
                          {n: data["name"] for n, data in named.items()}, posts=kept,
                          labels={n: data["label"] for n, data in named.items()},
                          aliases={n: data["aliases"] for n, data in named.items()})
    del named
    _add_meetings(G, found.meetings)
    by_id = {m.id: m for m in found.meetings}
    fact_meeting = {key: by_id[meeting_id] for key, meeting_id in found.fact_meeting.items()}
    grouped: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in kept:
        if id(fact) in found.dropped:
            continue  # two colleagues of one side of a meeting: they were in the room, they did not meet
        spec = spec_of(fact.type)
        source, target = fact.source, fact.target
        if spec.symmetric and target < source:
            source, target = target, source
        grouped[(source, fact.type, target)].append(fact)
    for (source, rel_type, target), group in sorted(grouped.items()):
        spec = spec_of(rel_type)
        assert spec is not None
        G.add_edge(source, target, key=rel_type, **_edge_attributes(spec, group, fact_meeting))
    return G


def _add_meetings(G: nx.MultiDiGraph, meetings: list[Meeting]) -> None:
    """Meeting nodes in id order, each with its PARTICIPATED_IN edges (people in id order), then REPORTS."""
    for meeting in meetings:
        attributes = {"id": meeting.id, "name": meeting.name, "date": meeting.date, "place": meeting.place,
                      "status": meeting.status, "medium": meeting.medium, "kind": meeting.kind,
                      "reports": len(meeting.sources), "count": len(meeting.evidence),
                      "sources": meeting.sources, "evidence": meeting.evidence}
        G.add_node(meeting.id, label=MEETING, **{k: v for k, v in attributes.items() if v is not None})
    for meeting in meetings:
        for person in meeting.people:
            edge = {"type": PARTICIPATED_IN}
            side = meeting.sides.get(person)
            if side is not None and side in G:
                edge["side"] = G.nodes[side].get("name", side)
                edge["side_id"] = side
            if person in meeting.roles:
                edge["role"] = meeting.roles[person]
            add_shared_edge(G, person, meeting.id, PARTICIPATED_IN, edge)
        for doc, count in meeting.report_counts.items():
            if doc in G and G.nodes[doc].get("label") == ARTICLE:
                add_shared_edge(G, doc, meeting.id, REPORTS, {"type": REPORTS, "count": count})


_NOT_ENTITIES = (ARTICLE, MEETING)


def _mentions_of_sources(entities: list[Entity]) -> dict[str, dict[str, int]]:
    """Each entity mentioned once in each of its sources, for want of counts."""
    mentions: dict[str, dict[str, int]] = defaultdict(dict)
    for entity in entities:
        for doc in entity.sources:
            mentions[doc][entity.id] = 1
    return mentions


def _add_articles(G: nx.MultiDiGraph, articles: list[Article], mentions: dict[str, dict[str, int]],
                  consume: bool) -> None:
    """Article nodes after the entities, then their MENTIONS edges, all in id order."""
    for article in articles:
        counts = mentions.pop(article.id, {}) if consume else mentions.get(article.id, {})
        if article.id in G:  # an entity has this id: no Article node rather than a merged one
            continue
        G.add_node(article.id, label=ARTICLE, **article.attributes())
        for entity_id, count in sorted(counts.items()):
            if entity_id in G and G.nodes[entity_id].get("label") != ARTICLE and count > 0:
                add_shared_edge(G, article.id, entity_id, MENTIONS, {"type": MENTIONS, "count": count})


def add_shared_edge(G: nx.MultiDiGraph, u: str, v: str, key: str, attributes: dict[str, str | int]) -> None:
    """``G.add_edge(u, v, key=key, **attributes)``: the same edge in the same place, but its attributes (and
    its key map) are the one :class:`~graphbuild.models.SharedRecord` of every edge with equal ones.

    For the edges of the lexical and meeting layers (MENTIONS, PARTICIPATED_IN, REPORTS): millions, with few
    distinct attribute sets, and the only edge between their two ends (an Article names an entity, a person
    takes part in a meeting, an article reports it), so no later ``add_edge`` has to change the key map.
    networkx would give each edge two dicts of its own, about 370 bytes: at a million articles, most of the
    graph's memory.
    """
    for node in (u, v):
        if node not in G:
            G.add_node(node)  # as add_edge does
    if v in G._succ[u]:
        raise ValueError(f"{u} -> {v} already has an edge: a shared edge must be the only one of its pair")
    shape = (key, tuple(sorted(attributes.items())))
    keydict = _SHARED_KEYDICTS.get(shape)
    if keydict is None:
        keydict = _SHARED_KEYDICTS[shape] = SharedRecord({key: SharedRecord(attributes)})
    # networkx's adjacency, written as add_edge writes it: both ends hold the same key map
    G._succ[u][v] = keydict
    G._pred[v][u] = keydict


# Read-only, so shared by every graph of the process: one per count, side and role seen, a few thousand at most.
_SHARED_KEYDICTS: dict[tuple, SharedRecord] = {}


def distinct_titles(titles) -> list[str]:
    """One spelling per title, compared folded (case, accents): the one with the most capitalised words
    that is not all capitals; sorted.

    >>> distinct_titles({"Foreign Minister", "foreign minister", "FOREIGN MINISTER", "Envoy"})
    ['Envoy', 'Foreign Minister']
    """
    best: dict[str, str] = {}
    for title in sorted(titles):
        key = fold(title)
        rank = (title.isupper(), -sum(w[:1].isupper() for w in title.split()), title)
        if key not in best or rank < (best[key].isupper(), -sum(w[:1].isupper() for w in best[key].split()),
                                      best[key]):
            best[key] = title
    return sorted(best.values())


def _node_attributes(entity: Entity) -> dict:
    return {
        "id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "aliases": sorted(entity.aliases),
        "titles": distinct_titles(entity.titles),
        "mentions": entity.mentions,
        "sources": sorted(entity.sources),
    }


def _edge_attributes(spec: RelationSpec, facts: list[Fact], fact_meeting: dict[int, Meeting] | None = None) -> dict:
    fact_meeting = fact_meeting or {}
    facts = sorted(facts, key=lambda f: (f.evidence.doc, f.evidence.start, f.evidence.end))
    evidence = []
    seen: set[tuple] = set()  # a set, not a scan of the list: a hub's edge may carry thousands of items
    for fact in facts:
        item = dict(vars(fact.evidence))  # Evidence holds flat scalars: a shallow copy is asdict's result
        if item["context"] is None:
            del item["context"]  # only evidence that refers to a person named elsewhere carries it
        if spec.with_status:
            item["status"] = fact.status or OCCURRED  # which sentences say it happened, which only plan it
        if id(fact) in fact_meeting:
            item["meeting"] = fact_meeting[id(fact)].id
        identity = tuple(item.items())
        if identity not in seen:
            seen.add(identity)
            evidence.append(item)
    attributes: dict = {
        "type": spec.name,
        "count": len(evidence),
        "sources": sorted({f.evidence.doc for f in facts}),
        "evidence": evidence,
    }
    statuses = [f.status for f in facts if f.status]
    if spec.with_status and statuses:
        attributes["status"] = min(statuses, key=status_rank)
    # Date, place and medium come from the strongest claim first, then the earliest evidence;
    # the title is the one stated most often (then the shortest).
    ranked = sorted(facts, key=lambda f: status_rank(f.status))
    for name in FACT_PROPERTIES:
        if name not in spec.properties:
            continue
        if name == "title":
            titles = Counter(f.title for f in facts if f.title)
            if titles:
                attributes["title"] = min(titles, key=lambda t: (-titles[t], len(t), t))
            continue
        value = next((getattr(f, name) for f in ranked if getattr(f, name)), None)
        if value:
            attributes[name] = value
    meetings = sorted({fact_meeting[id(f)].id: fact_meeting[id(f)] for f in facts if id(f) in fact_meeting}.values(),
                      key=lambda m: (m.date is None, m.date or "", m.id))
    if meetings:
        # Date and place of one meeting, never one's date with another's place.
        primary = min(meetings, key=lambda m: (status_rank(m.status), m.date is None, m.date or "", m.id))
        for name in ("date", "place"):
            attributes.pop(name, None)
            if name in spec.properties and getattr(primary, name):
                attributes[name] = getattr(primary, name)
        attributes["meetings"] = [m.id for m in meetings]
        for name in ("date", "place"):  # beside the ids, "" where unknown; left out when none is known
            values = [getattr(m, name) or "" for m in meetings]
            if any(values):
                attributes[f"meeting_{name}s"] = values
    return attributes


__all__ = ["build_graph_from_facts", "PLANNED", "NEGATED"]
