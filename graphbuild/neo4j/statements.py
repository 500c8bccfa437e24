"""The constraint and MERGE statements, written once: graph.cypher and ``graphbuild load`` run the same text.

A statement takes its rows as ``$rows`` (the loader) or as a list expression (graph.cypher's packed or
literal rows). ``MERGE`` on the key plus ``SET x = props`` (a full replacement) makes a second run leave
the database exactly as the first one did. The loader's variant also counts the rows it changed.

>>> print(node_statement("Person"))
UNWIND $rows AS row
MERGE (n:`Person` {id: row.id})
SET n = row.props
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graphbuild.neo4j.literals import cypher_name, cypher_string
from graphbuild.neo4j.model import CONTENT_HASH, MARKER, MARKER_VALUE, NAME_WORDS
from graphbuild.schema import INDEXED_PROPERTIES, PERSON

BATCH_SIZE = 500  # rows per statement in graph.cypher


def constraint_statement(label: str) -> str:
    name = cypher_name(f"graphbuild_{label}_id")
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{cypher_name(label)}) REQUIRE n.id IS UNIQUE"


def index_statement(label: str, prop: str) -> str:
    name = cypher_name(f"graphbuild_{label}_{prop}")
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{cypher_name(label)}) ON (n.{cypher_name(prop)})"


# The full-text index on every Person's name words, which the queries' person lookup reads.
PERSON_NAMES_INDEX = "graphbuild_Person_names"


def person_names_index_statement() -> str:
    """The full-text index of :data:`PERSON_NAMES_INDEX`: words split on spaces only, as folded."""
    return (f"CREATE FULLTEXT INDEX {cypher_name(PERSON_NAMES_INDEX)} IF NOT EXISTS "
            f"FOR (n:{cypher_name(PERSON)}) ON EACH [n.{cypher_name(NAME_WORDS)}] "
            "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}")


def schema_statements(labels: Iterable[str]) -> Iterator[str]:
    """The uniqueness constraint on ``id`` of each label, then the schema's indexes (Article date), then
    the full-text index of people's names (when there are people) and a wait until the indexes are online.

    >>> print("\\n".join(schema_statements(["Article"])))
    CREATE CONSTRAINT `graphbuild_Article_id` IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE
    CREATE INDEX `graphbuild_Article_date` IF NOT EXISTS FOR (n:`Article`) ON (n.`date`)
    """
    labels = list(labels)
    for label in labels:
        yield constraint_statement(label)
    for label in labels:
        for prop in INDEXED_PROPERTIES.get(label, ()):
            yield index_statement(label, prop)
    if PERSON in labels:
        yield person_names_index_statement()
        yield "CALL db.awaitIndexes(300)"


def node_statement(label: str, rows: str = "$rows", count_changes: bool = False) -> str:
    """MERGE a batch of node rows; ``rows`` is a parameter or a list expression.

    With ``count_changes`` the statement returns ``changed``, how many rows it changed.
    """
    return _set_props(f"UNWIND {rows} AS row\nMERGE (n:{cypher_name(label)} {{id: row.id}})", "n", count_changes)


def relationship_statement(rel_type: str, start: str, end: str, rows: str = "$rows",
                           count_changes: bool = False) -> str:
    """MERGE a batch of relationship rows between existing nodes (see :func:`node_statement`).

    The loader's variant (``count_changes``) merges only a relationship carrying graphbuild's marker: one of
    the same type between the same nodes that someone else wrote is left alone (a marked one is made beside it).
    """
    marker = f" {{{cypher_name(MARKER)}: {cypher_string(MARKER_VALUE)}}}" if count_changes else ""
    merge = (
        f"UNWIND {rows} AS row\n"
        f"MATCH (a:{cypher_name(start)} {{id: row.source}})\n"
        f"MATCH (b:{cypher_name(end)} {{id: row.target}})\n"
        f"MERGE (a)-[r:{cypher_name(rel_type)}{marker}]->(b)"
    )
    return _set_props(merge, "r", count_changes)


def _set_props(merge: str, var: str, count_changes: bool) -> str:
    if not count_changes:
        return f"{merge}\nSET {var} = row.props"
    # The loader's variant sets only the properties graphbuild owns: its rows hold every one of them, those
    # this node or relationship does not have as null (removed by +=); other properties (an analyst's) stay.
    # A node or relationship just created counts as changed even when its properties are only the key.
    return (
        f"{merge}\n"
        f"  ON CREATE SET {var}.`_graphbuild_created` = true\n"
        f"WITH {var}, row, {var}.`_graphbuild_created` IS NULL AND all(k IN keys(row.props) WHERE "
        f"coalesce({var}[k] = row.props[k], {var}[k] IS NULL AND row.props[k] IS NULL)) AS same\n"
        f"SET {var} += row.props\n"
        f"REMOVE {var}.`_graphbuild_created`\n"
        f"RETURN count(CASE WHEN same THEN null ELSE 1 END) AS changed"
    )


def node_hashes_statement(label: str) -> str:
    """The content hash of every node of ``label`` a load wrote, as one list (for an incremental load)."""
    return f"MATCH (n:{cypher_name(label)})\nRETURN collect(n.{cypher_name(CONTENT_HASH)}) AS hashes"


def relationship_hashes_statement(rel_type: str) -> str:
    """The content hash of every relationship of a type a load wrote, as one list: a scan of the type that
    reads one property each, no node (the hash says where the relationship stands). One record, not one per
    relationship: the driver decodes a million-item list in a fraction of a second, a million records in ten."""
    return f"MATCH ()-[r:{cypher_name(rel_type)}]->()\nRETURN collect(r.{cypher_name(CONTENT_HASH)}) AS hashes"


def batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
