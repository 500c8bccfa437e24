"""The property model: how graph nodes and edges become Neo4j rows (label, key, flat properties) and back.

The node label becomes the Neo4j label and the edge type the relationship type; every other attribute
is a property. Neo4j properties cannot hold maps, so a list of maps such as ``evidence`` becomes
parallel lists: ``evidence_docs``, ``evidence_sentences``, ``evidence_starts``, ``evidence_ends`` (see
:func:`flatten_property`). graph.cypher, ``graphbuild load`` and the neo4j-admin files all write these rows.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import orjson

from graphbuild.schema import PERSON
from graphbuild.text import fold

DEFAULT_LABEL = "Entity"  # for a node without a label attribute
# Every node and relationship graphbuild writes (graph.cypher, load, neo4j-admin) carries this property,
# so ``graphbuild load --replace`` can tell what an earlier load wrote from what someone else added.
MARKER = "written_by"
MARKER_VALUE = "graphbuild"
# ``graphbuild load`` also stores on each node and relationship the hash of its attributes and place
# (:func:`content_hash`): the next load reads these back and sends only what is new or changed
# (see graphbuild.neo4j.store.load_graph).
CONTENT_HASH = "graphbuild_hash"
# The properties graphbuild owns (besides those of the graph being loaded): ``graphbuild load`` sets and
# removes these only, so a property someone else put on a graphbuild node or relationship survives a load.
OWNED_NODE_PROPERTIES = frozenset({"id", "name", "aliases", "titles", "mentions", "sources", "title", "date",
                                   "url", "outlet", "path", "sha256", MARKER, CONTENT_HASH,
                                   # Person name forms; Meeting nodes' own properties and evidence
                                   "name_fold", "alias_folds", "name_words", "kind", "medium", "place", "status",
                                   "reports", "count", "evidence_docs", "evidence_ends", "evidence_sentences",
                                   "evidence_starts", "evidence_statuses"})
OWNED_RELATIONSHIP_PROPERTIES = frozenset({
    "count", "sources", "status", "date", "place", "medium", "title", "evidence_json", "evidence_docs",
    "evidence_sentences", "evidence_starts", "evidence_ends", "evidence_contexts", "evidence_statuses", MARKER,
    CONTENT_HASH, "meetings", "meeting_dates", "meeting_places", "evidence_meetings", "side", "side_id", "role"})
# Attributes that become the label / relationship type rather than properties.
NODE_SKIP = ("label",)
EDGE_SKIP = ("type",)
# The order of evidence fields in the parallel lists; other keys follow alphabetically.
EVIDENCE_KEYS = ("doc", "sentence", "start", "end")
# Evidence fields only some items carry: stored as "" where missing, so the lists stay parallel.
OPTIONAL_KEYS = ("context",)

# Types a list property may hold as is (type() checks, not isinstance: this runs for every value).
_SCALAR_TYPES = {str, int, float, bool}


def flatten_property(name: str, value: object) -> dict:
    """Neo4j-storable properties for one attribute.

    Scalars and lists of scalars pass through (None is dropped: Neo4j has no null property). A list
    of maps becomes one list per key, ``{name}_{plural(key)}``; when the maps do not all have the same keys
    with non-null values (parallel lists could not say which is which), it is kept as ``{name}_json``.

    >>> flatten_property("evidence", [{"doc": "d1", "sentence": "S.", "start": 0, "end": 2}])
    {'evidence_docs': ['d1'], 'evidence_sentences': ['S.'], 'evidence_starts': [0], 'evidence_ends': [2]}
    """
    if value is None:
        return {}
    if isinstance(value, dict):
        return {f"{name}_json": json.dumps(value, sort_keys=True, ensure_ascii=False)}
    if isinstance(value, list | tuple) and not set(map(type, value)) <= _SCALAR_TYPES:
        keys = _common_keys(value)
        if keys is None:
            return {f"{name}_json": json.dumps(list(value), sort_keys=True, ensure_ascii=False)}
        return {f"{name}_{plural(key)}": [item.get(key, "") for item in value] for key in keys}
    if isinstance(value, tuple):
        return {name: list(value)}
    return {name: value}


def _common_keys(items: Iterable) -> list[str] | None:
    """The shared keys of a list of flat maps whose values are all scalars, or None."""
    keys: set[str] | None = None
    optional: set[str] = set()
    for item in items:
        if not isinstance(item, dict) or not set(map(type, item.values())) <= _SCALAR_TYPES:
            return None
        present = set(item) - set(OPTIONAL_KEYS)
        if keys is None:
            keys = present
        elif present != keys:
            return None
        optional |= set(item) & set(OPTIONAL_KEYS)
    keys = (keys or set()) | optional
    return [k for k in EVIDENCE_KEYS if k in keys] + sorted(keys - set(EVIDENCE_KEYS))


def plural(key: str) -> str:
    """The name of a parallel list: ``doc`` -> ``docs``, ``status`` -> ``statuses``."""
    return key + ("es" if key.endswith(("s", "x", "ch", "sh")) else "s")


def singular(column: str) -> str | None:
    """Inverse of :func:`plural`, or None when ``column`` is not a plural it makes."""
    for cut in (2, 1):
        if len(column) > cut and plural(column[:-cut]) == column:
            return column[:-cut]
    return None


def unflatten_list(props: dict, name: str) -> list[dict]:
    """Inverse of :func:`flatten_property` for a list of maps read back from Neo4j."""
    if f"{name}_json" in props:
        return json.loads(props[f"{name}_json"])
    prefix = f"{name}_"
    columns = {singular(k[len(prefix):]): v for k, v in props.items()
               if k.startswith(prefix) and singular(k[len(prefix):])}
    if not columns:
        return []
    length = len(next(iter(columns.values())))
    keys = [k for k in EVIDENCE_KEYS if k in columns] + sorted(set(columns) - set(EVIDENCE_KEYS))
    return [{key: columns[key][i] for key in keys if not (key in OPTIONAL_KEYS and columns[key][i] == "")}
            for i in range(length)]


def properties(data: dict, skip: tuple[str, ...]) -> dict:
    """All storable properties of a node or edge attribute dict, keys sorted."""
    props: dict = {}
    for name in sorted(data):
        if name not in skip:
            props.update(flatten_property(name, data[name]))
    return props


def node_label(data: dict) -> str:
    return data.get("label") or DEFAULT_LABEL


# A Person's name forms as who-met compares them (graphbuild.text.fold), so Cypher finds people by any name:
# the folded name, the folded aliases, and every word of both (space-separated, full-text indexed).
NAME_FOLD, ALIAS_FOLDS, NAME_WORDS = "name_fold", "alias_folds", "name_words"


def name_forms(name: str, aliases: list[str]) -> dict:
    """The folded name forms a Person carries in Neo4j (see :data:`NAME_FOLD`).

    >>> name_forms("Andréi Belousov", ["Belousov", "Andrei Belousov"])
    {'name_fold': 'andrei belousov', 'alias_folds': ['andrei belousov', 'belousov'], 'name_words': 'andrei belousov'}
    """
    folded = fold(name or "")
    aliases_folded = sorted({fold(a) for a in aliases or [] if fold(a)})
    words = sorted({w for text in (folded, *aliases_folded) for w in text.split()})
    forms: dict = {NAME_FOLD: folded, NAME_WORDS: " ".join(words)}
    if aliases_folded:
        forms[ALIAS_FOLDS] = aliases_folded
    return {key: forms[key] for key in (NAME_FOLD, ALIAS_FOLDS, NAME_WORDS) if key in forms}


def node_props(data: dict, node) -> dict:
    """A node's properties: always ``id`` and the :data:`MARKER`; a Person also its :func:`name_forms`."""
    props = properties(data, NODE_SKIP)
    props["id"] = str(data.get("id", node))
    props[MARKER] = MARKER_VALUE
    if data.get("label") == PERSON:
        props.update(name_forms(data.get("name") or "", data.get("aliases") or []))
    return props


