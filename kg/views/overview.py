"""Which entities the overview draws, and where.

PageRank alone fills a large overview with administrative units (the
gazetteer links every unit to its parents) and leaves two of six hundred party
organisations. So each class present gets a share of the places, in
proportion to the square root of its size (no class is crowded out, none
floods the view), and inside a class the connected entities come first, by
PageRank. Only these nodes are laid out, here, once (those without a relation
among them in rows apart); every other view is laid out by the browser from
what it draws.
"""
from __future__ import annotations

import math
from heapq import nsmallest

from kg.analyse.network import Analysis
from kg.model import TOP_CLASSES
from kg.views.layout import NODE_SPACING, force_positions


def class_shares(sizes: dict[str, int], limit: int) -> dict[str, int]:
    """Places per class: proportional to sqrt(size), never more than the class has, all places used."""
    shares = {cls: 0 for cls in sizes}
    left = min(limit, sum(sizes.values()))
    while left > 0:
        open_classes = [cls for cls in sizes if shares[cls] < sizes[cls]]
        weights = {cls: math.sqrt(sizes[cls]) for cls in open_classes}
        total = sum(weights.values())
        given = 0
        for cls in open_classes:
            extra = min(sizes[cls] - shares[cls], max(1, math.floor(left * weights[cls] / total)))
            extra = min(extra, left - given)
            shares[cls] += extra
            given += extra
            if given == left:
                break
        left -= given
    return shares


def select_overview(analysis: Analysis, limit: int) -> list[str]:
    by_class: dict[str, list[int]] = {cls: [] for cls in TOP_CLASSES}
    for i, record in enumerate(analysis.entities):
        by_class[record.top_class].append(i)
    sizes = {cls: len(members) for cls, members in by_class.items() if members}
    shares = class_shares(sizes, max(limit, 0))
    chosen = []
    entities, degree, page_rank = analysis.entities, analysis.metrics.degrees, analysis.metrics.figures("page_rank")
    for cls, share in shares.items():
        # By position: entities are in IRI order, so the position breaks ties as the IRI does.
        ranked = nsmallest(share, by_class[cls], key=lambda i: (degree[i] == 0, -page_rank[i], i))
        chosen += [entities[i].iri for i in ranked]
    return sorted(chosen)


def overview_layout(analysis: Analysis, limit: int) -> dict:
    """The overview's nodes as [iri, x, y] and how many entities and relations it leaves out."""
    shown = select_overview(analysis, limit)
    kept = set(shown)
    among = [(r.subject, r.object) for r in analysis.relations if r.subject in kept and r.object in kept]
    # Unconnected nodes are hidden at first: laid out with the rest they would push the
    # components apart, so they are laid out apart, in rows below the connected ones.
    linked = sorted({end for pair in among for end in pair})
    positions = force_positions(linked, among)
    alone = [iri for iri in shown if iri not in positions]
    bottom = max((y for _, y in positions.values()), default=0) + NODE_SPACING
    left = min((x for x, _ in positions.values()), default=0)
    row = max(1, math.ceil(math.sqrt(len(alone))))
    for k, iri in enumerate(alone):
        positions[iri] = (left + (k % row) * NODE_SPACING, bottom + (k // row) * NODE_SPACING)
    return {
        "nodes": [[iri, *positions[iri]] for iri in shown],
        "hiddenNodes": len(analysis.entities) - len(shown),
        "hiddenFacts": len(analysis.relations) - len(among),
    }
