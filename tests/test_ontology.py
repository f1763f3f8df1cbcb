"""The ontology declares exactly the kg vocabulary, labels it in two languages, and aligns it."""
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV, SKOS

from kg.errors import OntologyNotFoundError
from kg.model import RELATIONS, TOP_CLASSES
from kg.rdf import terms
from kg.rdf.vocab import KG, KIND_CLASSES, ONTOLOGY_IRI, ontology_dir

ORG = Namespace("http://www.w3.org/ns/org#")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SCHEMA = Namespace("https://schema.org/")
DECLARATION_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_dir() / "kg.ttl", format="turtle")


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        s for s, o in ontology.subject_objects(RDF.type)
        if o in DECLARATION_TYPES and str(s).startswith(ONTOLOGY_IRI)
    }


def test_every_vocab_term_is_declared_and_every_declared_term_is_in_vocab(ontology):
    in_vocab = {KG[name] for name in KG.__annotations__}
    declared = declared_terms(ontology)
    assert in_vocab - declared == set(), "in kg/vocab.py but not declared in ontology/kg.ttl"
    assert declared - in_vocab == set(), "declared in ontology/kg.ttl but missing from kg/vocab.py"


def test_every_term_has_a_chinese_and_an_english_label_and_a_comment(ontology):
    for term in declared_terms(ontology):
        languages = sorted(label.language for label in ontology.objects(term, RDFS.label))
        assert languages == ["en", "zh"], term
        assert ontology.value(term, RDFS.comment), term


