"""Metadata stage: title, publication date, outlet, URL and authors of one article.

What the container states (HTML meta tags, JSONL fields: ``RawArticle``)
comes first; otherwise the text is read, but only where pages state their
own metadata: credit and footer lines (which the boilerplate stage took out
of the body), the header above the body, and a news dateline
(``长江日报讯(记者…)``). Dates in related-headline lists belong to other
articles and are never taken, except the line that repeats this article's
own title. Anything not stated stays absent. Patterns are data
(``kg/prepare/metadata.toml``).
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from importlib import resources

from kg.prepare.boilerplate import HEADLINE, Line, classify_page
from kg.model import ArticleMetadata, RawArticle

Span = tuple[int, int]


def _load_patterns() -> dict:
    return tomllib.loads(resources.files("kg.prepare").joinpath("metadata.toml").read_text("utf-8"))


_PATTERNS = _load_patterns()
_DATE = re.compile(_PATTERNS["date"]["date"])
_LABELLED_DATE = re.compile(_PATTERNS["date"]["labelled"] + _PATTERNS["date"]["date"])
_HEADER_LINES = _PATTERNS["date"]["header_lines"]
_HEADER_LENGTH = _PATTERNS["date"]["header_line_length"]
_SOURCE = tuple(re.compile(p) for p in _PATTERNS["source"]["patterns"])
_HEADER_SOURCE = tuple(re.compile(p) for p in _PATTERNS["source"]["header_patterns"])
_MASTHEAD = re.compile(_PATTERNS["source"]["masthead"])
_FALLBACK_SOURCE = tuple(re.compile(p) for p in _PATTERNS["source"]["fallback_patterns"])
_NOT_OUTLET = re.compile(_PATTERNS["source"]["not_outlet"])
_URL = tuple(re.compile(p) for p in _PATTERNS["url"]["patterns"])
_AUTHORS = re.compile(_PATTERNS["authors"]["labelled"])
_BYLINE = re.compile(_PATTERNS["authors"]["byline"])
_NOT_NAME = re.compile(_PATTERNS["authors"]["not_name"])
_REPORTER_VERB = re.compile(_PATTERNS["authors"]["reporter_verb"])
_TITLE_LABEL = re.compile(_PATTERNS["title"]["label"])
_MARKDOWN_HEADING = re.compile(_PATTERNS["title"]["markdown"])
_NAME_SEPARATORS = re.compile(r"[\s、,;]+")

# Furniture lines where a page states its own metadata.
_METADATA_REASONS = {"credit line", "footer", "after footer", "advertising"}
# How many body lines may carry a dateline or byline (title, captions, lead paragraph).
_LEAD_LINES = 6


def read_metadata(raw: RawArticle, text: str, body: tuple[Span, ...],
                  classified: tuple[list[Line], list[str | None]] | None = None) -> ArticleMetadata:
    """The article's metadata; ``text`` is the normalised text, ``body`` its body spans, ``classified``
    the boilerplate stage's ``classify_page(text)`` when the caller has it (else it is made here)."""
    lines, reasons = classified or classify_page(text)
    spans = set(body)
    body_lines = [line for line in lines if (line.start, line.end) in spans]
    meta_lines = [line.text for line, reason in zip(lines, reasons) if reason in _METADATA_REASONS]
    lead = [line.text for line in body_lines[:_LEAD_LINES]]
    masthead = site_name(lines)
    source_name = raw.source_name or find_source(lines, meta_lines + lead, masthead)
    outlets = {source_name, masthead} - {None}
    title = clean_title(raw.title) if raw.title else find_title(body_lines, lines, reasons, outlets)
    listings = [line.text for line, reason in zip(lines, reasons) if reason == "headline list"]
    return ArticleMetadata(
        title=title,
        published=parse_date(raw.published) if raw.published else find_date(lines, reasons, listings, title),
        source_name=source_name,
        url=raw.url or _first_value(_URL, meta_lines),
        authors=raw.authors or find_authors(meta_lines, lead),
    )


# -------------------------------------------------------------------- title
def clean_title(line: str) -> str | None:
    title = _TITLE_LABEL.sub("", _MARKDOWN_HEADING.sub("", line.strip())).strip()
    return title or None


