"""kg validate: the shapes accept a well-formed graph and name each thing a broken one lacks."""
import pytest
from conftest import hand_built_corpus, hand_built_summaries
from rdflib import RDF, RDFS, Literal
from typer.testing import CliRunner

from kg.rdf import iri
from kg.cli.commands import app
from kg.errors import GraphNotFoundError
from kg.rdf.export import write_graph
from kg.rdf.graph import build_graph
from kg.tools.validate import validate_graph
from kg.rdf.vocab import KG

CORPUS = hand_built_corpus()
ENTITY = {e.key: iri.entity_iri(e) for e in CORPUS.entities}
ARTICLE = iri.article_iri(hand_built_summaries()[0].id)


def first_mention(graph):
    return min(graph.subjects(KG.mentionOf, ENTITY["长家山社区"]))


def add_second_label(graph):
    graph.add((ENTITY["长家山社区"], RDFS.label, Literal("长家山", lang="zh")))


def make_label_english(graph):
    graph.remove((ENTITY["花园洞社区"], RDFS.label, None))
    graph.add((ENTITY["花园洞社区"], RDFS.label, Literal("Huayuandong")))


def unlink_articles(graph):
    graph.remove((ENTITY["邻里节"], KG.mentionedIn, None))


def add_untraced_relation(graph):
    graph.add((ENTITY["花园洞社区"], KG.runsProgram, ENTITY["邻里节"]))


def drop_mention_start(graph):
    graph.remove((first_mention(graph), KG.start, None))


def swap_mention_offsets(graph):
    mention = first_mention(graph)
    graph.set((mention, KG.start, Literal(999)))


def drop_content_hash(graph):
    graph.remove((ARTICLE, KG.contentHash, None))


def point_part_of_at_a_program(graph):
    graph.add((ENTITY["武陵区"], KG.partOf, ENTITY["微改造"]))


def state_a_missing_triple(graph):
    graph.remove((ENTITY["张圣忠"], KG.leads, ENTITY["花园洞社区党委"]))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (add_second_label, "(长家山社区) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (make_label_english, "(花园洞社区) rdfs:label: must have exactly one rdfs:label, in Chinese (@zh)"),
        (unlink_articles, "(邻里节) kg:mentionedIn: must be kg:mentionedIn at least one kg:Article"),
        (add_untraced_relation, "(花园洞社区) kg:runsProgram: relation"),
        (drop_mention_start, "kg:start: must have one kg:start"),
        (swap_mention_offsets, "kg:start: must have one kg:start, an offset ≤ kg:end"),
        (drop_content_hash, "(白马湖畔展新颜) kg:contentHash: must have exactly one kg:contentHash"),
        (point_part_of_at_a_program, "(武陵区) kg:partOf: kg:partOf must point to an administrative unit"),
        (state_a_missing_triple, "states a triple that is not in the graph"),
    ],
)
def test_each_violation_is_one_line_naming_the_node_path_and_problem(tmp_path, change, expected):
    graph = build_graph(hand_built_summaries(), hand_built_corpus())
    change(graph)
    write_graph(graph, tmp_path)
    violations = validate_graph(tmp_path)
    assert any(expected in line for line in violations), violations
    assert all("\n" not in line for line in violations)


def test_the_hand_built_graph_conforms(built_dir):
    assert validate_graph(built_dir) == []


def test_an_untyped_relation_end_is_caught(tmp_path):
    graph = build_graph(hand_built_summaries(), hand_built_corpus())
    graph.remove((ENTITY["湖南文理学院"], RDF.type, None))
    write_graph(graph, tmp_path)
    assert any("kg:partnersWith must point to a partner" in line for line in validate_graph(tmp_path))


def test_a_missing_graph_is_a_clear_error(tmp_path):
    with pytest.raises(GraphNotFoundError, match="no graph in"):
        validate_graph(tmp_path)


def test_cli_validate_exits_0_when_the_graph_conforms(built_dir):
    result = CliRunner().invoke(app, ["validate", str(built_dir)])
    assert result.exit_code == 0
    assert "conforms" in result.output


def test_cli_validate_prints_one_line_per_violation_and_exits_1(tmp_path):
    graph = build_graph(hand_built_summaries(), hand_built_corpus())
    add_second_label(graph)
    unlink_articles(graph)
    write_graph(graph, tmp_path)
    result = CliRunner().invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "2 violation(s)" in result.output
