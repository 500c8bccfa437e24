"""What the reduce's graph holds in memory, part by part, against the floor networkx sets for its shape.

    python bench/graph_floor.py [--articles 100000]

Builds the graph of ``--articles`` synthetic records of bench/cluster.py as the pipeline does, then counts the
bytes it holds (``sys.getsizeof`` of every object reachable from it, each object once): the attributes of each
node label and edge type, and the structure networkx needs whatever the attributes — a dict of attributes, of
successors and of predecessors per node, an entry per edge at each end, a key map per edge (one for all the
edges that share a record). That structure is the floor of any graph of this shape held in networkx.
Never run by pytest.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Not bench/ itself: bench/html.py would shadow the standard library's html (networkx imports it).
sys.path[:] = [str(REPO)] + [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.append(str(REPO / "bench"))  # last: for bench/cluster.py's synthetic records

from cluster import synthetic  # noqa: E402


class Held:
    """Bytes of objects reachable from what is passed to :meth:`add`, each object counted once."""

    def __init__(self) -> None:
        self.seen: set[int] = set()

    def add(self, *roots: object) -> int:
        total, stack = 0, list(roots)
        while stack:
            obj = stack.pop()
            if id(obj) in self.seen:
                continue
            self.seen.add(id(obj))
            total += sys.getsizeof(obj)
            if isinstance(obj, dict):
                stack.extend(obj.keys())
                stack.extend(obj.values())
            elif isinstance(obj, list | tuple | set | frozenset):
                stack.extend(obj)
        return total

    def shallow(self, obj: object) -> int:
        """The container alone (its keys and values are counted elsewhere, or are shared)."""
        if id(obj) in self.seen:
            return 0
        self.seen.add(id(obj))
        return sys.getsizeof(obj)


def measure(articles: int) -> None:
    from graphbuild.build.cluster import Compactor
    from graphbuild.resolve.entities import Resolver
    from graphbuild.resolve.graph import build_graph_from_facts

    compact, dates = Compactor(), []
    records = []
    for extraction in synthetic(articles):
        records.append(compact(extraction))
        dates.append(extraction.date)
    corpus = Resolver().run(records)
    del records
    G = build_graph_from_facts(corpus.entities, corpus.facts, documents=corpus.documents, built=max(dates),
                               mentions=corpus.mentions, consume=True)
    del corpus
    held = Held()
    held.add(*G.nodes)  # the ids, which any graph of these nodes holds
    ids = sum(sys.getsizeof(node) for node in G.nodes)
    nodes: Counter = Counter()
    for _, data in G.nodes(data=True):
        nodes[data.get("label", "?")] += held.add(data)
    edges: Counter = Counter()
    for _, _, key, data in G.edges(keys=True, data=True):
        edges[key] += held.add(data)
    structure = sum(held.shallow(d) for d in (G._node, G._succ, G._pred))
    for adjacency in (G._succ, G._pred):
        for neighbours in adjacency.values():
            structure += held.shallow(neighbours)
            for keydict in neighbours.values():
                structure += held.shallow(keydict)
    total = ids + sum(nodes.values()) + sum(edges.values()) + structure
    print(f"{articles:,} articles: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; the graph holds "
          f"{total / 2**30:.2f} GiB ({total / articles:,.0f} bytes an article)")
    rows = [("node ids", ids), ("networkx structure (the floor)", structure)]
    rows += [(f"{label} node attributes", size) for label, size in sorted(nodes.items())]
    rows += [(f"{key} edge attributes", size) for key, size in sorted(edges.items())]
    for name, size in rows:
        print(f"  {name:<36} {size / 2**20:9.1f} MiB  {size / articles:7,.0f} bytes an article")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100000)
    measure(parser.parse_args().articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
