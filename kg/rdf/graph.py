"""Graph stage: the resolved corpus and its articles as rdflib triples.

The shape of the graph (documented with examples in docs/sparql.md):

- an entity has one ``rdfs:label``/``skos:prefLabel`` @zh, ``skos:altLabel``s,
  the finest class its kind allows, ``kg:mentionedIn`` each article, and one
  ``kg:Mention`` node per piece of evidence;
- a relation is a direct triple ``subject kg:rel object`` plus one
  ``kg:RelationMention`` per piece of evidence, which reifies that triple
  (``rdf:subject``/``rdf:predicate``/``rdf:object``) and says where it was read;
- an article has its metadata and content hash, never its file path.

Every node has an IRI from ``kg.rdf.iri``; there are no blank nodes, so the
output depends only on the content.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

import kg.rdf.iri as iri
from kg.model import ArticleSummary, Entity, Evidence, Relation, ResolvedCorpus
from kg.rdf.vocab import ATTRIBUTE_UNITS, KG, KIND_CLASSES, STANDARD_PREFIXES

ORG = Namespace(STANDARD_PREFIXES["org"])

# A stated quantity: the number, an optional 万 (ten thousand), then the unit.
_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?\s*(\S*)")


def build_graph(summaries: Sequence[ArticleSummary], corpus: ResolvedCorpus) -> Graph:
    """All triples of the articles, entities and relations (no class hierarchy: export adds it)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in STANDARD_PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for summary in summaries:
        add_article(graph, summary)
    entities = {entity.key: entity for entity in corpus.entities}
    for entity in corpus.entities:
        add_entity(graph, entity)
    for relation in corpus.relations:
        add_relation(graph, relation, entities)
    led = led_bodies(corpus.relations, entities)
    for entity in corpus.entities:
        if entity.role:
            add_post(graph, entity, led.get(entity.key, ()))
    return graph


# ---------------------------------------------------------------------- articles
def add_article(graph: Graph, summary: ArticleSummary) -> None:
    node = iri.article_iri(summary.id)
    meta = summary.metadata
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, KG.contentHash, Literal(summary.content_hash)))
    graph.add((node, KG.characters, Literal(summary.chars)))
    graph.add((node, RDFS.label, Literal(meta.title, lang="zh") if meta.title else Literal(summary.id)))
    if meta.title:
        graph.add((node, KG.title, Literal(meta.title, lang="zh")))
    published = _iso_date(meta.published)
    if published:
        graph.add((node, KG.published, Literal(published, datatype=XSD.date)))
    if meta.source_name:
        graph.add((node, KG.sourceName, Literal(meta.source_name)))
    if meta.url:
        graph.add((node, KG.url, Literal(meta.url, datatype=XSD.anyURI)))
    for author in meta.authors:
        graph.add((node, KG.author, Literal(author)))


def _iso_date(value: str | None) -> str | None:
    """The date part of an ISO 8601 value, or None when it is not a real date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------- entities
def entity_class(entity: Entity) -> URIRef:
    """The finest class the entity's kind allows; the top class for no kind or an unknown one."""
    name = KIND_CLASSES.get((entity.cls, entity.kind or ""), entity.cls)
    return KG[name]


def add_entity(graph: Graph, entity: Entity) -> None:
    node = iri.entity_iri(entity)
    graph.add((node, RDF.type, entity_class(entity)))
    label = Literal(entity.label, lang="zh")
    graph.add((node, RDFS.label, label))
    graph.add((node, SKOS.prefLabel, label))
    for alt in set(entity.alt_labels) - {entity.label}:
        graph.add((node, SKOS.altLabel, Literal(alt, lang="zh")))
    if entity.kind:
        kind_property = KG.level if entity.cls == "AdministrativeUnit" else KG.kind
        graph.add((node, kind_property, Literal(entity.kind)))
    if entity.code:
        graph.add((node, SKOS.notation, Literal(entity.code, datatype=KG.DivisionCode)))
    if entity.role:
        graph.add((node, KG.role, Literal(entity.role, lang="zh")))
    if entity.implicit:
        graph.add((node, KG.implicit, Literal(True)))
    for name, value in entity.attributes:
        graph.add((node, *attribute_triple(name, value)))
    for evidence in entity.evidence:
        add_mention(graph, entity, evidence)


