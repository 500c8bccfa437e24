"""graph.json and graph.graphml: round trips, determinism, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from sample_graph import NASTY_NAME, sample_graph

from graphbuild.atomic import atomic_write_text
from graphbuild.exporters.graphml import write_graphml
from graphbuild.exporters.json_graph import graph_to_json, read_json, write_json
from graphbuild.resolve.graph import build_graph_from_facts
from graphbuild.schema import (
    ARTICLE,
    MEETING,
    MENTIONS,
    PARTICIPATED_IN,
    RELATION_TYPES,
    REPORTS,
    SPOKE_WITH,
    SYMMETRIC_TYPES,
)

DERIVED = (MENTIONS, PARTICIPATED_IN, REPORTS)  # edges that are no extracted fact


def test_json_round_trip_keeps_every_attribute(tmp_path: Path) -> None:
    G = sample_graph()
    write_json(G, tmp_path / "graph.json")
    back = read_json(tmp_path / "graph.json")
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=str) == sorted(G.edges(keys=True, data=True), key=str)
    assert back.nodes["person:nasty"]["name"] == NASTY_NAME


def test_json_is_node_link_with_sorted_keys() -> None:
    text = graph_to_json(sample_graph())
    orders: list[list[str]] = []  # the keys of every object, in the order the text writes them

    def record(pairs: list[tuple[str, object]]) -> dict:
        orders.append([key for key, _ in pairs])
        return dict(pairs)

    data = json.loads(text, object_pairs_hook=record)
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    facts = [e for e in data["edges"] if e["type"] not in DERIVED]
    assert len(orders) > 3 * len(facts)  # top level, graph, nodes, edges and their evidence
    assert all(keys == sorted(keys) for keys in orders), [keys for keys in orders if keys != sorted(keys)]
    # Insertion order does not leak into the text: edge attributes set in reverse order read the same
    # (on a copy: the built graph's MENTIONS and meeting edges share read-only records).
    G = nx.MultiDiGraph(sample_graph())
    for _, _, attrs in G.edges(data=True):
        items = list(attrs.items())
        attrs.clear()
        attrs.update(reversed(items))
    assert graph_to_json(G) == text
    assert graph_to_json(sample_graph()) == text


def test_graphml_is_readable_and_lists_are_json(tmp_path: Path) -> None:
    write_graphml(sample_graph(), tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert json.loads(back.nodes["person:ann-lee"]["aliases"]) == ["Ann Lee", "Lee"]
    evidence = [json.loads(d["evidence"]) for _, _, d in back.edges(data=True) if d["type"] not in DERIVED]
    assert all(isinstance(e, list) and e and "sentence" in e[0] for e in evidence)


def test_graph_edges_are_one_per_source_type_target() -> None:
    G = sample_graph()
    keys = [(u, k, v) for u, v, k in G.edges(keys=True)]
    assert len(keys) == len(set(keys))
    for u, v, k, data in G.edges(keys=True, data=True):
        assert data["type"] == k
        if k == MENTIONS:  # article -> entity, with the number of mentions
            assert G.nodes[u]["label"] == ARTICLE and data["count"] >= 1 and list(data) == ["type", "count"]
            continue
        if k == REPORTS:  # article -> meeting, with the number of its sentences that tell it
            assert G.nodes[u]["label"] == ARTICLE and G.nodes[v]["label"] == MEETING and data["count"] >= 1
            continue
        if k == PARTICIPATED_IN:  # person -> meeting, with the side when known
            assert G.nodes[v]["label"] == MEETING and set(data) <= {"type", "side", "side_id", "role"}
            continue
        assert data["count"] == len(data["evidence"]) and data["sources"]
        if k in SYMMETRIC_TYPES:
            assert u < v
    assert {k for _, _, k in G.edges(keys=True)} == {*RELATION_TYPES, *DERIVED}  # every type of the schema


def test_spoke_with_in_json_and_graphml(tmp_path: Path) -> None:
    G = sample_graph()
    data = json.loads(graph_to_json(G))
    [spoke] = [e for e in data["edges"] if e["type"] == SPOKE_WITH]
    assert (spoke["source"], spoke["target"]) == ("person:ann-lee", "person:cy-diaz")  # stated Cy -> Ann
    assert (spoke["status"], spoke["medium"], spoke["date"]) == ("occurred", "video", "2024-10-18")
    assert [e["status"] for e in spoke["evidence"]] == ["occurred"]
    assert list(G.edges["person:ann-lee", "person:cy-diaz", SPOKE_WITH]) == [
        "type", "count", "sources", "evidence", "status", "medium", "date", "meetings", "meeting_dates"]
    # The call is a meeting of its own (by video), dated, listed on the edge with its date.
    [call] = spoke["meetings"]
    assert (spoke["meeting_dates"], data["nodes"][[n["id"] for n in data["nodes"]].index(call)]["medium"]) == (
        ["2024-10-18"], "video")
    write_graphml(G, tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    [(u, v, d)] = [(u, v, d) for u, v, d in back.edges(data=True) if d["type"] == SPOKE_WITH]
    assert (u, v, d["medium"], d["status"]) == ("person:ann-lee", "person:cy-diaz", "video", "occurred")


# ---------- a relation type the code has never heard of, declared only in the schema ----------

TEST_TYPE = "WROTE_TO"


def _facts_of_a_new_type():
    from graphbuild.models import Entity, Evidence, Fact

    people = [Entity(f"person:{n}", n.title(), "Person", {n.title()}, set(), 1, {"d1"}) for n in ("zed", "amy")]
    sentence = "Zed wrote to Amy."
    facts = [Fact("person:zed", TEST_TYPE, "person:amy", Evidence("d1", sentence, 0, len(sentence)),
                  status="planned", medium="letter", date="2024-01-02")]
    return people, facts


def test_unknown_relation_type_is_skipped() -> None:
    people, facts = _facts_of_a_new_type()
    G = build_graph_from_facts(people, facts, documents=["d1"])
    assert G.number_of_nodes() == 3 and {k for _, _, k in G.edges(keys=True)} == {MENTIONS}  # no fact


def test_a_schema_entry_is_all_a_new_relation_needs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from graphbuild import schema
    from graphbuild.exporters.cypher import write_cypher
    from graphbuild.exporters.html import render_html

    spec = schema.RelationSpec(TEST_TYPE, frozenset({"Person"}), frozenset({"Person"}), schema.OBJECT_PERSON,
                               symmetric=True, with_status=True, properties=("date", "medium"),
                               colour="#123456", legend="wrote a letter")
    monkeypatch.setitem(schema.RELATIONS, TEST_TYPE, spec)
    people, facts = _facts_of_a_new_type()
    G = build_graph_from_facts(people, facts, documents=["d1"])
    # graph.py: symmetric, so stored smaller id first; status on the edge and its evidence; the properties.
    [(u, v, k, attrs)] = [e for e in G.edges(keys=True, data=True) if e[2] not in DERIVED]
    assert (u, v, k) == ("person:amy", "person:zed", TEST_TYPE)
    assert attrs["status"] == "planned" and attrs["evidence"][0]["status"] == "planned"
    assert (attrs["medium"], attrs["date"]) == ("letter", "2024-01-02")
    # json
    write_json(G, tmp_path / "graph.json")
    assert read_json(tmp_path / "graph.json").edges["person:amy", "person:zed", TEST_TYPE] == attrs
    # cypher
    write_cypher(G, tmp_path / "graph.cypher")
    assert f"MERGE (a)-[r:`{TEST_TYPE}`]->(b)" in (tmp_path / "graph.cypher").read_text(encoding="utf-8")
    # html: the page gets the spec as data, draws it undirected in its colour, lists it in the legend
    import re

    page = render_html(G)
    data = json.loads(re.search(r'id="graph-data">(.*?)</script>', page, re.S).group(1))
    assert {"name": TEST_TYPE, "colour": "#123456", "legend": "wrote a letter", "symmetric": True,
            "withStatus": True} in data["relations"]
    assert data["legend"]["types"] == [[TEST_TYPE, "#123456"]]
    [edge] = data["edges"]
    assert edge["arrows"] == {"to": {"enabled": False}} and edge["color"]["color"] == "#123456"
    assert data["edgeInfo"][edge["id"]]["medium"] == "letter"


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    atomic_write_text(target, "old")

    class Boom(Exception):
        pass

    def failing_text():
        raise Boom

    with pytest.raises(Boom):
        from graphbuild.atomic import atomic_open

        with atomic_open(target) as handle:
            handle.write("half of the new")
            failing_text()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_evidence_that_names_a_person_elsewhere_keeps_that_sentence_everywhere():
    from graphbuild.exporters.html import page_data
    from graphbuild.neo4j.model import flatten_property, unflatten_list

    evidence = [{"doc": "d", "sentence": "He met B.", "start": 9, "end": 18, "context": "A arrived."},
                {"doc": "e", "sentence": "A met B.", "start": 0, "end": 8}]
    flat = flatten_property("evidence", evidence)
    assert flat["evidence_contexts"] == ["A arrived.", ""] and flat["evidence_docs"] == ["d", "e"]
    assert unflatten_list(flat, "evidence") == evidence
    G = nx.MultiDiGraph(documents=2)
    G.add_node("person:a", name="A", label="Person")
    G.add_node("person:b", name="B", label="Person")
    G.add_edge("person:a", "person:b", key="MET", type="MET", count=2, sources=["d", "e"], evidence=evidence)
    info = next(iter(page_data(G, G, "t")["edgeInfo"].values()))
    assert info["evidence"][0]["context"] == "A arrived." and "context" not in info["evidence"][1]


def test_json_is_exactly_the_standard_encoding_of_node_link_data() -> None:
    # graph.json is streamed item by item; its text is still json.dumps of the whole node-link data.
    G = sample_graph()
    expected = json.dumps(nx.node_link_data(G, edges="edges"), sort_keys=True, ensure_ascii=False, indent=1) + "\n"
    assert graph_to_json(G) == expected
    odd = nx.MultiDiGraph(built="2024")
    odd.add_node("n", empty=[], nothing={}, ratio=0.1, huge=10**20, nan=float("nan"), flag=False, none=None,
                 nested={"a": [[], [{}], {"b": (1, "x\n\u2028\"")}]}, keys={1: "int key"})
    odd.add_edge("n", "m", key=0)
    assert graph_to_json(odd) == json.dumps(nx.node_link_data(odd, edges="edges"), sort_keys=True,
                                            ensure_ascii=False, indent=1) + "\n"


def test_writing_json_leaves_no_reference_cycle_for_the_paused_collector(tmp_path: Path) -> None:
    # Exports run with the cyclic collector paused: garbage cycles made per node or edge would pile up.
    import gc

    G = sample_graph()
    gc.collect()
    gc.disable()
    try:
        write_json(G, tmp_path / "graph.json")
        assert gc.collect() == 0
    finally:
        gc.enable()
