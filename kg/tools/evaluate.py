"""Score a built graph against gold annotations (``kg eval``).

The definitions are those of the reference scorer (``tools/kgscore.py``) and
give the same figures, in the same JSON layout; docs/gold-format.md explains
them to annotators. In short:

- a predicted entity is a node whose ``rdf:type`` reaches one of the six top
  classes through ``rdfs:subClassOf``; its names are its ``rdfs:label`` and
  ``skos:prefLabel`` values, normalised (``normalise_name``);
- it matches the gold entity one of whose names (name or alias) is one of
  its names; each gold entity is matched once per class, a further match is
  an unmerged duplicate, and a match under the wrong class a false positive;
  gold units that share a name (two 西湖街道) are told apart by the graph's
  ``partOf`` parents; implicit gold units count only as hierarchy
  completion, optional ones not at all; an unmatched name that is gold noise
  is a boilerplate leak;
- a relation is a triple with one of the seven relation properties between
  two predicted entities, compared by the gold entities its ends match;
  ``partnersWith`` in either direction.

Predictions are visited in IRI order, so the result does not depend on how
the graph file was serialised. Gold files are checked as strict JSON; every
problem is a ``GoldError`` naming the file and the entry.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import SKOS

from kg.errors import GoldError
from kg.model import RELATIONS, TOP_CLASSES
from kg.rdf.export import load_graph

SYMMETRIC_RELATIONS = frozenset({"partnersWith"})
# The reference scorer caps its example lists at these lengths.
_ENTITY_EXAMPLES, _RELATION_EXAMPLES = 40, 20
# Removed before names are compared: whitespace (NFKC turns the ideographic space
# into a plain one), quotation and book-title marks, placed inconsistently by
# annotators and extractors around the same name.
_IGNORED_MARKS = re.compile(r"[\s“”‘’\"'「」『』《》〈〉【】]")


def normalise_name(name: str) -> str:
    """The form in which names are compared: NFKC, without spaces or quotation marks."""
    return _IGNORED_MARKS.sub("", unicodedata.normalize("NFKC", str(name)))


def local_name(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


# ------------------------------------------------------------------------ gold
def load_gold(gold_dir: Path) -> dict[str, Any]:
    """Read, check and merge every ``*.json`` gold file in ``gold_dir``.

    Returns ``{"entities": {key: entity}, "relations": {(s, r, o)}, "noise": {name}}``.
    A key is the normalised name, or ``name|parent`` for units that share a
    name but not a parent across the files; an entity annotated in several
    files is one, implicit (or optional) only if every file says so.
    """
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"gold folder not found: {gold_dir}")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise GoldError(f"no gold files (*.json) in {gold_dir}; see docs/gold-format.md")
    docs = [read_gold_file(path) for path in paths]
    parents = defaultdict(set)
    for doc in docs:
        for e in doc["entities"]:
            if e["type"] == "AdministrativeUnit" and e.get("parent"):
                parents[normalise_name(e["name"])].add(normalise_name(e["parent"]))
    homonyms = {name for name, found in parents.items() if len(found) > 1}
    entities: dict[str, dict[str, Any]] = {}
    relations: set[tuple[str, str, str]] = set()
    noise: set[str] = set()
    for doc in docs:
        keys_here: dict[str, str] = {}  # how this file's relations name its entities
        for e in doc["entities"]:
            name = normalise_name(e["name"])
            key = f"{name}|{normalise_name(e['parent'])}" if name in homonyms and e.get("parent") else name
            keys_here[name] = key
            known = entities.setdefault(
                key, {"type": e["type"], "name": name, "names": set(), "implicit": True, "optional": True}
            )
            known["names"] |= {name, *(normalise_name(a) for a in e.get("aliases", []))}
            known["implicit"] &= bool(e.get("implicit"))
            known["optional"] &= bool(e.get("optional"))
        for subject, relation, obj in doc.get("relations", []):
            ends = (keys_here.get(normalise_name(end), normalise_name(end)) for end in (subject, obj))
            relations.add(_triple(*ends, relation))
        noise |= {normalise_name(name) for name in doc.get("noise", [])}
    noise -= {e["name"] for e in entities.values()}
    return {"entities": entities, "relations": relations, "noise": noise}


def _triple(subject: str, obj: str, relation: str) -> tuple[str, str, str]:
    if relation in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj))
    return subject, relation, obj


def read_gold_file(path: Path) -> dict[str, Any]:
    """Parse one gold file as strict JSON and check its shape; ``GoldError`` names the file and the fault."""
    try:
        doc = json.loads(path.read_text("utf-8"), parse_constant=_no_constant, object_pairs_hook=_no_repeats)
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    except ValueError as error:  # from the two hooks
        raise GoldError(f"{path}: not valid JSON: {error}") from None
    problem = gold_problem(doc)
    if problem:
        raise GoldError(f"{path}: {problem}")
    return doc


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    repeated = [key for key, n in Counter(key for key, _ in pairs).items() if n > 1]
    if repeated:
        raise ValueError(f"key {repeated[0]!r} appears twice in one object")
    return dict(pairs)


def gold_problem(doc: Any) -> str | None:
    """What is wrong with a parsed gold file (the most basic problem first), or None."""
    if not isinstance(doc, dict):
        return "the file must hold one JSON object"
    if "entities" not in doc:
        return "missing the required key 'entities'"
    for key in ("entities", "relations", "noise"):
        if key in doc and not isinstance(doc[key], list):
            return f"'{key}' must be a list"
    for i, e in enumerate(doc["entities"]):
        if problem := _entity_problem(e):
            return f"entities[{i}]: {problem}"
    for i, r in enumerate(doc.get("relations", [])):
        if not (isinstance(r, list) and len(r) == 3 and all(isinstance(x, str) for x in r)):
            return f"relations[{i}]: must be a list [subject, relation, object] of three strings"
        if r[1] not in RELATIONS:
            return f"relations[{i}]: unknown relation {r[1]!r} (one of {', '.join(RELATIONS)})"
    for i, name in enumerate(doc.get("noise", [])):
        if not isinstance(name, str):
            return f"noise[{i}]: must be a string"
    return None


def _entity_problem(e: Any) -> str | None:
    if not isinstance(e, dict):
        return "must be an object"
    for key in ("type", "name"):
        if key not in e:
            return f"missing the required key '{key}'"
    if e["type"] not in TOP_CLASSES:
        return f"unknown type {e['type']!r} (one of {', '.join(TOP_CLASSES)})"
    if not isinstance(e["name"], str) or not normalise_name(e["name"]):
        return f"'name' must be a non-empty string, not {e['name']!r}"
    aliases = e.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "'aliases' must be a list of strings"
    for flag in ("implicit", "optional"):
        if not isinstance(e.get(flag, False), bool):
            return f"'{flag}' must be true or false"
    if not isinstance(e.get("parent") or "", str):
        return "'parent' must be a string"
    return None


# --------------------------------------------------------------------- scoring
def predicted_entities(graph: Graph) -> dict[Any, dict[str, set[str]]]:
    """Every node typed under a top class (by local name): ``{node: {"types": …, "names": …}}``."""
    tops_of: dict[Any, frozenset[str]] = {}
    entities: dict[Any, dict[str, set[str]]] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if cls not in tops_of:
            reachable = graph.transitive_objects(cls, RDFS.subClassOf)
            tops_of[cls] = frozenset(map(local_name, reachable)) & frozenset(TOP_CLASSES)
        if tops_of[cls]:
            entities.setdefault(node, {"types": set(), "names": set()})["types"] |= tops_of[cls]
    for node, entity in entities.items():
        labels = [*graph.objects(node, RDFS.label), *graph.objects(node, SKOS.prefLabel)]
        entity["names"] = {normalise_name(label) for label in labels}
    return entities


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3)}


def score_graph(graph: Graph, gold: dict[str, Any]) -> dict[str, Any]:
    """The scores of ``graph`` against merged gold (``load_gold``), in the reference scorer's layout."""
    gold_entities, noise = gold["entities"], gold["noise"]
    keys_by_name = defaultdict(list)
    for key, e in gold_entities.items():
        for name in sorted(e["names"]):
            keys_by_name[name].append(key)
    predicted = predicted_entities(graph)
    parent_names = defaultdict(set)
    for child, predicate, parent in graph:
        if local_name(predicate) == "partOf" and child in predicted and parent in predicted:
            parent_names[child] |= predicted[parent]["names"]

    tp, fp, false_pos = Counter(), Counter(), defaultdict(set)
    matched: set[tuple[str, str]] = set()  # (gold key, class)
    gold_of: dict[Any, str] = {}
    implicit_found, leaks, duplicates = set(), set(), 0
    for node in sorted(predicted, key=str):
        types, names = predicted[node]["types"], predicted[node]["names"]
        candidates = [key for name in sorted(names) for key in keys_by_name.get(name, [])]
        if not candidates:
            for cls in types:
                fp[cls] += 1
                false_pos[cls].add(min(names) if names else str(node))
            leaks |= names & noise
            continue
        # A homonym whose parent agrees with the graph's, else one not yet matched, else the first.
        by_parent = [k for k in candidates if "|" in k and k.split("|", 1)[1] in parent_names[node]]
        unmatched = [k for k in candidates if not any((k, cls) in matched for cls in types)]
        key = gold_of[node] = (by_parent or unmatched or candidates)[0]
        e = gold_entities[key]
        for cls in types:
            if e["optional"]:
                continue
            if e["implicit"]:
                if e["type"] == cls:
                    implicit_found.add(key)
            elif e["type"] != cls:
                fp[cls] += 1
                false_pos[cls].add(f"{key} (gold: {e['type']})")
            elif (key, cls) in matched:
                fp[cls] += 1
                duplicates += 1
                false_pos[cls].add(f"{key} (duplicate)")
            else:
                matched.add((key, cls))
                tp[cls] += 1

    scored = {k for k, e in gold_entities.items() if not e["implicit"] and not e["optional"]}
    per_type = {}
    for cls in TOP_CLASSES:
        missed = sorted(k for k in scored if gold_entities[k]["type"] == cls and (k, cls) not in matched)
        per_type[cls] = {
            **prf(tp[cls], fp[cls], len(missed)), "tp": tp[cls], "fp": fp[cls], "fn": len(missed),
            "missed": missed[:_ENTITY_EXAMPLES], "false_pos": sorted(false_pos[cls])[:_ENTITY_EXAMPLES],
        }
    totals = [sum(per_type[cls][n] for cls in TOP_CLASSES) for n in ("tp", "fp", "fn")]
    implicit = {k for k, e in gold_entities.items() if e["implicit"] and not e["optional"]}
    found_any = {gold_of[node] for node in gold_of} & scored
    return {
        "entities": {**prf(*totals), **dict(zip(("tp", "fp", "fn"), totals))},
        "entities_untyped_recall": round(len(found_any) / len(scored), 3) if scored else 0.0,
        "per_type": per_type,
        "duplicates": duplicates,
        "boilerplate_leaks": sorted(leaks),
        "hierarchy_completion": round(len(implicit_found) / len(implicit), 3) if implicit else None,
        **score_relations(graph, predicted, gold_of, gold),
    }


