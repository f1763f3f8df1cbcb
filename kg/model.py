"""Plain data passed between the pipeline stages.

Every stage takes and returns these frozen dataclasses; none of them holds
behaviour beyond small derived views. Offsets are Python string indices
(code points). ``text`` offsets index the *normalised* text; offsets in an
``Evidence`` index the *original* decoded text, so provenance points at what
the source file actually says.
"""
from __future__ import annotations

from dataclasses import dataclass, field

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
@dataclass(frozen=True)
class DroppedLine:
    """A line of page furniture removed from the body, kept for the build report."""

    text: str
    reason: str  # e.g. "navigation", "headline list", "place-name spam", "footer", "image file name"
    start: int  # offsets in the normalised text
    end: int


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
@dataclass(frozen=True)
class Sentence:
    """A sentence of the body; offsets in the normalised text."""

    start: int
    end: int
    text: str
    tokens: tuple[str, ...] = ()  # jieba tokens, concatenating to ``text``


# ------------------------------------------------------------------------ extract
@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: article, sentence, and spans in the original text."""

    article_id: str
    sentence: str  # the sentence, as normalised text
    sentence_start: int  # offsets in the article's original text
    sentence_end: int
    start: int  # the mention (or the relation's trigger span) in the original text
    end: int


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


@dataclass(frozen=True)
class EntityRef:
    """A reference to an entity within one article's extraction: class and name."""

    cls: str
    name: str


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
@dataclass(frozen=True)
class Entity:
    """One real-world thing, resolved across the corpus."""

    key: str  # identity key, stable across runs and corpus order; IRIs are minted from it
    cls: str
    label: str  # canonical name: the most complete form
    kind: str | None = None
    alt_labels: tuple[str, ...] = ()
    code: str | None = None  # administrative division code, when known
    attributes: tuple[tuple[str, str], ...] = ()
    role: str | None = None
    evidence: tuple[Evidence, ...] = ()  # every mention; for implied units, the mention that implied them
    implicit: bool = False  # not written in any article, added from the gazetteer


@dataclass(frozen=True)
class Relation:
    subject: str  # entity key
    predicate: str  # one of RELATIONS
    object: str  # entity key
    evidence: tuple[Evidence, ...]
    rules: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedCorpus:
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]


# ------------------------------------------------------------------------- report
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
    # For the views' source reader: the decoded text (Evidence offsets index it) and its body lines as spans of it.
    original: str = ""
    body: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class BuildReport:
    articles: tuple[ArticleSummary, ...] = ()
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
        original=article.original,
        body=tuple(article.normalised.original_span(start, end) for start, end in article.body),
    )
