"""graph.json: networkx node-link data with sorted keys, written item by item.

The text is exactly ``json.dumps(nx.node_link_data(G, edges="edges"), sort_keys=True, ensure_ascii=False,
indent=1)``, but it is streamed: one node or edge is encoded at a time, so writing the graph of a million
articles does not hold a second copy of it (node-link dicts, then one string of gigabytes). Edges that share a
:class:`~graphbuild.models.SharedRecord` (the MENTIONS of the articles, the people and reports of meetings) share
its encoding too, and only their ends are encoded each time.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> G.add_node("person:a", name="A")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_json(G, path)
>>> read_json(path).nodes["person:a"]["name"]
'A'
>>> graph_to_json(G) == json.dumps(nx.node_link_data(G, edges="edges"), sort_keys=True, ensure_ascii=False,
...                                indent=1) + "\\n"
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator

import networkx as nx

from graphbuild.atomic import atomic_open
from graphbuild.models import SharedRecord

_ITEM_INDENT = "  "  # a node or an edge sits two levels deep: in the top map, in its list


def graph_to_json(G: nx.MultiDiGraph) -> str:
    return "".join(json_chunks(G))


def write_json(G: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    with atomic_open(path) as handle:
        handle.writelines(json_chunks(G))


def json_chunks(G: nx.MultiDiGraph) -> Iterator[str]:
    """The text of graph.json, in pieces of a node or an edge; the top-level keys in sorted order."""
    yield '{\n "directed": true,\n "edges": '
    yield from _items(_edge_texts(G))
    yield ',\n "graph": ' + _indented(_dumps(G.graph), " ").lstrip()
    yield ',\n "multigraph": true,\n "nodes": '
    yield from _items(_indented(_dumps({**data, "id": node}), _ITEM_INDENT) for node, data in G.nodes(data=True))
    yield "\n}\n"


def _items(texts: Iterator[str]) -> Iterator[str]:
    """A JSON list of already indented items, as ``json.dumps(..., indent=1)`` writes it one level deep."""
    first = True
    for text in texts:
        yield ("[\n" if first else ",\n") + text
        first = False
    yield "[]" if first else "\n ]"


def _edge_texts(G: nx.MultiDiGraph) -> Iterator[str]:
    shared: dict[tuple[int, str], tuple[str, str, str]] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        if type(data) is not SharedRecord:
            yield _indented(_dumps({**data, "source": u, "target": v, "key": key}), _ITEM_INDENT)
            continue
        parts = shared.get((id(data), key))  # shared records live as long as the graph: their ids are stable
        if parts is None:
            parts = shared[(id(data), key)] = _around_ends(data, key)
        head, middle, tail = parts
        yield head + json.dumps(u, ensure_ascii=False) + middle + json.dumps(v, ensure_ascii=False) + tail


_SOURCE, _TARGET = "\x00source\x00", "\x00target\x00"  # placeholders no graph id holds


def _around_ends(data: dict, key) -> tuple[str, str, str]:
    """The encoding of an edge of these attributes and key, cut where its source and target go."""
    text = _indented(_dumps({**data, "source": _SOURCE, "target": _TARGET, "key": key}), _ITEM_INDENT)
    head, rest = text.split(json.dumps(_SOURCE), 1)
    middle, tail = rest.split(json.dumps(_TARGET), 1)
    return head, middle, tail


def _dumps(value: object, indent: str = "") -> str:
    """``json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1)`` for the values a graph holds, the
    nesting at ``indent``. Written out because the standard encoder, given an indent, builds a cycle of
    closures on every call: with the collector paused (as a build writes its exports), one call per node
    and edge would leave gigabytes of them behind."""
    if isinstance(value, dict) and value and all(type(k) is str for k in value):
        inner = indent + " "
        return "{\n" + ",\n".join(f"{inner}{_string(k)}: {_dumps(v, inner)}" for k, v in sorted(value.items())) \
            + "\n" + indent + "}"
    if isinstance(value, list | tuple) and value:
        inner = indent + " "
        return "[\n" + ",\n".join(inner + _dumps(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dict | list | tuple) and not value:
        return "{}" if isinstance(value, dict) else "[]"
    if value is None or isinstance(value, int | float):  # bool first: True is an int
        return _CONSTANTS.get(value) if type(value) is bool or value is None else _number(value)
    return _indented(json.dumps(value, sort_keys=True, ensure_ascii=False, indent=1), indent).removeprefix(indent)


def _number(value: int | float) -> str:
    if isinstance(value, int):
        return int.__repr__(value)
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)


_CONSTANTS = {True: "true", False: "false", None: "null"}


_string = json.encoder.encode_basestring  # ensure_ascii=False's encoding of a string, in C


def _indented(text: str, indent: str) -> str:
    """``text`` (as :func:`_dumps` writes it) moved ``indent`` deeper: JSON strings hold no raw line break."""
    return indent + text.replace("\n", "\n" + indent)


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    G = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    for node, attributes in G.nodes(data=True):
        attributes.setdefault("id", node)  # node-link stores the id as the node key only
    return G
