"""Batches of rows as Cypher list expressions for graph.cypher: packed into strings column by column, or literal."""

from __future__ import annotations

import math
from collections.abc import Iterator

from graphbuild.neo4j.literals import cypher_name, cypher_string, cypher_value


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

