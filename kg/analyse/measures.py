"""Centrality and communities of the entity network, computed with igraph.

igraph was chosen by measurement (``bench/README.md``): on the 14,920-entity
network of a 5,000-article build, networkx took 17 s for betweenness from 200
sampled sources, 1.7 s for Louvain and 0.3 s for PageRank; igraph takes
0.2 s, 0.2 s (Leiden) and 0.5 s, and stays within seconds at 100,000 entities.

The network is an undirected simple graph on node numbers 0…n-1, numbered in
sorted IRI order. Determinism: the input order is fixed by that numbering,
every random choice draws from a ``random.Random`` with a fixed seed, and igraph
is handed that generator before each call that draws (igraph keeps one
process-wide generator, so it is set every time rather than trusted).
"""
from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass

# igraph's PageRank (PRPACK) runs on OpenMP threads, which spin while they wait for each other. On a busy
# 2-core machine that cost 0.5 s of CPU (1.1 s wall) for a 10,000-node network that one thread ranks in
# 0.007 s (measured here). OpenMP reads this once, when igraph loads its own libgomp; a value the user set wins.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import igraph  # noqa: E402 - after the OpenMP setting, which must come first

SEED = 20240601
# Exact betweenness costs O(nodes × edges); above this many nodes it is
# estimated from a fixed-seed sample of source nodes (Brandes' pivots, as
# networkx's ``k`` does), which keeps large corpora practical.
EXACT_BETWEENNESS_LIMIT = 1500
BETWEENNESS_SAMPLE = 500
# Leiden passes: five reach within 0.5 % of the modularity of running until
# nothing changes, at a tenth of its time on 100,000 nodes (bench/README.md).
LEIDEN_ITERATIONS = 5


@dataclass(frozen=True)
class Network:
    """``size`` nodes numbered 0…size-1 and undirected edges ``(a, b)`` with ``a < b``, sorted, no repeats."""

    size: int
    edges: tuple[tuple[int, int], ...]

    def igraph(self) -> igraph.Graph:
        return igraph.Graph(n=self.size, edges=list(self.edges), directed=False)


def simple_network(size: int, pairs: Sequence[tuple[int, int]]) -> Network:
    """The undirected simple graph of ``pairs``: no direction, no self-loops, no repeated edges."""
    edges = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    return Network(size, tuple(edges))


def betweenness(graph: igraph.Graph) -> tuple[list[float], int | None]:
    """Normalised betweenness of every node (networkx's scale), and the sample size (None: exact).

    The sampled estimate takes shortest paths from ``BETWEENNESS_SAMPLE``
    source nodes and scales by ``nodes / sample``, so it estimates the exact value.
    """
    n = graph.vcount()
    if n < 3:
        return [0.0] * n, None
    scale = 2 / ((n - 1) * (n - 2))  # pairs of other nodes a node can lie between
    if n <= EXACT_BETWEENNESS_LIMIT:
        return [value * scale for value in graph.betweenness(directed=False)], None
    sample = min(BETWEENNESS_SAMPLE, n)
    sources = sorted(random.Random(SEED).sample(range(n), sample))
    # igraph counts each source's paths once, so a full sample gives the exact value.
    raw = graph.betweenness(directed=False, sources=sources)
    return [value * scale * n / sample for value in raw], sample


def page_rank(graph: igraph.Graph) -> list[float]:
    """PageRank (damping 0.85), solved exactly by PRPACK rather than by a tolerance-bound power iteration."""
    if not graph.vcount():
        return []
    return graph.pagerank(directed=False, damping=0.85)


def communities(graph: igraph.Graph) -> list[list[int]]:
    """Leiden communities maximising modularity, largest first, ties by smallest member; members sorted.

    Leiden rather than Louvain: it never leaves a community internally
    disconnected, and igraph's runs in well under a second at 100,000 nodes.
    An isolated node is a community of its own.
    """
    if not graph.vcount():
        return []
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        found = graph.community_leiden(objective_function="modularity", n_iterations=LEIDEN_ITERATIONS)
    finally:
        igraph.set_random_number_generator(random)
    groups: dict[int, list[int]] = {}
    for node, group in enumerate(found.membership):
        groups.setdefault(group, []).append(node)
    return sorted(groups.values(), key=lambda members: (-len(members), members[0]))
