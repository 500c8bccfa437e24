"""Relation rules as data: spaCy DependencyMatcher patterns and the word lists they use.

Each rule names the tokens it binds: ``trigger`` (the word that states the relation), and
the slots ``subject``, ``object`` (and for noun triggers ``verb``, the verb governing it).
The code in :mod:`graphbuild.extract` expands slots to entities (through coordination and
apposition) and decides the status; nothing here knows about any particular article.
Patterns match on ``LOWER`` and ``TAG`` only, so the lemmatizer need not run.
"""

from __future__ import annotations

from graphbuild.models import ATTENDED, MET, VISITED

# --- trigger words -------------------------------------------------------------------------
MEET_VERBS = ["meet", "meets", "met", "meeting"]
HOST_VERBS = ["host", "hosts", "hosted", "hosting", "receive", "receives", "received", "receiving",
              "welcome", "welcomes", "welcomed", "welcoming", "greet", "greets", "greeted", "greeting"]
# "A sat down with B", "A shook hands with B": a verb and a fixed word that make it a meeting.
SIT_VERBS = ["sit", "sits", "sat", "sitting"]
SHAKE_VERBS = ["shake", "shakes", "shook", "shaking", "shaken"]
# Intransitive verbs whose coordinated subjects come together: "A and B gathered in Cairo".
GATHER_VERBS = ["gather", "gathers", "gathered", "convene", "convenes", "convened", "confer", "confers",
                "conferred", "huddle", "huddled"]
TALK_NOUNS = ["talks", "meeting", "meetings", "discussions", "negotiations", "summit", "consultations",
              "audience", "tête-à-tête", "encounter", "dinner", "lunch", "luncheon", "breakfast", "banquet"]
# Verbs that take a talk noun as object and make its subject a participant.
TALK_SUPPORT_VERBS = ["hold", "holds", "held", "holding", "have", "has", "had", "having", "attend",
                      "attends", "attended", "attending", "conduct", "conducts", "conducted", "begin",
                      "began", "begins", "open", "opened", "start", "started", "host", "hosted", "hosts",
                      "chair", "chaired", "wrap", "wrapped", "conclude", "concluded", "seek", "sought",
                      "request", "requested", "arrange", "arranged"]
# Support verbs whose coordinated subjects meet each other: "A and B held talks".
MUTUAL_SUPPORT_VERBS = {"hold", "holds", "held", "holding", "have", "has", "had", "having", "conduct",
                        "conducts", "conducted", "begin", "began", "begins", "open", "opened", "start",
                        "started", "wrap", "wrapped", "conclude", "concluded"}
# Modifiers that make a talk noun something other than an in-person meeting.
REMOTE_MODIFIERS = {"phone", "telephone", "video", "virtual", "online", "remote", "call", "calls",
                    "teleconference", "videoconference", "zoom"}

VISIT_VERBS = ["visit", "visits", "visited", "visiting", "tour", "tours", "toured", "touring"]
ARRIVE_VERBS = ["arrive", "arrives", "arrived", "arriving", "land", "lands", "landed", "landing"]
TRAVEL_VERBS = ["travel", "travels", "travelled", "traveled", "travelling", "traveling", "fly", "flies",
                "flew", "flying", "journeyed"]  # not "returned": going home is no visit
VISIT_NOUNS = ["visit", "visits", "trip", "trips", "tour", "journey", "voyage"]
VISIT_SUPPORT_VERBS = ["make", "makes", "made", "making", "pay", "pays", "paid", "paying", "hold", "holds",
                       "held", "begin", "began", "begins", "start", "started", "undertake", "undertook",
                       "conclude", "concluded", "end", "ended", "wrap", "wrapped", "complete", "completed"]
BE_VERBS = ["is", "was", "were", "are", "be", "been"]

