"""Cypher scripts: the statements of graph.cypher, and splitting a script back into statements.

graph.cypher runs as is with ``cypher-shell -f graph.cypher`` or pasted into Neo4j Browser:

1. one uniqueness constraint per node label on ``id``, and the schema's indexes (``Article.date``);
2. nodes in batches, ``UNWIND [rows] AS row MERGE (n:Label {id: row.id}) SET n = row.props``;
3. relationships, grouped by (type, start label, end label) so every ``MATCH`` uses a constraint index.

The rows of a batch are packed (see :func:`graphbuild.neo4j.packing.packed_rows`); they are the very
rows that ``graphbuild load`` sends as ``$rows``, and the statement after the UNWIND is the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx

from graphbuild.neo4j.model import node_order, node_row, relationship_order, relationship_row
from graphbuild.neo4j.packing import literal_rows, packed_rows
from graphbuild.neo4j.statements import (
    BATCH_SIZE,
    batches,
    node_statement,
    relationship_statement,
    schema_statements,
)


def cypher_statements(G: nx.MultiDiGraph, batch_size: int = BATCH_SIZE, packed: bool = True) -> Iterator[str]:
    """Every statement of graph.cypher, in order, without the trailing semicolon.

    ``packed=False`` writes each batch as a literal list of maps instead: easier to read, but Neo4j
    5 parses it about fifty times slower (fine for a few hundred relationships, not for a large graph).
    """
    nodes = node_order(G)
    yield from schema_statements(nodes)
    # Rows are made a batch at a time: all of them at once would be a second, bigger copy of the graph.
    for label, items in nodes.items():
        for batch in batches(items, batch_size):
            rows = [node_row(G, *item) for item in batch]
            prefix, rows_expr = packed_rows(rows, ("id",)) if packed else ("", literal_rows(rows))
            yield _join(prefix, node_statement(label, rows_expr))
    for (rel_type, start, end), items in relationship_order(G).items():
        for batch in batches(items, batch_size):
            rows = [relationship_row(G, *item) for item in batch]
            prefix, rows_expr = packed_rows(rows, ("source", "target")) if packed else ("", literal_rows(rows))
            yield _join(prefix, relationship_statement(rel_type, start, end, rows_expr))


def _join(prefix: str, statement: str) -> str:
    return f"{prefix}\n{statement}" if prefix else statement


# Strings and quoted names (escapes inside), comments, the separator, and runs of anything else.
_TOKEN = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/|;|[^'"`/;]+|/""", re.S)


def split_statements(text: str) -> list[str]:
    """Statements of a Cypher script: split on ``;`` outside strings, quoted names and comments.

    Client commands (``:param ...`` lines before a statement) are left out.

    >>> split_statements("RETURN 'a;b' AS x; // c;\\n:param p => 'q;'\\nRETURN `;` ;")
    ["RETURN 'a;b' AS x", 'RETURN `;`']
    """
    statements: list[str] = []
    current: list[str] = []
    started = False  # has the current statement any text yet?
    skipping = False  # inside a client command, up to the end of its line
    for match in _TOKEN.finditer(text):
        token = match.group()
        quoted = token[0] in "'\"`"
        if skipping:
            if quoted or "\n" not in token:
                continue
            skipping, token = False, token.split("\n", 1)[1]
        if token.startswith(("//", "/*")):
            continue
        if token == ";":
            statements.append("".join(current).strip())
            current, started = [], False
            continue
        if not quoted and not started:
            token, skipping = _drop_commands(token)
        current.append(token)
        started = started or bool(token.strip())
    statements.append("".join(current).strip())
    return [s for s in statements if s]


def _drop_commands(chunk: str) -> tuple[str, bool]:
    """Remove leading ``:command`` lines from plain text at a statement start; (rest, still inside one)."""
    while chunk.lstrip().startswith(":"):
        rest = chunk.lstrip()
        if "\n" not in rest:
            return "", True
        chunk = rest.split("\n", 1)[1]
    return chunk, False

