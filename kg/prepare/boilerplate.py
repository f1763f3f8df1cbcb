"""Boilerplate stage: separate the article body from the page furniture of a scraped page.

Works line by line on the normalised text, with rules that are data
(``kg/prepare/boilerplate.toml``, compiled once at import):

- line rules: image file names, breadcrumbs, navigation and login lines,
  footers (copyright, ICP, disclaimers, source links), advertising and
  hotlines, credit lines (作者/编辑/来源: these are metadata, which the
  metadata stage reads from the full text), page numbers;
- listings: related-headline lines that end in a date;
- link bars: ``|``-separated short items, named place-name spam when the
  items are place names;
- menus: runs of very short lines;
- the tail: after a footer marker (原文链接, 免责声明, 相关链接, 最近更新, ...)
  late in the page, every line that does not read as prose is furniture.

No line rule looks at a line longer than ``limits.rule_line`` (a paragraph,
not furniture), and every pattern runs in time linear in the line, so the
stage's work is linear in the page however hostile the text.

Finding (``classify_lines``) is kept apart from the result (``split_body``)
so that the metadata stage can ask which lines are listings.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from kg.frozen import dict_init
from kg.model import DroppedLine

Span = tuple[int, int]


def _load_rules() -> dict:
    return tomllib.loads(resources.files("kg.prepare").joinpath("boilerplate.toml").read_text("utf-8"))


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_RULES = _load_rules()
_LIMITS = _RULES["limits"]
_SENTENCE_END = tuple(_LIMITS["sentence_end"])
_MASTHEAD_SOURCE = re.compile(_RULES["masthead"]["source"])


def _anchored(pattern: str) -> bool:
    """Whether every match of ``pattern`` starts at the start of the line: a leading ``^`` and no ``|``
    outside brackets and groups (``^a|b`` matches ``b`` anywhere)."""
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False
    return pattern.startswith("^")


def _line_rule(rule: dict) -> tuple[str, int, re.Pattern[str] | None, tuple[re.Pattern[str], ...]]:
    """(reason, longest line the rule looks at, its anchored patterns as one, the others one by one).

    The patterns that only match at the line's start are one alternation,
    tried once there (``match``): over the lines of 5,000 generated pages the
    rules took 1.2 s when each of these was searched on its own. The others
    are searched one by one: each alone keeps the regex engine's search for
    its literal prefix, which an alternation loses (0.19 s one by one, 0.29 s
    as alternations, over 1,000 pages).
    """
    longest = _LIMITS["short_line"] if rule.get("short", False) else _LIMITS["rule_line"]
    at_start = [p for p in rule["patterns"] if _anchored(p)]
    anywhere = tuple(re.compile(p) for p in rule["patterns"] if not _anchored(p))
    return rule["reason"], longest, _any_of(at_start) if at_start else None, anywhere


_LINE_RULES = tuple(_line_rule(rule) for rule in _RULES["line_rule"])
_LISTING = _any_of(_RULES["listing"]["patterns"])
HEADLINE = re.compile(_RULES["listing"]["headline"])
_SEPARATOR = re.compile(_RULES["spam"]["separators"])
_PLACE_SUFFIXES = tuple(_RULES["spam"]["place_suffixes"])
# Sentence punctuation (and colons) that a menu item never has.
_PUNCTUATION = re.compile(r"[,，。;；:：!！?？、]")
# The footer markers that only match at a line's start, tried there once (``match``), and the others searched
# for: one alternation of all of them is tried at every position of every line it is searched in, which took
# 2.6 times as long over the lines of 1,000 generated pages (0.069 against 0.026 s, measured here).
# (None for no pattern of a kind: an empty alternation would match every line.)
_TAIL_AT_START, _TAIL_ANYWHERE = (
    _any_of(found) if (found := [p for p in _RULES["tail"]["markers"] if _anchored(p) == at_start]) else None
    for at_start in (True, False)
)


@dict_init
@dataclass(frozen=True)
class Line:
    """A non-blank line: its stripped text and that text's span in the article."""

    text: str
    start: int
    end: int


def lines_of(text: str) -> list[Line]:
    """The non-blank lines of ``text``, stripped, with their offsets."""
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            lines.append(Line(stripped, start, start + len(stripped)))
        pos += len(raw) + 1
    return lines


# ------------------------------------------------------------------ one line
def is_listing(line: str) -> bool:
    """A line of a related-headline list: short, not a sentence, ending in a date."""
    return len(line) <= 2 * _LIMITS["short_line"] and not line.endswith(_SENTENCE_END) and bool(
        _LISTING.search(line)
    )


def link_bar_reason(line: str) -> str | None:
    """``place-name spam`` or ``navigation`` for a bar of ``|``-separated short items."""
    items = [item.strip() for item in _SEPARATOR.split(line) if item.strip()]
    if len(items) < _LIMITS["spam_items"] or any(len(item) > _LIMITS["spam_item"] for item in items):
        return None
    places = sum(item.endswith(_PLACE_SUFFIXES) for item in items)
    return "place-name spam" if places * 2 >= len(items) else "navigation"


