"""CSV files for ``neo4j-admin database import full``: the fastest way to load a large graph.

``write_neo4j_admin(G, out_dir)`` writes one header and one data file per node label
(``nodes-Person-header.csv``, ``nodes-Person.csv``) and per relationship type
(``relationships-MET-header.csv`` ...), ``schema.cypher`` (the constraints and indexes, to run once the
server is up), plus ``import.sh`` with the exact command to run, e.g.::

    neo4j-admin database import full neo4j --overwrite-destination \\
        --nodes=nodes-Person-header.csv,nodes-Person.csv ... --relationships=...

All nodes share one ID space (``id:ID``; graphbuild ids are unique across labels) and the id is also
stored as the ``id`` property, as ``graph.cypher`` and ``graphbuild load`` do. Properties are the same as
theirs (evidence as parallel lists), typed in the header (``mentions:long``, ``aliases:string[]``).
Arrays use the ``;`` delimiter, unless some array element itself contains ``;`` (evidence sentences
often do): then the first of ``|``, U+001F, U+001E, then of the private-use characters U+E000–U+F8FF, not
found in any element is used, and import.sh passes it as ``--array-delimiter``. Should every one of them
occur, U+001E is used and its occurrences inside elements become U+FFFD: the export never fails.
An empty list is written as an empty field, which neo4j-admin
reads as no property (Neo4j cannot tell an absent list from an empty one in CSV).
"""

from __future__ import annotations

import re
import shlex
from array import array
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

import networkx as nx
import numpy as np

from graphbuild.atomic import atomic_open, atomic_write_text
from graphbuild.models import SharedRecord
from graphbuild.neo4j.model import node_order, node_props, relationship_props, relationship_type
from graphbuild.neo4j.statements import schema_statements

DELIMITER_CHOICES = (";", "|", "\x1f", "\x1e")
PRIVATE_USE = range(0xE000, 0xF900)  # then these, which no text is expected to hold
_PRIVATE = re.compile("[\ue000-\uf8ff]")
_TYPE_NAMES = {bool: "boolean", int: "long", float: "double", str: "string"}


def write_neo4j_admin(G: nx.MultiDiGraph, out_dir: Path) -> None:
    """Write the import files and import.sh into ``out_dir`` (created if needed); deterministic.

    Two passes over the graph, each computing a row's properties afresh: the first learns every column's
    type, the array delimiter and whether any field spans lines; the second streams the rows to disk.
    Holding every row's properties at once would cost gigabytes on a graph of a million articles.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    nodes = node_order(G)
    rels = _sorted_relationships(G)
    shared = _SharedProps()
    scan = _Scan()
    for label, items in nodes.items():
        for _, node in items:
            scan.add(label, node_props(G.nodes[node], node))
    for rel_type, props in shared.distinct(G):  # in the graph's order: the first pass needs no sorting
        scan.add(rel_type, props)
    delimiter = scan.array_delimiter()
    node_args, rel_args = [], []
    for label, items in nodes.items():
        columns = [(name, kind) for name, kind in scan.columns(label) if name != "id"]
        header = ["id:ID", *(f"{name}:{kind}" for name, kind in columns), ":LABEL"]
        lines = (_line([node_id, *_values(node_props(G.nodes[node], node), columns), label], delimiter)
                 for node_id, node in items)
        node_args.append(_write_pair(out_dir, f"nodes-{_slug(label)}", header, lines))
    for rel_type, stream in rels.items():
        columns = scan.columns(rel_type)
        header = [":START_ID", ":END_ID", ":TYPE", *(f"{name}:{kind}" for name, kind in columns)]
        start = f",{_field(rel_type, delimiter)}" + ("," if columns else "")
        lines = (_field(source, delimiter) + "," + _field(target, delimiter) + start
                 + shared.fields(rel_type, data, columns, delimiter) for source, target, data in stream())
        rel_args.append(_write_pair(out_dir, f"relationships-{_slug(rel_type)}", header, lines))
    atomic_write_text(out_dir / "import.sh", _import_script(node_args, rel_args, delimiter, scan.multiline))
    (out_dir / "import.sh").chmod(0o755)
    atomic_write_text(out_dir / SCHEMA_FILE, schema_text(nodes))


SCHEMA_FILE = "schema.cypher"


def schema_text(labels: Iterable[str]) -> str:
    """schema.cypher: the constraints and indexes graph.cypher and ``graphbuild load`` create (neo4j-admin
    imports none), the full-text index of people's names included, which queries.cypher's lookups read."""
    return ("// schema.cypher: run once on the server after import.sh, e.g. `cypher-shell -f schema.cypher`.\n"
            + "".join(f"{statement};\n" for statement in schema_statements(labels)))


def _values(props: dict, columns: list[tuple[str, str]]) -> list:
    return [props.get(name) for name, _ in columns]


class _Scan:
    """What the first pass learns: each group's columns and types, the strings inside arrays, line breaks."""

    def __init__(self) -> None:
        self._kinds: dict[str, dict[str, set[str]]] = {}
        self._taken: set[str] = set()  # candidate delimiters that occur inside some array element
        self._private: set[str] = set()  # private-use characters that do
        self.multiline = False

    def add(self, group: str, props: dict) -> None:
        kinds = self._kinds.setdefault(group, {})
        for name, value in props.items():
            found = kinds.setdefault(name, set())
            kind = _kind(value)
            if kind:
                found.add(kind)
            if isinstance(value, list):
                for element in value:
                    if isinstance(element, str):
                        self._taken.update(c for c in DELIMITER_CHOICES if c in element)
                        self._private.update(_PRIVATE.findall(element))
                        self.multiline = self.multiline or "\n" in element or "\r" in element
            elif isinstance(value, str) and ("\n" in value or "\r" in value):
                self.multiline = True

    def columns(self, group: str) -> list[tuple[str, str]]:
        """(property, neo4j-admin type) for every property the group's rows have, sorted by name."""
        return [(name, _merge_kinds(found)) for name, found in sorted(self._kinds.get(group, {}).items())]

    def array_delimiter(self) -> str:
        for choice in DELIMITER_CHOICES:
            if choice not in self._taken:
                return choice
        for code in PRIVATE_USE:
            if chr(code) not in self._private:
                return chr(code)
        return DELIMITER_CHOICES[-1]  # every candidate occurs: _field replaces it inside elements


