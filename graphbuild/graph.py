"""Merge resolved entities and facts into one ``networkx.MultiDiGraph``.

Node attributes: ``id``, ``name``, ``label``, ``aliases``, ``titles``, ``mentions``, ``sources``.
Edge attributes: ``type``, ``count``, ``sources``, ``evidence`` (list of
``{doc, sentence, start, end}``, plus ``status`` on MET evidence) and, where stated, ``date``,
``place``, ``status``, ``title``.
There is one edge per (source, type, target), keyed by the type; ``MET`` is stored once per
pair, from the smaller id to the larger, and is read as undirected.

>>> from graphbuild.models import Entity, Evidence, Fact
>>> a = Entity("person:a", "A", "Person", {"A"}, mentions=1, sources={"d1"})
>>> b = Entity("person:b", "B", "Person", {"B"}, mentions=1, sources={"d1"})
>>> fact = Fact("person:b", "MET", "person:a", Evidence("d1", "B met A.", 0, 8), status="occurred")
>>> G = build_graph_from_facts([a, b], [fact], documents=["d1"])
>>> list(G.edges(keys=True))
[('person:a', 'person:b', 'MET')]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict

import networkx as nx

from graphbuild import __version__
from graphbuild.models import MET, NEGATED, OCCURRED, PLANNED, Entity, Fact

# When evidence disagrees on a MET status, the strongest claim wins.
_STATUS_RANK = {OCCURRED: 0, PLANNED: 1, NEGATED: 2}


def build_graph_from_facts(
    entities: Iterable[Entity],
    facts: Iterable[Fact],
    documents: Iterable[str] = (),
    built: str | None = None,
) -> nx.MultiDiGraph:
    """Return the merged graph; the same input always gives the same graph, in the same order."""
    G = nx.MultiDiGraph()
    doc_ids = sorted(set(documents))
    G.graph.update({"generator": f"graphbuild {__version__}", "documents": len(doc_ids)})
    if built:
        G.graph["built"] = built
    for entity in sorted(entities, key=lambda e: e.id):
        G.add_node(entity.id, **_node_attributes(entity))
    grouped: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        source, target = fact.source, fact.target
        if fact.type == MET and target < source:
            source, target = target, source
        if source == target or source not in G or target not in G:
            continue
        grouped[(source, fact.type, target)].append(fact)
    for (source, rel_type, target), group in sorted(grouped.items()):
        G.add_edge(source, target, key=rel_type, **_edge_attributes(rel_type, group))
    return G


def _node_attributes(entity: Entity) -> dict:
    return {
        "id": entity.id,
        "name": entity.name,
        "label": entity.label,
        "aliases": sorted(entity.aliases),
        "titles": sorted(entity.titles),
        "mentions": entity.mentions,
        "sources": sorted(entity.sources),
    }


def _edge_attributes(rel_type: str, facts: list[Fact]) -> dict:
    facts = sorted(facts, key=lambda f: (f.evidence.doc, f.evidence.start, f.evidence.end))
    evidence = []
    for fact in facts:
        item = asdict(fact.evidence)
        if rel_type == MET:
            item["status"] = fact.status or OCCURRED  # which sentences say it happened, which only plan it
        if item not in evidence:
            evidence.append(item)
    attributes: dict = {
        "type": rel_type,
        "count": len(evidence),
        "sources": sorted({f.evidence.doc for f in facts}),
        "evidence": evidence,
    }
    statuses = [f.status for f in facts if f.status]
    if statuses:
        attributes["status"] = min(statuses, key=lambda s: _STATUS_RANK.get(s, 99))
    # Date and place come from the strongest claim first, then the earliest evidence.
    ranked = sorted(facts, key=lambda f: _STATUS_RANK.get(f.status or OCCURRED, 99))
    for name in ("date", "place"):
        value = next((getattr(f, name) for f in ranked if getattr(f, name)), None)
        if value:
            attributes[name] = value
    titles = Counter(f.title for f in facts if f.title)
    if titles:
        attributes["title"] = min(titles, key=lambda t: (-titles[t], len(t), t))
    return attributes


def met_status_rank(status: str | None) -> int:
    """Sort key for MET statuses: occurred < planned < negated."""
    return _STATUS_RANK.get(status or OCCURRED, 99)


__all__ = ["build_graph_from_facts", "met_status_rank", "PLANNED", "NEGATED"]
