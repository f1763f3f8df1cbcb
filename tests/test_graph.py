"""The graph: one hierarchy, evidence that is evidence, lean provenance, ORG used as meant. Hand-built corpus."""
from decimal import Decimal

import pyoxigraph as ox
import pytest
from conftest import ARTICLE_TEXTS, hand_built_extractions
from rdflib import RDF, RDFS, BNode, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.rdf import iri
from kg.rdf.graph import attribute_triple
from kg.rdf.turtle import TurtleSection
from kg.rdf.vocab import KG

ORG = Namespace("http://www.w3.org/ns/org#")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib.XSD warns when pytest inspects the module
GAZETTEER = URIRef(iri.source_iri("gazetteer"))


def nodes(graph, label):
    return sorted(s for s in graph.subjects(RDFS.label, Literal(label, lang="zh")) if (s, RDF.type, KG.Article) not in graph)


def node(graph, label):
    [found] = nodes(graph, label)
    return found


def top_class(graph, cls):
    """The kg top class of a (fine) class, through rdfs:subClassOf in graph.ttl itself."""
    return {c for c in graph.transitive_objects(cls, RDFS.subClassOf) if str(c).startswith(str(KG._NS))}


@pytest.mark.parametrize(
    ("label", "cls"),
    [
        ("四川省", KG.Province),
        ("涪城区", KG.District),
        ("创业园街道", KG.Subdistrict),
        ("柳家坪社区", KG.Community),
        ("柳家坪社区党总支", KG.GeneralPartyBranch),
        ("创业园街道党工委", KG.PartyWorkingCommittee),
        ("微更新", KG.Project),
        ("睦邻节", KG.Event),
        ("涪江理工学院", KG.University),  # no kind given: the name's ending says it
        ("创业园文化公园", KG.Facility),
        ("周建明", KG.Person),
    ],
)
def test_entities_get_the_finest_class_their_kind_allows(built_graph, label, cls):
    assert set(built_graph.objects(node(built_graph, label), RDF.type)) == {cls}


def test_coded_units_take_their_iri_from_the_code_and_state_it_typed_once_aligned_with_wikidatas_property(built_graph):
    unit = node(built_graph, "涪城区")
    assert str(unit) == "https://w3id.org/jiceng-kg/id/unit/510703000000"
    assert built_graph.value(unit, KG.divisionCode) == Literal("510703000000", datatype=KG.DivisionCode)
    assert (KG.DivisionCode, RDF.type, RDFS.Datatype) in built_graph
    # The Wikidata property is stated once, as the code's super-property, not repeated per unit.
    assert (KG.divisionCode, RDFS.subPropertyOf, WDT.P442) in built_graph
    assert list(built_graph.subject_objects(WDT.P442)) == []


def nests(child: str, parent: str) -> bool:
    """A 12-digit code lies inside another: it begins with the other's non-zero levels (2, 4, 6, 9 digits)."""
    significant = next(n for n in (2, 4, 6, 9, 12) if set(parent[n:]) <= {"0"})
    return child != parent and child.startswith(parent[:significant])


def test_every_unit_has_at_most_one_parent_and_a_coded_childs_code_nests_in_its_parents(built_graph):
    units = {s for s, c in built_graph.subject_objects(RDF.type) if KG.AdministrativeUnit in top_class(built_graph, c)}
    for unit in units:
        parents = list(built_graph.objects(unit, KG.partOf))
        assert len(parents) <= 1, unit
        child = built_graph.value(unit, KG.divisionCode)
        parent = built_graph.value(parents[0], KG.divisionCode) if parents else None
        if child is not None and parent is not None:
            assert nests(str(child), str(parent)), (child, parent)


def test_in_the_whole_gazetteer_every_childs_code_nests_in_its_parents():
    from kg.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    outside = [d.code for d in gazetteer if d.parent and not nests(d.code, d.parent)]
    assert outside == []
    assert not nests("330106000000", "360100000000")


def test_a_skip_level_parent_the_article_states_gives_way_to_the_gazetteers_direct_parent(built_graph):
    # The article chained 涪城区 straight to 四川省; the division table puts 绵阳市 between them.
    assert list(built_graph.objects(node(built_graph, "涪城区"), KG.partOf)) == [node(built_graph, "绵阳市")]


