"""Exporters: each reads only the graph and writes one format atomically, as ``write_x(G, path)``.

``EXPORTS`` lists the files ``graphbuild build`` writes into the export folder, in order: one
:class:`Export` each, a file name and ``write(G, path, settings)``, which hands the writer the
build settings it reads (only graph.html reads one, its node limit).

>>> [export.filename for export in EXPORTS]
['graph.json', 'graph.graphml', 'graph.cypher', 'queries.cypher', 'graph.html']
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from graphbuild.exporters.cypher import write_cypher, write_queries
from graphbuild.exporters.graphml import write_graphml
from graphbuild.exporters.html import write_html
from graphbuild.exporters.json_graph import write_json
from graphbuild.settings import Settings

Writer = Callable[..., None]  # write_x(G, path, **options)


@dataclass(frozen=True)
class Export:
    """One export file: its name, its writer, and which build settings the writer takes as options."""

    filename: str
    writer: Writer
    options: Callable[[Settings], dict] = lambda settings: {}

    def write(self, G: nx.MultiDiGraph, path: str | os.PathLike, settings: Settings | None = None) -> None:
        self.writer(G, path, **self.options(settings or Settings()))


EXPORTS: list[Export] = [
    Export("graph.json", write_json),
    Export("graph.graphml", write_graphml),
    Export("graph.cypher", write_cypher),
    Export("queries.cypher", write_queries),
    Export("graph.html", write_html, lambda settings: {"max_nodes": settings.html_max_nodes,
                                                       "page": settings.config.page}),
]
