"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; none of them holds
behaviour beyond small derived views. Offsets are Python string indices
(code points). ``text`` offsets index the *normalised* text; offsets in an
``Evidence`` index the *original* decoded text, so provenance points at what
the source file actually says.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.frozen import dict_init

# The ontology's top classes (fixed by the contract), in display order.
TOP_CLASSES = (
    "AdministrativeUnit",
    "PartyOrganization",
    "Program",
    "Facility",
    "Partner",
    "Person",
)

# Relation properties (fixed by the contract).
RELATIONS = (
    "partOf",
    "partyOrgOf",
    "subOrganizationOf",
    "runsProgram",
    "hasFacility",
    "partnersWith",
    "leads",
)

# Levels of administrative units, top-down.
LEVELS = ("province", "city", "district", "subdistrict", "community", "compound")
_LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}


def level_rank(level: str | None, unknown: int | None = None) -> int | None:
    """A level's place in LEVELS (0 for a province, deeper levels higher); ``unknown`` for a level not among them."""
    return _LEVEL_RANK.get(level, unknown)


# --------------------------------------------------------------------------- read
@dataclass(frozen=True)
class Skipped:
    """An input that could not be used, and why (one line)."""

    source: str
    reason: str


@dataclass(frozen=True)
class RawArticle:
    """One article as read from disk: decoded, but not yet normalised.

    For HTML, ``text`` is the main text a content extractor found; for JSONL,
    the ``text`` field. Metadata fields are what the container itself states
    (HTML meta tags, JSONL fields); the metadata stage adds what the text says.
    """

    source: str  # path as given on the command line, "file.jsonl:3" for a JSONL line
    text: str
    format: str = "txt"  # txt, md, html, jsonl
    encoding: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date
    source_name: str | None = None  # the publishing outlet
    url: str | None = None
    authors: tuple[str, ...] = ()


# ---------------------------------------------------------------------- normalise
@dataclass(frozen=True)
class NormalisedText:
    """Normalised text with a map back to the original.

    ``to_original[i]`` is the offset in the original text where normalised
    character ``i`` comes from; it has ``len(text) + 1`` entries so that an
    end offset maps too.
    """

    text: str
    to_original: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original[start], self.to_original[end]


# -------------------------------------------------------------------- boilerplate
@dict_init
@dataclass(frozen=True)
class DroppedLine:
    """A line of page furniture removed from the body, kept for the build report."""

    text: str
    reason: str  # e.g. "navigation", "headline list", "place-name spam", "footer", "image file name"
    start: int  # offsets in the normalised text
    end: int


@dict_init
@dataclass(frozen=True)
class ArticleMetadata:
    title: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD)
    source_name: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """An article ready for extraction: normalised text, body spans, metadata."""

    id: str  # stable, derived from the content (not the path)
    source: str  # where it was read from (report only: never written to graph.ttl)
    original: str  # the decoded text before normalisation
    normalised: NormalisedText
    body: tuple[tuple[int, int], ...]  # spans of the normalised text that are article body
    dropped: tuple[DroppedLine, ...]
    metadata: ArticleMetadata
    content_hash: str  # sha256 of the original decoded text
    encoding: str | None = None
    format: str = "txt"

    @property
    def text(self) -> str:
        return self.normalised.text


# ------------------------------------------------------------------------ segment
@dict_init
@dataclass(frozen=True)
class Sentence:
    """A sentence of the body; offsets in the normalised text."""

    start: int
    end: int
    text: str
    tokens: tuple[str, ...] = ()  # jieba tokens, concatenating to ``text``


# ------------------------------------------------------------------------ extract
@dict_init
@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, sentence, and spans in the original text."""

    article_id: str
    sentence: str  # the sentence, as normalised text
    sentence_start: int  # offsets in the article's original text
    sentence_end: int
    start: int  # the mention (or the relation's trigger span) in the original text
    end: int


@dict_init
@dataclass(frozen=True)
class Mention:
    """A name of an ontology entity found in one article."""

    cls: str  # one of TOP_CLASSES
    name: str  # normalised name: simplified, no quotes, the fullest form this mention supports
    surface: str  # the text as it stands in the normalised article
    evidence: Evidence
    kind: str | None = None  # level for units (LEVELS); kind for the other classes
    attributes: tuple[tuple[str, str], ...] = ()  # e.g. ("area", "1700㎡")
    role: str | None = None  # for Person: the stated role
    code: str | None = None  # administrative division code, when the gazetteer placed the unit
    implicit: bool = False  # not written: an ancestor the gazetteer filled in (evidence: the child's mention)
    aliases: tuple[str, ...] = ()  # other forms of the name this mention supports (“微改造”工程 → 微改造工程)


@dict_init
@dataclass(frozen=True)
class EntityRef:
    """A reference to an entity within one article's extraction: class and name."""

    cls: str
    name: str


