"""Questions asked of Neo4j give the graph's answers: who-met parity and every query of queries.cypher.

Runs on tests/sample_graph.py and on the seeds graph (exports/graph.json) when it is built; the checks
are computed from the graph in Python, never from hard-coded names.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from neo4j_fixtures import graph_named

from graphbuild import cli
from graphbuild.exporters.json_graph import write_json
from graphbuild.neo4j.queries import queries_text, query_params, read_queries
from graphbuild.neo4j.store import load_graph, session, who_met_neo4j, who_met_session
from graphbuild.query import find_people, sort_articles, who_met
from graphbuild.schema import (
    ARTICLE,
    CONTACT_TYPES,
    MEETING,
    MENTIONS,
    MET,
    NEGATED,
    OCCURRED,
    PARTICIPATED_IN,
    PERSON,
    PLANNED,
    REPORTS,
    SPOKE_WITH,
    SYMMETRIC_TYPES,
)

GRAPHS = ["sample", "seeds"]
ALL = (OCCURRED, PLANNED, NEGATED)


@pytest.fixture(params=GRAPHS)
def loaded(request: pytest.FixtureRequest, neo4j_conn: dict) -> tuple[nx.MultiDiGraph, dict]:
    G = graph_named(request.param)
    load_graph(G, neo4j_conn, progress=False)
    return G, neo4j_conn


def _people(G: nx.MultiDiGraph) -> list[tuple[str, dict]]:
    return sorted((n, d) for n, d in G.nodes(data=True) if d.get("label") == PERSON)


def test_who_met_agrees_for_every_person(loaded: tuple[nx.MultiDiGraph, dict]) -> None:
    G, conn = loaded
    people = _people(G)
    assert people
    asked = 0
    with session(conn) as sess:
        for _, data in people:
            for query in (data["name"], *data.get("aliases", [])[:2]):
                for statuses in ((OCCURRED,), ALL):
                    assert who_met_session(sess, query, statuses) == who_met(G, query, statuses), query
                    asked += 1
                contacts = who_met(G, query, ALL, contacts=True)
                assert who_met_session(sess, query, ALL, contacts=True) == contacts, query
    assert asked >= 2 * len(people)
    # The public function (one connection per call) too, including a miss.
    name = people[0][1]["name"]
    assert who_met_neo4j(conn, name, ALL) == who_met(G, name, ALL)
    assert who_met_neo4j(conn, "Nobody Of That Name Zzz", ALL) == []
    assert who_met_neo4j(conn, name, ALL, contacts=True) == who_met(G, name, ALL, contacts=True)


def test_who_met_contacts_lists_meetings_and_calls(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """--contacts adds SPOKE_WITH (with its medium) to MET; plain who-met is unchanged by it."""
    from sample_graph import sample_graph

    G = sample_graph()
    [answer] = who_met(G, "Cy Diaz", ALL, contacts=True)
    assert [(c.name, c.relation, c.medium, c.status) for c in answer.meetings] == [
        ("Ann Lee", SPOKE_WITH, "video", OCCURRED), ("Ann Lee", MET, None, PLANNED)]
    [plain] = who_met(G, "Cy Diaz", ALL)
    assert [(m.name, m.status) for m in plain.meetings] == [("Ann Lee", PLANNED)]
    write_json(G, tmp_path / "graph.json")
    assert cli.main(["who-met", "Cy Diaz", "--graph", str(tmp_path / "graph.json"), "--contacts", "--by-person"]) == 0
    out = capsys.readouterr().out
    assert "was in contact with 1 person:" in out and "SPOKE_WITH by video, occurred, on 2024-10-18" in out
    assert "Diaz later spoke with Lee by video." in out and "MET" not in out  # planned: not asked for


def test_cli_who_met_neo4j_prints_what_the_file_gives(loaded: tuple[nx.MultiDiGraph, dict], tmp_path: Path,
                                                      capsys: pytest.CaptureFixture) -> None:
    G, conn = loaded
    write_json(G, tmp_path / "graph.json")
    busiest = sorted(_people(G), key=lambda p: (-G.degree(p[0]), p[0]))[:5]
    for person, data in busiest:
        for extra in ([], ["--json"], ["--status", "all"], ["--contacts", "--status", "all"], ["--contacts", "--json"],
                      ["--by-person"], ["--by-person", "--json", "--status", "all"],
                      ["--by-person", "--contacts", "--status", "all"]):
            auth = ["--password", conn["password"]]
            assert cli.main(["who-met", data["name"], "--neo4j", conn["uri"], *auth, *extra]) == 0
            from_neo4j = capsys.readouterr().out
            assert cli.main(["who-met", data["name"], "--graph", str(tmp_path / "graph.json"), *extra]) == 0
            assert capsys.readouterr().out == from_neo4j
            assert person in from_neo4j


# ---------------------------------------------------------------- queries.cypher


def _matches(G: nx.MultiDiGraph, node: str, value: str) -> bool:
    """The queries' person test: the people who-met finds for ``value`` (folded; ties kept)."""
    return node in find_people(G, value)