def test_contract_names_are_declared(ontology):
    for name in (*TOP_CLASSES, "Article"):
        assert (KG[name], RDF.type, OWL.Class) in ontology
    for name in RELATIONS:
        assert (KG[name], RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize(("top", "kind"), sorted(KIND_CLASSES))
def test_each_kind_class_is_a_subclass_of_its_top_class(ontology, top, kind):
    assert (KG[KIND_CLASSES[(top, kind)]], RDFS.subClassOf, KG[top]) in ontology


@pytest.mark.parametrize(
    ("term", "link", "standard"),
    [
        (KG.AdministrativeUnit, RDFS.subClassOf, SCHEMA.AdministrativeArea),
        (KG.Facility, RDFS.subClassOf, SCHEMA.CivicStructure),
        (KG.Event, RDFS.subClassOf, SCHEMA.Event),
        (KG.PartyOrganization, RDFS.subClassOf, ORG.FormalOrganization),
        (KG.Partner, RDFS.subClassOf, ORG.Organization),
        (KG.Article, RDFS.subClassOf, PROV.Entity),
        (KG.RelationStatement, RDFS.subClassOf, RDF.Statement),
        (KG.Sentence, RDFS.subClassOf, PROV.Entity),
        (KG.partOf, RDFS.subPropertyOf, SCHEMA.containedInPlace),
        (KG.subOrganizationOf, RDFS.subPropertyOf, ORG.subOrganizationOf),
        (KG.inArticle, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KG.inSentence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (KG.divisionCode, RDFS.subPropertyOf, SKOS.notation),
        (KG.divisionCode, RDFS.subPropertyOf, WDT.P442),
    ],
)
def test_terms_are_aligned_with_standard_vocabularies(ontology, term, link, standard):
    assert (term, link, standard) in ontology


@pytest.mark.parametrize(
    ("term", "link", "standard"),
    [
        # Their domain or range is org:Organization: a unit that has a facility, partners or is led would become one.
        (KG.hasFacility, RDFS.subPropertyOf, ORG.hasSite),
        (KG.partnersWith, RDFS.subPropertyOf, ORG.linkedTo),
        (KG.leads, RDFS.subPropertyOf, ORG.headOf),
        # A reasoner would make every partner the subject of partnersWith, which the shapes reserve for units.
        (KG.partnersWith, RDF.type, OWL.SymmetricProperty),
    ],
)
def test_alignments_that_would_turn_places_into_organisations_are_absent(ontology, term, link, standard):
    assert (term, link, standard) not in ontology


# What each kind of node must never become, whatever a reasoner infers.
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DISJOINT = (KG.AdministrativeUnit, KG.PartyOrganization, KG.Program, KG.Facility, KG.Partner, KG.Person, KG.Article,
            KG.Sentence, KG.Mention, KG.RelationStatement, ORG.Membership)
NEVER = {
    KG.AdministrativeUnit: {ORG.Organization, FOAF.Agent, PROV.Agent, PROV.Entity},
    KG.Facility: {ORG.Organization, FOAF.Agent},
    KG.Program: {ORG.Organization, FOAF.Agent},
    KG.Person: {ORG.Organization, SCHEMA.AdministrativeArea},
    KG.Article: {FOAF.Agent},
}


def closure(built_graph: Graph, semantics) -> Graph:
    from owlrl import DeductiveClosure

    graph = Graph()
    graph += built_graph
    graph.parse(Path(__file__).parent / "data" / "standard_axioms.ttl")
    DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    return graph


@pytest.mark.parametrize("reasoner", ["RDFS_Semantics", "OWLRL_Semantics"])
def test_under_rdfs_and_owl_rl_no_node_gets_a_class_it_should_not(built_graph, reasoner):
    import owlrl

    graph = closure(built_graph, getattr(owlrl, reasoner))
    for node in set(graph.subjects(RDF.type, None)):
        types = set(graph.objects(node, RDF.type))
        kinds = types & set(DISJOINT)
        assert len(kinds) <= 1, (node, kinds)
        for kind in kinds:
            assert not types & NEVER.get(kind, set()), (node, types & NEVER.get(kind, set()))
    # The check ran over the graph, and reasoning made units of exactly the hand-built corpus's units: those
    # it names (two 西湖社区 under different parents) and the provinces the gazetteer puts above them.
    units = set(graph.subjects(RDF.type, KG.AdministrativeUnit))
    assert sorted(str(graph.value(u, RDFS.label)) for u in units) == sorted(
        ["四川省", "绵阳市", "涪城区", "创业园街道", "柳家坪社区", "桂花巷社区", "浙江省", "杭州市", "西湖社区", "西湖社区"])


def test_rdfs_gives_sentences_statements_and_mentions_the_types_the_graph_leaves_out(built_graph):
    # graph.ttl does not repeat these types on every node: their properties' rdfs:domain states them once.
    untyped = {KG.Sentence: KG.inArticle, KG.RelationStatement: KG.extractionRule, KG.Mention: KG.mentionOf}
    for cls in untyped:
        assert list(built_graph.subjects(RDF.type, cls)) == []
    graph = closure(built_graph, __import__("owlrl").RDFS_Semantics)
    for cls, prop in untyped.items():
        nodes = set(built_graph.subjects(prop, None))
        assert len(nodes) >= 5
        assert set(graph.subjects(RDF.type, cls)) == nodes, cls
    # ... and every statement is one, since each names its rule; every cited sentence is typed too.
    assert set(built_graph.subjects(RDF.subject, None)) == set(graph.subjects(RDF.type, KG.RelationStatement))
    cited = {o for o in built_graph.objects(None, PROV.wasDerivedFrom) if (o, KG.inArticle, None) in built_graph}
    assert cited and cited <= set(graph.subjects(RDF.type, KG.Sentence))
    # The division code is Wikidata's P442 through the one sub-property axiom.
    unit = next(built_graph.subjects(KG.divisionCode, None))
    assert {str(v) for v in graph.objects(unit, WDT.P442)} == {str(built_graph.value(unit, KG.divisionCode))}


def test_under_owl_rl_the_graph_still_conforms_to_its_shapes(built_graph, tmp_path):
    import owlrl

    from kg.tools.validate import validate_graph

    closed = closure(built_graph, owlrl.OWLRL_Semantics)
    # OWL RL infers generalised triples (a literal as subject) that RDF 1.1, and so Oxigraph, cannot hold.
    for triple in [t for t in closed if isinstance(t[0], Literal)]:
        closed.remove(triple)
    closed.serialize(tmp_path / "graph.ttl", format="turtle")
    assert validate_graph(tmp_path) == []


@pytest.mark.parametrize("name", RELATIONS)
def test_relation_properties_state_their_domain_and_range(ontology, name):
    assert ontology.value(KG[name], RDFS.domain) or ontology.value(KG[name], SCHEMA.domainIncludes)
    assert ontology.value(KG[name], RDFS.range) or ontology.value(KG[name], SCHEMA.rangeIncludes)


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_ontology_files_parse_with_oxigraph_too(name):
    triples = set(ox.parse(path=str(ontology_dir() / name), format=ox.RdfFormat.TURTLE))
    by_rdflib = Graph().parse(ontology_dir() / name, format="turtle")
    assert len(triples) == len(by_rdflib)
    assert {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)} == {
        str(s) for s in by_rdflib.subjects() if isinstance(s, URIRef)}


def test_a_missing_ontology_folder_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(terms, "__file__", str(tmp_path / "kg" / "rdf" / "terms.py"))
    with pytest.raises(OntologyNotFoundError, match=r"no ontology at .*: reinstall kg \(pip install \.\)"):
        ontology_dir()


@pytest.mark.parametrize("name", ["kg.ttl", "shapes.ttl"])
def test_the_published_ontology_is_the_one_the_package_ships(name):
    published = Path(__file__).resolve().parent.parent / "ontology" / name
    assert (ontology_dir() / name).read_bytes() == published.read_bytes()
