"""The graph stage: entities, relations with provenance, articles, IRIs."""
from decimal import Decimal

import pyoxigraph as ox
import pytest
from conftest import ARTICLE_TEXTS, hand_built_corpus
from rdflib import RDF, RDFS, BNode, Literal, Namespace
from rdflib.namespace import SKOS

from kg.rdf import iri
from kg.rdf.graph import attribute_triple, build_graph, entity_class
from kg.model import Entity, Relation, ResolvedCorpus
from kg.rdf.vocab import KG

ORG = Namespace("http://www.w3.org/ns/org#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib.XSD warns when pytest inspects the module


@pytest.fixture
def graph(summaries, corpus):
    return build_graph(summaries, corpus)


def node_of(corpus: ResolvedCorpus, key: str):
    return iri.entity_iri(next(e for e in corpus.entities if e.key == key))


@pytest.mark.parametrize(
    ("key", "cls"),
    [
        ("湖南省", KG.Province),
        ("武陵区", KG.District),
        ("长家山社区", KG.Community),
        ("长家山社区党总支", KG.GeneralPartyBranch),
        ("白马湖街道党工委", KG.PartyWorkingCommittee),
        ("微改造", KG.Project),
        ("邻里节", KG.Event),
        ("湖南文理学院", KG.University),
        ("常德职业技术学院", KG.Partner),  # no kind: the top class
        ("白马湖文化公园", KG.Facility),
        ("张圣忠", KG.Person),
    ],
)
def test_entities_get_the_finest_class_their_kind_allows(graph, corpus, key, cls):
    assert set(graph.objects(node_of(corpus, key), RDF.type)) == {cls}


def test_an_unknown_kind_gives_the_top_class_and_keeps_the_kind_as_text():
    entity = Entity(key="x", cls="PartyOrganization", label="某临时党组织", kind="临时党组织")
    assert entity_class(entity) == KG.PartyOrganization
    graph = build_graph([], ResolvedCorpus((entity,), ()))
    assert graph.value(iri.entity_iri(entity), KG.kind) == Literal("临时党组织")


def test_every_entity_has_one_chinese_label_and_its_other_names_as_alt_labels(graph, corpus):
    for entity in corpus.entities:
        labels = list(graph.objects(iri.entity_iri(entity), RDFS.label))
        assert labels == [Literal(entity.label, lang="zh")]
    community = node_of(corpus, "长家山社区")
    assert set(graph.objects(community, SKOS.altLabel)) == {Literal("长家山", lang="zh")}
    assert graph.value(community, SKOS.prefLabel) == Literal("长家山社区", lang="zh")


def test_division_codes_are_skos_notations(graph, corpus):
    assert graph.value(node_of(corpus, "武陵区"), SKOS.notation) == Literal("430702", datatype=KG.DivisionCode)
    assert graph.value(node_of(corpus, "白马湖街道"), SKOS.notation) is None


def test_levels_roles_and_implicit_units_are_stated(graph, corpus):
    assert graph.value(node_of(corpus, "武陵区"), KG.level) == Literal("district")
    assert graph.value(node_of(corpus, "长家山社区党总支"), KG.kind) == Literal("党总支")
    assert graph.value(node_of(corpus, "张圣忠"), KG.role) == Literal("社区党委书记", lang="zh")
    assert graph.value(node_of(corpus, "湖南省"), KG.implicit) == Literal(True)
    assert graph.value(node_of(corpus, "常德市"), KG.implicit) is None


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("area", "1700㎡", (KG.area, Literal("1700", datatype=XSD.decimal))),
        ("area", "1.2万平方米", (KG.area, Literal("12000", datatype=XSD.decimal))),
        ("area", "3亩", (KG.area, Literal("2000.01", datatype=XSD.decimal))),
        ("area", "约800平米", (KG.area, Literal("800", datatype=XSD.decimal))),
        ("capacity", "可容纳368人", (KG.capacity, Literal(368))),
        ("count", "55套", (KG.count, Literal(55))),
        ("area", "宽敞明亮", (KG.attribute, Literal("area: 宽敞明亮"))),
        ("height", "12米", (KG.attribute, Literal("height: 12米"))),
    ],
)
def test_attributes_become_typed_values_in_fixed_units(name, value, expected):
    assert attribute_triple(name, value) == expected


def test_attributes_are_on_their_facility(graph, corpus):
    assert graph.value(node_of(corpus, "白马湖文化公园"), KG.area).toPython() == Decimal("1700")
    assert graph.value(node_of(corpus, "长家山党群服务中心"), KG.capacity).toPython() == 368


