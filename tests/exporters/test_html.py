"""graph.html: a self-contained, deterministic, escaped page; checked as text and in headless Chromium.

The browser tests use Debian's Chromium (see tests/browser.py). Outside CI they skip with a
one-line reason when it is missing; with CI=true they fail instead.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest
from browser import PageLog, coloured_fraction, launch, missing_browser_reason, open_page
from sample_graph import NASTY_NAME, sample_graph

from graphbuild.exporters.html import (
    json_for_script,
    most_connected,
    neighbourhood,
    page_data,
    render_html,
    without_articles,
    write_html,
)
from graphbuild.exporters.json_graph import read_json, write_json
from graphbuild.exporters.layout import layout_positions
from graphbuild.text import fold

ROOT = Path(__file__).resolve().parents[2]
SEEDS_GRAPH = Path(os.environ.get("GRAPHBUILD_SEEDS_GRAPH") or ROOT / "exports" / "graph.json")
PAYLOAD_ARTICLE = (
    'President <script>window.__pwned=1</script> Ann Lee met with Bo Chan <img src=x onerror="window.__pwned=2">'
    " in Paris on Monday. Ann Lee visited Berlin.\n"
)


# ---------- the page as text ----------


def test_same_graph_gives_byte_identical_page(tmp_path):
    write_html(sample_graph(), tmp_path / "a.html")
    write_html(sample_graph(), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_page_is_self_contained():
    page = render_html(sample_graph())
    assert "<link" not in page and "@import" not in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert "sourceMappingURL" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp


def test_only_the_pages_own_scripts_may_run():
    page = render_html(sample_graph())
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert [attrs for attrs, _ in scripts] == [' type="application/json" id="graph-data"', "", ""]
    csp = re.search(r"script-src ([^;]+);", page).group(1).split()
    expected = [f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
                for attrs, body in scripts if not attrs]
    assert csp == expected


def test_untrusted_text_is_escaped_everywhere():
    G = sample_graph()
    G.graph["built"] = "<script>alert('built')</script>"
    page = render_html(G, title="<img src=x onerror=alert(1)>")
    for raw in ("<script>alert", "<img src=x", "<b>Chief</b>", "onerror=alert(1)>"):
        assert raw not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # the title, as text
    data = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data)["nodeInfo"]["person:nasty"]["name"] == NASTY_NAME


def _page_data(page: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1))


def test_the_schema_reaches_the_page_as_data():
    """Colours, legend text, symmetry and statuses come from graphbuild.schema, not from graph.js."""
    from graphbuild.schema import RELATION_SPECS

    data = _page_data(render_html(sample_graph()))
    assert [r["name"] for r in data["relations"]] == [spec.name for spec in RELATION_SPECS]
    spoke = next(r for r in data["relations"] if r["name"] == "SPOKE_WITH")
    assert spoke == {"name": "SPOKE_WITH", "colour": "#17becf", "legend": "spoke by phone or video",
                     "symmetric": True, "withStatus": True}
    assert [t[0] for t in data["legend"]["types"]] == ["MET", "VISITED", "ATTENDED", "HOLDS_POSITION", "SPOKE_WITH"]
    edge = next(e for e in data["edges"] if data["edgeInfo"][e["id"]]["type"] == "SPOKE_WITH")
    assert edge["arrows"] == {"to": {"enabled": False}} and edge["color"]["color"] == "#17becf"
    assert data["edgeInfo"][edge["id"]]["medium"] == "video"
    script = (Path(__file__).resolve().parents[2] / "graphbuild" / "templates" / "graph.js").read_text()
    assert not re.search(r'"(MET|SPOKE_WITH|VISITED|ATTENDED|HOLDS_POSITION)\b', script)


def test_json_for_script_escapes_what_could_end_the_block():
    text = json_for_script({"s": "</script><!-- & \u2028\u2029"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"s": "</script><!-- & \u2028\u2029"}


def test_max_nodes_keeps_the_most_connected_and_says_so():
    G = sample_graph()
    kept = most_connected(G, 3)
    assert "person:ann-lee" in kept and kept.number_of_nodes() == 3
    page = render_html(G, max_nodes=3)
    assert "Showing the 3 most connected of 7 nodes: 4 nodes (with at most 1 connection each) and 4 edges" in page
    assert "most connected" not in render_html(G, max_nodes=7)


def test_header_counts_and_build_date():
    G = sample_graph()
    G.graph["built"] = "2024-10-20"
    page = render_html(G, title="Seeds")
    # "built" is the newest article's date, so the heading calls it that; and says what it does not count.
    assert "3 documents, newest 2024-10-20 · 7 nodes · 7 edges · articles and their MENTIONS edges not counted" in page
    assert '<h1 id="page-title">Seeds</h1>' in page


def test_neighbourhood_by_depth():
    G = sample_graph()
    one = neighbourhood(G, "Cy Diaz", 1)
    assert sorted(without_articles(one)) == ["event:brics-summit", "person:ann-lee", "person:cy-diaz"]
    # the articles citing them, and the meetings of the people shown (for the details panel)
    assert sorted(n for n in one if n not in without_articles(one) and one.nodes[n]["label"] == "Article") == [
        "d1", "d2"]
    meetings = {n for n in one if one.nodes[n]["label"] == "Meeting"}
    assert meetings == {v for u, v, k in G.out_edges(["person:ann-lee", "person:cy-diaz"], keys=True)
                        if k == "PARTICIPATED_IN"} and len(meetings) == 4
    assert one.graph["focus"] == ["person:cy-diaz"] and one.graph["documents"] == 3
    assert len(without_articles(neighbourhood(G, "Cy Diaz", 2))) == 7
    assert len(neighbourhood(G, "Nobody Known", 2)) == 0
    assert "Neighbourhood of Cy Diaz (depth 1)" in render_html(one)


def test_empty_graph_still_renders():
    assert "0 nodes · 0 edges" in render_html(nx.MultiDiGraph())


def test_cli_html_writes_a_neighbourhood(tmp_path):
    from graphbuild.cli import main

    write_json(sample_graph(), tmp_path / "graph.json")
    out = tmp_path / "lee.html"
    assert main(["html", "--graph", str(tmp_path / "graph.json"), "--out", str(out), "--focus", "Bo Chan",
                 "--depth", "1"]) == 0
    assert "Neighbourhood of Bo Chan (depth 1)" in out.read_text()
    assert main(["html", "--graph", str(tmp_path / "graph.json"), "--focus", "Nobody"]) == 1


def test_build_writes_graph_html():
    from graphbuild.exporters import EXPORTS
    from graphbuild.settings import Settings

    html = next(export for export in EXPORTS if export.filename == "graph.html")
    assert html.writer is write_html
    assert html.options(Settings(html_max_nodes=7)) == {"max_nodes": 7, "page": {}}


# ---------- the page in headless Chromium ----------


@pytest.fixture(scope="module")
def browser():
    reason = missing_browser_reason()
    if reason:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def _open(browser, G: nx.MultiDiGraph, path: Path, **kwargs):
    write_html(G, path, **kwargs)
    page, log = open_page(browser, path)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page, log, dialogs


def _vis_counts(page) -> list[int]:
    return page.evaluate("[graphbuild.network.body.data.nodes.length, graphbuild.network.body.data.edges.length]")


def _search_and_pick(page, query: str) -> str:
    page.fill("#search", query)
    page.locator("#search-results button").first.click()
    return page.evaluate("graphbuild.network.getSelectedNodes()")[0]


def _only_met(page) -> None:
    for box in page.locator("input.type-filter").all():
        if box.get_attribute("value") != "MET":
            box.uncheck()
    hidden = page.evaluate("graphbuild.edges.get().map(e => [graphbuild.data.edgeInfo[e.id].type, !!e.hidden])")
    assert hidden and all(is_hidden == (rel != "MET") for rel, is_hidden in hidden)
    # The network itself, not only the data set, must have hidden them.
    drawn = page.evaluate("Object.values(graphbuild.network.body.edges).filter(e => !e.options.hidden).length")
    assert drawn == sum(rel == "MET" for rel, _ in hidden)


def _spoke_with_in_legend_filter_and_details(page) -> None:
    """SPOKE_WITH has its legend entry (text from the schema) and filter, and its details show the medium."""
    legend = page.inner_text("#legend")
    assert "SPOKE_WITH \u2014 spoke by phone or video" in legend and "MET \u2014 met in person" in legend
    assert "MET/SPOKE_WITH planned" in legend
    edge = page.evaluate("graphbuild.edges.get().find(e => graphbuild.data.edgeInfo[e.id].type === 'SPOKE_WITH').id")
    page.evaluate(f"graphbuild.network.body.emitter.emit('click', {{nodes: [], edges: [{json.dumps(edge)}]}})")
    details = page.inner_text("#details")
    assert "Medium" in details and "video" in details and "Ann Lee \u2014 Cy Diaz" in details
    box = page.locator("input.type-filter[value='SPOKE_WITH']")
    box.uncheck()
    hidden = page.evaluate("graphbuild.edges.get().map(e => [graphbuild.data.edgeInfo[e.id].type, !!e.hidden])")
    assert all(is_hidden == (rel == "SPOKE_WITH") for rel, is_hidden in hidden)
    box.check()
    assert not any(page.evaluate("graphbuild.edges.get().map(e => !!e.hidden)"))


def _hover_an_edge_with_evidence(page) -> str:
    """Move the mouse onto the middle of an edge that has evidence; returns the tooltip text."""
    point = page.evaluate(
        """() => {
        const net = graphbuild.network, box = document.getElementById('network').getBoundingClientRect();
        for (const e of graphbuild.edges.get()) {
          if (e.hidden || !graphbuild.data.edgeInfo[e.id].evidence.length) continue;
          const dom = net.canvasToDOM(net.body.edges[e.id].edgeType.getPoint(0.5));
          if (dom.x < 5 || dom.y < 5 || dom.x > box.width - 5 || dom.y > box.height - 5) continue;
          if (net.getEdgeAt(dom) === e.id && net.getNodeAt(dom) === undefined)
            return {id: e.id, x: dom.x + box.left, y: dom.y + box.top};
        }
        return null;
    }"""
    )
    assert point, "no edge with evidence could be hovered"
    page.mouse.move(point["x"] - 3, point["y"] - 3)
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#tooltip:not([hidden])", timeout=5000)
    text = page.inner_text("#tooltip")
    sentence = page.evaluate(f"graphbuild.data.edgeInfo[{json.dumps(point['id'])}].evidence[0].sentence")
    assert sentence.split()[0] in text
    return text


def _assert_clean(page, log, dialogs, path: Path) -> None:
    assert log.errors == []
    assert log.requests == [path.resolve().as_uri()]
    assert dialogs == []
    assert page.evaluate("window.__pwned === undefined && window.__xss === undefined")
    # Only the page's three scripts exist, and no element came from the data.
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed, b').length") == 0


@pytest.mark.browser
def test_sample_page_in_chromium(browser, tmp_path):
    path = tmp_path / "graph.html"
    G = sample_graph()
    page, log, dialogs = _open(browser, G, path)
    assert _vis_counts(page) == [7, 7]
    assert page.evaluate("graphbuild.network.physics.physicsEnabled") is False
    tooltip = _hover_an_edge_with_evidence(page)
    assert "Evidence" in tooltip
    assert _search_and_pick(page, "lee") == "person:ann-lee"
    dimmed = page.evaluate("graphbuild.nodes.get().filter(n => n.color.background === '#e6e6e6').map(n => n.id)")
    assert dimmed == ["event:brics-summit"]  # the only node two hops from Ann Lee
    assert "Defense Minister" in page.inner_text("#details")
    _spoke_with_in_legend_filter_and_details(page)
    _only_met(page)
    # The nasty name shows as text in the details panel.
    page.evaluate("graphbuild.focusPerson('person:nasty')")
    assert "<script>alert(1)</script>" in page.inner_text("#details")
    assert "<b>Chief</b>" in page.inner_text("#details")
    page.wait_for_timeout(500)  # focus animation
    shot = tmp_path / "graph.png"
    page.locator("#network").screenshot(path=str(shot))
    assert coloured_fraction(shot.read_bytes()) > 0.002, f"blank screenshot {shot}"
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_payloads_in_names_and_sentences_do_not_run(browser, tmp_path):
    G = sample_graph()
    script = "<script>window.__pwned=1</script>"
    img = '<img src=x onerror="window.__pwned=2">'
    svg = "<svg onload=window.__xss=1>"
    G.add_node("person:evil", id="person:evil", name=f"Eve {script} {img}", label="Person",
               aliases=[img, svg], titles=[script], mentions=1, sources=[f"doc{img}"])
    G.add_edge("person:ann-lee", "person:evil", key="MET", type="MET", status="occurred", count=1,
               sources=[f"doc{img}"], date=svg, place=script,
               evidence=[{"doc": f"doc{img}", "sentence": f"Ann Lee met Eve {script} {img}.", "start": 0,
                          "end": 10}])
    G.graph["built"] = script
    path = tmp_path / "evil.html"
    page, log, dialogs = _open(browser, G, path, title=f"Evil {img}")
    assert _vis_counts(page) == [8, 8]
    page.fill("#search", "eve")
    assert script in page.inner_text("#search-results")
    page.evaluate("graphbuild.focusPerson('person:evil')")
    details = page.inner_text("#details")
    assert script in details and img in details and svg in details
    edge = page.evaluate("graphbuild.edges.get().find(e => e.to === 'person:evil').id")
    page.evaluate(f"graphbuild.network.selectEdges([{json.dumps(edge)}])")
    page.evaluate(
        f"graphbuild.network.body.emitter.emit('click', {{nodes: [], edges: [{json.dumps(edge)}]}})"
    )
    details = page.inner_text("#details")
    assert f"Ann Lee met Eve {script} {img}." in details and svg in details
    assert f"Evil {img}" in page.title()
    _assert_clean(page, log, dialogs, path)
    page.close()


def _seeds_graph() -> nx.MultiDiGraph:
    if not SEEDS_GRAPH.is_file():
        pytest.skip(f"no seeds graph at {SEEDS_GRAPH} yet (the build commits exports/graph.json)")
    return read_json(SEEDS_GRAPH)


def _person_to_search(G: nx.MultiDiGraph) -> tuple[str, str]:
    """(query, node) for "Putin" if a Person of that name is shown, else the most connected Person."""
    people = [(n, d) for n, d in G.nodes(data=True) if d.get("label") == "Person"]
    assert people, "the seeds graph has no Person"
    putin = [n for n, d in people if "putin" in fold(d.get("name", "")).split()]
    if putin:
        return "Putin", max(putin, key=lambda n: (G.degree(n), n))
    node = max((n for n, _ in people), key=lambda n: (G.degree(n), n))
    return G.nodes[node]["name"], node


@pytest.mark.browser
def test_seeds_page_in_chromium(browser, tmp_path):
    from graphbuild.settings import Settings

    G = _seeds_graph()
    max_nodes = Settings().html_max_nodes
    shown = most_connected(without_articles(G), max_nodes)
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, G, path, max_nodes=max_nodes)
    assert _vis_counts(page) == [shown.number_of_nodes(), shown.number_of_edges()]
    query, node = _person_to_search(shown)
    if any(d.get("evidence") for _, _, d in shown.edges(data=True)):
        _hover_an_edge_with_evidence(page)
    selected = _search_and_pick(page, query)
    assert selected == node or (query == "Putin" and "putin" in fold(shown.nodes[selected]["name"]).split())
    neighbours = set(nx.all_neighbors(shown, selected)) | {selected}
    dimmed = set(page.evaluate("graphbuild.nodes.get().filter(n => n.color.background === '#e6e6e6')"
                               ".map(n => n.id)"))
    assert dimmed == set(shown) - neighbours
    if any(k == "MET" for _, _, k in shown.edges(keys=True)):
        _only_met(page)
    shot = tmp_path / "seeds.png"
    page.locator("#network").screenshot(path=str(shot))
    assert coloured_fraction(shot.read_bytes()) > 0.002, f"blank screenshot {shot}"
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_article_with_payloads_through_the_pipeline(browser, tmp_path):
    import graphbuild

    article = tmp_path / "evil.txt"
    article.write_text(PAYLOAD_ARTICLE, encoding="utf-8")
    G = graphbuild.build_graph([article])
    path = tmp_path / "article.html"
    page, log, dialogs = _open(browser, G, path)
    drawn = without_articles(G)
    assert _vis_counts(page) == [drawn.number_of_nodes(), drawn.number_of_edges()]
    shown_text = page.evaluate(
        "Object.keys(graphbuild.data.edgeInfo).map(id => { graphbuild.network.body.emitter.emit('click',"
        " {nodes: [], edges: [id]}); return document.getElementById('details').innerText; }).join('\\n')"
    )
    shown_words = " ".join(shown_text.split())
    for _, _, data in G.edges(data=True):
        for ev in data.get("evidence", []):
            assert " ".join(ev["sentence"].split()) in shown_words
    _assert_clean(page, log, dialogs, path)
    page.close()


# ---------- articles: sources in the details, hidden from the drawing by default ----------


def test_articles_reach_the_details_but_not_the_drawing():
    data = _page_data(render_html(sample_graph()))
    assert not any(n["id"] in ("d1", "d2", "d3") for n in data["nodes"])  # not drawn by default
    assert all(e.get("label") != "MENTIONS" for e in data["edges"])
    info = data["articles"]["info"]
    assert info["d1"] == {"title": "Lee and Chan meet in Moscow", "date": "2024-10-16", "outlet": "Example News",
                          "url": "https://news.example/d1?a=1&b=2", "link": True}
    assert info["d2"]["link"] is False  # javascript: is shown as text, never a link
    assert info["d3"] == {}
    assert {n["id"] for n in data["articles"]["nodes"]} == {"d1", "d2", "d3"}
    assert {(e["from"], e["to"]) for e in data["articles"]["edges"]} >= {("d1", "person:ann-lee")}


@pytest.mark.browser
def test_evidence_shows_its_article_and_articles_can_be_drawn(browser, tmp_path):
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, sample_graph(), path)
    edge = page.evaluate("graphbuild.edges.get().find(e => graphbuild.data.edgeInfo[e.id].type === 'MET'"
                         " && graphbuild.data.edgeInfo[e.id].evidence[0].doc === 'd1').id")
    page.evaluate(f"graphbuild.network.body.emitter.emit('click', {{nodes: [], edges: [{json.dumps(edge)}]}})")
    details = page.inner_text("#details")
    assert "Lee and Chan meet in Moscow \u00b7 2024-10-16 \u00b7 Example News" in details
    assert page.evaluate("[...document.querySelectorAll('#details a')].map(a => [a.href, a.rel])") == [
        ["https://news.example/d1?a=1&b=2", "noopener noreferrer"]]
    # The hostile article: its title and outlet as text, its javascript: url not a link.
    edge = page.evaluate("graphbuild.edges.get().find(e => graphbuild.data.edgeInfo[e.id].type === 'SPOKE_WITH').id")
    page.evaluate(f"graphbuild.network.body.emitter.emit('click', {{nodes: [], edges: [{json.dumps(edge)}]}})")
    details = page.inner_text("#details")
    assert '<img src=x onerror=alert(2)> "Talks" & plans' in details and "javascript:alert(3)" in details
    assert page.evaluate("document.querySelectorAll('#details a').length") == 0
    # Hidden by default; the box draws them and their MENTIONS edges, and hides them again.
    assert _vis_counts(page) == [7, 7]
    page.check("#show-articles")
    assert _vis_counts(page) == [10, 7 + len(page.evaluate("graphbuild.data.articles.edges"))]
    page.evaluate("graphbuild.network.body.emitter.emit('click', {nodes: ['d1'], edges: []})")
    assert "(Article)" in page.inner_text("#details") and "Example News" in page.inner_text("#details")
    page.uncheck("#show-articles")
    assert _vis_counts(page) == [7, 7]
    _assert_clean(page, log, dialogs, path)


def test_positions_are_computed_at_build_time():
    data = page_data(sample_graph(), sample_graph(), "t")
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert data["dates"] == ["2024-10-15", "2024-10-18"]


def test_isolated_nodes_sit_in_a_grid_below_the_drawing():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="MET")
    G.add_edge("b", "c", key="MET")
    for i in range(20):
        G.add_node(f"z{i:02d}")
    pos = layout_positions(G)
    lowest_linked = max(pos[n][1] for n in "abc")
    assert all(pos[f"z{i:02d}"][1] > lowest_linked for i in range(20))
    assert len({pos[f"z{i:02d}"] for i in range(20)}) == 20  # no two on one spot


@pytest.mark.browser
def test_page_opens_still_at_the_built_positions_and_physics_runs_on_demand(browser, tmp_path):
    path = tmp_path / "graph.html"
    G = sample_graph()
    page, log, dialogs = _open(browser, G, path)
    built = {n["id"]: [n["x"], n["y"]] for n in page.evaluate("graphbuild.data.nodes")}
    ids = sorted(built)
    shown = page.evaluate(f"graphbuild.network.getPositions({json.dumps(ids)})")
    assert {i: [round(p["x"]), round(p["y"])] for i, p in shown.items()} == built
    assert page.evaluate("graphbuild.network.physics.physicsEnabled") is False
    assert page.inner_text("#physics") == "Run physics"
    page.click("#physics")
    assert page.evaluate("graphbuild.network.physics.physicsEnabled") is True
    assert page.inner_text("#physics") == "Stop physics"
    page.wait_for_timeout(300)
    page.click("#physics")
    assert page.evaluate("graphbuild.network.physics.physicsEnabled") is False
    assert page.get_attribute("#physics", "aria-pressed") == "false"
    _assert_clean(page, log, dialogs, path)
    page.close()


def _visible_types(page) -> list[str]:
    return sorted(page.evaluate(
        "graphbuild.edges.get().filter(e => !e.hidden).map(e => graphbuild.data.edgeInfo[e.id].type"
        " + (graphbuild.data.edgeInfo[e.id].date ? '@' + graphbuild.data.edgeInfo[e.id].date : ''))"))


@pytest.mark.browser
def test_date_range_filter(browser, tmp_path):
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, sample_graph(), path)
    assert page.is_visible("#date-filter")
    assert page.inner_text("#date-range") == "2024-10-15 \u2013 2024-10-18"
    assert len(_visible_types(page)) == 7
    page.fill("#date-to", "0")  # up to the first date: the meeting of the 15th, and the undated edges
    assert page.inner_text("#date-range") == "2024-10-15"
    visible = _visible_types(page)
    assert "MET@2024-10-15" in visible and "SPOKE_WITH@2024-10-18" not in visible and len(visible) == 6
    page.uncheck("#undated")  # only edges dated in the period
    assert _visible_types(page) == ["MET@2024-10-15"]
    assert page.inner_text("#filter-summary") == "1 of 7 edges shown"
    page.fill("#date-from", "1")
    page.fill("#date-to", "1")
    assert _visible_types(page) == ["SPOKE_WITH@2024-10-18"]
    page.check("#hide-isolated")
    hidden = page.evaluate("graphbuild.nodes.get().filter(n => n.hidden).length")
    assert hidden == 5  # only Ann Lee and Cy Diaz keep a visible edge
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_no_dates_no_date_filter(browser, tmp_path):
    G = nx.MultiDiGraph(sample_graph())  # a copy whose edges own their attributes, to edit them
    for _, _, data in G.edges(data=True):
        data.pop("date", None)
        data.pop("meeting_dates", None)
    for _, data in G.nodes(data=True):
        if data["label"] == "Meeting":
            data.pop("date", None)
    page, log, dialogs = _open(browser, G, tmp_path / "graph.html")
    assert not page.is_visible("#date-filter")
    assert page.evaluate("graphbuild.edges.get().filter(e => !e.hidden).length") == 7
    page.close()


@pytest.mark.browser
def test_focus_on_a_big_page_selects_the_neighbourhood(browser, tmp_path):
    G = nx.MultiDiGraph(documents=1)
    for i in range(1600):
        G.add_node(f"person:p{i:04d}", name=f"Person {i:04d}", label="Person", aliases=[], sources=["d"])
    for i in range(1, 6):
        G.add_edge("person:p0000", f"person:p{i:04d}", key="MET", type="MET", sources=["d"],
                   evidence=[{"doc": "d", "sentence": "They met.", "start": 0, "end": 9}])
    G.add_edge("person:p0100", "person:p0101", key="MET", type="MET", sources=["d"], evidence=[])
    page, log, dialogs = _open(browser, G, tmp_path / "graph.html")
    assert page.evaluate("graphbuild.focusPerson('person:p0000')") is True
    assert sorted(page.evaluate("graphbuild.network.getSelectedNodes()")) == [f"person:p{i:04d}" for i in range(6)]
    assert len(page.evaluate("graphbuild.network.getSelectedEdges()")) == 5
    assert page.evaluate("graphbuild.nodes.get().filter(n => n.color.background === '#e6e6e6').length") == 0
    page.click("#clear-focus")
    assert page.evaluate("graphbuild.network.getSelectedNodes()") == []
    assert log.errors == []
    page.close()


# ---------- big pages: the quick first view, then vis built in slices ----------


def test_sizes_are_computed_at_build_time_as_vis_would_scale_them(monkeypatch):
    import graphbuild.exporters.html as exporter

    data = page_data(sample_graph(), sample_graph(), "t")
    assert not any("value" in item for item in data["nodes"] + data["edges"])
    sizes = sorted(n["size"] for n in data["nodes"])
    assert sizes[0] == 8 and sizes[-1] == 24
    assert sorted(n["font"]["size"] for n in data["nodes"])[-1] == 22
    # Edges carry no drawn label (shown while hovered): it would be smaller than the node labels.
    assert {e["width"] for e in data["edges"]} <= {1, 3.5, 6} and not any("label" in e for e in data["edges"])
    assert data["quickFirstView"] is False
    monkeypatch.setattr(exporter, "EDGE_LABEL_MAX_NODES", 3)
    monkeypatch.setattr(exporter, "QUICK_FIRST_VIEW_MIN_NODES", 7)
    data = page_data(sample_graph(), sample_graph(), "t")
    assert not any("label" in e for e in data["edges"]) and data["quickFirstView"] is True


def test_quick_view_pages_are_never_dimmed_on_focus():
    """graph.js greys out the rest of the graph only up to DIM_MAX_NODES; quick-view pages are bigger."""
    from graphbuild.exporters.html import QUICK_FIRST_VIEW_MIN_NODES

    script = (ROOT / "graphbuild" / "templates" / "graph.js").read_text()
    assert int(re.search(r"var DIM_MAX_NODES = (\d+);", script).group(1)) < QUICK_FIRST_VIEW_MIN_NODES


@pytest.mark.browser
def test_quick_view_answers_at_once_and_hands_over_to_vis(browser, tmp_path, monkeypatch):
    """A big page is drawn, searched and filtered before vis has built its network; vis then takes the
    drawing over with the same positions, selection and hidden edges. The page's clock is held, so the
    moment between the two is the test's to choose."""
    import graphbuild.exporters.html as exporter

    monkeypatch.setattr(exporter, "QUICK_FIRST_VIEW_MIN_NODES", 1)
    path = tmp_path / "graph.html"
    write_html(sample_graph(), path)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    log = PageLog()
    log.attach(page)
    page.clock.install(time=0)
    page.clock.pause_at(1000)
    page.goto(path.resolve().as_uri())
    for _ in range(50):
        if page.evaluate("document.body.dataset.stable") == "true":
            break
        page.clock.run_for(16)
    assert page.evaluate("[graphbuild.state.quick, graphbuild.state.ready]") == [True, False]
    assert page.evaluate("Object.keys(graphbuild.network.body.nodes).length") == 0  # vis has built nothing yet
    assert page.is_visible("#quick-view") and page.is_disabled("#physics") and page.is_visible("#loading")
    assert coloured_fraction(page.locator("#network").screenshot()) > 0.002
    # A search and a filter, answered by the quick view.
    page.fill("#search", "Ann Lee")
    page.locator("#search-results button").first.click()
    chosen = page.evaluate("graphbuild.quickView.selection()")
    assert "person:ann-lee" in chosen["nodes"] and len(chosen["nodes"]) > 1 and chosen["edges"]
    assert "Ann Lee" in page.inner_text("#details")
    page.locator("input.type-filter[value='VISITED']").uncheck()
    hidden = page.evaluate("graphbuild.edges.get().filter(e => e.hidden).map(e => e.id).sort()")
    assert hidden and all(page.evaluate(f"graphbuild.data.edgeInfo[{json.dumps(e)}].type") == "VISITED" for e in hidden)
    ids = sorted(page.evaluate("graphbuild.data.nodes.map(n => n.id)"))
    page.evaluate("ids => graphbuild.whenReady(() => { window.handedOver = graphbuild.network.getPositions(ids); })",
                  ids)
    page.evaluate("graphbuild.setPhysics(true)")  # waits for vis (the button is disabled meanwhile)
    # Time flows again: vis builds its network and takes over.
    page.clock.resume()
    page.wait_for_selector("body[data-interactive=true]", state="attached", timeout=10_000)
    assert page.evaluate("graphbuild.state.ready") is True
    assert _vis_counts(page) == [7, 7]
    assert page.evaluate("Object.keys(graphbuild.network.body.nodes).length") == 7
    built = {n["id"]: [n["x"], n["y"]] for n in page.evaluate("graphbuild.data.nodes")}
    shown = page.evaluate("window.handedOver")  # before physics moved them
    assert {i: [round(p["x"]), round(p["y"])] for i, p in shown.items()} == built
    assert sorted(page.evaluate("graphbuild.network.getSelectedNodes()")) == sorted(chosen["nodes"])
    drawn_hidden = page.evaluate("Object.values(graphbuild.network.body.edges).filter(e => e.options.hidden)"
                                 ".map(e => e.id).sort()")
    assert drawn_hidden == hidden
    assert page.query_selector("#quick-view") is None and not page.is_visible("#loading")
    assert page.evaluate("graphbuild.network.physics.physicsEnabled") is True  # asked for before, done now
    assert page.inner_text("#physics") == "Stop physics"
    page.click("#physics")
    page.locator("input.type-filter[value='VISITED']").check()  # filters now go straight to vis
    assert page.evaluate("Object.values(graphbuild.network.body.edges).filter(e => e.options.hidden).length") == 0
    _hover_an_edge_with_evidence(page)
    assert log.errors == [] and log.requests == [path.resolve().as_uri()]
    page.close()