def _met_graph(G: nx.MultiDiGraph) -> nx.Graph:
    H = nx.Graph()
    H.add_edges_from((u, v) for u, v, k in G.edges(keys=True) if k == MET)
    return H


def _params(G: nx.MultiDiGraph) -> dict:
    """The busiest person and the person farthest from them by meetings (or anyone else)."""
    met = _met_graph(G)
    people = [n for n, _ in _people(G)]
    person = min(people, key=lambda n: (-(met.degree(n) if n in met else 0), n))
    reachable = nx.single_source_shortest_path_length(met, person) if person in met else {}
    far = sorted((d, n) for n, d in reachable.items() if n != person and G.nodes[n].get("label") == PERSON)
    other = far[-1][1] if far else next(n for n in people if n != person)
    # The article stating the most facts, and a date range holding the earlier half of the meetings' dates.
    docs = Counter(ev["doc"] for _, _, k, d in G.edges(keys=True, data=True) if k != MENTIONS
                   for ev in d.get("evidence", []))
    dates = sorted(date for _, _, _, date, _ in _dated_meetings(G, "0000", "9999"))
    # The meeting with the most people (then the smallest id), and a partner of the busiest person in one.
    meetings = sorted((-G.in_degree(n), n) for n, d in G.nodes(data=True) if d.get("label") == MEETING)
    partners = sorted(u for m in _meetings_of(G, person) for u in _people_of(G, m) if u != person)
    other = partners[0] if partners and "person:nasty" not in G else other
    return {"person": G.nodes[person]["name"], "other": G.nodes[other]["name"],
            "meeting": meetings[0][1] if meetings else "meeting:none",
            "article": min(docs, key=lambda doc: (-docs[doc], doc)),
            "since": dates[0] if dates else "2024-01-01", "until": dates[len(dates) // 2] if dates else "2024-12-31"}


def _meetings_of(G: nx.MultiDiGraph, person: str) -> list[str]:
    return sorted(v for _, v, k in G.out_edges(person, keys=True) if k == PARTICIPATED_IN)


def _people_of(G: nx.MultiDiGraph, meeting: str) -> list[str]:
    return sorted(u for u, _, k in G.in_edges(meeting, keys=True) if k == PARTICIPATED_IN)


def _reports_of(G: nx.MultiDiGraph, meeting: str) -> list[str]:
    return sorted(u for u, _, k in G.in_edges(meeting, keys=True) if k == REPORTS)


def _article(G: nx.MultiDiGraph, doc: str) -> dict | None:
    data = G.nodes[doc] if doc in G else {}
    return {k: data.get(k) for k in ("date", "id", "title", "url")} if data.get("label") == ARTICLE else None


def _dated_meetings(G: nx.MultiDiGraph, since: str, until: str) -> list[tuple]:
    """(person, met, edge data, date, article) for each MET edge and each Article stating it, dated in the range
    by the meeting's date, else the article's."""
    found = []
    for u, v, k, d in G.edges(keys=True, data=True):
        if k != MET or G.nodes[u].get("label") != PERSON or G.nodes[v].get("label") != PERSON:
            continue
        for doc in dict.fromkeys(ev["doc"] for ev in d.get("evidence", [])):
            article = _article(G, doc)
            date = d.get("date") or (article or {}).get("date")
            if article and date and since <= date <= until:
                found.append((u, v, d, date, article))
    return found


def _run(conn: dict, query: str, params: dict) -> list[dict]:
    with session(conn) as sess:
        return [record.data() for record in sess.run(query, params)]


def _key(row: dict) -> str:
    return repr(sorted(row.items()))


def _same_rows(actual: list[dict], expected: list[dict]) -> None:
    assert sorted(map(_key, actual)) == sorted(map(_key, expected))


def _expected(G: nx.MultiDiGraph, title: str, params: dict) -> list[dict]:
    name = lambda n: G.nodes[n].get("name")  # noqa: E731
    met = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == MET]
    if title == "Who met whom":
        return [{"person": name(u), "met": name(v), "status": d.get("status") or OCCURRED, "date": d.get("date"),
                 "place": d.get("place"), "count": d.get("count"), "sources": d.get("sources")}
                for u, v, d in met if G.nodes[u].get("label") == PERSON and G.nodes[v].get("label") == PERSON]
    if title == "Everyone $person met":
        rows = []
        for u, v, d in met:
            for p, other in ((u, v), (v, u)):
                if G.nodes[p].get("label") == PERSON and _matches(G, p, params["person"]):
                    ev = d.get("evidence", [])
                    rows.append({"person": name(p), "met": name(other), "status": d.get("status") or OCCURRED,
                                 "date": d.get("date"), "place": d.get("place"), "sources": d.get("sources"),
                                 "evidence_docs": [e["doc"] for e in ev] if ev else None,
                                 "evidence_sentences": [e["sentence"] for e in ev] if ev else None,
                                 "evidence_statuses": [e["status"] for e in ev] if ev and "status" in ev[0]
                                 else None})
        return rows
    if title == "Meetings by place":
        pairs: dict[str, list[str]] = {}
        for u, v, d in met:
            if d.get("place"):
                pairs.setdefault(d["place"], []).append(f"{name(u)} / {name(v)}")
        return [{"place": p, "meetings": len(v), "pairs": sorted(v)} for p, v in pairs.items()]
    if title == "People by title and organisation":
        rows = []
        for p, data in _people(G):
            held = [(v, d) for _, v, k, d in G.out_edges(p, keys=True, data=True) if k == "HOLDS_POSITION"]
            titles = data.get("titles") or None  # an empty list may be absent (neo4j-admin)
            for v, d in held:
                rows.append({"organisation": name(v), "title": d.get("title"), "person": name(p),
                             "titles": titles, "sources": d.get("sources")})
            if not held and data.get("titles"):
                rows.append({"organisation": None, "title": None, "person": name(p), "titles": titles,
                             "sources": None})
        return rows
    if title == "Claims resting on a single source":
        return [{"relation": k, "subject": name(u), "object": name(v), "source": d["sources"][0],
                 "sentence": d["evidence"][0]["sentence"] if d.get("evidence") else None}
                for u, v, k, d in G.edges(keys=True, data=True) if len(d.get("sources", [])) == 1]
    if title.startswith("Everyone $person was in contact with"):
        rows = []
        for u, v, k, d in G.edges(keys=True, data=True):
            if k not in CONTACT_TYPES:
                continue
            assert k in SYMMETRIC_TYPES  # so the undirected match lists each contact once per end
            for p, other in ((u, v), (v, u)):
                if G.nodes[p].get("label") == PERSON and _matches(G, p, params["person"]):
                    ev = d.get("evidence", [])
                    rows.append({"person": name(p), "contact": name(other), "relation": k,
                                 "status": d.get("status") or OCCURRED, "medium": d.get("medium"),
                                 "date": d.get("date"), "place": d.get("place"), "sources": d.get("sources"),
                                 "evidence_sentences": [e["sentence"] for e in ev] if ev else None})
        return rows
    if title == "Who spoke with whom":
        return [{"person": name(u), "spoke_with": name(v), "status": d.get("status") or OCCURRED,
                 "medium": d.get("medium"), "date": d.get("date"), "count": d.get("count"),
                 "sources": d.get("sources")}
                for u, v, k, d in G.edges(keys=True, data=True)
                if k == SPOKE_WITH and G.nodes[u].get("label") == PERSON and G.nodes[v].get("label") == PERSON]
    if title.startswith("Articles that state a meeting between"):
        rows = []
        for u, v, k, d in G.edges(keys=True, data=True):
            if k != MET:
                continue
            for p, other in ((u, v), (v, u)):
                if not (p != other and G.nodes[p].get("label") == PERSON == G.nodes[other].get("label")
                        and _matches(G, p, params["person"]) and _matches(G, other, params["other"])):
                    continue
                by_doc: dict[str, list[dict]] = {}
                for ev in d.get("evidence", []):
                    by_doc.setdefault(ev["doc"], []).append(ev)
                for doc, evs in by_doc.items():
                    article = _article(G, doc)
                    if article:
                        rows.append({"article": doc, "title": article["title"], "date": article["date"],
                                     "url": article["url"], "outlet": G.nodes[doc].get("outlet"),
                                     "sentences": [e["sentence"] for e in evs],
                                     "statuses": [e.get("status") or d.get("status") or OCCURRED for e in evs]})
        return rows
    if title == "Everything article $article states":
        doc = params["article"]
        mentioned = {v for _, v, k in G.out_edges(doc, keys=True) if k == MENTIONS} if doc in G else set()
        return [{"title": G.nodes[doc].get("title"), "relation": k, "subject": name(u), "object": name(v),
                 "status": ev.get("status"), "start": ev["start"], "sentence": ev["sentence"]}
                for u, v, k, d in G.edges(keys=True, data=True) if k != MENTIONS and u in mentioned
                for ev in d.get("evidence", []) if ev["doc"] == doc]
    if title == "Meetings between $since and $until, with their articles":
        grouped: dict[tuple, list] = {}
        for u, v, d, date, article in _dated_meetings(G, params["since"], params["until"]):
            key = (date, name(u), name(v), d.get("status") or OCCURRED, d.get("place"))
            grouped.setdefault(key, []).append(article)
        return [{"date": date, "person": person, "met": met, "status": status, "place": place,
                 "articles": sort_articles(articles)}
                for (date, person, met, status, place), articles in grouped.items()]
    meetings = {n: d for n, d in G.nodes(data=True) if d.get("label") == MEETING}
    people_names = lambda m: sorted(name(p) for p in _people_of(G, m))  # noqa: E731
    if title == "Meetings of $person and $other, by date":
        both = {m for m in meetings
                if any(_matches(G, a, params["person"]) for a in _people_of(G, m))
                and any(_matches(G, b, params["other"]) and b != a for a in _people_of(G, m)
                        if _matches(G, a, params["person"]) for b in _people_of(G, m))}
        return [{"meeting": m, "date": meetings[m].get("date"), "place": meetings[m].get("place"),
                 "status": meetings[m]["status"], "medium": meetings[m].get("medium"),
                 "reports": meetings[m]["reports"], "people": people_names(m)} for m in both]
    if title == "Meeting nodes dated between $since and $until":
        return [{"meeting": m, "date": d["date"], "name": d["name"], "status": d["status"], "people": people_names(m),
                 "articles": _reports_of(G, m)}
                for m, d in meetings.items() if d.get("date") and params["since"] <= d["date"] <= params["until"]]
    if title == "Who attended meeting $meeting":
        asked = params["meeting"]
        return [{"meeting": m, "name": d["name"], "person": name(p), "side": G.edges[p, m, PARTICIPATED_IN].get("side"),
                 "role": G.edges[p, m, PARTICIPATED_IN].get("role")}
                for m, d in meetings.items() if m == asked or asked.lower() in d["name"].lower()
                for p in _people_of(G, m)]
    if title == "Most reported meetings":
        ranked = sorted(meetings, key=lambda m: (-len(_reports_of(G, m)), m))
        rows = []
        for m in ranked:
            dates = [G.nodes[a].get("date") for a in _reports_of(G, m) if G.nodes[a].get("date")]
            if _reports_of(G, m):
                rows.append({"meeting": m, "name": meetings[m]["name"], "date": meetings[m].get("date"),
                             "status": meetings[m]["status"], "reports": len(_reports_of(G, m)),
                             "first_report": min(dates) if dates else None,
                             "last_report": max(dates) if dates else None})
        return rows[:25]
    raise AssertionError(f"no check for query {title!r}")


def _check_shortest_chain(G: nx.MultiDiGraph, rows: list[dict], params: dict) -> None:
    met = _met_graph(G)
    starts = [n for n, d in _people(G) if _matches(G, n, params["person"])]
    ends = [n for n, d in _people(G) if _matches(G, n, params["other"])]
    lengths = [nx.shortest_path_length(met, a, b) for a in starts for b in ends
               if a != b and a in met and b in met and nx.has_path(met, a, b)]
    lengths = [n for n in lengths if n <= 10]
    if not lengths:
        assert rows == []
        return
    assert len(rows) == 1
    row = rows[0]
    assert row["meetings"] == min(lengths) and len(row["chain"]) == row["meetings"] + 1
    assert row["chain"][0] in {G.nodes[n]["name"] for n in starts}
    assert row["chain"][-1] in {G.nodes[n]["name"] for n in ends}
    assert len(row["sources"]) == row["meetings"] and all(row["sources"])


def test_every_query_of_queries_cypher(loaded: tuple[nx.MultiDiGraph, dict]) -> None:
    G, conn = loaded
    queries = read_queries(queries_text(G))
    assert len(queries) == 15
    params = _params(G)
    for title, query in queries:
        rows = _run(conn, query, params)
        if title.startswith("Articles that state a meeting"):  # newest first, undated last
            dates = [r["date"] for r in rows]
            assert dates == sorted((d for d in dates if d), reverse=True) + [d for d in dates if not d]
        if title.startswith("Everything article"):  # in the order of the text
            assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
        if title.startswith("Shortest chain"):
            _check_shortest_chain(G, rows, params)
            continue
        if title in ("Meetings of $person and $other, by date", "Meeting nodes dated between $since and $until"):
            dates = [r["date"] for r in rows]  # oldest first, undated last
            assert dates == sorted(d for d in dates if d) + [d for d in dates if not d]
        if title == "Most reported meetings":
            assert [r["reports"] for r in rows] == sorted((r["reports"] for r in rows), reverse=True)
        if title == "Meetings by place":
            rows = [{**r, "pairs": sorted(r["pairs"])} for r in rows]
            assert [r["meetings"] for r in rows] == sorted((r["meetings"] for r in rows), reverse=True)
        _same_rows(rows, _expected(G, title, params))
    # The sample graph has an answer for every query, so none of the checks above is vacuous there.
    if G.graph.get("documents") == 3 and "person:nasty" in G:
        assert [title for title, query in queries if not _run(conn, query, params)] == []


def test_queries_with_the_files_own_params(loaded: tuple[nx.MultiDiGraph, dict]) -> None:
    """The :param values written in queries.cypher name people, an article and dates of the graph: the
    person queries find rows with them, and give what the checks above expect."""
    G, conn = loaded
    params = query_params(G)
    assert find_people(G, params["person"]) and find_people(G, params["other"])
    for title, query in read_queries(queries_text(G)):
        rows = _run(conn, query, params)
        if title.startswith(("Everyone $person", "Shortest chain", "Articles that state", "Everything article")):
            assert rows, title
        if not title.startswith("Shortest chain"):
            _same_rows(rows if title != "Meetings by place" else [{**r, "pairs": sorted(r["pairs"])} for r in rows],
                       _expected(G, title, params))


@pytest.mark.parametrize("graph", GRAPHS)
def test_person_found_by_any_name_form(graph: str, neo4j_conn: dict) -> None:
    """$person is folded as who-met folds it: any case, accents, punctuation, an alias or a surname alone;
    the shipped queries then find the same people as who-met on the graph (ties kept)."""
    G = graph_named(graph)
    G.add_node("person:zofia-wrzesniewska-kowal", id="person:zofia-wrzesniewska-kowal", label=PERSON,
               name="Zofia Wrześniewska-Kowal", aliases=["Wrześniewska-Kowal"], titles=[], sources=[])
    load_graph(G, neo4j_conn, progress=False)
    person_query = dict((title, query) for title, query in read_queries(queries_text(G)))["Everyone $person met"]
    lookup = person_query.split("\nMATCH (p)-[", 1)[0] + "\nRETURN p.id AS id ORDER BY id"
    asks = ["ZOFIA wrzesniewska kowal", "wrześniewska–kowal", "Kowal", "  zofia  "]
    for _, data in _people(G):
        name = data["name"]
        asks += [name, name.upper(), name.split()[-1].lower(), *data.get("aliases", [])[:2]]
    asks += ["Nobody Of That Name Zzz", "", "!!"]
    for ask in asks:
        found = [r["id"] for r in _run(neo4j_conn, lookup, {"person": ask})]
        assert found == find_people(G, ask), ask
    assert [r["id"] for r in _run(neo4j_conn, lookup, {"person": "wrzesniewska"})] == [
        "person:zofia-wrzesniewska-kowal"]


def test_seeds_belousov_in_neo4j_as_in_the_file(neo4j_conn: dict) -> None:
    """On the seeds, the shipped who-met query and who-met --neo4j with 'belousov' list the people who-met
    on graph.json lists (Zhang Youxia among them)."""
    G = graph_named("seeds")
    load_graph(G, neo4j_conn, progress=False)
    expected = sorted(m.name for answer in who_met(G, "belousov", ALL) for m in answer.meetings)
    assert "Zhang Youxia" in expected
    query = dict(read_queries(queries_text(G)))["Everyone $person met"]
    rows = _run(neo4j_conn, query, {"person": "belousov"})
    assert sorted(r["met"] for r in rows) == expected
    from_neo4j = who_met_neo4j(neo4j_conn, "belousov", ALL)
    assert sorted(m.name for answer in from_neo4j for m in answer.meetings) == expected


def test_spoke_with_from_graph_cypher_reads_undirected(neo4j_conn: dict, tmp_path: Path) -> None:
    """SPOKE_WITH is stored once per pair (smaller id first) and found from either end, like MET."""
    from sample_graph import sample_graph

    from graphbuild.exporters.cypher import write_cypher
    from graphbuild.neo4j.store import run_cypher

    G = sample_graph()
    spoke = [(u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if k == SPOKE_WITH]
    assert [(u, v) for u, v, _ in spoke] == [("person:ann-lee", "person:cy-diaz")]
    write_cypher(G, tmp_path / "graph.cypher")
    run_cypher(neo4j_conn, (tmp_path / "graph.cypher").read_text(encoding="utf-8"))
    for person, other in (("person:ann-lee", "person:cy-diaz"), ("person:cy-diaz", "person:ann-lee")):
        rows = _run(neo4j_conn, f"MATCH (p:Person {{id: $id}})-[s:{SPOKE_WITH}]-(o) RETURN o.id AS other, "
                                "s.medium AS medium, s.status AS status, s.evidence_statuses AS statuses",
                    {"id": person})
        assert rows == [{"other": other, "medium": "video", "status": "occurred", "statuses": ["occurred"]}]
    directed = _run(neo4j_conn, f"MATCH (:Person {{id: 'person:cy-diaz'}})-[s:{SPOKE_WITH}]->() RETURN s", {})
    assert directed == []
