"""graph.html: an interactive, self-contained page to browse the graph (pyvis / vis-network).

The page makes no network request: vis-network's script and style, read from the pyvis
package, and the graph data are inlined, and a Content-Security-Policy forbids every fetch.
Article text is untrusted, so the data travels as JSON in a non-executed ``<script
type="application/json">`` block (with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped) and the
page's own script shows it with ``textContent`` only; the CSP runs no script but the two inlined
ones, identified by their hashes. The same graph always gives the same bytes.

>>> import tempfile, pathlib
>>> G = nx.MultiDiGraph(documents=1)
>>> G.add_node("person:a", name="<b>A</b>", label="Person")
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
>>> write_html(G, path)
>>> "<b>A</b>" in path.read_text()
False
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
from collections import deque
from functools import cache
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network

from graphbuild.atomic import atomic_write_text
from graphbuild.exporters.layout import layout_positions
from graphbuild.query import find_people
from graphbuild.schema import (
    ARTICLE,
    CONTACT_TYPES,
    EVENT,
    LOCATION,
    MEETING,
    MENTIONS,
    MENTIONS_SPEC,
    NEGATED,
    ORGANIZATION,
    PARTICIPATED_IN,
    PARTICIPATED_IN_SPEC,
    PERSON,
    PLANNED,
    RELATIONS,
    REPORTS,
    STATUSES,
    spec_of,
)
from graphbuild.text import search_key  # the page folds the query as graphbuild.text.fold does

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

# (colour, vis shape, legend symbol) per node label; unknown labels share the last style.
NODE_STYLES = {
    PERSON: ("#4e79a7", "dot", "\u25cf"),
    ORGANIZATION: ("#f28e2b", "square", "\u25a0"),
    LOCATION: ("#59a14f", "triangle", "\u25b2"),
    EVENT: ("#b07aa1", "diamond", "\u25c6"),
}
OTHER_NODE_STYLE = ("#9c755f", "hexagon", "\u2b22")
# Edge colours, directedness and legend text come from the schema (graphbuild.schema); a type it does
# not know is drawn grey and directed.
OTHER_EDGE_COLOUR = "#7f7f7f"
# Planned and negated contacts are drawn dashed so they never read as meetings that happened.
STATUS_DASHES = {PLANNED: [8, 5], NEGATED: [2, 5]}
LABEL_MAX_CHARS = 40
LAYOUT_SEED = 20240601  # fixed, so the layout (and the file) is the same on every run
# Sizes from vis-network's scaling (min, max), computed at build time: nodes by degree, edges by sources.
NODE_SIZE = (8, 24)  # hubs grow, but not over their neighbours: at most 3 times the smallest node
NODE_FONT_SIZE = (14, 22)
EDGE_WIDTH = (1, 6)
# Past this many nodes edges carry no text label (their type is in their colour, the legend and the
# tooltip): vis measures every label on every draw, about half the cost of building and drawing an edge.
EDGE_LABEL_MAX_NODES = 1000
# Edges carry no drawn label: at the zoom that shows a whole graph it would be smaller than the node labels
# (their type is in their colour, the legend and the tooltip); the page labels an edge while it is hovered.
EDGE_LABELS = False
# The most connected nodes whose labels the page keeps legible at any zoom (the others appear as you zoom).
HUB_LABELS = 30
# From this many nodes the page first draws the graph itself on a plain canvas (about 50 ms for 20,000
# nodes) and builds vis-network's network in slices while the page stays responsive; search, filters
# and details work at once, hover, zoom and drag once vis has taken over (see docs/html.md).
QUICK_FIRST_VIEW_MIN_NODES = 2000


def write_html(G: nx.MultiDiGraph, path: str | os.PathLike, max_nodes: int | None = None, page: dict | None = None,
               title: str = "graphbuild") -> None:
    """Write the page for ``G``, keeping only the ``max_nodes`` most connected nodes when set; ``page`` holds
    graphbuild.toml's page defaults (see :mod:`graphbuild.settings`)."""
    atomic_write_text(path, render_html(G, max_nodes=max_nodes, title=title, page=page))


