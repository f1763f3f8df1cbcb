"""GraphML and GEXF of the entity network, as networkx (which Gephi and Cytoscape agree with) reads them back."""
import networkx as nx
import pyoxigraph as ox
import pytest

from kg.analyse.networkfiles import GEXF_FILE, GRAPHML_FILE

KG = "https://w3id.org/jiceng-kg/ontology#"
ENTITIES = """PREFIX kg: <https://w3id.org/jiceng-kg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label ?community (COUNT(DISTINCT ?other) AS ?degree) WHERE {
  ?e a ?c . ?c rdfs:subClassOf* ?top . ?e rdfs:label ?label ; kg:networkCommunity ?community .
  FILTER (?top IN (kg:AdministrativeUnit, kg:PartyOrganization, kg:Program, kg:Facility, kg:Partner, kg:Person))
  # graph.ttl does not store the degree: it is the number of distinct neighbours over the relations.
  OPTIONAL { VALUES ?p { kg:partOf kg:partyOrgOf kg:subOrganizationOf kg:runsProgram kg:hasFacility kg:partnersWith kg:leads }
             { ?e ?p ?other } UNION { ?other ?p ?e } FILTER (?other != ?e) }
} GROUP BY ?e ?label ?community"""
RELATIONS = """PREFIX kg: <https://w3id.org/jiceng-kg/ontology#>
SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER (?p IN (kg:partOf, kg:partyOrgOf, kg:subOrganizationOf, kg:runsProgram,
  kg:hasFacility, kg:partnersWith, kg:leads)) }"""


@pytest.fixture(scope="module")
def graph_facts(seeds_build):
    store = ox.Store.read_only(str(seeds_build / "graph.oxigraph"))
    entities = {s["e"].value: (s["label"].value, int(s["degree"].value), int(s["community"].value)) for s in store.query(ENTITIES, use_default_graph_as_union=True)}
    relations = {(s["s"].value, s["p"].value.removeprefix(KG), s["o"].value) for s in store.query(RELATIONS)}
    return entities, relations


@pytest.mark.parametrize("name, read", [(GRAPHML_FILE, nx.read_graphml), (GEXF_FILE, nx.read_gexf)])
def test_the_network_file_has_every_entity_and_relation_of_the_graph(seeds_build, graph_facts, name, read):
    entities, relations = graph_facts
    network = read(seeds_build / name)
    assert network.is_directed()  # (a multigraph when two relations join the same pair)
    assert network.number_of_edges() == len(relations)
    assert set(network.nodes) == set(entities)
    assert {(u, data["relation"], v) for u, v, data in network.edges(data=True)} == relations
    for iri, (label, degree, community) in entities.items():
        node = network.nodes[iri]
        assert (node["label"], int(node["degree"]), int(node["community"])) == (label, degree, community)
        assert node["topClass"] in ("AdministrativeUnit", "PartyOrganization", "Program", "Facility", "Partner", "Person")
        assert 0 <= float(node["pageRank"]) <= 1 and float(node["betweenness"]) >= 0


def test_graphml_gives_the_types_gephi_needs(seeds_build):
    text = (seeds_build / GRAPHML_FILE).read_text("utf-8")
    for key in ('attr.name="pageRank" attr.type="double"', 'attr.name="degree" attr.type="long"', 'attr.name="label" attr.type="string"'):
        assert key in text


@pytest.mark.parametrize("label, read_back", [
    ('甲<乙>&"丙"\'丁', '甲<乙>&"丙"\'丁'),  # markup characters are text, not markup
    ("一\n二\t三", "一\n二\t三"),  # line breaks and tabs survive inside attributes
    ("坏\x01字\x0c符", "坏\ufffd字\ufffd符"),  # characters XML cannot hold become U+FFFD, the file stays readable
])
@pytest.mark.parametrize("name, read", [(GRAPHML_FILE, nx.read_graphml), (GEXF_FILE, nx.read_gexf)])
def test_untrusted_labels_round_trip_through_both_files(tmp_path, label, read_back, name, read):
    from kg.analyse import analyse_records
    from kg.analyse.networkfiles import write_network_files
    from kg.analyse.records import EntityRecord, RelationRecord

    first, second = "https://example.org/a", "https://example.org/b"
    entities = (EntityRecord(first, label, "Facility", "Facility"), EntityRecord(second, "乙", "Partner", "Partner"))
    relations = (RelationRecord(first, "partnersWith", second), RelationRecord(first, "hasFacility", second))
    write_network_files(analyse_records(entities, relations), tmp_path)
    network = read(tmp_path / name)
    assert network.nodes[first]["label"] == read_back
    assert sorted(data["relation"] for _, _, data in network.edges(data=True)) == ["hasFacility", "partnersWith"]
    assert int(network.nodes[second]["degree"]) == 1  # two relations, one neighbour


@pytest.mark.parametrize("name, read, page_rank", [(GRAPHML_FILE, nx.read_graphml, "pageRank"),
                                                    (GEXF_FILE, nx.read_gexf, "pageRank")])
def test_the_measures_are_written_as_their_rounded_decimals(tmp_path, name, read, page_rank):
    # The analysis keeps its measures as float arrays; the files write each as the float of its rounded Decimal,
    # the figure graph.ttl states, never the float's own noise.
    from dataclasses import replace

    from kg.analyse import analyse_records
    from kg.analyse.network import MetricsTable
    from kg.analyse.networkfiles import write_network_files
    from kg.analyse.records import EntityRecord, RelationRecord

    iris = [f"https://example.org/n{i}" for i in range(3)]
    entities = tuple(EntityRecord(iri, f"名{i}", "Facility", "Facility") for i, iri in enumerate(iris))
    relations = (RelationRecord(iris[0], "partnersWith", iris[1]),)
    between, rank = [0.1234559, 1 / 3, 0.0], [0.2000004, 0.4999996, 0.3]
    analysis = replace(analyse_records(entities, relations),
                       metrics=MetricsTable(entities, [1, 1, 0], between, rank, [1, 1, 2]))
    write_network_files(analysis, tmp_path)
    network = read(tmp_path / name)
    assert [float(network.nodes[iri]["betweenness"]) for iri in iris] == [0.123456, 0.333333, 0.0]
    assert [float(network.nodes[iri][page_rank]) for iri in iris] == [0.2, 0.5, 0.3]
    assert [float(m.betweenness) for m in analysis.metrics] == [0.123456, 0.333333, 0.0]
