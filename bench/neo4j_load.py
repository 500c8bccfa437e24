"""Relationships per second into Neo4j: `graphbuild load` (now and before), graph.cypher, neo4j-admin import.

    python bench/neo4j_load.py [--nodes 100000] [--relationships 1000000]
        [--methods load old admin cypher] [--batch-size 1000] [--workers 1] [--heap 2g] [--pagecache 1g]
        [--reload] [--replace-check]

``--reload`` also times two incremental re-loads after the full load: the same graph (nothing sent), and
the graph with 1% new relationships (only those sent), side by side with the full load's time.

``old`` is the loader as it was before issue 12: 1,000 rows per transaction, one session.

Builds a deterministic synthetic graph with the full graphbuild schema (every relationship with one
evidence sentence), then for each method starts a fresh Neo4j 5.26 server with scripts/neo4j-server
(server start not timed), loads the graph and checks the counts. Times are wall-clock on this machine;
``admin`` is timed twice: writing the CSV files, and the neo4j-admin import itself.
Never run by pytest: the default size takes minutes.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, bench/ comes first on sys.path and bench/html.py would shadow the standard library's
# html module (networkx imports it): replace that folder with the repository root and tests/.
_ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _ROOT / "bench"]
sys.path[:0] = [str(_ROOT), str(_ROOT / "tests")]

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

import networkx as nx  # noqa: E402
from neo4j_fixtures import load_server_script  # noqa: E402

from graphbuild.exporters.cypher import write_cypher  # noqa: E402
from graphbuild.neo4j.admin import import_arguments, write_neo4j_admin  # noqa: E402
from graphbuild.neo4j.store import load_graph, run_cypher, session  # noqa: E402
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


def synthetic_graph(n_nodes: int, n_rels: int, seed: int = 1) -> nx.MultiDiGraph:
    """``n_nodes`` nodes and ``n_rels`` distinct (person, type, target) relationships, news-like."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    G.graph.update({"generator": "bench/neo4j_load.py", "documents": n_rels // 4})
    by_label: dict[str, list[str]] = {label: [] for label, _ in LABELS}
    for i in range(n_nodes):
        label = rng.choices([name for name, _ in LABELS], [w for _, w in LABELS])[0]
        node = f"{label.lower()}:n{i}"
        by_label[label].append(node)
        G.add_node(node, id=node, name=f"{label} {i}", label=label, aliases=[f"{label} {i}", f"N{i}"],
                   titles=["Minister"] if label == "Person" and i % 7 == 0 else [], mentions=1 + i % 5,
                   sources=[f"doc{i % 5000:05d}"])
    people = by_label["Person"]
    added = 0  # G.number_of_edges() walks the whole graph: too slow to call per edge
    while added < n_rels:
        source = people[min(int(rng.paretovariate(1.2)) - 1, len(people) - 1)] if rng.random() < 0.2 \
            else rng.choice(people)
        target_label = rng.choices(["Person", "Organization", "Location", "Event"], [0.55, 0.15, 0.2, 0.1])[0]
        target = rng.choice(by_label[target_label])
        rel = RELATION[target_label]
        if target == source:
            continue
        if rel in SYMMETRIC_TYPES and target < source:
            source, target = target, source
        if G.has_edge(source, target, key=rel):
            continue
        doc = f"doc{rng.randrange(n_rels // 4 + 1):07d}"
        sentence = f"{G.nodes[source]['name']} and {G.nodes[target]['name']} met in the capital on Tuesday."
        attrs = {"type": rel, "count": 1, "sources": [doc],
                 "evidence": [{"doc": doc, "sentence": sentence, "start": 0, "end": len(sentence)}]}
        if rel in STATUS_TYPES:
            attrs.update(status="occurred", date="2024-10-15", place="Moscow")
        if rel == HOLDS_POSITION:
            attrs["title"] = "Minister"
        G.add_edge(source, target, key=rel, **attrs)
        added += 1
    return G


def counts(conn: dict) -> tuple[int, int]:
    with session(conn) as sess:
        nodes = sess.run("MATCH (n) RETURN count(n) AS n").single()["n"]
        rels = sess.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
    return nodes, rels


def with_new_relationships(G: nx.MultiDiGraph, share: float, seed: int = 2) -> nx.MultiDiGraph:
    """``G`` and ``share`` times as many new MET relationships between its people (new pairs only)."""
    rng = random.Random(seed)
    H = G.copy()
    people = sorted(n for n, d in G.nodes(data=True) if d.get("label") == PERSON)
    template = next(d for _, _, k, d in G.edges(keys=True, data=True) if k == MET)
    wanted, added = int(G.number_of_edges() * share), 0
    while added < wanted:
        a, b = sorted(rng.sample(people, 2))
        if H.has_edge(a, b, MET):
            continue
        evidence = [{**template["evidence"][0], "sentence": f"New sentence {added}."}]
        H.add_edge(a, b, key=MET, **{**template, "evidence": evidence, "sources": [f"new{added}"]})
        added += 1
    return H


