"""Exporters: each reads only the graph and writes one format atomically, as ``write_x(G, path)``.

``EXPORTS`` lists the files ``graphbuild build`` writes into the export folder, in order.
"""

from __future__ import annotations

from collections.abc import Callable

import networkx as nx

from graphbuild.exporters.cypher import write_cypher, write_queries
from graphbuild.exporters.graphml import write_graphml
from graphbuild.exporters.html import write_html
from graphbuild.exporters.json_graph import write_json

Writer = Callable[[nx.MultiDiGraph, str], None]

EXPORTS: list[tuple[str, Writer]] = [
    ("graph.json", write_json),
    ("graph.graphml", write_graphml),
    ("graph.cypher", write_cypher),
    ("queries.cypher", lambda G, path: write_queries(path)),
    ("graph.html", write_html),
]
