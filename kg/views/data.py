"""The views' one adapter: everything the pages show, read from what the build has.

The rest of ``kg.views`` knows only the plain records defined here
(``ViewData``), never where they come from. Today they come from:

- the analysis (``kg.analyse``): entities with their label, classes, level and
  measures; the relations between them; communities and the tree;
- the resolved corpus (``kg.model.ResolvedCorpus``): each entity's kind, code,
  aliases and every mention (article, sentence, offsets); each relation's
  evidence and the rules that found it. Without a corpus the same is read from
  the graph's ``kg:Mention`` and ``kg:RelationMention`` nodes (slower: rdflib
  costs about 4 µs a triple, so the pipeline passes the corpus);
- the build's tables (``kg.model.BuildTables``), which the pipeline passes:
  the resolved corpus (each entity's kind, code, aliases) and each article,
  streamed from the build's per-article results (``ArticleRecord``): its
  metadata, normalised text, body spans, the furniture dropped, every
  mention and every fact it states with its sentence (offsets index the
  normalised text). Without them the same is read from an rdflib graph's
  v1 ``kg:Mention``/``kg:RelationMention`` nodes (tests of older graphs).

Everything here is plain data: escaping happens where it is written into a page.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from rdflib import RDF, SKOS, Graph, URIRef

from kg.analyse.network import Analysis
from kg.analyse.records import EntityRecord, class_label, local_name
from kg.model import ArticleMetadata, ArticleSummary, BuildReport, BuildTables, DroppedLine, Evidence, ResolvedCorpus
from kg.rdf import iri as minted
from kg.rdf.vocab import KG

GAZETTEER_RULE = "gazetteer"


class Passage(NamedTuple):
    """Where something was read: an article, its sentence and offsets in the article's decoded text.

    A named tuple rather than a dataclass: a large build has hundreds of thousands, made and hashed here.
    """

    article: str  # article id
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int  # the mention, or the span that triggered a relation
    end: int


@dataclass(frozen=True)
class EntityView:
    record: EntityRecord  # IRI, label, top and fine class, level (from the analysis)
    kind: str | None = None  # kg:kind of a non-unit (a unit's level is on the record)
    code: str | None = None  # administrative division code
    aliases: tuple[str, ...] = ()
    implicit: bool = False  # added from the gazetteer, never written in an article
    passages: tuple[Passage, ...] = ()  # every mention, sorted


@dataclass(frozen=True)
class FactView:
    """One relation between two entities, with every passage that states it."""

    subject: str  # IRI
    predicate: str  # one of kg.model.RELATIONS
    object: str  # IRI
    passages: tuple[Passage, ...] = ()
    rules: tuple[str, ...] = ()

    @property
    def from_gazetteer(self) -> bool:
        return GAZETTEER_RULE in self.rules


@dataclass(frozen=True)
class ArticleView:
    """One article as the source reader shows it: metadata, the text the passages' offsets index, body spans."""

    id: str
    source: str
    metadata: ArticleMetadata
    dropped: tuple[DroppedLine, ...] = ()
    original: str = ""
    body: tuple[tuple[int, int], ...] = ()


@dataclass
class ViewData:
    analysis: Analysis
    entities: dict[str, EntityView]  # IRI -> entity, in the analysis' order (sorted by IRI)
    facts: list[FactView]  # sorted by (subject, predicate, object)
    articles: list[ArticleView]  # in input order
    class_labels: dict[str, str] = field(default_factory=dict)  # fine class local name -> Chinese name


def read_view_data(
    source: Graph | BuildTables, analysis: Analysis, report: BuildReport, corpus: ResolvedCorpus | None = None
) -> ViewData:
    """What the views show, from the build's tables (or, for older graphs, an rdflib graph and its corpus)."""
    if isinstance(source, BuildTables):
        entities, facts, articles = _from_tables(analysis, source)
        graph = Graph()
    else:
        graph = source
        entities, facts = _from_corpus(analysis, corpus) if corpus is not None else _from_graph(graph, analysis)
        articles = [ArticleView(s.id, s.source, s.metadata, s.dropped) for s in report.articles]
    labels = {fine: class_label(graph, KG._NS[fine]) or fine for fine in sorted({e.fine_class for e in analysis.entities})}
    return ViewData(analysis, entities, facts, articles, labels)


def _from_tables(analysis: Analysis, tables: BuildTables) -> tuple[dict[str, EntityView], list[FactView], list[ArticleView]]:
    """Entities and facts from the corpus tables, their passages and the articles from one pass over the articles."""
    mentioned: dict[str, set[Passage]] = {}
    stated: dict[tuple[str, str, str], tuple[set[Passage], set[str]]] = {}
    articles = []
    for record in tables.articles():
        s, text = record.summary, record.text
        articles.append(ArticleView(s.id, s.source, s.metadata, s.dropped, text, record.body))
        sentences = sorted(record.sentences)
        starts = [start for start, _ in sentences]
        for start, end, iri in record.mentions:
            sentence = sentences[max(bisect_right(starts, start) - 1, 0)] if starts else (start, end)
            mentioned.setdefault(iri, set()).add(Passage(s.id, text[sentence[0]:sentence[1]], *sentence, start, end))
        for subject, predicate, obj, start, end in record.relations:
            stated.setdefault((subject, predicate, obj), (set(), set()))[0].add(
                Passage(s.id, text[start:end], start, end, start, end)
            )
    for relation in tables.corpus.relations:
        rules = stated.setdefault((relation.subject, relation.predicate, relation.object), (set(), set()))[1]
        rules.update(relation.rules)
        if relation.from_gazetteer:
            rules.add(GAZETTEER_RULE)
    found = {e.iri: e for e in tables.corpus.entities}
    entities = {}
    for record in analysis.entities:
        entity = found.get(record.iri)
        if entity is None:
            entities[record.iri] = EntityView(record)
            continue
        entities[record.iri] = EntityView(
            record,
            kind=None if entity.cls == "AdministrativeUnit" or entity.fine_class == entity.cls else entity.fine_class,
            code=entity.code,
            aliases=tuple(sorted(set(entity.alt_labels) - {entity.label})),
            implicit=entity.implicit,
            passages=tuple(sorted(mentioned.get(record.iri, ()), key=_passage_order)),
        )
    return entities, _facts(analysis, stated), articles


