"""Analysis: measures on small graphs whose answers can be worked out by hand; determinism; scale switches."""
import os
import random
import subprocess
import sys
from decimal import Decimal

import networkx as nx
import pytest
from rdflib import Literal, URIRef

from kg.analyse import measures
from kg.analyse.graphs import analyse, analyse_network, annotate_graph, entity_network
from kg.analyse.graphs import read_entities, read_relations
from kg.rdf.vocab import DATA, KG

XSD = "http://www.w3.org/2001/XMLSchema#"

STAR = ({"c": "Community", "p1": "Person", "p2": "Person", "p3": "Person", "p4": "Person"},
        [("p1", "leads", "c"), ("p2", "leads", "c"), ("p3", "leads", "c"), ("p4", "leads", "c")])

# Two 4-cliques joined through a bridge node: a–b–c–d, bridge, w–x–y–z.
CLIQUE_A, CLIQUE_B = ["a", "b", "c", "d"], ["w", "x", "y", "z"]
BRIDGED = (
    {name: "Program" for name in CLIQUE_A + CLIQUE_B + ["bridge"]},
    [(s, "partnersWith", o) for group in (CLIQUE_A, CLIQUE_B) for i, s in enumerate(group) for o in group[i + 1:]]
    + [("a", "partnersWith", "bridge"), ("bridge", "partnersWith", "w")],
)


def metrics_by_name(analysis):
    return {m.iri.rsplit("/", 1)[-1]: m for m in analysis.metrics}


def test_star_centre_has_highest_degree_and_betweenness(make_graph):
    metrics = metrics_by_name(analyse(make_graph(*STAR)))
    assert metrics["c"].degree == 4
    assert metrics["c"].betweenness == Decimal("1.000000")
    assert all(metrics[p].degree == 1 and metrics[p].betweenness == 0 for p in ("p1", "p2", "p3", "p4"))
    assert max(metrics.values(), key=lambda m: m.page_rank).iri == str(DATA["c"])


def test_two_cliques_form_two_communities_and_the_bridge_is_most_between(make_graph):
    analysis = analyse(make_graph(*BRIDGED))
    metrics = metrics_by_name(analysis)
    assert max(metrics.values(), key=lambda m: m.betweenness).iri == str(DATA["bridge"])
    groups = {frozenset(i.rsplit("/", 1)[-1] for i in c.members) for c in analysis.communities}
    assert len(groups) == 2
    assert any(set(CLIQUE_A) <= g for g in groups) and any(set(CLIQUE_B) <= g for g in groups)


def test_communities_are_numbered_largest_first(make_graph):
    analysis = analyse(make_graph(*BRIDGED))
    sizes = [len(c.members) for c in analysis.communities]
    assert sizes == sorted(sizes, reverse=True)
    assert [c.number for c in analysis.communities] == list(range(1, len(sizes) + 1))


@pytest.mark.parametrize(
    "edges, expected",
    [
        # Both communities work with the university directly.
        ([("c1", "partnersWith", "uni"), ("uni", "partnersWith", "c2")], {("c1", "c2"): ["uni"]}),
        # The second reaches it through its party committee.
        ([("c1", "partnersWith", "uni"), ("org", "partyOrgOf", "c2"), ("org", "partnersWith", "uni")],
         {("c1", "c2"): ["uni"]}),
        # Different partners: no overlap.
        ([("c1", "partnersWith", "uni"), ("c2", "partnersWith", "firm")], {}),
    ],
)
def test_partner_overlap_between_communities(make_graph, edges, expected):
    nodes = {"c1": "Community", "c2": "Community", "uni": "University", "firm": "Partner", "org": "PartyCommittee"}
    analysis = analyse(make_graph(nodes, edges))
    found = {
        (o.first.rsplit("/", 1)[-1], o.second.rsplit("/", 1)[-1]): [p.rsplit("/", 1)[-1] for p in o.partners]
        for o in analysis.partner_overlap
    }
    assert found == expected


def test_partner_overlap_keeps_the_pairs_that_share_most(make_graph, monkeypatch):
    nodes = {"c1": "Community", "c2": "Community", "c3": "Community", "u1": "University", "u2": "University"}
    edges = [("c1", "partnersWith", "u1"), ("c1", "partnersWith", "u2"), ("c2", "partnersWith", "u1"),
             ("c2", "partnersWith", "u2"), ("c3", "partnersWith", "u2")]
    monkeypatch.setattr("kg.analyse.network.MAX_PARTNER_OVERLAPS", 2)
    found = [(o.first.rsplit("/", 1)[-1], o.second.rsplit("/", 1)[-1], len(o.partners))
             for o in analyse(make_graph(nodes, edges)).partner_overlap]
    assert found == [("c1", "c2", 2), ("c1", "c3", 1)]  # (c2, c3) shares as much as (c1, c3) but sorts after it


