"""Analyse stage: network measures of the entity graph.

``analyse_records`` finds (centrality, communities, counts, partner overlap,
the administrative tree) from sorted entity and relation records, as a build
has them (``records_of``); ``kg.analyse.graphs`` does the same for a networkx
or rdflib graph. The measures themselves are computed by igraph
(``measures``) on the undirected simple graph of the relations.

Determinism: nodes are numbered in sorted IRI order, edges are sorted,
every random choice takes a fixed seed, and decimals are rounded before
they are written, so ``graph.ttl`` is identical run to run.
"""
from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from heapq import nsmallest

import numpy as np

import kg.analyse.measures as measures
from kg.analyse.records import EntityRecord, RelationRecord
from kg.model import LEVELS, TOP_CLASSES, level_rank

DECIMALS = 6
# Community-level units gather partners through their own party organisations too.
COMMUNITY_LEVEL = "community"
# Pairs of communities kept in the partner overlap (most shared partners first).
MAX_PARTNER_OVERLAPS = 10_000


@dataclass(frozen=True, slots=True)
class NodeMetrics:
    iri: str
    degree: int
    betweenness: Decimal
    page_rank: Decimal
    community: int  # Leiden community number (modularity), 1 = largest


class MetricsTable(Sequence[NodeMetrics]):
    """Every entity's measures as arrays (28 bytes an entity), each ``NodeMetrics`` made when it is asked for.

    As records with their two Decimals the measures of the million entities of a 100,000-article build
    take about 300 MB; the Decimals are made from the same floats either way, so the figures are the same.
    """

    def __init__(self, entities: Sequence[EntityRecord], degrees: Sequence[int], betweenness: Sequence[float],
                 page_rank: Sequence[float], community: Sequence[int]):
        self.entities = entities  # the analysis' entities, in its order (not copied)
        self.degrees = array("q", degrees)
        self.betweenness = array("d", betweenness)
        self.page_rank = array("d", page_rank)
        self.community = array("q", community)
        self._figures: dict[str, list[float]] = {}  # figures(key), made once

    def __len__(self) -> int:
        return len(self.degrees)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        return NodeMetrics(self.entities[i].iri, self.degrees[i], rounded(self.betweenness[i]),
                           rounded(self.page_rank[i]), self.community[i])

    def texts(self, key: str) -> list[str]:
        """Each entity's ``betweenness`` or ``page_rank`` as written: ``str`` of its rounded Decimal (fixed digits)."""
        return [f"{v:.{DECIMALS}f}" for v in self._floats(key)]

    def figures(self, key: str) -> list[float]:
        """Each entity's ``betweenness`` or ``page_rank`` as the float of its rounded figure, which is the float of
        its Decimal (values that round alike are equal, as their Decimals are), without making the Decimals."""
        found = self._figures.get(key)
        if found is None:
            found = self._figures[key] = [float(text) for text in self.texts(key)]
        return found

    def _floats(self, key: str) -> array:
        return {"betweenness": self.betweenness, "page_rank": self.page_rank}[key]

    def sort_key(self, key: str):
        """Position -> (minus the measure as written, IRI): ``Analysis.ranked``'s order without the records."""
        iri = self.entities
        if key == "degree":
            degrees = self.degrees
            return lambda i: (-degrees[i], iri[i].iri)
        values = self.figures(key)
        return lambda i: (-values[i], iri[i].iri)

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None


class ByIri(Mapping):
    """IRI -> item of a sequence in the analysis' order, through one shared table of positions (not a dict each)."""

    def __init__(self, position: dict[str, int], items: Sequence):
        self.position = position
        self.items = items

    def __getitem__(self, iri: str):
        return self.items[self.position[iri]]

    def __iter__(self) -> Iterator[str]:
        return iter(self.position)

    def __len__(self) -> int:
        return len(self.position)


@dataclass(frozen=True)
class Community:
    number: int
    members: tuple[str, ...]  # IRIs, sorted


@dataclass(frozen=True)
class PartnerOverlap:
    """Two community-level units that work with some of the same partners."""

    first: str
    second: str
    partners: tuple[str, ...]


