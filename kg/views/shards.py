"""The application's data: one core shard loaded with the page, the rest loaded on demand.

Chromium will not ``fetch()`` a file from a page opened from disk, but it runs
a ``<script src>`` beside it; so every shard is a small script that hands its
JSON to ``KG.register(name, data)`` (kg-app.js). Shards are JSON literals, never
code built from text, and are loaded only under names the page checks.

- ``core``: styles, every entity (label, class, level or kind, aliases,
  measures, articles), every fact (its two ends, relation, articles), every
  article's metadata, the overview's nodes with positions and the tree;
- ``e-N``: details of ENTITIES_PER_SHARD entities (mentions, evidence of each
  of their facts), in the order of the core's entity list;
- ``a-N``: ARTICLES_PER_SHARD articles' text, body lines, furniture, mention
  spans and the facts stated in each, in input order.

Entities, facts and articles are referred to by their position in the core lists.
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.analyse.network import Analysis
from kg.model import LEVELS, TOP_CLASSES
from kg.views.data import FactView, Passage, ViewData
from kg.views.styles import ViewStyles

DATA_DIR = "data"  # under views/
ENTITIES_PER_SHARD = 200
ARTICLES_PER_SHARD = 25
MAX_MENTIONS = 40  # per entity in its shard; every one is in graph.ttl
MAX_FACT_PASSAGES = 3  # per fact in a shard; every one is in edges.csv
MAX_SENTENCE_CHARS = 300
UNIT = "AdministrativeUnit"


def shard_script(name: str, data: object) -> str:
    # JSON is a JavaScript literal; U+2028/U+2029 are escaped for engines that predate ES2019.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"KG.register({json.dumps(name)},{text});\n"


def write_shard(data_dir: Path, name: str, data: object) -> None:
    (data_dir / f"{name}.js").write_text(shard_script(name, data), "utf-8")


class ShardIndex:
    """Positions of entities, facts and articles in the core lists."""

    def __init__(self, data: ViewData) -> None:
        self.entity = {iri: i for i, iri in enumerate(data.entities)}
        self.article = {summary.id: i for i, summary in enumerate(data.articles)}
        self.fact = {(f.subject, f.predicate, f.object): i for i, f in enumerate(data.facts)}


def _short(sentence: str) -> str:
    return sentence if len(sentence) <= MAX_SENTENCE_CHARS else sentence[: MAX_SENTENCE_CHARS - 1] + "…"


def _articles_of(passages: tuple[Passage, ...], index: ShardIndex) -> list[int]:
    return sorted({index.article[p.article] for p in passages if p.article in index.article})


def core_payload(data: ViewData, styles: ViewStyles, index: ShardIndex, overview: dict, tree: dict) -> dict:
    a: Analysis = data.analysis
    fine = sorted(data.class_labels)
    fine_index = {name: i for i, name in enumerate(fine)}
    class_index = {name: i for i, name in enumerate(TOP_CLASSES)}
    relation_index = {name: i for i, name in enumerate(styles.relations)}
    entities = []
    for iri, view in data.entities.items():
        record, m = view.record, a.metric[iri]
        entities.append([
            record.label,
            class_index[record.top_class],
            fine_index.get(record.fine_class, -1),
            record.level or view.kind or "",
            list(view.aliases),
            m.degree,
            round(float(m.page_rank), 5),
            m.community,
            _articles_of(view.passages, index),
        ])
    facts = [
        [index.entity[f.subject], relation_index[f.predicate], index.entity[f.object], _articles_of(f.passages, index),
         1 if f.from_gazetteer else 0]
        for f in data.facts
    ]
    mentioned = [0] * len(data.articles)
    for row in entities:
        for article in row[8]:
            mentioned[article] += 1
    stated = [0] * len(data.articles)
    for row in facts:
        for article in row[3]:
            stated[article] += 1
    articles = [
        [s.id, s.metadata.title or s.source, s.metadata.published or "", s.metadata.source_name or "", mentioned[i], stated[i]]
        for i, s in enumerate(data.articles)
    ]
    return {
        "classes": [[c.name, c.label, c.colour, c.shape] for c in styles.classes.values()],
        "relations": [[r.name, r.label, r.colour, r.undirected] for r in styles.relations.values()],
        "levels": [[level, styles.levels.get(level, level)] for level in (*LEVELS, "unknown")],
        "fineClasses": [data.class_labels[name] for name in fine],
        "entities": entities,
        "facts": facts,
        "articles": articles,
        "shards": {"entity": ENTITIES_PER_SHARD, "article": ARTICLES_PER_SHARD},
        "overview": {**overview, "nodes": [[index.entity[iri], x, y] for iri, x, y in overview["nodes"]]},
        "tree": tree,
    }


def _passage_row(p: Passage, index: ShardIndex) -> list:
    sentence = p.sentence if len(p.sentence) <= MAX_SENTENCE_CHARS else _short(p.sentence)
    return [index.article.get(p.article, -1), sentence, p.sentence_start, p.sentence_end, p.start, p.end]


def entity_shards(data: ViewData, index: ShardIndex) -> dict[str, dict]:
    facts_of: dict[str, list[list]] = {}
    for i, f in enumerate(data.facts):
        # Made once and shared by the shards of both ends.
        row = [i, [_passage_row(p, index) for p in f.passages[:MAX_FACT_PASSAGES]], len(f.passages), f.rules]
        facts_of.setdefault(f.subject, []).append(row)
        facts_of.setdefault(f.object, []).append(row)
    shards: dict[str, dict] = {}
    for number, (iri, view) in enumerate(data.entities.items()):
        evidence = facts_of.get(iri, [])
        shards.setdefault(f"e-{number // ENTITIES_PER_SHARD}", {})[str(number)] = {
            "code": view.code or "",
            "implicit": view.implicit,
            "mentions": [_passage_row(p, index) for p in view.passages[:MAX_MENTIONS]],
            "mentionCount": len(view.passages),
            "facts": evidence,
        }
    return shards


def _mention_spans(data: ViewData, index: ShardIndex) -> dict[str, list[list[int]]]:
    """Per article: [start, end, entity] spans, longest first where they overlap, explicit before implicit."""
    spans: dict[str, dict[tuple[int, int], list[int]]] = {}
    for iri, view in data.entities.items():
        for p in view.passages:
            spans.setdefault(p.article, {}).setdefault((p.start, p.end), []).append(index.entity[iri])
    out: dict[str, list[list[int]]] = {}
    entities = list(data.entities.values())
    for article, found in spans.items():
        chosen: list[list[int]] = []
        taken_until = -1
        for (start, end), ids in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
            if start < taken_until or end <= start:
                continue  # inside a longer mention already highlighted
            best = sorted(ids, key=lambda i: (entities[i].implicit, i))
            chosen.append([start, end, *best])
            taken_until = end
        out[article] = chosen
    return out


def article_shards(data: ViewData, index: ShardIndex) -> dict[str, dict]:
    mentions = _mention_spans(data, index)
    stated: dict[str, list[list[int]]] = {}
    for i, f in enumerate(data.facts):
        for p in f.passages:
            stated.setdefault(p.article, []).append([i, p.sentence_start, p.sentence_end, p.start, p.end])
    shards: dict[str, dict] = {}
    for number, s in enumerate(data.articles):
        meta = s.metadata
        shards.setdefault(f"a-{number // ARTICLES_PER_SHARD}", {})[str(number)] = {
            "text": s.original,
            "body": s.body,
            "dropped": [[line.text, line.reason] for line in s.dropped],
            "url": meta.url or "",
            "authors": list(meta.authors),
            "source": s.source,
            "mentions": mentions.get(s.id, []),
            "facts": sorted(stated.get(s.id, [])),
        }
    return shards


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


def write_shards(data: ViewData, styles: ViewStyles, views_dir: Path, overview: dict) -> int:
    """Write every shard under views/data/; returns how many files."""
    data_dir = views_dir / DATA_DIR
    data_dir.mkdir(parents=True, exist_ok=True)
    index = ShardIndex(data)
    shards = {"core": core_payload(data, styles, index, overview, tree_payload(data, index))}
    shards.update(entity_shards(data, index))
    shards.update(article_shards(data, index))
    for name, payload in shards.items():
        write_shard(data_dir, name, payload)
    return len(shards)
