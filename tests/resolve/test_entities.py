"""Entity resolution on hand-made extraction records (no spaCy needed)."""

from __future__ import annotations

from graphbuild.models import DocExtraction, Mention, Relation, Sentence, TitleClaim
from graphbuild.resolve.entities import Resolver, unique_full_name
from graphbuild.resolve.graph import build_graph_from_facts


def _doc(doc_id: str, mentions: list[tuple[str, str]], relations=(), titles=()) -> DocExtraction:
    sentence = Sentence("A sentence.", 0, 11)
    return DocExtraction(
        doc_id=doc_id,
        date=None,
        sentences=[sentence],
        mentions=[Mention(text, label, 0, len(text), 0) for text, label in mentions],
        relations=[Relation(*r) for r in relations],
        titles=[TitleClaim(*t) for t in titles],
    )


def _resolve(*docs: DocExtraction):
    corpus = Resolver().run(docs)
    return {e.id: e for e in corpus.entities}, corpus.facts


def test_short_name_resolves_to_full_name_in_same_document() -> None:
    entities, facts = _resolve(_doc("d1", [("Andrei Belousov", "Person"), ("Belousov", "Person"),
                                           ("Zhang Wei", "Person")], [("MET", 1, 2, 0, "occurred")]))
    assert "person:belousov" not in entities
    assert entities["person:andrei-belousov"].aliases == {"Andrei Belousov", "Belousov"}
    assert entities["person:andrei-belousov"].mentions == 2
    assert [(f.source, f.target) for f in facts] == [("person:andrei-belousov", "person:zhang-wei")]


def test_family_name_first_short_form() -> None:
    assert unique_full_name("Xi", ["Xi Jinping", "Li Shangfu"]) == "Xi Jinping"
    assert unique_full_name("Li", ["Xi Jinping", "Li Shangfu"]) == "Li Shangfu"


def test_people_sharing_a_first_name_are_never_merged() -> None:
    entities, _ = _resolve(
        _doc("d1", [("Andrei Belousov", "Person")]),
        _doc("d2", [("Andrei Bozhovsky", "Person"), ("Bozhovsky", "Person")]),
        _doc("d3", [("Andrei", "Person")]),  # which Andrei? it stays on its own
    )
    people = sorted(e for e in entities if e.startswith("person:"))
    assert people == ["person:andrei", "person:andrei-belousov", "person:andrei-bozhovsky"]


def test_lone_short_name_merges_across_documents_only_when_unambiguous() -> None:
    entities, _ = _resolve(_doc("d1", [("Vladimir Putin", "Person")]), _doc("d2", [("Putin", "Person")]))
    assert entities["person:vladimir-putin"].sources == {"d1", "d2"}
    entities, _ = _resolve(
        _doc("d1", [("Anna Smith", "Person")]),
        _doc("d2", [("John Smith", "Person")]),
        _doc("d3", [("Smith", "Person")]),
    )
    assert "person:smith" in entities


def test_label_is_decided_by_vote() -> None:
    entities, _ = _resolve(
        _doc("d1", [("Kazan", "Location")]), _doc("d2", [("Kazan", "Location")]), _doc("d3", [("Kazan", "Person")])
    )
    assert list(entities) == ["location:kazan"]
    assert entities["location:kazan"].mentions == 3


def test_relation_with_wrong_labels_after_vote_is_dropped() -> None:
    # "Kazan" was tagged as a person in the sentence, but it is a place everywhere else.
    entities, facts = _resolve(
        _doc("d1", [("Kazan", "Location")]),
        _doc("d2", [("Kazan", "Location")]),
        _doc("d3", [("Boris Petrov", "Person"), ("Kazan", "Person")], [("MET", 0, 1, 0, "occurred")]),
    )
    assert facts == []


def test_titles_collected_on_person() -> None:
    entities, _ = _resolve(_doc("d1", [("Li Shangfu", "Person")], titles=[(0, "General")]))
    assert entities["person:li-shangfu"].titles == {"General"}


