"""Meetings: which meeting each sentence about a meeting or a call tells, and every report of it.

A ``MET`` or ``SPOKE_WITH`` fact is one pair of people in one sentence. The facts of one sentence
with the same type, status and date are one *mention* of a meeting (people listed together met
together); a sentence whose pairs do not all connect ("A met B and C separately": A–B, A–C, no B–C)
tells as many meetings as it has maximal groups of people who all met (colleagues of one side count
as having met). Mentions then merge, across sentences and articles, into meetings:

- the same kind of contact (in person; phone or video) with the same people, or a subset of them
  ("one article names two of the five");
- compatible dates: the same day (or a month or year that contains it), or one undated mention within
  a week of the other's date, counted from the undated mention's article date; two undated mentions
  merge within one article or articles a week apart at most;
- compatible places (the same, or one unknown); a negated meeting merges only with negated ones;
- a planned meeting that also happened is one meeting with status occurred, both reports kept; within one
  article a plan and a meeting that happened merge only when both are dated (the same day), and so does a
  meeting "again" or "another meeting" with the one the article told before;
- a pair that met "separately" is not a part of a larger meeting.

A person's *side* in a meeting is the country or organisation they hold a post with, read in the
same article (else the one post the whole build knows them by); a country comes before an
organisation. Members of one side of a meeting where someone else sits across get no pair edge from it.

The pair edges (``MET``, ``SPOKE_WITH``) list their meetings, each with its own date and place.

>>> from graphbuild.models import Evidence, Fact
>>> facts = [Fact("person:a", "MET", "person:b", Evidence("d1", "A met B on Monday.", 0, 18), date="2024-05-06"),
...          Fact("person:a", "MET", "person:b", Evidence("d2", "A and B met.", 0, 12))]
>>> found = find_meetings(facts, {"d1": "2024-05-10", "d2": "2024-05-11"}, {"person:a": "A", "person:b": "B"})
>>> [(m.date, m.sources) for m in found.meetings]
[('2024-05-06', ['d1', 'd2'])]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from graphbuild.schema import (
    HOLDS_POSITION,
    LOCATION,
    MEETING,
    MET,
    NEGATED,
    OCCURRED,
    SPOKE_WITH,
    status_rank,
)
from graphbuild.text import fold

MEETING_TYPES = (MET, SPOKE_WITH)
IN_PERSON = "in person"
WEEK = dt.timedelta(days=7)
MONTH = dt.timedelta(days=31)
HOST, GUEST = "host", "guest"
BILATERAL, TRILATERAL, MULTILATERAL = "bilateral", "trilateral", "multilateral"
NAME_PEOPLE = 4  # a meeting's name lists this many people, then "and N others"

_AGAIN = re.compile(r"\b(?:again|(?:another|next|follow-up|second|third) (?:meeting|round of talks))\b", re.IGNORECASE)
_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|individually|bilateral meetings)\b", re.IGNORECASE)
_ACTIVE_HOST = re.compile(r"\b(?:host(?:s|ed|ing)?|welcom(?:es|ed|ing)|receiv(?:es|ed|ing))\b", re.IGNORECASE)
_PASSIVE_HOST = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:warmly\s+)?(?:hosted|welcomed|received)\s+by\b",
                           re.IGNORECASE)


@dataclass
class Mention:
    """The facts of one sentence that tell one meeting."""

    type: str
    people: frozenset[str]
    status: str
    date: str | None
    place: str | None
    medium: str | None
    doc: str
    doc_date: str | None
    start: int
    facts: list = field(default_factory=list)
    separate: bool = False  # "met separately", "bilateral meetings with A and B": each pair is its own meeting
    again: bool = False  # "will meet again", "another meeting": not the meeting the same article told before


@dataclass
class Meeting:
    id: str
    type: str
    people: list[str]
    date: str | None
    place: str | None
    status: str
    medium: str | None
    kind: str | None
    name: str
    sides: dict[str, str]  # person id -> side entity id (only the known ones)
    roles: dict[str, str]  # person id -> host / guest (only the stated ones)
    evidence: list[dict]
    sources: list[str]
    report_counts: dict[str, int]  # doc -> sentences of that article that tell it


@dataclass
class FoundMeetings:
    meetings: list[Meeting]
    fact_meeting: dict[int, str]  # id() of a MET / SPOKE_WITH fact -> its meeting id
    dropped: set[int]  # id() of facts pairing two colleagues of one side: no pair edge from them


def find_meetings(facts: Iterable, doc_dates: dict[str, str | None], names: dict[str, str],
                  posts: Iterable = (), labels: dict[str, str] | None = None,
                  aliases: dict[str, Iterable[str]] | None = None) -> FoundMeetings:
    """The meetings that ``facts`` (MET, SPOKE_WITH; others are ignored) tell, in id order.

    ``posts`` are HOLDS_POSITION facts (the sides), ``names`` and ``labels`` the entities' names and labels,
    ``aliases`` the people's written forms (to read who hosted whom).
    """
    labels = labels or {}
    sides = _Sides(posts, labels)
    contact_facts = [f for f in facts if f.type in MEETING_TYPES and f.source != f.target]
    mentions = _mentions(contact_facts, doc_dates, sides, names, aliases or {})
    groups = _merge(mentions)
    meetings: list[Meeting] = []
    fact_meeting: dict[int, str] = {}
    dropped: set[int] = set()
    for group in groups:
        meeting = _meeting(group, names, sides, aliases or {})
        meetings.append(meeting)
        across = len({meeting.sides.get(p, p) for p in meeting.people}) > 1
        for mention in group:
            for fact in mention.facts:
                fact_meeting[id(fact)] = meeting.id
                side = meeting.sides.get(fact.source)
                if across and side is not None and side == meeting.sides.get(fact.target):
                    dropped.add(id(fact))
    meetings.sort(key=lambda m: m.id)
    return FoundMeetings(meetings, fact_meeting, dropped)


# ---------------------------------------------------------------- sides

class _Sides:
    """Whom a person represents: the country or organisation of their post, in an article or overall."""

    def __init__(self, posts: Iterable, labels: dict[str, str]) -> None:
        self._listed: dict[tuple[str, str], str] = {}  # (person, doc) -> side read off a list ("A, B and C of X")
        self._by_doc: dict[tuple[str, str], set[str]] = defaultdict(set)
        self._overall_cache: dict[str, str | None] = {}
        self._all: dict[str, set[str]] = defaultdict(set)
        self._labels = labels
        for fact in posts:
            if fact.type != HOLDS_POSITION:
                continue
            self._by_doc[(fact.source, fact.evidence.doc)].add(fact.target)
            self._all[fact.source].add(fact.target)

    def _pick(self, targets: set[str]) -> str | None:
        """The one country among ``targets``, else the one organisation; None when it is not one."""
        countries = [t for t in targets if self._labels.get(t, t.split(":")[0].title()) == LOCATION]
        if countries:
            return countries[0] if len(countries) == 1 else None
        return next(iter(targets)) if len(targets) == 1 else None

    def _overall(self, person: str) -> str | None:
        """The side the whole build knows a person by (computed once: a hub holds many posts)."""
        if person not in self._overall_cache:
            self._overall_cache[person] = self._pick(self._all.get(person, set()))
        return self._overall_cache[person]

    def learn_list(self, facts: list, doc: str, names: dict[str, str], aliases: dict[str, Iterable[str]]) -> None:
        """"Foreign Minister A, Defence Minister B and Interior Minister C of Estonia": A and B serve Estonia
        too, when C's post says so and only titles, names, commas and "and" stand between them."""
        sentence = facts[0].evidence.sentence
        people = sorted({p for f in facts for p in (f.source, f.target)})
        spans = {p: _span_of(sentence, aliases.get(p, ())) for p in people}
        for person in people:
            if spans[person] is None or self.of(person, (doc,)) is not None:
                continue
            for last in people:
                side = self.of(last, (doc,))
                if last == person or side is None or spans[last] is None or spans[last][0] <= spans[person][1]:
                    continue
                tail = sentence[spans[last][1]:]
                if not re.match(r"\s+of\s+(?:the\s+)?" + re.escape(names.get(side, "\x00")) + r"\b", tail):
                    continue
                if _LIST_GAP.fullmatch(sentence[spans[person][1]:spans[last][0]]):
                    self._listed[(person, doc)] = side
                    break

    def of(self, person: str, docs: Iterable[str]) -> str | None:
        docs = list(docs)
        found = {self._pick(self._by_doc[(person, doc)]) for doc in docs if (person, doc) in self._by_doc}
        found |= {self._listed[(person, doc)] for doc in docs if (person, doc) in self._listed}
        found.discard(None)
        if len(found) == 1:
            return found.pop()
        if found:
            return None  # two articles give two sides: none is sure
        return self._overall(person)


