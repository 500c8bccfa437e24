"""Did it happen? The status of a stated contact (occurred, planned, negated) and its medium.

Read from the parse around a trigger: negation, modals, governing verbs ("agreed to meet"),
noun modifiers ("the planned meeting") and phrases of medium ("by phone", "video call").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graphbuild.lexicon.triggers import (
    BE_VERBS,
    CONDITIONAL_MARKS,
    NEGATING_GOVERNORS,
    NEGATION_WORDS,
    PLANNED_AUX,
    PLANNED_GOVERNORS,
    PLANNED_NOUN_MODIFIERS,
    REMOTE_MODIFIERS,
    VIDEO_WORDS,
)
from graphbuild.schema import NEGATED, OCCURRED, PLANNED


def _governors(token: Token) -> list[Token]:
    """The token and the verbs/adjectives it complements: "agreed to meet", "is expected to meet"."""
    chain = [token]
    if token.tag_.startswith("NN") and token.dep_ == "pobj" and token.head.head.tag_.startswith("VB"):
        chain.append(token.head.head)  # "is going to travel there for talks with B": the talks are planned too
    while chain[-1].dep_ in ("xcomp", "ccomp", "acomp", "pcomp") and len(chain) < 5:
        chain.append(chain[-1].head)
    return chain


def contact_status(trigger: Token, verb: Token | None) -> str:
    """occurred, planned or negated, from negation, modals, governing verbs and noun modifiers."""
    head = verb or trigger
    if head.sent.text.rstrip().endswith("?"):
        return PLANNED  # "Did A meet B?", "when A met with B?": a question states no meeting that happened
    chain = _governors(head)
    for n, token in enumerate(chain):
        children = list(token.children)
        if any(c.dep_ == "neg" or c.lower_ in NEGATION_WORDS and c.dep_ in ("neg", "advmod", "det")
               for c in children):
            return NEGATED
        if n and token.lower_ in NEGATING_GOVERNORS:
            return NEGATED
    if trigger.tag_.startswith("NN") and any(
        c.lower_ in NEGATION_WORDS for c in trigger.children if c.dep_ in ("det", "neg")
    ):
        return NEGATED
    if trigger.tag_.startswith("NN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            trigger.head.lower_ in NEGATING_GOVERNORS
            or trigger.head.lower_ in ("call", "called") and any(c.lower_ == "off" for c in trigger.head.children)):
        return NEGATED  # "the meeting was cancelled", "postponed his trip"
    for n, token in enumerate(chain):
        children = list(token.children)
        if any(c.dep_ == "aux" and c.lower_ in PLANNED_AUX for c in children):
            return PLANNED
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in children):
            return PLANNED
        if n and token.lower_ in PLANNED_GOVERNORS:
            return PLANNED
        if n and token.lower_ in BE_VERBS and any(c.dep_ == "aux" and c.lower_ == "to"
                                                  for c in chain[n - 1].children):
            return PLANNED  # "is to meet"
    if trigger.tag_.startswith("NN") and any(c.lower_ in PLANNED_NOUN_MODIFIERS for c in trigger.children):
        return PLANNED
    if head.dep_ == "relcl" and any(c.lower_ in PLANNED_AUX for c in head.children):
        return PLANNED
    return OCCURRED


def happened(token: Token) -> bool:
    """VISITED and ATTENDED are only recorded when they happened."""
    return contact_status(token, None) == OCCURRED


def medium_of_word(word: str) -> str | None:
    """ "video", "virtual" -> video; "phone", "call" -> phone; anything else -> None.

    >>> medium_of_word("Virtual"), medium_of_word("telephone"), medium_of_word("talks")
    ('video', 'phone', None)
    """
    word = word.lower()
    if word in VIDEO_WORDS:
        return "video"
    if word in REMOTE_MODIFIERS:
        return "phone"
    return None


def remote_medium(trigger: Token, verb: Token | None) -> str | None:
    """ "met by video link", "a phone call with", "talks via videoconference": the medium, if remote."""
    for token in (trigger, verb):
        if token is None:
            continue
        for child in token.children:
            medium = medium_of_word(child.lower_)
            if medium:
                return medium
            if child.dep_ == "prep" and child.lower_ in ("by", "via", "over"):
                for g in child.subtree:
                    medium = medium_of_word(g.lower_)
                    if medium:
                        return medium
    return None


def document_medium(title: str | None) -> str | None:
    """A document whose title says it is about a call or a virtual meeting: "Secretary X's Call with Y",
    "Readout of the Virtual Meeting with Z". A press call is no contact between the people it names.

    >>> document_medium("Secretary Blinken's Call with Prime Minister Abiy"), document_medium("Background Press Call")
    ('phone', None)
    >>> document_medium("Readout of President Biden's Virtual Meeting with G7 Leaders")
    'video'
    """
    if not title:
        return None
    words = re.findall(r"[\w-]+", title.lower())
    for n, word in enumerate(words):
        if word in ("press", "media", "conference") and n + 1 < len(words) and words[n + 1] == "call":
            words[n + 1] = ""  # "press call", "conference call" with reporters
    mediums = [medium_of_word(w) for w in words if w]
    if "video" in mediums:
        return "video"
    return "phone" if "phone" in mediums else None
