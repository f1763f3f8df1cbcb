"""The analysis as ``analysis.json`` and CSV tables in the output folder.

Names in the tables come from untrusted article text. A spreadsheet runs a
cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, so such text
cells get a leading apostrophe (the usual guard against CSV injection).

``edges.csv`` has one row per passage that states a relation (article id,
sentence, its offsets and the mention's in the article's decoded text, the
rules that found it), so every fact in the table traces to where it was read;
a relation with no passage has one row with those cells empty.
"""
from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from kg.analyse.network import Analysis
from kg.jsonpieces import json_pieces

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
TOP_NODES = 50
TOP_OVERLAPS = 500  # pairs in analysis.json; every pair is in partner_overlap.csv
EDGE_COLUMNS = ["subject", "subject_label", "relation", "object", "object_label",
                "article", "sentence", "sentence_start", "sentence_end", "start", "end", "rules"]

# (subject, predicate, object) -> its passages as (article id, sentence, sentence start, sentence end, start, end, rules)
EdgeEvidence = Mapping[tuple[str, str, str], Sequence[tuple[str, str, int, int, int, int, str]]]


def guarded(value):
    """A text cell as a spreadsheet will not run it (a leading apostrophe before a formula's first character)."""
    return "'" + value if value.__class__ is str and value.startswith(FORMULA_STARTS) else value


def write_csv(path: Path, header: list[str], rows, guard: bool = True) -> None:
    """``rows`` into ``path``; with ``guard`` every text cell is guarded here, else the rows come guarded."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        if not guard:
            writer.writerows(rows)
            return
        # The guard is inline, not a function: a call per cell was most of the cost of a large edges.csv.
        writer.writerows(
            [("'" + v if v.__class__ is str and v.startswith(FORMULA_STARTS) else v) for v in row] for row in rows
        )


def label(analysis: Analysis, iri: str) -> str:
    return analysis.entity[iri].label


def edge_rows(a: Analysis, evidence: EdgeEvidence):
    """edges.csv's rows, guarded: each relation's ends once, then the three text cells of each passage."""
    labels = {e.iri: guarded(e.label) for e in a.entities}
    empty = ("", "", "", "", "", "", "")
    starts = FORMULA_STARTS
    for r in a.relations:
        ends = (guarded(r.subject), labels[r.subject], guarded(r.predicate), guarded(r.object), labels[r.object])
        for article, sentence, s_start, s_end, start, end, rules in evidence.get((r.subject, r.predicate, r.object)) or [empty]:
            # The guard inline (a call per cell was a tenth of the table's cost); offsets are numbers or "".
            yield (*ends, "'" + article if article.startswith(starts) else article,
                   "'" + sentence if sentence.startswith(starts) else sentence, s_start, s_end, start, end,
                   "'" + rules if rules.startswith(starts) else rules)


def write_tables(analysis: Analysis, out_dir: Path, evidence: EdgeEvidence | None = None) -> None:
    a = analysis
    write_csv(
        out_dir / "nodes.csv",
        ["iri", "label", "top_class", "class", "level", "degree", "betweenness", "page_rank", "community"],
        (
            # The measures are figures, not text: only the first five cells are guarded (as they were as Decimals).
            [guarded(e.iri), guarded(e.label), guarded(e.top_class), guarded(e.fine_class), guarded(e.level or ""),
             degree, betweenness, page_rank, community]
            for e, degree, betweenness, page_rank, community in zip(
                a.entities, a.metrics.degrees, a.metrics.texts("betweenness"), a.metrics.texts("page_rank"),
                a.metrics.community)
        ),
        guard=False,
    )
    write_csv(
        out_dir / "edges.csv",
        EDGE_COLUMNS,
        edge_rows(a, evidence or {}),
        guard=False,
    )
    name = {e.iri: e.label for e in a.entities}.__getitem__  # one look-up, not two through the analysis
    write_csv(
        out_dir / "communities.csv",
        ["community", "size", "iri", "label"],
        ([c.number, len(c.members), iri, name(iri)] for c in a.communities for iri in c.members),
    )
    write_csv(
        out_dir / "partner_overlap.csv",
        ["community_a", "label_a", "community_b", "label_b", "shared", "partners"],
        (
            [o.first, name(o.first), o.second, name(o.second), len(o.partners), "；".join(name(p) for p in o.partners)]
            for o in a.partner_overlap
        ),
    )
    write_csv(
        out_dir / "admin_tree.csv",
        ["child", "child_label", "parent", "parent_label"],
        ([c, name(c), p, name(p)] for c, p in a.admin_tree.parent_of),
    )
    write_csv(out_dir / "class_counts.csv", ["top_class", "class", "count"], a.class_counts)
    write_csv(out_dir / "level_counts.csv", ["level", "count"], a.level_counts)
    with open(out_dir / "analysis.json", "w", encoding="utf-8") as out:
        out.writelines(json_pieces(analysis_summary(a), depth=3, indent=1))


def _node(a: Analysis, iri: str) -> dict:
    e, m = a.entity[iri], a.metric[iri]
    return {
        "iri": iri,
        "label": e.label,
        "class": e.fine_class,
        "top_class": e.top_class,
        "degree": m.degree,
        "betweenness": m.betweenness,
        "page_rank": m.page_rank,
        "community": m.community,
    }


def analysis_summary(a: Analysis) -> dict:
    """The analysis as JSON: figures, top nodes, communities, overlap and tree (every node is in nodes.csv)."""
    return {
        "entities": len(a.entities),
        "relations": len(a.relations),
        "betweenness": {"method": "exact" if a.betweenness_sample is None else "sampled", "sample": a.betweenness_sample},
        "counts": {
            "top_classes": dict(a.top_class_counts()),
            "classes": [{"top_class": t, "class": c, "count": n} for t, c, n in a.class_counts],
            "levels": dict(a.level_counts),
        },
        "top_nodes": {
            key: [_node(a, m.iri) for m in a.ranked(key, TOP_NODES)] for key in ("page_rank", "betweenness", "degree")
        },
        # The two long lists are made as they are written (json_pieces).
        "communities": (
            {"community": c.number, "size": len(c.members), "members": [label(a, i) for i in c.members]}
            for c in a.communities
            if len(c.members) > 1
        ),
        "partner_overlap": [
            {
                "communities": [label(a, o.first), label(a, o.second)],
                "iris": [o.first, o.second],
                "shared_partners": [label(a, p) for p in o.partners],
            }
            for o in a.partner_overlap[:TOP_OVERLAPS]
        ],
        "partner_overlap_pairs": len(a.partner_overlap),
        "admin_tree": {
            "roots": list(a.admin_tree.roots),
            "parent_of": ({"child": c, "parent": p} for c, p in a.admin_tree.parent_of),
        },
    }
