"""graph.cypher and queries.cypher run as is with the real `cypher-shell -f` (from the same Maven jars)."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType

import pytest
from neo4j_fixtures import database_state, expected_state, graph_named

from graphbuild.exporters.cypher import write_cypher, write_queries
from graphbuild.neo4j.queries import QUERIES


def _shell(tool: ModuleType, conn: dict, path: Path) -> str:
    args = ["-a", conn["uri"], "-u", conn["user"], "-p", conn["password"], "--format", "plain", "-f", str(path)]
    result = tool.cypher_shell(args, capture=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr
    return result.stdout


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_cypher_shell_runs_both_files(neo4j_tool: ModuleType, neo4j_conn: dict, tmp_path: Path, name: str) -> None:
    G = graph_named(name)
    write_cypher(G, tmp_path / "graph.cypher")
    write_queries(G, tmp_path / "queries.cypher")
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
               "title, relation, subject", "date, person, met", "meeting, date, place", "meeting, date, name",
               "meeting, name, person", "meeting, name, date"]
    assert len(headers) == len(QUERIES)
    if name == "sample":
        assert [h for h in headers if h in out] == headers
    # Every query prints its one-line title first, numbered, with its parameters and its row count.
    titles = re.findall(r'^"(\d+)\. (.*): (\d+) rows"$', out, re.M)
    assert [int(n) for n, _, _ in titles] == list(range(1, len(QUERIES) + 1))
    assert all("$" not in title for _, title, _ in titles)
    if name == "seeds":  # the parameters come from the seeds: the person queries answer
        counts = {int(n): int(c) for n, _, c in titles}
        assert all(counts[n] > 0 for n in (1, 2, 3, 4, 5, 6, 7, 9, 10)), counts
        for n, _, count in titles:
            if int(count):
                assert headers[int(n) - 1] in out
