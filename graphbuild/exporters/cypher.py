r"""graph.cypher (the graph as idempotent, batched Cypher) and queries.cypher (ready-made questions).

graph.cypher runs as is with ``cypher-shell -f graph.cypher`` or pasted into Neo4j Browser:

1. one uniqueness constraint per node label on ``id``;
2. nodes in batches, ``UNWIND [rows] AS row MERGE (n:Label {id: row.id}) SET n = row.props``;
3. relationships, grouped by (type, start label, end label) so every ``MATCH`` uses a constraint index.

The rows of a batch are packed column by column into string literals and unpacked by the statement
(see :func:`packed_rows`: Neo4j 5 parses literal maps far too slowly); they are the very rows that
``graphbuild load`` sends as ``$rows``, and the MERGE/SET after the UNWIND is the same.

``MERGE`` on the key plus ``SET x = props`` (a full replacement) makes a second run leave the database
exactly as the first one did. The node label becomes the Neo4j label and the edge type the relationship
type; every other attribute is a property. Neo4j properties cannot hold maps, so a list of maps such as
``evidence`` becomes parallel lists: ``evidence_docs``, ``evidence_sentences``, ``evidence_starts``,
``evidence_ends`` (see :func:`flatten_property`). ``MET`` keeps the graph's single direction (smaller id
to larger) and is meant to be matched undirected, ``(a)-[:MET]-(b)``.

>>> print(cypher_string("O'Brien \\ \n"))
'O\'Brien \\ \n'
>>> cypher_name("Person"), cypher_name("odd`name")
('`Person`', '`odd``name`')
"""

from __future__ import annotations

import json
import math
import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from graphbuild.atomic import atomic_open

BATCH_SIZE = 500
DEFAULT_LABEL = "Entity"  # for a node without a label attribute
# Attributes that become the label / relationship type rather than properties.
NODE_SKIP = ("label",)
EDGE_SKIP = ("type",)
# The order of evidence fields in the parallel lists; other keys follow alphabetically.
EVIDENCE_KEYS = ("doc", "sentence", "start", "end")

# Types a list property may hold as is (type() checks, not isinstance: this runs for every value).
_SCALAR_TYPES = {str, int, float, bool}
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Characters written as \\u escapes: controls, invisible formatting (bidi marks, zero-width joiners),
# line/paragraph separators, surrogates and private use, so the file stays readable and no editor or
# terminal reorders or hides them. Emoji and right-to-left letters are written as themselves (UTF-8).
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


# ---------------------------------------------------------------- literals


def cypher_string(text: str) -> str:
    """A single-quoted Cypher string literal that reads back exactly as ``text``."""
    if text.isprintable():  # fast path: no control, format, separator or unassigned characters
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            out.append(_unicode_escape(ch))
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"


def _unicode_escape(ch: str) -> str:
    code = ord(ch)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    # Neo4j strings are UTF-16: a supplementary character is written as its surrogate pair.
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def cypher_name(name: str) -> str:
    """A backtick-quoted identifier (label, type, property key)."""
    return "`" + name.replace("`", "``") + "`"


def cypher_value(value: object) -> str:
    """A Cypher literal for a property value (str, int, float, bool, None, list or map of those)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"Cypher has no literal for {value!r}")
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{cypher_name(str(k))}: {cypher_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


# ---------------------------------------------------------------- graph -> Neo4j properties


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
        return {f"{name}_{plural(key)}": [item[key] for item in value] for key in keys}
    if isinstance(value, tuple):
        return {name: list(value)}
    return {name: value}


def _common_keys(items: Iterable) -> list[str] | None:
    """The shared keys of a list of flat maps whose values are all scalars, or None."""
    keys: set[str] | None = None
    for item in items:
        if not isinstance(item, dict) or not set(map(type, item.values())) <= _SCALAR_TYPES:
            return None
        if keys is None:
            keys = set(item)
        elif set(item) != keys:
            return None
    keys = keys or set()
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
    return [{key: columns[key][i] for key in keys} for i in range(length)]


def properties(data: dict, skip: tuple[str, ...]) -> dict:
    """All storable properties of a node or edge attribute dict, keys sorted."""
    props: dict = {}
    for name in sorted(data):
        if name not in skip:
            props.update(flatten_property(name, data[name]))
    return props


def node_label(data: dict) -> str:
    return data.get("label") or DEFAULT_LABEL


def node_rows(G: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Label -> sorted rows ``{id, props}``; ``props`` always holds ``id``."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for node, data in G.nodes(data=True):
        props = properties(data, NODE_SKIP)
        props["id"] = str(data.get("id", node))
        groups[node_label(data)].append({"id": props["id"], "props": props})
    return {label: sorted(rows, key=lambda r: r["id"]) for label, rows in sorted(groups.items())}


def relationship_rows(G: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[dict]]:
    """(type, start label, end label) -> sorted rows ``{source, target, props}``."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for u, v, key, data in G.edges(keys=True, data=True):
        rel_type = str(data.get("type") or key)
        start, end = G.nodes[u], G.nodes[v]
        row = {"source": str(start.get("id", u)), "target": str(end.get("id", v)),
               "props": properties(data, EDGE_SKIP)}
        groups[(rel_type, node_label(start), node_label(end))].append(row)
    return {k: sorted(rows, key=lambda r: (r["source"], r["target"])) for k, rows in sorted(groups.items())}


