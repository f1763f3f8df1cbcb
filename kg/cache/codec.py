"""Per-article results as compact JSON, and back: what the build cache stores.

JSON rather than pickle: a cache is a file on disk that anyone could
replace, and loading a pickle runs whatever code it names; loading JSON
only ever gives data. Each record is a list of its fields in declaration
order (no field names: smaller and faster), and a piece of evidence is
written as the index of its sentence in the article's list plus its two
offsets, so no sentence text is stored twice. An article's facts are two
documents: what the corpus-wide stage needs (``encode_facts``) and what only
the views read (``encode_view``): the mention spans, and the sentences'
offsets and relations again, so that reading the articles back for the views
does not parse the observations and sentence texts that make most of the
facts (at 1,000 articles: 0.04 s of CPU instead of 0.10, for a cache file
1.8 MB, 6 %, larger).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from sys import intern

from kg.model import (
    ArticleFacts,
    ArticleMetadata,
    ArticleRecord,
    ArticleSummary,
    DroppedLine,
    Entity,
    EntityObservation,
    Evidence,
    MembershipObservation,
    MentionSpan,
    Relation,
    RelationObservation,
    SentenceSpan,
)

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _one_encoder():
    """``_ENCODER.encode``, without its per-call set-up: ``JSONEncoder.encode`` makes a C encoder for every
    document (and a closure for floats), which is most of the cost of a short one. The cache writes some
    150,000 of those at 5,000 articles (the observations a resolve keeps): 0.66 µs each instead of 1.24
    (measured here). The same C encoder with the same settings, so the same text; without the C module,
    the encoder's own ``encode``."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return _ENCODER.encode
    encoder = make(None, _ENCODER.default, json.encoder.encode_basestring, None, _ENCODER.key_separator,
                   _ENCODER.item_separator, False, False, True)
    join = "".join
    return lambda value: join(encoder(value, 0))


_dumps = _one_encoder()


@dataclass(frozen=True)
class ArticleText:
    """What the views need of an article beyond its facts: the normalised text and its body spans."""

    text: str
    body: tuple[tuple[int, int], ...]


def encode_facts(facts: ArticleFacts) -> str:
    return encode_fact_lists(fact_lists(facts))


def encode_fact_lists(lists: list) -> str:
    """``encode_facts`` of the facts these ``fact_lists`` are of."""
    return _dumps(lists)


def fact_lists(facts: ArticleFacts) -> list:
    """The lists ``encode_facts`` writes: what ``json.loads`` gives back of it (with tuples for some lists),
    for a reader of the facts just made (``CorpusTables.add_lists``) that need not parse them again."""
    where = {(s.start, s.end): i for i, s in enumerate(facts.sentences)}

    def evidence(items: tuple[Evidence, ...]) -> list:
        return [[where[(e.sentence_start, e.sentence_end)], e.start, e.end] for e in items]

    return [
        facts.article_id,
        [[o.iri, o.key, o.cls, o.names, o.aliases, o.kind, o.code, o.implicit, o.attributes, o.roles,
          evidence(o.evidence), o.mentions] for o in facts.entities],
        [[r.subject, r.predicate, r.object, r.rules, r.from_gazetteer, r.sentences, evidence(r.evidence)]
         for r in facts.relations],
        [[m.person, m.body, m.role] for m in facts.memberships],
        [[s.start, s.end, s.text, s.normalised_start] for s in facts.sentences],
    ]


def encode_view(facts: ArticleFacts) -> str:
    """What the views read of an article's facts: [mentions, sentences as (normalised start, length),
    relations as (subject, predicate, object, the sentences that state it)]."""
    return _dumps([
        [[m.iri, m.sentence, m.begin, m.end, m.surface] for m in facts.mentions],
        [[s.normalised_start, len(s.text)] for s in facts.sentences],
        [[r.subject, r.predicate, r.object, r.sentences] for r in facts.relations],
    ])


