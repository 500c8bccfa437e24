"""Questions asked of a built graph: who met (or was in contact with) whom, and which article says so.

The answer records are plain dataclasses so the same formatting serves answers read
from graph.json and answers read from Neo4j.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import networkx as nx

from graphbuild.schema import (
    ARTICLE,
    CONTACT_TYPES,
    MEETING,
    MET,
    OCCURRED,
    PARTICIPATED_IN,
    PERSON,
    RELATION_TYPES,
    REPORTS,
    status_rank,
)
from graphbuild.text import fold, match_score


@dataclass(frozen=True)
class Meeting:
    """One person met by the person asked about."""

    person_id: str
    name: str
    status: str
    date: str | None
    place: str | None
    count: int
    sources: list[str]
    evidence: list[dict] = field(default_factory=list)  # {doc, sentence, start, end}
    articles: list[dict] = field(default_factory=list)  # {id, title, date, url, outlet}, newest first


@dataclass(frozen=True)
class Contact(Meeting):
    """One person the person asked about was in contact with (``who-met --contacts``): a meeting or a call."""

    relation: str = MET
    medium: str | None = None  # SPOKE_WITH: phone or video


@dataclass(frozen=True)
class WhoMetAnswer:
    person_id: str
    name: str
    meetings: list[Meeting]


def find_people(G: nx.MultiDiGraph, query: str) -> list[str]:
    """Ids of the Person nodes best matching ``query`` (all ties), sorted."""
    people = ((node, data.get("name", ""), data.get("aliases", []))
              for node, data in G.nodes(data=True) if data.get("label") == PERSON)
    return best_matches(people, query)


def best_matches(people: Iterable[tuple[str, str, list[str]]], query: str) -> list[str]:
    """Ids among ``(id, name, aliases)`` best matching ``query`` (all ties), sorted.

    Shared by the graph.json and the Neo4j answers so both match people the same way.
    """
    scored = []
    for node, name, aliases in people:
        score = match_score(query, name, aliases)
        if score:
            scored.append((score, node))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    return sorted(node for score, node in scored if score == best)


def who_met(G: nx.MultiDiGraph, query: str, statuses: tuple[str, ...] = (OCCURRED,),
            contacts: bool = False) -> list[WhoMetAnswer]:
    """People each person matching ``query`` met, strongest and best-sourced first.

    With ``contacts``, every person-to-person contact (MET and SPOKE_WITH, one :class:`Contact` each).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person:a", name="Ann Lee", label="Person", aliases=["Lee"])
    >>> G.add_node("person:b", name="Bo Chan", label="Person", aliases=[])
    >>> G.add_edge("person:a", "person:b", key="MET", type="MET", status="occurred", count=1,
    ...            sources=["d1"], evidence=[{"doc": "d1", "sentence": "Lee met Bo Chan.", "start": 0, "end": 16}])
    'MET'
    >>> [m.name for m in who_met(G, "Lee")[0].meetings]
    ['Bo Chan']
    >>> G.add_edge("person:a", "person:b", key="SPOKE_WITH", type="SPOKE_WITH", status="occurred", count=1,
    ...            medium="phone", sources=["d2"], evidence=[])
    'SPOKE_WITH'
    >>> [(c.relation, c.medium) for c in who_met(G, "Bo Chan", contacts=True)[0].meetings]
    [('MET', None), ('SPOKE_WITH', 'phone')]
    """
    types = contact_types(contacts)
    answers = []
    for person in find_people(G, query):
        meetings = []
        for u, v, key, data in _edges_of(G, person, types):
            status = data.get("status") or OCCURRED
            if status not in statuses:
                continue
            other = v if u == person else u
            meetings.append(
                make_meeting(
                    contacts,
                    relation=key,
                    medium=data.get("medium"),
                    person_id=other,
                    name=G.nodes[other].get("name", other),
                    status=status,
                    date=data.get("date"),
                    place=data.get("place"),
                    count=data.get("count", len(data.get("evidence", []))),
                    sources=list(data.get("sources", [])),
                    evidence=[dict(e) for e in data.get("evidence", [])],
                    articles=graph_articles(G, data.get("sources", [])),
                )
            )
        answers.append(WhoMetAnswer(person, G.nodes[person].get("name", person), sort_meetings(meetings)))
    return answers


ARTICLE_KEYS = ("id", "title", "date", "url", "outlet")  # what who-met shows of an article


def graph_articles(G: nx.MultiDiGraph, docs: Iterable[str]) -> list[dict]:
    """The Article nodes of ``docs`` as who-met shows them, newest first (see :func:`sort_articles`)."""
    return sort_articles({key: G.nodes[doc].get(key) for key in ARTICLE_KEYS}
                         for doc in docs if doc in G and G.nodes[doc].get("label") == ARTICLE)


def sort_articles(articles: Iterable[dict]) -> list[dict]:
    """Newest first, articles without a date last; then by id.

    >>> [a["id"] for a in sort_articles([{"id": "b", "date": None}, {"id": "a", "date": "2024-01-02"},
    ...                                  {"id": "c", "date": "2024-03-01"}])]
    ['c', 'a', 'b']
    """
    return sorted(sorted(articles, key=lambda a: a["id"]), key=lambda a: a.get("date") or "", reverse=True)


def contact_types(contacts: bool) -> tuple[str, ...]:
    """The relation types who-met lists: MET, or with ``contacts`` every person-to-person type."""
    return CONTACT_TYPES if contacts else (MET,)


def make_meeting(contacts: bool, relation: str, medium: str | None, **fields) -> Meeting:
    """A :class:`Contact` for ``--contacts``, else a :class:`Meeting` (whose JSON has no relation or medium)."""
    return Contact(**fields, relation=relation, medium=medium) if contacts else Meeting(**fields)


def _edges_of(G: nx.MultiDiGraph, person: str, types: tuple[str, ...]):
    yield from (e for e in G.out_edges(person, keys=True, data=True) if e[2] in types)
    yield from (e for e in G.in_edges(person, keys=True, data=True) if e[2] in types)


def sort_meetings(meetings: list[Meeting]) -> list[Meeting]:
    """Strongest claim first, then best sourced, then by name; a pair's contacts in schema order."""
    return sorted(meetings, key=lambda m: (status_rank(m.status), -m.count, m.name, m.person_id,
                                           _type_rank(getattr(m, "relation", MET))))


