"""graph.cypher and queries.cypher run as is with the real `cypher-shell -f` (from the same Maven jars)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from neo4j_fixtures import database_state, expected_state, graph_named

from graphbuild.exporters.cypher import write_cypher, write_queries
from graphbuild.neo4j.queries import QUERIES, QUERY_PARAMS, queries_text, read_queries
from graphbuild.neo4j.store import session


def _shell(tool: ModuleType, conn: dict, path: Path) -> str:
    args = ["-a", conn["uri"], "-u", conn["user"], "-p", conn["password"], "--format", "plain", "-f", str(path)]
    result = tool.cypher_shell(args, capture=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return result.stdout


def _has_rows(conn: dict, query: str) -> bool:
    """Whether ``query`` answers with the parameters queries.cypher sets (over Bolt)."""
    with session(conn) as sess:
        return bool(list(sess.run(query, QUERY_PARAMS)))


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_cypher_shell_runs_both_files(neo4j_tool: ModuleType, neo4j_conn: dict, tmp_path: Path, name: str) -> None:
    G = graph_named(name)
    write_cypher(G, tmp_path / "graph.cypher")
    write_queries(tmp_path / "queries.cypher")
    _shell(neo4j_tool, neo4j_conn, tmp_path / "graph.cypher")
    state = database_state(neo4j_conn)
    assert state == expected_state(G)
    _shell(neo4j_tool, neo4j_conn, tmp_path / "graph.cypher")
    assert database_state(neo4j_conn) == state
    out = _shell(neo4j_tool, neo4j_conn, tmp_path / "queries.cypher")
    # cypher-shell prints a header line for each query that returns rows; the sample graph answers all.
    headers = ["person, met, status", "person, met, status", "place, meetings, pairs",
               "organisation, title, person", "relation, subject, object", "chain, meetings, sources",
               "person, contact, relation", "person, spoke_with, status", "article, title, date",
               "title, relation, subject", "date, person, met"]
    assert len(headers) == len(QUERIES)
    # Each query prints its header exactly when it has rows (as Neo4j answers it over Bolt).
    answered = [h for h, (_, query) in zip(headers, read_queries(queries_text()), strict=True)
                if _has_rows(neo4j_conn, query)]
    printed = [h for line in out.splitlines() for h in dict.fromkeys(headers) if line == h or line.startswith(h + ", ")]
    assert printed == answered
    if name == "sample":  # the sample graph answers every query
        assert answered == headers
