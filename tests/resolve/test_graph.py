"""The merged graph's memory: shared edge records, and a graph that consumes its corpus."""

from __future__ import annotations

import copy
import pickle

import networkx as nx
import pytest
from sample_graph import sample_graph

from graphbuild.exporters.json_graph import graph_to_json
from graphbuild.models import Entity, Evidence, Fact, SharedRecord
from graphbuild.resolve.graph import add_shared_edge, build_graph_from_facts
from graphbuild.schema import MENTIONS, PARTICIPATED_IN, REPORTS

SHARED_TYPES = {MENTIONS, PARTICIPATED_IN, REPORTS}


def test_edges_of_the_lexical_and_meeting_layers_share_one_record_per_attribute_set() -> None:
    G = sample_graph()
    shared = [(k, d) for _, _, k, d in G.edges(keys=True, data=True) if k in SHARED_TYPES]
    assert shared and all(type(d) is SharedRecord for _, d in shared)
    mentions = [d for k, d in shared if k == MENTIONS]
    assert len({id(d) for d in mentions}) == len({d["count"] for d in mentions}) < len(mentions)
    facts = [d for _, _, k, d in G.edges(keys=True, data=True) if k not in SHARED_TYPES]
    assert facts and not any(type(d) is SharedRecord for d in facts)  # a fact's evidence is its own


def test_a_shared_record_refuses_changes_and_a_copy_of_the_graph_takes_them() -> None:
    G = sample_graph()
    u, v, k = next((u, v, k) for u, v, k in G.edges(keys=True) if k == MENTIONS)
    with pytest.raises(TypeError, match="nx.MultiDiGraph"):
        G.edges[u, v, k]["count"] = 99
    with pytest.raises(TypeError):
        G.edges[u, v, k].pop("count", None)
    H = nx.MultiDiGraph(G)
    H.edges[u, v, k]["count"] = 99
    assert G.edges[u, v, k]["count"] != 99
    record = G.edges[u, v, k]
    assert pickle.loads(pickle.dumps(record)) == copy.deepcopy(record) == record


def test_a_shared_edge_reads_as_the_edge_add_edge_makes() -> None:
    shared, plain = nx.MultiDiGraph(), nx.MultiDiGraph()
    for G in (shared, plain):
        G.add_nodes_from(["a", "b", "c"])
    add_shared_edge(shared, "a", "b", MENTIONS, {"type": MENTIONS, "count": 2})
    add_shared_edge(shared, "a", "c", MENTIONS, {"type": MENTIONS, "count": 2})
    plain.add_edge("a", "b", key=MENTIONS, type=MENTIONS, count=2)
    plain.add_edge("a", "c", key=MENTIONS, type=MENTIONS, count=2)
    assert list(shared.edges(keys=True, data=True)) == list(plain.edges(keys=True, data=True))
    assert list(shared.in_edges("b", keys=True)) == [("a", "b", MENTIONS)]
    assert graph_to_json(shared) == graph_to_json(plain)
    with pytest.raises(ValueError, match="only one of its pair"):
        add_shared_edge(shared, "a", "b", REPORTS, {"type": REPORTS, "count": 1})


def _corpus():
    people = [Entity(f"person:p{i}", f"P{i}", "Person", {f"P{i}"}, mentions=1, sources={"d1", "d2"}) for i in range(4)]
    facts = [Fact(f"person:p{i}", "MET", f"person:p{i + 1}", Evidence(doc, f"P{i} met P{i + 1}.", 0, 12),
                  status="occurred") for i in range(3) for doc in ("d1", "d2")]
    mentions = {doc: {p.id: 2 for p in people} for doc in ("d1", "d2")}
    return people, facts, mentions


def test_a_graph_that_consumes_its_corpus_is_the_same_graph_and_empties_it() -> None:
    kept = build_graph_from_facts(*_corpus()[:2], documents=["d1", "d2"], mentions=_corpus()[2])
    entities, facts, mentions = _corpus()
    consumed = build_graph_from_facts(entities, facts, documents=["d1", "d2"], mentions=mentions, consume=True)
    assert graph_to_json(consumed) == graph_to_json(kept)
    assert entities == facts == [] and mentions == {}
