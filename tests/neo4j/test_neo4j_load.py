"""graph.cypher and `graphbuild load` against a real Neo4j server: same state, idempotent, clear errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from neo4j_fixtures import ROOT, connection, database_state, expected_state, graph_named

import graphbuild.neo4j.store as store
from graphbuild.exporters.cypher import write_cypher
from graphbuild.exporters.json_graph import write_json
from graphbuild.neo4j.model import CONTENT_HASH, content_hash, relationship_rows
from graphbuild.neo4j.store import load_graph, run_cypher


def _constraints(conn: dict) -> set[str]:
    with store.session(conn) as sess:
        return {r["name"] for r in sess.run("SHOW CONSTRAINTS YIELD name RETURN name")}


def _article_date_index(conn: dict) -> list[dict]:
    with store.session(conn) as sess:
        return [r.data() for r in sess.run("SHOW INDEXES YIELD name, labelsOrTypes, properties "
                                           "WHERE name = 'graphbuild_Article_date' RETURN labelsOrTypes, properties")]


@pytest.mark.parametrize("name, packed", [("sample", True), ("seeds", True), ("sample", False)])
def test_graph_cypher_twice_equals_once(neo4j_conn: dict, tmp_path: Path, name: str, packed: bool) -> None:
    G = graph_named(name)
    path = tmp_path / "graph.cypher"
    write_cypher(G, path, packed=packed)
    assert ("UNWIND [\n  {`id`:" in path.read_text(encoding="utf-8")) is not packed
    run_cypher(neo4j_conn, path.read_text(encoding="utf-8"))
    once = database_state(neo4j_conn)
    assert once == expected_state(G)
    labels = {d.get("label") for _, d in G.nodes(data=True)}
    assert {f"graphbuild_{label}_id" for label in labels} <= _constraints(neo4j_conn)
    assert "Article" in labels and "graphbuild_Article_id" in _constraints(neo4j_conn)
    assert _article_date_index(neo4j_conn) == [{"labelsOrTypes": ["Article"], "properties": ["date"]}]
    run_cypher(neo4j_conn, path.read_text(encoding="utf-8"))
    assert database_state(neo4j_conn) == once


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_load_twice_equals_once_and_equals_graph_cypher(neo4j_conn: dict, tmp_path: Path, name: str) -> None:
    G = graph_named(name)
    first = load_graph(G, neo4j_conn, batch_size=2, progress=False)
    assert (first.nodes_created, first.relationships_created) == (G.number_of_nodes(), G.number_of_edges())
    state = database_state(neo4j_conn)
    assert state == expected_state(G)
    second = load_graph(G, neo4j_conn, batch_size=3, progress=False)
    assert second.nodes_unchanged == G.number_of_nodes()
    assert second.relationships_unchanged == G.number_of_edges()
    assert second.nodes_created == second.relationships_created == 0
    assert database_state(neo4j_conn) == state
    # graph.cypher over the loaded database changes nothing either: both write the same thing.
    write_cypher(G, tmp_path / "graph.cypher")
    run_cypher(neo4j_conn, (tmp_path / "graph.cypher").read_text(encoding="utf-8"))
    assert database_state(neo4j_conn) == state


def _edited(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` with every name and relationship count changed and one property added."""
    H = G.copy()
    for _, data in H.nodes(data=True):
        data["name"] = data.get("name", data["id"]) + " (old)"
        data["outlet"] = "Old outlet"  # a property graphbuild owns that most nodes no longer have
    for _, _, data in H.edges(data=True):
        data["count"] = data.get("count", 0) + 10
    return H


