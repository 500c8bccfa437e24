"""Shared fixtures: the Neo4j test server (see tests/neo4j_fixtures.py)."""

from __future__ import annotations

import pytest
from neo4j_fixtures import neo4j_conn, neo4j_server, neo4j_tool  # noqa: F401 - fixtures

NEO4J_FIXTURES = {"neo4j_conn", "neo4j_server", "neo4j_tool"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the server, so ``-m 'not neo4j'`` leaves them out."""
    for item in items:
        if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)
