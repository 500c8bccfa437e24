"""How fast can any Cypher statement write relationships over Bolt on this machine? The server's floor.

    python bench/neo4j_floor.py [--nodes 20000] [--relationships 1000000] [--batch-size 10000]
        [--shapes create-bare create-props merge-props merge-counted]

For each statement shape it starts a fresh Neo4j 5.26 server (scripts/neo4j-server, 2 GB heap, 1 GB
page cache), creates ``--nodes`` nodes with a unique ``id``, then writes the same hub-heavy set of
relationships, ``--batch-size`` rows a transaction, one session, and prints relationships per second
with the server's CPU time per relationship (read from /proc) and the client's:

- ``create-bare``: ``CREATE (a)-[:R]->(b)``, no property: the least any Cypher load can do;
- ``create-props``: the same with graphbuild's 11 properties (``SET r = row.props``);
- ``merge-props``: ``MERGE`` instead of ``CREATE`` (idempotent), what ``graphbuild load`` runs into an
  empty database;
- ``merge-counted``: ``graphbuild load``'s statement when the type already exists (counts changed rows).

If ``create-bare`` stays under a rate on an idle machine, no loader over Bolt reaches it here: the
server's CPU per relationship, not the client, sets the limit. Never run by pytest.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, bench/ comes first on sys.path and bench/html.py would shadow the standard library's
# html module (networkx imports it): replace that folder with the repository root and tests/.
ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from neo4j_fixtures import load_server_script  # noqa: E402

from graphbuild.neo4j.statements import relationship_statement  # noqa: E402

MATCH_ENDS = "UNWIND $rows AS row MATCH (a:N {id: row.source}) MATCH (b:N {id: row.target}) "
SHAPES = {
    "create-bare": (MATCH_ENDS + "CREATE (a)-[:R]->(b)", False),
    "create-props": (MATCH_ENDS + "CREATE (a)-[r:R]->(b) SET r = row.props", True),
    "merge-props": (relationship_statement("R", "N", "N"), True),
    "merge-counted": (relationship_statement("R", "N", "N", count_changes=True), True),
}
SENTENCE = "The minister met his counterpart in the capital on Tuesday to discuss trade, security and the border."


def pairs(nodes: int, rels: int, seed: int = 1) -> list[tuple[int, int]]:
    """Distinct (start, end) pairs; starts drawn heavy-tailed, as people in news are."""
    rng, seen, out = random.Random(seed), set(), []
    while len(out) < rels:
        pair = (int(nodes ** rng.random()) - 1, rng.randrange(nodes))
        if pair[0] != pair[1] and pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def props(i: int) -> dict:
    """The properties of a graphbuild MET relationship with one piece of evidence."""
    doc = f"doc-{i % 5000}"
    return {"count": 1, "sources": [doc], "date": "2020-01-02", "place": "location:paris", "status": "occurred",
            "written_by": "graphbuild", "evidence_docs": [doc], "evidence_sentences": [SENTENCE],
            "evidence_starts": [i % 900], "evidence_ends": [i % 900 + 100], "evidence_statuses": ["occurred"]}


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_shape(tool, name: str, ends: list[tuple[int, int]], args: argparse.Namespace) -> str:
    import neo4j

    statement, with_props = SHAPES[name]
    rows = [{"source": f"n{a}", "target": f"n{b}", **({"props": props(i)} if with_props else {})}
            for i, (a, b) in enumerate(ends)]
    home = Path(tempfile.mkdtemp(prefix="graphbuild-floor-"))
    info = tool.start(home, auth=False, heap="2g", pagecache="1g")
    pid = int((home / "run" / "graphbuild-neo4j.pid").read_text())
    driver = neo4j.GraphDatabase.driver(info["uri"], auth=None)
    try:
        with driver.session() as sess:
            sess.run("CREATE CONSTRAINT FOR (n:N) REQUIRE n.id IS UNIQUE").consume()
            ids = [f"n{i}" for i in range(args.nodes)]
            for i in range(0, len(ids), args.batch_size):
                sess.run("UNWIND $ids AS id CREATE (:N {id: id})", ids=ids[i:i + args.batch_size]).consume()
        cpu, started, client = server_cpu(pid), time.perf_counter(), time.process_time()
        with driver.session() as sess:
            for i in range(0, len(rows), args.batch_size):
                batch = rows[i:i + args.batch_size]
                sess.execute_write(lambda tx, batch=batch: tx.run(statement, rows=batch).consume())
        wall = time.perf_counter() - started
        server, client = server_cpu(pid) - cpu, time.process_time() - client
        per_rel = 1e6 / len(rows)
        return (f"{name:<14} {len(rows) / wall:>9,.0f} rel/s   server CPU {server * per_rel:6.1f} µs/rel"
                f"   client CPU {client * per_rel:5.1f} µs/rel")
    finally:
        driver.close()
        tool.stop(home, clean=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=20000)
    parser.add_argument("--relationships", type=int, default=1000000)
    parser.add_argument("--batch-size", type=int, default=10000)
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), default=list(SHAPES))
    args = parser.parse_args()
    tool = load_server_script()
    ends = pairs(args.nodes, args.relationships)
    print(f"{args.relationships:,} relationships between {args.nodes:,} nodes, {args.batch_size:,} a transaction; "
          f"load average {os.getloadavg()[0]:.1f}")
    for name in args.shapes:
        print(run_shape(tool, name, ends, args), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
