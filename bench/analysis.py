"""CPU of the analysis stage on a build's entity graph, or on a synthetic one of any size.

    python bench/analysis.py --build exports          # the entity graph of a build (nodes.csv, edges.csv)
    python bench/analysis.py --synthetic 100000       # a synthetic entity graph of 100,000 entities
    python bench/analysis.py --build exports --copies 7      # 7 copies of it, sharing general nodes
    python bench/analysis.py --synthetic 15000 --compare   # also networkx, networkit and rustworkx

The synthetic graph copies the shape of the 5,000-article build of a
make_corpus.py corpus (bench/README.md): per entity 0.69 units in one
administrative tree, 0.21 party organisations, small shares of programs,
facilities, partners and persons, and per entity 0.67 partOf, 0.93
runsProgram, 0.44 hasFacility, 0.30 partnersWith, 0.21 partyOrgOf and a few
leads/subOrganizationOf edges; programs and partners are picked with a
Zipf-like popularity, as general methods many places adopt are. Figures are
CPU seconds of this process (user + system), per step.

``--copies K`` makes a larger graph out of a real build: K copies of its
entity graph in which programs, partners and units of district level and
above are shared (general methods, national bodies and the gazetteer's places
are one node however many articles name them) and every other entity is
local to its copy. It keeps a real build's locality, which the synthetic
graph (uniformly random actors) lacks: the synthetic one is the harder case.
"""
from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from kg.analyse import measures
from kg.analyse.graphs import analyse_network, network_records
from kg.model import LEVELS

# Shares of entities per class, and edges per entity, in the 5,000-article build.
SHARES = {"unit": 0.686, "org": 0.207, "program": 0.0065, "facility": 0.047, "partner": 0.026, "person": 0.028}
EDGES_PER_ENTITY = {"runsProgram": 0.934, "hasFacility": 0.438, "partnersWith": 0.299, "leads": 0.027,
                    "subOrganizationOf": 0.017}
UNIT_CLASSES = ("Province", "City", "District", "Subdistrict", "Community", "Compound")
LEVEL_SHARES = (0.002, 0.02, 0.08, 0.2, 0.5, 0.198)  # of units, province … compound


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, step: Callable[[], object]) -> object:
    started = cpu()
    result = step()
    print(f"{name:<44}{cpu() - started:>8.2f} s CPU", flush=True)
    return result