@pytest.mark.parametrize("seed, kept", [(1, 10_000), (2, 10_000), (3, 10_000), (4, 7), (5, 3), (6, 1)])
def test_partner_overlap_counts_what_a_brute_force_count_of_shared_partners_counts(seed, kept, monkeypatch):
    # Fewer pairs kept than there are: the pairs are counted one community at a time and merged into the kept
    # ones, which must give the first pairs of the whole sorted list, ties by IRIs.
    monkeypatch.setattr("kg.analyse.network.MAX_PARTNER_OVERLAPS", kept)
    from kg.analyse.network import partner_overlap
    from kg.analyse.records import EntityRecord, RelationRecord

    rng = random.Random(seed)
    units = [EntityRecord(f"u{i:02d}", f"u{i}", "AdministrativeUnit", "Community", "community") for i in range(12)]
    partners = [EntityRecord(f"p{i:02d}", f"p{i}", "Partner", "Partner") for i in range(9)]
    relations = sorted({(u.iri, "partnersWith", p.iri) for u in units for p in partners if rng.random() < 0.4})
    records = tuple(RelationRecord(*r) for r in relations)
    entities = tuple(sorted(units + partners, key=lambda e: e.iri))
    of = {u.iri: {r.object for r in records if r.subject == u.iri} for u in units}
    pairs = [(a, b, of[a] & of[b]) for a in sorted(of) for b in sorted(of) if a < b and of[a] & of[b]]
    expected = [(a, b, tuple(sorted(shared))) for a, b, shared in sorted(pairs, key=lambda p: (-len(p[2]), p[0], p[1]))]
    assert [(o.first, o.second, o.partners) for o in partner_overlap(entities, records)] == expected[:kept]


