"""Relation rules: one module per relation type of :mod:`graphbuild.schema`, named after it.

A rules module (``met.py`` for MET, ``spoke_with.py`` for SPOKE_WITH, ...) holds ``RULES``, its
DependencyMatcher patterns as :class:`~graphbuild.extract.rules.builders.Rule` data, and ``relate(match,
ctx)``, the handler that turns one matched trigger into relations. HOLDS_POSITION has no module
here: posts are read from the words around a name, in :mod:`graphbuild.extract.titles`.

The words a sentence must contain for a rule to match are derived from the patterns, so a new
rule is never silently skipped.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import cache
from types import ModuleType

from graphbuild.extract.rules.builders import Rule, required_words
from graphbuild.schema import RELATION_SPECS


@cache
def rule_modules() -> dict[str, ModuleType]:
    """Relation type -> its rules module, for every type of the schema that has one."""
    modules = {}
    for spec in RELATION_SPECS:
        name = f"{__name__}.{spec.name.lower()}"
        if importlib.util.find_spec(name) is not None:
            modules[spec.name] = importlib.import_module(name)
    return modules


def all_rules() -> list[Rule]:
    return [rule for module in rule_modules().values() for rule in module.RULES]


def handler(relation: str) -> Callable:
    return rule_modules()[relation].relate


@cache
def _word_groups() -> tuple[tuple[frozenset[str], ...], ...]:
    return tuple(dict.fromkeys(tuple(required_words(rule.pattern)) for rule in all_rules()))


def may_match(words: set[str]) -> bool:
    """Whether a sentence with these lower-cased words can match any rule at all."""
    return any(all(words & group for group in groups) for groups in _word_groups())
