"""MET: two or more people met in person ("A met B", "A and B held talks", "a meeting between A and B").

The handler turns one matched trigger into a meeting between every subject and every object
(or every pair of the participants of a joint meeting). A meeting held by phone or video is
not a MET: it becomes a SPOKE_WITH with its medium.
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
from graphbuild.extract.slots import list_start_after, participants_after, participants_before
from graphbuild.extract.status import contact_status, medium_of_word, remote_medium
from graphbuild.extract.syntax import coordinated
from graphbuild.lexicon.triggers import (
    ACCOMPANY_VERBS,
    ALONGSIDE_VERBS,
    ATTEND_VERBS,
    CALL_NOUNS,
    CALL_ON_VERBS,
    CONFERENCE_KINDS,
    CONFERENCE_NOUNS,
    COURTESY_NOUNS,
    DISCUSS_VERBS,
    DROP_VERBS,
    GATHER_VERBS,
    HOST_VERBS,
    INCLUDE_VERBS,
    JOIN_VERBS,
    JOINT_TITLE_WORDS,
    JOINT_WORDS,
    LOOK_ON_VERBS,
    MEET_VERBS,
    MUTUAL_SUPPORT_VERBS,
    PARTICIPATE_VERBS,
    PAY_VERBS,
    PHONE_VERBS,
    SEPARATE_WORDS,
    SESSION_NOUNS,
    SHAKE_VERBS,
    SIT_VERBS,
    SPEAK_VERBS,
    TALK_NOUNS,
    TALK_SUPPORT_VERBS,
)
from graphbuild.schema import MET, OCCURRED, PERSON, PLANNED, SPOKE_WITH

_rule = partial(Rule, MET)  # _rule(rule id, pattern)


RULES = [
    # "A met B", "A and B met", "A met with B", "A will meet B"
    _rule("meet-subject", [trigger(verb(MEET_VERBS)), child("trigger", "subject", SUBJECT_DEPS)]),
    _rule("meet-object", [trigger(verb(MEET_VERBS)), child("trigger", "object", OBJECT_DEPS)]),
    _rule("meet-with", [trigger(verb(MEET_VERBS)), *prep_object("trigger", ["with"])]),
    # "A, chairman of X, and the commanders responsible for the strategy met here with B": "met" hung on a noun
    _rule("meet-hung-on-a-noun", [trigger({"LOWER": {"IN": MEET_VERBS}, "TAG": {"IN": ["VBD", "VBN"]}, "DEP": "acl"})]),
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
    # "C joined the meeting", "C joined X's meeting with A", "C dropped by the meeting"
    _rule("join-meeting", [trigger(verb(JOIN_VERBS)), child("trigger", "subject", ["nsubj"]),
                           child("trigger", "meeting", OBJECT_DEPS, noun(TALK_NOUNS))]),
    # "C joined the beginning of the virtual meeting"
    _rule("join-part-of-meeting", [trigger(verb(JOIN_VERBS)), child("trigger", "subject", ["nsubj"]),
                                   child("trigger", "part", OBJECT_DEPS),
                                   *prep_object("part", ["of"], "meeting")]),
    _rule("drop-by-meeting", [trigger(verb(DROP_VERBS)), child("trigger", "subject", ["nsubj"]),
                              *prep_object("trigger", ["by", "into"], "meeting")]),
    # "C participated in the session": C meets the people of the last meeting stated
    _rule("participate-in-meeting", [trigger(verb(PARTICIPATE_VERBS)), *prep_object("trigger", ["in"], "meeting")]),
    # "A's meeting with civil society included B": B meets the people of that meeting
    _rule("meeting-included", [trigger(verb(INCLUDE_VERBS)),
                               child("trigger", "meeting", ["nsubj"], noun(TALK_NOUNS)),
                               child("trigger", "subject", OBJECT_DEPS)]),
    # "Speaking alongside B, A said", "A stood alongside B"
    _rule("alongside", [trigger(verb(ALONGSIDE_VERBS)), *prep_object("trigger", ["alongside"])]),
    # "at a joint news conference with B"
    _rule("conference-with", [trigger(noun(CONFERENCE_NOUNS)),
                              child("trigger", "kind", ["compound", "amod", "nmod"],
                                    {"LOWER": {"IN": CONFERENCE_KINDS}}),
                              *prep_object("trigger", ["with"])]),
    # "A speaks with B at the Ministry of Defense": talking with someone at a place is meeting them
    _rule("speak-with-at-place", [trigger(verb(SPEAK_VERBS)), *prep_object("trigger", ["with"])]),
    # "A called on B at the palace" (a courtesy visit)
    _rule("call-on", [trigger(verb(CALL_ON_VERBS)), *prep_object("trigger", ["on"])]),
    # "A paid a visit to B", "A paid a courtesy call on B"
    _rule("pay-visit-to", [{"RIGHT_ID": "verb", "RIGHT_ATTRS": verb(PAY_VERBS)},
                           child("verb", "trigger", OBJECT_DEPS, noun(COURTESY_NOUNS)),
                           *prep_object("trigger", ["to", "on"])]),
    # "A and B discussed trade"
    _rule("discuss-subject", [trigger(verb(DISCUSS_VERBS)), child("trigger", "subject", ["nsubj"])]),
    # "the meeting was attended by A, B and C"
    _rule("attended-by", [trigger(verb(ATTEND_VERBS)), child("trigger", "meeting", ["nsubjpass"], noun(TALK_NOUNS)),
                          child("trigger", "by", "agent"), child("by", "between", "pobj")]),
]


def relate(match, ctx) -> None:
    """Every pair the match states met; by phone or video it is a SPOKE_WITH instead."""
    meeting = None
    if "meeting" in match.names and match.trigger.lower_ not in ATTEND_VERBS:
        meeting = _meeting_noun(match, ctx)
        if meeting.lower_ not in TALK_NOUNS and not (meeting.lower_ in SESSION_NOUNS
                                                     and match.trigger.lower_ in PARTICIPATE_VERBS):
            return  # "joined the beginning of the hearing"
    if match.trigger.lower_ in CALL_ON_VERBS and not _calls_on_a_person(match):
        return  # "called on Russia to withdraw": an appeal, no visit
    if match.trigger.lower_ in COURTESY_NOUNS and not _to_a_person(match, ctx):
        return  # "paid a visit to Kyiv" is a VISITED
    medium = _medium(match, ctx, meeting)
    alongside = any(c.lower_ == "alongside" for c in match.trigger.children)
    if match.trigger.lower_ in SPEAK_VERBS and not alongside and (ctx.medium or not _at_a_named_place(match, ctx)):
        return  # "spoke with B" is a meeting at a named place only, and never in the readout of a call
    if match.trigger.lower_ in DISCUSS_VERBS:
        if not _named_subjects(match, ctx):
            return  # "the two leaders discussed ...": a discussion tells a contact only between named people
        medium = medium or _call_nearby(match.trigger)
    if meeting is not None:
        pairs = _joined(match, ctx)
    else:
        pairs = contact_pairs(match, ctx, mutual=_mutual(match), joint=medium is None)
    if not pairs:
        return
    pairs += _onlookers(match, ctx, pairs)
    status = contact_status(match.trigger, match.verb)
    if status == OCCURRED and _coming_meeting(match):
        status = PLANNED
    date = ctx.situation.date(match)
    if medium:
        for a, b in pairs:
            ctx.record.relate(SPOKE_WITH, a, b, match.trigger, status=status, date=date, medium=medium)
        return
    place = ctx.situation.place(match)
    for a, b in pairs:
        ctx.record.relate(MET, a, b, match.trigger, status=status, date=date, place=place)


def contact_pairs(match, ctx, mutual: bool, joint: bool = True) -> list[tuple[int, int]]:
    """Who the match says came together.

    Subjects × objects ("A met B and C"); all pairs of "between A and B"; all pairs of mutual
    subjects ("A and B met"). People listed after the trigger count as objects even where the
    parse loses them ("met with A of X, B of Y, and C of Z"), and the people of one list met each
    other too (``joint``), unless the sentence says the meetings were separate. On a call the people
    listed are one side of it: a call pairs them with the caller only.
    """
    subjects = ctx.slots.people(match.names.get("subject", ()))
    objects = _parsed_objects(match, ctx)
    between = ctx.slots.people(match.names["between"]) if match.names.get("between") else []
    groups: list[list[int]] = []
    start = list_start_after(match.trigger)
    if start is not None:
        groups = [[i for i in group if i not in subjects]
                  for group in participants_after(ctx.record, start, match.trigger.sent.end)]
    listed = [i for group in groups for i in group]
    if start is not None and ctx.doc[start - 1].lower_ in ("between", "among"):
        between += [i for i in listed if i not in between]
        return all_pairs(between)
    objects += [i for i in listed if i not in objects]
    if match.anchor.tag_.startswith("VB"):
        # Subjects listed before the verb that the parse did not coordinate ("A of X, B of Y and C gathered").
        anchors = {i for i in match.names.get("subject", ()) if i < match.anchor.i}
        if mutual and not objects and start is None:
            anchors = None  # "gathered": everyone named before it
        elif not subjects and not any(c.dep_ in ("nsubj", "nsubjpass") for c in match.anchor.children):
            anchors = None  # the parse found no subject at all: the people named before the verb
        if anchors is None or anchors:
            subjects += [i for i in participants_before(ctx.record, match.anchor, anchors) if i not in subjects]
    subjects += [i for i in _accompanying(match, ctx, subjects) if i not in subjects]
    if subjects or objects or between:
        ctx.participants = list(dict.fromkeys(subjects + objects + between))  # for "C joined the meeting"
    if objects:
        pairs = [(s, o) for s in subjects for o in objects if s != o]
        if joint and not _separate(match.trigger):
            # One list is one meeting; without a list read, the parse's objects are the one list. Objects the
            # parse found past the end of a list ("with A in X and later with B") are not of its meeting.
            if not groups:
                groups = [[i for i in objects if i not in subjects]]
            joint_stated = _joint(match.trigger.sent, ctx.record.clean.title)
            pairs += [(a, b) for group in groups for a, b in all_pairs(group)
                      if joint_stated or ctx.slots.roles.different_sides(a, b)]
        return pairs
    if between:
        return all_pairs(between)
    if mutual and start is None:  # "A and B met"; not "A met with Palestinian Americans" (whom it names no one)
        return all_pairs(subjects)
    return []


def _accompanying(match, ctx, subjects: list[int]) -> list[int]:
    """"A, accompanied by B and C, met D": the people with the subject are on its side of the meeting."""
    if not subjects:
        return []
    found = []
    for i in match.names.get("subject", ()):
        for holder in (ctx.doc[i], match.anchor):
            for token in holder.children:
                if token.lower_ in ACCOMPANY_VERBS and token.dep_ in ("acl", "advcl") and token.tag_ == "VBN":
                    agents = [g.i for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                    found += ctx.slots.people(agents)
    return found


def _calls_on_a_person(match) -> bool:
    """"called on B at the palace", not "called on B to resign" nor "called on the phone"."""
    trigger = match.trigger
    if any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in trigger.children):
        return False
    objects = [trigger.doc[i] for i in match.names.get("object", ())]
    return bool(objects) and not any(c.dep_ in ("acl", "relcl", "xcomp") or c.lower_ == "to"
                                     for o in objects for c in o.children)


def _to_a_person(match, ctx) -> bool:
    return bool(match.names.get("object")) and bool(ctx.slots.people(match.names["object"]))


def _onlookers(match, ctx, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"A meets B as C looks on": C is there, and meets A and B too."""
    people = list(dict.fromkeys(i for pair in pairs for i in pair))
    found = []
    for clause in match.anchor.children:
        if clause.dep_ not in ("advcl", "conj") or clause.lower_ not in LOOK_ON_VERBS:
            continue
        if clause.lower_.startswith("look") and not any(c.dep_ == "prt" and c.lower_ == "on" for c in clause.children):
            continue  # "looks at", "looked forward": no onlooker
        if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children):
            continue  # "C watched the parade"
        watchers = ctx.slots.people([c.i for c in clause.children if c.dep_ == "nsubj"])
        found += [(w, p) for w in watchers for p in people if w != p]
    return found