def test_every_community_reaches_a_province(built_graph):
    for label in ("柳家坪社区", "桂花巷社区"):
        chain = list(built_graph.transitive_objects(node(built_graph, label), KG.partOf))
        assert node(built_graph, "四川省") in chain


def test_homonym_communities_under_different_parents_are_two_nodes(built_graph):
    parents = {built_graph.value(n, KG.partOf) for n in nodes(built_graph, "西湖社区")}
    assert parents == {node(built_graph, "杭州市"), node(built_graph, "创业园街道")}


def test_implicit_units_come_from_the_gazetteer_and_have_no_mentions(built_graph):
    province = node(built_graph, "四川省")
    assert built_graph.value(province, KG.implicit) == Literal(True)
    assert built_graph.value(province, DCTERMS.source) == GAZETTEER
    assert list(built_graph.subjects(KG.mentionOf, province)) == []
    assert list(built_graph.objects(province, KG.mentionedIn)) == []
    assert built_graph.value(node(built_graph, "绵阳市"), KG.implicit) is None


def statement_of(graph, s, p, o):
    found = [st for st in graph.subjects(RDF.subject, s) if (st, RDF.predicate, p) in graph and (st, RDF.object, o) in graph]
    assert len(found) == 1, (s, p, o)
    return found[0]


def test_gazetteer_facts_are_attributed_to_the_gazetteer_edition_not_to_a_sentence(built_graph):
    statement = statement_of(built_graph, node(built_graph, "绵阳市"), KG.partOf, node(built_graph, "四川省"))
    assert list(built_graph.objects(statement, PROV.wasDerivedFrom)) == [GAZETTEER]
    assert built_graph.value(GAZETTEER, RDF.type) == PROV.Entity
    assert "2023" in str(built_graph.value(GAZETTEER, URIRef("https://schema.org/version")))


# The relations the hand-built articles state (conftest.hand_built_extractions), other than partOf: the
# deputy 李芳 leads nothing, and the two articles' 柳家坪社区党总支 partyOrgOf 柳家坪社区 is one relation.
STATED = {
    ("创业园街道党工委", "partyOrgOf", "创业园街道"), ("柳家坪社区党总支", "partyOrgOf", "柳家坪社区"),
    ("桂花巷社区党委", "partyOrgOf", "桂花巷社区"), ("柳家坪社区党总支", "subOrganizationOf", "创业园街道党工委"),
    ("柳家坪社区党总支", "runsProgram", "微更新"), ("柳家坪社区党总支", "runsProgram", "睦邻节"),
    ("创业园街道", "hasFacility", "创业园文化公园"), ("柳家坪社区", "hasFacility", "柳家坪党群服务中心"),
    ("柳家坪社区党总支", "partnersWith", "涪江理工学院"), ("桂花巷社区", "partnersWith", "涪江理工学院"),
    ("柳家坪社区", "partnersWith", "绵州职业技术学院"), ("周建明", "leads", "桂花巷社区党委"),
}


def test_the_graph_has_exactly_the_relations_the_articles_state(built_graph):
    found = {(str(built_graph.value(s, RDFS.label)), name, str(built_graph.value(o, RDFS.label)))
             for name in ("partyOrgOf", "subOrganizationOf", "runsProgram", "hasFacility", "partnersWith", "leads")
             for s, o in built_graph.subject_objects(KG[name])}
    assert found == STATED


def test_every_relation_has_one_statement_derived_from_the_sentences_that_state_it(built_graph):
    relations = [(s, p, o) for p in map(KG.__getitem__, ("partOf", "partyOrgOf", "runsProgram", "partnersWith", "leads"))
                 for s, o in built_graph.subject_objects(p)]
    for s, p, o in relations:
        statement = statement_of(built_graph, s, p, o)
        assert list(built_graph.objects(statement, KG.extractionRule))  # which makes it a kg:RelationStatement
        sources = list(built_graph.objects(statement, PROV.wasDerivedFrom))
        assert sources
        for source in sources:
            assert source == GAZETTEER or built_graph.value(source, KG.inArticle) is not None
    # 柳家坪社区党总支 partyOrgOf 柳家坪社区 is stated in both articles: one statement, two sentences.
    twice = statement_of(built_graph, node(built_graph, "柳家坪社区党总支"), KG.partyOrgOf, node(built_graph, "柳家坪社区"))
    assert {built_graph.value(s, KG.inArticle) for s in built_graph.objects(twice, PROV.wasDerivedFrom)} == {
        URIRef(iri.article_iri(a)) for a in ARTICLE_TEXTS}