def load_build(folder: Path) -> nx.MultiDiGraph:
    network = nx.MultiDiGraph()
    with (folder / "nodes.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            network.add_node(row["iri"], cls=row["class"], top_class=row["top_class"], label=row["label"])
    with (folder / "edges.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            network.add_edge(row["subject"], row["object"], row["relation"])
    return network


SHARED_TOP_CLASSES = {"Program", "Partner"}
SHARED_CLASSES = {"Province", "City", "District"}


def copies(network: nx.MultiDiGraph, count: int) -> nx.MultiDiGraph:
    """``count`` copies of ``network`` sharing programs, partners and units of district level and above."""
    shared = {iri for iri, data in network.nodes(data=True)
              if data["cls"] in SHARED_CLASSES or data.get("top_class") in SHARED_TOP_CLASSES}
    bigger = nx.MultiDiGraph()
    for copy in range(count):
        name = {iri: iri if iri in shared else f"{iri}/copy{copy}" for iri in network}
        bigger.add_nodes_from((name[iri], data) for iri, data in network.nodes(data=True))
        bigger.add_edges_from((name[s], name[o], p) for s, o, p in network.edges(keys=True))
    return bigger


def synthetic(entities: int, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    network = nx.MultiDiGraph()
    names: dict[str, list[str]] = {kind: [] for kind in SHARES}

    def add(kind: str, cls: str) -> str:
        iri = f"https://example.org/{kind}/{len(names[kind]):07d}"
        network.add_node(iri, cls=cls, label=f"{cls}{len(names[kind])}")
        names[kind].append(iri)
        return iri

    units = max(len(LEVELS), round(entities * SHARES["unit"]))
    by_level: list[list[str]] = []
    for level, share in enumerate(LEVEL_SHARES):
        count = max(1, round(units * share))
        by_level.append([add("unit", UNIT_CLASSES[level]) for _ in range(count)])
        for unit in by_level[-1] if level else ():
            network.add_edge(unit, rng.choice(by_level[level - 1]), "partOf")
    for cls, kind in (("PartyCommittee", "org"), ("Program", "program"), ("Facility", "facility"),
                      ("Partner", "partner"), ("Person", "person")):
        for _ in range(max(1, round(entities * SHARES[kind]))):
            add(kind, cls)
    for org in names["org"]:
        network.add_edge(org, rng.choice(names["unit"]), "partyOrgOf")
    actors = names["unit"] + names["org"]

    def popular(kind: str) -> str:  # Zipf-like: the i-th is about 1/i as likely as the first
        items = names[kind]
        return items[min(len(items) - 1, int(len(items) ** rng.random()) - 1)]

    for predicate, per_entity in EDGES_PER_ENTITY.items():
        for _ in range(round(entities * per_entity)):
            if predicate == "runsProgram":
                network.add_edge(rng.choice(actors), popular("program"), predicate)
            elif predicate == "hasFacility":
                network.add_edge(rng.choice(names["unit"]), rng.choice(names["facility"]), predicate)
            elif predicate == "partnersWith":
                network.add_edge(rng.choice(actors), popular("partner"), predicate)
            elif predicate == "leads":
                network.add_edge(rng.choice(names["person"]), rng.choice(names["org"]), predicate)
            else:
                network.add_edge(rng.choice(names["org"]), rng.choice(names["org"]), predicate)
    return network


def compare(network: nx.MultiDiGraph) -> None:
    """The same measures with the other engines that were considered (whichever are installed)."""
    simple = nx.Graph(network.to_undirected())
    simple.remove_edges_from(nx.selfloop_edges(simple))
    k = min(measures.BETWEENNESS_SAMPLE, len(simple))
    timed(f"networkx betweenness (k={k})", lambda: nx.betweenness_centrality(simple, k=k, seed=measures.SEED))
    timed("networkx Louvain", lambda: nx.community.louvain_communities(simple, seed=measures.SEED))
    timed("networkx PageRank", lambda: nx.pagerank(simple))
    nodes = sorted(simple)
    number = {iri: i for i, iri in enumerate(nodes)}
    edges = [(number[u], number[v]) for u, v in simple.edges()]
    try:
        import networkit
    except ImportError:
        print("networkit: not installed")
    else:
        networkit.setNumberOfThreads(1)
        networkit.setSeed(measures.SEED, False)
        graph = networkit.Graph(len(nodes))
        for u, v in edges:
            graph.addEdge(u, v)
        timed(f"networkit EstimateBetweenness ({k})", lambda: networkit.centrality.EstimateBetweenness(graph, k, True).run())
        timed("networkit PLM (Louvain)", lambda: networkit.community.PLM(graph, True).run())
        timed("networkit PageRank", lambda: networkit.centrality.PageRank(graph, 0.85, 1e-8).run())
    try:
        import rustworkx
    except ImportError:
        print("rustworkx: not installed")
    else:
        graph = rustworkx.PyGraph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from_no_data(edges)
        # rustworkx has exact betweenness only (and no community detection): it does not scale to 100k.
        if len(nodes) <= 20_000:
            timed("rustworkx betweenness (exact)", lambda: rustworkx.betweenness_centrality(graph, parallel_threshold=10**9))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--build", type=Path, help="folder of a kg build (its nodes.csv and edges.csv)")
    source.add_argument("--synthetic", type=int, metavar="ENTITIES", help="a synthetic entity graph of this size")
    parser.add_argument("--copies", type=int, default=1, help="with --build: that many copies (see above)")
    parser.add_argument("--compare", action="store_true", help="also time the other engines considered")
    args = parser.parse_args(argv)
    network = copies(load_build(args.build), args.copies) if args.build else synthetic(args.synthetic)
    print(f"{network.number_of_nodes()} entities, {network.number_of_edges()} relations", flush=True)
    entities, relations = timed("records (networkx graph → records)", lambda: network_records(network))
    number = {e.iri: i for i, e in enumerate(entities)}
    graph = timed("igraph network", lambda: measures.simple_network(
        len(entities), [(number[r.subject], number[r.object]) for r in relations]).igraph())
    timed("igraph Leiden communities", lambda: measures.communities(graph))
    timed("igraph betweenness" + (" (sampled)" if len(entities) > measures.EXACT_BETWEENNESS_LIMIT else ""),
          lambda: measures.betweenness(graph))
    timed("igraph PageRank", lambda: measures.page_rank(graph))
    started = cpu()
    analysis = analyse_network(network)
    print(f"{'analyse_network, whole':<44}{cpu() - started:>8.2f} s CPU "
          f"({len(analysis.communities)} communities, {len(analysis.partner_overlap)} partner overlaps)")
    if args.compare:
        compare(network)
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