def render_html(G: nx.MultiDiGraph, max_nodes: int | None = None, title: str = "graphbuild",
                page: dict | None = None) -> str:
    """The page as a string. Articles are not drawn by default (see :func:`article_data`)."""
    full, G = G, without_articles(G)
    page = dict(page or {})
    if "max_nodes" in page and max_nodes is None:
        max_nodes = page["max_nodes"]
    shown = most_connected(G, max_nodes)
    data = page_data(G, shown, title)
    data["articles"] = article_data(full, shown)
    data["defaults"] = {key: page[key] for key in ("show_isolated", "relations", "statuses", "min_sources")
                        if key in page}
    hide_unconnected(data, shown, show=bool(page.get("show_isolated")))
    data["hubs"] = hubs(shown, data["nodes"])
    data["contactTypes"] = list(CONTACT_TYPES)
    data["meetings"] = meeting_data(full, shown)
    data["dates"] = sorted(set(data["dates"]) | {day for m in data["meetings"]["info"].values()
                                                  if (day := first_day(m.get("date")))})
    app_js = _template("graph.js")
    vis_js = _vis_js()
    values = {
        "TITLE": html.escape(title),
        "HEADER": _header_html(G, shown, title, full),
        "CSP": _csp(vis_js, app_js),
        "VIS_CSS": _vis_css(),
        "APP_CSS": _template("graph.css"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": json_for_script(data),
    }
    # One pass, so placeholder-like text inside a value is never substituted again.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: values[m.group(1)], _template("graph.html"))


def hide_unconnected(data: dict, shown: nx.MultiDiGraph, show: bool = False) -> None:
    """Nodes without an edge start hidden (``show``: drawn), so they never shrink the first view; the page's
    "Hide nodes with no visible edge" box starts ticked and says how many there are."""
    unconnected = {str(n) for n in shown.nodes if shown.degree(n) == 0}
    data["unconnected"] = len(unconnected)
    data["hideIsolated"] = not show
    if not show:
        for node in data["nodes"]:
            if node["id"] in unconnected:
                node["hidden"] = True


# What the page's first view is assumed to be, to choose hub labels that do not overlap there: the graph
# area of a 1280x800 window (sidebar and heading off), and the height of a legible label in pixels.
FIRST_VIEW_PX = (980, 700)
LEGIBLE_LABEL_PX = 13


def hubs(shown: nx.MultiDiGraph, vis_nodes: list[dict], count: int = HUB_LABELS) -> list[str]:
    """Up to ``count`` of the most connected nodes (people first on ties) whose labels the page keeps legible
    at any zoom: taken in that order, each only if its label, at the zoom that fits the first view, does not
    overlap one already taken (so the first view shows names, not a smudge)."""
    drawn = {n["id"]: n for n in vis_nodes if not n.get("hidden")}
    if not drawn:
        return []
    xs = [n["x"] for n in drawn.values()]
    ys = [n["y"] for n in drawn.values()]
    scale = min(1.0, FIRST_VIEW_PX[0] / ((max(xs) - min(xs)) * 1.1 or 1),
                FIRST_VIEW_PX[1] / ((max(ys) - min(ys)) * 1.1 or 1))
    ranked = sorted((n for n in shown.nodes if shown.degree(n) > 0 and str(n) in drawn),
                    key=lambda n: (-shown.degree(n), shown.nodes[n].get("label") != PERSON, str(n)))
    taken: list[tuple[float, float, float, float]] = []
    chosen = []
    for node in ranked:
        item = drawn[str(node)]
        font = max(LEGIBLE_LABEL_PX / scale, (item.get("font") or {}).get("size", 14))
        width, height = 0.6 * font * len(item.get("label") or "") + 4 / scale, 1.3 * font
        top = item["y"] + item.get("size", 10) + 4
        box = (item["x"] - width / 2, top, item["x"] + width / 2, top + height)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in taken):
            continue
        taken.append(box)
        chosen.append(str(node))
        if len(chosen) == count:
            break
    return chosen


