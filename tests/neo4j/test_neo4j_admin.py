"""The neo4j-admin CSV export imported with the real neo4j-admin, then queried on a server of its own."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from types import ModuleType

import networkx as nx
from neo4j_fixtures import SEEDS_GRAPH, SERVER_SCRIPT, database_state, expected_state, graph_named

from graphbuild.neo4j.admin import import_arguments, write_neo4j_admin
from graphbuild.neo4j.queries import queries_text, read_queries
from graphbuild.neo4j.store import run_cypher, session, who_met_session
from graphbuild.query import who_met
from graphbuild.schema import NEGATED, OCCURRED, PERSON, PLANNED, SPOKE_WITH


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
    assert import_arguments(tmp_path / "csv")[:2] == ["database", "import"]
    # import.sh as the README runs it: neo4j-admin is the throw-away server's, named by $NEO4J_ADMIN.
    admin = f"{shlex.quote(str(SERVER_SCRIPT))} admin --home {shlex.quote(str(home))} --"
    result = subprocess.run([str(tmp_path / "csv" / "import.sh")], env={**os.environ, "NEO4J_ADMIN": admin},
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"{G.number_of_nodes()} nodes" in result.stdout
    assert f"{G.number_of_edges()} relationships" in result.stdout
    info = neo4j_tool.start(home, auth=False, heap="256m", pagecache="32m", detach=False)
    try:
        conn = {"uri": info["uri"], "user": "neo4j", "password": None, "database": None}
        assert database_state(conn) == _without_empty_lists(expected_state(G))
        # schema.cypher adds the constraints and the name index: queries.cypher's person lookup then works.
        assert run_cypher(conn, (tmp_path / "csv" / "schema.cypher").read_text(encoding="utf-8")) >= 3
        person_query = dict(read_queries(queries_text(G)))["Everyone $person met"]
        with session(conn) as sess:
            for _, data in sorted(G.nodes(data=True), key=lambda item: item[0]):
                if data.get("label") == PERSON:
                    rows = [r.data() for r in sess.run(person_query, person=data["name"].upper())]
                    assert sorted(r["met"] for r in rows) == sorted(
                        m.name for a in who_met(G, data["name"].upper(), (OCCURRED, PLANNED, NEGATED))
                        for m in a.meetings)
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
            assert spoke == {frozenset((u, v)) for u, v, k in G.edges(keys=True) if k == SPOKE_WITH}
            assert spoke
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
        rows = list(csv.reader(handle))
    header = next(csv.reader((tmp_path / "nodes-Person-header.csv").open(encoding="utf-8", newline="")))
    column = next(n for n, name in enumerate(header) if name.startswith("aliases:"))
    assert rows[0][column].split("\x1e") == ["x;|\x1f\ufffd\ue000\ue001y", "z"]
