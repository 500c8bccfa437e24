"""Articles: every input document is an Article record (id, title, date, url, outlet, path, sha256) that
travels in triples.jsonl, the cache and merge, and becomes an ``Article`` node with ``MENTIONS`` edges."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from graphbuild.cli import main
from graphbuild.exporters.graphml import graph_to_graphml
from graphbuild.exporters.json_graph import read_json
from graphbuild.ingest.reader import read_inputs
from graphbuild.models import Article, DocExtraction
from graphbuild.schema import ARTICLE, MENTIONS

BODY = "Foreign Minister Ana Ruiz met with Prime Minister Erik Berg in Oslo on Thursday. Ruiz later visited Bergen."
HTML = """<html><head><title>Talks in Oslo | Nordic Wire</title>
<meta property="og:title" content="Ruiz meets Berg in Oslo">
<meta property="og:site_name" content="Nordic Wire">
<meta property="og:url" content="https://nordicwire.example/2024/03/07/oslo-talks">
<meta property="article:published_time" content="2024-03-07T10:00:00Z"></head>
<body><article><h1>Ruiz meets Berg in Oslo</h1>
<p>Foreign Minister Ana Ruiz met with Prime Minister Erik Berg in Oslo on Thursday. The two discussed fisheries
and trade for two hours.</p><p>Ruiz later visited Bergen. She said the talks had been constructive.</p>
</article></body></html>"""


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- reading


def test_jsonl_with_and_without_fields(tmp_path: Path) -> None:
    full = {"id": "oslo", "text": BODY, "title": "Ruiz meets Berg", "date": "2024-03-07T08:00:00Z",
            "url": "https://example.org/oslo", "outlet": "Nordic Wire"}
    bare = {"id": "bare", "text": "Friday 8 March 2024\n\nAna Ruiz met Erik Berg again."}
    _write(tmp_path / "in" / "feed.jsonl", json.dumps(full) + "\n" + json.dumps(bare) + "\n")
    docs, problems = read_inputs([tmp_path / "in"])
    assert not problems
    articles = {d.id: Article.of(d) for d in docs}
    assert articles["oslo"] == Article("oslo", "Ruiz meets Berg", "2024-03-07", "https://example.org/oslo",
                                       "Nordic Wire", "feed.jsonl:1", _sha(BODY))
    # No fields: no title, url or outlet; the date comes from the dateline.
    assert articles["bare"] == Article("bare", None, "2024-03-08", None, None, "feed.jsonl:2", _sha(bare["text"]))


def test_html_metadata(tmp_path: Path) -> None:
    docs, _ = read_inputs([_write(tmp_path / "page.html", HTML)])
    article = Article.of(docs[0])
    assert (article.title, article.date, article.url, article.outlet, article.path) == (
        "Ruiz meets Berg in Oslo", "2024-03-07", "https://nordicwire.example/2024/03/07/oslo-talks",
        "Nordic Wire", "page.html")
    assert article.sha256 == _sha(docs[0].text)


def test_text_headline_and_path_do_not_depend_on_how_inputs_are_named(tmp_path: Path, monkeypatch) -> None:
    _write(tmp_path / "in" / "a" / "story.txt", "Ruiz meets Berg\n\nMarch 7, 2024\n\n" + BODY + "\n")
    _write(tmp_path / "in" / "b.txt", BODY + "\n")
    monkeypatch.chdir(tmp_path)
    relative, _ = read_inputs(["in"])
    absolute, _ = read_inputs([tmp_path / "in"])
    assert [Article.of(d) for d in relative] == [Article.of(d) for d in absolute]
    story, plain = (Article.of(d) for d in absolute)
    assert (story.title, story.date, story.path) == ("Ruiz meets Berg", "2024-03-07", "a/story.txt")
    assert (plain.title, plain.date, plain.path) == (None, None, "b.txt")  # a sentence is no headline


# ---------------------------------------------------------------- the build


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("articles")
    _write(root / "in" / "oslo.html", HTML)
    feed = [{"id": "j1", "text": "Kamala Harris met Emmanuel Macron in Paris. Harris thanked Macron.",
             "title": "Harris in Paris", "date": "2024-05-02", "url": "https://example.org/j1?a=1&b=<2>"},
            {"id": "j2", "text": "Emmanuel Macron met Olaf Scholz in Berlin."}]
    _write(root / "in" / "feed.jsonl", "".join(json.dumps(r) + "\n" for r in feed))
    assert main(["build", str(root / "in"), "--out", str(root / "out"), "--quiet", "--workers", "1"]) == 0
    return root


def test_article_nodes_and_mentions_edges(built: Path) -> None:
    G = read_json(built / "out" / "graph.json")
    articles = {n: d for n, d in G.nodes(data=True) if d["label"] == ARTICLE}
    assert sorted(articles) == ["j1", "j2", "oslo"] and G.graph["documents"] == 3
    assert articles["j1"] == {"id": "j1", "label": ARTICLE, "title": "Harris in Paris", "date": "2024-05-02",
                              "url": "https://example.org/j1?a=1&b=<2>", "path": "feed.jsonl:1",
                              "sha256": articles["j1"]["sha256"]}
    assert articles["oslo"]["outlet"] == "Nordic Wire"
    # MENTIONS: article -> entity, with the number of mentions; only articles start them.
    mentions = {(u, v): d for u, v, k, d in G.edges(keys=True, data=True) if k == MENTIONS}
    assert mentions[("j1", "person:kamala-harris")] == {"type": MENTIONS, "count": 2}
    assert mentions[("j1", "person:emmanuel-macron")]["count"] == 2
    assert all(G.nodes[u]["label"] == ARTICLE and G.nodes[v]["label"] != ARTICLE for u, v in mentions)
    # Every evidence item's doc is an Article node; entities keep their sources.
    for _, _, d in G.edges(data=True):
        for ev in d.get("evidence", []):
            assert G.nodes[ev["doc"]]["label"] == ARTICLE
    assert G.nodes["person:emmanuel-macron"]["sources"] == ["j1", "j2"]
    assert 'attr.name="sha256"' in graph_to_graphml(G)


def test_articles_travel_in_triples_cache_and_merge(built: Path, tmp_path: Path, capsys) -> None:
    lines = (built / "out" / "triples.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    records = [DocExtraction.from_dict(json.loads(line)) for line in lines]
    assert [r.article.title for r in records] == ["Harris in Paris", None, "Ruiz meets Berg in Oslo"]
    # A cached rebuild gives the same bytes; a changed url (not read by extraction) is taken from the input.
    again = tmp_path / "again"
    import shutil

    shutil.copytree(built / "out" / ".cache", again / ".cache")
    capsys.readouterr()
    assert main(["build", str(built / "in"), "--out", str(again), "--quiet", "--workers", "1"]) == 0
    assert "(3 from cache)" in capsys.readouterr().err
    assert (again / "graph.json").read_bytes() == (built / "out" / "graph.json").read_bytes()
    feed = built / "in" / "feed.jsonl"
    original = feed.read_text(encoding="utf-8")
    try:
        feed.write_text(original.replace("https://example.org/j1", "https://example.org/moved"), encoding="utf-8")
        assert main(["build", str(built / "in"), "--out", str(again), "--quiet", "--workers", "1"]) == 0
        assert "(3 from cache)" in capsys.readouterr().err
        assert read_json(again / "graph.json").nodes["j1"]["url"].startswith("https://example.org/moved")
    finally:
        feed.write_text(original, encoding="utf-8")
    # merge of split results keeps the articles: the same graph as the whole build.
    part_a, part_b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    part_a.write_text("".join(lines[:1]), encoding="utf-8")
    part_b.write_text("".join(lines[1:]), encoding="utf-8")
    assert main(["merge", str(part_b), str(part_a), "--out", str(tmp_path / "merged")]) == 0
    assert (tmp_path / "merged" / "graph.json").read_bytes() == (built / "out" / "graph.json").read_bytes()


def test_older_triples_without_articles_still_merge(built: Path, tmp_path: Path) -> None:
    old = []
    for line in (built / "out" / "triples.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        del record["article"]
        old.append(json.dumps(record))
    (tmp_path / "old.jsonl").write_text("\n".join(old) + "\n", encoding="utf-8")
    assert main(["merge", str(tmp_path / "old.jsonl"), "--out", str(tmp_path / "out")]) == 0
    G = read_json(tmp_path / "out" / "graph.json")
    assert G.nodes["j1"] == {"id": "j1", "label": ARTICLE, "date": "2024-05-02"}  # id and date: all it knows
    assert G.edges["j1", "person:kamala-harris", MENTIONS]["count"] == 2


def test_a_cache_entry_with_another_article_is_rebuilt(built: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["build", str(built / "in" / "feed.jsonl"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    entries = sorted((out / ".cache").rglob("*.json"))
    assert entries
    for entry in entries:
        data = json.loads(entry.read_text(encoding="utf-8"))
        data["extraction"]["article"]["sha256"] = "0" * 64
        entry.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(built / "in" / "feed.jsonl"), "--out", str(out), "--quiet", "--workers", "1"]) == 0
    assert f"{len(entries)} damaged cache entries rebuilt" in capsys.readouterr().err