def _at_a_named_place(match, ctx) -> bool:
    """"speaks with B at the Ministry of Defense": an at/in phrase naming a place, on the verb or on B."""
    holders = [match.trigger, *(ctx.doc[i] for i in match.names.get("object", ()))]
    return any(prep.dep_ == "prep" and prep.lower_ in ("at", "in") and pobj.dep_ == "pobj"
               and pobj.ent_type_ in ("FAC", "ORG", "GPE", "LOC")
               for holder in holders for prep in holder.children for pobj in prep.children)


def _coming_meeting(match) -> bool:
    """"Her meetings with A and B on Tuesday reflect a quickening pace": a meeting noun with a day of its own, the
    subject of a verb in the present tense, is one to come (a past meeting takes a past verb)."""
    trigger = match.trigger
    if match.verb is not None or not trigger.tag_.startswith("NN") or trigger.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if trigger.head.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(g.ent_type_ == "DATE" for g in c.children)
               for token in (trigger, trigger.head) for c in token.children)


def _named_subjects(match, ctx) -> bool:
    tokens = [t for i in match.names.get("subject", ()) for t in coordinated(ctx.doc[i])]
    return len({ctx.record.mention_of(t, {PERSON}) for t in tokens} - {None}) > 1


def _call_nearby(trigger) -> str | None:
    """"In a statement summarizing the call, X said A and B discussed ...": a call named in this sentence or the
    one before makes a discussion between two people a phone contact."""
    doc = trigger.doc
    start = trigger.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for token in doc[start : trigger.sent.end]:
        if token.lower_ in CALL_NOUNS or token.lower_ in PHONE_VERBS and token.tag_.startswith("VB"):
            return "video" if token.lower_.startswith("video") else "phone"
        if medium_of_word(token.lower_) is not None and token.lower_ not in ("call", "calls"):
            return medium_of_word(token.lower_)
    return None