ATTEND_VERBS = ["attend", "attends", "attended", "attending"]
PARTICIPATE_VERBS = ["participate", "participates", "participated", "participating"]
TAKE_PART = ["take", "takes", "took", "taking", "taken"]
EVENT_NOUNS = {"summit", "conference", "forum", "meeting", "meetings", "airshow", "show", "exhibition",
               "expo", "ceremony", "funeral", "inauguration", "parade", "festival", "games", "olympics",
               "congress", "convention", "session", "assembly", "rally", "talks", "gathering", "celebration",
               "celebrations", "championship", "tournament", "cup", "dialogue", "showcase", "fair", "event"}

# A trigger noun inside one of these phrases shares the subject of the verb: "said in a meeting with B".
SITUATING_PREPOSITIONS = {"in", "during", "at", "after", "before", "following", "on", "upon", "from", "since"}
# A trigger verb after one of these shares the subject of the clause: "After visiting Kyiv, A said".
# ("from" is left out: "barred A from visiting X" says the opposite.)
TIME_PREPOSITIONS = {"after", "before", "following", "on", "upon", "since", "while", "when", "during"}
# Purposes that make presence at a place a visit: "A was in Kyiv for talks".
VISIT_PURPOSES = sorted({"talks", "meeting", "meetings", "visit", "summit", "conference", "ceremony", "funeral",
                         "negotiations", "consultations", "celebrations", "forum", "inauguration", "signing"})

# --- status cues ---------------------------------------------------------------------------
PLANNED_AUX = {"will", "'ll", "shall", "would", "could", "may", "might", "should", "must", "can", "wo"}
PLANNED_GOVERNORS = {"plan", "plans", "planned", "planning", "expect", "expects", "expected", "schedule",
                     "scheduled", "set", "want", "wants", "wanted", "hope", "hopes", "hoped", "agree",
                     "agrees", "agreed", "seek", "seeks", "sought", "intend", "intends", "intended",
                     "prepare", "prepares", "prepared", "due", "aim", "aims", "aimed", "try", "tries",
                     "tried", "propose", "proposed", "proposes", "offer", "offered", "offers", "going",
                     "likely", "ready", "willing", "invite", "invited", "invites", "ask", "asked", "asks",
                     "request", "requested", "like", "wish", "wishes", "eager", "able", "unable",
                     "await", "awaits", "awaited", "supposed", "slated", "poised", "keen"}
NEGATING_GOVERNORS = {"refuse", "refuses", "refused", "decline", "declines", "declined", "cancel",
                      "cancels", "cancelled", "canceled", "reject", "rejects", "rejected", "fail", "fails",
                      "failed", "avoid", "avoided", "avoids", "deny", "denied", "denies", "unable"}
NEGATION_WORDS = {"not", "n't", "never", "no"}
PLANNED_NOUN_MODIFIERS = {"planned", "upcoming", "proposed", "scheduled", "future", "possible", "potential",
                          "next", "expected", "forthcoming", "prospective", "anticipated", "mooted"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}


def _verb(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}, "TAG": {"REGEX": "^(VB|MD)"}}


def _noun(words: list[str]) -> dict:
    return {"LOWER": {"IN": words}, "TAG": {"REGEX": "^NN"}}


def _child(parent: str, name: str, dep: str | list[str], attrs: dict | None = None) -> dict:
    deps = [dep] if isinstance(dep, str) else dep
    return {"LEFT_ID": parent, "REL_OP": ">", "RIGHT_ID": name,
            "RIGHT_ATTRS": {"DEP": {"IN": deps}, **(attrs or {})}}


SUBJECT_DEPS = ["nsubj", "nsubjpass"]
OBJECT_DEPS = ["dobj", "obj"]


def _prep_object(parent: str, preps: list[str], name: str = "object") -> list[dict]:
    prep = f"{parent}_prep_{name}"
    return [_child(parent, prep, "prep", {"LOWER": {"IN": preps}}), _child(prep, name, "pobj")]


def _trigger(attrs: dict) -> dict:
    return {"RIGHT_ID": "trigger", "RIGHT_ATTRS": attrs}


def _noun_with_support(nouns: list[str], support: list[str]) -> list[dict]:
    """A talk/visit noun that is the object of a supporting verb: "held talks", "paid a visit"."""
    return [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": _verb(support)},
        _child("verb", "trigger", OBJECT_DEPS, _noun(nouns)),
        _child("verb", "subject", SUBJECT_DEPS),
    ]