@dataclass(frozen=True)
class AdminTree:
    """The administrative hierarchy: one parent per unit (``partOf``), no cycles."""

    parent_of: tuple[tuple[str, str], ...]  # (child, parent), sorted
    roots: tuple[str, ...]

    def children(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        for child, parent in self.parent_of:
            result.setdefault(parent, []).append(child)
        return result


@dataclass(frozen=True)
class Analysis:
    entities: tuple[EntityRecord, ...]
    relations: tuple[RelationRecord, ...]
    metrics: MetricsTable  # same order as ``entities``
    communities: tuple[Community, ...]  # largest first
    class_counts: tuple[tuple[str, str, int], ...]  # (top class, fine class, count)
    level_counts: tuple[tuple[str, int], ...]
    partner_overlap: tuple[PartnerOverlap, ...]  # most shared partners first
    admin_tree: AdminTree
    betweenness_sample: int | None = None  # None: exact

    @cached_property
    def position(self) -> dict[str, int]:
        return {record.iri: i for i, record in enumerate(self.entities)}

    @cached_property
    def entity(self) -> Mapping[str, EntityRecord]:
        return ByIri(self.position, self.entities)

    @cached_property
    def metric(self) -> Mapping[str, NodeMetrics]:
        return ByIri(self.position, self.metrics)

    def top_class_counts(self) -> tuple[tuple[str, int], ...]:
        counts = Counter(record.top_class for record in self.entities)
        return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)

    def ranked(self, key: str = "page_rank", limit: int | None = None) -> list[NodeMetrics]:
        """Metrics sorted by one measure, highest first; ties broken by IRI; the first ``limit`` when given."""
        metrics = self.metrics
        order = metrics.sort_key(key)  # by the arrays: no record is made for the entities left out
        if limit is None:
            return [metrics[i] for i in sorted(range(len(metrics)), key=order)]
        return [metrics[i] for i in nsmallest(limit, range(len(metrics)), key=order)]


def analyse_records(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> Analysis:
    """The analysis of sorted entity and relation records (as ``read_entities``/``records_of`` give them)."""
    number = {e.iri: i for i, e in enumerate(entities)}
    graph = measures.simple_network(len(entities), [(number[r.subject], number[r.object]) for r in relations]).igraph()
    found = measures.communities(graph)
    community_of = array("q", bytes(8 * len(entities)))  # node -> its community's number
    for n, members in enumerate(found, start=1):
        for node in members:
            community_of[node] = n
    betweenness, sample = measures.betweenness(graph)
    metrics = MetricsTable(entities, graph.degree(), betweenness, measures.page_rank(graph), community_of)
    del graph, betweenness
    return Analysis(
        entities=entities,
        relations=relations,
        metrics=metrics,
        communities=tuple(
            Community(n, tuple(entities[i].iri for i in members)) for n, members in enumerate(found, start=1)
        ),
        class_counts=count_classes(entities),
        level_counts=count_levels(entities),
        partner_overlap=partner_overlap(entities, relations),
        admin_tree=admin_tree(entities, relations),
        betweenness_sample=sample,
    )


def rounded(value: float) -> Decimal:
    # Rounding through a fixed decimal string: tiny float noise never reaches graph.ttl.
    return Decimal(f"{value:.{DECIMALS}f}")


def count_classes(entities: tuple[EntityRecord, ...]) -> tuple[tuple[str, str, int], ...]:
    counts = Counter((e.top_class, e.fine_class) for e in entities)
    order = {cls: i for i, cls in enumerate(TOP_CLASSES)}
    return tuple(
        (top, fine, n) for (top, fine), n in sorted(counts.items(), key=lambda kv: (order[kv[0][0]], kv[0][1]))
    )


def count_levels(entities: tuple[EntityRecord, ...]) -> tuple[tuple[str, int], ...]:
    counts = Counter(e.level or "unknown" for e in entities if e.top_class == "AdministrativeUnit")
    return tuple((level, counts[level]) for level in (*LEVELS, "unknown") if counts.get(level))


def partners_by_community(
    entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]
) -> dict[str, set[str]]:
    """Partners of each community-level unit, directly or through a party organisation of it."""
    by_iri = {e.iri: e for e in entities}
    communities = {e.iri for e in entities if e.level == COMMUNITY_LEVEL}
    unit_of_org: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate == "partyOrgOf" and r.object in communities:
            unit_of_org.setdefault(r.subject, set()).add(r.object)
    partners: dict[str, set[str]] = {}
    for r in relations:
        if r.predicate != "partnersWith":
            continue
        for side, other in ((r.subject, r.object), (r.object, r.subject)):
            if by_iri[other].top_class != "Partner":
                continue
            units = {side} if side in communities else unit_of_org.get(side, set())
            for unit in units:
                partners.setdefault(unit, set()).add(other)
    return partners


