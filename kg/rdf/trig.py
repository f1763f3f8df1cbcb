"""graph.trig: the graph as TriG, with each article's own triples in a named graph of its own.

An article's graph (named by the article's IRI) holds what its chunk of
graph.ttl holds: the article node, its sentences and their mentions, each
entity's ``kg:mentionedIn`` link to it, and each statement's
``prov:wasDerivedFrom`` link to one of its sentences. Everything else
(dataset description, ontology, entities, relations, statements,
memberships, network measures) is the default graph. So
``GRAPH article:… { … }`` asks what one article says, and the union of all
graphs is graph.ttl. Written from the build's store, in its (deterministic)
order, default graph first and then the articles by IRI.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

KG = "https://w3id.org/jiceng-kg/ontology#"
MENTIONED_IN = ox.NamedNode(KG + "mentionedIn")
IN_ARTICLE = ox.NamedNode(KG + "inArticle")
IN_SENTENCE = ox.NamedNode(KG + "inSentence")
DERIVED_FROM = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
ARTICLE = ox.NamedNode(KG + "Article")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def write_trig(store_dir: Path, path: Path, prefixes: dict[str, str]) -> None:
    store = ox.Store.read_only(str(store_dir))
    article_of = articles_of_nodes(store)
    default: list[ox.Quad] = []
    by_article: dict[ox.NamedNode, list[ox.Quad]] = {}
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph = article_of.get(quad.subject)
        if graph is None and quad.predicate == MENTIONED_IN:
            graph = quad.object
        elif graph is None and quad.predicate == DERIVED_FROM:
            graph = article_of.get(quad.object)
        if graph is None:
            default.append(quad)
        else:
            by_article.setdefault(graph, []).append(ox.Quad(quad.subject, quad.predicate, quad.object, graph))
    quads = default + [q for article in sorted(by_article, key=str) for q in by_article[article]]
    ox.serialize(quads, str(path), format=ox.RdfFormat.TRIG, prefixes=prefixes)
    del store


def articles_of_nodes(store: ox.Store) -> dict:
    """Each article, sentence and mention node → the article it belongs to."""
    article_of = {quad.subject: quad.subject for quad in store.quads_for_pattern(None, RDF_TYPE, ARTICLE, ox.DefaultGraph())}
    sentence_article = {quad.subject: quad.object for quad in store.quads_for_pattern(None, IN_ARTICLE, None, ox.DefaultGraph())}
    article_of.update(sentence_article)
    for quad in store.quads_for_pattern(None, IN_SENTENCE, None, ox.DefaultGraph()):
        if quad.object in sentence_article:
            article_of[quad.subject] = sentence_article[quad.object]
    return article_of