# Each rule: (relation, name, pattern). Several rules may bind the same trigger; their slots merge.
RULES: list[tuple[str, str, list[dict]]] = [
    # "A met B", "A and B met", "A met with B", "A will meet B"
    (MET, "meet-subject", [_trigger(_verb(MEET_VERBS)), _child("trigger", "subject", SUBJECT_DEPS)]),
    (MET, "meet-object", [_trigger(_verb(MEET_VERBS)), _child("trigger", "object", OBJECT_DEPS)]),
    (MET, "meet-with", [_trigger(_verb(MEET_VERBS)), *_prep_object("trigger", ["with"])]),
    # "A was met by B" (passive)
    (MET, "meet-by", [_trigger(_verb(MEET_VERBS)), _child("trigger", "by", "agent"), _child("by", "object", "pobj")]),
    # "A and B gathered in Cairo", "A convened with B" (a direct object makes it something else)
    (MET, "gather-subject", [_trigger(_verb(GATHER_VERBS)), _child("trigger", "subject", SUBJECT_DEPS)]),
    (MET, "gather-with", [_trigger(_verb(GATHER_VERBS)), *_prep_object("trigger", ["with"])]),
    # "A hosted B", "A received B" (B must be a person, checked when slots are expanded)
    (MET, "host-subject", [_trigger(_verb(HOST_VERBS)), _child("trigger", "subject", ["nsubj"])]),
    (MET, "host-object", [_trigger(_verb(HOST_VERBS)), _child("trigger", "object", OBJECT_DEPS)]),
    # "A was received by B", "A was welcomed by B"
    (MET, "host-passive-subject", [_trigger(_verb(HOST_VERBS)), _child("trigger", "subject", ["nsubjpass"])]),
    (MET, "host-by", [_trigger(_verb(HOST_VERBS)), _child("trigger", "by", "agent"),
                      _child("by", "object", "pobj")]),
    # "A sat down with B", "A shook hands with B"
    (MET, "sit-down-subject", [_trigger(_verb(SIT_VERBS)), _child("trigger", "down", "prt", {"LOWER": "down"}),
                               _child("trigger", "subject", ["nsubj"])]),
    (MET, "sit-down-with", [_trigger(_verb(SIT_VERBS)), _child("trigger", "down", "prt", {"LOWER": "down"}),
                            *_prep_object("trigger", ["with"])]),
    (MET, "shake-hands-subject", [_trigger(_verb(SHAKE_VERBS)),
                                  _child("trigger", "hands", OBJECT_DEPS, {"LOWER": "hands"}),
                                  _child("trigger", "subject", ["nsubj"])]),
    (MET, "shake-hands-with", [_trigger(_verb(SHAKE_VERBS)),
                               _child("trigger", "hands", OBJECT_DEPS, {"LOWER": "hands"}),
                               *_prep_object("trigger", ["with"])]),
    # "A held talks with B", "A attends a meeting with B"
    (MET, "talks-subject", _noun_with_support(TALK_NOUNS, TALK_SUPPORT_VERBS)),
    (MET, "talks-with", [_trigger(_noun(TALK_NOUNS)), *_prep_object("trigger", ["with"])]),
    # "a meeting between A and B"
    (MET, "talks-between", [_trigger(_noun(TALK_NOUNS)), *_prep_object("trigger", ["between", "among"],
                                                                       "between")]),
    # "A's talks with B"
    (MET, "talks-possessor", [_trigger(_noun(TALK_NOUNS)), _child("trigger", "subject", "poss")]),
    # "A visited X", "A toured X"
    (VISITED, "visit-subject", [_trigger(_verb(VISIT_VERBS)), _child("trigger", "subject", ["nsubj"])]),
    (VISITED, "visit-object", [_trigger(_verb(VISIT_VERBS)), _child("trigger", "object", OBJECT_DEPS)]),
    # "A arrived in X", "A travelled to X"
    (VISITED, "arrive-subject", [_trigger(_verb(ARRIVE_VERBS + TRAVEL_VERBS)),
                                 _child("trigger", "subject", ["nsubj"])]),
    (VISITED, "arrive-in", [_trigger(_verb(ARRIVE_VERBS)), *_prep_object("trigger", ["in", "at"])]),
    (VISITED, "travel-to", [_trigger(_verb(TRAVEL_VERBS)), *_prep_object("trigger", ["to"])]),
    # "A's visit to X", "A paid a state visit to X", "A's trip to X"
    (VISITED, "visit-noun-subject", _noun_with_support(VISIT_NOUNS, VISIT_SUPPORT_VERBS)),
    (VISITED, "visit-noun-possessor", [_trigger(_noun(VISIT_NOUNS)), _child("trigger", "subject", "poss")]),
    (VISITED, "visit-noun-to", [_trigger(_noun(VISIT_NOUNS)), *_prep_object("trigger", ["to"])]),
    # "A was in X to sign ..." (a purpose clause makes presence a visit)
    (VISITED, "be-in-to", [
        _trigger(_verb(BE_VERBS)),
        _child("trigger", "subject", ["nsubj"]),
        *_prep_object("trigger", ["in"]),
        _child("trigger", "purpose", ["advcl", "xcomp"]),
        _child("purpose", "purpose_to", "aux", {"LOWER": "to"}),
    ]),
    # "A was in Kyiv for talks"
    (VISITED, "be-in-for", [
        _trigger(_verb(BE_VERBS)),
        _child("trigger", "subject", ["nsubj"]),
        *_prep_object("trigger", ["in"]),
        _child("trigger", "purpose", "prep", {"LOWER": "for"}),
        _child("purpose", "purpose_noun", "pobj", {"LOWER": {"IN": VISIT_PURPOSES}}),
    ]),
    # "A attended X", "A took part in X", "A participated in X"
    (ATTENDED, "attend-subject", [_trigger(_verb(ATTEND_VERBS)), _child("trigger", "subject", ["nsubj"])]),
    (ATTENDED, "attend-object", [_trigger(_verb(ATTEND_VERBS)), _child("trigger", "object", OBJECT_DEPS)]),
    (ATTENDED, "participate-subject", [_trigger(_verb(PARTICIPATE_VERBS)),
                                       _child("trigger", "subject", ["nsubj"])]),
    (ATTENDED, "participate-in", [_trigger(_verb(PARTICIPATE_VERBS)), *_prep_object("trigger", ["in"])]),
    (ATTENDED, "take-part-subject", [
        _trigger(_verb(TAKE_PART)), _child("trigger", "part", OBJECT_DEPS, {"LOWER": "part"}),
        _child("trigger", "subject", ["nsubj"])]),
    (ATTENDED, "take-part-in", [
        _trigger(_verb(TAKE_PART)), _child("trigger", "part", OBJECT_DEPS, {"LOWER": "part"}),
        *_prep_object("trigger", ["in"])]),
]

# Rules whose object slot must be a person for the relation to hold ("received 9% of the vote" is not).
PERSON_OBJECT_RELATIONS = {MET}
# MET rules whose trigger is a noun: their participants may be listed by "between A and B".
PAIRWISE_SLOTS = {"between"}

# Every word a rule can be anchored on: sentences without one are not matched at all.
# (Noun triggers cover their support verbs; "was in X to/for ..." needs a form of "be", "in" and "to" or "for".)
TRIGGER_WORDS = frozenset(
    MEET_VERBS + GATHER_VERBS + HOST_VERBS + SIT_VERBS + SHAKE_VERBS + TALK_NOUNS + VISIT_VERBS + ARRIVE_VERBS
    + TRAVEL_VERBS + VISIT_NOUNS
    + ATTEND_VERBS + PARTICIPATE_VERBS + TAKE_PART
)
PRESENCE_WORDS = (frozenset(BE_VERBS), frozenset({"in"}), frozenset({"to", "for"}))


def may_match(words: set[str]) -> bool:
    """Whether a sentence with these lower-cased words can match any rule at all."""
    return bool(words & TRIGGER_WORDS) or all(words & group for group in PRESENCE_WORDS)