# What may stand between two people of one list: commas, "and", capitalised words (titles, names).
_LIST_GAP = re.compile(r"(?:\s*(?:,|and\b|[A-Z][\w'.-]*))*\s*")


def _span_of(sentence: str, aliases: Iterable[str]) -> tuple[int, int] | None:
    """Where the longest written form of a person first stands in ``sentence``."""
    for alias in sorted(aliases, key=lambda a: (-len(a), a)):
        at = sentence.find(alias) if alias else -1
        if at >= 0:
            return at, at + len(alias)
    return None


# ---------------------------------------------------------------- mentions: one sentence, one meeting

def _mentions(facts: list, doc_dates: dict[str, str | None], sides: _Sides, names: dict[str, str],
              aliases: dict[str, Iterable[str]]) -> list[Mention]:
    by_sentence: dict[tuple, list] = defaultdict(list)
    for fact in facts:
        ev = fact.evidence
        key = (ev.doc, ev.start, ev.end, fact.type, fact.status or OCCURRED, fact.date or "",
               fact.medium or "" if fact.type == SPOKE_WITH else "")
        by_sentence[key].append(fact)
    mentions = []
    for key in sorted(by_sentence):
        doc, start, _, rel_type, status, date, medium = key
        group = by_sentence[key]
        if len(group) > 1:
            sides.learn_list(group, doc, names, aliases)
        for people, members in _split(group, sides, doc):
            place = next((f.place for f in members if f.place), None)
            mentions.append(Mention(rel_type, people, status, date or None, place,
                                    medium or (None if rel_type == SPOKE_WITH else IN_PERSON),
                                    doc, doc_dates.get(doc), start, members,
                                    bool(_SEPARATE.search(members[0].evidence.sentence)),
                                    bool(_AGAIN.search(members[0].evidence.sentence))))
    return mentions


