"""SPOKE_WITH: two people in contact by phone or video ("A spoke with B by phone", "A called B",
"A held a video call with B", "a phone call between A and B").

Meetings held by phone or video ("met virtually") come from the MET rules, which hand them over
as SPOKE_WITH. "Spoke with" alone is no contact (it may be a talk in person): it needs a medium in
the sentence, or a document whose title says it is a call.
"""

from __future__ import annotations

from functools import partial

from graphbuild.extract.rules.builders import (
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
from graphbuild.extract.rules.met import contact_pairs
from graphbuild.extract.status import contact_status, medium_of_word, remote_medium
from graphbuild.lexicon.triggers import ADDRESS_VERBS, CALL_NOUNS, CALL_SUPPORT_VERBS, PHONE_VERBS, SPEAK_VERBS
from graphbuild.schema import SPOKE_WITH

_rule = partial(Rule, SPOKE_WITH)  # _rule(rule id, pattern)


RULES = [
    # "A spoke with B by phone", "A and B spoke by video"
    _rule("speak-subject", [trigger(verb(SPEAK_VERBS)), child("trigger", "subject", SUBJECT_DEPS)]),
    _rule("speak-with", [trigger(verb(SPEAK_VERBS)), *prep_object("trigger", ["with", "to"])]),
    # "A phoned B", "A called B"
    _rule("phone-subject", [trigger(verb(PHONE_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("phone-object", [trigger(verb(PHONE_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    # "A held a call with B", "a call between A and B", "A's call with B"
    _rule("call-subject", noun_with_support(CALL_NOUNS, CALL_SUPPORT_VERBS)),
    _rule("call-with", [trigger(noun(CALL_NOUNS)), *prep_object("trigger", ["with"])]),
    _rule("call-between", [trigger(noun(CALL_NOUNS)), *prep_object("trigger", ["between", "among"], "between")]),
    _rule("call-possessor", [trigger(noun(CALL_NOUNS)), child("trigger", "subject", "poss")]),
    # In a document about a call: "A thanked B", "A urged B to ..." (one participant addressing another)
    _rule("address-subject", [trigger(verb(ADDRESS_VERBS)), child("trigger", "subject", ["nsubj"])]),
    _rule("address-object", [trigger(verb(ADDRESS_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
]


def relate(match, ctx) -> None:
    medium = _medium(match, ctx)
    if medium is None:
        return
    if match.trigger.lower_ in ADDRESS_VERBS and (ctx.medium is None or not match.names.get("object")):
        return  # "A thanked B" is a contact only in the readout of a call
    if match.trigger.tag_.startswith("VB") and match.trigger.lower_ in PHONE_VERBS and not _calls_a_person(match):
        return
    pairs = contact_pairs(match, ctx, mutual=match.trigger.lower_ in SPEAK_VERBS or match.verb is not None,
                          joint=False)
    status = contact_status(match.trigger, match.verb)
    date = ctx.situation.date(match)
    for a, b in pairs:
        ctx.record.relate(SPOKE_WITH, a, b, match.trigger, status=status, date=date, medium=medium)


def _medium(match, ctx) -> str | None:
    """The medium stated around the trigger; a call is by phone unless said otherwise."""
    stated = remote_medium(match.trigger, match.verb)
    if stated:
        return stated
    word = match.trigger.lower_
    if word in CALL_NOUNS:
        said = next((medium for c in match.trigger.children if c.dep_ in ("compound", "amod")
                     and (medium := medium_of_word(c.lower_))), None)
        if said:
            return said  # "a video call", "a phone conversation"
        if word.startswith("video"):
            return "video"
        if word.startswith("conversation"):
            return ctx.medium  # a conversation is a call only in a document about a call
        return "phone"
    if word in PHONE_VERBS and match.trigger.tag_.startswith("VB"):
        return "phone"
    return ctx.medium


def _calls_a_person(match) -> bool:
    """"A called B" phones B; "A called B a liar", "called for", "a man called B" do not."""
    trigger = match.trigger
    if trigger.dep_ == "acl" or any(c.dep_ in ("oprd", "xcomp", "ccomp", "prt") for c in trigger.children):
        return False
    return bool(match.names.get("object"))