def without_articles(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` without its Article and Meeting nodes (and so their MENTIONS, REPORTS and PARTICIPATED_IN
    edges): the entities and facts that are drawn."""
    hidden = {n for n, d in G.nodes(data=True) if d.get("label") in (ARTICLE, MEETING)}
    return G if not hidden else G.subgraph(n for n in G if n not in hidden)


def first_day(date: str | None) -> str | None:
    """The first day of an ISO day, month or year, for the date sliders.

    >>> first_day("2024-05"), first_day("2024"), first_day("2024-05-06"), first_day(None)
    ('2024-05-01', '2024-01-01', '2024-05-06', None)
    """
    if not date:
        return None
    return (date[:10] + "-01-01"[len(date[:10]) - 4:]) if len(date[:10]) in (4, 7) else date[:10]


MEETING_COLOUR = "#8c564b"


def meeting_data(G: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict:
    """The meetings, for the details panel (a person's meetings by date, a pair edge's meetings) and for the
    "Show meetings" box, which draws them with a PARTICIPATED_IN edge from each drawn person (hidden by
    default). Every value is shown as text by the page's script."""
    info, by_person, nodes, edges = {}, {}, [], []
    for node, attrs in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        if attrs.get("label") != MEETING:
            continue
        people = sorted(str(u) for u, _, k in G.in_edges(node, keys=True) if k == PARTICIPATED_IN)
        reports = sorted(str(u) for u, _, k in G.in_edges(node, keys=True) if k == REPORTS)
        item = {"name": str(attrs.get("name") or node), "people": people,
                "names": [str(G.nodes[p].get("name") or p) for p in people],
                "reports": int(attrs.get("reports") or len(reports)), "sources": reports}
        for key in ("date", "place", "status", "medium", "kind"):
            if attrs.get(key):
                item[key] = str(attrs[key])
        info[str(node)] = item
        for person in people:
            by_person.setdefault(person, []).append(str(node))
        drawn = [p for p in people if p in shown]
        if not drawn:
            continue
        nodes.append({"id": str(node), "label": _short(item["name"]), "shape": "star", "color": MEETING_COLOUR,
                      "size": 10, "font": {"size": 11}})
        edges += [{"id": f"p{len(edges) + n}", "from": person, "to": str(node), "arrows": "to",
                   "color": {"color": PARTICIPATED_IN_SPEC.colour, "opacity": 0.6}, "width": 1}
                  for n, person in enumerate(drawn)]
    def when(meeting: str) -> tuple:  # by date; an undated meeting at the date of its first report
        reported = sorted(str(G.nodes[doc].get("date")) for doc in info[meeting]["sources"] if G.nodes[doc].get("date"))
        day = first_day(info[meeting].get("date")) or (reported[0][:10] if reported else "\uffff")
        return day, "date" not in info[meeting], meeting

    for ids in by_person.values():
        ids.sort(key=when)
    return {"info": info, "byPerson": by_person, "nodes": nodes, "edges": edges}


def article_data(G: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict:
    """The articles, for the details panel (title, date, outlet and a link per evidence sentence) and for the
    "Show articles" box, which adds them and their MENTIONS edges to the drawing (hidden by default).

    A url becomes a link only when it is http(s); every value is shown as text by the page's script.
    """
    info, nodes, edges = {}, [], []
    for node, attrs in sorted(G.nodes(data=True), key=lambda item: str(item[0])):
        if attrs.get("label") != ARTICLE:
            continue
        url = str(attrs.get("url") or "")
        info[str(node)] = {key: str(attrs[key]) for key in ("title", "date", "outlet") if attrs.get(key)}
        if url:
            info[str(node)]["url"] = url
            info[str(node)]["link"] = bool(re.match(r"https?://[^\s]+$", url, re.I))
        targets = sorted((str(v), d.get("count") or 0) for _, v, k, d in G.out_edges(node, keys=True, data=True)
                         if k == MENTIONS and v in shown)
        if not targets:
            continue
        nodes.append({"id": str(node), "label": _short(str(attrs.get("title") or node)), "shape": "box",
                      "color": MENTIONS_SPEC.colour, "font": {"size": 11}})
        edges += [{"id": f"m{len(edges) + n}", "from": str(node), "to": target, "count": count, "arrows": "to",
                   "color": {"color": MENTIONS_SPEC.colour, "opacity": 0.6}, "width": 1}
                  for n, (target, count) in enumerate(targets)]
    return {"info": info, "nodes": nodes, "edges": edges}


def neighbourhood(G: nx.MultiDiGraph, query: str, depth: int) -> nx.MultiDiGraph:
    """Nodes within ``depth`` hops (either direction) of the people matching ``query``, and their edges.

    Empty when nobody matches.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person:a", name="Ann Lee", label="Person")
    >>> G.add_node("person:b", name="Bo Chan", label="Person")
    >>> G.add_node("location:c", name="Paris", label="Location")
    >>> G.add_edge("person:a", "person:b", key="MET")
    'MET'
    >>> G.add_edge("person:b", "location:c", key="VISITED")
    'VISITED'
    >>> sorted(neighbourhood(G, "Lee", 1))
    ['person:a', 'person:b']
    >>> len(neighbourhood(G, "Nobody", 2))
    0
    """
    people = find_people(G, query)
    if not people:
        return nx.MultiDiGraph()
    undirected = without_articles(G).to_undirected(as_view=True)  # no path through an article
    seen = {p: 0 for p in people}
    queue = deque(people)
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for other in sorted(undirected.neighbors(node)):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    cited = {u for u, v, k in G.in_edges(seen, keys=True) if k == MENTIONS}  # kept for the details panel
    cited |= {v for u, v, k in G.out_edges(seen, keys=True) if k == PARTICIPATED_IN}  # their meetings, too
    sub = G.subgraph(set(seen) | cited).copy()
    sub.graph["focus"] = people
    sub.graph["focus_query"] = query
    sub.graph["focus_depth"] = depth
    return sub


def most_connected(G: nx.MultiDiGraph, max_nodes: int | None) -> nx.MultiDiGraph:
    """``G`` itself, or its subgraph on the ``max_nodes`` nodes of highest degree (then mentions, id)."""
    if max_nodes is None or G.number_of_nodes() <= max_nodes:
        return G
    ranked = sorted(G.nodes, key=lambda n: (-G.degree(n), -int(G.nodes[n].get("mentions") or 0), str(n)))
    return G.subgraph(ranked[: max(0, max_nodes)])


def page_data(G: nx.MultiDiGraph, shown: nx.MultiDiGraph, title: str) -> dict:
    """Everything the page's script needs, as plain JSON-able data."""
    net = Network(directed=True, cdn_resources="in_line")
    node_info, people = {}, []
    positions = layout_positions(shown)
    node_scale = _scaler([shown.degree(node) + 1 for node in shown.nodes])
    for node in sorted(shown.nodes, key=str):
        attrs = shown.nodes[node]
        colour, shape, _ = NODE_STYLES.get(attrs.get("label"), OTHER_NODE_STYLE)
        name = str(attrs.get("name") or node)
        x, y = positions[node]
        scale = node_scale(shown.degree(node) + 1)
        net.add_node(str(node), label=_short(name), shape=shape, color=colour, x=x, y=y,
                     size=_between(NODE_SIZE, scale), font={"size": _between(NODE_FONT_SIZE, scale)})
        node_info[str(node)] = _node_info(attrs, name, shown.degree(node))
        if attrs.get("label") == PERSON:
            people.append([str(node), search_key(name, attrs.get("aliases") or [])])
    edge_info = {}
    n_nodes = shown.number_of_nodes()
    edge_scale = _scaler([_edge_value(attrs) for _, _, attrs in shown.edges(data=True)])
    for i, (u, v, key, attrs) in enumerate(sorted(shown.edges(keys=True, data=True), key=_edge_sort_key)):
        edge_id = f"e{i}"
        rel = str(attrs.get("type") or key)
        # Edge() directly: Network.add_edge checks node membership in a list, quadratic on big graphs.
        options = _edge_options(edge_id, rel, attrs, _edge_opacity(n_nodes),
                                label=EDGE_LABELS and n_nodes <= EDGE_LABEL_MAX_NODES)
        options["width"] = _between(EDGE_WIDTH, edge_scale(_edge_value(attrs)))
        net.edges.append(Edge(str(u), str(v), directed=not _symmetric(rel), **options).options)
        edge_info[edge_id] = _edge_info(rel, attrs, shown, u, v)
    net.options = vis_options(n_nodes)
    nodes, edges, _, _, _, _ = net.get_network_data()
    return {
        "title": title,
        "quickFirstView": n_nodes >= QUICK_FIRST_VIEW_MIN_NODES,
        "nodes": nodes,
        "edges": edges,
        "options": net.options,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
        "people": people,
        "focus": [str(n) for n in shown.graph.get("focus", []) if n in shown],
        "legend": _legend(shown),
        "counts": _counts(G, shown),
        "relations": relations_data(),
        "dates": sorted({info["date"][:10] for info in edge_info.values() if info.get("date")}),
    }


def relations_data() -> list[dict]:
    """The schema as the page reads it, in the schema's order: colour, legend text, symmetric, with status.

    >>> relations_data()[0]
    {'name': 'MET', 'colour': '#d62728', 'legend': 'met in person', 'symmetric': True, 'withStatus': True}
    """
    return [{"name": spec.name, "colour": spec.colour, "legend": spec.legend, "symmetric": spec.symmetric,
             "withStatus": spec.with_status} for spec in RELATIONS.values()]


def _symmetric(rel: str) -> bool:
    spec = spec_of(rel)
    return spec is not None and spec.symmetric


def _colour(rel: str) -> str:
    spec = spec_of(rel)
    return spec.colour if spec else OTHER_EDGE_COLOUR


def vis_options(n_nodes: int) -> dict:
    """vis-network options: positions come from the build (physics off); the page's button may run physics."""
    return {
        "autoResize": True,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": False},
        "physics": {
            "enabled": False,
            "solver": "barnesHut",
            # For the "Run physics" button: theta 0.8 (vis: 0.5) approximates far nodes more coarsely.
            "barnesHut": {"theta": 0.8, "gravitationalConstant": -3000, "centralGravity": 0.3,
                          "springLength": 90, "springConstant": 0.04, "damping": 0.3, "avoidOverlap": 0.1},
            "minVelocity": 1.0,
            "stabilization": {"enabled": False},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 1000,
                        "hideEdgesOnZoom": n_nodes > 1000, "multiselect": False},
        "nodes": {
            "borderWidth": 1,
            "font": {"size": 16, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            # Sizes come with each node (NODE_SIZE, NODE_FONT_SIZE); labels are drawn from 6 px on screen.
            "scaling": {"label": {"drawThreshold": 6}},
        },
        "edges": {
            "smooth": False if n_nodes > 1000 else {"enabled": True, "type": "continuous", "roundness": 0.3},
            # Above the line, not over it: a label drawn over a short edge hides the edge.
            "font": {"size": 10, "face": "sans-serif", "align": "top", "color": "#444444",
                     "strokeWidth": 2, "strokeColor": "#ffffff"},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
    }


def json_for_script(data: object) -> str:
    """JSON that is safe inside a ``<script>`` block: no ``</script>``, ``<!--`` or line separators.

    >>> json_for_script({"a": "</script>&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _short(name: str) -> str:
    return name if len(name) <= LABEL_MAX_CHARS else name[: LABEL_MAX_CHARS - 1] + "\u2026"


def _node_info(attrs: dict, name: str, degree: int) -> dict:
    return {
        "name": name,
        "label": str(attrs.get("label") or ""),
        "aliases": [str(a) for a in attrs.get("aliases") or [] if a != name],
        "titles": [str(t) for t in attrs.get("titles") or []],
        "mentions": attrs.get("mentions") or 0,
        "sources": [str(s) for s in attrs.get("sources") or []],
        "degree": degree,
    }


def _edge_sort_key(edge: tuple) -> tuple:
    u, v, key, _ = edge
    return str(u), str(v), str(key)


def _edge_opacity(n_nodes: int) -> float:
    """Fainter edges on big pages, so the many lines do not paint over the nodes."""
    return 0.85 if n_nodes <= 1000 else 0.5 if n_nodes <= 5000 else 0.3


def _edge_value(attrs: dict) -> int:
    return len(attrs.get("sources") or []) or 1


def _scaler(values: list[int]):
    """vis-network's default scaling, done at build time: ``value`` -> 0..1 between the smallest and largest.

    vis does it in the browser for items with a ``value``, at a cost of a few hundredths of a millisecond
    an item on every data change; precomputed sizes cost nothing there.

    >>> _scaler([1, 3, 5])(3), _scaler([2, 2])(2)
    (0.5, 0.5)
    """
    low, high = min(values, default=0), max(values, default=0)
    return lambda value: 0.5 if high == low else (value - low) / (high - low)


def _between(bounds: tuple[float, float], scale: float) -> float:
    return round(bounds[0] + scale * (bounds[1] - bounds[0]), 3)


def _edge_options(edge_id: str, rel: str, attrs: dict, opacity: float = 0.85, label: bool = True) -> dict:
    status = attrs.get("status")
    colour = _colour(rel)
    options = {
        "id": edge_id,
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": opacity},
    }
    if label:
        options["label"] = rel
    if status in STATUS_DASHES:
        options["dashes"] = STATUS_DASHES[status]
    if _symmetric(rel):
        options["arrows"] = {"to": {"enabled": False}}
    return options


def _edge_info(rel: str, attrs: dict, G: nx.MultiDiGraph, u: str, v: str) -> dict:
    info = {
        "type": rel,
        "from": str(G.nodes[u].get("name") or u),
        "to": str(G.nodes[v].get("name") or v),
        "count": attrs.get("count") or len(attrs.get("evidence") or []),
        "sources": [str(s) for s in attrs.get("sources") or []],
        "evidence": [{"doc": str(e.get("doc", "")), "sentence": str(e.get("sentence", "")),
                      **({"context": str(e["context"])} if e.get("context") else {}),
                      **({"status": str(e.get("status") or attrs["status"])} if e.get("status") or attrs.get("status")
                         else {})}
                     for e in attrs.get("evidence") or []],
    }
    for name in ("status", "date", "place", "medium", "title"):
        if attrs.get(name):
            info[name] = str(attrs[name])
    if attrs.get("meetings"):
        info["meetings"] = [str(m) for m in attrs["meetings"]]
        info["meetingDates"] = [first_day(str(d)) or "" for d in attrs.get("meeting_dates") or []]
    return info


def _legend(G: nx.MultiDiGraph) -> dict:
    labels = {str(d.get("label") or "") for _, d in G.nodes(data=True)}
    types = {str(d.get("type") or k) for _, _, k, d in G.edges(keys=True, data=True)}
    statuses = {d["status"] for _, _, d in G.edges(data=True) if d.get("status")}
    ordered_labels = [x for x in NODE_STYLES if x in labels] + sorted(labels - set(NODE_STYLES))
    return {
        "labels": [[x, *NODE_STYLES.get(x, OTHER_NODE_STYLE)] for x in ordered_labels],
        "types": [[t, _colour(t)] for t in [t for t in RELATIONS if t in types] + sorted(types - set(RELATIONS))],
        "statuses": [s for s in STATUSES if s in statuses] + sorted(statuses - set(STATUSES)),
    }


def _counts(G: nx.MultiDiGraph, shown: nx.MultiDiGraph) -> dict:
    return {
        "documents": G.graph.get("documents", 0),
        "nodes": shown.number_of_nodes(),
        "edges": shown.number_of_edges(),
        "totalNodes": G.number_of_nodes(),
        "totalEdges": G.number_of_edges(),
        "leftOutNodes": G.number_of_nodes() - shown.number_of_nodes(),
        "leftOutEdges": G.number_of_edges() - shown.number_of_edges(),
    }


def _header_html(G: nx.MultiDiGraph, shown: nx.MultiDiGraph, title: str, full: nx.MultiDiGraph | None = None) -> str:
    """The page heading; every value from the graph is escaped.

    ``G.graph["built"]`` is the newest article's date, so it is called that. The counts are the page's:
    ``graphbuild stats`` counts the Article nodes and their MENTIONS edges too, which the page leaves out.
    """
    counts = _counts(G, shown)
    unconnected = sum(1 for n in shown.nodes if shown.degree(n) == 0)
    facts = [
        f"{counts['documents']} documents" + (f", newest {G.graph['built']}" if G.graph.get("built") else ""),
        f"{counts['nodes']} nodes",
        f"{counts['edges']} edges",
    ]
    if unconnected:
        facts.append(f"{unconnected} without an edge (hidden at first)")
    articles = (full.number_of_nodes() - G.number_of_nodes()) if full is not None else 0
    if articles:
        facts.append("articles and their MENTIONS edges not counted (stats counts them)")
    parts = [f'<h1 id="page-title">{html.escape(title)}</h1>',
             f'<p id="page-facts">{html.escape(" · ".join(facts))}</p>']
    if G.graph.get("focus_query"):
        parts.append(f'<p id="page-focus">Neighbourhood of {html.escape(str(G.graph["focus_query"]))}'
                     f" (depth {int(G.graph.get('focus_depth') or 0)})</p>")
    if counts["leftOutNodes"]:
        most = max((G.degree(n) for n in G.nodes if n not in shown), default=0)
        parts.append(
            f'<p id="page-left-out">Showing the {counts["nodes"]} most connected of'
            f" {counts['totalNodes']} nodes: {counts['leftOutNodes']} nodes (with at most"
            f" {most} connection{'' if most == 1 else 's'} each) and {counts['leftOutEdges']} edges left out"
            " (raise --html-max-nodes, or use graphbuild html --focus NAME).</p>"
        )
    return "\n".join(parts)


def _csp(*scripts: str) -> str:
    """Only the page's own inlined scripts may run, and nothing may be fetched from anywhere."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in scripts)
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")


@cache
def _template(name: str) -> str:
    return (TEMPLATE_DIR / name).read_text(encoding="utf-8")


@cache
def _vis_js() -> str:
    text = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    text = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", text)  # no map to fetch from disk
    return text.replace("</script", "<\\/script")


@cache
def _vis_css() -> str:
    return (VIS_DIR / "vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