def test_met_stored_once_per_pair_with_merged_evidence() -> None:
    d1 = _doc("d1", [("Ann Lee", "Person"), ("Bo Chan", "Person")], [("MET", 0, 1, 0, "occurred")])
    d2 = _doc("d2", [("Bo Chan", "Person"), ("Ann Lee", "Person")], [("MET", 0, 1, 0, "planned")])
    corpus = Resolver().run([d1, d2])
    G = build_graph_from_facts(corpus.entities, corpus.facts, corpus.documents)
    # facts, not article links or meeting participation
    edges = [e for e in G.edges(keys=True, data=True) if e[2] not in ("MENTIONS", "PARTICIPATED_IN", "REPORTS")]
    assert len(edges) == 1
    u, v, key, data = edges[0]
    assert (u, v, key) == ("person:ann-lee", "person:bo-chan", "MET")
    assert data["count"] == 2 and data["sources"] == ["d1", "d2"] and data["status"] == "occurred"
    # Neither article is dated: nothing says the plan and the meeting are one, so the pair lists two meetings.
    assert len(data["meetings"]) == 2 and "meeting_dates" not in data


def test_name_variants_of_one_person_become_one_node():
    from graphbuild.resolve.entities import Resolver

    docs = [
        _doc("d1", [("Robert T. Hale", "Person"), ("Ann Lee", "Person")], [("MET", 0, 1, 0, "occurred")]),
        _doc("d2", [("Bob Hale", "Person"), ("Ann K. Lee", "Person")], [("MET", 0, 1, 0, "occurred")]),
        _doc("d3", [("Sato Kenji", "Person"), ("Kenji Sato", "Person"), ("Donald Tusk", "Person"),
                    ("Donald Trump", "Person")], []),
    ]
    corpus = Resolver().run(docs)
    names = sorted(e.name for e in corpus.entities)
    assert names.count("Robert T. Hale") + names.count("Bob Hale") == 1
    assert names.count("Ann Lee") + names.count("Ann K. Lee") == 1
    assert names.count("Sato Kenji") + names.count("Kenji Sato") == 1
    assert "Donald Tusk" in names and "Donald Trump" in names


def test_people_named_by_nlp_repairs():
    from extraction_helpers import extract

    result = extract("Secretary of State Antony J. Blinken met President Andry Nirina Rajoelina of Madagascar "
                     "and His Royal Highness Prince Faisal.")
    people = {m.text for m in result.mentions if m.label == "Person"}
    assert {"Antony J. Blinken", "Andry Nirina Rajoelina"} <= people


def test_a_title_in_several_cases_is_one_title():
    from graphbuild.models import Entity
    from graphbuild.resolve.graph import build_graph_from_facts

    person = Entity("person:tavi-marrowfield", "Tavi Marrowfield", "Person", {"Tavi Marrowfield"},
                    {"Foreign Minister", "foreign minister", "FOREIGN MINISTER", "Envoy"}, 3, {"d1"})
    G = build_graph_from_facts([person], [])
    assert G.nodes["person:tavi-marrowfield"]["titles"] == ["Envoy", "Foreign Minister"]
def test_invisible_characters_and_sharp_s_do_not_split_a_person() -> None:
    """A zero-width or bidi character inside a name, and "ß" for "ss", are the same person (issue 23)."""
    entities, _ = _resolve(
        _doc("d1", [("Peter Novak", "Person"), ("Anna Weiß", "Person")], [("MET", 0, 1, 0, "occurred")]),
        _doc("d2", [("Peter No\u200bvak", "Person"), ("\u2066Anna Weiss\u2069", "Person")],
             [("MET", 0, 1, 0, "occurred")]),
    )
    assert sorted(entities) == ["person:anna-weiss", "person:peter-novak"]
    assert entities["person:peter-novak"].sources == {"d1", "d2"}
