"""kg.open(DIR): rows, a DataFrame, the entity network and an rdflib Graph, all of one build."""
from pathlib import Path

import networkx as nx
import pytest
from conftest import ARTICLE_TEXTS
from rdflib import RDF, Graph, Literal, URIRef

import kg
from kg.errors import GraphNotFoundError, KgError, QueryError
from kg.rdf import iri
from kg.tools.handle import python_value, to_dataframe
from kg.tools.query import QueryResult, Value

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
KG = "https://w3id.org/jiceng-kg/ontology#"
TOP = "?e a ?c . ?c rdfs:subClassOf* ?top . FILTER (?top IN (kg:AdministrativeUnit, kg:PartyOrganization, kg:Program, kg:Facility, kg:Partner, kg:Person))"


@pytest.fixture(scope="module")
def build(seeds_build):
    return kg.open(seeds_build)


def test_query_gives_rows_with_the_graphs_prefixes_predeclared(build):
    result = build.query("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a kg:Article }")
    assert result.variables == ("n",)
    assert int(result.rows[0][0].value) == len(list(SEEDS.glob("*.txt")))


def test_as_frame_gives_a_dataframe_with_numbers_as_numbers(build):
    pandas = pytest.importorskip("pandas")
    frame = build.query(f"SELECT ?e ?label ?community WHERE {{ {TOP} ?e rdfs:label ?label ; kg:networkCommunity ?community }}",
                        as_frame=True)
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["e", "label", "community"]
    assert frame["community"].dtype.kind == "i"
    assert frame["e"].str.startswith("https://w3id.org/jiceng-kg/id/").all()
    assert build.query("ASK { ?a a kg:Article }", as_frame=True)["boolean"].tolist() == [True]


def test_updates_are_refused_as_in_kg_query(build):
    with pytest.raises(QueryError, match="DELETE is refused"):
        build.query("DELETE WHERE { ?s ?p ?o }")


def test_the_network_has_the_graphs_entities_and_relations(build):
    network = build.network()
    assert isinstance(network, nx.MultiDiGraph)
    entities = {row[0].value for row in build.query(f"SELECT DISTINCT ?e WHERE {{ {TOP} }}").rows}
    assert set(network.nodes) == entities
    relations = build.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER (?p IN (kg:partOf, kg:partyOrgOf, "
                            "kg:subOrganizationOf, kg:runsProgram, kg:hasFacility, kg:partnersWith, kg:leads)) }")
    assert network.number_of_edges() == int(relations.rows[0][0].value)


def test_the_rdflib_graph_is_the_store_read_only(build):
    graph = build.rdflib_graph()
    articles = set(graph.subjects(RDF.type, URIRef(KG + "Article")))
    assert len(articles) == len(list(SEEDS.glob("*.txt")))
    [(count,)] = graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    # the store's default graph: graph.ttl's triples (the network measures are a named graph of their own)
    assert int(count) == len(Graph().parse(build.out_dir / "graph.ttl"))
    with pytest.raises(Exception, match="read-write"):
        graph.add((URIRef("urn:a"), URIRef("urn:b"), Literal("c")))


def test_without_a_store_the_rdflib_graph_is_parsed_from_graph_ttl(turtle_only_dir):
    graph = kg.open(turtle_only_dir).rdflib_graph()
    assert set(graph.subjects(RDF.type, URIRef(KG + "Article"))) == {URIRef(iri.article_iri(a)) for a in ARTICLE_TEXTS}
    assert len(graph) == len(Graph().parse(turtle_only_dir / "graph.ttl", format="turtle"))


def test_a_folder_without_a_build_is_a_clear_error(tmp_path):
    with pytest.raises(GraphNotFoundError, match="no graph in"):
        kg.open(tmp_path)


XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    "value, expected",
    [
        (Value("literal", "42", datatype=XSD + "integer"), 42),
        (Value("literal", "-7", datatype=XSD + "long"), -7),
        (Value("literal", "0.125", datatype=XSD + "decimal"), 0.125),
        (Value("literal", "1.5E3", datatype=XSD + "double"), 1500.0),
        (Value("literal", "true", datatype=XSD + "boolean"), True),
        (Value("literal", "false", datatype=XSD + "boolean"), False),
        (Value("literal", "0042", datatype=XSD + "string"), "0042"),  # a string of digits stays text
        (Value("literal", "社区", lang="zh"), "社区"),
        (Value("uri", "https://w3id.org/jiceng-kg/id/unit/430602000000"), "https://w3id.org/jiceng-kg/id/unit/430602000000"),
        (None, None),  # unbound
    ],
)
def test_a_cell_becomes_the_python_value_its_datatype_says(value, expected):
    converted = python_value(value)
    assert (converted, type(converted)) == (expected, type(expected))


def test_without_pandas_a_frame_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(KgError, match=r"as_frame=True needs pandas: pip install pandas"):
        to_dataframe(QueryResult(("n",), ()))


def test_the_network_of_a_folder_without_its_graphml_says_to_rebuild(seeds_build, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(seeds_build, copy)
    (copy / "graph.graphml").unlink()
    with pytest.raises(GraphNotFoundError, match=rf"no graph.graphml in {copy}: rebuild it with `kg build"):
        kg.open(copy).network()
