"""graph.cypher, queries.cypher and the neo4j-admin CSV files, checked without a server."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from sample_graph import NASTY_NAME, sample_graph

from graphbuild.exporters import EXPORTS
from graphbuild.exporters.cypher import write_cypher, write_queries
from graphbuild.neo4j.admin import import_arguments, write_neo4j_admin
from graphbuild.neo4j.literals import cypher_string
from graphbuild.neo4j.model import flatten_property, node_props, unflatten_list
from graphbuild.neo4j.packing import literal_rows, packed_rows
from graphbuild.neo4j.queries import QUERIES, read_queries
from graphbuild.neo4j.script import split_statements
from graphbuild.query import find_people


def _reversed_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph, nodes and edges inserted in the opposite order."""
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    return H


def _big_graph(people: int) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i in range(people):
        G.add_node(f"person:p{i}", id=f"person:p{i}", name=f"P {i}", label="Person", aliases=[], titles=[],
                   mentions=1, sources=["d"])
    for i in range(people - 1):
        G.add_edge(f"person:p{i}", f"person:p{i + 1}", key="MET", type="MET", count=1, sources=["d"],
                   evidence=[{"doc": "d", "sentence": "s", "start": 0, "end": 1}], status="occurred")
    return G


def test_registered_in_exports(tmp_path: Path) -> None:
    exports = {export.filename: export for export in EXPORTS}
    assert {"graph.cypher", "queries.cypher"} <= set(exports)
    G = sample_graph()
    exports["graph.cypher"].write(G, tmp_path / "graph.cypher")
    exports["queries.cypher"].write(G, tmp_path / "queries.cypher")
    # each query is preceded by a statement printing its title
    assert (tmp_path / "queries.cypher").read_text(encoding="utf-8").count(";\n") == 2 * len(QUERIES)


def test_cypher_is_deterministic(tmp_path: Path) -> None:
    G = sample_graph()
    write_cypher(G, tmp_path / "a.cypher")
    write_cypher(_reversed_copy(G), tmp_path / "b.cypher")
    assert (tmp_path / "a.cypher").read_bytes() == (tmp_path / "b.cypher").read_bytes()


def test_constraints_first_then_batched_merges(tmp_path: Path) -> None:
    G = _big_graph(1201)
    write_cypher(G, tmp_path / "graph.cypher", batch_size=500)
    statements = split_statements((tmp_path / "graph.cypher").read_text(encoding="utf-8"))
    assert statements[0].startswith("CREATE CONSTRAINT `graphbuild_Person_id` IF NOT EXISTS")
    assert "REQUIRE n.id IS UNIQUE" in statements[0]
    # then the full-text index of people's name words, and a wait for it
    assert statements[1].startswith("CREATE FULLTEXT INDEX `graphbuild_Person_names` IF NOT EXISTS")
    assert statements[2] == "CALL db.awaitIndexes(300)"
    merges = statements[3:]
    assert all(s.startswith("WITH [x IN split(") and "\nUNWIND [i IN range(0, " in s for s in merges)
    assert all("MERGE" in s and "SET" in s for s in merges)
    assert len(merges) == 3 + 3  # 1201 nodes and 1200 relationships, 500 per batch
    assert "range(0, 499)" in merges[0] and "range(0, 200)" in merges[2]


def test_packed_rows_fall_back_to_literal_rows() -> None:
    rows = [{"id": "a|~^\x1f\x1e\x1d\x1c", "props": {"id": "a", "n": 1}}]
    prefix, expression = packed_rows(rows, ("id",))
    assert prefix == "" and expression == literal_rows(rows)
    mixed = [{"id": "a", "props": {"v": 1}}, {"id": "b", "props": {"v": "x"}}]
    prefix, _ = packed_rows(mixed, ("id",))
    assert "[1, 'x'] AS c" in prefix  # a column of mixed types stays a literal list


def test_strings_are_escaped_in_the_file(tmp_path: Path) -> None:
    write_cypher(sample_graph(), tmp_path / "graph.cypher")
    text = (tmp_path / "graph.cypher").read_text(encoding="utf-8")
    assert cypher_string(NASTY_NAME)[1:-1] in text
    assert "'O\\'Brien \"the \\\\ `tick`\"" in cypher_string(NASTY_NAME)
    # Every statement ends a line; no literal spans lines, so splitting on ';' lines is safe too.
    assert len(split_statements(text)) == len(re.findall(r";\n", text))


@pytest.mark.parametrize("text, literal", [
    ("plain", "'plain'"),
    ("a'b", "'a\\'b'"),
    ("back\\slash", "'back\\\\slash'"),
    ("new\nline\r\t", "'new\\nline\\r\\t'"),
    ("\u200fRTL mark \u202e", "'\\u200fRTL mark \\u202e'"),
    ("\u2028", "'\\u2028'"),
    ("nul\x00", "'nul\\u0000'"),
    ("emoji 🚀 שלום", "'emoji 🚀 שלום'"),
    ("\U000e0001 tag", "'\\udb40\\udc01 tag'"),
    ("\\u0041 stays", "'\\\\u0041 stays'"),
])
def test_cypher_string(text: str, literal: str) -> None:
    assert cypher_string(text) == literal


def test_evidence_becomes_parallel_lists_and_back() -> None:
    evidence = [{"doc": "d1", "sentence": "A; B.", "start": 0, "end": 5},
                {"doc": "d2", "sentence": "C.", "start": 7, "end": 9}]
    props = flatten_property("evidence", evidence)
    assert props == {"evidence_docs": ["d1", "d2"], "evidence_sentences": ["A; B.", "C."],
                     "evidence_starts": [0, 7], "evidence_ends": [5, 9]}
    assert unflatten_list(props, "evidence") == evidence
    ragged = [{"doc": "d1"}, {"doc": "d2", "start": None}]
    assert unflatten_list(flatten_property("evidence", ragged), "evidence") == ragged
    assert flatten_property("evidence", []) == {"evidence": []}


