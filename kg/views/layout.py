"""The overview's positions, computed before the page opens, so the browser runs no physics for it.

A force layout of 1,000 nodes takes vis-network about a minute to settle; a
Fruchterman-Reingold layout here takes a second or two, and it is seeded, so a
view looks the same every time it is built.

The layout is networkx's ``spring_layout(method="force")``, step for step in
numpy (same seed, same random start, same arithmetic in the same order and
precision, so the same positions to the last bit): importing networkx for this
one function cost every build about 0.1 s of start-up. Up to 500 nodes networkx
works on a dense float64 matrix; from 500 on, a row at a time in float32.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

SEED = 20240601
NODE_SPACING = 150  # pixels between neighbouring nodes, roughly
SPREAD = 2.0  # times the default optimal distance (sqrt(1/nodes)): room for the labels
ITERATIONS = 50
THRESHOLD = 1e-4  # mean step below which the layout has settled
ROW_BY_ROW = 500  # from this many nodes on, networkx's sparse variant (float32, one row at a time)

Position = tuple[int, int]


def force_positions(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, Position]:
    """A seeded force-directed layout, scaled so that nodes keep about NODE_SPACING apart."""
    if not nodes:
        return {}
    order = list(dict.fromkeys(sorted(nodes)))
    pairs = sorted((u, v) for u, v in edges if u != v)
    for pair in pairs:  # an end that is not among the nodes comes after them, as networkx adds it
        for end in pair:
            if end not in order:
                order.append(end)
    if len(order) == 1:
        return {nodes[0]: (0, 0)}
    number = {node: i for i, node in enumerate(order)}
    size = len(order)
    dtype = np.float32 if size >= ROW_BY_ROW else np.float64
    adjacency = np.zeros((size, size), dtype=dtype)
    for u, v in pairs:
        adjacency[number[u], number[v]] = adjacency[number[v], number[u]] = 1
    start = np.asarray(np.random.RandomState(SEED).rand(size, 2), dtype=dtype)
    k = SPREAD / math.sqrt(size)
    settle = _row_by_row if size >= ROW_BY_ROW else _dense
    raw = rescaled(settle(adjacency, k, start)) + np.zeros(2)
    scale = NODE_SPACING * math.sqrt(size) / 2
    return {node: (round(float(x) * scale), round(float(y) * scale)) for node, (x, y) in zip(order, raw)}


def _temperature(pos: np.ndarray):
    # About a tenth of the domain: the largest step allowed; it cools linearly to one step of dt.
    t = max(max(pos.T[0]) - min(pos.T[0]), max(pos.T[1]) - min(pos.T[1])) * 0.1
    return t, t / (ITERATIONS + 1)


def _dense(adjacency: np.ndarray, k: float, pos: np.ndarray) -> np.ndarray:
    nodes = pos.shape[0]
    t, dt = _temperature(pos)
    for _ in range(ITERATIONS):
        delta = pos[:, np.newaxis, :] - pos[np.newaxis, :, :]
        distance = np.linalg.norm(delta, axis=-1)
        np.clip(distance, 0.01, None, out=distance)
        displacement = np.einsum("ijk,ij->ik", delta, (k * k / distance**2 - adjacency * distance / k))
        length = np.linalg.norm(displacement, axis=-1)
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = np.einsum("ij,i->ij", displacement, t / length)
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / nodes) < THRESHOLD:
            break
    return pos


def _row_by_row(adjacency: np.ndarray, k: float, pos: np.ndarray) -> np.ndarray:
    nodes = pos.shape[0]
    t, dt = _temperature(pos)
    displacement = np.zeros((2, nodes))
    for _ in range(ITERATIONS):
        displacement *= 0
        for i in range(nodes):
            delta = (pos[i] - pos).T
            distance = np.sqrt((delta**2).sum(axis=0))
            distance = np.clip(distance, a_min=0.01, a_max=None)
            row = adjacency[i:i + 1]
            displacement[:, i] += (delta * (k * k / distance**2 - row * distance / k)).sum(axis=1)
        length = np.sqrt((displacement**2).sum(axis=0))
        length = np.clip(length, a_min=0.01, a_max=None)
        delta_pos = (displacement * t / length).T
        pos += delta_pos
        t -= dt
        if (np.linalg.norm(delta_pos) / nodes) < THRESHOLD:
            break
    return pos


def rescaled(pos: np.ndarray) -> np.ndarray:
    """Centred on the origin, the largest coordinate ±1 (the aspect kept)."""
    pos -= pos.mean(axis=0)
    lim = np.abs(pos).max()
    if lim > 0:
        pos *= 1 / lim
    return pos