def relationship_props(data: dict) -> dict:
    """An edge's properties, with the :data:`MARKER`."""
    props = properties(data, EDGE_SKIP)
    props[MARKER] = MARKER_VALUE
    return props


def relationship_type(data: dict, key) -> str:
    return str(data.get("type") or key)


def node_order(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, object]]]:
    """Label -> ``(id, node)`` sorted by id: the order rows are written in, without their properties."""
    groups: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        groups[node_label(data)].append((str(data.get("id", node)), node))
    return {label: sorted(items, key=lambda item: item[0]) for label, items in sorted(groups.items())}


def relationship_order(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[tuple[str, str, object, object, object]]]:
    """(type, start label, end label) -> ``(source id, target id, u, v, key)`` sorted by the two ids."""
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    nodes = G.nodes
    for u, v, key, data in G.edges(keys=True, data=True):
        start, end = nodes[u], nodes[v]
        groups[(relationship_type(data, key), node_label(start), node_label(end))].append(
            (str(start.get("id", u)), str(end.get("id", v)), u, v, key))
    return {group: sorted(items, key=lambda item: item[:2]) for group, items in sorted(groups.items())}


def node_row(G: nx.MultiDiGraph, node_id_: str, node) -> dict:
    return {"id": node_id_, "props": node_props(G.nodes[node], node)}


