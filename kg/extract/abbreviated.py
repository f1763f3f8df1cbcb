"""Names an article declares short: 某地甲乙科技有限公司（以下简称“甲乙科技”）.

News introduces a body by its full name once and declares the short name it
uses from then on in a bracket right after it (以下简称, 下称, 简称). The
short name has no suffix the other rules know (甲乙科技, 甲乙园林), so every
later 甲乙科技 is found here: a mention of the declared body, named by its
full name, with the short name as an alias; a post written after it
(甲乙科技总经理某某) then leads that body, and 甲乙科技党支部 is the firm's
own branch, named as written. Only partners and facilities are
declared so: a party organisation's or a program's short forms are settled
by their own rules.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.found import Found
from kg.extract.party import BRANCH_KINDS
from kg.extract.text import is_place_word
from kg.model import Sentence

# （以下简称“甲乙”）, (下称"甲乙"), （简称：“甲乙”）: the bracket, its verb and the quoted short name.
DECLARATION = re.compile(r"[（(]\s*(?:以下|下文|下)?(?:简称|称)\s*[:：]?\s*[“\"「『]([^”\"」』()（）]{2,12})[”\"」』]\s*[)）]")
DECLARED_CLASSES = ("Partner", "Facility")
SHORT = "declared short name"
BRANCH = "declared short name+branch"
BRANCH_KINDS_LONGEST_FIRST = tuple(sorted(BRANCH_KINDS, key=len, reverse=True))


def declarations(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(bracket start, bracket end, short name) of each declaration in the sentence, in article offsets."""
    return [(sentence.start + m.start(), sentence.start + m.end(), m.group(1))
            for m in DECLARATION.finditer(sentence.text)]


class DeclaredNames:
    """The short names declared so far in an article, read sentence by sentence in order."""

    def __init__(self) -> None:
        self.full: dict[str, Found] = {}  # short name -> the body it was declared for
        self.brackets: list[tuple[int, int]] = []

    def declare(self, sentence: Sentence, named: Iterable[Found]) -> None:
        """Take the sentence's declarations whose bracket follows a partner's or facility's name at once."""
        found = declarations(sentence)
        if not found:
            return
        ending = {f.end: f for f in named if f.cls in DECLARED_CLASSES and f.name}
        for start, end, short in found:
            body = ending.get(start)
            self.brackets.append((start, end))
            if body is not None and short != body.name and short not in self.full:
                widen_to_trade_name(body, short, sentence)
                self.full[short] = body

    def own_findings(self, sentence: Sentence, found: list[Found]) -> list[Found]:
        """``found`` less what the other rules read into a declaration or a declared short name: the quoted
        short name inside the bracket (“甲乙超市”, a place by its ending) and a later 甲乙超市 found by its ending
        are the declared body, which ``mentions`` then finds."""
        if not self.full and not self.brackets:
            return found
        text = sentence.text
        return [f for f in found if not (
            any(s <= f.start and f.end <= e for s, e in self.brackets)
            or (f.cls != "PartyOrganization" and text[f.start - sentence.start : f.end - sentence.start] in self.full))]

    def mentions(self, index: int, sentence: Sentence, claimed: Iterable[Found]) -> tuple[list[Found], list[Found]]:
        """Each later writing of a declared short name in the sentence that no other name holds: as the body
        (partners, facilities), or, followed by a kind of party organisation (甲乙科技党支部), as its branch."""
        if not self.full:
            return [], []
        taken = [(f.start, f.end) for f in claimed] + self.brackets
        bodies: list[Found] = []
        branches: list[Found] = []
        text = sentence.text
        for short in sorted(self.full, key=lambda s: (-len(s), s)):
            body = self.full[short]
            at = text.find(short)
            while at >= 0:
                end_at = at + len(short)
                kind = next((k for k in BRANCH_KINDS_LONGEST_FIRST if text.startswith(k, end_at)), None)
                if body.cls != "Partner":
                    kind = None  # (a facility has no branch: 甲乙驿站党支部 is some body's, found by the party rules)
                start, end = sentence.start + at, sentence.start + end_at + len(kind or "")
                if not any(s < end and start < e for s, e in taken):
                    if kind is None:
                        bodies.append(Found(body.cls, short, start, end, index, kind=body.kind, rule=SHORT))
                    else:
                        branches.append(Found("PartyOrganization", short + kind, start, end, index, kind=kind, rule=BRANCH))
                    taken.append((start, end))
                at = text.find(short, end_at)
        return bodies, branches

    def name_after_bodies(self, found: Iterable[Found]) -> None:
        """Each declared short name's mentions named as its body is named now (after the article's joins); each
        branch named by it marked as the firm's."""
        for f in found:
            if f.rule == SHORT and f.name in self.full:
                f.aliases.add(f.name)
                f.name = self.full[f.name].name
            elif f.cls == "PartyOrganization" and (kind := branch_kind(f.name)) and (
                    body := self.full.get(f.name[: -len(kind)])) is not None and body.cls == "Partner":
                # (found here, or by the party rules from the short name's own words: 甲乙环保党支部) The branch
                # keeps the name the article writes; it is the firm's, not an actor of the article's partnerships.
                f.rule = BRANCH


def widen_to_trade_name(body: Found, short: str, sentence: Sentence) -> None:
    """某地甲乙体育用品有限公司（以下简称“甲乙体育”）, where the name was found from 体育 on (甲乙 a verb to
    jieba): the short name says the trade name begins earlier, with what it writes before the name found,
    and the place before that (a short form the gazetteer knows) begins the registered name."""
    text, at = sentence.text, body.start - sentence.start
    head = next((short[:k] for k in range(len(short) - 1, 0, -1)
                 if body.name.startswith(short[k:]) and text.endswith(short[:k], 0, at)), None)
    if head is None:
        return
    at -= len(head)
    place = next((size for size in (3, 2) if at >= size and is_place_word(text[at - size : at])), 0)
    body.name = text[at - place : body.end - sentence.start]
    body.start = sentence.start + at - place


def branch_kind(name: str) -> str | None:
    return next((k for k in BRANCH_KINDS_LONGEST_FIRST if name.endswith(k) and len(name) > len(k)), None)
