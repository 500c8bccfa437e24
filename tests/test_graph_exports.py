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


def test_json_round_trip_keeps_every_attribute(tmp_path: Path) -> None:
    G = sample_graph()
    write_json(G, tmp_path / "graph.json")
    back = read_json(tmp_path / "graph.json")
    assert dict(back.nodes(data=True)) == dict(G.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True), key=str) == sorted(G.edges(keys=True, data=True), key=str)
    assert back.nodes["person:nasty"]["name"] == NASTY_NAME


def test_json_is_node_link_with_sorted_keys() -> None:
    data = json.loads(graph_to_json(sample_graph()))
    assert set(data) == {"directed", "multigraph", "graph", "nodes", "edges"}
    assert graph_to_json(sample_graph()) == graph_to_json(sample_graph())


def test_graphml_is_readable_and_lists_are_json(tmp_path: Path) -> None:
    write_graphml(sample_graph(), tmp_path / "graph.graphml")
    back = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    assert json.loads(back.nodes["person:ann-lee"]["aliases"]) == ["Ann Lee", "Lee"]
    evidence = [json.loads(d["evidence"]) for _, _, d in back.edges(data=True)]
    assert all(isinstance(e, list) and e and "sentence" in e[0] for e in evidence)


def test_graph_edges_are_one_per_source_type_target() -> None:
    G = sample_graph()
    keys = [(u, k, v) for u, v, k in G.edges(keys=True)]
    assert len(keys) == len(set(keys))
    for u, v, k, data in G.edges(keys=True, data=True):
        assert data["type"] == k
        assert data["count"] == len(data["evidence"]) and data["sources"]
        if k == "MET":
            assert u < v


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