def relationship_row(G: nx.MultiDiGraph, source: str, target: str, u, v, key) -> dict:
    return {"source": source, "target": target, "props": relationship_props(G.edges[u, v, key])}


def node_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Label -> sorted rows ``{id, props}``; ``props`` always holds ``id`` and the :data:`MARKER`."""
    return {label: [node_row(G, *item) for item in items] for label, items in node_order(G).items()}


def relationship_rows(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """(type, start label, end label) -> sorted rows ``{source, target, props}`` (``props`` with the marker)."""
    return {group: [relationship_row(G, *item) for item in items] for group, items in relationship_order(G).items()}


# What the rows are made from decides them too: a change to this module changes every hash. It is the blake2b
# personalisation, so it costs no bytes per item.
_FORMAT = hashlib.sha256(Path(__file__).read_bytes()).digest()[:16]
# The json module's encoder, made once (json.dumps with options builds one per call), for what orjson refuses.
_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def canonical_json(value: object) -> bytes:
    """``value`` as JSON with sorted keys, the same bytes in every process: by orjson (several times faster than
    the json module, which matters for a million items); what orjson refuses (an integer beyond 64 bits, a key
    that is not a string, a lone surrogate) by the json module, so always in the same way.

    >>> canonical_json({"b": [1, {"d": 2, "c": None}], "a": "é"}).decode()
    '{"a":"é","b":[1,{"c":null,"d":2}]}'
    """
    try:
        return orjson.dumps(value, default=str, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return _JSON.encode(value).encode("utf-8", "surrogatepass")


def content_hash(data: dict, *key: str) -> int:
    """A hash of a node's or edge's attributes in the graph, of where it stands (``key``: the label and id of
    a node; the type, end labels and end ids of a relationship) and of how this module turns them into
    properties; the same in every process. Equal hashes, equal rows in the same place: an incremental load
    needs only the set of hashes the database holds, and builds the rows of changed items only.

    A 63-bit integer, so Neo4j stores it as an INTEGER and returns a million of them as one list, cheap to
    decode (strings, one record each, took seconds).

    >>> content_hash({"id": "a", "name": "A"}, "Person", "a") == content_hash({"name": "A", "id": "a"}, "Person", "a")
    True
    >>> content_hash({"id": "a"}, "Person", "a") == content_hash({"id": "a"}, "Person", "b")
    False
    >>> 0 <= content_hash({"id": "a"}, "Person", "a") < 2 ** 63
    True
    """
    digest = hashlib.blake2b(canonical_json([key, data]), digest_size=8, person=_FORMAT).digest()
    return int.from_bytes(digest) >> 1


def with_owned(groups: dict, owned: frozenset[str]) -> dict:
    """Rows (as :func:`node_rows` or :func:`relationship_rows` give them) whose ``props`` name every owned
    property: ``owned`` and any property a row of ``groups`` has, those a row lacks as None (removed by
    ``SET x += props``).

    >>> with_owned({"Person": [{"id": "a", "props": {"id": "a", "name": "A"}}]}, frozenset({"id", "titles"}))
    {'Person': [{'id': 'a', 'props': {'id': 'a', 'name': 'A', 'titles': None}}]}
    """
    keys = set(owned)
    for rows in groups.values():
        for row in rows:
            keys.update(row["props"])
    ordered = sorted(keys)
    return {group: [{**row, "props": {**dict.fromkeys(ordered), **row["props"]}} for row in rows]
            for group, rows in groups.items()}