def import_arguments(out_dir: Path) -> list[str]:
    """The neo4j-admin arguments written in ``out_dir/import.sh`` (after ``neo4j-admin``), paths absolute."""
    text = (Path(out_dir) / "import.sh").read_text(encoding="utf-8")
    command = text.split("exec ${NEO4J_ADMIN:-neo4j-admin} ", 1)[1].replace("\\\n", " ").replace('"$HERE"/', "")
    args = shlex.split(command)
    base = Path(out_dir).resolve()
    return [_absolute(arg, base) for arg in args if arg != '"$@"' and arg != "$@"]


def _absolute(arg: str, base: Path) -> str:
    if arg.startswith(("--nodes=", "--relationships=")):
        option, files = arg.split("=", 1)
        return option + "=" + ",".join(str(base / f) for f in files.split(","))
    return arg


def _sorted_relationships(G: nx.MultiDiGraph) -> dict[str, Callable[[], Iterator[tuple[str, str, dict]]]]:
    """Type -> a function streaming its relationships ``(source id, target id, attributes)`` in the order of
    the two ids (one file per type), as often as it is called.

    While sorted, an edge is one 8-byte code, the rank of its source's id times the number of nodes plus the
    rank of its target's: a million articles have some 36 million edges, which sorted as tuples of ids would
    take gigabytes. Edges of one type between the same two nodes keep the graph's order.
    """
    nodes = G.nodes
    ranked = sorted(nodes, key=lambda node: str(nodes[node].get("id", node)))
    rank = {node: i for i, node in enumerate(ranked)}
    size = len(ranked)
    codes: dict[str, array] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        codes.setdefault(relationship_type(data, key), array("q")).append(rank[u] * size + rank[v])
    del rank

    def stream(rel_type: str, pairs: np.ndarray) -> Iterator[tuple[str, str, dict]]:
        for first in range(0, len(pairs), _CHUNK):  # Python ints a chunk at a time, not 36 million at once
            for code in pairs[first:first + _CHUNK].tolist():
                u, v = ranked[code // size], ranked[code % size]
                source, target = str(nodes[u].get("id", u)), str(nodes[v].get("id", v))
                for key, data in G._adj[u][v].items():
                    if relationship_type(data, key) == rel_type:
                        yield source, target, data

    ordered = {t: np.unique(np.frombuffer(c, dtype=np.int64)) for t, c in sorted(codes.items())}
    return {t: partial(stream, t, pairs) for t, pairs in ordered.items()}


_CHUNK = 65536


class _SharedProps:
    """The properties of a :class:`~graphbuild.models.SharedRecord`, and their rendered CSV fields, computed once
    for all the edges that share it (millions of MENTIONS edges have a handful of distinct records)."""

    def __init__(self) -> None:
        self._props: dict[int, dict] = {}
        self._fields: dict[tuple[str, int], str] = {}

    def props(self, data: dict) -> dict:
        if type(data) is not SharedRecord:
            return relationship_props(data)
        props = self._props.get(id(data))  # shared records live as long as the graph: their ids are stable
        if props is None:
            props = self._props[id(data)] = relationship_props(data)
        return props

    def distinct(self, G: nx.MultiDiGraph) -> Iterator[tuple[str, dict]]:
        """Each relationship's type and properties, those of a shared record only the first time."""
        seen: set[int] = set()
        for _, _, key, data in G.edges(keys=True, data=True):
            if type(data) is SharedRecord:
                if id(data) in seen:
                    continue
                seen.add(id(data))
            yield relationship_type(data, key), self.props(data)

    def fields(self, rel_type: str, data: dict, columns: list[tuple[str, str]], array_delimiter: str) -> str:
        """The CSV fields of a relationship's properties in the ``columns`` of its type's file."""
        if type(data) is not SharedRecord:
            return _line(_values(relationship_props(data), columns), array_delimiter)
        key = (rel_type, id(data))  # one file per type, so one set of columns per type
        text = self._fields.get(key)
        if text is None:
            text = self._fields[key] = _line(_values(self.props(data), columns), array_delimiter)
        return text


def _kind(value: object) -> str | None:
    if isinstance(value, list):
        inner = {_TYPE_NAMES.get(type(v), "string") for v in value}
        return (_merge_kinds(inner) + "[]") if inner else None  # an empty list says nothing of its type
    return _TYPE_NAMES.get(type(value), "string")


def _merge_kinds(kinds: set[str]) -> str:
    if not kinds:
        return "string[]"
    if len(kinds) == 1:
        return next(iter(kinds))
    if kinds <= {"long", "double"}:
        return "double"
    if kinds <= {"long[]", "double[]"}:
        return "double[]"
    return "string[]" if all(k.endswith("[]") for k in kinds) else "string"


def _field(value: object, array_delimiter: str) -> str:
    """One CSV field: strings always quoted (so "" stays an empty string), quotes doubled."""
    if value is None:
        return ""
    if isinstance(value, list):
        if not value:
            return ""
        return _quote(array_delimiter.join(_scalar(v).replace(array_delimiter, "\ufffd") for v in value))
    if isinstance(value, str):
        return _quote(value)
    return _scalar(value)


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if isinstance(value, str) else str(value)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _line(values: list, array_delimiter: str) -> str:
    return ",".join(_field(v, array_delimiter) for v in values)


def _write_pair(out_dir: Path, stem: str, header: list[str], lines: Iterable[str]) -> str:
    header_name, data_name = f"{stem}-header.csv", f"{stem}.csv"
    atomic_write_text(out_dir / header_name, ",".join(_quote(h) for h in header) + "\n")
    with atomic_open(out_dir / data_name) as handle:
        handle.writelines(line + "\n" for line in lines)
    return f"{header_name},{data_name}"


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name) or "_"