def score_relations(graph: Graph, predicted: dict, gold_of: dict, gold: dict[str, Any]) -> dict[str, Any]:
    optional = {k for k, e in gold["entities"].items() if e["optional"]}
    found, unmatched_ends = set(), 0  # unmatched: a relation touching an entity not in the gold
    for subject, predicate, obj in graph:
        relation = local_name(predicate)
        if relation not in RELATIONS or subject not in predicted or obj not in predicted:
            continue
        s, o = gold_of.get(subject), gold_of.get(obj)
        if s in optional or o in optional:
            continue
        if s is None or o is None:
            unmatched_ends += 1
            continue
        found.add(_triple(s, o, relation))
    expected = {t for t in gold["relations"] if t[0] not in optional and t[2] not in optional}
    per_relation = {}
    for relation in RELATIONS:
        wanted = {t for t in expected if t[1] == relation}
        got = {t for t in found if t[1] == relation}
        per_relation[relation] = {
            **prf(len(got & wanted), len(got - wanted), len(wanted - got)),
            "gold": len(wanted),
            "missed": sorted("|".join(t) for t in wanted - got)[:_RELATION_EXAMPLES],
        }
    counts = len(found & expected), len(found - expected) + unmatched_ends, len(expected - found)
    return {"relations": {**prf(*counts), **dict(zip(("tp", "fp", "fn"), counts))}, "per_relation": per_relation}


