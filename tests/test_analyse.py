from decimal import Decimal

import pytest
from rdflib import Literal, URIRef

from kg.analyse.network import analyse, annotate_graph
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


def test_large_graphs_sample_betweenness(make_graph, monkeypatch):
    monkeypatch.setattr("kg.analyse.network.EXACT_BETWEENNESS_LIMIT", 3)
    analysis = analyse(make_graph(*STAR))
    assert analysis.betweenness_sample is not None


def test_an_empty_graph_has_no_metrics(make_graph):
    analysis = analyse(make_graph({}, []))
    assert analysis.metrics == () and analysis.communities == ()
