r"""Cypher literals: strings, names (labels, types, property keys) and values, written so they read back exactly.

>>> print(cypher_string("O'Brien \\ \n"))
'O\'Brien \\ \n'
>>> cypher_name("Person"), cypher_name("odd`name")
('`Person`', '`odd``name`')
"""

from __future__ import annotations

import math
import unicodedata

_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
# Characters written as \\u escapes: controls, invisible formatting (bidi marks, zero-width joiners),
# line/paragraph separators, surrogates and private use, so the file stays readable and no editor or
# terminal reorders or hides them. Emoji and right-to-left letters are written as themselves (UTF-8).
_ESCAPED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}



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