# Distinct lines whose reasons are remembered (``line_reason``): some 10 MB of lines at most.
REMEMBERED_LINES = 1 << 16


# A line's reason depends on its text alone, and pages repeat lines: a site's footer, menu and credit lines
# are on every page it serves, and a generated corpus repeats its templates' sentences. Each distinct line is
# judged once (a body line, the commonest, is tried against every rule): over c5000's 76,000 lines, of which
# 24,000 are distinct, classify_page took 0.9-1.2 s of CPU instead of 1.7-2.0 (measured here; bench/README.md).
@lru_cache(maxsize=REMEMBERED_LINES)
def line_reason(line: str) -> str | None:
    """Why a single line is furniture, judged on its own; None for a body line."""
    for reason, longest, at_start, anywhere in _LINE_RULES:
        if len(line) <= longest:
            if at_start is not None and at_start.match(line):
                return reason
            for pattern in anywhere:
                if pattern.search(line):
                    return reason
    if is_listing(line):
        return "headline list"
    return link_bar_reason(line)


def is_tail_marker(line: str) -> bool:
    """Whether a line is a footer marker (原文链接, 免责声明, 相关链接, ...), after which only prose is body."""
    return bool(_TAIL_AT_START and _TAIL_AT_START.match(line) or _TAIL_ANYWHERE and _TAIL_ANYWHERE.search(line))


def reads_as_prose(line: str) -> bool:
    return len(line) >= _LIMITS["tail_prose"] and line.endswith(_SENTENCE_END)


def _is_menu_item(line: str) -> bool:
    return len(line) <= _LIMITS["menu_item"] and not _PUNCTUATION.search(line) and not line.endswith(_SENTENCE_END)


# ------------------------------------------------------------------ the page
def classify_lines(lines: list[Line]) -> list[str | None]:
    """A reason for each furniture line, None for each body line."""
    reasons = [line_reason(line.text) for line in lines]
    _mark_menus(lines, reasons)
    _mark_headline_blocks(lines, reasons)
    _mark_tail(lines, reasons)
    _mark_previous_article(lines, reasons)
    _mark_trailer(lines, reasons)
    _mark_mastheads(lines, reasons)
    return reasons


def _mark_trailer(lines: list[Line], reasons: list[str | None]) -> None:
    """After the body's last paragraph, a run of headline-like lines is a list of other articles.

    A page's own text ends with prose; what a scraper keeps after it (推荐阅读, 相关新闻 or no heading
    at all) is other articles' headlines, which name other places and bodies. Only a run of them counts,
    and only where nothing after it reads as prose: one short closing line (a caption, 供稿 or a slogan)
    stays body.
    """
    last = next((i for i in range(len(lines) - 1, -1, -1) if reasons[i] is None and reads_as_prose(lines[i].text)),
                None)
    if last is None:
        return
    trailing = [i for i in range(last + 1, len(lines)) if reasons[i] is None]
    if len(trailing) >= _LIMITS["headline_run"] and all(_is_headline(lines[i].text) for i in trailing):
        for i in trailing:
            reasons[i] = "headline list"


def _mark_mastheads(lines: list[Line], reasons: list[str | None]) -> None:
    """A line that is only the outlet a credit line names as the source is the site's masthead."""
    outlets = {m.group("value") for line, reason in zip(lines, reasons) if reason == "credit line"
               for m in _MASTHEAD_SOURCE.finditer(line.text)}
    if not outlets:
        return  # (most pages: no source line)
    for i, line in enumerate(lines):
        if reasons[i] is None and line.text.strip() in outlets:
            reasons[i] = "credit line"


def _is_headline(line: str) -> bool:
    # a headline may end in a closing quote (某镇开展“某某行动”), never in a full stop; it may open with
    # its subject and a colon (某某镇党委:某某激活某某), the commonest form of a local news headline
    subject, colon, rest = line.partition(":")
    if colon and len(subject) <= _LIMITS["headline_subject"]:
        line = subject + rest
    return len(line) <= _LIMITS["headline_item"] and not line.endswith(tuple("。!?！？…")) and not _PUNCTUATION.search(
        line.replace("、", "")
    )


def _mark_headline_blocks(lines: list[Line], reasons: list[str | None]) -> None:
    """A block of several headline-like lines with page furniture on both sides is a list of other
    articles (an e-paper page's index of its headlines), not the article."""
    i = 0
    while i < len(lines):
        if reasons[i] is not None or not _is_headline(lines[i].text):
            i += 1
            continue
        j, bulleted = i, False
        while j < len(lines) and reasons[j] is None and _is_headline(lines[j].text):
            bullet = _BULLET.match(lines[j].text) is not None
            if bulleted and not bullet:
                break  # (本版新闻 / · 甲 / · 乙 / · 丙, then the page's own title: a list's items carry its bullets)
            bulleted = bulleted or bullet
            j += 1
        # furniture on both sides; a bulleted list needs it only before (the article's own title may follow)
        bordered = i > 0 and reasons[i - 1] is not None and (bulleted or j < len(lines) and reasons[j] is not None)
        if bordered and (j - i >= _LIMITS["headline_run"] or bulleted and j - i >= 2):  # (two bulleted items under 热点推荐)
            for k in range(i, j):
                reasons[k] = "headline list"
        i = j