def _split(facts: list, sides: _Sides, doc: str) -> list[tuple[frozenset[str], list]]:
    """The meetings one sentence's pairs tell: maximal groups of people who all met (one side counts as met)."""
    pairs = {frozenset((f.source, f.target)) for f in facts}
    people = sorted({p for pair in pairs for p in pair})
    side = {p: sides.of(p, (doc,)) for p in people}

    def linked(a: str, b: str) -> bool:
        return frozenset((a, b)) in pairs or (side[a] is not None and side[a] == side[b])

    if all(linked(a, b) for a, b in combinations(people, 2)):
        return [(frozenset(people), list(facts))]
    cliques = _joined(_maximal_groups(people, linked))
    result: list[tuple[frozenset[str], list]] = []
    assigned: dict[int, int] = {}
    for fact in facts:
        for n, clique in enumerate(cliques):
            if fact.source in clique and fact.target in clique:
                assigned[id(fact)] = n
                break
    for n in range(len(cliques)):
        members = [f for f in facts if assigned.get(id(f)) == n]
        if members:
            result.append((frozenset(p for f in members for p in (f.source, f.target)), members))
    return result


def _joined(cliques: list[frozenset[str]]) -> list[frozenset[str]]:
    """Groups sharing two people or more are one meeting: "A, B and C held a joint call with D and E" gives
    {A, D, E}, {B, D, E}, {C, D, E} (co-subjects are not paired), one call. Groups sharing only their hub
    ("met A of X; with B and C of Y") stay apart.

    >>> [sorted(g) for g in _joined([frozenset("ade"), frozenset("bde"), frozenset("af"), frozenset("ag")])]
    [['a', 'b', 'd', 'e'], ['a', 'f'], ['a', 'g']]
    """
    groups = [set(c) for c in cliques]
    merged = True
    while merged:
        merged = False
        for i in range(len(groups)):
            for j in range(i + 1, len(groups)):
                if len(groups[i] & groups[j]) >= 2:
                    groups[i] |= groups.pop(j)
                    merged = True
                    break
            if merged:
                break
    return [frozenset(g) for g in groups]