def _type_rank(relation: str) -> int:
    return RELATION_TYPES.index(relation) if relation in RELATION_TYPES else len(RELATION_TYPES)


def format_answers(answers: list[WhoMetAnswer], query: str, contacts: bool = False) -> str:
    """Human-readable answer, identical whichever store it was read from."""
    if not answers:
        return f"No person matching {query!r} in the graph.\n"
    lines = []
    for answer in answers:
        if contacts or any(isinstance(m, Contact) for m in answer.meetings):
            count = len({m.person_id for m in answer.meetings})
            lines.append(f"{answer.name} ({answer.person_id}) was in contact with {count} "
                         f"{'person' if count == 1 else 'people'}:")
        else:
            people = "person" if len(answer.meetings) == 1 else "people"
            lines.append(f"{answer.name} ({answer.person_id}) met {len(answer.meetings)} {people}:")
        for meeting in answer.meetings:
            extra = ", ".join(
                part
                for part in (
                    _relation(meeting),
                    meeting.status,
                    f"on {meeting.date}" if meeting.date else "",
                    f"in {meeting.place}" if meeting.place else "",
                    _plural(meeting.count, "sentence") + " in " + _plural(len(meeting.sources), "article"),
                )
                if part
            )
            lines.append(f"  - {meeting.name} [{extra}]")
            for article in meeting.articles:
                about = ", ".join(str(article[k]) for k in ("title", "date", "outlet", "url") if article.get(k))
                if about:
                    lines.append(f"      article {article['id']}: {about}")
            for ev in meeting.evidence:
                said = f" ({ev['status']})" if ev.get("status", meeting.status) != meeting.status else ""
                lines.append(f"      {ev['doc']} [{ev['start']}:{ev['end']}]{said}: {ev['sentence']}")
    return "\n".join(lines) + "\n"


def _relation(meeting: Meeting) -> str:
    """``SPOKE_WITH by phone`` or ``MET`` for a contact; nothing for a plain meeting."""
    if not isinstance(meeting, Contact):
        return ""
    return f"{meeting.relation} by {meeting.medium}" if meeting.medium else meeting.relation


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# ---------------------------------------------------------------- one line per meeting (who-met's default)

IN_PERSON = "in person"


@dataclass(frozen=True)
class MeetingLine:
    """One meeting the person asked about took part in: when, where, who else, how many articles report it."""

    id: str
    name: str
    date: str | None
    place: str | None
    status: str
    medium: str | None
    kind: str | None
    others: list[str]  # the other participants' names, sorted
    other_ids: list[str]
    reports: int  # articles that report it
    first_source: str | None  # the earliest article (by its date, then id)
    first_article: dict | None  # {id, title, date, url, outlet} of it


@dataclass(frozen=True)
class MeetingsAnswer:
    person_id: str
    name: str
    meetings: list[MeetingLine]