def test_queries_file(tmp_path: Path) -> None:
    G = sample_graph()
    write_queries(G, tmp_path / "queries.cypher")
    text = (tmp_path / "queries.cypher").read_text(encoding="utf-8")
    assert text.startswith("// queries.cypher")
    parsed = read_queries(text)
    assert [title for title, _ in parsed] == [title for title, _, _ in QUERIES]
    assert [q for _, q in parsed] == [q for _, _, q in QUERIES]
    assert len(split_statements(text)) == 2 * len(QUERIES)
    # The parameters are taken from the graph: people who met, one of their articles, dates it holds.
    params = dict(re.findall(r"^:param (\w+) => '([^']*)'$", text, re.M))
    assert set(params) == {"person", "other", "article", "since", "until", "meeting"}
    assert find_people(G, params["person"]) and find_people(G, params["other"])
    assert params["article"] in G and G.nodes[params["article"]]["label"] == "Article"
    assert params["since"] <= params["until"] and params["since"][:2] in ("19", "20")
    assert params["meeting"] in G and G.nodes[params["meeting"]]["label"] == "Meeting"
    assert "Ann Lee" not in {params["person"], params["other"]} or "person:ann-lee" in G
    # Each title statement counts the rows of the query after it, with its parameters in the title.
    assert "RETURN '2. Everyone ' + $person + ' met: ' + count(*) + ' rows' AS query;" in text
    write_queries(_reversed_copy(G), tmp_path / "again.cypher")
    assert (tmp_path / "again.cypher").read_bytes() == (tmp_path / "queries.cypher").read_bytes()


def test_person_name_forms_in_neo4j_rows() -> None:
    """Every Person row carries its folded name forms (graph.cypher, load and neo4j-admin share the rows)."""
    G = nx.MultiDiGraph()
    G.add_node("person:x", label="Person", name="Émile Dufresne-Okafor", aliases=["Dufresne-Okafor", "É. Okafor"])
    G.add_node("location:y", label="Location", name="Ville")
    props = node_props(G.nodes["person:x"], "person:x")
    assert props["name_fold"] == "emile dufresne okafor"
    assert props["alias_folds"] == ["dufresne okafor", "e okafor"]
    assert props["name_words"] == "dufresne e emile okafor"
    assert "name_fold" not in node_props(G.nodes["location:y"], "location:y")


def test_neo4j_admin_files(tmp_path: Path) -> None:
    G = sample_graph()
    write_neo4j_admin(G, tmp_path / "a")
    write_neo4j_admin(_reversed_copy(G), tmp_path / "b")
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    labels = {d["label"] for _, d in G.nodes(data=True)}
    types = {k for _, _, k in G.edges(keys=True)}
    assert {f"nodes-{label}.csv" for label in labels} | {f"relationships-{t}.csv" for t in types} <= set(names)
    header = (tmp_path / "a" / "nodes-Person-header.csv").read_text(encoding="utf-8")
    assert header.startswith('"id:ID",') and '"aliases:string[]"' in header and '"mentions:long"' in header
    rows = (tmp_path / "a" / "nodes-Person.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == sum(1 for _, d in G.nodes(data=True) if d["label"] == "Person")
    assert '"Ann Lee;Lee"' in rows[0]
    args = import_arguments(tmp_path / "a")
    assert args[:4] == ["database", "import", "full", "neo4j"] and "--array-delimiter=;" in args
    assert all(Path(a.split("=", 1)[1].split(",")[0]).is_file() for a in args if a.startswith("--nodes="))


def test_neo4j_admin_avoids_a_delimiter_found_in_the_data(tmp_path: Path) -> None:
    G = sample_graph()
    u, v = next((u, v) for u, v, k in G.edges(keys=True) if k == "MET")
    G.edges[u, v, "MET"]["evidence"][0]["sentence"] = "He came; they met.\nThen left."
    write_neo4j_admin(G, tmp_path)
    args = import_arguments(tmp_path)
    assert "--array-delimiter=|" in args and "--multiline-fields=true" in args


def test_cli_export_neo4j_admin(tmp_path: Path) -> None:
    from graphbuild import cli
    from graphbuild.exporters.json_graph import write_json

    write_json(sample_graph(), tmp_path / "graph.json")
    assert cli.main(["export", "neo4j-admin", "--graph", str(tmp_path / "graph.json"),
                     "--out", str(tmp_path / "import")]) == 0
    assert (tmp_path / "import" / "import.sh").is_file()
    assert (tmp_path / "import" / "relationships-MET.csv").is_file()


def test_export_cypher_command_writes_packed_or_literal(tmp_path: Path) -> None:
    from graphbuild.cli import main
    from graphbuild.exporters.json_graph import write_json

    graph_path = tmp_path / "graph.json"
    write_json(sample_graph(), graph_path)
    assert main(["export", "cypher", "--graph", str(graph_path), "--out", str(tmp_path / "packed.cypher")]) == 0
    assert main(["export", "cypher", "--literal", "--graph", str(graph_path),
                 "--out", str(tmp_path / "literal.cypher")]) == 0
    packed = (tmp_path / "packed.cypher").read_text(encoding="utf-8")
    literal = (tmp_path / "literal.cypher").read_text(encoding="utf-8")
    assert "split(" in packed and "UNWIND [\n" not in packed
    assert "UNWIND [\n" in literal and "split(" not in literal