def test_a_build_loads_neither_networkx_nor_scipy_nor_rdflib():
    # networkx and scipy.sparse were 0.15-0.2 s of every build's start-up, for one layout and one matrix product;
    # rdflib 0.07 s, for namespaces a build writes as text (kg.rdf.terms) and one empty graph.
    code = ("import sys, kg.pipeline, kg.cli.commands, kg.cli.progress, kg.cli.summary; "
            "print(sorted(m for m in ('networkx', 'scipy', 'rdflib') if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert shown == "[]"


def test_the_ontology_is_read_as_rdflib_reads_it_without_rdflib_s_turtle_parser():
    # The views' class names come from ontology_labels: a build need not load rdflib for one small file.
    from rdflib import RDFS

    from kg.analyse.graphs import ontology_facts
    from kg.analyse.records import ontology_labels
    from kg.rdf.export import load_ontology

    ontology = load_ontology()
    links, labels = ontology_facts()
    assert set(links) == set(ontology.subject_objects(RDFS.subClassOf)) and len(links) == len(set(links))
    zh = sorted((c, str(label)) for c, label in ontology.subject_objects(RDFS.label)
                if getattr(label, "language", None) == "zh")
    assert sorted(labels) == zh
    assert sorted(ontology_labels().items()) == sorted((str(c), label) for c, label in zh)
    code = ("import sys; from kg.analyse.records import ontology_labels; ontology_labels(); "
            "print('rdflib' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


def test_admin_tree_takes_the_nearest_parent_and_breaks_cycles(make_graph):
    nodes = {"c": "Community", "s": "Subdistrict", "d": "District", "x": "Community", "y": "Community"}
    edges = [("c", "partOf", "s"), ("c", "partOf", "d"), ("s", "partOf", "d"), ("x", "partOf", "y"), ("y", "partOf", "x")]
    tree = analyse(make_graph(nodes, edges)).admin_tree
    parent = {c.rsplit("/", 1)[-1]: p.rsplit("/", 1)[-1] for c, p in tree.parent_of}
    assert parent["c"] == "s" and parent["s"] == "d"
    assert len({"x", "y"} & set(parent)) == 1  # one link of the cycle is dropped
    assert str(DATA["d"]) in tree.roots


def test_counts_per_class_and_level(demo_graph):
    analysis = analyse(demo_graph)
    assert dict(analysis.level_counts) == {"city": 1, "district": 1, "subdistrict": 2, "community": 3, "compound": 2}
    assert dict(analysis.top_class_counts())["Partner"] == 3
    assert ("Partner", "University", 1) in analysis.class_counts


def test_annotations_are_typed_and_identical_run_to_run(demo_graph):
    first = analyse(demo_graph)
    annotate_graph(demo_graph, first)
    again = demo_graph.serialize(format="nt")
    annotate_graph(demo_graph, analyse(demo_graph))
    assert demo_graph.serialize(format="nt") == again
    node = DATA["unit/huayuandong"]
    assert demo_graph.value(node, KG.degree).datatype == URIRef(XSD + "integer")
    assert demo_graph.value(node, KG.pageRank).datatype == URIRef(XSD + "decimal")
    assert isinstance(demo_graph.value(node, KG.networkCommunity), Literal)


def network_of(nodes: dict[str, str], edges: list[tuple[str, str, str]]) -> nx.MultiDiGraph:
    """The networkx form ``analyse_network`` takes: IRI nodes with cls and label, edges keyed by relation."""
    network = nx.MultiDiGraph()
    for name, cls in nodes.items():
        network.add_node(str(DATA[name]), cls=cls, label=name)
    network.add_edges_from((str(DATA[s]), str(DATA[o]), p) for s, p, o in edges)
    return network


PATH = ({name: "Program" for name in "abcde"}, [(s, "partnersWith", o) for s, o in zip("abcd", "bcde")])


@pytest.mark.parametrize(
    "graph, expected",
    [
        # On a path a–b–c–d–e, c lies between the 2×2 pairs across it, b between a and the 3 beyond:
        # normalised by the 6 pairs of other nodes.
        (PATH, {"a": "0", "b": "0.500000", "c": "0.666667", "d": "0.500000", "e": "0"}),
        # The centre of a star lies on the path between every pair of leaves.
        (STAR, {"c": "1.000000", "p1": "0", "p2": "0", "p3": "0", "p4": "0"}),
    ],
)
def test_betweenness_of_hand_made_graphs(graph, expected):
    metrics = metrics_by_name(analyse_network(network_of(*graph)))
    assert {name: metrics[name].betweenness for name in expected} == {k: Decimal(v) for k, v in expected.items()}


def test_page_rank_of_a_star_solves_its_equations():
    # Centre c, leaves l (damping d = 0.85, N = 5): c = (1-d)/N + 4·d·l and l = (1-d)/N + d·c/4,
    # so c = 0.132 / 0.2775 and l = 0.03 + 0.2125·c.
    metrics = metrics_by_name(analyse_network(network_of(*STAR)))
    assert metrics["c"].page_rank == Decimal("0.475676")
    assert {metrics[p].page_rank for p in ("p1", "p2", "p3", "p4")} == {Decimal("0.131081")}


def test_page_rank_spreads_an_isolated_nodes_share_over_every_node():
    # Pair a–b and isolated z: z keeps (1-d)/3 + d·z/3, so z = 0.05 / (1 - 0.85/3); a = b = (1 - z) / 2.
    metrics = metrics_by_name(analyse_network(network_of({"a": "Program", "b": "Program", "z": "Program"},
                                                         [("a", "partnersWith", "b")])))
    assert metrics["z"].page_rank == Decimal("0.069767")
    assert metrics["a"].page_rank == metrics["b"].page_rank == Decimal("0.465116")


def test_a_ring_of_cliques_is_one_community_per_clique():
    cliques = [[f"k{c}n{i}" for i in range(5)] for c in range(4)]
    edges = [(s, "partnersWith", o) for clique in cliques for i, s in enumerate(clique) for o in clique[i + 1:]]
    edges += [(cliques[c][0], "partnersWith", cliques[(c + 1) % 4][1]) for c in range(4)]
    analysis = analyse_network(network_of({n: "Program" for clique in cliques for n in clique}, edges))
    found = {frozenset(i.rsplit("/", 1)[-1] for i in c.members) for c in analysis.communities}
    assert found == {frozenset(clique) for clique in cliques}


def test_a_sample_of_every_node_gives_the_exact_betweenness(monkeypatch):
    exact = metrics_by_name(analyse_network(network_of(*BRIDGED)))
    monkeypatch.setattr(measures, "EXACT_BETWEENNESS_LIMIT", 3)
    monkeypatch.setattr(measures, "BETWEENNESS_SAMPLE", len(BRIDGED[0]))
    analysis = analyse_network(network_of(*BRIDGED))
    assert analysis.betweenness_sample == len(BRIDGED[0])
    assert {n: m.betweenness for n, m in metrics_by_name(analysis).items()} == {n: m.betweenness for n, m in exact.items()}


def test_a_sampled_betweenness_still_finds_the_bridges(monkeypatch, thousand_node_graph):
    monkeypatch.setattr(measures, "EXACT_BETWEENNESS_LIMIT", 100)
    monkeypatch.setattr(measures, "BETWEENNESS_SAMPLE", 100)
    sampled = analyse(thousand_node_graph)
    monkeypatch.setattr(measures, "EXACT_BETWEENNESS_LIMIT", 10_000)
    exact = analyse(thousand_node_graph)
    assert sampled.betweenness_sample == 100 and exact.betweenness_sample is None
    top = {m.iri for m in exact.ranked("betweenness")[:5]}
    assert top <= {m.iri for m in sampled.ranked("betweenness")[:10]}


def test_the_measures_do_not_depend_on_insertion_order(thousand_node_graph, monkeypatch):
    monkeypatch.setattr(measures, "EXACT_BETWEENNESS_LIMIT", 100)  # the sampled estimate too
    entities = read_entities(thousand_node_graph)
    relations = read_relations(thousand_node_graph, {e.iri for e in entities})
    first = analyse_network(entity_network(entities, relations))
    shuffled = list(entities), list(relations)
    for records in shuffled:
        random.Random(7).shuffle(records)
    again = analyse_network(entity_network(*shuffled))
    assert again == first
    assert analyse(thousand_node_graph) == first


def test_class_and_level_come_from_the_ontology():
    analysis = analyse_network(network_of({"c": "Community", "o": "PartyCommittee"}, [("o", "partyOrgOf", "c")]))
    by_name = {e.iri.rsplit("/", 1)[-1]: e for e in analysis.entities}
    assert (by_name["c"].top_class, by_name["c"].level) == ("AdministrativeUnit", "community")
    assert (by_name["o"].top_class, by_name["o"].level) == ("PartyOrganization", None)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda g: g.add_node("x"), "needs the attributes cls and label"),
        (lambda g: g.add_node("x", cls="Nothing", label="x"), "is not a subclass of a top class"),
        (lambda g: g.add_edge(str(DATA["c"]), str(DATA["p1"]), "likes"), "relation 'likes'"),
    ],
)
def test_a_malformed_network_is_refused(change, message):
    network = network_of(*STAR)
    change(network)
    with pytest.raises(ValueError, match=message):
        analyse_network(network)


