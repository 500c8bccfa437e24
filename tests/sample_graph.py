"""A small hand-made graph with the full attribute schema, for exporter tests.

It does not depend on spaCy, so exporter tests run fast and independently of extraction.
"""

from __future__ import annotations

import networkx as nx

from graphbuild.models import Article, Entity, Evidence, Fact
from graphbuild.resolve.graph import build_graph_from_facts

NASTY_NAME = 'O\'Brien "the \\ `tick`" <script>alert(1)</script> 🚀 שלום'
# The articles: one with every field, one with hostile text and a url that is no web link, one bare id.
ARTICLES = [
    Article("d1", "Lee and Chan meet in Moscow", "2024-10-16", "https://news.example/d1?a=1&b=2", "Example News",
            "d1.txt", "1" * 64),
    Article("d2", '<img src=x onerror=alert(2)> "Talks" & plans', "2024-10-19", "javascript:alert(3)",
            "<b>Outlet</b>", "feed.jsonl:2", "2" * 64),
    Article("d3"),
]


def _person(slug: str, name: str, aliases=(), titles=(), docs=("d1",)) -> Entity:
    return Entity(f"person:{slug}", name, "Person", {name, *aliases}, set(titles), len(docs), set(docs))


def sample_graph() -> nx.MultiDiGraph:
    ann = _person("ann-lee", "Ann Lee", ["Lee"], ["Defense Minister"], ("d1", "d2"))
    bo = _person("bo-chan", "Bo Chan", ["Chan"], ["General"], ("d1",))
    cy = _person("cy-diaz", "Cy Diaz", [], [], ("d2",))
    nasty = _person("nasty", NASTY_NAME, ["O'Brien"], ["<b>Chief</b>"], ("d3",))
    russia = Entity("location:russia", "Russia", "Location", {"Russia", "Russian"}, set(), 2, {"d1", "d2"})
    ministry = Entity("organization:defense-ministry", "Defense Ministry", "Organization",
                      {"Defense Ministry"}, set(), 1, {"d1"})
    summit = Entity("event:brics-summit", "BRICS summit", "Event", {"BRICS summit"}, set(), 1, {"d2"})
    s1 = "Ann Lee met with Bo Chan in Moscow on Tuesday."
    s2 = "Lee and Cy Diaz will meet next week."
    s3 = 'O\'Brien said "hi" <img src=x onerror=alert(1)> and met Ann Lee.'
    s4 = "Diaz later spoke with Lee by video."
    facts = [
        Fact(ann.id, "MET", bo.id, Evidence("d1", s1, 0, len(s1)), status="occurred",
             date="2024-10-15", place="Moscow"),
        Fact(ann.id, "MET", cy.id, Evidence("d2", s2, 10, 10 + len(s2)), status="planned"),
        Fact(nasty.id, "MET", ann.id, Evidence("d3", s3, 0, len(s3)), status="occurred"),
        Fact(ann.id, "VISITED", russia.id, Evidence("d1", s1, 0, len(s1))),
        Fact(ann.id, "HOLDS_POSITION", ministry.id, Evidence("d1", s1, 0, len(s1)), title="Defense Minister"),
        Fact(cy.id, "ATTENDED", summit.id, Evidence("d2", s2, 10, 10 + len(s2))),
        # Stated Cy -> Ann; SPOKE_WITH is symmetric, so it is stored once, Ann -> Cy (the smaller id first).
        Fact(cy.id, "SPOKE_WITH", ann.id, Evidence("d2", s4, 60, 60 + len(s4)), status="occurred",
             date="2024-10-18", medium="video"),
    ]
    return build_graph_from_facts([ann, bo, cy, nasty, russia, ministry, summit], facts, documents=ARTICLES)