def _maximal_groups(people: list[str], linked) -> list[frozenset[str]]:
    """Maximal cliques (Bron–Kerbosch), largest first then by their sorted people: the order is fixed."""
    neighbours = {p: {q for q in people if q != p and linked(p, q)} for p in people}
    found: list[frozenset[str]] = []

    def expand(r: set, p: set, x: set) -> None:
        if not p and not x:
            found.append(frozenset(r))
            return
        for v in sorted(p):
            expand(r | {v}, p & neighbours[v], x & neighbours[v])
            p = p - {v}
            x = x | {v}

    expand(set(), set(people), set())
    return sorted(found, key=lambda c: (-len(c), sorted(c)))


# ---------------------------------------------------------------- merging mentions into meetings

def _day(value: str | None) -> dt.date | None:
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def dates_compatible(a: str | None, a_doc_date: str | None, b: str | None, b_doc_date: str | None,
                     same_doc: bool = False) -> bool:
    """Can two reports with these dates (and their articles' dates) tell one meeting?

    >>> dates_compatible("2024-05-06", None, "2024-05-06", None)
    True
    >>> dates_compatible("2024-05-06", None, "2024-05-07", None)
    False
    >>> dates_compatible("2024-05", None, "2024-05-06", None)
    True
    >>> dates_compatible("2024", "2024-12-20", "2024-05-06", "2024-05-07")
    False
    >>> dates_compatible("2024-05-06", "2024-05-10", None, "2024-05-11")
    True
    >>> dates_compatible("2024-05-06", "2024-05-10", None, "2024-08-11")
    False
    """
    if a and b:
        if a == b and _day(a):
            return True
        if not (a.startswith(b) or b.startswith(a)):
            return False
        # A month or a year ("last week", "earlier this month") holds the day, or another month or year, only
        # near its own article.
        coarse_doc, other = (a_doc_date, b) if len(a) <= len(b) else (b_doc_date, a)
        other_doc = b_doc_date if other is b else a_doc_date
        anchor, day = _day(coarse_doc), _day(other) or _day(other_doc)
        return anchor is None or day is None or abs(day - anchor) <= MONTH
    if not a and not b:
        if same_doc:
            return True
        da, db = _day(a_doc_date), _day(b_doc_date)
        return da is not None and db is not None and abs(da - db) <= WEEK
    dated, undated_doc = (a, b_doc_date) if a else (b, a_doc_date)
    if same_doc:
        return True
    anchor = _day(undated_doc)
    if anchor is None:
        return False
    day = _day(dated)
    if day is not None:
        return abs(day - anchor) <= WEEK
    dated_doc = _day(a_doc_date if a else b_doc_date)  # a month or a year: the article falls in it, near the other
    return anchor.isoformat().startswith(dated) and (dated_doc is None or abs(dated_doc - anchor) <= MONTH)


