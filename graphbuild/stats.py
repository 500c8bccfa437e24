"""``graphbuild stats``: what a graph holds, by node label and relation type."""

from __future__ import annotations

from collections import Counter

import networkx as nx


def graph_stats(G: nx.MultiDiGraph) -> dict:
    labels = Counter(data.get("label", "?") for _, data in G.nodes(data=True))
    types = Counter(data.get("type", key) for _, _, key, data in G.edges(keys=True, data=True))
    statuses = Counter(data.get("status") for _, _, key, data in G.edges(keys=True, data=True) if key == "MET")
    return {
        "documents": G.graph.get("documents", 0),
        "nodes": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "labels": dict(sorted(labels.items())),
        "relations": dict(sorted(types.items())),
        "met_status": {str(k): v for k, v in sorted(statuses.items(), key=lambda kv: str(kv[0]))},
    }


def format_stats(G: nx.MultiDiGraph) -> str:
    stats = graph_stats(G)
    lines = [f"documents: {stats['documents']}", f"nodes: {stats['nodes']}"]
    lines += [f"  {label}: {n}" for label, n in stats["labels"].items()]
    lines.append(f"edges: {stats['edges']}")
    lines += [f"  {rel}: {n}" for rel, n in stats["relations"].items()]
    if stats["met_status"]:
        lines.append("MET by status: " + ", ".join(f"{k} {v}" for k, v in stats["met_status"].items()))
    return "\n".join(lines) + "\n"
