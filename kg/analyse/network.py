"""Analyse stage: network measures of the entity graph, written back as triples.

``analyse`` finds (centrality, communities, counts, partner overlap, the
administrative tree) and ``annotate_graph`` writes the key figures into the
graph, so SPARQL users can sort by them. The networkx graph is derived from
the rdflib graph: entities are nodes, relation triples are undirected edges.

Determinism: nodes and edges are inserted in sorted order, every random
choice takes a fixed seed, and decimals are rounded before they are written,
so ``graph.ttl`` is identical run to run.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.analyse.records import EntityRecord, RelationRecord, read_entities, read_relations
from kg.model import LEVELS, TOP_CLASSES
from kg.rdf.vocab import KG

SEED = 20240601
DECIMALS = 6
# Exact betweenness is O(nodes × edges); above this many nodes it is estimated
# from a fixed-seed sample of source nodes, which keeps large corpora practical.
EXACT_BETWEENNESS_LIMIT = 1500
BETWEENNESS_SAMPLE = 200
# Community-level units gather partners through their own party organisations too.
COMMUNITY_LEVEL = "community"


@dataclass(frozen=True)
class NodeMetrics:
    iri: str
    degree: int
    betweenness: Decimal
    page_rank: Decimal
    community: int  # Louvain community number, 1 = largest


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
    metrics: tuple[NodeMetrics, ...]  # same order as ``entities``
    communities: tuple[Community, ...]  # largest first
    class_counts: tuple[tuple[str, str, int], ...]  # (top class, fine class, count)
    level_counts: tuple[tuple[str, int], ...]
    partner_overlap: tuple[PartnerOverlap, ...]  # most shared partners first
    admin_tree: AdminTree
    betweenness_sample: int | None = None  # None: exact

    @cached_property
    def entity(self) -> dict[str, EntityRecord]:
        return {record.iri: record for record in self.entities}

    @cached_property
    def metric(self) -> dict[str, NodeMetrics]:
        return {m.iri: m for m in self.metrics}

    def top_class_counts(self) -> tuple[tuple[str, int], ...]:
        counts = Counter(record.top_class for record in self.entities)
        return tuple((cls, counts.get(cls, 0)) for cls in TOP_CLASSES)

    def ranked(self, key: str = "page_rank") -> list[NodeMetrics]:
        """Metrics sorted by one measure, highest first; ties broken by IRI."""
        return sorted(self.metrics, key=lambda m: (-getattr(m, key), m.iri))


def analyse(graph: Graph) -> Analysis:
    """The analysis of an rdflib graph (kg's tests and tools; the build uses ``analyse_records``)."""
    entities = read_entities(graph)
    return analyse_records(entities, read_relations(graph, {e.iri for e in entities}))


def analyse_records(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> Analysis:
    """The analysis of entity and relation records, both sorted (the build's tables, kg.analyse.records)."""
    network = entity_network(entities, relations)
    communities = find_communities(network)
    betweenness, sample = betweenness_of(network)
    page_rank = nx.pagerank(network)
    community_of = {iri: c.number for c in communities for iri in c.members}
    metrics = tuple(
        NodeMetrics(
            iri=e.iri,
            degree=network.degree(e.iri),
            betweenness=rounded(betweenness[e.iri]),
            page_rank=rounded(page_rank[e.iri]),
            community=community_of[e.iri],
        )
        for e in entities
    )
    return Analysis(
        entities=entities,
        relations=relations,
        metrics=metrics,
        communities=communities,
        class_counts=count_classes(entities),
        level_counts=count_levels(entities),
        partner_overlap=partner_overlap(entities, relations),
        admin_tree=admin_tree(entities, relations),
        betweenness_sample=sample,
    )


def rounded(value: float) -> Decimal:
    # Rounding through a fixed decimal string: tiny float noise never reaches graph.ttl.
    return Decimal(f"{value:.{DECIMALS}f}")


def entity_network(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> nx.Graph:
    """An undirected simple graph: entities as nodes, relations as edges, in sorted order."""
    network = nx.Graph()
    network.add_nodes_from(e.iri for e in entities)  # isolated entities count too
    network.add_edges_from(sorted({tuple(sorted((r.subject, r.object))) for r in relations if r.subject != r.object}))
    return network


def betweenness_of(network: nx.Graph) -> tuple[dict[str, float], int | None]:
    if len(network) <= EXACT_BETWEENNESS_LIMIT:
        return nx.betweenness_centrality(network), None
    sample = min(BETWEENNESS_SAMPLE, len(network))
    return nx.betweenness_centrality(network, k=sample, seed=SEED), sample


def find_communities(network: nx.Graph) -> tuple[Community, ...]:
    """Louvain communities, numbered from 1 by size (largest first), ties by first member."""
    if not len(network):
        return ()
    found = nx.community.louvain_communities(network, seed=SEED)
    ordered = sorted((tuple(sorted(c)) for c in found), key=lambda members: (-len(members), members[0]))
    return tuple(Community(number, members) for number, members in enumerate(ordered, start=1))


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
    """Bipartite projection of communities–partners onto communities: who shares partners."""
    partners = partners_by_community(entities, relations)
    if not partners:
        return ()
    bipartite = nx.Graph()
    bipartite.add_nodes_from(sorted(partners), side="community")
    bipartite.add_edges_from(sorted((unit, p) for unit, ps in partners.items() for p in ps))
    projected = nx.bipartite.weighted_projected_graph(bipartite, sorted(partners))
    overlaps = [
        PartnerOverlap(*sorted((a, b)), tuple(sorted(partners[a] & partners[b])))
        for a, b in projected.edges()
    ]
    return tuple(sorted(overlaps, key=lambda o: (-len(o.partners), o.first, o.second)))


def _level_rank(entity: EntityRecord) -> int:
    return LEVELS.index(entity.level) if entity.level in LEVELS else -1


def admin_tree(entities: tuple[EntityRecord, ...], relations: tuple[RelationRecord, ...]) -> AdminTree:
    """One parent per unit: of the units it is ``partOf``, the nearest level above it."""
    units = {e.iri: e for e in entities if e.top_class == "AdministrativeUnit"}
    candidates: dict[str, list[str]] = {}
    for r in relations:
        if r.predicate == "partOf" and r.subject in units and r.object in units:
            candidates.setdefault(r.subject, []).append(r.object)
    parent = {
        child: sorted(options, key=lambda p: (-_level_rank(units[p]), p))[0]
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


def annotate_graph(graph: Graph, analysis: Analysis) -> None:
    """Write degree, betweenness, PageRank and community number onto every entity node."""
    for m in analysis.metrics:
        node = URIRef(m.iri)
        graph.set((node, KG.degree, Literal(m.degree, datatype=XSD.integer)))
        graph.set((node, KG.betweenness, Literal(m.betweenness, datatype=XSD.decimal)))
        graph.set((node, KG.pageRank, Literal(m.page_rank, datatype=XSD.decimal)))
        graph.set((node, KG.networkCommunity, Literal(m.community, datatype=XSD.integer)))