def _here(files: str) -> str:
    """``a.csv,b.csv`` as paths beside import.sh."""
    return ",".join(f'"$HERE"/{name}' for name in files.split(","))


def _import_script(node_args: list[str], rel_args: list[str], array_delimiter: str, multiline: bool) -> str:
    delimiter = array_delimiter if array_delimiter in ";|" else f"U+{ord(array_delimiter):04X}"
    options = [
        "database import full neo4j",
        "--overwrite-destination=true",
        f"--array-delimiter={shlex.quote(delimiter)}",
        f"--multiline-fields={'true' if multiline else 'false'}",
        *(f"--nodes={_here(arg)}" for arg in node_args),
        *(f"--relationships={_here(arg)}" for arg in rel_args),
    ]
    body = " \\\n    ".join(options)
    return (
        "#!/bin/sh\n"
        "# Written by graphbuild: import these files into an empty or stopped Neo4j database 'neo4j'.\n"
        "# Run it with the server stopped, with neo4j-admin on PATH or named by $NEO4J_ADMIN, e.g. for the\n"
        "# throw-away server: NEO4J_ADMIN='scripts/neo4j-server admin --home DIR --' import/import.sh\n"
        "# Extra arguments are passed on (for example --verbose). Then start the server and run\n"
        "# schema.cypher once (constraints and the index of people's names that queries.cypher uses).\n"
        'HERE="$(cd "$(dirname "$0")" && pwd)"\n'
        f"exec ${{NEO4J_ADMIN:-neo4j-admin}} {body} \\\n    \"$@\"\n"
    )
