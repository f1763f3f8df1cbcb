"""Score a built graph against gold annotations (``kg eval``).

The definitions are those of the reference scorer ``shared/tools/kgscore.py``
and give the same figures; docs/gold-format.md explains them to annotators.
In short: a predicted entity is any node whose ``rdf:type`` reaches one of the
six top classes through ``rdfs:subClassOf``; it matches the gold entity one of
whose names equals one of its labels after normalisation. Each gold entity is
matched once per class, and any further match is an unmerged duplicate.
Predictions are visited in IRI order, so results do not depend on how the
graph file happens to be serialised.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.rdf import export
from kg.tools.gold import Gold, GoldEntity, GoldKey, Triple, load_gold, normalise_name, symmetric_triple
from kg.model import RELATIONS, TOP_CLASSES

# The reference scorer caps its example lists at these lengths; the JSON
# report does too, so the two tools' outputs can be compared line by line.
_MAX_ENTITY_EXAMPLES = 40
_MAX_RELATION_EXAMPLES = 20


def local_name(iri: Node) -> str:
    """The last segment of an IRI, after its final ``#`` or ``/``."""
    return re.split(r"[#/]", str(iri))[-1]


# ---------------------------------------------------------------------- scores
@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, and the figures they give."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class TypeScore(Counts):
    """The scores of one entity class, with the names behind its errors."""

    missed: tuple[str, ...] = ()  # gold names not found, sorted
    false_positives: tuple[str, ...] = ()  # sorted; "name (duplicate)", "name (gold: Type)"


@dataclass(frozen=True)
class RelationScore(Counts):
    """The scores of one relation. Its ``fp`` leaves out predicted relations
    whose ends are not gold entities: only the overall relation score counts those."""

    missed: tuple[str, ...] = ()  # "subject|relation|object", sorted

    @property
    def gold(self) -> int:
        return self.tp + self.fn


@dataclass(frozen=True)
class Coverage:
    """How many of ``total`` things were found; ``ratio`` is None when there were none to find."""

    found: int
    total: int

    @property
    def ratio(self) -> float | None:
        return self.found / self.total if self.total else None


