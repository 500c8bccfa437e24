"""MET: two or more people met in person ("A met B", "A and B held talks", "a meeting between A and B").

The handler turns one matched trigger into a meeting between every subject and every object
(or every pair of the participants of a joint meeting). A meeting held by phone or video is
not a MET: it becomes a SPOKE_WITH with its medium.
"""

from __future__ import annotations

from graphbuild.lexicon.triggers import (
    GATHER_VERBS,
    HOST_VERBS,
    MEET_VERBS,
    MUTUAL_SUPPORT_VERBS,
    SHAKE_VERBS,
    SIT_VERBS,
    TALK_NOUNS,
    TALK_SUPPORT_VERBS,
)
from graphbuild.rules.builders import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    Rule,
    child,
    noun,
    noun_with_support,
    prep_object,
    trigger,
    verb,
)
from graphbuild.schema import MET, SPOKE_WITH
from graphbuild.status import contact_status, remote_medium

RELATION = MET


def _rule(rule_id: str, pattern: list[dict]) -> Rule:
    return Rule(MET, rule_id, pattern)


RULES = [
    # "A met B", "A and B met", "A met with B", "A will meet B"
    _rule("meet-subject", [trigger(verb(MEET_VERBS)), child("trigger", "subject", SUBJECT_DEPS)]),
    _rule("meet-object", [trigger(verb(MEET_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    _rule("meet-with", [trigger(verb(MEET_VERBS)), *prep_object("trigger", ["with"])]),
    # "A was met by B" (passive)
    _rule("meet-by", [trigger(verb(MEET_VERBS)), child("trigger", "by", "agent"), child("by", "object", "pobj")]),
    # "A and B gathered in Cairo", "A convened with B" (a direct object makes it something else)
    _rule("gather-subject", [trigger(verb(GATHER_VERBS)), child("trigger", "subject", SUBJECT_DEPS)]),
    _rule("gather-with", [trigger(verb(GATHER_VERBS)), *prep_object("trigger", ["with"])]),
    # "A hosted B", "A received B" (B must be a person, checked when slots are expanded)
    _rule("host-subject", [trigger(verb(HOST_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("host-object", [trigger(verb(HOST_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    # "A was received by B", "A was welcomed by B"
    _rule("host-passive-subject", [trigger(verb(HOST_VERBS)), child("trigger", "subject", ["nsubjpass"])]),
    _rule("host-by", [trigger(verb(HOST_VERBS)), child("trigger", "by", "agent"), child("by", "object", "pobj")]),
    # "A sat down with B", "A shook hands with B"
    _rule("sit-down-subject", [trigger(verb(SIT_VERBS)), child("trigger", "down", "prt", {"LOWER": "down"}),
                               child("trigger", "subject", ["nsubj"])]),
    _rule("sit-down-with", [trigger(verb(SIT_VERBS)), child("trigger", "down", "prt", {"LOWER": "down"}),
                            *prep_object("trigger", ["with"])]),
    _rule("shake-hands-subject", [trigger(verb(SHAKE_VERBS)),
                                  child("trigger", "hands", OBJECT_DEPS, {"LOWER": "hands"}),
                                  child("trigger", "subject", ["nsubj"])]),
    _rule("shake-hands-with", [trigger(verb(SHAKE_VERBS)),
                               child("trigger", "hands", OBJECT_DEPS, {"LOWER": "hands"}),
                               *prep_object("trigger", ["with"])]),
    # "A held talks with B", "A attends a meeting with B"
    _rule("talks-subject", noun_with_support(TALK_NOUNS, TALK_SUPPORT_VERBS)),
    _rule("talks-with", [trigger(noun(TALK_NOUNS)), *prep_object("trigger", ["with"])]),
    # "a meeting between A and B"
    _rule("talks-between", [trigger(noun(TALK_NOUNS)), *prep_object("trigger", ["between", "among"], "between")]),
    # "A's talks with B"
    _rule("talks-possessor", [trigger(noun(TALK_NOUNS)), child("trigger", "subject", "poss")]),
]


def relate(match, ctx) -> None:
    """Every pair the match states met; by phone or video it is a SPOKE_WITH instead."""
    pairs = contact_pairs(match, ctx, mutual=_mutual(match))
    if not pairs:
        return
    status = contact_status(match.trigger, match.verb)
    medium = remote_medium(match.trigger, match.verb)
    date = ctx.situation.date(match)
    if medium:
        for a, b in pairs:
            ctx.record.relate(SPOKE_WITH, a, b, match.trigger, status=status, date=date, medium=medium)
        return
    place = ctx.situation.place(match)
    for a, b in pairs:
        ctx.record.relate(MET, a, b, match.trigger, status=status, date=date, place=place)


def contact_pairs(match, ctx, mutual: bool) -> list[tuple[int, int]]:
    """Subjects × objects; or all pairs of "between A and B"; or all pairs of mutual subjects ("A and B met")."""
    subjects = ctx.slots.people(match.names.get("subject", ()))
    if match.names.get("object"):
        tokens = set(match.names["object"])
        direct = {i for i in tokens if ctx.doc[i].dep_ in OBJECT_DEPS}
        if any(not ctx.slots.people([i]) for i in direct):
            tokens -= direct  # "received the nomination ... Perkins": a thing received is no meeting
        objects = ctx.slots.people(tokens)
        return [(s, o) for s in subjects for o in objects if s != o]
    if match.names.get("between"):
        return all_pairs(ctx.slots.people(match.names["between"]))
    if mutual:
        return all_pairs(subjects)
    return []


def all_pairs(items: list[int]) -> list[tuple[int, int]]:
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1 :]]


def _mutual(match) -> bool:
    """"A and B met" states a meeting between the subjects; "A and B hosted X" does not."""
    if match.trigger.lower_ in MEET_VERBS and match.trigger.tag_.startswith("VB"):
        return True
    if match.trigger.lower_ in GATHER_VERBS:  # "gathered signatures" is no meeting
        return not any(c.dep_ in OBJECT_DEPS for c in match.trigger.children)
    return match.verb is not None and match.verb.lower_ in MUTUAL_SUPPORT_VERBS
