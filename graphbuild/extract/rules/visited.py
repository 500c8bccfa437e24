"""VISITED: a person went to a place ("A visited X", "A arrived in X", "A's trip to X", "A was in X for talks")."""

from __future__ import annotations

from functools import partial

from graphbuild.extract.rules.builders import (
    OBJECT_DEPS,
    Rule,
    child,
    noun,
    noun_with_support,
    prep_object,
    trigger,
    verb,
)
from graphbuild.extract.rules.presence import relate_presence
from graphbuild.lexicon.triggers import (
    ARRIVE_VERBS,
    BE_VERBS,
    TRAVEL_VERBS,
    VISIT_NOUNS,
    VISIT_PURPOSES,
    VISIT_SUPPORT_VERBS,
    VISIT_VERBS,
)
from graphbuild.schema import VISITED

_rule = partial(Rule, VISITED)  # _rule(rule id, pattern)


RULES = [
    # "A visited X", "A toured X"
    _rule("visit-subject", [trigger(verb(VISIT_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("visit-object", [trigger(verb(VISIT_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    # "A arrived in X", "A travelled to X"
    _rule("arrive-subject", [trigger(verb(ARRIVE_VERBS + TRAVEL_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("arrive-in", [trigger(verb(ARRIVE_VERBS)), *prep_object("trigger", ["in", "at"])]),
    _rule("travel-to", [trigger(verb(TRAVEL_VERBS)), *prep_object("trigger", ["to"])]),
    # "A's visit to X", "A paid a state visit to X", "A's trip to X"
    _rule("visit-noun-subject", noun_with_support(VISIT_NOUNS, VISIT_SUPPORT_VERBS)),
    _rule("visit-noun-possessor", [trigger(noun(VISIT_NOUNS)), child("trigger", "subject", "poss")]),
    _rule("visit-noun-to", [trigger(noun(VISIT_NOUNS)), *prep_object("trigger", ["to"])]),
    # "A was in X to sign ..." (a purpose clause makes presence a visit)
    _rule("be-in-to", [
        trigger(verb(BE_VERBS)),
        child("trigger", "subject", ["nsubj"]),
        *prep_object("trigger", ["in"]),
        child("trigger", "purpose", ["advcl", "xcomp"]),
        child("purpose", "purpose_to", "aux", {"LOWER": "to"}),
    ]),
    # "A was in Kyiv for talks"
    _rule("be-in-for", [
        trigger(verb(BE_VERBS)),
        child("trigger", "subject", ["nsubj"]),
        *prep_object("trigger", ["in"]),
        child("trigger", "purpose", "prep", {"LOWER": "for"}),
        child("purpose", "purpose_noun", "pobj", {"LOWER": {"IN": VISIT_PURPOSES}}),
    ]),
]


def relate(match, ctx) -> None:
    relate_presence(match, ctx, ctx.slots.places)