@dict_init
@dataclass(frozen=True)
class LocalRelation:
    """A relation found in one article, between two of its entities."""

    subject: EntityRef
    predicate: str  # one of RELATIONS
    object: EntityRef
    evidence: Evidence
    rule: str  # what found it: "name", "gazetteer", "pattern:<name>", "context"


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything one article contributes, before corpus-wide resolution."""

    article_id: str
    mentions: tuple[Mention, ...]
    relations: tuple[LocalRelation, ...]


# ------------------------------------------------------------------------ resolve
# The resolve stage works in two steps. Per article (``kg.resolve.observe``):
# every mention gets an identity key computed from that article and the
# gazetteer only, so an entity's IRI never depends on the rest of the corpus;
# the article's facts are written as ``ArticleFacts``. Corpus-wide
# (``kg.resolve.corpus``): observations with the same key are merged into one
# ``Entity`` (label, class, alt labels) and one ``Relation`` per triple.


@dict_init
@dataclass(frozen=True)
class MentionSpan:
    """Where one article names one entity: a span of one of its sentences.

    ``begin``/``end`` index the sentence's normalised text (``SentenceSpan.text``),
    so ``text[begin:end] == surface``.
    """

    iri: str
    sentence: int  # index into ArticleFacts.sentences
    begin: int
    end: int
    surface: str


@dict_init
@dataclass(frozen=True)
class SentenceSpan:
    """A sentence that supports something: its normalised text, its span in the original text."""

    start: int  # offsets in the article's original decoded text
    end: int
    text: str
    normalised_start: int = 0  # offset of the sentence in the article's normalised text


@dict_init
@dataclass(frozen=True)
class EntityObservation:
    """What one article says about one entity (merged corpus-wide by ``iri``)."""

    iri: str
    key: str
    cls: str  # one of TOP_CLASSES
    names: tuple[tuple[str, int], ...] = ()  # the names the article writes, with how often
    aliases: tuple[str, ...] = ()
    kind: str | None = None  # level for units, kind for the others (KIND_CLASSES)
    code: str | None = None  # 12-digit division code
    implicit: bool = False  # not written in the article: a gazetteer ancestor of a unit it names
    attributes: tuple[tuple[str, str], ...] = ()
    roles: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()  # the first mentions (samples for the views)
    mentions: int = 0


@dict_init
@dataclass(frozen=True)
class RelationObservation:
    """One relation as one article states it (merged corpus-wide by its triple)."""

    subject: str  # IRIs
    predicate: str  # one of RELATIONS
    object: str
    rules: tuple[str, ...] = ()
    from_gazetteer: bool = False  # the division table states it, not a sentence
    sentences: tuple[int, ...] = ()  # indexes into ArticleFacts.sentences
    evidence: tuple[Evidence, ...] = ()  # samples for the views


@dict_init
@dataclass(frozen=True)
class MembershipObservation:
    """A person's role in a body the article names with it (an org:Membership)."""

    person: str  # IRIs
    body: str
    role: str  # as written (社区党委书记)


