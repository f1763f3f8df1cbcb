"""graph.trig: one named graph per article, the rest in the default graph; together exactly graph.ttl."""
import pyoxigraph as ox
import pytest
from rdflib import Dataset, URIRef

ARTICLE = "https://w3id.org/jiceng-kg/id/article/"


@pytest.fixture(scope="module")
def quads(seeds_build):
    return list(ox.parse(path=str(seeds_build / "graph.trig"), format=ox.RdfFormat.TRIG))


def test_the_union_of_its_graphs_is_graph_ttl(seeds_build, quads):
    turtle = {(t.subject, t.predicate, t.object) for t in ox.parse(path=str(seeds_build / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert {(q.subject, q.predicate, q.object) for q in quads} == turtle
    assert len(quads) == len(turtle)  # no triple in two graphs


def test_one_named_graph_per_article_holding_its_sentences_and_mentions(seeds_build, quads):
    named = {q.graph_name for q in quads if not isinstance(q.graph_name, ox.DefaultGraph)}
    articles = {q.subject for q in quads if q.predicate.value.endswith("#type") and q.object.value.endswith("#Article")}
    assert named == articles and len(articles) == 5
    for q in quads:
        if q.predicate.value.endswith("#inArticle"):  # a sentence sits in its article's graph
            assert q.graph_name == q.object
        if q.predicate.value.endswith("#inSentence"):
            assert not isinstance(q.graph_name, ox.DefaultGraph)
        if q.predicate.value.endswith("#label") and not q.subject.value.startswith(ARTICLE):
            assert isinstance(q.graph_name, ox.DefaultGraph)  # entities are corpus-wide


def test_rdflib_reads_it_with_the_same_graphs(seeds_build, quads):
    dataset = Dataset()
    dataset.parse(seeds_build / "graph.trig", format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if str(g.identifier).startswith(ARTICLE)}
    assert names == {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    some = sorted(names)[0]
    assert len(dataset.graph(URIRef(some))) == sum(1 for q in quads if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == some)
    assert len(dataset.default_graph) == sum(1 for q in quads if isinstance(q.graph_name, ox.DefaultGraph))
