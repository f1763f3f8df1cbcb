"""What the views show about each node, read once from the graph and the build report.

``read_view_context`` gathers labels, aliases, the articles that mention each
entity and evidence sentences; ``network_payload`` turns a set of entities and
their positions into the node and edge records vis-network draws. Everything
here is plain data: escaping happens where it is written into a page.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, SKOS, Graph, URIRef

from kg.analyse.network import Analysis
from kg.analyse.records import RelationRecord, class_label, local_name
from kg.views.layout import Position
from kg.model import ArticleSummary, BuildReport, BuildTables
from kg.rdf.iri import article_iri
from kg.views.styles import ViewStyles
from kg.rdf.vocab import KG

MAX_TOOLTIP_ARTICLES = 8
MAX_EVIDENCE = 2
MAX_SENTENCE_CHARS = 160
UNSAFE_FILE_CHARS = re.compile(r"[^0-9A-Za-z_-]+")


@dataclass(frozen=True)
class ArticlePage:
    summary: ArticleSummary
    node: str | None  # the Article node's IRI, when the graph has one for it
    page: str  # file name under views/

    @property
    def title(self) -> str:
        return self.summary.metadata.title or self.summary.source

    @property
    def date(self) -> str:
        return self.summary.metadata.published or ""


@dataclass
class ViewContext:
    """Everything the pages need beyond the analysis, keyed by entity or article IRI."""

    analysis: Analysis
    styles: ViewStyles
    articles: list[ArticlePage]
    article_of_node: dict[str, ArticlePage] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    mentioned_in: dict[str, list[str]] = field(default_factory=dict)  # entity -> article nodes
    entities_of_article: dict[str, set[str]] = field(default_factory=dict)
    evidence: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # entity -> (article node, sentence)
    class_labels: dict[str, str] = field(default_factory=dict)  # fine class local name -> Chinese name
    unit_pages: dict[str, str] = field(default_factory=dict)  # unit IRI -> file name under views/
    relations_of: dict[str, list[RelationRecord]] = field(default_factory=dict)  # entity -> relations it is in

    def relations_among(self, nodes: Iterable[str]) -> list[RelationRecord]:
        """The relations whose two ends are both among ``nodes``, in the analysis' order.

        Indexed by node, so a small view of a large graph costs little.
        """
        kept = set(nodes)
        found = {r for n in kept for r in self.relations_of.get(n, ()) if r.subject in kept and r.object in kept}
        return sorted(found, key=lambda r: (r.subject, r.predicate, r.object))


def safe_file_part(text: str, limit: int = 40) -> str:
    return UNSAFE_FILE_CHARS.sub("-", text).strip("-")[:limit] or "x"


def unit_page_name(iri: str) -> str:
    # The local name keeps the file recognisable; the hash keeps it unique.
    digest = hashlib.sha1(iri.encode("utf-8")).hexdigest()[:8]
    return f"unit-{safe_file_part(local_name(iri))}-{digest}.html"


def _match_articles(graph: Graph, report: BuildReport) -> list[ArticlePage]:
    # Article IRIs end with the article id (kg/iri.py mints them); match on it rather than re-mint here.
    nodes = sorted(str(n) for n in graph.subjects(RDF.type, KG.Article))
    by_id = {local_name(n): n for n in nodes}
    pages = []
    for summary in report.articles:
        node = by_id.get(summary.id) or next((n for n in nodes if n.endswith(summary.id)), None)
        pages.append(ArticlePage(summary, node, f"article-{safe_file_part(summary.id, 64)}.html"))
    return pages


def read_view_context(
    graph: Graph | BuildTables, analysis: Analysis, report: BuildReport, styles: ViewStyles
) -> ViewContext:
    if isinstance(graph, BuildTables):
        return _context_from_tables(graph, analysis, report, styles)
    context = ViewContext(analysis=analysis, styles=styles, articles=_match_articles(graph, report))
    context.article_of_node = {a.node: a for a in context.articles if a.node}
    for r in analysis.relations:
        context.relations_of.setdefault(r.subject, []).append(r)
        context.relations_of.setdefault(r.object, []).append(r)
    entities = analysis.entity
    for iri in entities:
        node = URIRef(iri)
        context.aliases[iri] = tuple(sorted({str(a) for a in graph.objects(node, SKOS.altLabel)}))
        articles = sorted({str(a) for a in graph.objects(node, KG.mentionedIn)}, key=lambda a: _article_order(context, a))
        context.mentioned_in[iri] = articles
        for article in articles:
            context.entities_of_article.setdefault(article, set()).add(iri)
        if entities[iri].top_class == "AdministrativeUnit":
            context.unit_pages[iri] = unit_page_name(iri)
    for mention in graph.subjects(KG.mentionOf, None):
        entity, node = graph.value(mention, KG.mentionOf), graph.value(mention, KG.inSentence)
        article, sentence = (graph.value(node, KG.inArticle), graph.value(node, KG.text)) if node else (None, None)
        if str(entity) in entities and sentence is not None:
            context.evidence.setdefault(str(entity), []).append((str(article or ""), str(sentence)))
    for found in context.evidence.values():
        found.sort()
    for fine in {e.fine_class for e in entities.values()}:
        context.class_labels[fine] = class_label(graph, KG._NS[fine]) or fine
    return context


def _context_from_tables(tables: BuildTables, analysis: Analysis, report: BuildReport, styles: ViewStyles) -> ViewContext:
    """The same context, from the build's tables instead of an rdflib graph."""
    pages = [
        ArticlePage(s, article_iri(s.id), f"article-{safe_file_part(s.id, 64)}.html") for s in report.articles
    ]
    context = ViewContext(analysis=analysis, styles=styles, articles=pages)
    context.article_of_node = {a.node: a for a in pages}
    for r in analysis.relations:
        context.relations_of.setdefault(r.subject, []).append(r)
        context.relations_of.setdefault(r.object, []).append(r)
    entities = analysis.entity
    for entity in tables.corpus.entities:
        if entity.iri not in entities:
            continue
        context.aliases[entity.iri] = entity.alt_labels
        articles = sorted((article_iri(a) for a in entity.articles), key=lambda a: _article_order(context, a))
        context.mentioned_in[entity.iri] = articles
        for article in articles:
            context.entities_of_article.setdefault(article, set()).add(entity.iri)
        if entity.cls == "AdministrativeUnit":
            context.unit_pages[entity.iri] = unit_page_name(entity.iri)
        context.evidence[entity.iri] = sorted((article_iri(e.article_id), e.sentence) for e in entity.evidence)
    for fine in {e.fine_class for e in entities.values()}:
        context.class_labels[fine] = class_label(Graph(), KG._NS[fine]) or fine
    return context