# ---------- first sight, the table, the downloads ----------


def _first_sight_graph(people: int = 40, pairs: int = 12, loners: int = 30) -> nx.MultiDiGraph:
    """A made-up hub with its circle, small separate pairs, and people in no relation at all."""
    G = nx.MultiDiGraph(documents=3)
    ev = [{"doc": "d1", "sentence": "Orsolya Vantrell met them.", "start": 0, "end": 26}]
    G.add_node("person:hub", id="person:hub", name="Orsolya Vantrell", label="Person", aliases=[], sources=["d1"])
    for i in range(people):
        G.add_node(f"person:c{i:03d}", id=f"person:c{i:03d}", name=f"Circle Member {i:03d}", label="Person",
                   aliases=[], sources=["d1"])
        G.add_edge("person:hub", f"person:c{i:03d}", key="MET", type="MET", status="occurred", count=1,
                   sources=["d1"], evidence=ev)
    for i in range(pairs):
        a, b = f"person:pa{i:03d}", f"person:pb{i:03d}"
        G.add_node(a, id=a, name=f"Pair A{i:03d}", label="Person", aliases=[], sources=["d2"])
        G.add_node(b, id=b, name=f"Pair B{i:03d}", label="Person", aliases=[], sources=["d2"])
        G.add_edge(a, b, key="MET", type="MET", status="planned", count=1, sources=["d2"],
                   evidence=[{"doc": "d2", "sentence": "They will meet.", "start": 0, "end": 15, "status": "planned"}])
    for i in range(loners):
        G.add_node(f"person:z{i:03d}", id=f"person:z{i:03d}", name=f"Loner {i:03d}", label="Person", aliases=[],
                   sources=["d3"])
    return G