def test_load_after_a_load_killed_half_way(neo4j_conn: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    G = graph_named("sample")
    load_graph(_edited(G), neo4j_conn, progress=False)  # an older version of the graph is in the database
    calls = {"n": 0}
    real_batch = store._relationship_batch

    def dying_batch(tx, *args):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is stopped between two batches
        return real_batch(tx, *args)

    monkeypatch.setattr(store, "_relationship_batch", dying_batch)
    with pytest.raises(KeyboardInterrupt):
        load_graph(G, neo4j_conn, batch_size=1, progress=False)
    monkeypatch.undo()
    summary = load_graph(G, neo4j_conn, batch_size=1, progress=False)
    assert database_state(neo4j_conn) == expected_state(G)
    assert summary.nodes_unchanged == G.number_of_nodes()  # the killed run had already fixed the nodes
    assert summary.relationships_unchanged == 1 and summary.relationships_updated == G.number_of_edges() - 1


def _big_graph(nodes: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(nodes):
        G.add_node(f"person:{i}", id=f"person:{i}", name=f"Person {i}", label="Person", aliases=[f"P{i}"],
                   titles=[], mentions=1, sources=[f"d{i}"])
    for i in range(nodes):
        for j in (1, 7):
            if i + j < nodes:
                G.add_edge(f"person:{i}", f"person:{i + j}", key="MET", type="MET", count=1, sources=[f"d{i}"],
                           status="occurred",
                           evidence=[{"doc": f"d{i}", "sentence": f"{i} met {i + j}.", "start": 0, "end": 9}])
    return G


def _cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout, env={**os.environ, **(env or {})})


def test_cli_load_killed_with_sigkill_then_reloaded(neo4j_conn: dict, tmp_path: Path) -> None:
    G = _big_graph(3000)
    write_json(G, tmp_path / "graph.json")
    args = ["load", str(tmp_path), "--uri", neo4j_conn["uri"], "--password", neo4j_conn["password"],
            "--batch-size", "200"]
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with store.session(neo4j_conn) as sess:  # kill it once some relationships are in
        for _ in range(600):
            if process.poll() is not None or sess.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]:
                break
            subprocess.run(["sleep", "0.05"])
    process.kill()
    process.wait()
    with store.session(neo4j_conn) as sess:
        partial = sess.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
    assert 0 < partial < G.number_of_edges()  # really killed half-way
    result = _cli(*args, "--quiet")
    assert result.returncode == 0, result.stderr
    assert "loaded 3000 nodes" in result.stderr
    assert database_state(neo4j_conn) == expected_state(G)


