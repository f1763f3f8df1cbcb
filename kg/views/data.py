"""The views' one adapter: the corpus-wide records the pages show, read from the build's tables.

The rest of ``kg.views`` knows only the plain records defined here
(``ViewData``), never where they come from. They come from:

- the analysis (``kg.analyse``): entities with their label, classes, level and
  measures; the relations between them; communities and the tree;
- the resolved corpus (``kg.model.BuildTables.corpus``): each entity's kind,
  code, aliases, whether the gazetteer alone added it; each relation's rules;
- the build report: each article's metadata (``ArticleSummary``).

Only keys and small per-entity facts are held here, corpus-wide. What grows
with the corpus' text (each article's text, its mentions, the sentences that
state each fact) is read one article at a time by ``kg.views.articles`` from
``BuildTables.articles()`` and goes straight to disk.

Everything here is plain data: escaping happens where it is written into a page.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph

from kg.analyse.network import Analysis
from kg.analyse.records import EntityRecord, class_label
from kg.model import ArticleSummary, BuildReport, BuildTables
from kg.rdf.vocab import KG

GAZETTEER_RULE = "gazetteer"
UNIT = "AdministrativeUnit"


@dataclass(frozen=True, slots=True)  # slots: one per entity, a million for 100,000 articles
class EntityView:
    record: EntityRecord  # IRI, label, top and fine class, level (from the analysis)
    kind: str | None = None  # the fine class of a non-unit, when finer than its top class (a unit's level is on the record)
    code: str | None = None  # administrative division code
    aliases: tuple[str, ...] = ()
    implicit: bool = False  # added from the gazetteer, never written in an article


@dataclass(frozen=True, slots=True)
class FactView:
    """One relation between two entities and the rules that found it (its sentences are streamed)."""

    subject: str  # IRI
    predicate: str  # one of kg.model.RELATIONS
    object: str  # IRI
    rules: tuple[str, ...] = ()

    @property
    def from_gazetteer(self) -> bool:
        return GAZETTEER_RULE in self.rules


@dataclass
class ViewData:
    analysis: Analysis
    entities: dict[str, EntityView]  # IRI -> entity, in the analysis' order (sorted by IRI)
    facts: list[FactView]  # in the analysis' order (sorted by (subject, predicate, object))
    articles: list[ArticleSummary]  # in input order: metadata only, never text
    class_labels: dict[str, str] = field(default_factory=dict)  # fine class local name -> Chinese name


def read_view_data(tables: BuildTables, analysis: Analysis, report: BuildReport) -> ViewData:
    """What the views show corpus-wide, from the build's tables, the analysis and the report."""
    found = {e.iri: e for e in tables.corpus.entities}
    entities = {}
    for record in analysis.entities:
        entity = found.get(record.iri)
        if entity is None:
            entities[record.iri] = EntityView(record)
            continue
        entities[record.iri] = EntityView(
            record,
            kind=None if entity.cls == UNIT or entity.fine_class == entity.cls else entity.fine_class,
            code=entity.code,
            aliases=tuple(sorted(set(entity.alt_labels) - {entity.label})),
            implicit=entity.implicit,
        )
    rules: dict[tuple[str, str, str], set[str]] = {}
    for relation in tables.corpus.relations:
        found_by = rules.setdefault((relation.subject, relation.predicate, relation.object), set())
        found_by.update(relation.rules)
        if relation.from_gazetteer:
            found_by.add(GAZETTEER_RULE)
    # The analysis decides which relations exist (no self-loops, both ends entities); rules are joined to them.
    facts = [FactView(r.subject, r.predicate, r.object, tuple(sorted(rules.get((r.subject, r.predicate, r.object), ()))))
             for r in analysis.relations]
    graph = Graph()  # no graph: the class names come from the ontology
    labels = {fine: class_label(graph, KG._NS[fine]) or fine for fine in sorted({e.fine_class for e in analysis.entities})}
    return ViewData(analysis, entities, facts, list(report.articles), labels)
