"""graph.graphml: GraphML holds only scalars, so list and map attributes are stored as JSON strings."""

from __future__ import annotations

import io
import json
import os

import networkx as nx

from graphbuild.atomic import atomic_write_text


def _scalar(value):
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def graph_to_graphml(G: nx.MultiDiGraph) -> str:
    flat = nx.MultiDiGraph()
    flat.graph.update({k: _scalar(v) for k, v in G.graph.items()})
    for node, data in G.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for u, v, key, data in G.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(val) for k, val in data.items()})
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, encoding="utf-8", prettyprint=True)
    flat.clear()  # a graph whose views were used is a reference cycle: with the collector paused, it would stay
    return buffer.getvalue().decode("utf-8")


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    atomic_write_text(path, graph_to_graphml(G))
