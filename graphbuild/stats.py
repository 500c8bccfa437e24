"""``graphbuild stats``: what a graph holds, by node label and relation type, and by status.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents=1)
>>> G.add_edge("a", "b", key="MET", type="MET", status="planned")
'MET'
>>> G.add_edge("a", "b", key="SPOKE_WITH", type="SPOKE_WITH", status="occurred")
'SPOKE_WITH'
>>> print(format_stats(G), end="")
documents: 1
nodes: 2
  ?: 2
edges: 2
  MET: 1
  SPOKE_WITH: 1
MET by status: planned 1
SPOKE_WITH by status: occurred 1
"""

from __future__ import annotations

from collections import Counter

import networkx as nx

from graphbuild.schema import RELATION_SPECS


def graph_stats(G: nx.MultiDiGraph) -> dict:
    labels = Counter(data.get("label", "?") for _, data in G.nodes(data=True))
    types = Counter(data.get("type", key) for _, _, key, data in G.edges(keys=True, data=True))
    by_status = {}
    for spec in RELATION_SPECS:  # every type whose spec carries a status, in schema order
        if spec.with_status:
            statuses = Counter(data.get("status") for _, _, key, data in G.edges(keys=True, data=True)
                               if key == spec.name)
            by_status[spec.name] = {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))}
    return {
        "documents": G.graph.get("documents", 0),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "labels": dict(sorted(labels.items())),
        "relations": dict(sorted(types.items())),
        "status": by_status,  # type -> status -> edges
        "met_status": by_status.get("MET", {}),  # kept for callers of the single-type version
    }


def format_stats(G: nx.MultiDiGraph) -> str:
    stats = graph_stats(G)
    lines = [f"documents: {stats['documents']}", f"nodes: {stats['nodes']}"]
    lines += [f"  {label}: {n}" for label, n in stats["labels"].items()]
    lines.append(f"edges: {stats['edges']}")
    lines += [f"  {rel}: {n}" for rel, n in stats["relations"].items()]
    for rel, counts in stats["status"].items():
        if counts:
            lines.append(f"{rel} by status: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return "\n".join(lines) + "\n"
