"""analysis.json and the CSV tables (kg.analyse.tables), from a network small enough to work out by hand."""
import csv
import json

import networkx as nx
import pytest

from kg.analyse.graphs import analyse_network
from kg.analyse.tables import EDGE_COLUMNS, write_tables
from kg.rdf.vocab import DATA

# A subdistrict s with two communities, both working with one college; a person leads the first.
# The subdistrict's name starts like a spreadsheet formula.
NODES = {
    "s": ("Subdistrict", "=HYPERLINK(1)"),
    "c1": ("Community", "甲社区"),
    "c2": ("Community", "乙社区"),
    "u": ("University", "某某学院"),
    "p": ("Person", "张某"),
}
EDGES = [("c1", "partOf", "s"), ("c2", "partOf", "s"), ("c1", "partnersWith", "u"), ("c2", "partnersWith", "u"),
         ("p", "leads", "c1")]


def iri(name: str) -> str:
    return str(DATA[name])


@pytest.fixture()
def tables(tmp_path):
    network = nx.MultiDiGraph()
    for name, (cls, label) in NODES.items():
        network.add_node(iri(name), cls=cls, label=label)
    network.add_edges_from((iri(s), iri(o), p) for s, p, o in EDGES)
    passages = {(iri("p"), "leads", iri("c1")): [("a1", "张某任甲社区书记。", 0, 9, 0, 2, "pattern:role"),
                                                ("a2", "甲社区书记张某说。", 3, 12, 8, 10, "pattern:role")]}
    write_tables(analyse_network(network), tmp_path, passages)
    return tmp_path


def rows(folder, name):
    with (folder / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_nodes_csv_has_each_entitys_class_level_and_measures(tables):
    nodes = {r["iri"].rsplit("/", 1)[-1]: r for r in rows(tables, "nodes.csv")}
    # The network is the 4-cycle s–c1–u–c2 with p hanging from c1. Betweenness is normalised by the 6
    # pairs of other nodes: c1 lies on every path from p (3 pairs) and on one of the two s–u paths
    # (1/2): 3.5/6; s and u each on one of two p–c2 and one of two c1–c2 paths: 1/6; c2 on one of
    # two s–u paths: 0.5/6.
    assert {n: (r["degree"], r["betweenness"]) for n, r in nodes.items()} == {
        "s": ("2", "0.166667"), "c1": ("3", "0.583333"), "c2": ("2", "0.083333"), "u": ("2", "0.166667"),
        "p": ("1", "0.000000")}
    assert (nodes["c1"]["top_class"], nodes["c1"]["class"], nodes["c1"]["level"]) == ("AdministrativeUnit", "Community", "community")
    assert (nodes["u"]["top_class"], nodes["u"]["level"]) == ("Partner", "")


def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe_in_csv_but_not_in_json(tables):
    nodes = {r["iri"]: r["label"] for r in rows(tables, "nodes.csv")}
    assert nodes[iri("s")] == "'=HYPERLINK(1)"
    assert [(r["child_label"], r["parent_label"]) for r in rows(tables, "admin_tree.csv")] == [
        ("甲社区", "'=HYPERLINK(1)"), ("乙社区", "'=HYPERLINK(1)")]
    summary = json.loads((tables / "analysis.json").read_text("utf-8"))
    assert summary["top_nodes"]["degree"][0]["label"] == "甲社区"
    assert any(node["label"] == "=HYPERLINK(1)" for node in summary["top_nodes"]["degree"])


def test_edges_csv_has_one_row_per_passage_and_one_empty_row_for_a_relation_without_one(tables):
    edges = rows(tables, "edges.csv")
    assert list(edges[0]) == EDGE_COLUMNS
    assert len(edges) == len(EDGES) + 1  # the leads relation is stated twice
    leads = [r for r in edges if r["relation"] == "leads"]
    assert [(r["article"], r["sentence"], r["start"], r["end"]) for r in leads] == [
        ("a1", "张某任甲社区书记。", "0", "2"), ("a2", "甲社区书记张某说。", "8", "10")]
    others = [r for r in edges if r["relation"] != "leads"]
    assert {(r["article"], r["sentence"], r["rules"]) for r in others} == {("", "", "")}


def test_partner_overlap_admin_tree_and_counts(tables):
    assert [(r["label_a"], r["label_b"], r["shared"], r["partners"]) for r in rows(tables, "partner_overlap.csv")] == [
        ("甲社区", "乙社区", "1", "某某学院")]
    assert {(r["child"], r["parent"]) for r in rows(tables, "admin_tree.csv")} == {(iri("c1"), iri("s")), (iri("c2"), iri("s"))}
    assert {(r["top_class"], r["class"], r["count"]) for r in rows(tables, "class_counts.csv")} == {
        ("AdministrativeUnit", "Community", "2"), ("AdministrativeUnit", "Subdistrict", "1"),
        ("Partner", "University", "1"), ("Person", "Person", "1")}
    assert {(r["level"], r["count"]) for r in rows(tables, "level_counts.csv")} == {("community", "2"), ("subdistrict", "1")}


def test_analysis_json_gives_the_figures_the_tree_and_the_method(tables):
    summary = json.loads((tables / "analysis.json").read_text("utf-8"))
    assert (summary["entities"], summary["relations"]) == (5, 5)
    assert summary["betweenness"] == {"method": "exact", "sample": None}
    assert summary["counts"]["top_classes"] == {"AdministrativeUnit": 3, "PartyOrganization": 0, "Program": 0,
                                                "Facility": 0, "Partner": 1, "Person": 1}
    assert summary["admin_tree"]["roots"] == [iri("s")]
    assert summary["partner_overlap_pairs"] == 1
    assert summary["partner_overlap"][0]["shared_partners"] == ["某某学院"]
    # only communities of more than one member are listed, and no node is in two
    members = [m for c in summary["communities"] for m in c["members"]]
    assert all(c["size"] > 1 for c in summary["communities"]) and len(members) == len(set(members))
