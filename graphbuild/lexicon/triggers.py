"""Words that state a relation (trigger words) and the cues that tell whether it happened.

Data only, read by the rules in :mod:`graphbuild.extract.rules` and by the status reading of
:mod:`graphbuild.extract.status`. General English, never anything keyed to particular articles.
"""

from __future__ import annotations

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
              "audience", "tête-à-tête", "encounter", "dinner", "lunch", "luncheon", "breakfast", "banquet",
              "session", "sessions"]
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
REMOTE_MODIFIERS = {"virtually", "videolink", "telephonically",
                    "phone", "telephone", "video", "virtual", "online", "remote", "call", "calls",
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
                      "failed", "avoid", "avoided", "avoids", "deny", "denied", "denies", "unable", "postpone",
                      "postpones", "postponed", "scrap", "scrapped", "scraps", "delay",
                      "delayed", "delays", "suspend", "suspended", "suspends", "abandon", "abandoned"}
NEGATION_WORDS = {"not", "n't", "never", "no"}
PLANNED_NOUN_MODIFIERS = {"planned", "upcoming", "proposed", "scheduled", "future", "possible", "potential",
                          "next", "expected", "forthcoming", "prospective", "anticipated", "mooted"}
CONDITIONAL_MARKS = {"if", "unless", "whether"}
# Of the remote modifiers, those that say the contact was by video.
VIDEO_WORDS = {"video", "virtual", "virtually", "online", "videoconference", "zoom", "videolink", "webinar"}

# --- phone and video contact ---------------------------------------------------------------
# "A spoke with B by phone": a contact only when a medium is stated (here or by the document's title).
SPEAK_VERBS = ["speak", "speaks", "spoke", "speaking", "spoken", "talk", "talked", "talking"]
# "A phoned B", "A called B": the verb itself says the medium.
PHONE_VERBS = ["phone", "phones", "phoned", "phoning", "telephone", "telephones", "telephoned", "telephoning",
               "call", "calls", "called", "calling", "ring", "rang"]
CALL_NOUNS = ["call", "calls", "phonecall", "teleconference", "teleconferences", "videoconference",
              "videoconferences", "conversation", "conversations", "videocall"]
CALL_SUPPORT_VERBS = ["hold", "holds", "held", "holding", "have", "has", "had", "having", "join", "joins",
                      "joined", "joining", "conduct", "conducts", "conducted", "make", "makes", "made", "place",
                      "placed", "host", "hosts", "hosted", "convene", "convened", "participate", "participated"]
# Words that make a meeting with several people several meetings: "met separately with A and B".
SEPARATE_WORDS = {"separately", "individually", "respectively", "bilateral", "bilaterals", "one-on-one",
                  "separate"}

# Words that make the people listed after a meeting word one joint meeting: "a trilateral meeting with A and B".
JOINT_WORDS = {"joint", "jointly", "together", "trilateral", "quadrilateral", "multilateral", "three", "four", "five",
               "six", "seven", "eight", "nine", "ten", "roundtable", "plenary"}
# The same said by a document's title: "Trilateral Meeting with A and B".
JOINT_TITLE_WORDS = {"joint", "trilateral", "quadrilateral", "multilateral"}

# "A spoke alongside B", "A stood alongside B": in one place with B.
ALONGSIDE_VERBS = ["speak", "speaks", "spoke", "speaking", "appear", "appears", "appeared", "appearing", "stand",
                   "stands", "stood", "standing", "sit", "sits", "sat", "sitting", "say", "says", "said", "talk",
                   "talks", "talked", "talking"]
# "a joint news conference with B": a conference held with a person is a meeting with them.
CONFERENCE_NOUNS = ["conference", "conferences", "appearance", "appearances"]
CONFERENCE_KINDS = ["news", "press", "joint"]
# "A and B discussed trade": two people discussing met (or spoke, by the medium the context gives).
DISCUSS_VERBS = ["discuss", "discusses", "discussed", "discussing"]
# "A's meeting with civil society included B".
INCLUDE_VERBS = ["include", "includes", "included"]
# Quantities of meetings whose verb is the meeting's: "hosted five hours of meetings with B".
MEETING_MEASURES = {"hours", "hour", "days", "day", "rounds", "round", "series", "couple", "minutes", "weeks"}
# "C participated in the session": the people of the last meeting stated.
SESSION_NOUNS = ["session", "sessions"]

# "A called on B at the palace": a courtesy visit (not "called on B to resign").
CALL_ON_VERBS = ["call", "calls", "called", "calling"]
# "A paid a visit to B", "A paid a courtesy call on B".
PAY_VERBS = ["pay", "pays", "paid", "paying"]
COURTESY_NOUNS = ["visit", "visits", "call", "calls"]
# "A, accompanied by B and C, met D": B and C meet D too.
ACCOMPANY_VERBS = {"accompanied", "joined", "flanked"}

# "A meets B as C looks on": C is present ("look" only with "on").
LOOK_ON_VERBS = {"look", "looks", "looked", "looking", "watch", "watches", "watched", "watching"}

# "C joined the meeting", "C dropped by the talks": C meets the people of that meeting.
JOIN_VERBS = ["join", "joins", "joined", "joining"]
DROP_VERBS = ["drop", "drops", "dropped", "dropping", "stop", "stopped", "stops"]
# In the readout of a call: verbs by which one participant addresses another ("A thanked B", "A urged B").
ADDRESS_VERBS = ["thank", "thanks", "thanked", "congratulate", "congratulates", "congratulated", "urge",
                 "urges", "urged", "tell", "tells", "told", "commend", "commends", "commended", "assure",
                 "assures", "assured", "brief", "briefed", "update", "updated", "invite", "invited", "press",
                 "pressed", "encourage", "encouraged", "reassure", "reassured"]