def _anchor(m: Mention) -> dt.date | None:
    """The day a report is about, as near as it is known: its date when a day, else its article's date."""
    return _day(m.date) or _day(m.doc_date)


class _Open:
    """A meeting being gathered: its mentions and, kept up to date, what the checks of a new one read."""

    def __init__(self, mention: Mention) -> None:
        self.mentions: list[Mention] = []
        self.people: set[str] = set()
        self.type = mention.type
        self.negated = mention.status == NEGATED
        self.separate = False
        self.place: str | None = None
        self.medium: str | None = None
        self.items: set[tuple[str | None, str | None]] = set()  # distinct (date, article date)
        self.by_doc: dict[str, list[Mention]] = defaultdict(list)
        self.add(mention)

    def accepts(self, m: Mention) -> bool:
        if m.type != self.type or (m.status == NEGATED) != self.negated:
            return False
        if not (m.people <= self.people or self.people <= m.people):
            return False
        if m.people != self.people and (m.separate or self.separate):
            return False  # a pair met separately: not a part of a larger meeting
        if any((o.status != m.status or o.again or m.again) and not (o.date and m.date)
               for o in self.by_doc.get(m.doc, ())):
            return False  # "met ... and will meet again": within one article, a plan is another meeting unless dated
        if self.medium and m.medium and self.medium != m.medium:
            return False
        if self.place and m.place and fold(self.place) != fold(m.place):
            return False
        same_doc = m.doc in self.by_doc
        dated = [(d, dd) for d, dd in self.items if d]
        if m.date and dated:  # dated against dated: each date must fit
            return all(dates_compatible(d, dd, m.date, m.doc_date) for d, dd in dated)
        if m.date:  # the open meeting is undated so far: any of its reports may be the near one
            return same_doc or any(dates_compatible(None, dd, m.date, m.doc_date) for _, dd in self.items)
        return same_doc or any(dates_compatible(d, dd, None, m.doc_date) for d, dd in self.items)

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.people |= m.people
        self.separate = self.separate or m.separate
        self.place = self.place or m.place
        self.medium = self.medium or m.medium
        self.items.add((m.date, m.doc_date))
        self.by_doc[m.doc].append(m)


class _Index:
    """Open meetings by pair of people and by day or week (or article, or neither): a report is checked only
    against the meetings it could join, not every meeting of a pair that met a thousand times.

    A report dated to a day, or only by its article ("fine"), joins a fine report only within a WEEK of it
    (see dates_compatible): those are looked up day by day. A month or a year reaches a MONTH: reports so dated
    ("coarse"), and every report for a coarse one, are looked up by week, WINDOW weeks either side.
    """

    WINDOW = 5  # weeks either side: a report joins only reports within a month of it (see dates_compatible)

    def __init__(self) -> None:
        self.day: dict[tuple, set[int]] = defaultdict(set)  # fine reports
        self.coarse: dict[tuple, set[int]] = defaultdict(set)  # coarse reports, by week
        self.week: dict[tuple, set[int]] = defaultdict(set)  # every report, by week
        self.doc: dict[tuple, set[int]] = defaultdict(set)
        self.loose: dict[frozenset[str], set[int]] = defaultdict(set)  # meetings with a report of no known day
        self.every: dict[frozenset[str], set[int]] = defaultdict(set)

    def candidates(self, m: Mention) -> list[int]:
        pairs = [frozenset(p) for p in combinations(sorted(m.people), 2)]
        anchor = _anchor(m)
        found: set[int] = set()
        for pair in pairs:
            if anchor is None:
                found |= self.every.get(pair, set())
                continue
            week = anchor.toordinal() // 7
            weeks = range(week - self.WINDOW, week + self.WINDOW + 1)
            if _fine(m):
                day = anchor.toordinal()
                for d in range(day - WEEK.days, day + WEEK.days + 1):
                    found |= self.day.get((pair, d), set())
                for w in weeks:
                    found |= self.coarse.get((pair, w), set())
            else:
                for w in weeks:
                    found |= self.week.get((pair, w), set())
            found |= self.doc.get((pair, m.doc), set()) | self.loose.get(pair, set())
        return sorted(found)

    def register(self, number: int, mentions: Iterable[Mention], pairs: Iterable[frozenset[str]]) -> None:
        for pair in pairs:
            self.every[pair].add(number)
            for m in mentions:
                anchor = _anchor(m)
                if anchor is None:
                    self.loose[pair].add(number)
                else:
                    week = anchor.toordinal() // 7
                    self.week[(pair, week)].add(number)
                    if _fine(m):
                        self.day[(pair, anchor.toordinal())].add(number)
                    else:
                        self.coarse[(pair, week)].add(number)
                self.doc[(pair, m.doc)].add(number)


