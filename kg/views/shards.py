"""The application's data: one core shard loaded with the page, the rest loaded on demand.

Chromium will not ``fetch()`` a file from a page opened from disk, but it runs
a ``<script src>`` beside it; so every shard is a small script that hands its
JSON to ``KG.register(name, data)`` (kg-app.js). Shards are JSON literals, never
code built from text, and are loaded only under names the page checks.

- ``core``: styles, every entity (label, class, level or kind, aliases,
  measures, articles), every fact (its two ends, relation, articles), every
  article's metadata, the overview's nodes with positions and the tree;
- ``e-H``: details of a run of about ENTITIES_PER_SHARD neighbouring entities
  (mentions, evidence of each of their facts, in the core's order of each
  entity's facts), read back from the ``PassageStore``;
- ``a-H``: a run of about ARTICLES_PER_SHARD articles' text, body lines,
  furniture, mention spans and the facts stated in each, in input order
  (``kg.views.articles``, written as each run is read).

The core refers to entities, facts and articles by their position in its
lists; the other shards by keys that do not move when another item comes or
goes (``kg.views.runs``), so that a rebuild can keep most of them.
"""
from __future__ import annotations

from array import array
from functools import partial
from hashlib import blake2b
from itertools import count
from pathlib import Path

from kg.model import LEVELS, TOP_CLASSES
from kg.views.articles import ArticleTotals, ShardIndex, ShardRefs
from kg.views.data import FactView, ViewData
from kg.views.passages import PassageStore
from kg.views.runs import ShardFiles, feed, inputs_hash, joined, run_ends, shard_bytes, shard_pieces
from kg.views.styles import ViewStyles

DATA_DIR = "data"  # under views/
ENTITIES_PER_SHARD = 50  # entities in a shard, on average (kg.views.runs); see docs/build.md
CORE = "core"  # the one shard whose size grows with the corpus
UNIT = "AdministrativeUnit"


def write_shard(data_dir: Path, name: str, data: object) -> None:
    """One shard, written piece by piece: the core shard of 100,000 articles is a few hundred MB of text,
    which as one string (and its escaped copies) would be held several times over. The e-N and a-N shards
    hold a bounded number of entities or articles: each is encoded whole, one C-level encode."""
    with open(data_dir / f"{name}.js", "w", encoding="utf-8") as out:
        out.writelines(shard_pieces(name, data, depth=2 if name == CORE else 0))


def core_payload(data: ViewData, styles: ViewStyles, index: ShardIndex, totals: ArticleTotals, overview: dict,
                 tree: dict, store: PassageStore, index_keys: list[str], runs: dict, inputs: EntityRunInputs) -> dict:
    m = data.analysis.metrics
    fine = sorted(data.class_labels)
    fine_index = {name: i for i, name in enumerate(fine)}
    class_index = {name: i for i, name in enumerate(TOP_CLASSES)}
    relation_index = {name: i for i, name in enumerate(styles.relations)}
    # The three long lists are made row by row as the shard is written (``json_pieces``), never held whole.
    entities = (
        [
            view.record.label,
            class_index[view.record.top_class],
            fine_index.get(view.record.fine_class, -1),
            view.record.level or view.kind or "",
            list(view.aliases),
            degree,
            round(page_rank, 5),
            community,
            articles,
            key,
        ]
        for view, degree, page_rank, community, articles, key in zip(
            data.entities.values(), m.degrees, m.figures("page_rank"), m.community,
            map(inputs.entity, count(), store.entity_articles()), index_keys)
    )
    facts = (
        [index.entity[f.subject], relation_index[f.predicate], index.entity[f.object], articles,
         1 if f.from_gazetteer else 0]
        for f, articles in zip(data.facts, map(inputs.fact, count(), store.fact_articles()))
    )
    articles = (
        [s.id, s.metadata.title or s.source, s.metadata.published or "", s.metadata.source_name or "",
         totals.mentioned[i], totals.stated[i]]
        for i, s in enumerate(data.articles)
    )
    return {
        "classes": [[c.name, c.label, c.colour, c.shape] for c in styles.classes.values()],
        "relations": [[r.name, r.label, r.colour, r.undirected] for r in styles.relations.values()],
        "levels": [[level, styles.levels.get(level, level)] for level in (*LEVELS, "unknown")],
        "fineClasses": [data.class_labels[name] for name in fine],
        "entities": entities,
        "facts": facts,
        "articles": articles,
        "shards": {"entity": [list(run) for run in runs["entity"]], "article": [list(run) for run in runs["article"]]},
        "overview": {**overview, "nodes": [[index.entity[iri], x, y] for iri, x, y in overview["nodes"]]},
        "tree": tree,
    }


