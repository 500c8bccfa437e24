"""The neo4j-admin CSV export imported with the real neo4j-admin, then queried on a server of its own."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import networkx as nx
from neo4j_fixtures import SEEDS_GRAPH, database_state, expected_state, graph_named

from graphbuild.exporters.neo4j_admin import import_arguments, write_neo4j_admin
from graphbuild.models import NEGATED, OCCURRED, PERSON, PLANNED
from graphbuild.neo4j.store import session, who_met_session
from graphbuild.query import who_met


def _without_empty_lists(state: tuple[list, list]) -> tuple[list, list]:
    """neo4j-admin reads an empty array field as no property (see graphbuild.neo4j.admin)."""
    def clean(props: dict) -> dict:
        return {k: v for k, v in props.items() if v != []}

    nodes, rels = state
    return ([(labels, clean(p)) for labels, p in nodes], [(t, a, b, clean(p)) for t, a, b, p in rels])


def _sample_and_seeds() -> nx.MultiDiGraph:
    """One graph holding the sample graph and, once built, the seeds graph: one import, one server start."""
    G = graph_named("sample")
    if SEEDS_GRAPH.is_file():
        G = nx.relabel_nodes(G, {n: f"{n}-sample" for n in G})  # both graphs have location:russia
        for node, data in G.nodes(data=True):
            data["id"] = node
        G = nx.compose(G, graph_named("seeds"))
    return G


def test_neo4j_admin_import(neo4j_tool: ModuleType, tmp_path: Path) -> None:
    G = _sample_and_seeds()
    # A sentence with every usual array delimiter and a newline makes the export pick another delimiter.
    edge = next((u, v, k) for u, v, k in G.edges(keys=True) if k == "MET")
    G.edges[edge]["evidence"][0]["sentence"] += "; | \x1f \x1e and then\nmore"
    assert "--array-delimiter=U+E000" in _written(G, tmp_path / "csv")
    write_neo4j_admin(G, tmp_path / "csv")
    assert (tmp_path / "csv" / "relationships-SPOKE_WITH.csv").is_file()
    home = tmp_path / "home"
    neo4j_tool.write_conf(home, neo4j_tool.free_port(), False, "512m", "64m")
    result = neo4j_tool.admin(home, import_arguments(tmp_path / "csv"), capture=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"{G.number_of_nodes()} nodes" in result.stdout
    assert f"{G.number_of_edges()} relationships" in result.stdout
    info = neo4j_tool.start(home, auth=False, heap="256m", pagecache="32m", detach=False)
    try:
        conn = {"uri": info["uri"], "user": "neo4j", "password": None, "database": None}
        assert database_state(conn) == _without_empty_lists(expected_state(G))
        with session(conn) as sess:
            for _, data in sorted(G.nodes(data=True), key=lambda item: item[0]):
                if data.get("label") == PERSON:
                    for statuses in ((OCCURRED,), (OCCURRED, PLANNED, NEGATED)):
                        assert who_met_session(sess, data["name"], statuses) == who_met(G, data["name"], statuses)
                    everyone = (OCCURRED, PLANNED, NEGATED)
                    assert (who_met_session(sess, data["name"], everyone, contacts=True)
                            == who_met(G, data["name"], everyone, contacts=True))
            # SPOKE_WITH, stored once per pair, is found from either end.
            spoke = {frozenset((r["a"], r["b"])) for r in sess.run(
                "MATCH (a)-[s:SPOKE_WITH]-(b) RETURN a.id AS a, b.id AS b, s.medium AS medium")}
            assert frozenset(("person:ann-lee-sample", "person:cy-diaz-sample")) in spoke or \
                frozenset(("person:ann-lee", "person:cy-diaz")) in spoke
    finally:
        neo4j_tool.stop(home)


def _written(G: nx.MultiDiGraph, out: Path) -> str:
    write_neo4j_admin(G, out)
    return (out / "import.sh").read_text(encoding="utf-8")


def test_array_delimiter_never_fails(tmp_path: Path, monkeypatch) -> None:
    """Every candidate inside some element: the last one is used, escaped as U+FFFD inside elements."""
    import csv

    import graphbuild.neo4j.admin as admin

    monkeypatch.setattr(admin, "PRIVATE_USE", range(0xE000, 0xE002))
    G = nx.MultiDiGraph()
    G.add_node("person:a", id="person:a", label=PERSON, name="A", aliases=["x;|\x1f\x1e\ue000\ue001y", "z"])
    assert "--array-delimiter=U+001E" in _written(G, tmp_path)
    with (tmp_path / "nodes-Person.csv").open(encoding="utf-8", newline="") as handle:
        aliases = next(csv.reader(handle))[1]
    assert aliases.split("\x1e") == ["x;|\x1f\ufffd\ue000\ue001y", "z"]
