"""Fixed positions for graph.html, computed at build time so the page opens already laid out.

A force-directed layout (Fruchterman–Reingold forces, ForceAtlas2's degree-weighted repulsion so a hub's
neighbours spread around it instead of piling on it) in numpy, in O(n · cells) a step: nodes repel
exactly within their grid cell and through the cells' centres of mass beyond it, so 20,000 nodes lay out
in seconds where networkx's ``spring_layout`` and ``forceatlas2_layout`` (all pairs, O(n²) a step) take
minutes (measured in docs/html.md). The components then keep their shapes but are packed: the biggest
stays in the middle and the smaller ones are set, biggest first, in the nearest free room around it
(:func:`pack_components`), so no small group floats far away and shrinks the view. Nodes without an
edge are not simulated: they are set in a compact grid below the drawing, so they cannot fill the
screen (the page hides them by default). Seeded and rounded to whole pixels: the same graph gives the
same positions.

>>> G = nx.Graph([("a", "b"), ("b", "c")]); G.add_node("z")
>>> pos = layout_positions(G)
>>> sorted(pos) == ["a", "b", "c", "z"] and all(isinstance(v, int) for p in pos.values() for v in p)
True
>>> pos == layout_positions(G)
True
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

EDGE_LENGTH = 90.0  # pixels between two linked nodes at zoom 1, roughly: labels of neighbours stay apart
ISOLATED_SPACING = (130.0, 45.0)  # across, down: room for a label of about 16 characters
SEED = 20240601


def layout_positions(G: nx.Graph, seed: int = SEED) -> dict:
    """Node -> (x, y) in whole pixels for an undirected view of ``G``."""
    U = nx.Graph(G.to_undirected(as_view=True)) if G.is_directed() or G.is_multigraph() else G
    U.remove_edges_from(nx.selfloop_edges(U))
    nodes = sorted(U.nodes, key=str)
    linked = [n for n in nodes if U.degree(n) > 0]
    isolated = [n for n in nodes if U.degree(n) == 0]
    pos: dict = {}
    if linked:
        index = {n: i for i, n in enumerate(linked)}
        edges = np.array([(index[u], index[v]) for u, v in U.edges() if u in index and v in index], dtype=np.int64)
        xy = force_layout(len(linked), edges, seed=seed) * EDGE_LENGTH
        components = sorted((sorted(index[n] for n in c) for c in nx.connected_components(U.subgraph(linked))),
                            key=lambda c: (-len(c), c[0]))
        xy = pack_components(xy, components)
        for n, (x, y) in zip(linked, xy, strict=True):
            pos[n] = (int(round(x)), int(round(y)))
    if isolated:
        pos.update(_grid(isolated, pos))
    return pos


PACK_CELL = EDGE_LENGTH  # the packing grid: one cell an edge length
PACK_MARGIN = 1  # free cells kept around each component


def pack_components(xy: np.ndarray, components: list[list[int]]) -> np.ndarray:
    """``xy`` with each component moved, shape kept, into the free room nearest the first (biggest) one.

    Cells of :data:`PACK_CELL` are marked taken by each placed component's box (plus a margin); the next
    component takes the first free spot on growing square rings around the centre. Deterministic.

    >>> xy = np.array([[0.0, 0.0], [90.0, 0.0], [5000.0, 5000.0], [5090.0, 5000.0]])
    >>> packed = pack_components(xy, [[0, 1], [2, 3]])
    >>> bool(np.abs(packed[2:] - packed[:2]).max() < 400) and np.allclose(packed[3] - packed[2], [90, 0])
    True
    """
    if len(components) < 2:
        return xy
    out = xy.copy()
    taken: set[tuple[int, int]] = set()
    ring = 0
    for number, members in enumerate(components):
        points = xy[members]
        low, high = points.min(axis=0), points.max(axis=0)
        width = int(math.ceil((high[0] - low[0]) / PACK_CELL)) + 1 + 2 * PACK_MARGIN
        height = int(math.ceil((high[1] - low[1]) / PACK_CELL)) + 1 + 2 * PACK_MARGIN
        if number == 0:
            cx = int(math.floor(low[0] / PACK_CELL)) - PACK_MARGIN
            cy = int(math.floor(low[1] / PACK_CELL)) - PACK_MARGIN
            centre = (cx + width // 2, cy + height // 2)
            taken.update((cx + i, cy + j) for i in range(width) for j in range(height))
            continue
        spot = None
        ring = max(0, ring - 2)
        while spot is None:
            for dx, dy in _ring(ring):
                x0, y0 = centre[0] + dx - width // 2, centre[1] + dy - height // 2
                if all((x0 + i, y0 + j) not in taken for i in range(width) for j in range(height)):
                    spot = (x0, y0)
                    break
            else:
                ring += 1
        taken.update((spot[0] + i, spot[1] + j) for i in range(width) for j in range(height))
        corner = np.array([(spot[0] + PACK_MARGIN) * PACK_CELL, (spot[1] + PACK_MARGIN) * PACK_CELL])
        out[members] = points - low + corner
    return out


def _ring(r: int) -> list[tuple[int, int]]:
    """The cells at Chebyshev distance ``r`` from (0, 0), nearest the axes first (a rounder packing)."""
    if r == 0:
        return [(0, 0)]
    cells = [(dx, dy) for dx in range(-r, r + 1) for dy in (-r, r)] + \
            [(dx, dy) for dx in (-r, r) for dy in range(-r + 1, r)]
    return sorted(cells, key=lambda c: (c[0] * c[0] + c[1] * c[1], c[1], c[0]))


def _grid(isolated: list, pos: dict) -> dict:
    """Isolated nodes in rows under the drawing, about as wide as it (or square when alone)."""
    if pos:
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        left, width, top = min(xs), max(xs) - min(xs), max(ys) + 3 * ISOLATED_SPACING[1]
    else:
        left, width, top = 0, 0, 0
    across, down = ISOLATED_SPACING
    columns = max(int(width // across) + 1, math.ceil(math.sqrt(len(isolated) * down / across)))
    return {n: (int(left + (i % columns) * across), int(top + (i // columns) * down)) for i, n in enumerate(isolated)}


def force_layout(n: int, edges: np.ndarray, seed: int = SEED, iterations: int | None = None) -> np.ndarray:
    """n × 2 positions (unit: one ideal edge length) for nodes 0..n-1 and ``edges`` (m × 2 indices)."""
    rng = np.random.default_rng(seed)
    degree = np.bincount(edges.ravel(), minlength=n).astype(np.float64) if len(edges) else np.zeros(n)
    mass = degree + 1.0
    xy = rng.uniform(-1, 1, size=(n, 2)) * math.sqrt(n)
    if n == 1:
        return np.zeros((1, 2))
    iterations = iterations or (300 if n <= 300 else 120 if n <= 3000 else 60)
    step = math.sqrt(n) / 4
    for it in range(iterations):
        force = _repulsion(xy, mass)
        if len(edges):
            d = xy[edges[:, 1]] - xy[edges[:, 0]]
            dist = np.hypot(d[:, 0], d[:, 1])[:, None]
            pull = d * dist  # Fruchterman–Reingold attraction d² / k, with k = 1
            np.add.at(force, edges[:, 0], pull)
            np.add.at(force, edges[:, 1], -pull)
        force -= 0.05 * mass[:, None] * xy / math.sqrt(n)  # gravity: small components stay near the rest
        length = np.hypot(force[:, 0], force[:, 1])[:, None]
        temperature = step * (1 - it / iterations) + 0.01
        xy += force / np.maximum(length, 1e-9) * np.minimum(length / mass[:, None], temperature)
        # numpy's sums may differ in the last bit from one process to the next (memory alignment), and the
        # layout would amplify that: keep positions on a fixed grid so the same graph gives the same bytes.
        xy = np.round(xy, 6)
    return np.round(xy - xy.mean(axis=0), 6)


def _repulsion(xy: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """Degree-weighted repulsion m_i m_j / d: exact inside each grid cell, by cell centres beyond."""
    n = len(xy)
    cells_per_side = max(1, min(24, int(math.sqrt(n / 64))))  # about 64 nodes a cell: both halves cheap
    low = xy.min(axis=0)
    size = (xy.max(axis=0) - low).max() / cells_per_side + 1e-9
    cx = np.minimum(((xy[:, 0] - low[0]) / size).astype(np.int64), cells_per_side - 1)
    cy = np.minimum(((xy[:, 1] - low[1]) / size).astype(np.int64), cells_per_side - 1)
    cell = cx * cells_per_side + cy
    n_cells = cells_per_side * cells_per_side
    cell_mass = np.bincount(cell, weights=mass, minlength=n_cells)
    centre = np.stack([np.bincount(cell, weights=mass * xy[:, k], minlength=n_cells) for k in (0, 1)], axis=1)
    used = np.nonzero(cell_mass)[0]
    centre = centre[used] / cell_mass[used][:, None]
    used_mass = cell_mass[used]
    force = np.zeros_like(xy)
    chunk = max(1, 4_000_000 // max(1, len(used)))
    for start in range(0, n, chunk):  # far field: every node against every other cell's centre of mass
        part = slice(start, start + chunk)
        d = xy[part, None, :] - centre[None, :, :]
        d2 = (d ** 2).sum(axis=2) + 1e-9
        own = cell[part, None] == used[None, :]
        weight = np.where(own, 0.0, used_mass[None, :] / d2)
        force[part] += mass[part, None] * (d * weight[:, :, None]).sum(axis=1)
    order = np.argsort(cell, kind="stable")
    bounds = np.searchsorted(cell[order], np.arange(n_cells + 1))
    for c in used:  # near field: exact, within the cell
        members = order[bounds[c]:bounds[c + 1]]
        if len(members) < 2:
            continue
        d = xy[members, None, :] - xy[None, members, :]
        d2 = (d ** 2).sum(axis=2) + 1e-2
        weight = mass[None, members] / d2
        np.fill_diagonal(weight, 0.0)
        force[members] += mass[members, None] * (d * weight[:, :, None]).sum(axis=1)
    return force