def test_small_components_are_packed_near_the_main_one():
    G = _first_sight_graph()
    pos = layout_positions(G)
    main = [pos[n] for n in G if n == "person:hub" or n.startswith("person:c")]
    left, right = min(p[0] for p in main), max(p[0] for p in main)
    top, bottom = min(p[1] for p in main), max(p[1] for p in main)
    size = max(right - left, bottom - top)
    for i in range(12):
        for node in (f"person:pa{i:03d}", f"person:pb{i:03d}"):
            x, y = pos[node]
            # every pair within a main-component's width of its box (before: wherever gravity left it)
            assert left - size <= x <= right + size and top - size <= y <= bottom + size, node
        assert abs(pos[f"person:pa{i:03d}"][0] - pos[f"person:pb{i:03d}"][0]) + \
            abs(pos[f"person:pa{i:03d}"][1] - pos[f"person:pb{i:03d}"][1]) < 300  # a pair stays together


def test_unconnected_nodes_start_hidden_and_are_counted():
    G = _first_sight_graph()
    page = render_html(G)
    data = _page_data(page)
    hidden = {n["id"] for n in data["nodes"] if n.get("hidden")}
    assert hidden == {f"person:z{i:03d}" for i in range(30)} and data["unconnected"] == 30
    assert "30 without an edge (hidden at first)" in page
    assert data["hubs"][0] == "person:hub" and len(data["hubs"]) <= 30
    shown = _page_data(render_html(G, page={"show_isolated": True}))
    assert not any(n.get("hidden") for n in shown["nodes"]) and shown["hideIsolated"] is False