def _fine(m: Mention) -> bool:
    """Is the report dated to a day, or only by its article (so it joins only reports within a WEEK)?"""
    return m.date is None or (len(m.date) == 10 and _day(m.date) is not None)


def _merge(mentions: list[Mention]) -> list[list[Mention]]:
    """Greedy, in a fixed order (dated first, then by article date, article and offset): each mention joins the
    first open meeting that accepts it, else opens one."""
    order = sorted(mentions, key=lambda m: (m.date is None, m.doc_date or "9999", m.doc, m.start,
                                            status_rank(m.status), sorted(m.people)))
    opened: list[_Open] = []
    index = _Index()
    for mention in order:
        number = next((n for n in index.candidates(mention) if opened[n].accepts(mention)), None)
        if number is None:
            number = len(opened)
            target = _Open(mention)
            opened.append(target)
            index.register(number, [mention], _pairs(target.people))
            continue
        target = opened[number]
        before = set(target.people)
        target.add(mention)
        new_pairs = [p for p in _pairs(target.people) if not p <= before]
        if new_pairs:  # new people: the meeting's earlier reports are found through their pairs too
            index.register(number, target.mentions, new_pairs)
        index.register(number, [mention], _pairs(target.people))
    return [o.mentions for o in opened]


def _pairs(people: Iterable[str]) -> list[frozenset[str]]:
    return [frozenset(p) for p in combinations(sorted(people), 2)]


# ---------------------------------------------------------------- one meeting's record

def _meeting(mentions: list[Mention], names: dict[str, str], sides: _Sides,
             aliases: dict[str, Iterable[str]]) -> Meeting:
    people = sorted({p for m in mentions for p in m.people})
    docs = sorted({m.doc for m in mentions})
    status = min((m.status for m in mentions), key=status_rank)
    dates = [m.date for m in mentions if m.date]
    date = min(dates, key=lambda d: (-len(d), d)) if dates else None  # the most precise, then the earliest
    ranked = sorted(mentions, key=lambda m: (status_rank(m.status), m.doc_date or "9999", m.doc, m.start))
    place = next((m.place for m in ranked if m.place), None)
    medium = next((m.medium for m in ranked if m.medium), None)
    person_sides = {}
    for person in people:
        side = sides.of(person, [m.doc for m in mentions if person in m.people])
        if side is not None:
            person_sides[person] = side
    roles = _roles(mentions, aliases)
    kind = _kind(mentions, people, person_sides)
    evidence = []
    seen: set[tuple] = set()
    counts: dict[str, int] = defaultdict(int)
    for m in sorted(mentions, key=lambda m: (m.doc, m.start)):
        ev = m.facts[0].evidence
        key = (ev.doc, ev.start, ev.end)
        if key in seen:
            continue
        seen.add(key)
        counts[ev.doc] += 1
        evidence.append({"doc": ev.doc, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                         "status": m.status})
    first = evidence[0]
    # Two meetings told by one sentence differ in their people, or their kind of contact, status or date.
    first_mention = min(mentions, key=lambda m: (m.doc, m.start))
    digest = hashlib.sha256("\x1f".join([*people, date or "", first["doc"], str(first["start"]), mentions[0].type,
                                         first_mention.status, first_mention.date or "",
                                         first_mention.medium or ""]).encode()).hexdigest()
    meeting_id = f"{MEETING.lower()}:{digest[:16]}"
    return Meeting(meeting_id, mentions[0].type, people, date, place, status, medium, kind,
                   meeting_name(people, names, roles, place, date), person_sides, roles, evidence, docs,
                   dict(sorted(counts.items())))


