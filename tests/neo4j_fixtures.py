"""A real Neo4j server for the tests, started once per session by scripts/neo4j-server.

In CI (``CI=true``) a missing Java, Maven or jars fails the Neo4j tests; elsewhere they are skipped
with a one-line reason. Helpers here compare a Neo4j database with the graph it was loaded from.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

import networkx as nx
import pytest

from graphbuild.neo4j.model import node_rows, relationship_rows

ROOT = Path(__file__).resolve().parents[1]
SERVER_SCRIPT = ROOT / "scripts" / "neo4j-server"
SEEDS_GRAPH = ROOT / "exports" / "graph.json"


def load_server_script() -> ModuleType:
    """scripts/neo4j-server as a module (it has no .py suffix, so load it by path)."""
    loader = importlib.machinery.SourceFileLoader("graphbuild_neo4j_server", str(SERVER_SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Fail in CI, where the Neo4j tests must run; skip elsewhere."""
    if in_ci():
        pytest.fail(f"Neo4j tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"no Neo4j test server: {reason}")


@pytest.fixture(scope="session")
def neo4j_tool() -> ModuleType:
    """The server script, with Java checked and the jars fetched (once; cached afterwards)."""
    tool = load_server_script()
    try:
        tool.check_tools()
        tool.fetch(quiet=True)
    except tool.ServerError as exc:
        unavailable(str(exc))
    return tool


@pytest.fixture(scope="session")
def neo4j_server(neo4j_tool: ModuleType, tmp_path_factory: pytest.TempPathFactory):
    """One server for the session: auth on with a known password, data in a fresh temporary home."""
    home = tmp_path_factory.mktemp("neo4j-home")
    try:
        info = neo4j_tool.start(home, heap="512m", pagecache="64m", detach=False)
    except neo4j_tool.ServerError as exc:
        pytest.fail(f"Neo4j test server did not start: {exc}", pytrace=False)
    yield info
    neo4j_tool.stop(home, clean=True)


def connection(info: dict, **changes) -> dict:
    """A graphbuild connection dict (as cli.neo4j_connection builds) for a started server."""
    return {"uri": info["uri"], "user": info["user"], "password": info["password"], "database": None,
            **changes}


@pytest.fixture
def neo4j_conn(neo4j_server: dict) -> dict:
    """A connection to the session server, its database emptied first."""
    conn = connection(neo4j_server)
    clear_database(conn)
    return conn


def clear_database(conn: dict) -> None:
    from graphbuild.neo4j.store import session

    with session(conn) as sess:
        sess.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def database_state(conn: dict) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (type, start id, end id, properties), sorted; the
    content hash ``graphbuild load`` keeps for its next load left out (graph.cypher writes none)."""
    from graphbuild.neo4j.model import CONTENT_HASH
    from graphbuild.neo4j.store import session

    def props(record) -> dict:
        return {k: v for k, v in record["props"].items() if k != CONTENT_HASH}

    with session(conn) as sess:
        nodes = [(sorted(r["labels"]), props(r))
                 for r in sess.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")]
        rels = [(r["type"], r["start"], r["end"], props(r))
                for r in sess.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, "
                                  "properties(r) AS props")]
    return _sorted(nodes), _sorted(rels)


def expected_state(G: nx.MultiDiGraph) -> tuple[list, list]:
    """What :func:`database_state` should read after loading ``G`` into an empty database."""
    nodes = [([label], row["props"]) for label, rows in node_rows(G).items() for row in rows]
    rels = [(rel_type, row["source"], row["target"], row["props"])
            for (rel_type, _, _), rows in relationship_rows(G).items() for row in rows]
    return _sorted(nodes), _sorted(rels)


def _sorted(items: list) -> list:
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))


def seeds_graph() -> nx.MultiDiGraph:
    """exports/graph.json, the graph of the seed articles; skip when it has not been built."""
    from graphbuild.exporters.json_graph import read_json

    if not SEEDS_GRAPH.is_file():
        pytest.skip(f"{SEEDS_GRAPH.relative_to(ROOT)} not built yet")
    return read_json(SEEDS_GRAPH)


def graph_named(name: str) -> nx.MultiDiGraph:
    """``sample`` (tests/sample_graph.py) or ``seeds`` (exports/graph.json)."""
    from sample_graph import sample_graph

    return sample_graph() if name == "sample" else seeds_graph()