def test_cli_load_prints_a_summary(neo4j_conn: dict, tmp_path: Path) -> None:
    G = graph_named("sample")
    write_json(G, tmp_path / "graph.json")
    env = {"NEO4J_URI": neo4j_conn["uri"], "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": neo4j_conn["password"]}
    result = _cli("load", str(tmp_path / "graph.json"), "--quiet", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith(
        f"loaded {G.number_of_nodes()} nodes ({G.number_of_nodes()} created, 0 updated, 0 unchanged) and "
        f"{G.number_of_edges()} relationships ({G.number_of_edges()} created")


def test_cli_reload_says_what_was_sent_left_and_deleted(neo4j_conn: dict, tmp_path: Path) -> None:
    G = graph_named("sample")
    write_json(G, tmp_path / "graph.json")
    env = {"NEO4J_URI": neo4j_conn["uri"], "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": neo4j_conn["password"]}
    assert _cli("load", str(tmp_path), "--quiet", env=env).returncode == 0
    again = _cli("load", str(tmp_path), "--quiet", env=env)
    assert again.returncode == 0, again.stderr
    assert (f"; {G.number_of_nodes()} nodes and {G.number_of_edges()} relationships unchanged since the last load "
            "were not sent") in again.stderr
    H = G.copy()
    (u, v, k), *_ = sorted(G.edges(keys=True))
    H.edges[u, v, k]["count"] = H.edges[u, v, k].get("count", 1) + 1
    H.remove_edge(*sorted(G.edges(keys=True))[-1])
    write_json(H, tmp_path / "graph.json")
    changed = _cli("load", str(tmp_path), "--quiet", "--replace", env=env)
    assert changed.returncode == 0, changed.stderr
    line = changed.stderr.strip().splitlines()[-1]
    edges = H.number_of_edges()
    assert f"and {edges} relationships (0 created, 1 updated, {edges - 1} unchanged)" in line
    assert f"{H.number_of_edges() - 1} relationships unchanged since the last load were not sent" in line
    assert "; deleted 0 nodes and 1 relationships an earlier load wrote" in line
    assert database_state(neo4j_conn) == expected_state(H)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.parametrize("problem", ["server down", "wrong password", "wrong database", "bad uri"])
def test_cli_errors_are_one_line(neo4j_server: dict, tmp_path: Path, problem: str) -> None:
    write_json(graph_named("sample"), tmp_path / "graph.json")
    conn = connection(neo4j_server)
    uri, password, extra = conn["uri"], conn["password"], []
    if problem == "server down":
        uri = f"bolt://127.0.0.1:{_free_port()}"
    elif problem == "wrong password":
        password = "not-the-password"
    elif problem == "wrong database":
        extra = ["--database", "nosuchdb"]
    else:
        uri = "http://127.0.0.1:1"
    for command in (["load", str(tmp_path), "--uri", uri, "--quiet"], ["who-met", "Ann Lee", "--neo4j", uri]):
        result = _cli(*command, "--password", password, *extra)
        assert result.returncode == 1, (problem, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("graphbuild: "), (problem, result.stderr)
        expected = {"server down": "cannot reach Neo4j", "wrong password": "refused the credentials",
                    "wrong database": "no database 'nosuchdb'", "bad uri": "bad Neo4j URI"}[problem]
        assert expected in lines[0]


def test_transient_errors_are_retried(neo4j_conn: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    from neo4j.exceptions import TransientError

    G = graph_named("sample")
    real_batch, failures = store._node_batch, {"left": 2}

    def flaky_batch(tx, *args):
        result = real_batch(tx, *args)
        if failures["left"]:
            failures["left"] -= 1
            raise TransientError("simulated deadlock")  # after the writes: they must be rolled back
        return result

    monkeypatch.setattr(store, "_node_batch", flaky_batch)
    summary = load_graph(G, neo4j_conn, progress=False)
    assert failures["left"] == 0
    assert summary.nodes_created == G.number_of_nodes()
    assert database_state(neo4j_conn) == expected_state(G)


# ---------------------------------------------------------------- parallel sessions, --replace


def test_parallel_sessions_load_the_same_database(neo4j_conn: dict) -> None:
    G = _big_graph(400)
    summary = load_graph(G, neo4j_conn, batch_size=50, workers=2, parallel_min_rows=1, progress=False)
    assert summary.relationships_created == G.number_of_edges()
    assert database_state(neo4j_conn) == expected_state(G)
    again = load_graph(G, neo4j_conn, batch_size=50, workers=3, parallel_min_rows=1, progress=False)
    assert again.relationships_unchanged == G.number_of_edges()
    assert database_state(neo4j_conn) == expected_state(G)


def test_disjoint_rounds_never_share_a_node_group() -> None:
    for groups, workers in ((4, 2), (6, 3), (2, 1)):
        rounds = store.disjoint_rounds(groups, workers)
        assert sorted(b for r in rounds for b in r) == [(i, j) for i in range(groups) for j in range(i, groups)]
        for this_round in rounds:
            used = [g for bucket in this_round for g in set(bucket)]
            assert len(used) == len(set(used)) and len(this_round) <= workers


FOREIGN = [  # written by someone else: --replace must leave all of it alone
    "CREATE (:Person {id: 'user:1', name: 'Not from graphbuild'})",
    "CREATE (:Note {text: 'mine'})",
    "MATCH (a {id: $a}), (b {id: $b}) CREATE (a)-[:KNOWS {since: 2001}]->(b)",
]


def _older(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """An earlier graph: ``G`` plus a person, their meetings, and a meeting ``G`` no longer has."""
    H = G.copy()
    people = sorted(n for n, d in G.nodes(data=True) if d.get("label") == "Person")
    H.add_node("person:gone", id="person:gone", name="Gone Person", label="Person", aliases=[], titles=[],
               mentions=1, sources=["old"])
    for other in people[:2]:
        H.add_edge("person:gone", other, key="MET", type="MET", count=1, sources=["old"], status="occurred",
                   evidence=[{"doc": "old", "sentence": "They met.", "start": 0, "end": 9}])
    H.add_edge(people[0], people[-1], key="VISITED", type="VISITED", count=1, sources=["old"],
               evidence=[{"doc": "old", "sentence": "A visit.", "start": 0, "end": 8}])
    return H


def _with_foreign(conn: dict, G: nx.MultiDiGraph, a: str | None = None, b: str | None = None) -> None:
    people = sorted(n for n, d in G.nodes(data=True) if d.get("label") == "Person")
    with store.session(conn) as sess:
        for statement in FOREIGN:
            sess.run(statement, a=a or people[0], b=b or people[1]).consume()


def _without_foreign(state: tuple[list, list]) -> tuple[list, list]:
    nodes, rels = state
    foreign_nodes = [n for n in nodes if n[1].get("written_by") != "graphbuild"]
    foreign_rels = [r for r in rels if r[3].get("written_by") != "graphbuild"]
    assert len(foreign_nodes) == 2 and len(foreign_rels) == 1  # still there, untouched
    assert foreign_rels[0][0] == "KNOWS" and foreign_rels[0][3] == {"since": 2001}
    return [n for n in nodes if n not in foreign_nodes], [r for r in rels if r not in foreign_rels]


def test_replace_deletes_only_what_an_earlier_load_wrote(neo4j_conn: dict) -> None:
    G = graph_named("sample")
    load_graph(_older(G), neo4j_conn, progress=False)
    _with_foreign(neo4j_conn, G)
    kept = load_graph(G, neo4j_conn, progress=False)  # without --replace the old facts stay
    assert kept.nodes_deleted == kept.relationships_deleted == 0
    assert _without_foreign(database_state(neo4j_conn)) != expected_state(G)
    summary = load_graph(G, neo4j_conn, progress=False, replace=True)
    assert (summary.nodes_deleted, summary.relationships_deleted) == (1, 3)  # its 2 MET and the VISITED
    assert "deleted 1 nodes and 3 relationships" in str(summary)
    assert _without_foreign(database_state(neo4j_conn)) == expected_state(G)
    again = load_graph(G, neo4j_conn, progress=False, replace=True)
    assert again.nodes_deleted == again.relationships_deleted == 0


def test_replace_keeps_a_node_that_others_relationships_use(neo4j_conn: dict) -> None:
    G = graph_named("sample")
    load_graph(_older(G), neo4j_conn, progress=False)
    with store.session(neo4j_conn) as sess:
        sess.run("MATCH (n {id: 'person:gone'}) CREATE (:Note {text: 'mine'})-[:ABOUT]->(n)").consume()
    summary = load_graph(G, neo4j_conn, progress=False, replace=True)
    assert (summary.nodes_deleted, summary.nodes_kept, summary.relationships_deleted) == (0, 1, 3)
    assert "kept 1 nodes" in str(summary)
    with store.session(neo4j_conn) as sess:
        assert sess.run("MATCH (:Note)-[:ABOUT]->(n {id: 'person:gone'}) RETURN count(n) AS n").single()["n"] == 1


def test_replace_killed_while_deleting_then_rerun(neo4j_conn: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    G = graph_named("sample")
    load_graph(_older(G), neo4j_conn, progress=False)
    _with_foreign(neo4j_conn, G)

    def dying_write(tx, *args):
        raise KeyboardInterrupt  # stopped in the middle of the deletions

    monkeypatch.setattr(store, "_run_write", dying_write)
    with pytest.raises(KeyboardInterrupt):
        load_graph(G, neo4j_conn, progress=False, replace=True)
    monkeypatch.undo()
    load_graph(G, neo4j_conn, progress=False, replace=True)
    assert _without_foreign(database_state(neo4j_conn)) == expected_state(G)


def test_cli_load_replace_killed_with_sigkill_then_rerun(neo4j_conn: dict, tmp_path: Path) -> None:
    old = _big_graph(3000)
    load_graph(old, neo4j_conn, progress=False)
    _with_foreign(neo4j_conn, old, "person:0", "person:2")
    G = old.subgraph([f"person:{i}" for i in range(0, 3000, 2)]).copy()  # half the people are gone
    write_json(G, tmp_path / "graph.json")
    args = ["load", str(tmp_path), "--uri", neo4j_conn["uri"], "--password", neo4j_conn["password"],
            "--batch-size", "100", "--replace"]
    process = subprocess.Popen([sys.executable, "-m", "graphbuild", *args], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["sleep", "3"])
    process.kill()
    process.wait()
    result = _cli(*args, "--quiet")
    assert result.returncode == 0, result.stderr
    assert _without_foreign(database_state(neo4j_conn)) == expected_state(G)


def test_load_touches_only_what_graphbuild_owns(neo4j_conn: dict) -> None:
    """An analyst's property on a graphbuild node or relationship, and an unmarked relationship of a graphbuild
    type between two graphbuild nodes, survive load and load --replace (issue 23)."""
    G = graph_named("sample")
    a, b = next((u, v) for u, v, k in G.edges(keys=True) if k == "MET")
    load_graph(_older(G), neo4j_conn, progress=False)
    with store.session(neo4j_conn) as sess:
        sess.run("MATCH (p {id: $a}) SET p.analyst_note = 'x'", a=a).consume()
        sess.run("MATCH ({id: $a})-[r:MET]->({id: $b}) SET r.analyst_flag = true", a=a, b=b).consume()
        sess.run("MATCH (p {id: $a}), (q {id: $b}) CREATE (p)-[:MET {note: 'mine'}]->(q)", a=a, b=b).consume()
    again = load_graph(G, neo4j_conn, progress=False)
    assert (again.nodes_unchanged, again.relationships_unchanged) == (G.number_of_nodes(), G.number_of_edges())
    replaced = load_graph(G, neo4j_conn, progress=False, replace=True)
    assert (replaced.nodes_deleted, replaced.relationships_deleted) == (1, 3)
    with store.session(neo4j_conn) as sess:
        assert sess.run("MATCH (p {id: $a}) RETURN p.analyst_note AS v", a=a).single()["v"] == "x"
        mets = sorted((dict(r["props"]) for r in sess.run(
            "MATCH ({id: $a})-[r:MET]->({id: $b}) RETURN properties(r) AS props", a=a, b=b)),
            key=lambda props: "written_by" in props)
    assert len(mets) == 2 and mets[0] == {"note": "mine"}
    ours = dict(mets[1])
    assert ours.pop("analyst_flag") is True
    assert ours.pop(CONTENT_HASH) == content_hash(G.edges[a, b, "MET"], "MET", "Person", "Person", a, b)
    assert ours == next(row["props"] for (t, _, _), rows in relationship_rows(G).items() if t == "MET"
                        for row in rows if (row["source"], row["target"]) == (a, b))
    # A property graphbuild wrote and the graph no longer has is removed; the analyst's stays.
    H = G.copy()
    del H.nodes[a]["aliases"]
    assert load_graph(H, neo4j_conn, progress=False).nodes_updated == 1
    with store.session(neo4j_conn) as sess:
        props = sess.run("MATCH (p {id: $a}) RETURN properties(p) AS p", a=a).single()["p"]
    assert "aliases" not in props and props["analyst_note"] == "x"


def test_a_row_the_server_refuses_is_one_reported_row(neo4j_conn: dict, tmp_path: Path) -> None:
    """A 10,000-character id (from a graph built elsewhere) is too large for Neo4j's index: that row is
    reported and every other row loads; a build bounds such an id, so it loads whole (issue 23)."""
    import graphbuild

    G = graph_named("sample")
    H = G.copy()
    H.add_node("x" * 10_000, id="x" * 10_000, label="Article", title="Too long")
    summary = load_graph(H, neo4j_conn, progress=False, batch_size=4)
    assert len(summary.refused) == 1 and summary.refused[0].startswith("Article 'xxxx")
    assert "refused 1 rows" in str(summary)
    assert database_state(neo4j_conn) == expected_state(G)
    (tmp_path / "in").mkdir()
    record = {"id": "y" * 10_000, "text": "Ann Lee met Tom Ng."}
    (tmp_path / "in" / "long.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="id of 10,000 characters"):
        built = graphbuild.build_graph([tmp_path / "in"])
    summary = load_graph(built, neo4j_conn, progress=False)
    assert summary.refused == [] and summary.nodes == built.number_of_nodes()
    with store.session(neo4j_conn) as sess:
        ids = [r["id"] for r in sess.run("MATCH (a:Article) WHERE a.id STARTS WITH 'yyy' RETURN a.id AS id")]
    assert len(ids) == 1 and len(ids[0]) == 200


# -- incremental load: only what changed is sent ------------------------------------------------------


def _counts(G: nx.MultiDiGraph) -> tuple[int, int]:
    return G.number_of_nodes(), G.number_of_edges()


def test_an_unchanged_graph_reloads_without_sending_a_row(neo4j_conn: dict) -> None:
    G = graph_named("sample")
    first = load_graph(G, neo4j_conn, progress=False)
    assert (first.nodes_skipped, first.relationships_skipped) == (0, 0)
    again = load_graph(G, neo4j_conn, progress=False)
    assert (again.nodes_skipped, again.relationships_skipped) == _counts(G)
    assert again.nodes_created + again.nodes_updated + again.relationships_created + again.relationships_updated == 0
    assert "were not sent" in str(again)
    assert database_state(neo4j_conn) == expected_state(G)
    full = load_graph(G, neo4j_conn, progress=False, full=True)  # --full sends every row (none changes)
    assert (full.nodes_skipped, full.relationships_skipped, full.relationships_unchanged) == (0, 0, G.number_of_edges())


def test_a_reload_sends_the_new_and_changed_and_replace_deletes_the_gone(neo4j_conn: dict) -> None:
    G = graph_named("sample")
    load_graph(G, neo4j_conn, progress=False)
    H = G.copy()
    (u, v, k), *rest = sorted(G.edges(keys=True))
    H.edges[u, v, k]["count"] = H.edges[u, v, k].get("count", 1) + 1  # changed
    gone = rest[-1]
    H.remove_edge(*gone)  # gone
    H.add_node("person:new-comer", id="person:new-comer", label="Person", name="New Comer", aliases=[], titles=[],
               sources=[])
    H.add_edge("person:new-comer", u, key=k, type=k, count=1, sources=["d1"], evidence=[])  # new
    summary = load_graph(H, neo4j_conn, progress=False, replace=True)
    assert (summary.nodes_created, summary.nodes_updated, summary.nodes_skipped) == (1, 0, G.number_of_nodes())
    assert (summary.relationships_created, summary.relationships_updated) == (1, 1)
    assert summary.relationships_skipped == G.number_of_edges() - 2
    assert summary.relationships_deleted == 1
    assert database_state(neo4j_conn) == expected_state(H)


def test_a_hand_deleted_relationship_and_a_killed_load_are_made_whole(neo4j_conn: dict, monkeypatch) -> None:
    G = graph_named("sample")
    real = store._relationship_batch
    calls = []

    def dies_after_two(tx, *args):
        if len(calls) == 2:
            raise KeyboardInterrupt  # as a Ctrl-C in the middle of the load
        calls.append(args)
        return real(tx, *args)

    monkeypatch.setattr(store, "_relationship_batch", dies_after_two)
    with pytest.raises(KeyboardInterrupt):
        load_graph(G, neo4j_conn, progress=False, batch_size=1)
    monkeypatch.setattr(store, "_relationship_batch", real)
    resumed = load_graph(G, neo4j_conn, progress=False)
    assert resumed.relationships_skipped == 2 and resumed.relationships_created == G.number_of_edges() - 2
    assert database_state(neo4j_conn) == expected_state(G)
    with store.session(neo4j_conn) as sess:
        sess.run("MATCH ()-[r]->() WITH r LIMIT 1 DELETE r").consume()  # an analyst deletes one by hand
    healed = load_graph(G, neo4j_conn, progress=False)
    assert healed.relationships_created == 1
    assert database_state(neo4j_conn) == expected_state(G)


def test_hashes_of_an_older_format_match_nothing_so_everything_is_sent(neo4j_conn: dict) -> None:
    G = graph_named("sample")
    load_graph(G, neo4j_conn, progress=False)
    with store.session(neo4j_conn) as sess:  # as an older graphbuild left them: hex strings
        sess.run(f"MATCH (n) SET n.{CONTENT_HASH} = 'a1b2c3'").consume()
        sess.run(f"MATCH ()-[r]->() SET r.{CONTENT_HASH} = 'a1b2c3'").consume()
    again = load_graph(G, neo4j_conn, progress=False)
    assert (again.nodes_skipped, again.relationships_skipped) == (0, 0)
    assert (again.nodes_updated, again.relationships_updated) == _counts(G)
    assert database_state(neo4j_conn) == expected_state(G)
    with store.session(neo4j_conn) as sess:
        kinds = {r["t"] for r in sess.run(f"MATCH (n) RETURN valueType(n.{CONTENT_HASH}) AS t")}
    assert kinds == {"INTEGER NOT NULL"}
    last = load_graph(G, neo4j_conn, progress=False)
    assert (last.nodes_skipped, last.relationships_skipped) == _counts(G)


def test_content_hash_is_the_same_in_every_process() -> None:
    code = ("from graphbuild.neo4j.model import content_hash; print(content_hash({'b': [{'z': 1, 'a': 'é'}], "
            "'a': 2 ** 70, 'c': None}, 'MET', 'Person', 'Person', 'x', 'y'))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    here = content_hash({"c": None, "a": 2 ** 70, "b": [{"a": "é", "z": 1}]}, "MET", "Person", "Person", "x", "y")
    assert seen == {f"{here}\n"}  # keys in any order; an int beyond 64 bits goes through the json module