_KINDS = {"bilateral": BILATERAL, "trilateral": TRILATERAL, "three-way": TRILATERAL, "multilateral": MULTILATERAL,
          "quadrilateral": MULTILATERAL}
_KIND_WORD = re.compile(r"\b(" + "|".join(_KINDS) + r")\b", re.IGNORECASE)


def _kind(mentions: list[Mention], people: list[str], sides: dict[str, str]) -> str | None:
    """Bilateral, trilateral or multilateral: as a sentence calls it ("a trilateral meeting"; "bilateral
    meetings" in the plural says nothing of this one), else by the number of sides when every side is known,
    else bilateral for two people; None when unknown."""
    for m in mentions:
        for word in _KIND_WORD.findall(m.facts[0].evidence.sentence):
            kind = _KINDS[word.lower()]
            if kind != BILATERAL and len(people) < 3:
                continue  # the third party is not among the people read: the word is about something else
            if not re.search(re.escape(word) + r"\s+(?:meetings|talks with)", m.facts[0].evidence.sentence, re.I):
                return kind
    if all(p in sides for p in people):
        count = len(set(sides.values()))
        return {1: None, 2: BILATERAL, 3: TRILATERAL}.get(count, MULTILATERAL)
    return BILATERAL if len(people) == 2 else None  # a person of unknown side may be anyone's colleague


def meeting_name(people: list[str], names: dict[str, str], roles: dict[str, str], place: str | None,
                 date: str | None) -> str:
    """"Ann Lund – Per Berg, Oslo, 2024-05-06": the people (hosts first), the place and the date when known.

    >>> meeting_name(["person:b", "person:a"], {"person:a": "Ann Lund", "person:b": "Per Berg"}, {}, "Oslo", None)
    'Ann Lund – Per Berg, Oslo'
    """
    shown = sorted(people, key=lambda p: (roles.get(p) != HOST, fold(names.get(p, p)), p))
    label = " – ".join(names.get(p, p) for p in shown[:NAME_PEOPLE])
    if len(shown) > NAME_PEOPLE:
        more = len(shown) - NAME_PEOPLE
        label += f" and {more} other{'s' if more > 1 else ''}"
    return ", ".join(part for part in (label, place, date) if part)


def _roles(mentions: list[Mention], aliases: dict[str, Iterable[str]]) -> dict[str, str]:
    """Host and guest when a sentence says so: "A hosted B", "B was received by A"."""
    said: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        for fact in m.facts:
            sentence = fact.evidence.sentence
            a, b = _position(sentence, fact.source, aliases), _position(sentence, fact.target, aliases)
            if a is None or b is None:
                continue
            first, second = (fact.source, fact.target) if a < b else (fact.target, fact.source)
            between = sentence[min(a, b):max(a, b)]
            if _PASSIVE_HOST.search(between):
                said[first].add(GUEST)
                said[second].add(HOST)
            elif _ACTIVE_HOST.search(between) and not re.search(r"\bby\b", between):
                said[first].add(HOST)
                said[second].add(GUEST)
    return {person: roles.pop() for person, roles in sorted(said.items()) if len(roles) == 1}


def _position(sentence: str, person: str, aliases: dict[str, Iterable[str]]) -> int | None:
    found = [sentence.find(alias) for alias in aliases.get(person, ()) if alias and alias in sentence]
    return min(found) if found else None
