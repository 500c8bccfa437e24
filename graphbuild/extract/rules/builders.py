"""Small builders for spaCy DependencyMatcher patterns, shared by the rules modules.

Each rule names the tokens it binds: ``trigger`` (the word that states the relation) and the
slots ``subject``, ``object``, ``between`` (and for noun triggers ``verb``, the verb governing
it). Patterns match on ``LOWER``, ``TAG`` and ``DEP`` only, so the lemmatizer need not run.
"""

from __future__ import annotations

from dataclasses import dataclass

SUBJECT_DEPS = ["nsubj", "nsubjpass"]
OBJECT_DEPS = ["dobj", "obj"]


@dataclass(frozen=True)
class Rule:
    """One DependencyMatcher pattern that carries its relation type and its own id."""

    relation: str
    id: str
    pattern: list[dict]

    @property
    def key(self) -> str:
        return f"{self.relation}|{self.id}"


def verb(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}, "TAG": {"REGEX": "^(VB|MD)"}}


def noun(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}, "TAG": {"REGEX": "^NN"}}


def child(parent: str, name: str, dep: str | list[str], attrs: dict | None = None) -> dict:
    deps = [dep] if isinstance(dep, str) else dep
    return {"LEFT_ID": parent, "REL_OP": ">", "RIGHT_ID": name,
            "RIGHT_ATTRS": {"DEP": {"IN": deps}, **(attrs or {})}}


def prep_object(parent: str, preps: list[str], name: str = "object") -> list[dict]:
    prep = f"{parent}_prep_{name}"
    return [child(parent, prep, "prep", {"LOWER": {"IN": preps}}), child(prep, name, "pobj")]


def trigger(attrs: dict) -> dict:
    return {"RIGHT_ID": "trigger", "RIGHT_ATTRS": attrs}


def noun_with_support(nouns: list[str], support: list[str]) -> list[dict]:
    """A talk/visit noun that is the object of a supporting verb: "held talks", "paid a visit"."""
    return [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": verb(support)},
        child("verb", "trigger", OBJECT_DEPS, noun(nouns)),
        child("verb", "subject", SUBJECT_DEPS),
    ]


def required_words(pattern: list[dict]) -> list[frozenset[str]]:
    """The word sets a sentence must hit for ``pattern`` to match: one per node constrained by ``LOWER``.

    >>> [sorted(group) for group in required_words([trigger(verb(["meet", "met"])), child("trigger", "s", "nsubj")])]
    [['meet', 'met']]
    """
    groups = []
    for node in pattern:
        lower = node["RIGHT_ATTRS"].get("LOWER")
        if isinstance(lower, str):
            groups.append(frozenset({lower}))
        elif isinstance(lower, dict) and "IN" in lower:
            groups.append(frozenset(lower["IN"]))
    return groups
