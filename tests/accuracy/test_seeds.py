"""End to end on the five seed articles: who met whom, what must not be there, and that the
committed exports/ are exactly what ``graphbuild build seeds --out exports`` writes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.exporters.json_graph import read_json
from graphbuild.query import who_met

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
EXPORTS = REPO / "exports"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds-exports")
    assert main(["build", str(SEEDS), "--out", str(out), "--quiet", "--no-cache"]) == 0
    return out


@pytest.fixture(scope="module")
def graph(built: Path):
    return read_json(built / "graph.json")


def _met(graph, status: str = "occurred") -> set[frozenset[str]]:
    return {frozenset((graph.nodes[u]["name"], graph.nodes[v]["name"]))
            for u, v, key, data in graph.edges(keys=True, data=True) if key == "MET" and data["status"] == status}


def test_committed_exports_are_what_the_build_writes(built: Path) -> None:
    committed = sorted(p.name for p in EXPORTS.iterdir() if p.is_file())
    assert {"graph.json", "graph.graphml", "triples.jsonl"} <= set(committed)
    assert committed == sorted(p.name for p in built.iterdir() if p.is_file())
    for name in committed:
        assert (EXPORTS / name).read_bytes() == (built / name).read_bytes(), f"exports/{name} is stale"


def test_who_met_whom(graph) -> None:
    met = _met(graph)
    for pair in [
        ("Andrei Belousov", "Zhang Youxia"),   # "attends a meeting with", "met with" (glued "Belousovmet")
        ("Andrei Bozhovsky", "Dong Zhuo"),     # "meeting between A and his Chinese counterpart, B"
        ("Vladimir Putin", "Li Shangfu"),      # "Putin and ... Shoigu met with Gen. Li Shangfu"
        ("Sergei Shoigu", "Li Shangfu"),
        ("Vladimir Putin", "Xi Jinping"),      # "Putin and Xi have met over 40 times"
    ]:
        assert frozenset(pair) in met, pair


def test_what_the_graph_must_not_contain(graph) -> None:
    names = {data["name"] for _, data in graph.nodes(data=True) if data["label"] != "Article"}
    # Two Andreis are two people; nobody is called by a glued word or a credit line.
    assert {"Andrei Belousov", "Andrei Bozhovsky"} <= names
    assert not [n for n in names if "Belousovmet" in n or "PrestonSunday" in n or "REUTERS" in n.upper()]
    # Teaser and prompt sections are gone: none of their people or outlets are nodes.
    for junk in ("Taylor Swift", "Bianka Bryant", "Ian Bremmer", "GZERO Media", "The Independent", "Elon Musk"):
        assert junk not in names
    # Meetings never come from co-occurrence, and an unnamed counterpart is nobody.
    met = _met(graph) | _met(graph, "planned")
    assert frozenset(("Vladimir Putin", "Zhang Youxia")) not in met
    assert frozenset(("Andrei Belousov", "Andrei Bozhovsky")) not in met
    assert not [n for n in names if "defense minister" in n.lower()]


def test_evidence_points_into_the_articles(graph) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for _, _, data in graph.edges(data=True):
        for ev in data.get("evidence", []):  # MENTIONS edges have none
            # The sentence is the original's, glued words split ("Belousovmet"): only spaces differ.
            original = texts[ev["doc"]][ev["start"] : ev["end"]]
            assert "".join(original.split()) == "".join(ev["sentence"].split())
            assert original == ev["sentence"] or len(ev["sentence"].split()) > len(original.split())
            assert "Belousovmet" not in ev["sentence"] and "PrestonSunday" not in ev["sentence"]
    assert any("Belousovmet" in text for text in texts.values())  # the seeds do hold it
    for node, data in graph.nodes(data=True):
        if data["label"] == "Article":  # the documents themselves
            assert node in texts and data["sha256"] == hashlib.sha256(texts[node].encode("utf-8")).hexdigest()
            continue
        assert data["sources"] and set(data["sources"]) <= set(texts)


def test_who_met_belousov_cites_the_article(graph) -> None:
    (answer,) = who_met(graph, "Belousov")
    assert [m.name for m in answer.meetings] == ["Zhang Youxia"]
    assert answer.meetings[0].place == "Beijing"
    assert all("Zhang Youxia" in ev["sentence"] for ev in answer.meetings[0].evidence)


def test_planned_meeting_is_kept_apart(graph) -> None:
    xi_putin = graph.edges["person:vladimir-putin", "person:xi-jinping", "MET"]
    assert xi_putin["status"] == "occurred"
    assert any("will meet" in ev["sentence"] for ev in xi_putin["evidence"])


def test_positions(graph) -> None:
    posts = {(graph.nodes[u]["name"], graph.nodes[v]["name"])
             for u, v, key in graph.edges(keys=True) if key == "HOLDS_POSITION"}
    assert ("Andrei Belousov", "Russia") in posts
    assert ("Zhang Youxia", "Central Military Commission") in posts
    assert ("Sergei Shoigu", "Russian Federation Security Council") in posts
    assert "General" in graph.nodes["person:li-shangfu"]["titles"]


def test_articles_of_the_seeds(graph) -> None:
    """Every seed is an Article node with its headline (a junk first line is no headline) and dateline."""
    articles = {n: d for n, d in graph.nodes(data=True) if d["label"] == "Article"}
    assert sorted(articles) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert articles["000_f538d7a8210908c8"]["title"] == "Russia and China put on a brave face in defense meeting"
    assert articles["004_baf44860b0de4dcc"]["title"] == (
        "Russian defense official visits China's premier military showcase in a sign of unity")
    assert articles["004_baf44860b0de4dcc"]["date"] == "2024-11-14"  # "Thursday 14 November 2024 05:47 GMT"
    assert "title" not in articles["001_0c4a1187e97c4c62"]  # its first line is a sentence
    assert articles["000_f538d7a8210908c8"]["path"] == "000_f538d7a8210908c8.txt"
    (answer,) = who_met(graph, "Belousov")
    assert [a["title"] for a in answer.meetings[0].articles] == [articles["000_f538d7a8210908c8"]["title"]]
    mentions = {(u, v): d["count"] for u, v, k, d in graph.edges(keys=True, data=True) if k == "MENTIONS"}
    assert mentions[("000_f538d7a8210908c8", "person:andrei-belousov")] >= 2
