"""kg validate: the shapes accept a well-formed graph and name each thing a broken one lacks."""
import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from typer.testing import CliRunner

from kg.cli.commands import app
from kg.errors import GraphNotFoundError
from kg.rdf import iri
from kg.rdf.vocab import KG
from kg.tools.validate import validate_graph

ORG = Namespace("http://www.w3.org/ns/org#")
ARTICLE = URIRef(iri.article_iri("a1a1a1a1a1a1a1a1"))


def entity(graph, label):
    return next(s for s in graph.subjects(RDFS.label, Literal(label, lang="zh")) if (s, RDF.type, KG.Article) not in graph)


def first_mention(graph):
    return min(graph.subjects(KG.mentionOf, entity(graph, "长家山社区")))


def add_second_label(graph):
    graph.add((entity(graph, "长家山社区"), RDFS.label, Literal("长家山", lang="zh")))


def make_label_english(graph):
    unit = entity(graph, "花园洞社区")
    graph.remove((unit, RDFS.label, None))
    graph.add((unit, RDFS.label, Literal("Huayuandong")))


def unlink_articles(graph):
    graph.remove((entity(graph, "邻里节"), KG.mentionedIn, None))


def add_untraced_relation(graph):
    graph.add((entity(graph, "花园洞社区"), KG.runsProgram, entity(graph, "邻里节")))


def drop_mention_begin(graph):
    graph.remove((first_mention(graph), KG.beginIndex, None))


def swap_mention_offsets(graph):
    graph.set((first_mention(graph), KG.beginIndex, Literal(-1)))


def drop_content_hash(graph):
    graph.remove((ARTICLE, KG.contentHash, None))


def point_part_of_at_a_program(graph):
    graph.add((entity(graph, "武陵区"), KG.partOf, entity(graph, "微改造")))


def add_a_second_parent(graph):
    graph.add((entity(graph, "长家山社区"), KG.partOf, entity(graph, "武陵区")))


def shorten_a_code(graph):
    unit = entity(graph, "武陵区")
    graph.set((unit, KG.divisionCode, Literal("430702", datatype=KG.DivisionCode)))


def state_a_missing_triple(graph):
    graph.remove((entity(graph, "张圣忠"), KG.leads, entity(graph, "花园洞社区党委")))


def join_a_unit(graph):
    membership = next(graph.subjects(RDF.type, ORG.Membership))
    graph.set((membership, ORG.organization, entity(graph, "花园洞社区")))


def broken(built_dir, tmp_path, *changes):
    graph = Graph().parse(built_dir / "graph.ttl", format="turtle")
    for change in changes:
        change(graph)
    graph.serialize(tmp_path / "graph.ttl", format="turtle")
    return tmp_path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (add_second_label, "(长家山) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (make_label_english, "(Huayuandong) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (unlink_articles, "(邻里节): must be kg:mentionedIn an article and have a kg:Mention"),
        (add_untraced_relation, "(花园洞社区) kg:runsProgram: relation"),
        (drop_mention_begin, "kg:beginIndex: must have one kg:beginIndex"),
        (swap_mention_offsets, "kg:beginIndex: must have one kg:beginIndex, an offset ≥ 0"),
        (drop_content_hash, "(白马湖畔展新颜) kg:contentHash: must have exactly one kg:contentHash"),
        (point_part_of_at_a_program, "(武陵区) kg:partOf: kg:partOf points to the one direct parent"),
        (add_a_second_parent, "(长家山社区) kg:partOf: kg:partOf points to the one direct parent"),
        (shorten_a_code, "(武陵区) kg:divisionCode: a division code is one kg:divisionCode of 12 digits"),
        (state_a_missing_triple, "states a triple that is not in the graph"),
        (join_a_unit, "org:organization: a membership is in exactly one organisation"),
    ],
)
def test_each_violation_is_one_line_naming_the_node_path_and_problem(built_dir, tmp_path, change, expected):
    violations = validate_graph(broken(built_dir, tmp_path, change))
    assert any(expected in line for line in violations), violations
    assert all("\n" not in line for line in violations)


def test_the_hand_built_graph_conforms(built_dir):
    assert validate_graph(built_dir) == []


def test_an_untyped_relation_end_is_caught(built_dir, tmp_path):
    def untype(graph):
        graph.remove((entity(graph, "常德职业技术学院"), RDF.type, None))

    assert any("kg:partnersWith must point to a partner" in line for line in validate_graph(broken(built_dir, tmp_path, untype)))


def test_a_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(GraphNotFoundError, match="no graph in"):
        validate_graph(tmp_path)


def test_cli_validate_exits_0_when_the_graph_conforms(built_dir):
    result = CliRunner().invoke(app, ["validate", str(built_dir)])
    assert result.exit_code == 0
    assert "conforms" in result.output


def test_cli_validate_prints_one_line_per_violation_and_exits_1(built_dir, tmp_path):
    result = CliRunner().invoke(app, ["validate", str(broken(built_dir, tmp_path, add_second_label, unlink_articles))])
    assert result.exit_code == 1
    assert "2 violation(s)" in result.output
