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

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kg.analyse.network import Analysis
from kg.analyse.records import EntityRecord, ontology_labels
from kg.model import ArticleSummary, BuildReport, BuildTables
from kg.rdf.terms import ONTOLOGY_IRI

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
    articles: Sequence[ArticleSummary]  # in input order: metadata only, never text (the build's are on disk)
    class_labels: dict[str, str] = field(default_factory=dict)  # fine class local name -> Chinese name
    # From one pass over the articles' summaries (each is read back from disk as it is asked for):
    article_ids: list[str] = field(default_factory=list)  # in input order
    months: Counter = field(default_factory=Counter)  # "YYYY-MM" of each dated article -> articles
    dropped_lines: int = 0  # page furniture dropped from every article

    def __post_init__(self) -> None:
        if not self.article_ids and self.articles:
            for s in self.articles:
                self.article_ids.append(s.id)
                published = s.metadata.published
                if published and len(published) >= 7:
                    self.months[published[:7]] += 1
                self.dropped_lines += len(s.dropped)


def read_view_data(tables: BuildTables, analysis: Analysis, report: BuildReport) -> ViewData:
    """What the views show corpus-wide, from the build's tables, the analysis and the report.

    The corpus' entities and relations and the analysis' are all sorted the same way (by IRI, by triple),
    so each view is joined to its record walking both lists at once: no table keyed by IRI or triple.
    """
    entities = {}
    found = iter(tables.corpus.entities)
    entity = next(found, None)
    for record in analysis.entities:
        while entity is not None and entity.iri < record.iri:
            entity = next(found, None)
        if entity is None or entity.iri != record.iri:
            entities[record.iri] = EntityView(record)
            continue
        entities[record.iri] = EntityView(
            record,
            kind=None if entity.cls == UNIT or entity.fine_class == entity.cls else entity.fine_class,
            code=entity.code,
            aliases=tuple(sorted(set(entity.alt_labels) - {entity.label})),
            implicit=entity.implicit,
        )
    # The analysis decides which relations exist (no self-loops, both ends entities); rules are joined to them.
    facts = []
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each list of rules
    relations = iter(tables.corpus.relations)
    relation = next(relations, None)
    for r in analysis.relations:
        key = (r.subject, r.predicate, r.object)
        found_by: set[str] = set()
        while relation is not None and (relation.subject, relation.predicate, relation.object) <= key:
            if (relation.subject, relation.predicate, relation.object) == key:
                found_by.update(relation.rules)
                if relation.from_gazetteer:
                    found_by.add(GAZETTEER_RULE)
            relation = next(relations, None)
        rules = tuple(sorted(found_by))
        facts.append(FactView(r.subject, r.predicate, r.object, shared.setdefault(rules, rules)))
    names = ontology_labels()  # the class names come from the ontology
    labels = {fine: names.get(ONTOLOGY_IRI + fine) or fine for fine in sorted({e.fine_class for e in analysis.entities})}
    return ViewData(analysis, entities, facts, report.articles, labels)