def _medium(match, ctx, meeting) -> str | None:
    """By phone or video: said around the trigger or its meeting noun, or the document is a virtual meeting."""
    medium = remote_medium(match.trigger, match.verb) or (remote_medium(meeting, None) if meeting else None)
    if medium is None and ctx.medium == "video":
        medium = "video"  # "met with G7 leaders" in the readout of a virtual meeting
    return medium


def _joined(match, ctx) -> list[tuple[int, int]]:
    """"C joined the meeting": C and the people of that meeting, named with it ("X's meeting with A") or,
    for "the meeting", the people of the last meeting stated before in the document."""
    newcomers = ctx.slots.people(match.names.get("subject", ()))
    if match.trigger.lower_ in PARTICIPATE_VERBS:
        # "In addition to A, B, commander of X; and C, commander of Y, participated in the session"
        newcomers += [i for i in participants_before(ctx.record, match.trigger, semicolons=True) if i not in newcomers]
    meeting = _meeting_noun(match, ctx)
    named = ctx.slots.people([c.i for c in meeting.children if c.dep_ == "poss"])
    start = list_start_after(meeting)
    if start is not None:
        named += [i for group in participants_after(ctx.record, start, meeting.sent.end) for i in group]
    others = named or (ctx.participants if any(c.lower_ == "the" for c in meeting.children) else [])
    family = {i: ctx.record.mentions[i].text.split()[-1] for i in [*newcomers, *others]}
    return [(c, o) for c in newcomers for o in dict.fromkeys(others) if c != o and family[c] != family[o]]


