"""Meetings (issue 19): one node per meeting or call, every report of it, and the pair edges derived from them.

The "Done when" build runs spaCy over six made-up articles; the merge rules are then checked on hand-made
facts, without spaCy. Every person here is made up.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.dates import normalize_date
from graphbuild.exporters.json_graph import read_json
from graphbuild.models import Article, Entity, Evidence, Fact
from graphbuild.resolve import meetings as meetings_module
from graphbuild.resolve.graph import build_graph_from_facts
from graphbuild.resolve.meetings import find_meetings
from graphbuild.schema import MEETING, MET, PARTICIPATED_IN, REPORTS

SIX = [
    # The same meeting told by two outlets on consecutive days (the second without a date).
    {"id": "ledger-oslo", "date": "2024-05-10", "outlet": "Daily Ledger", "title": "Ministers meet in Oslo",
     "text": "Norwegian Foreign Minister Marta Lindqvist met with Chilean Foreign Minister Tomas Berger in Oslo "
             "on Monday.\nThe two ministers discussed fisheries and trade."},
    {"id": "courier-oslo", "date": "2024-05-11", "outlet": "Evening Courier", "title": "Fisheries talks",
     "text": "Marta Lindqvist held talks with Tomas Berger in Oslo, the ministry said.\nThe talks covered fisheries."},
    # The same pair months later, elsewhere.
    {"id": "ledger-santiago", "date": "2024-09-20", "outlet": "Daily Ledger", "title": "Lindqvist in Chile",
     "text": "Foreign Minister Marta Lindqvist met Foreign Minister Tomas Berger in Santiago on Wednesday.\n"
             "They signed a fisheries accord."},
    # A planned meeting.
    {"id": "gazette-plan", "date": "2024-10-01", "outlet": "Harbour Gazette", "title": "Talks planned",
     "text": "Norwegian Prime Minister Erik Solvang will meet Danish Prime Minister Karen Holm in Copenhagen next "
             "Tuesday.\nThe agenda includes energy."},
    # A delegation of three from one country.
    {"id": "ledger-tallinn", "date": "2024-06-14", "outlet": "Daily Ledger", "title": "Defence talks in Tallinn",
     "text": "Canadian Defence Minister Paul Ashford met Foreign Minister Liis Kask, Defence Minister Rein Tamm and "
             "Interior Minister Kadri Saar of Estonia in Tallinn yesterday.\nThey discussed air defence."},
    # A trilateral.
    {"id": "courier-geneva", "date": "2024-07-05", "outlet": "Evening Courier", "title": "Three leaders meet",
     "text": "Argentine President Luis Ferrante, Nigerian President Ana Okafor and Belgian Prime Minister Hugo Lange "
             "held a trilateral meeting in Geneva on March 3.\nThe three leaders discussed trade."},
]


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("six")
    (folder / "six.jsonl").write_text("".join(json.dumps(a) + "\n" for a in SIX), encoding="utf-8")
    out = folder / "out"
    assert main(["build", str(folder / "six.jsonl"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    return out


def _meetings(G) -> dict[frozenset[str], list[dict]]:
    """People -> the meetings they all attended (each with its people and reporting articles)."""
    found: dict[frozenset[str], list[dict]] = {}
    for node, data in G.nodes(data=True):
        if data.get("label") != MEETING:
            continue
        people = frozenset(u.split(":", 1)[1] for u, _, k in G.in_edges(node, keys=True) if k == PARTICIPATED_IN)
        reports = sorted(u for u, _, k in G.in_edges(node, keys=True) if k == REPORTS)
        found.setdefault(people, []).append({**data, "reports_from": reports})
    for meetings in found.values():
        meetings.sort(key=lambda m: m.get("date") or "")
    return found


def test_six_articles_give_exactly_the_expected_meetings(six: Path) -> None:
    G = read_json(six / "graph.json")
    meetings = _meetings(G)
    pair = frozenset({"marta-lindqvist", "tomas-berger"})
    delegation = frozenset({"paul-ashford", "liis-kask", "rein-tamm", "kadri-saar"})
    trio = frozenset({"luis-ferrante", "ana-okafor", "hugo-lange"})
    plan = frozenset({"erik-solvang", "karen-holm"})
    assert set(meetings) == {pair, delegation, trio, plan}
    assert sum(len(m) for m in meetings.values()) == 5

    # Told twice on consecutive days: one meeting, both sources, "on Monday" in a Friday article -> that Monday.
    oslo, santiago = meetings[pair]
    assert (oslo["date"], oslo["place"], oslo["status"], oslo["reports"]) == ("2024-05-06", "Oslo", "occurred", 2)
    assert oslo["reports_from"] == ["courier-oslo", "ledger-oslo"] and oslo["medium"] == "in person"
    assert oslo["name"] == "Marta Lindqvist – Tomas Berger, Oslo, 2024-05-06"
    # Months later, elsewhere: a second meeting ("on Wednesday" in a Friday article).
    assert (santiago["date"], santiago["place"], santiago["reports"]) == ("2024-09-18", "Santiago", 1)
    # The pair edge lists both meetings, each with its own date and place, and takes one meeting's date and place.
    met = G.edges["person:marta-lindqvist", "person:tomas-berger", MET]
    assert met["meetings"] == [oslo["id"], santiago["id"]]
    assert (met["meeting_dates"], met["meeting_places"]) == (["2024-05-06", "2024-09-18"], ["Oslo", "Santiago"])
    assert (met["date"], met["place"]) == ("2024-05-06", "Oslo")
    assert {ev["meeting"] for ev in met["evidence"]} == {oslo["id"], santiago["id"]}

    # Planned: "next Tuesday" after Tuesday 2024-10-01.
    [planned] = meetings[plan]
    assert (planned["status"], planned["date"], planned["place"]) == ("planned", "2024-10-08", "Copenhagen")

    # The delegation: one meeting of four, the three Estonians on one side, no MET among them.
    [tallinn] = meetings[delegation]
    assert (tallinn["date"], tallinn["kind"]) == ("2024-06-13", "bilateral")  # "yesterday"
    sides = {u: d.get("side") for u, _, k, d in G.in_edges(tallinn["id"], keys=True, data=True)
             if k == PARTICIPATED_IN}
    assert sides == {"person:paul-ashford": "Canada", "person:liis-kask": "Estonia", "person:rein-tamm": "Estonia",
                     "person:kadri-saar": "Estonia"}
    estonians = ["person:kadri-saar", "person:liis-kask", "person:rein-tamm"]
    assert not any(G.has_edge(a, b, MET) for a in estonians for b in estonians)
    assert all(G.has_edge(*sorted(("person:paul-ashford", e)), MET) for e in estonians)

    # The trilateral: one meeting of three, every pair MET; "on March 3" takes the article's year.
    [geneva] = meetings[trio]
    assert (geneva["kind"], geneva["date"], geneva["place"]) == ("trilateral", "2024-03-03", "Geneva")
    people = sorted(f"person:{p}" for p in trio)
    assert all(G.has_edge(a, b, MET) for i, a in enumerate(people) for b in people[i + 1:])


def test_who_met_lists_meetings_one_line_each(six: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["who-met", "Lindqvist", "--graph", str(six / "graph.json")]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert lines == [
        "  2024-05-06, Oslo: with Tomas Berger; 2 reports; first: ledger-oslo (Daily Ledger)",
        "  2024-09-18, Santiago: with Tomas Berger; 1 report; first: ledger-santiago (Daily Ledger)",
    ]
    assert main(["who-met", "Lindqvist", "--graph", str(six / "graph.json"), "--json"]) == 0
    [answer] = json.loads(capsys.readouterr().out)
    assert [(m["date"], m["place"], m["reports"], m["others"], m["first_source"]) for m in answer["meetings"]] == [
        ("2024-05-06", "Oslo", 2, ["Tomas Berger"], "ledger-oslo"),
        ("2024-09-18", "Santiago", 1, ["Tomas Berger"], "ledger-santiago")]


# ---------------------------------------------------------------- the merge rules, on hand-made facts

NAMES = {"person:ann": "Ann Vale", "person:bo": "Bo Ruiz", "person:cy": "Cy Moss", "person:di": "Di Park"}


def _fact(a: str, b: str, doc: str, start: int, sentence: str = "A met B.", **kwargs) -> Fact:
    return Fact(f"person:{a}", kwargs.pop("type", MET), f"person:{b}",
                Evidence(doc, sentence, start, start + len(sentence)), **kwargs)


def _find(facts: list[Fact], dates: dict[str, str | None]):
    return find_meetings(facts, dates, NAMES, aliases={k: [v] for k, v in NAMES.items()}).meetings


def test_planned_then_held_is_one_meeting_with_status_occurred() -> None:
    facts = [_fact("ann", "bo", "d1", 0, status="planned", date="2024-05-14"),
             _fact("ann", "bo", "d2", 0, status="occurred", date="2024-05-14")]
    [meeting] = _find(facts, {"d1": "2024-05-10", "d2": "2024-05-15"})
    assert (meeting.status, meeting.sources, [e["status"] for e in meeting.evidence]) == (
        "occurred", ["d1", "d2"], ["planned", "occurred"])


def test_different_days_places_and_negations_stay_apart() -> None:
    dates = {"d1": "2024-05-10", "d2": "2024-05-10", "d3": "2024-05-10", "d4": "2024-05-10"}
    facts = [_fact("ann", "bo", "d1", 0, date="2024-05-06", place="Oslo"),
             _fact("ann", "bo", "d2", 0, date="2024-05-07", place="Oslo"),  # another day
             _fact("ann", "bo", "d3", 0, place="Bergen"),  # undated, in the week, but elsewhere
             _fact("ann", "bo", "d4", 0, status="negated")]  # "did not meet"
    assert len(_find(facts, dates)) == 4


def test_undated_report_joins_only_within_its_articles_week() -> None:
    facts = [_fact("ann", "bo", "d1", 0, date="2024-05-06"), _fact("ann", "bo", "d2", 0),
             _fact("ann", "bo", "d3", 0)]
    found = _find(facts, {"d1": "2024-05-10", "d2": "2024-05-12", "d3": "2024-07-01"})
    assert sorted(m.sources for m in found) == [["d1", "d2"], ["d3"]]


def test_the_index_finds_every_meeting_a_report_may_join(monkeypatch: pytest.MonkeyPatch) -> None:
    # The index looks day by day for reports of no date or of a day (they join within a week), week by week
    # for a month or a year: the meetings found are those a check of every open meeting finds.
    rng = random.Random(5)
    people = ["ann", "bo", "cy", "di"]
    docs = {f"d{i}": f"2024-{rng.randint(4, 7):02d}-{rng.randint(1, 28):02d}" for i in range(60)}
    facts = []
    for n in range(300):
        a, b = rng.sample(people, 2)
        doc = rng.choice(sorted(docs))
        date = rng.choice([None, None, docs[doc][:7], docs[doc][:8] + f"{rng.randint(1, 28):02d}", "2024"])
        facts.append(_fact(a, b, doc, n * 10, status=rng.choice(["occurred", "planned"]), date=date))
    indexed = [(m.id, m.sources) for m in _find(facts, docs)]
    monkeypatch.setattr(meetings_module._Index, "candidates", lambda self, m: sorted(set().union(*self.every.values())))
    assert [(m.id, m.sources) for m in _find(facts, docs)] == indexed
    assert len(indexed) < len(facts) / 3  # reports did merge: the test is not vacuous


def test_a_subset_of_the_people_is_the_same_meeting() -> None:
    sentence = "Ann Vale, Bo Ruiz and Cy Moss held a trilateral meeting."
    facts = [_fact("ann", "bo", "d1", 0, sentence, date="2024-05-06"),
             _fact("ann", "cy", "d1", 0, sentence, date="2024-05-06"),
             _fact("bo", "cy", "d1", 0, sentence, date="2024-05-06"),
             _fact("ann", "bo", "d2", 0, date="2024-05-06")]
    [meeting] = _find(facts, {"d1": "2024-05-10", "d2": "2024-05-11"})
    assert meeting.people == ["person:ann", "person:bo", "person:cy"] and meeting.kind == "trilateral"
    # Three people whose sides are unknown, and no word for it: the kind is unknown.
    plain = "Ann Vale, Bo Ruiz and Cy Moss met."
    [meeting] = _find([_fact(a, b, "d1", 0, plain) for a, b in (("ann", "bo"), ("ann", "cy"), ("bo", "cy"))],
                      {"d1": "2024-05-10"})
    assert meeting.kind is None


def test_separate_meetings_in_one_sentence_are_two() -> None:
    sentence = "Ann Vale met Bo Ruiz and Cy Moss separately."
    facts = [_fact("ann", "bo", "d1", 0, sentence), _fact("ann", "cy", "d1", 0, sentence)]
    found = _find(facts, {"d1": "2024-05-10"})
    assert sorted(m.people for m in found) == [["person:ann", "person:bo"], ["person:ann", "person:cy"]]


def test_calls_and_meetings_are_different_meetings_and_the_host_is_read() -> None:
    facts = [_fact("ann", "bo", "d1", 0, "Ann Vale hosted Bo Ruiz in Oslo.", date="2024-05-06"),
             _fact("bo", "ann", "d1", 50, "Bo Ruiz was received by Ann Vale.", date="2024-05-06"),
             _fact("ann", "bo", "d1", 90, "Ann Vale spoke with Bo Ruiz by phone.", type="SPOKE_WITH",
                   medium="phone", date="2024-05-06")]
    found = sorted(_find(facts, {"d1": "2024-05-10"}), key=lambda m: m.type)
    assert [(m.type, m.medium) for m in found] == [(MET, "in person"), ("SPOKE_WITH", "phone")]
    assert found[0].roles == {"person:ann": "host", "person:bo": "guest"} and len(found[0].evidence) == 2


def test_meeting_ids_are_stable_and_the_graph_is_the_same_whatever_the_fact_order() -> None:
    people = [Entity(p, n, "Person", {n}, set(), 1, {"d1", "d2"}) for p, n in NAMES.items()]
    facts = [_fact("ann", "bo", "d1", 0, date="2024-05-06"), _fact("cy", "di", "d2", 5),
             _fact("ann", "bo", "d2", 0)]
    articles = [Article("d1", date="2024-05-10"), Article("d2", date="2024-05-11")]
    one = build_graph_from_facts(people, facts, articles)
    two = build_graph_from_facts(people, list(reversed(facts)), articles)
    assert list(one.nodes(data=True)) == list(two.nodes(data=True))
    assert list(one.edges(keys=True, data=True)) == list(two.edges(keys=True, data=True))
    assert sum(1 for _, d in one.nodes(data=True) if d["label"] == MEETING) == 2


@pytest.mark.parametrize(("phrase", "article", "future", "expected"), [
    ("on Monday", "2024-05-10", False, "2024-05-06"),  # a Friday article about a past meeting
    ("yesterday", "2024-05-10", False, "2024-05-09"),
    ("last week", "2024-05-17", False, "2024-05"),  # Monday 6 to Sunday 12 May: the month is sure, the day not
    ("next Tuesday", "2024-05-10", True, "2024-05-14"),
    ("on Tuesday", "2024-05-10", True, "2024-05-14"),  # "will meet on Tuesday"
    ("on March 3", "2024-07-05", False, "2024-03-03"),
    ("on December 30", "2025-01-03", False, "2024-12-30"),  # a past meeting: the year before
    ("earlier this month", "2024-05-10", False, "2024-05"),
    ("in June 2023", None, False, "2023-06"),
    ("last Friday", "2024-05-10", False, "2024-05-03"),
])
def test_relative_dates_resolve_against_the_article_date(phrase, article, future, expected) -> None:
    assert normalize_date(phrase, article, future) == expected


def test_a_plan_in_the_article_of_a_meeting_is_another_meeting_unless_dated_alike() -> None:
    facts = [_fact("ann", "bo", "d1", 0, "Ann Vale has met Bo Ruiz several times."),
             _fact("ann", "bo", "d1", 50, "Ann Vale will meet Bo Ruiz again.", status="planned")]
    assert len(_find(facts, {"d1": "2024-05-10"})) == 2
    dated = [_fact("ann", "bo", "d1", 0, date="2024-05-14", status="planned"),
             _fact("ann", "bo", "d1", 50, date="2024-05-14")]
    assert len(_find(dated, {"d1": "2024-05-10"})) == 1


def test_pairs_that_met_separately_are_not_part_of_a_larger_meeting() -> None:
    both = "Ann Vale held talks with both Bo Ruiz and Cy Moss."
    apart = "Ann Vale met separately with Bo Ruiz and Cy Moss."
    facts = [_fact("ann", "bo", "d1", 0, both), _fact("ann", "cy", "d1", 0, both), _fact("bo", "cy", "d1", 0, both),
             _fact("ann", "bo", "d1", 60, apart), _fact("ann", "cy", "d1", 60, apart)]
    found = _find(facts, {"d1": "2024-05-10"})
    assert sorted(len(m.people) for m in found) == [2, 2, 3]


def test_meeting_again_in_the_same_article_is_another_meeting() -> None:
    facts = [_fact("ann", "bo", "d1", 0, "Ann Vale met Bo Ruiz in Oslo."),
             _fact("ann", "bo", "d1", 40, "Ann Vale is to travel to Bergen to meet again with Bo Ruiz.")]
    assert len(_find(facts, {"d1": "2024-05-10"})) == 2


def test_a_joint_call_of_several_officials_is_one_call() -> None:
    sentence = "Ann Vale and Bo Ruiz held a joint call with Cy Moss and Di Park."
    facts = [_fact(a, b, "d1", 0, sentence, type="SPOKE_WITH", medium="phone")
             for a in ("ann", "bo") for b in ("cy", "di")] + [_fact("cy", "di", "d1", 0, sentence, type="SPOKE_WITH",
                                                                     medium="phone")]
    [call] = _find(facts, {"d1": "2024-05-10"})
    assert call.people == sorted(NAMES) and call.medium == "phone"


# ---------------------------------------------------------------- the same questions on a real Neo4j


def test_meeting_queries_on_neo4j(six: Path, neo4j_conn: dict, capsys: pytest.CaptureFixture) -> None:
    from graphbuild.neo4j.queries import queries_text, read_queries
    from graphbuild.neo4j.store import load_graph, session

    G = read_json(six / "graph.json")
    load_graph(G, neo4j_conn, progress=False)
    queries = dict(read_queries(queries_text()))
    params = {"person": "Marta Lindqvist", "other": "Tomas Berger", "since": "2024-05-01", "until": "2024-06-30",
              "meeting": "Tallinn"}
    with session(neo4j_conn) as sess:
        def run(title: str) -> list[dict]:
            return [r.data() for r in sess.run(queries[title], params)]

        # Meetings of two people, oldest first, each with its own place.
        rows = run("Meetings of $person and $other, by date")
        assert [(r["date"], r["place"], r["reports"]) for r in rows] == [("2024-05-06", "Oslo", 2),
                                                                         ("2024-09-18", "Santiago", 1)]
        # Meetings in a date range: by their own date, not their articles'.
        assert [(r["date"], r["people"]) for r in run("Meeting nodes dated between $since and $until")] == [
            ("2024-05-06", ["Marta Lindqvist", "Tomas Berger"]),
            ("2024-06-13", ["Kadri Saar", "Liis Kask", "Paul Ashford", "Rein Tamm"])]
        # Who attended: the delegation with its side.
        rows = run("Who attended meeting $meeting")
        assert [(r["person"], r["side"]) for r in rows] == [("Kadri Saar", "Estonia"), ("Liis Kask", "Estonia"),
                                                            ("Paul Ashford", "Canada"), ("Rein Tamm", "Estonia")]
        # Most reported first: the Oslo meeting, told by two outlets on consecutive days.
        top = run("Most reported meetings")[0]
        assert (top["date"], top["reports"], top["first_report"], top["last_report"]) == (
            "2024-05-06", 2, "2024-05-10", "2024-05-11")
        # The constraint on the Meeting id and the index on its date.
        schema = {r["name"] for r in sess.run("SHOW INDEXES YIELD name")}
        assert {"graphbuild_Meeting_id", "graphbuild_Meeting_date"} <= schema
    # who-met reads the same from Neo4j as from the file.
    for extra in ([], ["--json"], ["--status", "all"]):
        assert main(["who-met", "Tomas Berger", "--neo4j", neo4j_conn["uri"], "--password",
                     neo4j_conn["password"], *extra]) == 0
        from_neo4j = capsys.readouterr().out
        assert main(["who-met", "Tomas Berger", "--graph", str(six / "graph.json"), *extra]) == 0
        assert capsys.readouterr().out == from_neo4j and "Santiago" in from_neo4j


def test_two_meetings_told_by_one_sentence_have_two_ids() -> None:
    sentence = "Ann Vale met Bo Ruiz and will meet him again."
    facts = [_fact("ann", "bo", "d1", 0, sentence), _fact("ann", "bo", "d1", 0, sentence, status="planned")]
    found = _find(facts, {"d1": "2024-05-10"})
    assert len(found) == 2 and len({m.id for m in found}) == 2