def _on_screen(page) -> dict:
    """How the visible nodes sit in the canvas, and the on-screen height of the hubs' labels."""
    return page.evaluate("""(() => {
      const g = graphbuild, net = g.network, box = document.getElementById('network').getBoundingClientRect();
      const shown = g.nodes.get().filter(n => !n.hidden).map(n => n.id);
      const pos = net.getPositions(shown);
      const outside = shown.filter(id => { const p = net.canvasToDOM(pos[id]);
        return p.x < 0 || p.y < 0 || p.x > box.width || p.y > box.height; });
      const scale = net.getScale();
      const hubs = g.data.hubs.map(id => net.body.nodes[id].labelModule.fontOptions.size * scale);
      return {shown: shown.length, outside: outside, scale: scale, hubPx: hubs};
    })()""")


@pytest.mark.browser
@pytest.mark.parametrize("people, pairs, loners", [(40, 12, 30), (300, 100, 100)])  # about 100 and 600 nodes
def test_first_sight_fits_the_connected_graph_with_legible_hub_labels(browser, tmp_path, people, pairs, loners):
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, _first_sight_graph(people, pairs, loners), path)
    page.wait_for_timeout(400)
    assert page.is_checked("#hide-isolated")
    assert f"({loners} have none at all)" in page.inner_text("#sidebar")
    first = _on_screen(page)
    assert first["shown"] == 1 + people + 2 * pairs and first["outside"] == []
    assert min(first["hubPx"]) >= 12.9  # the hubs' names read at first sight
    # Unticking the box draws the loners, and the view re-fits to hold them too.
    page.uncheck("#hide-isolated")
    page.wait_for_timeout(600)
    more = _on_screen(page)
    assert more["shown"] == 1 + people + 2 * pairs + loners and more["outside"] == []
    assert more["scale"] < first["scale"]
    assert min(more["hubPx"]) >= 12.9
    # A filter leaving only the hub's circle: the view re-fits (zooms in) on what is left.
    page.check("#hide-isolated")
    page.uncheck("input.status-filter[value=planned]")
    page.wait_for_timeout(600)
    circle = _on_screen(page)
    assert circle["shown"] == 1 + people and circle["outside"] == [] and circle["scale"] >= first["scale"]
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_table_of_visible_contacts_with_csv_and_png_downloads(browser, tmp_path):
    from browser import png_pixels

    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, sample_graph(), path)
    assert page.is_hidden("#table-view")
    page.click("#show-table")
    rows = page.locator("#contacts-table tbody tr")
    # MET and SPOKE_WITH edges: Lee-Chan, Lee-Diaz (planned), O'Brien-Lee, and the video call
    assert rows.count() == 4
    assert page.inner_text("#table-title").startswith("4 contacts shown")
    headers = page.locator("#contacts-table th").all_inner_texts()
    assert [h.strip() for h in headers] == ["Date", "Person", "Contact", "Type", "Status", "Place", "Sources"]
    dates = [rows.nth(i).locator("td").nth(0).inner_text() for i in range(4)]
    assert dates == ["2024-10-15", "2024-10-18", "", ""]  # by date, undated last
    page.click("#contacts-table th[data-key=date]")  # again: newest first, undated still last
    dates = [rows.nth(i).locator("td").nth(0).inner_text() for i in range(4)]
    assert dates == ["2024-10-18", "2024-10-15", "", ""]
    page.click("#contacts-table th[data-key=type]")
    types = [rows.nth(i).locator("td").nth(3).inner_text() for i in range(4)]
    assert types == sorted(types) and "SPOKE_WITH" in types
    # Sources by article title; a row pins its evidence, with the title and a status tag per sentence.
    assert "Lee and Chan meet in Moscow" in page.inner_text("#contacts-table")
    page.locator("#contacts-table tbody tr", has_text="planned").first.click()
    assert page.inner_text("#details .status-tag") == "planned"
    assert page.locator("#details .evidence .doc").first.inner_text().startswith('<img src=x onerror=alert(2)> "Talks"')
    # The table follows the filters.
    page.uncheck("input.type-filter[value=MET]")
    page.wait_for_timeout(100)
    assert rows.count() == 1 and "SPOKE_WITH" in rows.first.inner_text()
    page.check("input.type-filter[value=MET]")
    page.wait_for_timeout(100)
    assert rows.count() == 4
    # CSV: what the table shows, every field quoted, a formula-like cell defused.
    with page.expect_download() as caught:
        page.click("#download-csv")
    download = caught.value
    assert download.suggested_filename == "contacts.csv"
    lines = Path(download.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == '"date","person","other","type","status","place","medium","docs","sources"'
    assert len(lines) == 5
    assert any('"2024-10-18"' in line and '"SPOKE_WITH"' in line and '"video"' in line for line in lines)
    assert any('"Ann Lee","Bo Chan","MET","occurred","Moscow"' in line for line in lines)
    # PNG: the view as drawn, on white, with the graph's colours in it.
    with page.expect_download() as caught:
        page.click("#download-png")
    png = Path(caught.value.path()).read_bytes()
    assert caught.value.suggested_filename == "graph.png"
    width, height, pixels = png_pixels(png)
    assert width >= 600 and height >= 400
    assert sum(1 for row in pixels for i in range(0, len(row) - 2, 3) if row[i:i + 3] != b"\xff\xff\xff") > 500
    # A person in focus: the table lists only their contacts, and follows the focus.
    page.evaluate("graphbuild.focusPerson('person:bo-chan')")
    assert rows.count() == 1 and page.inner_text("#table-title").startswith("1 contact shown for Bo Chan")
    page.click("#clear-focus")
    assert rows.count() == 4
    page.click("#close-table")
    assert page.is_hidden("#table-view")
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_hovered_edge_shows_its_type_as_big_as_a_hub_label(browser, tmp_path):
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, _first_sight_graph(), path)
    edge = page.evaluate("graphbuild.data.edges[0].id")
    assert page.evaluate(f"graphbuild.edges.get('{edge}').label") in (None, "")
    page.evaluate(f"graphbuild.network.emit('hoverEdge', {{edge: '{edge}', pointer: {{DOM: {{x: 10, y: 10}}}}}})")
    shown = page.evaluate(f"[graphbuild.edges.get('{edge}').label,"
                          f" graphbuild.edges.get('{edge}').font.size * graphbuild.network.getScale()]")
    assert shown[0] == "MET" and shown[1] >= 12.9
    page.evaluate(f"graphbuild.network.emit('blurEdge', {{edge: '{edge}'}})")
    assert page.evaluate(f"graphbuild.edges.get('{edge}').label") == ""
    _assert_clean(page, log, dialogs, path)
    page.close()