def bench_load(tool, G: nx.MultiDiGraph, work: Path, args: argparse.Namespace, old: bool = False) -> dict:
    home = work / ("home-old" if old else "home-load")
    info = tool.start(home, auth=False, heap=args.heap, pagecache=args.pagecache)
    conn = {"uri": info["uri"], "user": "neo4j", "password": None, "database": None}
    options = {"batch_size": 1000, "workers": 1} if old else {"batch_size": args.batch_size, "workers": args.workers}
    try:
        started = time.perf_counter()
        summary = load_graph(G, conn, progress=False, **options)
        seconds = time.perf_counter() - started
        assert counts(conn) == (G.number_of_nodes(), G.number_of_edges())
        if not old and args.replace_check:  # a second load with --replace: nothing to delete, all unchanged
            started = time.perf_counter()
            again = load_graph(G, conn, progress=False, replace=True, **options)
            replace_seconds = time.perf_counter() - started
            assert again.relationships_unchanged == G.number_of_edges() and not again.relationships_deleted
        if not old and args.reload:  # incremental: the same graph again, then with 1% new relationships
            started = time.perf_counter()
            load_graph(G, conn, progress=False, **options)
            unchanged_seconds = time.perf_counter() - started
            H = with_new_relationships(G, 0.01)
            started = time.perf_counter()
            grown = load_graph(H, conn, progress=False, **options)
            grown_seconds = time.perf_counter() - started
            assert grown.relationships_created == H.number_of_edges() - G.number_of_edges()
            assert counts(conn) == (H.number_of_nodes(), H.number_of_edges())
    finally:
        tool.stop(home, clean=True)
    result = {"method": "graphbuild load before (1,000 rows a transaction, 1 session)" if old
              else f"graphbuild load ({args.batch_size:,} rows a transaction, {args.workers} sessions)",
              "seconds": seconds, "summary": str(summary)}
    if not old and args.replace_check:
        result["reload_with_replace_seconds"] = round(replace_seconds, 1)
    if not old and args.reload:
        result["reload_unchanged_seconds"] = round(unchanged_seconds, 1)
        result["reload_1pct_new_seconds"] = round(grown_seconds, 1)
        result["reload_1pct_new_share_of_full"] = round(grown_seconds / seconds, 3)
    return result


def bench_cypher(tool, G: nx.MultiDiGraph, work: Path, args: argparse.Namespace) -> dict:
    path = work / "graph.cypher"
    started = time.perf_counter()
    write_cypher(G, path)
    write_seconds = time.perf_counter() - started
    info = tool.start(work / "home-cypher", auth=False, heap=args.heap, pagecache=args.pagecache)
    conn = {"uri": info["uri"], "user": "neo4j", "password": None, "database": None}
    try:
        started = time.perf_counter()
        statements = run_cypher(conn, path.read_text(encoding="utf-8"))
        seconds = time.perf_counter() - started
        assert counts(conn) == (G.number_of_nodes(), G.number_of_edges())
    finally:
        tool.stop(work / "home-cypher", clean=True)
    return {"method": "graph.cypher via driver", "seconds": seconds, "write_seconds": write_seconds,
            "statements": statements, "file_mb": round(path.stat().st_size / 1e6, 1)}


def bench_admin(tool, G: nx.MultiDiGraph, work: Path, args: argparse.Namespace) -> dict:
    out = work / "admin-csv"
    started = time.perf_counter()
    write_neo4j_admin(G, out)
    write_seconds = time.perf_counter() - started
    home = work / "home-admin"
    tool.write_conf(home, tool.free_port(), False, args.heap, args.pagecache)
    started = time.perf_counter()
    result = tool.admin(home, import_arguments(out), heap=args.heap, capture=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"neo4j-admin import failed: {result.stderr[-2000:]}")
    tool.start(home, auth=False, heap=args.heap, pagecache=args.pagecache)
    try:
        conn = {"uri": f"bolt://127.0.0.1:{json.loads((home / 'run' / 'graphbuild-neo4j.json').read_text())['port']}",
                "user": "neo4j", "password": None, "database": None}
        assert counts(conn) == (G.number_of_nodes(), G.number_of_edges())
    finally:
        tool.stop(home, clean=True)
    return {"method": "neo4j-admin import", "seconds": seconds, "write_seconds": write_seconds}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--relationships", type=int, default=1_000_000)
    parser.add_argument("--methods", nargs="+", default=["load", "old", "admin"],
                        choices=["load", "old", "cypher", "admin"])
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--replace-check", action="store_true",
                        help="after the load, time a second load with --replace (nothing changed)")
    parser.add_argument("--reload", action="store_true",
                        help="after the load, time re-loads: the same graph, then with 1%% new relationships")
    parser.add_argument("--heap", default="2g")
    parser.add_argument("--pagecache", default="1g")
    args = parser.parse_args()
    tool = load_server_script()
    tool.fetch()
    started = time.perf_counter()
    G = synthetic_graph(args.nodes, args.relationships)
    print(f"graph: {G.number_of_nodes()} nodes, {G.number_of_edges()} relationships "
          f"(built in {time.perf_counter() - started:.1f}s)", flush=True)
    runners = {"load": bench_load, "cypher": bench_cypher, "admin": bench_admin,
               "old": lambda *a: bench_load(*a, old=True)}
    with tempfile.TemporaryDirectory(prefix="graphbuild-bench-neo4j-") as tmp:
        for method in args.methods:
            result = runners[method](tool, G, Path(tmp), args)
            result["relationships_per_second"] = round(G.number_of_edges() / result["seconds"])
            result["seconds"] = round(result["seconds"], 1)
            print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