def _article_order(context: ViewContext, article: str) -> tuple[str, str]:
    page = context.article_of_node.get(article)
    return (page.date, page.title) if page else ("", article)


def article_title(context: ViewContext, article: str) -> str:
    page = context.article_of_node.get(article)
    if page is None:
        return local_name(article)
    return f"{page.title}（{page.date}）" if page.date else page.title


def class_text(context: ViewContext, iri: str) -> str:
    entity = context.analysis.entity[iri]
    top = context.styles.classes[entity.top_class].label
    fine = context.class_labels.get(entity.fine_class, entity.fine_class)
    parts = [top] if entity.fine_class == entity.top_class else [fine, top]
    if entity.level:
        parts.append(context.styles.levels.get(entity.level, entity.level))
    return " · ".join(dict.fromkeys(parts))


def _shorten(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE_CHARS else sentence[: MAX_SENTENCE_CHARS - 1] + "…"


def tooltip(context: ViewContext, iri: str, article: str | None = None) -> dict:
    """The tooltip's fields; the page builds it with textContent, never as HTML."""
    articles = context.mentioned_in.get(iri, [])
    evidence = context.evidence.get(iri, [])
    # In an article's view, that article's sentence comes first.
    evidence = sorted(evidence, key=lambda item: item[0] != article)[:MAX_EVIDENCE]
    m = context.analysis.metric[iri]
    return {
        "class": class_text(context, iri),
        "aliases": list(context.aliases.get(iri, ())),
        "articles": [article_title(context, a) for a in articles[:MAX_TOOLTIP_ARTICLES]],
        "moreArticles": max(len(articles) - MAX_TOOLTIP_ARTICLES, 0),
        "evidence": [_shorten(sentence) for _, sentence in evidence],
        "metrics": f"度 {m.degree} · 介数 {m.betweenness:.3f} · PageRank {m.page_rank:.3f} · 社群 {m.community}",
    }


def _node_size(context: ViewContext, iri: str, max_rank: float) -> int:
    rank = float(context.analysis.metric[iri].page_rank)
    return round(10 + 22 * math.sqrt(rank / max_rank)) if max_rank > 0 else 14


def network_payload(
    context: ViewContext,
    positions: dict[str, Position],
    *,
    article: str | None = None,
    focus: str | None = None,
    page_prefix: str = "",
    relations: Iterable[RelationRecord] | None = None,
    node_size: int | None = None,
) -> dict:
    """Nodes (with positions) and the relations between them, as vis-network records.

    ``relations`` limits the edges drawn (the tree draws only its own links);
    ``node_size`` gives every node one size instead of one by PageRank.
    """
    iris = sorted(positions)
    index = {iri: i for i, iri in enumerate(iris)}
    max_rank = max((float(context.analysis.metric[i].page_rank) for i in iris), default=0.0)
    nodes = [_node_record(context, iri, index[iri], positions[iri], max_rank, article, focus, page_prefix) for iri in iris]
    if node_size is not None:
        for node in nodes:
            node["size"], node["font"] = node_size, {"size": 13}
    edges = [
        _edge_record(context, r.predicate, index[r.subject], index[r.object])
        for r in (context.relations_among(iris) if relations is None else relations)
        if r.subject in index and r.object in index
    ]
    return {"nodes": nodes, "edges": edges}


def _node_record(context, iri, number, position, max_rank, article, focus, page_prefix) -> dict:
    entity = context.analysis.entity[iri]
    style = context.styles.classes[entity.top_class]
    page = context.unit_pages.get(iri)
    return {
        "id": number,
        "label": entity.label,
        "cls": entity.top_class,
        "x": position[0],
        "y": position[1],
        "shape": style.shape,
        "size": (size := _node_size(context, iri, max_rank)) + (8 if iri == focus else 0),
        # Hubs get larger labels too: they stay legible when a large view is zoomed out.
        "font": {"size": 12 + (size - 10) // 2},
        "color": {"background": style.colour, "border": "#222222" if iri == focus else style.colour},
        "borderWidth": 4 if iri == focus else 1,
        "href": page_prefix + page if page else None,
        "search": " ".join((entity.label, *context.aliases.get(iri, ()))),
        "tip": {"name": entity.label, **tooltip(context, iri, article)},
    }


def _edge_record(context: ViewContext, predicate: str, source: int, target: int) -> dict:
    style = context.styles.relations[predicate]
    return {
        "from": source,
        "to": target,
        "label": style.label,
        "relation": predicate,
        "color": {"color": style.colour},
        "arrows": "" if style.undirected else "to",
    }
