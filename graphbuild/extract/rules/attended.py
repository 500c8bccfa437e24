"""ATTENDED: a person took part in an event ("A attended X", "A took part in X", "A participated in X")."""

from __future__ import annotations

from functools import partial

from graphbuild.extract.rules.builders import OBJECT_DEPS, Rule, child, prep_object, trigger, verb
from graphbuild.extract.rules.presence import relate_presence
from graphbuild.lexicon.triggers import ATTEND_VERBS, PARTICIPATE_VERBS, TAKE_PART
from graphbuild.schema import ATTENDED

_rule = partial(Rule, ATTENDED)  # _rule(rule id, pattern)


RULES = [
    # "A attended X", "A took part in X", "A participated in X"
    _rule("attend-subject", [trigger(verb(ATTEND_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("attend-object", [trigger(verb(ATTEND_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    _rule("participate-subject", [trigger(verb(PARTICIPATE_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("participate-in", [trigger(verb(PARTICIPATE_VERBS)), *prep_object("trigger", ["in"])]),
    _rule("take-part-subject", [trigger(verb(TAKE_PART)), child("trigger", "part", OBJECT_DEPS, {"LOWER": "part"}),
                                child("trigger", "subject", ["nsubj"])]),
    _rule("take-part-in", [trigger(verb(TAKE_PART)), child("trigger", "part", OBJECT_DEPS, {"LOWER": "part"}),
                           *prep_object("trigger", ["in"])]),
]


def relate(match, ctx) -> None:
    relate_presence(match, ctx, ctx.slots.events)
