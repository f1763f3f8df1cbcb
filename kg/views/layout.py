"""The overview's positions, computed before the page opens, so the browser runs no physics for it.

A force layout of 1,000 nodes takes vis-network about a minute to settle; the
same layout from networkx takes a second or two here, and it is seeded, so a
view looks the same every time it is built.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import networkx as nx

SEED = 20240601
NODE_SPACING = 150  # pixels between neighbouring nodes, roughly
SPREAD = 2.0  # times networkx's default optimal distance: room for the labels

Position = tuple[int, int]


def force_positions(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, Position]:
    """A seeded force-directed layout, scaled so that nodes keep about NODE_SPACING apart."""
    if not nodes:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from(sorted((u, v) for u, v in edges if u != v))
    if len(graph) == 1:
        return {nodes[0]: (0, 0)}
    # method="force": above 500 nodes networkx's default energy minimiser takes twice as long.
    raw = nx.spring_layout(graph, k=SPREAD / math.sqrt(len(graph)), seed=SEED, iterations=50, method="force")
    scale = NODE_SPACING * math.sqrt(len(graph)) / 2
    return {node: (round(float(x) * scale), round(float(y) * scale)) for node, (x, y) in raw.items()}
