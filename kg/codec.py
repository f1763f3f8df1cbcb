"""Per-article results as compact JSON, and back: what the build cache stores.

JSON rather than pickle: a cache is a file on disk that anyone could
replace, and loading a pickle runs whatever code it names; loading JSON
only ever gives data. Each dataclass is written as a list of its fields in
declaration order (no field names: smaller and faster), and read back by
the ``decode_*`` functions, which know the shapes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields

from kg.model import (
    ArticleFacts,
    ArticleMetadata,
    ArticleSummary,
    DroppedLine,
    EntityObservation,
    Evidence,
    MembershipObservation,
    MentionSpan,
    RelationObservation,
    SentenceSpan,
)

_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value):
    kind = type(value)
    names = _FIELDS.get(kind)
    if names is None and hasattr(value, "__dataclass_fields__"):
        names = _FIELDS[kind] = tuple(f.name for f in fields(value))
    if names is not None:
        return [_plain(getattr(value, name)) for name in names]
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    return value


def dumps(value) -> str:
    """Any of the per-article dataclasses (nested in tuples) as compact JSON."""
    return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))


def _pairs(data) -> tuple:
    return tuple(tuple(pair) for pair in data)


def decode_evidence(data) -> Evidence:
    return Evidence(*data)


def decode_facts(text: str) -> ArticleFacts:
    article_id, entities, relations, memberships, sentences, mentions = json.loads(text)
    return ArticleFacts(
        article_id=article_id,
        entities=tuple(
            EntityObservation(iri, key, cls, _pairs(names), tuple(aliases), kind, code, implicit, _pairs(attributes),
                              tuple(roles), tuple(map(decode_evidence, evidence)), count)
            for iri, key, cls, names, aliases, kind, code, implicit, attributes, roles, evidence, count in entities
        ),
        relations=tuple(
            RelationObservation(s, p, o, tuple(rules), gazetteer, tuple(at), tuple(map(decode_evidence, evidence)))
            for s, p, o, rules, gazetteer, at, evidence in relations
        ),
        memberships=tuple(MembershipObservation(*m) for m in memberships),
        sentences=tuple(SentenceSpan(*s) for s in sentences),
        mentions=tuple(MentionSpan(*m) for m in mentions),
    )


def decode_summary(text: str, source: str) -> ArticleSummary:
    """An article's summary; ``source`` is where it was read from this time (the cache is path-free)."""
    article_id, _, metadata, content_hash, chars, encoding, fmt, dropped = json.loads(text)
    title, published, source_name, url, authors = metadata
    return ArticleSummary(
        id=article_id,
        source=source,
        metadata=ArticleMetadata(title, published, source_name, url, tuple(authors)),
        content_hash=content_hash,
        chars=chars,
        encoding=encoding,
        format=fmt,
        dropped=tuple(DroppedLine(*d) for d in dropped),
    )


@dataclass(frozen=True)
class ArticleText:
    """What the views need of an article beyond its facts: the normalised text and its body spans."""

    text: str
    body: tuple[tuple[int, int], ...]


def decode_text(text: str) -> ArticleText:
    body_text, body = json.loads(text)
    return ArticleText(body_text, _pairs(body))