def test_an_empty_graph_has_no_metrics(make_graph):
    analysis = analyse(make_graph({}, []))
    assert analysis.metrics == () and analysis.communities == ()


@pytest.mark.parametrize("given, expected", [(None, "1"), ("2", "2")])
def test_igraph_ranks_on_one_openmp_thread_unless_the_user_chose(given, expected):
    # OpenMP's waiting threads spin: PageRank on two busy cores took 80 times the CPU of one thread.
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    if given is not None:
        env["OMP_NUM_THREADS"] = given
    shown = subprocess.run([sys.executable, "-c", "import os, kg.analyse.measures; print(os.environ['OMP_NUM_THREADS'])"],
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert shown == expected


# ------------------------------------------------------------- the figures' table
def test_ranking_uses_the_figures_as_written_so_values_that_round_alike_tie_and_go_by_iri():
    from kg.analyse.network import AdminTree, Analysis, MetricsTable
    from kg.analyse.records import EntityRecord

    entities = tuple(EntityRecord(iri, iri, "Program", "Program") for iri in ("a", "b", "c"))
    # b's betweenness is above a's as a float, but both are written 0.123456: a tie, and a comes first.
    table = MetricsTable(entities, [1, 3, 2], [0.1234559, 0.1234561, 0.5], [0.2, 0.2, 0.1], [1, 1, 2])
    analysis = Analysis(entities, (), table, (), (), (), (), AdminTree((), ()))
    assert [m.iri for m in analysis.ranked("betweenness")] == ["c", "a", "b"]
    assert [m.iri for m in analysis.ranked("betweenness", 2)] == ["c", "a"]
    assert [m.iri for m in analysis.ranked("degree", 1)] == ["b"]
    assert [m.iri for m in analysis.ranked("page_rank")] == ["a", "b", "c"]
    assert analysis.metric["b"].degree == 3 and analysis.entity["c"] is entities[2]
    assert table[1].betweenness == Decimal("0.123456") and table[1].community == 1 and table[-1].iri == "c"


def test_the_figures_table_gives_the_records_the_analysis_had_before(make_graph):
    analysis = analyse(make_graph(*BRIDGED))
    by_iri = {m.iri: m for m in analysis.metrics}
    assert [analysis.metric[e.iri] for e in analysis.entities] == [by_iri[e.iri] for e in analysis.entities]
    assert list(analysis.metrics) == list(analysis.metrics[:])
    assert analysis.ranked("page_rank") == sorted(analysis.metrics, key=lambda m: (-m.page_rank, m.iri))


@pytest.mark.parametrize("level, unknown, expected", [
    ("province", None, 0), ("compound", None, 5), ("subdistrict", -1, 3),
    (None, None, None), ("village", -1, -1), (None, 6, 6),
])
def test_a_level_ranks_by_its_place_top_down_and_an_unknown_one_as_the_caller_says(level, unknown, expected):
    from kg.model import level_rank

    assert level_rank(level, unknown) == expected
