"""Any name survives graph.cypher: random strings loaded into the real server read back exactly."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from neo4j_fixtures import clear_database, connection, database_state, expected_state

from graphbuild.exporters.cypher import write_cypher
from graphbuild.neo4j.store import run_cypher

NASTY = [
    "O'Brien", 'say "hi"', "back\\slash", "\\'", "\\u0041", "`tick`", "a``b", "new\nline", "cr\r\nlf", "tab\t",
    "🚀 emoji 👩‍👩‍👧", "שלום עליכם", "مرحبا", "\u202eRTL override", "zero\u200bwidth", "\u2028\u2029", "nul\x00",
    "// not a comment", "/* nor this */", "; DROP", "$param", ":param x => 1", "", " ", "\U0010fffd",
    "e\u0301 vs \u00e9", "|~^\x1f\x1e\x1d\x1c every separator", "=", "==|", "~=",
]
# Any text but lone surrogates (no UTF-8 or Bolt encoding exists for them).
TEXT = st.one_of(st.sampled_from(NASTY), st.text(st.characters(exclude_categories=("Cs",)), max_size=30))


def _graph(names: list[str], sentences: list[str]) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, name in enumerate(names):
        G.add_node(f"person:{i}", id=f"person:{i}", name=name, label="Person", aliases=[name, name[::-1]],
                   titles=[name[:3]], mentions=i, sources=["d"])
    for i in range(len(names) - 1):
        sentence = sentences[i % len(sentences)]
        G.add_edge(f"person:{i}", f"person:{i + 1}", key="MET", type="MET", count=1, sources=[sentence],
                   place=sentence, evidence=[{"doc": sentence, "sentence": sentence, "start": 0, "end": 1}])
    return G


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(TEXT, min_size=1, max_size=8), sentences=st.lists(TEXT, min_size=1, max_size=3))
def test_random_names_round_trip_through_graph_cypher(neo4j_server: dict, tmp_path: Path, names: list[str],
                                                      sentences: list[str]) -> None:
    conn = connection(neo4j_server)
    clear_database(conn)
    G = _graph(names, sentences)
    path = tmp_path / "graph.cypher"
    write_cypher(G, path)
    run_cypher(conn, path.read_text(encoding="utf-8"))
    assert database_state(conn) == expected_state(G)
    read_back = {props["id"]: props["name"] for _, props in database_state(conn)[0]}
    assert [read_back[f"person:{i}"] for i in range(len(names))] == names


def test_mixed_and_odd_property_types_round_trip(neo4j_server: dict, tmp_path: Path) -> None:
    conn = connection(neo4j_server)
    clear_database(conn)
    G = _graph(["a", "b", "c", "d"], ["s"])
    values = [1, "one", 2.5, True]
    for i, value in enumerate(values):
        node = G.nodes[f"person:{i}"]
        node.update(weight=value, score=0.1 * i, flag=bool(i % 2), empty=[], floats=[1.5, -2e-300],
                    maybe=None if i % 2 else "x")
    path = tmp_path / "graph.cypher"
    write_cypher(G, path)
    run_cypher(conn, path.read_text(encoding="utf-8"))
    assert database_state(conn) == expected_state(G)