def score_dir(out_dir: Path, gold_dir: Path) -> dict[str, Any]:
    """Score the graph built in ``out_dir`` against the gold files in ``gold_dir``."""
    gold = load_gold(gold_dir)
    return score_graph(load_graph(out_dir), gold)


# ---------------------------------------------------------------------- report
def format_scores(scores: dict[str, Any], as_json: bool = False, verbose: bool = False) -> str:
    """The scores as a readable report (``verbose``: with misses and false positives), or as JSON."""
    if as_json:
        return json.dumps(scores, ensure_ascii=False, indent=1)
    lines = [_row("entities", "P", "R", "F1", "tp", "fp", "fn")]
    for cls, score in scores["per_type"].items():
        lines.append(_counts_row(cls, score))
        if verbose:
            lines += _examples("missed", score["missed"]) + _examples("false+", score["false_pos"])
    lines += [_counts_row("all entities", scores["entities"]), "", _row("relations", "P", "R", "F1", "gold")]
    for relation, score in scores["per_relation"].items():
        lines.append(_row(relation, *(f"{score[k]:.3f}" for k in ("p", "r", "f1")), str(score["gold"])))
        if verbose:
            lines += _examples("missed", score["missed"])
    leaks = scores["boilerplate_leaks"]
    hierarchy = scores["hierarchy_completion"]
    lines += [
        _counts_row("all relations", scores["relations"]),
        "",
        f"untyped recall        {scores['entities_untyped_recall']:.3f}",
        f"hierarchy completion  {'n/a (nothing to find)' if hierarchy is None else f'{hierarchy:.3f}'}",
        f"duplicates            {scores['duplicates']}",
        f"boilerplate leaks     {len(leaks)}" + (f": {'、'.join(leaks)}" if leaks else ""),
    ]
    return "\n".join(lines)


def _row(name: str, *cells: str) -> str:
    return f"{name:<20}" + "".join(f"{cell:>7}" for cell in cells)


def _counts_row(name: str, counts: dict[str, Any]) -> str:
    return _row(name, *(f"{counts[k]:.3f}" for k in ("p", "r", "f1")), *(str(counts[k]) for k in ("tp", "fp", "fn")))


def _examples(label: str, names: list[str]) -> list[str]:
    return [f"    {label}: {'、'.join(names)}"] if names else []
