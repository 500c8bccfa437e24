"""graph.json: networkx node-link data with sorted keys.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> G.add_node("person:a", name="A")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_json(G, path)
>>> read_json(path).nodes["person:a"]["name"]
'A'
"""

from __future__ import annotations

import json
import os

import networkx as nx

from graphbuild.atomic import atomic_write_text


def graph_to_json(G: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(G, edges="edges")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=1) + "\n"


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    atomic_write_text(path, graph_to_json(G))


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for node, attributes in G.nodes(data=True):
        attributes.setdefault("id", node)  # node-link stores the id as the node key only
    return G