def _passage(evidence: Evidence) -> Passage:
    return Passage(
        evidence.article_id,
        evidence.sentence,
        evidence.sentence_start,
        evidence.sentence_end,
        evidence.start,
        evidence.end,
    )


def _facts(analysis: Analysis, stated: dict[tuple[str, str, str], tuple[set[Passage], set[str]]]) -> list[FactView]:
    # The analysis decides which relations exist (no self-loops, both ends entities); evidence is joined to them.
    facts = []
    for r in analysis.relations:
        passages, rules = stated.get((r.subject, r.predicate, r.object), (set(), set()))
        facts.append(FactView(r.subject, r.predicate, r.object, tuple(sorted(passages, key=_passage_order)), tuple(sorted(rules))))
    return facts


def _passage_order(p: Passage) -> tuple:
    return (p.article, p.sentence_start, p.start, p.end)


def _from_corpus(analysis: Analysis, corpus: ResolvedCorpus) -> tuple[dict[str, EntityView], list[FactView]]:
    iri_of = {entity.key: str(minted.entity_iri(entity)) for entity in corpus.entities}
    found = {iri_of[e.key]: e for e in corpus.entities}
    entities = {}
    for record in analysis.entities:
        entity = found.get(record.iri)
        if entity is None:
            entities[record.iri] = EntityView(record)
            continue
        entities[record.iri] = EntityView(
            record,
            kind=None if entity.cls == "AdministrativeUnit" else entity.kind,
            code=entity.code,
            aliases=tuple(sorted(set(entity.alt_labels) - {entity.label})),
            implicit=entity.implicit,
            passages=tuple(sorted({_passage(e) for e in entity.evidence}, key=_passage_order)),
        )
    stated: dict[tuple[str, str, str], tuple[set[Passage], set[str]]] = {}
    for relation in corpus.relations:
        key = (iri_of.get(relation.subject, ""), relation.predicate, iri_of.get(relation.object, ""))
        passages, rules = stated.setdefault(key, (set(), set()))
        passages.update(_passage(e) for e in relation.evidence)
        rules.update(relation.rules)
    return entities, _facts(analysis, stated)


def _evidence_nodes(graph: Graph, kind: URIRef) -> Iterable[tuple[URIRef, Passage]]:
    for node in graph.subjects(RDF.type, kind):
        values = [graph.value(node, p) for p in (KG.inArticle, KG.sentence, KG.sentenceStart, KG.sentenceEnd, KG.start, KG.end)]
        if values[0] is None or values[1] is None:
            continue
        numbers = [int(v) if v is not None else 0 for v in values[2:]]
        yield node, Passage(local_name(str(values[0])), str(values[1]), *numbers)


def _from_graph(graph: Graph, analysis: Analysis) -> tuple[dict[str, EntityView], list[FactView]]:
    passages: dict[str, set[Passage]] = {}
    for node, passage in _evidence_nodes(graph, KG.Mention):
        passages.setdefault(str(graph.value(node, KG.mentionOf)), set()).add(passage)
    entities = {}
    for record in analysis.entities:
        node = URIRef(record.iri)
        kind, code = graph.value(node, KG.kind), graph.value(node, SKOS.notation)
        entities[record.iri] = EntityView(
            record,
            kind=str(kind) if kind is not None else None,
            code=str(code) if code is not None else None,
            aliases=tuple(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)} - {record.label})),
            implicit=bool(graph.value(node, KG.implicit)),
            passages=tuple(sorted(passages.get(record.iri, ()), key=_passage_order)),
        )
    stated: dict[tuple[str, str, str], tuple[set[Passage], set[str]]] = {}
    for node, passage in _evidence_nodes(graph, KG.RelationMention):
        ends = [graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        key = (str(ends[0]), local_name(str(ends[1])), str(ends[2]))
        found, rules = stated.setdefault(key, (set(), set()))
        found.add(passage)
        rules.update(str(rule) for rule in graph.objects(node, KG.extractionRule))
    return entities, _facts(analysis, stated)


def edge_evidence(data: ViewData) -> dict[tuple[str, str, str], list[tuple]]:
    """Each fact's passages as rows for edges.csv (kg.analyse.tables.EdgeEvidence)."""
    return {
        (f.subject, f.predicate, f.object): [
            (p.article, p.sentence, p.sentence_start, p.sentence_end, p.start, p.end, " ".join(f.rules)) for p in f.passages
        ]
        for f in data.facts
    }