@pytest.mark.browser
def test_page_defaults_from_the_config(browser, tmp_path):
    """graphbuild.toml's [page]: relation types and statuses ticked, unconnected nodes shown."""
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, sample_graph(), path,
                               page={"relations": ["MET"], "statuses": ["occurred"], "show_isolated": True})
    assert page.is_checked("input.type-filter[value=MET]")
    assert not page.is_checked("input.type-filter[value=SPOKE_WITH]")
    assert not page.is_checked("input.status-filter[value=planned]")
    assert not page.is_checked("#hide-isolated")
    assert _visible_types(page) == ["MET", "MET@2024-10-15"]  # occurred meetings only
    _assert_clean(page, log, dialogs, path)
    page.close()


# ---------- meetings: listed by date for a person and a pair edge, drawn only when asked ----------


def _two_meetings_graph() -> nx.MultiDiGraph:
    """Ann Vale and Bo Ruiz meet twice (May in Oslo, September in Lima); Ann calls Cy Moss in June."""
    from graphbuild.models import Article, Entity, Evidence, Fact
    from graphbuild.resolve.graph import build_graph_from_facts

    names = {"ann-vale": "Ann Vale", "bo-ruiz": "Bo Ruiz", "cy-moss": "Cy Moss"}
    people = [Entity(f"person:{k}", v, "Person", {v}, set(), 1, {"d1", "d2", "d3"}) for k, v in names.items()]
    s1, s2, s3 = "Ann Vale met Bo Ruiz in Oslo.", "Ann Vale met Bo Ruiz in Lima.", "Ann Vale phoned Cy Moss."
    facts = [Fact("person:ann-vale", "MET", "person:bo-ruiz", Evidence("d1", s1, 0, len(s1)), date="2024-05-06",
                  place="Oslo", status="occurred"),
             Fact("person:ann-vale", "MET", "person:bo-ruiz", Evidence("d2", s2, 0, len(s2)), date="2024-09-18",
                  place="Lima", status="occurred"),
             Fact("person:ann-vale", "SPOKE_WITH", "person:cy-moss", Evidence("d3", s3, 0, len(s3)),
                  date="2024-06-10", medium="phone", status="occurred")]
    articles = [Article("d1", "Oslo talks", "2024-05-07", outlet="Ledger"), Article("d2", "Lima talks", "2024-09-19"),
                Article("d3", "A call", "2024-06-11")]
    return build_graph_from_facts(people, facts, articles)