@dataclass(frozen=True)
class Scores:
    entities: Counts  # over the five ontology classes and people; implicit and optional left out
    per_type: Mapping[str, TypeScore]  # every class of TOP_CLASSES, in that order
    untyped: Coverage  # gold entities found under any class
    duplicates: int  # predicted entities that matched an already matched gold entity
    boilerplate_leaks: tuple[str, ...]  # noise names extracted as entities, sorted
    hierarchy: Coverage  # implicit gold units (left out by the article) that the graph has
    relations: Counts
    per_relation: Mapping[str, RelationScore]  # every relation of RELATIONS, in that order

    def as_dict(self) -> dict[str, Any]:
        """The scores in the layout of the reference scorer's ``--json`` output."""
        return {
            "entities": {**_figures(self.entities), **_tallies(self.entities)},
            "entities_untyped_recall": round(self.untyped.ratio or 0.0, 3),
            "per_type": {
                name: {
                    **_figures(score),
                    **_tallies(score),
                    "missed": list(score.missed[:_MAX_ENTITY_EXAMPLES]),
                    "false_pos": list(score.false_positives[:_MAX_ENTITY_EXAMPLES]),
                }
                for name, score in self.per_type.items()
            },
            "duplicates": self.duplicates,
            "boilerplate_leaks": list(self.boilerplate_leaks),
            "hierarchy_completion": _rounded(self.hierarchy.ratio),
            "relations": {**_figures(self.relations), **_tallies(self.relations)},
            "per_relation": {
                name: {
                    **_figures(score),
                    "gold": score.gold,
                    "missed": list(score.missed[:_MAX_RELATION_EXAMPLES]),
                }
                for name, score in self.per_relation.items()
            },
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _figures(counts: Counts) -> dict[str, float]:
    return {"p": round(counts.precision, 3), "r": round(counts.recall, 3), "f1": round(counts.f1, 3)}


def _tallies(counts: Counts) -> dict[str, int]:
    return {"tp": counts.tp, "fp": counts.fp, "fn": counts.fn}


# ----------------------------------------------------------------------- graph
@dataclass(frozen=True)
class PredictedEntity:
    node: Node
    types: frozenset[str]  # the top classes its rdf:type falls under
    names: frozenset[str]  # its rdfs:label and skos:prefLabel values, normalised

    def example(self) -> str:
        """How a false positive is listed: its first name, or its IRI when it has none."""
        return min(self.names) if self.names else str(self.node)


def load_graph(out_dir: Path) -> Graph:
    """The graph that ``kg build`` wrote into ``out_dir``."""
    return export.load_graph(out_dir)


def predicted_entities(graph: Graph) -> dict[Node, PredictedEntity]:
    """Every node typed with a class under one of the top classes, by node."""
    tops_of_class: dict[Node, frozenset[str]] = {}
    types: defaultdict[Node, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        if cls not in tops_of_class:
            tops_of_class[cls] = _top_classes(graph, cls)
        if tops_of_class[cls]:
            types[node] |= tops_of_class[cls]
    return {
        node: PredictedEntity(node, frozenset(tops), _names(graph, node))
        for node, tops in types.items()
    }


def _top_classes(graph: Graph, cls: Node) -> frozenset[str]:
    # By local name, so a graph that declares its own namespace still scores.
    reachable = graph.transitive_objects(cls, RDFS.subClassOf)
    return frozenset(local_name(c) for c in reachable) & frozenset(TOP_CLASSES)


def _names(graph: Graph, node: Node) -> frozenset[str]:
    labels = [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.prefLabel)]
    return frozenset(normalise_name(label) for label in labels)


def _parent_names(graph: Graph, entities: Mapping[Node, PredictedEntity]) -> dict[Node, set[str]]:
    """The names of each entity's partOf parents: they tell homonymous gold units apart."""
    parents: defaultdict[Node, set[str]] = defaultdict(set)
    for child, predicate, parent in graph:
        if local_name(predicate) == "partOf" and child in entities and parent in entities:
            parents[child] |= entities[parent].names
    return parents


# -------------------------------------------------------------------- matching
@dataclass
class _EntityTally:
    """Running totals while predictions are matched (private to ``match_entities``)."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    false_positives: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    matched: set[tuple[GoldKey, str]] = field(default_factory=set)  # (gold entity, class)
    found_any_class: set[GoldKey] = field(default_factory=set)
    implicit_found: set[GoldKey] = field(default_factory=set)
    leaks: set[str] = field(default_factory=set)
    duplicates: int = 0

    def false_positive(self, cls: str, example: str) -> None:
        self.fp[cls] += 1
        self.false_positives[cls].add(example)


@dataclass(frozen=True)
class EntityMatch:
    tally: _EntityTally
    gold_of: dict[Node, GoldKey]  # the gold entity each matched prediction denotes


def match_entities(
    entities: Mapping[Node, PredictedEntity], gold: Gold, parents: Mapping[Node, set[str]]
) -> EntityMatch:
    keys_by_name: defaultdict[str, list[GoldKey]] = defaultdict(list)
    for key, entity in gold.entities.items():
        for name in entity.names:
            keys_by_name[name].append(key)
    tally = _EntityTally()
    gold_of: dict[Node, GoldKey] = {}
    for node in sorted(entities, key=str):
        predicted = entities[node]
        candidates = [key for name in sorted(predicted.names) for key in keys_by_name.get(name, [])]
        key = _choose_gold(candidates, predicted, parents.get(node, set()), tally.matched)
        if key is None:
            for cls in predicted.types:
                tally.false_positive(cls, predicted.example())
            tally.leaks |= predicted.names & gold.noise
            continue
        gold_of[node] = key
        tally.found_any_class.add(key)
        for cls in predicted.types:
            _count_match(tally, gold.entities[key], cls)
    return EntityMatch(tally, gold_of)


def _choose_gold(
    candidates: list[GoldKey],
    predicted: PredictedEntity,
    parent_names: set[str],
    matched: set[tuple[GoldKey, str]],
) -> GoldKey | None:
    """The gold entity a prediction denotes: a homonym whose parent agrees with
    the graph's, else one not yet matched under its classes, else the first."""
    if not candidates:
        return None
    by_parent = [key for key in candidates if key.parent is not None and key.parent in parent_names]
    unmatched = [key for key in candidates if not any((key, cls) in matched for cls in predicted.types)]
    return (by_parent or unmatched or candidates)[0]


def _count_match(tally: _EntityTally, gold: GoldEntity, cls: str) -> None:
    if gold.optional:
        return  # neither rewarded nor penalised
    if gold.implicit:
        if gold.type == cls:
            tally.implicit_found.add(gold.key)
        return
    if gold.type != cls:
        tally.false_positive(cls, f"{gold.key} (gold: {gold.type})")
    elif (gold.key, cls) in tally.matched:
        tally.duplicates += 1
        tally.false_positive(cls, f"{gold.key} (duplicate)")
    else:
        tally.matched.add((gold.key, cls))
        tally.tp[cls] += 1


def score_relations(
    graph: Graph, entities: Mapping[Node, PredictedEntity], gold_of: Mapping[Node, GoldKey], gold: Gold
) -> tuple[Counts, dict[str, RelationScore]]:
    optional = {key for key, entity in gold.entities.items() if entity.optional}
    predicted: set[Triple] = set()
    unmatched_ends = 0  # relations touching an entity that is not in the gold
    for subject, predicate, obj in graph:
        relation = local_name(predicate)
        if relation not in RELATIONS or subject not in entities or obj not in entities:
            continue
        subject_key, object_key = gold_of.get(subject), gold_of.get(obj)
        if subject_key in optional or object_key in optional:
            continue
        if subject_key is None or object_key is None:
            unmatched_ends += 1
            continue
        predicted.add(symmetric_triple(subject_key, relation, object_key))
    expected = {t for t in gold.relations if t.subject not in optional and t.object not in optional}
    overall = Counts(
        tp=len(predicted & expected),
        fp=len(predicted - expected) + unmatched_ends,
        fn=len(expected - predicted),
    )
    per_relation = {}
    for relation in RELATIONS:
        wanted = {t for t in expected if t.relation == relation}
        got = {t for t in predicted if t.relation == relation}
        per_relation[relation] = RelationScore(
            tp=len(got & wanted),
            fp=len(got - wanted),
            fn=len(wanted - got),
            missed=tuple(sorted(str(t) for t in wanted - got)),
        )
    return overall, per_relation


# ---------------------------------------------------------------------- entry
def score_graph(graph: Graph, gold: Gold) -> Scores:
    """Score a graph against merged gold annotations."""
    entities = predicted_entities(graph)
    match = match_entities(entities, gold, _parent_names(graph, entities))
    tally = match.tally
    scored = [entity for entity in gold.entities.values() if entity.scored]
    per_type = {}
    for cls in TOP_CLASSES:
        missed = sorted(str(e.key) for e in scored if e.type == cls and (e.key, cls) not in tally.matched)
        per_type[cls] = TypeScore(
            tp=tally.tp[cls],
            fp=tally.fp[cls],
            fn=len(missed),
            missed=tuple(missed),
            false_positives=tuple(sorted(tally.false_positives[cls])),
        )
    implicit = [e.key for e in gold.entities.values() if e.implicit and not e.optional]
    relations, per_relation = score_relations(graph, entities, match.gold_of, gold)
    return Scores(
        entities=Counts(
            tp=sum(s.tp for s in per_type.values()),
            fp=sum(s.fp for s in per_type.values()),
            fn=sum(s.fn for s in per_type.values()),
        ),
        per_type=per_type,
        untyped=Coverage(len(tally.found_any_class & {e.key for e in scored}), len(scored)),
        duplicates=tally.duplicates,
        boilerplate_leaks=tuple(sorted(tally.leaks)),
        hierarchy=Coverage(len(tally.implicit_found), len(implicit)),
        relations=relations,
        per_relation=per_relation,
    )


def score_dir(out_dir: Path, gold_dir: Path) -> Scores:
    """Score the graph built in ``out_dir`` against the gold files in ``gold_dir``."""
    gold = load_gold(gold_dir)
    return score_graph(load_graph(out_dir), gold)


# ---------------------------------------------------------------------- report
def format_scores(scores: Scores, as_json: bool = False, verbose: bool = False) -> str:
    """The scores as a readable report, or as JSON in the reference scorer's layout.

    ``verbose`` lists, under each class and relation, what was missed and what
    was wrongly found.
    """
    if as_json:
        return json.dumps(scores.as_dict(), ensure_ascii=False, indent=1)
    lines = [_row("entities", "P", "R", "F1", "tp", "fp", "fn")]
    for cls, score in scores.per_type.items():
        lines.append(_counts_row(cls, score))
        if verbose:
            lines += _examples("missed", score.missed) + _examples("false+", score.false_positives)
    lines += [_counts_row("all entities", scores.entities), "", _row("relations", "P", "R", "F1", "tp", "fp", "fn")]
    for relation, score in scores.per_relation.items():
        lines.append(_counts_row(relation, score))
        if verbose:
            lines += _examples("missed", score.missed)
    lines += [
        _counts_row("all relations", scores.relations),
        "",
        f"untyped recall        {_coverage(scores.untyped)}",
        f"hierarchy completion  {_coverage(scores.hierarchy)}",
        f"duplicates            {scores.duplicates}",
        f"boilerplate leaks     {len(scores.boilerplate_leaks)}{_listed(scores.boilerplate_leaks)}",
    ]
    return "\n".join(lines)


def _row(name: str, *cells: str) -> str:
    return f"{name:<20}" + "".join(f"{cell:>7}" for cell in cells)


def _counts_row(name: str, counts: Counts) -> str:
    figures = (f"{value:.3f}" for value in (counts.precision, counts.recall, counts.f1))
    return _row(name, *figures, str(counts.tp), str(counts.fp), str(counts.fn))


def _coverage(coverage: Coverage) -> str:
    if coverage.ratio is None:
        return "n/a (nothing to find)"
    return f"{coverage.ratio:.3f} ({coverage.found}/{coverage.total})"


def _listed(names: tuple[str, ...]) -> str:
    return f": {'、'.join(names)}" if names else ""


def _examples(label: str, names: tuple[str, ...]) -> list[str]:
    return [f"    {label}: {'、'.join(names)}"] if names else []