# ---------------------------------------------------------------- statements


def constraint_statement(label: str) -> str:
    name = cypher_name(f"graphbuild_{label}_id")
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{cypher_name(label)}) REQUIRE n.id IS UNIQUE"


def node_statement(label: str, rows: str = "$rows") -> str:
    """MERGE a batch of node rows; ``rows`` is a parameter or a literal list."""
    return f"UNWIND {rows} AS row\nMERGE (n:{cypher_name(label)} {{id: row.id}})\nSET n = row.props"


def relationship_statement(rel_type: str, start: str, end: str, rows: str = "$rows") -> str:
    """MERGE a batch of relationship rows between existing nodes."""
    return (
        f"UNWIND {rows} AS row\n"
        f"MATCH (a:{cypher_name(start)} {{id: row.source}})\n"
        f"MATCH (b:{cypher_name(end)} {{id: row.target}})\n"
        f"MERGE (a)-[r:{cypher_name(rel_type)}]->(b)\n"
        f"SET r = row.props"
    )


def batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def literal_rows(rows: list[dict]) -> str:
    """Rows as one Cypher list of literal maps (readable, but Neo4j 5 parses it at ~10 ms a row)."""
    return "[\n" + ",\n".join("  " + cypher_value(row) for row in rows) + "\n]"


# ---------------------------------------------------------------- packed rows
#
# Neo4j 5.26 parses a literal map or nested list in a query at about 1 ms each, so a batch of 500
# literal rows takes seconds to parse and 100,000 relationships take a quarter of an hour. A long
# string literal parses at megabytes a second. So graph.cypher packs each column of a batch into one
# string, items joined by a separator found in no value of the batch: '' is null, '=v' a value, and a
# list is its '='-prefixed elements joined by a second separator. The statement splits them back and
# rebuilds the very rows the loader sends as $rows, then runs the same MERGE.

_SEPARATORS = ("|", "~", "^", "\x1f", "\x1e", "\x1d", "\x1c")
_DECODE = {str: "{v}", int: "toInteger({v})", float: "toFloat({v})", bool: "{v} = 'true'"}


def packed_rows(rows: list[dict], fields: tuple[str, ...]) -> tuple[str, str]:
    """(WITH clause, list expression) rebuilding ``rows`` (``fields`` plus a ``props`` map) in Cypher."""
    separators = _free_separators(rows, fields)
    if separators is None:  # every candidate occurs in the data: plain literal rows are still right
        return "", literal_rows(rows)
    keys = sorted({key for row in rows for key in row["props"]})
    columns = [[row[f] for row in rows] for f in fields]
    props = []
    for key in keys:
        values = [row["props"].get(key) for row in rows]
        if values not in columns:  # the node's id property is its key column again
            columns.append(values)
        props.append(f"{cypher_name(key)}: c{columns.index(values)}[i]")
    withs = [f"{_column(values, *separators)} AS c{j}" for j, values in enumerate(columns)]
    entries = [f"{cypher_name(f)}: c{j}[i]" for j, f in enumerate(fields)]
    row = "{" + ", ".join(entries) + ", `props`: {" + ", ".join(props) + "}}"
    return "WITH " + ",\n     ".join(withs), f"[i IN range(0, {len(rows) - 1}) | {row}]"