def test_meetings_reach_the_page_by_date():
    data = _page_data(render_html(_two_meetings_graph()))
    meetings = data["meetings"]
    ann = meetings["byPerson"]["person:ann-vale"]
    assert [meetings["info"][m]["date"] for m in ann] == ["2024-05-06", "2024-06-10", "2024-09-18"]
    assert not any(n["id"].startswith("meeting:") for n in data["nodes"])  # not drawn by default
    [met] = [info for info in data["edgeInfo"].values() if info["type"] == "MET"]
    assert met["meetingDates"] == ["2024-05-06", "2024-09-18"] and met["meetings"] == [ann[0], ann[2]]
    assert data["dates"] == ["2024-05-06", "2024-06-10", "2024-09-18"]


@pytest.mark.browser
def test_page_lists_meetings_filters_them_by_date_and_draws_them(browser, tmp_path):
    path = tmp_path / "graph.html"
    page, log, dialogs = _open(browser, _two_meetings_graph(), path)
    # A person: every meeting, by date, with the others there and the number of reports.
    page.evaluate("graphbuild.network.body.emitter.emit('click', {nodes: ['person:ann-vale'], edges: []})")
    assert page.evaluate("[...document.querySelectorAll('#details li.meeting')].map(li => li.innerText)") == [
        "2024-05-06, Oslo: with Bo Ruiz (1 report)", "2024-06-10, phone: with Cy Moss (1 report)",
        "2024-09-18, Lima: with Bo Ruiz (1 report)"]
    # A MET edge: its own meetings, each with its own date and place.
    met = page.evaluate("graphbuild.edges.get().find(e => graphbuild.data.edgeInfo[e.id].type === 'MET').id")
    page.evaluate(f"graphbuild.network.body.emitter.emit('click', {{nodes: [], edges: [{json.dumps(met)}]}})")
    assert page.evaluate("[...document.querySelectorAll('#details li.meeting')].map(li => li.innerText)") == [
        "2024-05-06, Oslo: Ann Vale, Bo Ruiz (1 report)", "2024-09-18, Lima: Ann Vale, Bo Ruiz (1 report)"]
    # The slider keeps the MET edge for its September meeting, though the edge's own date is in May.
    assert page.evaluate("graphbuild.data.dates") == ["2024-05-06", "2024-06-10", "2024-09-18"]
    page.evaluate("document.getElementById('date-from').value = 2;"
                  "document.getElementById('date-from').dispatchEvent(new Event('input'))")
    hidden = page.evaluate("Object.fromEntries(graphbuild.edges.get().map(e => [graphbuild.data.edgeInfo[e.id].type,"
                           " !!e.hidden]))")
    assert hidden == {"MET": False, "SPOKE_WITH": True}
    page.evaluate("document.getElementById('date-from').value = 1; document.getElementById('date-to').value = 1;"
                  "document.getElementById('date-to').dispatchEvent(new Event('input'))")
    hidden = page.evaluate("Object.fromEntries(graphbuild.edges.get().map(e => [graphbuild.data.edgeInfo[e.id].type,"
                           " !!e.hidden]))")
    assert hidden == {"MET": True, "SPOKE_WITH": False}
    # "Show meetings": off by default; on, the meetings (of the chosen period) and their people's edges.
    assert _vis_counts(page) == [3, 2]
    page.check("#show-meetings")
    assert _vis_counts(page) == [6, 2 + 6]
    shown = page.evaluate("graphbuild.network.body.data.nodes.get().filter(n => n.id.startsWith('meeting:')"
                          " && !n.hidden).map(n => graphbuild.data.meetings.info[n.id].date)")
    assert shown == ["2024-06-10"]
    meeting = page.evaluate("graphbuild.data.meetings.byPerson['person:ann-vale'][0]")
    page.evaluate(f"graphbuild.network.body.emitter.emit('click', {{nodes: [{json.dumps(meeting)}], edges: []}})")
    details = page.inner_text("#details")
    assert "(Meeting)" in details and "Oslo" in details and "Oslo talks" in details
    page.uncheck("#show-meetings")
    assert _vis_counts(page) == [3, 2]
    _assert_clean(page, log, dialogs, path)