@dataclass(frozen=True)
class ArticleFacts:
    """Everything one article contributes to the graph, with identities already settled."""

    article_id: str
    entities: tuple[EntityObservation, ...] = ()
    relations: tuple[RelationObservation, ...] = ()
    memberships: tuple[MembershipObservation, ...] = ()
    sentences: tuple[SentenceSpan, ...] = ()
    mentions: tuple[MentionSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """Where a sample of evidence is, without its text: ``ArticleFacts.sentences[sentence]`` of the article has it.

    The corpus-wide tables keep these on disk (``kg.resolve.CorpusTables.evidence``); the build cache gives
    back the full ``Evidence`` (``kg.cache.BuildCache.evidence``).
    """

    article_id: str
    sentence: int  # index into the article's ArticleFacts.sentences
    start: int  # the mention (or the relation's trigger span) in the original text
    end: int


# The corpus-wide records keep counts and no evidence text (slots, shared strings): a 100,000-article corpus
# has about a million entities and as many relations, all held at once by the stages after resolve.
@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing, resolved across the corpus."""

    iri: str  # minted from the identity key each article computes (kg.resolve.identity; kept in the cache)
    cls: str  # top class
    fine_class: str  # local name of the finest class its kind allows (may equal cls)
    label: str  # canonical name, chosen corpus-wide: the most complete form
    alt_labels: tuple[str, ...] = ()
    code: str | None = None
    implicit: bool = False  # named by no article: added from the gazetteer
    attributes: tuple[tuple[str, str], ...] = ()
    roles: tuple[str, ...] = ()
    article_count: int = 0  # articles that mention it (which ones: their facts, in the build cache)
    mentions: int = 0

    @property
    def level(self) -> str | None:
        return self.fine_class.lower() if self.cls == "AdministrativeUnit" and self.fine_class != self.cls else None


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str  # IRIs
    predicate: str  # one of RELATIONS
    object: str
    rules: tuple[str, ...] = ()
    from_gazetteer: bool = False
    article_count: int = 0  # articles that state it (0: the gazetteer's alone)


@dataclass(frozen=True, slots=True)
class Membership:
    person: str
    body: str
    role: str


@dataclass(frozen=True)
class ResolvedCorpus:
    """The corpus-wide tables: one record per entity, relation and membership, sorted."""

    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    memberships: tuple[Membership, ...] = ()


@dataclass(frozen=True)
class ArticleRecord:
    """One article as the views read it: its text, sentences and the entities it names.

    Offsets index ``text`` (the normalised text). Streamed one at a time from
    the build's per-article results, never held all at once.
    """

    summary: "ArticleSummary"
    text: str
    body: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]  # sentences that support something
    mentions: tuple[tuple[int, int, str], ...]  # (start, end, entity IRI)
    # (subject IRI, predicate, object IRI, sentence start, sentence end): each fact as this article states it
    relations: tuple[tuple[str, str, str, int, int], ...] = ()


@dataclass(frozen=True)
class BuildTables:
    """What the build hands the views: the corpus-wide tables, and the articles streamed one at a time.

    ``articles()`` may be called more than once; each call reads the build's
    per-article results from disk again, in input order.

    ``changed`` and ``removed`` compare the articles with those of the output
    this build replaces, when the build cache knows that output exactly (the
    same kg, options and graph.ttl): ``changed`` the ids of articles it did
    not have (new, or whose content changed: an article's id is its content's),
    ``removed`` the ids it had and this build lacks. ``changed`` is None when
    there is nothing to compare with (a first build, ``--rebuild``, a new kg):
    then every article counts as changed. The corpus-wide tables may change
    whatever the articles do (labels, measures).
    """

    corpus: ResolvedCorpus
    articles: Callable[[], Iterator[ArticleRecord]]
    changed: frozenset[str] | None = None
    removed: frozenset[str] = frozenset()
    # The output folder this build replaces, when ``changed`` is known (the same kg, options and per-article
    # results): the views take from it the files whose inputs did not change.
    replaces: Path | None = None


# ------------------------------------------------------------------------- report
@dict_init
@dataclass(frozen=True)
class ArticleSummary:
    """What the graph and the report keep of an article once its text is done with."""

    id: str
    source: str
    metadata: ArticleMetadata
    content_hash: str
    chars: int
    encoding: str | None = None
    format: str = "txt"
    dropped: tuple[DroppedLine, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    articles: Sequence[ArticleSummary] = ()  # a build gives kg.cache.summaries.StoredSummaries (on disk)
    skipped: tuple[Skipped, ...] = ()
    entity_counts: tuple[tuple[str, int], ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)


def summarise(article: Article) -> ArticleSummary:
    return ArticleSummary(
        id=article.id,
        source=article.source,
        metadata=article.metadata,
        content_hash=article.content_hash,
        chars=len(article.original),
        encoding=article.encoding,
        format=article.format,
        dropped=article.dropped,
    )