def _two_alnum(text: str) -> bool:
    """Whether ``text`` has two letters or digits: stops at the second, not counting a whole paragraph's."""
    seen = 0
    for ch in text:
        if ch.isalnum():
            seen += 1
            if seen == 2:
                return True
    return False


def find_title(body_lines: list[Line], lines: list[Line] | None = None, reasons: list[str | None] | None = None,
               outlets: set[str] = frozenset()) -> str | None:
    """The body line that reads as the headline: some words, short, not a sentence of the text.

    Of the headline-like lines that open the body (a site name, a kicker and
    the headline may all stand there), the one a date line follows is the
    headline (标题 then 2024-05-06 09:30); else the one the page repeats as a
    line of its furniture (an e-paper's index of its headlines); else the
    first. Pages without a headline line start with their lead paragraph; a
    title made of it would be a paragraph, so such a page has no title. The
    outlet's own name (``outlets``: the source, the site's name on the first
    line) and a header line with a date and a clock time are never the headline.
    """
    candidates = []
    for line in body_lines[:_LEAD_LINES]:
        title = clean_title(line.text)
        if not title or not _two_alnum(title) or title[0] in _BULLETS or _DATELINE.search(title):
            continue  # a bulleted header field, a dateline or a byline is no headline
        if title in outlets or _CLOCK_HEADER.search(title):
            continue  # the masthead, or a header (原创 某某发布 2025-03-27 08:00)
        if "。" in title.rstrip("。"):
            continue  # a caption (某某所在的某村。某某摄), not a headline
        if len(title) > _TITLE_LENGTH or title.endswith(_SENTENCE_ENDS):
            break
        candidates.append((line, title.rstrip(" |").strip()))
    candidates = [(line, title) for line, title in candidates if title]
    if not candidates:
        return None
    if lines is not None and reasons is not None:
        position = {(line.start, line.end): i for i, line in enumerate(lines)}
        for line, title in candidates:
            after = position.get((line.start, line.end), -2) + 1
            if 0 < after < len(lines) and _is_date_line(lines[after].text):
                return title
        furniture = {clean_title(line.text) for line, reason in zip(lines, reasons) if reason is not None}
        for line, title in candidates:
            if title in furniture:
                return title
    return candidates[0][1]


def _is_date_line(text: str) -> bool:
    """A short header line that states a date near its start (2024-05-06 09:30, 【发布时间:2024-05-06…)."""
    match = _DATE.search(text)
    # (a paragraph that opens with a date is prose: it has commas or stops)
    return match is not None and match.start() <= 12 and len(text) <= 2 * _HEADER_LENGTH and not any(
        mark in text for mark in ",，。")


# A headline is at most this long, and does not end like a sentence.
_TITLE_LENGTH = int(_PATTERNS["title"]["longest"])
_SENTENCE_ENDS = tuple(_PATTERNS["title"]["sentence_ends"])
_BULLETS = _PATTERNS["title"]["bullets"]
_DATELINE = re.compile(_PATTERNS["title"]["dateline"])
_CLOCK_HEADER = re.compile(_PATTERNS["title"]["clock_header"])


# --------------------------------------------------------------------- date
def parse_date(value: str) -> str | None:
    """ISO ``YYYY-MM-DD`` for the first valid date in ``value``, else None."""
    for match in _DATE.finditer(value):
        iso = _iso(match)
        if iso:
            return iso
    return None


def _iso(match: re.Match[str]) -> str | None:
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:  # 2024-13-45 is not a date
        return None


