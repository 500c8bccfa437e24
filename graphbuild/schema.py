"""The graph's schema: every node label and relation type, declared once.

Extraction, resolution, the graph merge, every exporter, the HTML page, the evaluation and the
tests read this module; nothing else names a relation type except its rules file in
:mod:`graphbuild.extract.rules`. Adding a relation type means one :class:`RelationSpec` here and one
rules module.

>>> RELATIONS["MET"].symmetric, RELATIONS["VISITED"].symmetric
(True, False)
>>> RELATIONS["SPOKE_WITH"].allows("Person", "Person")
True
>>> RELATIONS["MET"].allows("Person", "Location")
False
"""

from __future__ import annotations

from dataclasses import dataclass

# --- node labels ------------------------------------------------------------------------------
PERSON = "Person"
ORGANIZATION = "Organization"
LOCATION = "Location"
EVENT = "Event"
NODE_LABELS = (PERSON, ORGANIZATION, LOCATION, EVENT)  # what mentions name: the entities
# An input document as a node: every evidence item's ``doc`` is the id of one (see graphbuild.resolve.graph).
ARTICLE = "Article"
# One meeting or call (see graphbuild.resolve.meetings): its people PARTICIPATED_IN it, its articles REPORTS it.
MEETING = "Meeting"
# Properties of an Article node, in this order; and the ones that are indexed in Neo4j besides the id.
INDEXED_PROPERTIES = {ARTICLE: ("date",), MEETING: ("date",)}
# Properties of a Meeting node, in this order (the known ones; ``evidence`` is a list like an edge's).
MEETING_PROPERTIES = ("id", "name", "date", "place", "status", "medium", "kind", "reports", "count", "sources",
                      "evidence")

# --- statuses of a contact: did it happen? ----------------------------------------------------
OCCURRED = "occurred"
PLANNED = "planned"
NEGATED = "negated"
STATUSES = (OCCURRED, PLANNED, NEGATED)  # strongest claim first: the order merges use

# What a rule's object slot must resolve to.
OBJECT_PERSON = "person"
OBJECT_PLACE = "place"
OBJECT_EVENT = "event"
OBJECT_ORGANIZATION = "organisation"


@dataclass(frozen=True)
class RelationSpec:
    """One relation type of the graph.

    ``symmetric`` relations are stored once per pair (smaller node id first) and read undirected.
    A relation ``with_status`` carries occurred/planned/negated, on the edge and on each evidence
    item; one without it is recorded only when it happened. ``properties`` are the optional
    attributes its facts carry (merged onto the edge: the strongest claim's value first).
    """

    name: str
    subject_labels: frozenset[str]
    object_labels: frozenset[str]
    object_kind: str
    symmetric: bool = False
    with_status: bool = False
    properties: tuple[str, ...] = ()
    colour: str = "#7f7f7f"
    legend: str = ""

    def allows(self, subject_label: str, object_label: str) -> bool:
        return subject_label in self.subject_labels and object_label in self.object_labels


def _spec(name: str, subjects: set[str], objects: set[str], kind: str, **options) -> RelationSpec:
    return RelationSpec(name, frozenset(subjects), frozenset(objects), kind, **options)


MET = "MET"
SPOKE_WITH = "SPOKE_WITH"
VISITED = "VISITED"
ATTENDED = "ATTENDED"
HOLDS_POSITION = "HOLDS_POSITION"

# In this order everywhere: legends, filters, evaluation tables.
RELATION_SPECS: tuple[RelationSpec, ...] = (
    _spec(MET, {PERSON}, {PERSON}, OBJECT_PERSON, symmetric=True, with_status=True,
          properties=("date", "place"), colour="#d62728", legend="met in person"),
    _spec(VISITED, {PERSON}, {LOCATION, ORGANIZATION}, OBJECT_PLACE, properties=("date",),
          colour="#2ca02c", legend="visited a place"),
    _spec(ATTENDED, {PERSON}, {EVENT, ORGANIZATION}, OBJECT_EVENT, properties=("date",),
          colour="#9467bd", legend="attended an event"),
    _spec(HOLDS_POSITION, {PERSON}, {ORGANIZATION, LOCATION}, OBJECT_ORGANIZATION, properties=("title",),
          colour="#ff7f0e", legend="holds a post"),
    _spec(SPOKE_WITH, {PERSON}, {PERSON}, OBJECT_PERSON, symmetric=True, with_status=True,
          properties=("date", "medium"), colour="#17becf", legend="spoke by phone or video"),
)
RELATIONS: dict[str, RelationSpec] = {spec.name: spec for spec in RELATION_SPECS}
RELATION_TYPES: tuple[str, ...] = tuple(RELATIONS)
SYMMETRIC_TYPES = frozenset(spec.name for spec in RELATION_SPECS if spec.symmetric)
STATUS_TYPES = frozenset(spec.name for spec in RELATION_SPECS if spec.with_status)
# Person-to-person contacts: what `who-met --contacts` lists.
CONTACT_TYPES = tuple(spec.name for spec in RELATION_SPECS if spec.object_kind == OBJECT_PERSON)

# Article -> entity, with ``count``, the number of the entity's mentions in the article. Declared like a
# relation, but it is no extracted fact: it is kept out of RELATION_SPECS (rules, evaluation, who-met,
# filters of facts), and nothing scores it.
MENTIONS = "MENTIONS"
MENTIONS_SPEC = _spec(MENTIONS, {ARTICLE}, set(NODE_LABELS), "entity", properties=("count",),
                      colour="#bab0ac", legend="article mentions")
# Person -> Meeting, with the person's ``side`` (the country or organisation they represent) and ``role``
# (host / guest) when known; Article -> Meeting, with ``count``, the article's sentences that tell it. Like
# MENTIONS, they are derived, not extracted: no rule, score or relation filter treats them as facts.
PARTICIPATED_IN = "PARTICIPATED_IN"
REPORTS = "REPORTS"
PARTICIPATED_IN_SPEC = _spec(PARTICIPATED_IN, {PERSON}, {MEETING}, "meeting", properties=("side", "role"),
                             colour="#8c564b", legend="took part in a meeting")
REPORTS_SPEC = _spec(REPORTS, {ARTICLE}, {MEETING}, "meeting", properties=("count",),
                     colour="#c49c94", legend="article reports a meeting")
MEETING_EDGE_SPECS = (PARTICIPATED_IN_SPEC, REPORTS_SPEC)
# every edge type of the graph
EDGE_SPECS: tuple[RelationSpec, ...] = (*RELATION_SPECS, MENTIONS_SPEC, *MEETING_EDGE_SPECS)

# Every optional attribute a fact may carry, in the order the graph writes them.
FACT_PROPERTIES = ("date", "place", "medium", "title")


def status_rank(status: str | None) -> int:
    """Sort key for statuses, strongest claim first: occurred < planned < negated (none reads as occurred).

    >>> sorted(["negated", None, "planned"], key=status_rank)
    [None, 'planned', 'negated']
    """
    return STATUSES.index(status or OCCURRED) if (status or OCCURRED) in STATUSES else len(STATUSES)


def spec_of(name: str) -> RelationSpec | None:
    """The spec of a relation type, or None for a type this build does not know (skipped, not a crash)."""
    return RELATIONS.get(name)


def edge_spec(name: str) -> RelationSpec | None:
    """The spec of any edge type of the graph: a relation, MENTIONS, PARTICIPATED_IN or REPORTS."""
    return RELATIONS.get(name) or next((spec for spec in EDGE_SPECS if spec.name == name), None)
