"""graph.cypher (the graph as idempotent, batched Cypher) and queries.cypher (ready-made questions).

The Cypher itself lives in :mod:`graphbuild.neo4j`: the statements (:mod:`~graphbuild.neo4j.script`,
:mod:`~graphbuild.neo4j.statements`), the property model (:mod:`~graphbuild.neo4j.model`: evidence as
parallel lists) and the query catalogue (:mod:`~graphbuild.neo4j.queries`). ``graphbuild load`` sends
the same rows through the same MERGE statements. A symmetric type (``MET``, ``SPOKE_WITH``) keeps the
graph's single direction (smaller id to larger) and is meant to be matched undirected,
``(a)-[:MET]-(b)``.
"""

from __future__ import annotations

import json
import os

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.neo4j.queries import queries_text
from graphbuild.neo4j.script import cypher_statements
from graphbuild.neo4j.statements import BATCH_SIZE


def write_cypher(G: nx.MultiDiGraph, path: str | os.PathLike, batch_size: int = BATCH_SIZE,
                 packed: bool = True) -> None:
    """Write graph.cypher: constraints, then batched idempotent MERGEs; byte-identical for the same graph."""
    header = [
        "// graph.cypher: written by graphbuild; run with `cypher-shell -f graph.cypher` or paste into Neo4j Browser.",
        "// Idempotent: MERGE on id and SET of all properties, so running it twice changes nothing.",
    ]
    if packed:
        header += [
            "// Each batch packs its rows column by column into strings ('' null, '=' value) that the",
            "// statement splits back into maps: Neo4j parses long strings far faster than literal maps.",
        ]
    header += [
        f"// Graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships; "
        + ", ".join(f"{k}={json.dumps(G.graph[k])}" for k in sorted(G.graph)),
        "",
    ]
    with atomic_open(path) as handle:
        handle.write("\n".join(line.rstrip() for line in header) + "\n")
        for statement in cypher_statements(G, batch_size, packed):
            handle.write(statement + ";\n\n")


def write_queries(G: nx.MultiDiGraph | None, path: str | os.PathLike) -> None:
    """Write queries.cypher, its parameters set to names, an article and dates of ``G``."""
    with atomic_open(path) as handle:
        handle.write(queries_text(G))