def find_date(lines: list[Line], reasons: list[str | None], listings: list[str], title: str | None) -> str | None:
    """A labelled date in a metadata line; else a date in a short header line; else the
    date beside this article's own title in a headline list."""
    for line, reason in zip(lines, reasons):
        if reason is not None:  # a labelled date in any furniture line (【发布时间:…  字体:大 中 小】 too)
            for match in _LABELLED_DATE.finditer(line.text):
                if _iso(match):
                    return _iso(match)
    for i, line in enumerate(lines[:-1]):
        if _is_title(line.text, title) and _is_date_line(lines[i + 1].text):
            found = parse_date(lines[i + 1].text)  # the date line under the headline
            if found:
                return found
    header = list(zip(lines, reasons))[:_HEADER_LINES]
    for i, (line, reason) in enumerate(header[:-1]):
        # the time under a byline (某某客户端 | 记者 某某, then 2025-10-09 21:14) is the story's, though
        # a line of a date and a clock time alone can also be a page clock
        if reason == "credit line" and _is_date_line(lines[i + 1].text) and not _is_date_line(line.text):
            found = parse_date(lines[i + 1].text)
            if found:
                return found
    for line, reason in header:
        # a page clock (navigation) shows the day the page was fetched, not published; a line that is
        # a date and nothing else (• 2020-09-17, 2022年08月17日) is the page's own
        if _DATE_ONLY.match(line.text) or (
                reason not in ("headline list", "navigation") and len(line.text) <= _HEADER_LENGTH
                and not _is_title(line.text, title)):
            found = parse_date(line.text)
            if found:
                return found
    own = _own_listing_date(listings, title)
    if own is None and title:
        # an e-paper's trailing record repeats the headline with the date (1324887 2022-07-25 00:00:00 一 标题…)
        for line, reason in zip(lines, reasons):
            if reason is not None and title in line.text and line.text != title:
                own = parse_date(line.text)
                if own:
                    break
    return own


_DATE_ONLY = re.compile(_PATTERNS["date"]["date_only"])


def _is_title(line: str, title: str | None) -> bool:
    return title is not None and clean_title(line) == title


def _own_listing_date(listings: list[str], title: str | None) -> str | None:
    """A site's own "latest" list often repeats the article with its date."""
    if not title:
        return None
    for line in listings:
        match = HEADLINE.match(line)
        if match and _same_headline(match["headline"], title):
            return parse_date(match["date"]) or _short_date(match["date"])
    return None


def _same_headline(headline: str, title: str) -> bool:
    headline = headline.rstrip(".…~ ")
    return headline == title or (len(headline) >= 8 and title.startswith(headline))


def _short_date(value: str) -> str | None:
    """``23-12-15`` (two-digit year, as headline lists print it) as ISO."""
    parts = re.split(r"[-/.]", value)
    if len(parts) == 3 and len(parts[0]) == 2:
        return parse_date(f"20{parts[0]}-{parts[1]}-{parts[2]}")
    return None


# ----------------------------------------------------------- source, url, authors
def site_name(lines: list[Line]) -> str | None:
    """The site's name alone on the page's first line (某某新闻网, 某某县人民政府门户网站), else None."""
    masthead = _MASTHEAD.match(lines[0].text) if lines else None
    return masthead["value"] if masthead else None


def find_source(lines: list[Line], meta_lines: list[str], masthead: str | None) -> str | None:
    """The outlet: as the credit lines, the dateline or a byline name it; else as the page's
    header shows it (a breadcrumb's root, else ``masthead``, the site's name on the first line); else
    the office a portal names as the story's 信息来源."""
    header = [line.text for line in lines[:_HEADER_LINES]]
    return (_first_value(_SOURCE, meta_lines, _NOT_OUTLET) or _first_value(_HEADER_SOURCE, header, _NOT_OUTLET)
            or masthead or _first_value(_FALLBACK_SOURCE, meta_lines, _NOT_OUTLET))


def _first_value(patterns: tuple[re.Pattern[str], ...], lines: list[str],
                 reject: re.Pattern[str] | None = None) -> str | None:
    """The first pattern's value in the first line it matches (a value ``reject`` finds does not count)."""
    for pattern in patterns:
        for line in lines:
            match = pattern.search(line)
            if match and not (reject and reject.search(match["value"].strip())):
                return match["value"].strip()
    return None


def find_authors(meta_lines: list[str], lead: list[str]) -> tuple[str, ...]:
    """Names after 作者: in a credit line, else reporters named in bylines and the dateline."""
    labelled = _first_value((_AUTHORS,), meta_lines)
    if labelled:
        return _names(_NAME_SEPARATORS.split(labelled))
    found: list[str] = []
    for line in meta_lines + lead:
        for match in _BYLINE.finditer(line):
            if not _REPORTER_VERB.match(match["value"]):  # 记者了解到: a sentence, not a byline
                found.extend(_NAME_SEPARATORS.split(match["value"]))
    return _names(found)


def _names(tokens: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for token in tokens:
        token = token.strip()
        if 2 <= len(token) <= 4 and not _NOT_NAME.search(token) and token not in names:
            names.append(token)
    return tuple(names)
