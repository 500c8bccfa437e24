"""Shared fixtures: the Neo4j test server (see tests/neo4j_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_helpers import GOOD, run_build, write_file
from neo4j_fixtures import neo4j_conn, neo4j_server, neo4j_tool  # noqa: F401 - fixtures

NEO4J_FIXTURES = {"neo4j_conn", "neo4j_server", "neo4j_tool"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the server, so ``-m 'not neo4j'`` leaves them out."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    """A small build (one article holding a terminal escape) in tmp_path/out, its inputs in tmp_path/in."""
    write_file(tmp_path / "in" / "vienna.txt", GOOD)
    write_file(tmp_path / "in" / "evil.txt",
           "Kamala Harris met Emmanuel Macron in Paris on Monday, officials \x1b]0;pwned\x07 said.\n"
           + "The two leaders spoke about trade, energy and the weather for a long while.\n" * 3)
    out = tmp_path / "out"
    assert run_build([tmp_path / "in"], out, "--workers", "1") == 0
    return out
