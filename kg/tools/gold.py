"""Gold annotations: read, check and merge a folder of gold files.

The format is described for annotators in docs/gold-format.md. Files are
strict JSON; every problem is reported as a ``GoldError`` that names the file
and the faulty entry. Names are compared in the normalised form of
``normalise_name``, the same one the reference scorer uses.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, NamedTuple

from kg.errors import GoldError
from kg.model import RELATIONS, TOP_CLASSES

# Relations scored without regard to direction.
SYMMETRIC_RELATIONS = frozenset({"partnersWith"})

# Removed from every name before comparing: whitespace (NFKC turns the
# ideographic space into a plain one), quotation marks and book-title marks,
# which annotators and extractors place inconsistently around the same name.
_IGNORED_MARKS = re.compile(r"[\s“”‘’\"'「」『』《》〈〉【】]")


def normalise_name(name: str) -> str:
    """The form in which names are compared: NFKC, without spaces or quotation marks."""
    return _IGNORED_MARKS.sub("", unicodedata.normalize("NFKC", str(name)))


@dataclass(frozen=True)
class GoldKey:
    """Identifies a gold entity: its name, and its parent when units share a name."""

    name: str
    parent: str | None = None  # set only for homonyms (two 西湖街道 in two cities)

    def __str__(self) -> str:
        return f"{self.name}|{self.parent}" if self.parent else self.name


@dataclass(frozen=True)
class GoldEntity:
    key: GoldKey
    type: str
    names: frozenset[str]  # the name and its aliases, normalised
    implicit: bool  # implicit in every file that annotates it
    optional: bool  # optional in every file that annotates it

    @property
    def scored(self) -> bool:
        return not self.implicit and not self.optional


class Triple(NamedTuple):
    subject: GoldKey
    relation: str
    object: GoldKey

    def __str__(self) -> str:
        return f"{self.subject}|{self.relation}|{self.object}"


@dataclass(frozen=True)
class Gold:
    """The union of a folder of gold files."""

    entities: Mapping[GoldKey, GoldEntity]  # in the order first annotated
    relations: frozenset[Triple]
    noise: frozenset[str]  # boilerplate names that are not also gold entities


def load_gold(gold_dir: Path) -> Gold:
    """Read and check every ``*.json`` file in ``gold_dir`` and merge them."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"gold folder not found: {gold_dir}")
    paths = sorted(gold_dir.glob("*.json"))
    if not paths:
        raise GoldError(f"no gold files (*.json) in {gold_dir}; see docs/gold-format.md")
    return merge_gold([read_gold_file(path) for path in paths])


def read_gold_file(path: Path) -> dict[str, Any]:
    """Parse one gold file as strict JSON and check its shape; GoldError names the file and the fault."""
    try:
        doc = json.loads(
            path.read_text(encoding="utf-8"),
            parse_constant=_reject_constant,
            object_pairs_hook=_reject_repeated_keys,
        )
    except UnicodeDecodeError:
        raise GoldError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except ValueError as exc:  # from the two hooks
        raise GoldError(f"{path}: not valid JSON: {exc}") from None
    problem = next(gold_problems(doc), None)
    if problem:
        raise GoldError(f"{path}: {problem}")
    return doc


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _reject_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = Counter(key for key, _ in pairs)
    repeated = [key for key, n in keys.items() if n > 1]
    if repeated:
        raise ValueError(f"key {repeated[0]!r} appears twice in one object")
    return dict(pairs)


def gold_problems(doc: Any) -> Iterator[str]:
    """Yield what is wrong with a parsed gold file, most basic first."""
    if not isinstance(doc, dict):
        yield "the file must hold one JSON object"
        return
    if "entities" not in doc:
        yield "missing the required key 'entities'"
        return
    for key in ("entities", "relations", "noise"):
        if key in doc and not isinstance(doc[key], list):
            yield f"'{key}' must be a list"
            return
    for i, entity in enumerate(doc["entities"]):
        for problem in _entity_problems(entity):
            yield f"entities[{i}]: {problem}"
    for i, relation in enumerate(doc.get("relations", [])):
        for problem in _relation_problems(relation):
            yield f"relations[{i}]: {problem}"
    for i, name in enumerate(doc.get("noise", [])):
        if not isinstance(name, str):
            yield f"noise[{i}]: must be a string"


