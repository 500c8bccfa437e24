"""Text normalisation shared by the build and the queries: the one form names are compared in.

The build (resolution, slugs, the HTML page's search keys) and the query side (who-met over
graph.json or Neo4j) both import from here, so neither imports the other to compare names.

>>> fold("  Zhang-Youxia ")
'zhang youxia'
>>> fold("Šefčovič")
'sefcovic'
>>> match_score("Lee", "Ann Lee", ["Lee"])
2
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents, invisible format characters and punctuation, "ß" as "ss": the form names
    are compared in.

    >>> fold("Peter No\u200bvak"), fold("Straße"), fold("STRASSE")
    ('peter novak', 'strasse', 'strasse')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return " ".join(re.findall(r"\w+", text.lower().replace("ß", "ss")))


def match_score(query: str, name: str, aliases: list[str]) -> int:
    """How well ``query`` names a person: 3 exact name, 2 exact alias, 1 whole-word part, 0 no match."""
    q = fold(query)
    if not q:
        return 0
    if fold(name) == q:
        return 3
    if any(fold(a) == q for a in aliases):
        return 2
    words = set(fold(name).split())
    for alias in aliases:
        words.update(fold(alias).split())
    return 1 if set(q.split()) <= words else 0


def search_key(name: str, aliases: list[str]) -> str:
    """The folded name and aliases, distinct, joined by `` | ``: what the HTML page's search looks in.

    >>> search_key("Ann Lee", ["Lee", "ANN LEE"])
    'ann lee | lee'
    """
    return " | ".join(dict.fromkeys(fold(text) for text in [name, *aliases] if fold(text)))


def optional_text(value: object) -> str | None:
    """A field's text, stripped, or None when it is no text or blank.

    >>> optional_text("  Talks "), optional_text("  "), optional_text(3)
    ('Talks', None, None)
    """
    return value.strip() or None if isinstance(value, str) else None
def bounded_id(doc_id: str, limit: int = 200) -> str:
    """``doc_id`` when at most ``limit`` characters, else its start and ``~`` and a hash of the whole.

    >>> bounded_id("x" * 300, 30)
    'xxxxxxxxxxxxx~0d4e2ca9e9cbced7'
    """
    if len(doc_id) <= limit:
        return doc_id
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{doc_id[: limit - len(digest) - 1]}~{digest}"


# A sentence end, with closing quotes or brackets, and the space after it: where a too long text is cut.
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")