def attribute_triple(name: str, value: str) -> tuple[URIRef, Literal]:
    """(property, typed value) for a stated attribute such as ("area", "1.2万平方米")."""
    known = ATTRIBUTE_UNITS.get(name)
    match = _QUANTITY.search(value)
    if known is None or match is None:
        return KG.attribute, Literal(f"{name}: {value}")
    local, units = known
    number = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    unit = next((u for u in sorted(units, key=len, reverse=True) if u and match.group(3).startswith(u)), "")
    number *= Decimal(str(units.get(unit, 1)))
    if local == "area":
        return KG.area, Literal(_decimal_text(number), datatype=XSD.decimal)
    return KG[local], Literal(int(number.to_integral_value()))


def _decimal_text(number: Decimal) -> str:
    text = f"{number.quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def add_mention(graph: Graph, entity: Entity, evidence: Evidence) -> None:
    node = iri.mention_iri(entity.key, evidence)
    graph.add((node, RDF.type, KG.Mention))
    graph.add((node, KG.mentionOf, iri.entity_iri(entity)))
    add_evidence(graph, node, evidence)
    graph.add((iri.entity_iri(entity), KG.mentionedIn, iri.article_iri(evidence.article_id)))


def add_evidence(graph: Graph, node: URIRef, evidence: Evidence) -> None:
    """Where the passage is: its article, its sentence and offsets in the original text."""
    graph.add((node, KG.inArticle, iri.article_iri(evidence.article_id)))
    graph.add((node, KG.sentence, Literal(evidence.sentence)))
    graph.add((node, KG.sentenceStart, Literal(evidence.sentence_start)))
    graph.add((node, KG.sentenceEnd, Literal(evidence.sentence_end)))
    graph.add((node, KG.start, Literal(evidence.start)))
    graph.add((node, KG.end, Literal(evidence.end)))


# --------------------------------------------------------------------- relations
def add_relation(graph: Graph, relation: Relation, entities: dict[str, Entity]) -> None:
    subject = _relation_end(relation, relation.subject, entities)
    obj = _relation_end(relation, relation.object, entities)
    predicate = KG[relation.predicate]
    graph.add((subject, predicate, obj))
    for evidence in relation.evidence:
        node = iri.relation_mention_iri(relation, evidence)
        graph.add((node, RDF.type, KG.RelationMention))
        graph.add((node, RDF.subject, subject))
        graph.add((node, RDF.predicate, predicate))
        graph.add((node, RDF.object, obj))
        add_evidence(graph, node, evidence)
        for rule in relation.rules:
            graph.add((node, KG.extractionRule, Literal(rule)))


def _relation_end(relation: Relation, key: str, entities: dict[str, Entity]) -> URIRef:
    entity = entities.get(key)
    if entity is None:
        # The resolve stage guarantees this; a dangling end would be an untyped node.
        raise ValueError(f"relation {relation.subject} {relation.predicate} {relation.object}: no entity {key!r}")
    return iri.entity_iri(entity)


def add_post(graph: Graph, person: Entity, led: Iterable[URIRef]) -> None:
    """The person's role as an org:Post they hold, in each body they lead."""
    post = iri.post_iri(person.key, person.role or "")
    graph.add((post, RDF.type, ORG.Post))
    graph.add((post, RDFS.label, Literal(person.role, lang="zh")))
    graph.add((iri.entity_iri(person), ORG.holds, post))
    for body in led:
        graph.add((post, ORG.postIn, body))


def led_bodies(relations: Iterable[Relation], entities: dict[str, Entity]) -> dict[str, list[URIRef]]:
    """Person key → IRIs of what the person leads."""
    led: dict[str, list[URIRef]] = {}
    for relation in relations:
        if relation.predicate == "leads" and relation.object in entities:
            led.setdefault(relation.subject, []).append(iri.entity_iri(entities[relation.object]))
    return led