def _entity_problems(entity: Any) -> Iterator[str]:
    if not isinstance(entity, dict):
        yield "must be an object"
        return
    for key in ("type", "name"):
        if key not in entity:
            yield f"missing the required key '{key}'"
            return
    if entity["type"] not in TOP_CLASSES:
        yield f"unknown type {entity['type']!r} (one of {', '.join(TOP_CLASSES)})"
    if not isinstance(entity["name"], str) or not normalise_name(entity["name"]):
        yield f"'name' must be a non-empty string, not {entity['name']!r}"
    aliases = entity.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        yield "'aliases' must be a list of strings"
    for flag in ("implicit", "optional"):
        if not isinstance(entity.get(flag, False), bool):
            yield f"'{flag}' must be true or false"
    if not isinstance(entity.get("parent") or "", str):
        yield "'parent' must be a string"


def _relation_problems(relation: Any) -> Iterator[str]:
    if not (isinstance(relation, list) and len(relation) == 3 and all(isinstance(x, str) for x in relation)):
        yield "must be a list [subject, relation, object] of three strings"
    elif relation[1] not in RELATIONS:
        yield f"unknown relation {relation[1]!r} (one of {', '.join(RELATIONS)})"


def merge_gold(docs: Iterable[dict[str, Any]]) -> Gold:
    """Merge checked gold files into one set of entities, relations and noise.

    An entity annotated in several files is one gold entity: the first file
    gives its type, the files' aliases add up, and it is implicit (or
    optional) only if every file says so. Units with one name but different
    parents across the files stay distinct.
    """
    docs = list(docs)
    homonyms = _homonymous_units(docs)
    entities: dict[GoldKey, GoldEntity] = {}
    relations: set[Triple] = set()
    noise: set[str] = set()
    for doc in docs:
        keys_here: dict[str, GoldKey] = {}  # how this file's relations name its entities
        for item in doc["entities"]:
            entity = _gold_entity(item, homonyms)
            keys_here[entity.key.name] = entity.key
            entities[entity.key] = _merged(entities.get(entity.key), entity)
        for subject, relation, obj in doc.get("relations", []):
            relations.add(symmetric_triple(_key_in(keys_here, subject), relation, _key_in(keys_here, obj)))
        noise |= {normalise_name(name) for name in doc.get("noise", [])}
    noise -= {key.name for key in entities}
    return Gold(entities=entities, relations=frozenset(relations), noise=frozenset(noise))


def _homonymous_units(docs: list[dict[str, Any]]) -> set[str]:
    parents: defaultdict[str, set[str]] = defaultdict(set)
    for doc in docs:
        for item in doc["entities"]:
            if item["type"] == "AdministrativeUnit" and item.get("parent"):
                parents[normalise_name(item["name"])].add(normalise_name(item["parent"]))
    return {name for name, found in parents.items() if len(found) > 1}


def _gold_entity(item: dict[str, Any], homonyms: set[str]) -> GoldEntity:
    name = normalise_name(item["name"])
    parent = normalise_name(item["parent"]) if name in homonyms and item.get("parent") else None
    return GoldEntity(
        key=GoldKey(name, parent),
        type=item["type"],
        names=frozenset({name, *(normalise_name(a) for a in item.get("aliases", []))}),
        implicit=bool(item.get("implicit")),
        optional=bool(item.get("optional")),
    )


def _merged(known: GoldEntity | None, again: GoldEntity) -> GoldEntity:
    if known is None:
        return again
    return replace(
        known,
        names=known.names | again.names,
        implicit=known.implicit and again.implicit,
        optional=known.optional and again.optional,
    )


def _key_in(keys_here: dict[str, GoldKey], name: str) -> GoldKey:
    normalised = normalise_name(name)
    return keys_here.get(normalised, GoldKey(normalised))


def symmetric_triple(subject: GoldKey, relation: str, obj: GoldKey) -> Triple:
    """A triple, with the ends of a symmetric relation in a fixed order so either direction matches."""
    if relation in SYMMETRIC_RELATIONS:
        subject, obj = sorted((subject, obj), key=str)
    return Triple(subject, relation, obj)