class SentenceTable:
    """One shard's sentences, each written once: passage rows name theirs by its place in ``texts``.

    An entity's mentions and the facts of it and its neighbours are mostly
    read in the same sentences; written out in every row they were half of
    the entity shards' bytes. kg-app.js puts the texts back when it loads the shard.
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.number: dict[tuple[int, int, int], int] = {}

    def refer(self, passages: list[list]) -> list[list]:
        for row in passages:
            if isinstance(row[1], str):  # a row shared by two entities is replaced once
                key = (row[0], row[2], row[3])
                if key not in self.number:
                    self.number[key] = len(self.texts)
                    self.texts.append(row[1])
                row[1] = self.number[key]
        return passages


def facts_by_entity(data: ViewData) -> dict[str, list[int]]:
    """Each entity's facts (as subject or object), in the core's order: the order kg-app.js finds them in too."""
    facts_of: dict[str, list[int]] = {}
    for i, f in enumerate(data.facts):
        facts_of.setdefault(f.subject, []).append(i)
        facts_of.setdefault(f.object, []).append(i)
    return facts_of


class EntityRunInputs:
    """The hash of each entity shard's inputs (``kg.views.runs``), fed as the core's rows are made (one scan).

    A shard's bytes come from its entities (key, code, implicit), the articles that mention each (their
    order decides which mentions are shown), and each of their facts: its rules and the articles that state it
    (an article's passages are its content's: its id). The facts go to the runs of both their ends, in the
    core's order, which is also the order of each entity's facts in its shard.
    """

    def __init__(self, data: ViewData, store: PassageStore, refs: ShardRefs, index: ShardIndex,
                 article_ids: list[str], entity_runs: list[tuple[str, int]]) -> None:
        self.data, self.store, self.refs, self.index, self.article_ids = data, store, refs, index, article_ids
        self.views = list(data.entities.values())
        self.run_of = array("q", bytes(8 * len(self.views)))  # entity position -> its run
        for run, ((_, first), end) in enumerate(zip(entity_runs, run_ends(entity_runs, len(self.views)))):
            self.run_of[first:end] = array("q", [run]) * (end - first)
        self.entities = [inputs_hash() for _ in entity_runs]
        self.facts = [inputs_hash() for _ in entity_runs]

    def entity(self, number: int, articles: list[int]) -> list[int]:
        view = self.views[number]
        feed(self.entities[self.run_of[number]], self.refs.key[number], view.code or "", "+" if view.implicit else "",
             str(self.store.mention_count[number]), joined(map(self.article_ids.__getitem__, articles)))
        return articles

    def fact(self, number: int, articles: list[int]) -> list[int]:
        f = self.data.facts[number]
        fields = ("\x1c".join(self.refs.facts[number]) + "\x1f" + " ".join(f.rules) + "\x1f"
                  + str(self.store.statement_count[number]) + "\x1f"
                  + joined(map(self.article_ids.__getitem__, articles)) + "\x1e").encode("utf-8")
        first, second = self.run_of[self.index.entity[f.subject]], self.run_of[self.index.entity[f.object]]
        self.facts[first].update(fields)  # the fields as ``feed`` joins them
        if second != first:
            self.facts[second].update(fields)
        return articles

    def hashes(self) -> list[str]:
        return [blake2b((e.hexdigest() + f.hexdigest()).encode(), digest_size=16).hexdigest()
                for e, f in zip(self.entities, self.facts)]


def entity_payload(data: ViewData, store: PassageStore, views: list, first: int, end: int, article_ids: list[str],
                   facts_of: dict[str, list[int]]) -> dict:
    """The entities first..end-1 in order: their mentions and the evidence of their facts, articles named by id."""
    members = views[first:end]
    mentions: dict[int, list[list]] = {}
    for entity, row in store.mentions(first, end - 1):
        row[0] = article_ids[row[0]]
        mentions.setdefault(entity, []).append(row)
    wanted = [fact for iri, _ in members for fact in facts_of.get(iri, ())]
    passages = store.first_statements(wanted)
    for found in passages.values():
        for row in found:
            row[0] = article_ids[row[0]]
    # A fact's row is made once and shared by its two ends within a shard; kg-app.js knows each entity's
    # facts in this order (the core's), so a row does not name its fact.
    rows = {fact: [passages.get(fact, []), store.statement_count[fact], list(data.facts[fact].rules)]
            for fact in wanted}
    sentences = SentenceTable()
    payload: dict[str, object] = {
        "entities": [
            {
                "code": view.code or "",
                "implicit": view.implicit,
                "mentions": sentences.refer(mentions.get(number, [])),
                "mentionCount": store.mention_count[number],
                "facts": [rows[fact] for fact in facts_of.get(iri, ())],
            }
            for number, (iri, view) in enumerate(members, start=first)
        ]
    }
    for row in rows.values():
        sentences.refer(row[0])
    payload["s"] = sentences.texts
    return payload


def entity_shards(data: ViewData, store: PassageStore, files: ShardFiles, inputs: list[str], article_ids: list[str],
                  entity_runs: list[tuple[str, int]]) -> int:
    """Write the entity shards, one at a time (each unchanged one taken from the last build); returns how many.

    ``inputs``: the hash of each one's inputs (``EntityRunInputs``, fed while the core was written).
    """
    facts_of = facts_by_entity(data)
    views = list(data.entities.items())
    for (name, first), end, inputs_of in zip(entity_runs, run_ends(entity_runs, len(views)), inputs):
        files.write(name, inputs_of, partial(_entity_shard, name, data, store, views, first, end, article_ids, facts_of))
    return len(entity_runs)


def _entity_shard(name: str, *args) -> bytes:
    return shard_bytes(name, entity_payload(*args))


def unit_counts(data: ViewData) -> dict[str, tuple[int, int, int, int]]:
    """Per unit: party organisations, programs, partners, facilities — its own or through its party organisations."""
    entity = data.analysis.entity
    orgs: dict[str, set[str]] = {}
    for f in data.facts:
        if f.predicate == "partyOrgOf" and entity[f.object].top_class == UNIT:
            orgs.setdefault(f.object, set()).add(f.subject)
    unit_of: dict[str, set[str]] = {}
    for unit, found in orgs.items():
        for org in found:
            unit_of.setdefault(org, set()).add(unit)
    reached: dict[str, dict[str, set[str]]] = {}
    for owner, thing in _owned(data.facts, entity):
        units = {owner} if entity[owner].top_class == UNIT else unit_of.get(owner, set())
        for unit in units:
            reached.setdefault(unit, {}).setdefault(entity[thing].top_class, set()).add(thing)
    return {
        unit: (
            len(orgs.get(unit, ())),
            len(reached.get(unit, {}).get("Program", ())),
            len(reached.get(unit, {}).get("Partner", ())),
            len(reached.get(unit, {}).get("Facility", ())),
        )
        for unit in data.entities
        if entity[unit].top_class == UNIT
    }


def _owned(facts: list[FactView], entity: dict) -> list[tuple[str, str]]:
    """(owner, thing) for every program run, facility had and partner worked with."""
    pairs = []
    for f in facts:
        if f.predicate in ("runsProgram", "hasFacility"):
            pairs.append((f.subject, f.object))
        elif f.predicate == "partnersWith":
            pairs += [(a, b) for a, b in ((f.subject, f.object), (f.object, f.subject)) if entity[b].top_class == "Partner"]
    return pairs


def tree_payload(data: ViewData, index: ShardIndex) -> dict:
    tree = data.analysis.admin_tree
    parent = dict(tree.parent_of)
    counts = unit_counts(data)
    rows = [
        [index.entity[unit], index.entity[parent[unit]] if unit in parent else -1, *counts[unit]]
        for unit in sorted(counts, key=lambda u: index.entity[u])
    ]
    return {"units": rows, "columns": ["党组织", "项目活动", "共建单位", "阵地设施"]}


def write_core(data: ViewData, styles: ViewStyles, index: ShardIndex, totals: ArticleTotals, overview: dict,
               write, store: PassageStore, refs: ShardRefs, runs: dict) -> list[str]:
    """``runs``: the (name, first position) of each shard of entities and of articles (``kg.views.runs``).
    Returns the hash of each entity shard's inputs, found on the way."""
    inputs = EntityRunInputs(data, store, refs, index, data.article_ids, runs["entity"])
    write(CORE, core_payload(data, styles, index, totals, overview, tree_payload(data, index), store, refs.key, runs,
                             inputs))
    return inputs.hashes()