def decode_facts(text: str, view: str | None = None) -> ArticleFacts:
    """An article's facts; its mention spans too when its ``view`` (from ``encode_view``) is given."""
    article_id, entities, relations, memberships, sentences = json.loads(text)
    spans = tuple(SentenceSpan(*s) for s in sentences)

    def evidence(items: list) -> tuple[Evidence, ...]:
        return tuple(Evidence(article_id, spans[i].text, spans[i].start, spans[i].end, start, end)
                     for i, start, end in items)

    return ArticleFacts(
        article_id=article_id,
        entities=tuple(
            EntityObservation(iri, key, cls, tuple(map(tuple, names)), tuple(aliases), kind, code, implicit,
                              tuple(map(tuple, attributes)), tuple(roles), evidence(samples), count)
            for iri, key, cls, names, aliases, kind, code, implicit, attributes, roles, samples, count in entities
        ),
        relations=tuple(
            RelationObservation(s, p, o, tuple(rules), gazetteer, tuple(at), evidence(samples))
            for s, p, o, rules, gazetteer, at, samples in relations
        ),
        memberships=tuple(MembershipObservation(*m) for m in memberships),
        sentences=spans,
        mentions=tuple(MentionSpan(*m) for m in json.loads(view)[0]) if view else (),
    )


def decode_record(summary: str, source: str, view: str, text: str) -> ArticleRecord:
    """What the views read of an article, from its stored summary, view of its facts (``encode_view``) and text."""
    mentions, sentences, relations = json.loads(view)
    starts = [start for start, _ in sentences]
    spans = tuple((start, start + length) for start, length in sentences)
    body_text, body = json.loads(text)
    return ArticleRecord(
        decode_summary(summary, source),
        body_text,
        tuple(map(tuple, body)),
        spans,
        tuple((starts[at] + begin, starts[at] + end, iri) for iri, at, begin, end, _ in mentions),
        tuple((s, p, o, *spans[at]) for s, p, o, sentences_at in relations for at in sentences_at),
    )


def encode_summary(summary: ArticleSummary) -> str:
    """An article's summary without where it was read from (the cache is path-free)."""
    m = summary.metadata
    return _dumps([
        summary.id, [m.title, m.published, m.source_name, m.url, m.authors], summary.content_hash, summary.chars,
        summary.encoding, summary.format, [[d.text, d.reason, d.start, d.end] for d in summary.dropped],
    ])


def decode_summary(text: str, source: str) -> ArticleSummary:
    """An article's summary; ``source`` is where it was read from this time."""
    article_id, metadata, content_hash, chars, encoding, fmt, dropped = json.loads(text)
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


def encode_text(text: ArticleText) -> str:
    return _dumps([text.text, text.body])


def decode_text(text: str) -> ArticleText:
    body_text, body = json.loads(text)
    return ArticleText(body_text, tuple(map(tuple, body)))


# ------------------------------------------------------------- the resolved corpus, kept for the next build
def encode_entities(entities) -> str:
    """Resolved entities (``kg.model.Entity``) as one JSON list of their fields in declaration order."""
    return _dumps([[e.iri, e.cls, e.fine_class, e.label, e.alt_labels, e.code, e.implicit, e.attributes, e.roles,
                    e.article_count, e.mentions] for e in entities])


def encode_relations(relations) -> str:
    return _dumps([[r.subject, r.predicate, r.object, r.rules, r.from_gazetteer, r.article_count] for r in relations])


def decode_entities(text: str) -> list[Entity]:
    """``encode_entities`` read back, every IRI and class one interned string (as resolve makes them)."""
    return [Entity(intern(iri), intern(cls), intern(fine), label, tuple(alt), code, implicit,
                   tuple(map(tuple, attributes)), tuple(roles), articles, mentions)
            for iri, cls, fine, label, alt, code, implicit, attributes, roles, articles, mentions in json.loads(text)]


def decode_relations(text: str, share) -> list[Relation]:
    """``encode_relations`` read back; ``share`` gives the one copy kept of each list of rules."""
    return [Relation(intern(s), intern(p), intern(o), share(tuple(rules)), gazetteer, articles)
            for s, p, o, rules, gazetteer, articles in json.loads(text)]


encode_observation = _dumps  # an observation as the merge reads it (``kg.resolve.corpus``): a list of plain values