def _strings(rows: list[dict], fields: tuple[str, ...]) -> Iterator[str]:
    for row in rows:
        yield from (row[f] for f in fields)
        for value in row["props"].values():
            yield from (v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str))


def _free_separators(rows: list[dict], fields: tuple[str, ...]) -> tuple[str, str] | None:
    used = set()
    for text in _strings(rows, fields):
        used.update(ch for ch in _SEPARATORS if ch in text)
    free = [ch for ch in _SEPARATORS if ch not in used]
    return (free[0], free[1]) if len(free) >= 2 else None


def _column(values: list, item: str, element: str) -> str:
    """A Cypher expression for the list ``values`` (scalars or lists of one type, or nulls)."""
    kind = _column_kind(values)
    if kind is None:
        return cypher_value(values)  # mixed types: a literal list keeps each value's type
    is_list, scalar = kind
    if is_list:
        decode = (f"[e IN split(substring(x, 1), {cypher_string(element)}) WHERE e <> '' | "
                  f"{_DECODE[scalar].format(v='substring(e, 1)')}]")
        packed = item.join("" if v is None else "=" + element.join("=" + _text(e) for e in v) for v in values)
    else:
        decode = _DECODE[scalar].format(v="substring(x, 1)")
        packed = item.join("" if v is None else "=" + _text(v) for v in values)
    return (f"[x IN split({cypher_string(packed)}, {cypher_string(item)}) | "
            f"CASE x WHEN '' THEN null ELSE {decode} END]")


def _column_kind(values: list) -> tuple[bool, type] | None:
    """(is a list column, element type) when all non-null values agree, else None."""
    kinds = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            kinds.update((True, type(v)) for v in value)
            kinds.add((True, None))
        else:
            kinds.add((False, type(value)))
    shapes = {is_list for is_list, _ in kinds}
    types = {t for _, t in kinds if t is not None} or {str}
    if len(shapes) > 1 or len(types) > 1 or not types <= set(_DECODE):
        return None
    return (shapes.pop() if shapes else False), types.pop()


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"Cypher has no literal for {value!r}")
        return repr(value)
    return str(value)


def cypher_statements(G: nx.MultiDiGraph, batch_size: int = BATCH_SIZE, packed: bool = True) -> Iterator[str]:
    """Every statement of graph.cypher, in order, without the trailing semicolon.

    ``packed=False`` writes each batch as a literal list of maps instead: easier to read, but Neo4j
    5 parses it about fifty times slower (fine for a few hundred relationships, not for a large graph).
    """
    nodes = node_rows(G)
    for label in nodes:
        yield constraint_statement(label)
    for label, rows in nodes.items():
        for batch in batches(rows, batch_size):
            prefix, rows_expr = packed_rows(batch, ("id",)) if packed else ("", literal_rows(batch))
            yield _join(prefix, node_statement(label, rows_expr))
    for (rel_type, start, end), rows in relationship_rows(G).items():
        for batch in batches(rows, batch_size):
            prefix, rows_expr = packed_rows(batch, ("source", "target")) if packed else ("", literal_rows(batch))
            yield _join(prefix, relationship_statement(rel_type, start, end, rows_expr))


def _join(prefix: str, statement: str) -> str:
    return f"{prefix}\n{statement}" if prefix else statement


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


# ---------------------------------------------------------------- queries.cypher

# (title, explanation, query). Parameters are set at the top of queries.cypher with :param.
PERSON_MATCH = (
    "toLower({v}.name) = toLower(${p}) OR any(alias IN coalesce({v}.aliases, []) "
    "WHERE toLower(alias) = toLower(${p}))"
)