def test_every_entity_links_to_each_article_that_mentions_it(graph, corpus):
    for entity in corpus.entities:
        expected = {iri.article_iri(e.article_id) for e in entity.evidence}
        assert set(graph.objects(iri.entity_iri(entity), KG.mentionedIn)) == expected


def test_mentions_point_at_the_name_in_the_original_text(graph):
    mentions = list(graph.subjects(RDF.type, KG.Mention))
    assert len(mentions) == sum(len(e.evidence) for e in hand_built_corpus().entities)
    for mention in mentions:
        text = ARTICLE_TEXTS[str(graph.value(mention, KG.inArticle)).rsplit("/", 1)[-1]]
        entity = graph.value(mention, KG.mentionOf)
        start, end = graph.value(mention, KG.start).toPython(), graph.value(mention, KG.end).toPython()
        names = {str(n) for n in graph.objects(entity, RDFS.label)} | {str(n) for n in graph.objects(entity, SKOS.altLabel)}
        if graph.value(entity, KG.implicit) is None:
            assert text[start:end] in names
        sentence = graph.value(mention, KG.sentence)
        s_start, s_end = graph.value(mention, KG.sentenceStart).toPython(), graph.value(mention, KG.sentenceEnd).toPython()
        assert text[s_start:s_end] == str(sentence)
        assert s_start <= start <= end <= s_end


def test_relations_are_direct_triples_each_reified_once_per_piece_of_evidence(graph, corpus):
    for relation in corpus.relations:
        s, p, o = node_of(corpus, relation.subject), KG[relation.predicate], node_of(corpus, relation.object)
        assert (s, p, o) in graph
        statements = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.object, o))
        statements = {st for st in statements if graph.value(st, RDF.predicate) == p}
        assert len(statements) == len(relation.evidence)
        for statement in statements:
            assert graph.value(statement, RDF.type) == KG.RelationMention
            assert graph.value(statement, KG.sentence) is not None
            assert set(graph.objects(statement, KG.extractionRule)) == {Literal(r) for r in relation.rules}


def test_a_leader_holds_a_post_in_what_they_lead(graph, corpus):
    person, org = node_of(corpus, "张圣忠"), node_of(corpus, "花园洞社区党委")
    post = graph.value(person, ORG.holds)
    assert graph.value(post, RDF.type) == ORG.Post
    assert graph.value(post, ORG.postIn) == org
    assert graph.value(post, RDFS.label) == Literal("社区党委书记", lang="zh")


def test_articles_have_their_metadata_and_no_file_path(graph, summaries):
    first = iri.article_iri(summaries[0].id)
    assert graph.value(first, KG.title) == Literal("白马湖畔展新颜", lang="zh")
    assert graph.value(first, KG.published) == Literal("2024-01-15", datatype=XSD.date)
    assert graph.value(first, KG.sourceName) == Literal("常德日报")
    assert graph.value(first, KG.url) == Literal("https://example.com/news?id=1&from=home", datatype=XSD.anyURI)
    assert graph.value(first, KG.contentHash) == Literal(summaries[0].content_hash)
    assert graph.value(iri.article_iri(summaries[1].id), KG.published) is None
    assert not any("somewhere" in str(term) for triple in graph for term in triple)


@pytest.mark.parametrize("published", ["2024-02-30", "去年", "2024"])
def test_a_date_that_is_not_a_real_day_is_left_out(summaries, published):
    from dataclasses import replace

    summary = replace(summaries[0], metadata=replace(summaries[0].metadata, published=published))
    graph = build_graph([summary], ResolvedCorpus((), ()))
    assert graph.value(iri.article_iri(summary.id), KG.published) is None


def test_the_graph_has_no_blank_nodes(graph):
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)


def test_homonyms_get_distinct_iris_and_keys_give_the_same_iri_every_time(corpus):
    assert node_of(corpus, "西湖社区|杭州市") != node_of(corpus, "西湖社区|白马湖街道")
    assert iri.entity_key_iri("AdministrativeUnit", "西湖社区|杭州市") == node_of(corpus, "西湖社区|杭州市")


@pytest.mark.parametrize("key", ["长家山社区", 'a "quoted" <key> with spaces', "back\\slash\n{|}^`", "🏠/#?%20"])
def test_minted_iris_are_valid_for_oxigraph(key):
    for node in (iri.entity_key_iri("Facility", key), iri.post_iri(key, "书记"), iri.article_iri(key)):
        assert ox.NamedNode(str(node)).value == str(node)
        assert str(node).isascii()


def test_a_relation_to_an_unknown_entity_is_an_error(corpus):
    dangling = Relation("长家山社区", "partOf", "nowhere", ())
    with pytest.raises(ValueError, match="no entity 'nowhere'"):
        build_graph([], ResolvedCorpus(corpus.entities, (dangling,)))