def meeting_line(props: dict, others: Iterable[tuple[str, str]], articles: Iterable[dict]) -> MeetingLine:
    """A :class:`MeetingLine` from a Meeting's properties, its other people ``(id, name)`` and its articles
    (``ARTICLE_KEYS`` maps): shared by the graph.json and the Neo4j answers."""
    people = sorted(set(others), key=lambda p: (fold(p[1]), p[0]))
    dated = sorted(articles, key=lambda a: (a.get("date") is None, a.get("date") or "", a["id"]))
    first = dated[0] if dated else None
    return MeetingLine(props["id"], props.get("name") or props["id"], props.get("date"), props.get("place"),
                       props.get("status") or OCCURRED, props.get("medium"), props.get("kind"),
                       [name for _, name in people], [pid for pid, _ in people],
                       int(props.get("reports") or len(dated)), first["id"] if first else None,
                       {k: first.get(k) for k in ARTICLE_KEYS} if first else None)


def keep_meeting(line: MeetingLine, statuses: tuple[str, ...], contacts: bool) -> bool:
    """In-person meetings of the statuses asked for; calls too with ``contacts``."""
    return line.status in statuses and (contacts or line.medium in (IN_PERSON, None))


def sort_meeting_lines(lines: Iterable[MeetingLine]) -> list[MeetingLine]:
    """By date; an undated meeting at the date of its first report (else last), then by id."""
    def when(m: MeetingLine) -> str:
        return m.date or (m.first_article or {}).get("date") or "\uffff"

    return sorted(lines, key=lambda m: (when(m), m.date is None, m.id))


def person_meetings(G: nx.MultiDiGraph, query: str, statuses: tuple[str, ...] = (OCCURRED,),
                    contacts: bool = False) -> list[MeetingsAnswer]:
    """The meetings of each person matching ``query``, one :class:`MeetingLine` each, by date."""
    answers = []
    for person in find_people(G, query):
        lines = []
        for _, meeting, key in G.out_edges(person, keys=True):
            if key != PARTICIPATED_IN or G.nodes[meeting].get("label") != MEETING:
                continue
            others = [(u, G.nodes[u].get("name", u)) for u, _, k in G.in_edges(meeting, keys=True)
                      if k == PARTICIPATED_IN and u != person]
            articles = [{k: G.nodes[u].get(k) for k in ARTICLE_KEYS} | {"id": u}
                        for u, _, k in G.in_edges(meeting, keys=True) if k == REPORTS]
            line = meeting_line(G.nodes[meeting], others, articles)
            if keep_meeting(line, statuses, contacts):
                lines.append(line)
        answers.append(MeetingsAnswer(person, G.nodes[person].get("name", person), sort_meeting_lines(lines)))
    return answers


def format_meeting_answers(answers: list[MeetingsAnswer], query: str) -> str:
    """One line per meeting: date, place, the other participants, the number of reports, the first source.

    >>> line = MeetingLine("meeting:1", "A – B", "2024-05-06", "Oslo", "planned", "in person", "bilateral",
    ...                    ["Bo Ruiz"], ["person:bo"], 2, "d1", {"id": "d1", "outlet": "Ledger"})
    >>> print(format_meeting_answers([MeetingsAnswer("person:a", "Ann Vale", [line])], "Vale"), end="")
    Ann Vale (person:a) took part in 1 meeting:
      2024-05-06, Oslo (planned): with Bo Ruiz; 2 reports; first: d1 (Ledger)
    """
    if not answers:
        return f"No person matching {query!r} in the graph.\n"
    lines = []
    for answer in answers:
        lines.append(f"{answer.name} ({answer.person_id}) took part in {_plural(len(answer.meetings), 'meeting')}:")
        for m in answer.meetings:
            when = ", ".join(part for part in (m.date or "undated", m.place) if part)
            notes = [note for note in (m.status if m.status != OCCURRED else "",
                                       m.medium if m.medium not in (IN_PERSON, None) else "") if note]
            if notes:
                when += f" ({', '.join(notes)})"
            first = ""
            if m.first_source:
                outlet = (m.first_article or {}).get("outlet")
                first = f"; first: {m.first_source}" + (f" ({outlet})" if outlet else "")
            others = ", ".join(m.others) or "nobody else named"
            lines.append(f"  {when}: with {others}; {_plural(m.reports, 'report')}{first}")
    return "\n".join(lines) + "\n"


def answers_to_json(answers: list[WhoMetAnswer] | list[MeetingsAnswer]) -> str:
    return json.dumps([asdict(a) for a in answers], sort_keys=True, ensure_ascii=False, indent=1) + "\n"
