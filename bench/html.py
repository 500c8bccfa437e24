"""How long graph.html takes to be drawn and answer a search in headless Chromium, by graph size.

    python bench/html.py [--sizes 2000 5000 20000] [--runs 1] [--before-max 5000]

For each size it builds a synthetic news-like graph (hub-heavy: a few people in many articles, about
1.5 edges a node), writes the page, opens it in Debian's Chromium and reports: the write time (layout
included), the file size, the time from navigation to the graph being drawn and still (for the page
before issue 12: physics switched off once settled), the time of a search with its focus and the next
frame, a filter change, and when vis-network has the whole network (hover, zoom and drag work: on a
page with the quick first view, vis is built in slices after the first drawing; else when it draws).
The page as it was before (graphbuild's exporter and templates at commit BEFORE, read from git) is
measured side by side in the same run, up to ``--before-max`` nodes.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and "html" would shadow the standard
# library's html module: replace that folder with the repository root and tests/ (for browser.py).
_ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "bench"]
sys.path[:0] = [str(_ROOT), str(_ROOT / "tests")]

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402
from browser import launch, missing_browser_reason, open_page  # noqa: E402

from graphbuild.exporters.html import write_html  # noqa: E402
from graphbuild.schema import (  # noqa: E402
    ATTENDED,
    EVENT,
    HOLDS_POSITION,
    LOCATION,
    MET,
    ORGANIZATION,
    PERSON,
    STATUS_TYPES,
    SYMMETRIC_TYPES,
    VISITED,
)

LABELS = [(PERSON, 0.6), (ORGANIZATION, 0.15), (LOCATION, 0.15), (EVENT, 0.1)]
RELATION = {PERSON: MET, ORGANIZATION: HOLDS_POSITION, LOCATION: VISITED, EVENT: ATTENDED}


def synthetic_graph(n_nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A deterministic graph of ``n_nodes`` with about 1.6 edges per node, preferential attachment."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(documents=n_nodes // 2, generator="bench", built="2024-01-01")
    people: list[str] = []
    weights: list[str] = []  # node ids repeated once per edge: picking from it favours hubs
    for i in range(n_nodes):
        label = rng.choices([x for x, _ in LABELS], [w for _, w in LABELS])[0] if i >= 2 else "Person"
        node = f"{label.lower()}:n{i}"
        G.add_node(node, id=node, name=f"{label} {i} {rng.choice(['Lee', 'Chan', 'Diaz', 'Putin', 'Ivanov'])}",
                   label=label, aliases=[f"N{i}"], titles=["Minister"] if label == "Person" and i % 7 == 0 else [],
                   mentions=rng.randint(1, 9), sources=[f"doc{rng.randrange(n_nodes)}"])
        if label == "Person":
            people.append(node)
        for _ in range(1 if rng.random() < 0.5 else 2):
            _link(G, rng, node, label, people, weights)
    return G


def _link(G: nx.MultiDiGraph, rng: random.Random, node: str, label: str, people: list[str],
          weights: list[str]) -> None:
    candidates = [w for w in weights[-4000:] if w.startswith("person:")] or people
    person = rng.choice(candidates)
    if person == node:
        return
    rel = RELATION[label]
    source, target = (min(person, node), max(person, node)) if rel in SYMMETRIC_TYPES else (person, node)
    docs = sorted({f"doc{rng.randrange(10_000)}" for _ in range(rng.randint(1, 3))})
    evidence = [{"doc": d, "sentence": f"{G.nodes[source]['name']} and {G.nodes[target]['name']} in {d}.",
                 "start": 0, "end": 40} for d in docs]
    attrs = {"type": rel, "count": len(evidence), "sources": docs, "evidence": evidence}
    if rel in STATUS_TYPES:
        attrs["status"] = rng.choice(["occurred", "occurred", "planned"])
    G.add_edge(source, target, key=rel, **attrs)
    weights.extend([person, node])


BEFORE = "a3311c3"  # main just before issue 12: the page that ran physics in the browser


def exporter_before(folder: Path):
    """write_html of graphbuild at BEFORE (its exporter and templates from git, the rest of today's package)."""
    (folder / "exporters").mkdir(parents=True, exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    for name in ("exporters/html.py", "templates/graph.html", "templates/graph.js", "templates/graph.css"):
        text = subprocess.run(["git", "show", f"{BEFORE}:graphbuild/{name}"], cwd=_ROOT, check=True,
                              capture_output=True, text=True).stdout
        (folder / name).write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("html_before", folder / "exporters" / "html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_html


def measure(browser, G: nx.MultiDiGraph, folder: Path, writer=write_html, name: str = "now") -> dict:
    n_nodes = G.number_of_nodes()
    path = folder / f"graph-{name}-{n_nodes}.html"
    start = time.perf_counter()
    writer(G, path)
    write_s = time.perf_counter() - start
    page, log = open_page(browser, path, timeout_ms=600_000)
    stable_ms = page.evaluate("graphbuild.state.stableAt")
    script_ms = page.evaluate("graphbuild.state.scriptAt")
    # A search as a person does it: type a name, take the first hit, focus it, wait for the frame.
    focus_ms = page.evaluate(
        "new Promise(done => { const t = performance.now();"
        " const box = document.getElementById('search'); box.value = 'Putin';"
        " box.dispatchEvent(new Event('input')); graphbuild.focusPerson(graphbuild.search('Putin')[0]);"
        " requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t))); })"
    )
    filter_ms = page.evaluate(
        "(() => { const t = performance.now(); document.querySelector('input.type-filter').click();"
        " return performance.now() - t; })()"
    )
    # vis-network has every node and edge (the page before had them when it first drew).
    interactive_ms = page.evaluate(
        "new Promise(done => { const s = graphbuild.state;"
        " const wait = () => s.ready === false ? setTimeout(wait, 20) : done(s.interactiveAt || s.stableAt); wait(); })"
    )
    page.close()
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "write_s": write_s,
            "interactive_s": interactive_ms / 1000,
            "size_mb": path.stat().st_size / 1e6, "load_s": script_ms / 1000, "stable_s": stable_ms / 1000,
            "focus_ms": focus_ms, "ready_s": stable_ms / 1000 + focus_ms / 1000, "filter_ms": filter_ms,
            "errors": len(log.errors)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 20000])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--before-max", type=int, default=5000, help="largest size to measure the old page at")
    args = parser.parse_args(argv)
    reason = missing_browser_reason()
    if reason:
        print(f"cannot run: {reason}", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    print(f"median of {args.runs} run(s); drawn + search = the page drawn and still, then a search answered")
    print("| page | nodes | edges | write (s) | file (MB) | script starts (s) | drawn (s) | search (ms) |"
          " drawn + search (s) | filter (ms) | vis has it all (s) |")
    print("|---|------:|------:|----------:|----------:|------------------:|----------:|------------:|"
          "-------------------:|------------:|-------------------:|")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        before = exporter_before(Path(tmp) / "before")
        browser = launch(playwright)
        for size in args.sizes:
            G = synthetic_graph(size)
            pages = [("now", write_html)] + ([(f"before ({BEFORE})", before)] if size <= args.before_max else [])
            for name, writer in pages:
                runs = [measure(browser, G, Path(tmp), writer, name.split()[0]) for _ in range(args.runs)]
                r = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
                print(f"| {name} | {r['nodes']:.0f} | {r['edges']:.0f} | {r['write_s']:.2f} | {r['size_mb']:.1f} |"
                      f" {r['load_s']:.1f} | {r['stable_s']:.2f} | {r['focus_ms']:.0f} | {r['ready_s']:.2f} |"
                      f" {r['filter_ms']:.0f} | {r['interactive_s']:.2f} |"
                      + (f" {r['errors']} console errors" if r["errors"] else ""),
                      flush=True)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