def _meeting_noun(match, ctx):
    """The meeting a match names: of "In addition to A, ... participated in the session", the session."""
    tokens = [ctx.doc[i] for i in sorted(match.names["meeting"])]
    return next((t for t in tokens if t.lower_ in TALK_NOUNS or t.lower_ in SESSION_NOUNS), tokens[0])


def _parsed_objects(match, ctx) -> list[int]:
    if not match.names.get("object"):
        return []
    tokens = set(match.names["object"])
    direct = {i for i in tokens if ctx.doc[i].dep_ in OBJECT_DEPS}
    if any(not ctx.slots.people([i]) for i in direct):
        tokens -= direct  # "received the nomination ... Perkins": a thing received is no meeting
    return ctx.slots.people(tokens)


def _separate(trigger) -> bool:
    """"met separately with A and B", "bilateral meetings with A and B", "talks with both A and B": one meeting
    each, not one joint one."""
    return any(t.lower_ in SEPARATE_WORDS or t.lower_ == "both" and t.i > trigger.i and t.dep_ in ("preconj", "det")
               for t in trigger.sent)


def _joint(sentence, title: str | None = None) -> bool:
    """"a trilateral meeting", "met jointly", "the three leaders": the people listed met each other too. Without
    such a word, the people listed met each other only when they are known to serve different countries
    ("met X of Ghana and Y of Kenya"), never colleagues of one side ("met the Chinese President and Premier")."""
    title_words = set((title or "").lower().replace("-", " ").split())
    return any(t.lower_ in JOINT_WORDS and t.is_lower for t in sentence) or bool(title_words & JOINT_TITLE_WORDS)


def all_pairs(items: list[int]) -> list[tuple[int, int]]:
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1 :]]


def _mutual(match) -> bool:
    """"A and B met" states a meeting between the subjects; "A and B hosted X" does not."""
    if match.trigger.lower_ in MEET_VERBS and match.trigger.tag_.startswith("VB"):
        return True
    if match.trigger.lower_ in DISCUSS_VERBS:  # "A and B discussed trade"
        return True
    if match.trigger.lower_ in GATHER_VERBS:  # "gathered signatures" is no meeting
        return not any(c.dep_ in OBJECT_DEPS for c in match.trigger.children)
    return match.verb is not None and match.verb.lower_ in MUTUAL_SUPPORT_VERBS