def test_each_sentence_is_one_node_with_its_text_once_and_its_span_in_the_original(built_graph):
    sentences = set(built_graph.subjects(KG.inArticle, None))  # typed kg:Sentence by that property's domain
    assert len(sentences) >= len(ARTICLE_TEXTS)
    texts = [str(built_graph.value(s, KG.text)) for s in sentences]
    assert len(texts) == len(set(texts))
    for s in sentences:
        original = ARTICLE_TEXTS[str(built_graph.value(s, KG.inArticle)).rsplit("/", 1)[1]]
        start, end = built_graph.value(s, KG.start).toPython(), built_graph.value(s, KG.end).toPython()
        assert original[start:end] == str(built_graph.value(s, KG.text))
        assert built_graph.value(s, KG.text).language == "zh"


def test_every_mentions_offsets_select_exactly_its_surface_form_in_its_sentence(built_graph):
    mentions = set(built_graph.subjects(KG.mentionOf, None))
    written = sum(not m.implicit for e in hand_built_extractions().values() for m in e.mentions)
    assert len(mentions) == written
    for m in mentions:
        text = str(built_graph.value(built_graph.value(m, KG.inSentence), KG.text))
        begin, surface = built_graph.value(m, KG.beginIndex).toPython(), str(built_graph.value(m, KG.surface))
        assert text[begin:begin + len(surface)] == surface


def test_the_same_check_in_sparql_over_the_store(built_dir):
    store = ox.Store.read_only(str(built_dir / "graph.oxigraph"))
    bad = list(store.query("""
        PREFIX kg: <https://w3id.org/jiceng-kg/ontology#>
        SELECT ?m WHERE { ?m kg:inSentence ?s ; kg:surface ?f ; kg:beginIndex ?b . ?s kg:text ?t .
                          FILTER (STR(SUBSTR(?t, ?b + 1, STRLEN(?f))) != STR(?f)) }"""))
    assert bad == []


def test_every_entity_links_to_each_article_that_names_it(built_graph):
    assert set(built_graph.objects(node(built_graph, "柳家坪社区"), KG.mentionedIn)) == {
        URIRef(iri.article_iri(a)) for a in ARTICLE_TEXTS}
    assert set(built_graph.objects(node(built_graph, "周建明"), KG.mentionedIn)) == {URIRef(iri.article_iri("a1a1a1a1a1a1a1a1"))}


def test_one_chinese_label_and_other_names_as_alt_labels(built_graph):
    program = node(built_graph, "微更新")
    assert list(built_graph.objects(program, RDFS.label)) == [Literal("微更新", lang="zh")]
    assert set(built_graph.objects(program, SKOS.altLabel)) == {Literal("微更新工程", lang="zh")}


def test_a_head_leads_and_a_deputy_does_not_but_both_are_members_with_their_role(built_graph):
    committee = node(built_graph, "桂花巷社区党委")
    head, deputy = node(built_graph, "周建明"), node(built_graph, "李芳")
    assert list(built_graph.objects(head, KG.leads)) == [committee]
    assert list(built_graph.objects(deputy, KG.leads)) == []
    roles = {}
    for membership in built_graph.subjects(RDF.type, ORG.Membership):
        assert built_graph.value(membership, ORG.organization) == committee
        role = built_graph.value(membership, ORG.role)
        assert built_graph.value(role, RDF.type) == ORG.Role
        roles[built_graph.value(membership, ORG.member)] = str(built_graph.value(role, SKOS.prefLabel))
    assert roles == {head: "社区党委书记", deputy: "社区党委副书记"}
    assert list(built_graph.subjects(RDF.type, ORG.Post)) == []