_BULLET = re.compile("^[·•●◆■▪]")


def _mark_menus(lines: list[Line], reasons: list[str | None]) -> None:
    """Runs of several very short lines without punctuation are a menu."""
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and reasons[i] is None and _is_menu_item(line.text):
            run.append(i)
            continue
        if len(run) >= _LIMITS["menu_run"] and not _between_paragraphs(lines, run[0], run[-1]):
            for j in run:
                reasons[j] = "navigation"
        run = []


def _between_paragraphs(lines: list[Line], first: int, last: int) -> bool:
    """Whether lines first..last sit between two of the article's paragraphs: short lines there are its
    subheadings (筑牢红色阵地 / 织密服务网格 / …), not a site's menu, which sits above or below the text."""
    return (first > 0 and reads_as_prose(lines[first - 1].text)
            and last + 1 < len(lines) and reads_as_prose(lines[last + 1].text))


def _mark_tail(lines: list[Line], reasons: list[str | None]) -> None:
    """After a footer marker late in the page, only prose lines stay body."""
    first = int(len(lines) * _LIMITS["tail_from"])
    marker = next((i for i in range(first, len(lines)) if is_tail_marker(lines[i].text)), None)
    if marker is None:
        return
    for i in range(marker, len(lines)):
        if reasons[i] is None and not reads_as_prose(lines[i].text) and not (
                i == len(lines) - 1 and _cut_paragraph(lines[i].text)
                and any(reasons[k] is None and reads_as_prose(lines[k].text) for k in range(marker + 1, i))):
            reasons[i] = "after footer"


def _cut_paragraph(line: str) -> bool:
    """A stored page stops where its bytes ran out, often mid-sentence: its last line, as long as prose and cut
    after a clause (一行…说，下一步社区将…，), is the article's last paragraph when the article's prose goes on
    after the marker (a list of headlines set between its paragraphs), not a footer."""
    return len(line) >= _LIMITS["tail_prose"] and line.endswith(_CLAUSE_END)


_CLAUSE_END = tuple("，,、；;：:")


def _mark_previous_article(lines: list[Line], reasons: list[str | None]) -> None:
    """Before an editor's credit early in the page, prose is the end of the article before this one.

    An e-paper page stored from the middle of its issue begins with the last paragraphs of the previous
    story and its 责任编辑 line, or a first paragraph that ends with its reporter's credit, (记者 某某);
    this page's own article follows. Only where prose stands before the credit and the page's own prose
    after it."""
    last = int(len(lines) * _LIMITS["tail_from"])
    credit = next((i for i in range(min(last, len(lines))) if _EDITOR_CREDIT.match(lines[i].text)), None)
    if credit is None:
        credit = _after_a_credited_first_paragraph(lines, reasons, last)
        if credit is None:
            return
    elif not any(reasons[i] is None and reads_as_prose(lines[i].text) for i in range(credit)):
        return
    if sum(reasons[i] is None and reads_as_prose(lines[i].text) for i in range(credit + 1, len(lines))) < 2:
        return  # (a page's one article, whose editor is credited after a lead: not two articles)
    for i in range(credit):
        if reasons[i] is None:
            reasons[i] = "previous article"


def _after_a_credited_first_paragraph(lines: list[Line], reasons: list[str | None], last: int) -> int | None:
    """目前，某镇蜜柚种植面积已达…。(记者 某某): the line after the page's first body line when that ends with its
    reporter's credit and only furniture stands before it (this page's own article would have its title first);
    its credit ends it, so a sentence of any length is that story's last. None otherwise."""
    first = next((i for i in range(min(last, len(lines))) if reasons[i] is None), None)
    if first is None or not _REPORTER_CREDIT_END.search(lines[first].text):
        return None
    return first + 1 if _REPORTER_CREDIT_END.sub("", lines[first].text).endswith(_SENTENCE_END) else None


_EDITOR_CREDIT = re.compile(r"^[\[【(]?(本版)?(责任编辑|责编)\s*:")
_REPORTER_CREDIT_END = re.compile(r"[(（](?:本报)?(?:记者|通讯员)[^()（）]{1,24}[)）]\s*$")


def classify_page(text: str) -> tuple[list[Line], list[str | None]]:
    """The page's lines and a reason for each furniture line (None for body lines)."""
    lines = lines_of(text)
    return lines, classify_lines(lines)


def split_body(text: str, classified: tuple[list[Line], list[str | None]] | None = None,
               ) -> tuple[tuple[Span, ...], tuple[DroppedLine, ...]]:
    """Body spans (one per body line) and the furniture lines dropped, with reasons.

    ``classified`` is ``classify_page(text)`` when the caller has it already
    (the metadata stage reads the same classification).
    """
    lines, reasons = classified or classify_page(text)
    body: list[Span] = []
    dropped: list[DroppedLine] = []
    for line, reason in zip(lines, reasons):
        if reason is None:
            body.append((line.start, line.end))
        else:
            dropped.append(DroppedLine(line.text, reason, line.start, line.end))
    return tuple(body), tuple(dropped)