def partner_overlap(
    entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]
) -> tuple[PartnerOverlap, ...]:
    """Bipartite projection of communities–partners onto communities: the pairs that share most partners.

    The number of pairs grows with the square of a partner's communities (a
    5,000-article build has 85,845 distinct pairs, 100,000 articles 33 million
    from 52 million shared partners), so only the ``MAX_PARTNER_OVERLAPS`` pairs
    sharing most are kept, ties by IRIs. They are counted one community at a
    time: the communities after it (in IRI order) that share each of its
    partners, counted in one array, and merged into the pairs kept so far; so
    memory holds one community's counts and the kept pairs, not every pair of
    the corpus (all pairs at once were 2 GB at 100,000 articles). Only the kept
    pairs get their partner lists.
    """
    partners = partners_by_community(entities, relations)
    units = sorted(partners)
    if not units:
        return ()
    units_of: dict[str, list[int]] = {}
    for number, unit in enumerate(units):  # so each partner's list is sorted
        for partner in partners[unit]:
            units_of.setdefault(partner, []).append(number)
    shared_by = {partner: np.array(members, dtype=np.int64) for partner, members in units_of.items() if len(members) > 1}
    size = len(units)
    kept_pairs, kept_counts = np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    for number, unit in enumerate(units):
        lists = [shared_by[partner] for partner in partners[unit] if partner in shared_by]
        if not lists:
            continue
        others = np.concatenate(lists)
        seconds, counts = np.unique(others[others > number], return_counts=True)
        if len(kept_counts) == MAX_PARTNER_OVERLAPS:
            # This community's pairs come after every kept one in IRI order, so a tie with the last kept loses.
            better = counts > kept_counts[-1]
            seconds, counts = seconds[better], counts[better]
        if not len(counts):
            continue
        kept_pairs = np.concatenate((kept_pairs, number * size + seconds))
        kept_counts = np.concatenate((kept_counts, counts))
        order = np.lexsort((kept_pairs, -kept_counts))[:MAX_PARTNER_OVERLAPS]
        kept_pairs, kept_counts = kept_pairs[order], kept_counts[order]
    return tuple(
        PartnerOverlap(first, second, tuple(sorted(partners[first] & partners[second])))
        for first, second in ((units[pair // size], units[pair % size]) for pair in kept_pairs.tolist())
    )


def admin_tree(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> AdminTree:
    """One parent per unit: of the units it is ``partOf``, the nearest level above it."""
    units = {e.iri: e for e in entities if e.top_class == "AdministrativeUnit"}
    candidates: dict[str, list[str]] = {}
    for r in relations:
        if r.predicate == "partOf" and r.subject in units and r.object in units:
            candidates.setdefault(r.subject, []).append(r.object)
    parent = {
        child: sorted(options, key=lambda p: (-level_rank(units[p].level, -1), p))[0]
        for child, options in candidates.items()
    }
    _break_cycles(parent)
    roots = tuple(sorted(iri for iri in units if iri not in parent))
    return AdminTree(tuple(sorted(parent.items())), roots)


def _break_cycles(parent: dict[str, str]) -> None:
    """Drop the parent link of the smallest IRI on each cycle (contradictory ``partOf`` facts)."""
    for start in sorted(parent):
        path: list[str] = []
        node = start
        while node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node in path:
            cycle = path[path.index(node):]
            del parent[min(cycle)]