def test_no_membership_in_a_unit_a_unit_is_a_place(built_graph):
    for membership in built_graph.subjects(RDF.type, ORG.Membership):
        body = built_graph.value(membership, ORG.organization)
        assert KG.AdministrativeUnit not in top_class(built_graph, built_graph.value(body, RDF.type))


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("area", "1700㎡", ("kg:area", '"1700"^^xsd:decimal')),
        ("area", "1.2万平方米", ("kg:area", '"12000"^^xsd:decimal')),
        ("area", "3亩", ("kg:area", '"2000.01"^^xsd:decimal')),
        ("area", "约800平米", ("kg:area", '"800"^^xsd:decimal')),
        ("capacity", "可容纳240人", ("kg:capacity", "240")),
        ("count", "55套", ("kg:count", "55")),
        ("area", "宽敞明亮", ("kg:attribute", '"area: 宽敞明亮"@zh')),
        ("height", "12米", ("kg:attribute", '"height: 12米"@zh')),
    ],
)
def test_attributes_become_typed_values_in_fixed_units(name, value, expected):
    assert attribute_triple(name, value) == expected


def test_attributes_are_on_their_facility(built_graph):
    assert built_graph.value(node(built_graph, "创业园文化公园"), KG.area).toPython() == Decimal("1700")
    assert built_graph.value(node(built_graph, "柳家坪党群服务中心"), KG.capacity).toPython() == 368


def test_articles_have_their_metadata_in_chinese_and_no_file_path(built_graph):
    first = URIRef(iri.article_iri("a1a1a1a1a1a1a1a1"))
    assert built_graph.value(first, KG.title) == Literal("创业园畔展新颜", lang="zh")
    assert built_graph.value(first, KG.published) == Literal("2024-01-15", datatype=XSD.date)
    assert built_graph.value(first, KG.sourceName) == Literal("绵州日报", lang="zh")
    assert built_graph.value(first, KG.author) == Literal("李记者", lang="zh")
    assert built_graph.value(first, KG.url) == Literal("https://example.com/news?id=1&from=home", datatype=XSD.anyURI)
    assert not any("somewhere" in str(term) for triple in built_graph for term in triple)


def test_the_graph_has_no_blank_nodes(built_graph):
    assert not any(isinstance(term, BNode) for triple in built_graph for term in triple)


def test_network_measures_sit_under_their_own_super_property_and_activity(built_graph):
    measures = set(built_graph.subjects(RDFS.subPropertyOf, KG.networkMeasure))
    assert measures == {KG.degree, KG.betweenness, KG.pageRank, KG.networkCommunity}
    activity = URIRef(iri.activity_iri("analysis"))
    # The degree is declared but not stored: it is a count of the entity's relations (next test).
    assert set(built_graph.objects(activity, KG.computes)) == measures - {KG.degree}
    assert list(built_graph.subject_objects(KG.degree)) == []


def test_network_measures_are_not_facts_of_graph_ttl_but_sit_in_analysis_ttl_and_the_store(built_graph, built_dir):
    import pyoxigraph as ox
    from rdflib import Graph

    from kg.rdf.export import MEASURES_GRAPH
    from kg.tools.query import run_query

    # graph.ttl holds what was read (and what the gazetteer says); the measures of one build's network are apart.
    assert not any(list(built_graph.subject_objects(p)) for p in (KG.pageRank, KG.betweenness, KG.networkCommunity))
    measures = Graph().parse(built_dir / "analysis.ttl")
    entities = {s for s in built_graph.subjects(RDFS.label, None) if (s, KG.mentionedIn, None) in built_graph
                or (s, KG.implicit, None) in built_graph}
    assert set(measures.subjects(KG.pageRank, None)) == entities
    assert len(measures) == 3 * len(entities)  # betweenness, PageRank and community, once each
    store = ox.Store.read_only(str(built_dir / "graph.oxigraph"))
    assert len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(MEASURES_GRAPH)))) == len(measures)
    # kg query sees them with the facts: the union of the store's graphs
    rows = run_query("PREFIX kg: <https://w3id.org/jiceng-kg/ontology#> SELECT ?label ?rank "
                     "WHERE { ?e rdfs:label ?label ; kg:pageRank ?rank }", built_dir).rows
    assert "柳家坪社区党总支" in {row[0].value for row in rows}


# The query docs/sparql.md gives for the degree the analysis computes (distinct neighbours, relations undirected).
DEGREE = """
SELECT ?e (COUNT(DISTINCT ?other) AS ?degree) WHERE {
  VALUES ?p { kg:partOf kg:partyOrgOf kg:subOrganizationOf kg:runsProgram kg:hasFacility kg:partnersWith kg:leads }
  { ?e ?p ?other } UNION { ?other ?p ?e }
  FILTER (?other != ?e)
} GROUP BY ?e
"""