QUERIES: list[tuple[str, str, str]] = [
    (
        "Who met whom",
        "Every pair of people who met (MET is stored once per pair; read it undirected), with sources.",
        "MATCH (a:Person)-[m:MET]->(b:Person)\n"
        "RETURN a.name AS person, b.name AS met, coalesce(m.status, 'occurred') AS status,\n"
        "       m.date AS date, m.place AS place, m.count AS count, m.sources AS sources\n"
        "ORDER BY person, met",
    ),
    (
        "Everyone $person met",
        "The people one person met, with the evidence sentences, their documents and what each says\n"
        "// (occurred / planned / negated: a planned meeting is no proof that it happened).",
        "MATCH (p:Person)-[m:MET]-(other)\n"
        f"WHERE {PERSON_MATCH.format(v='p', p='person')}\n"
        "RETURN p.name AS person, other.name AS met, coalesce(m.status, 'occurred') AS status,\n"
        "       m.date AS date, m.place AS place, m.sources AS sources,\n"
        "       m.evidence_docs AS evidence_docs, m.evidence_sentences AS evidence_sentences,\n"
        "       m.evidence_statuses AS evidence_statuses\n"
        "ORDER BY person, met",
    ),
    (
        "Meetings by place",
        "Where meetings took place, busiest place first, with the pairs who met there.",
        "MATCH (a)-[m:MET]->(b)\n"
        "WHERE m.place IS NOT NULL\n"
        "WITH m.place AS place, a.name + ' / ' + b.name AS pair\n"
        "ORDER BY pair\n"
        "RETURN place, count(*) AS meetings, collect(pair) AS pairs\n"
        "ORDER BY meetings DESC, place",
    ),
    (
        "People by title and organisation",
        "Posts held (HOLDS_POSITION) and titles seen in the text, by organisation then person.",
        "MATCH (p:Person)\n"
        "OPTIONAL MATCH (p)-[h:HOLDS_POSITION]->(o)\n"
        "WITH p, h, o\n"
        "WHERE h IS NOT NULL OR size(coalesce(p.titles, [])) > 0\n"
        "RETURN o.name AS organisation, h.title AS title, p.name AS person, p.titles AS titles,\n"
        "       h.sources AS sources\n"
        "ORDER BY organisation, person",
    ),
    (
        "Claims resting on a single source",
        "Every relationship that only one document states: the ones to check first.",
        "MATCH (a)-[r]->(b)\n"
        "WHERE size(r.sources) = 1\n"
        "RETURN type(r) AS relation, a.name AS subject, b.name AS object, r.sources[0] AS source,\n"
        "       r.evidence_sentences[0] AS sentence\n"
        "ORDER BY relation, subject, object",
    ),
    (
        "Shortest chain of meetings between $person and $other",
        "The fewest meetings linking two people (up to 10), with the sources of each link.",
        "MATCH (a:Person), (b:Person)\n"
        f"WHERE ({PERSON_MATCH.format(v='a', p='person')})\n"
        f"  AND ({PERSON_MATCH.format(v='b', p='other')}) AND a <> b\n"
        "MATCH path = shortestPath((a)-[:MET*..10]-(b))\n"
        "RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS meetings,\n"
        "       [r IN relationships(path) | r.sources] AS sources\n"
        "ORDER BY meetings, chain\n"
        "LIMIT 1",
    ),
]

QUERY_PARAMS = {"person": "Ann Lee", "other": "Bo Chan"}


def queries_text() -> str:
    lines = [
        "// queries.cypher: ready-made questions for a graph loaded with graph.cypher or `graphbuild load`.",
        "// Run one at a time in Neo4j Browser, or all with `cypher-shell -f queries.cypher`.",
        "// Change the names below first (`:param` works in cypher-shell and Neo4j Browser).",
        "",
    ]
    lines += [f":param {name} => {cypher_string(value)}" for name, value in QUERY_PARAMS.items()]
    for number, (title, explanation, query) in enumerate(QUERIES, 1):
        lines += ["", f"// {number}. {title}", f"// {explanation}", query + ";"]
    return "\n".join(lines) + "\n"


def write_queries(path: str | os.PathLike) -> None:
    """Write queries.cypher (the same text for every graph)."""
    with atomic_open(path) as handle:
        handle.write(queries_text())


def read_queries(text: str) -> list[tuple[str, str]]:
    """(title, query) for each query of a queries.cypher text, ``:param`` lines left out."""
    found = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if line.strip()]
        title_lines = [line for line in lines if line.startswith("// ") and line[3:4].isdigit()]
        body = [line for line in lines if not line.startswith(("//", ":"))]
        if title_lines and body:
            found.append((title_lines[0][3:].split(". ", 1)[1], "\n".join(body).rstrip(";")))
    return found