def test_the_degree_is_one_count_of_relations_and_agrees_with_the_analysis(built_graph):
    from kg.analyse.graphs import analyse

    counted = {str(row.e): int(row.degree) for row in built_graph.query(DEGREE, initNs={"kg": KG})}
    computed = {m.iri: m.degree for m in analyse(built_graph).metrics if m.degree}
    assert counted == computed
    # 柳家坪社区党总支 is joined to 柳家坪社区, 创业园街道党工委, 微更新, 睦邻节 and 涪江理工学院 (STATED).
    assert counted[str(node(built_graph, "柳家坪社区党总支"))] == 5


@pytest.mark.parametrize("key", ["柳家坪社区", 'a "quoted" <key> with spaces', "back\\slash\n{|}^`", "🏠/#?%20"])
def test_minted_iris_are_valid_for_oxigraph(key):
    for value in (iri.entity_iri("Facility", key), iri.role_iri(key), iri.article_iri(key), iri.membership_iri(key, key, key)):
        assert ox.NamedNode(value).value == value
        assert value.isascii()


def test_each_entity_block_has_its_own_outgoing_relations_and_only_those():
    from kg.model import Entity, Relation, ResolvedCorpus
    from kg.rdf.export import data_names
    from kg.rdf.graph import entity_section

    a, b, c = (iri.entity_iri("Program", key) for key in ("a", "b", "c"))
    corpus = ResolvedCorpus(  # sorted, as resolve() gives them
        tuple(sorted((Entity(a, "Program", "Program", "甲"), Entity(c, "Program", "Program", "丙")),
                     key=lambda e: e.iri)),
        # b is no entity here: its relation has no block to go in, and must not land in a's or c's.
        tuple(sorted((Relation(a, "partnersWith", c), Relation(b, "partnersWith", a), Relation(c, "runsProgram", a),
                      Relation(c, "runsProgram", b)), key=lambda r: (r.subject, r.predicate, r.object))),
    )
    names = data_names()
    text = names.header() + entity_section(corpus, names).text()
    stated = {(q.subject.value, q.predicate.value[len(str(KG)):], q.object.value)
              for q in ox.parse(input=text.encode("utf-8"), format=ox.RdfFormat.TURTLE)
              if q.predicate.value in (str(KG.partnersWith), str(KG.runsProgram))}
    assert stated == {(a, "partnersWith", c), (c, "runsProgram", a), (c, "runsProgram", b)}


@pytest.mark.parametrize("properties", [
    (("kg:inArticle", "kga:a1"),),
    (("kg:inArticle", "kga:a1"), ("kg:start", "0"), ("kg:end", "12"), ("kg:text", '"某某社区开展活动。"@zh')),
    (("kg:surface", '"a ; b ."@zh'), ("kg:beginIndex", "3")),
])
@pytest.mark.parametrize("heading", ["", "sentences"])
def test_a_block_of_single_objects_is_written_as_the_general_block_writes_it(properties, heading):
    general, single = TurtleSection(heading), TurtleSection(heading)
    for subject in ("kgs:s1", "kgs:s2"):
        general.add(subject, [(p, [o]) for p, o in properties])
        single.add_single(subject, properties)
    assert single.text() == general.text()
    assert single.triples == general.triples == 2 * len(properties)
    empty = TurtleSection(heading)
    empty.add_single("kgs:s3", ())
    assert empty.text() == "" and empty.triples == 0


@pytest.mark.parametrize("betweenness, page_rank, community", [
    ("0.000000", "0.001230", 0), ("0.250000", "1.000000", 17), (Decimal("0.5"), Decimal("0.012300"), 3),
])
def test_the_measures_section_writes_what_add_single_writes_of_the_same_figures(betweenness, page_rank, community):
    from kg.rdf.export import data_names
    from kg.rdf.graph import measure_section
    from kg.rdf.turtle import decimal, integer

    names = data_names()
    entity = iri.entity_iri("Person", "王某某")
    expected = TurtleSection("Network measures (not facts of any article): computed by the analysis activity, "
                             "see its description")
    expected.add_single(names(entity), (("kg:betweenness", decimal(betweenness)), ("kg:pageRank", decimal(page_rank)),
                                        ("kg:networkCommunity", integer(community))))
    written = measure_section([(entity, betweenness, page_rank, community)], names)
    assert written.text() == expected.text()
    assert written.triples == expected.triples == 3
