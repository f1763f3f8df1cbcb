"""Generic references to organisations that the article named in full before (学院党委, 联合党委).

The party stage settles a generic reference (社区党委) to the unit the passage
is about; a reference by a kind of body or by a kind word that is itself a name's
ending speaks instead of the organisation the article already named so, and a
branch written after a short form of its settled parent takes the parent's full name, and a branch of a kind of
members written after a unit's stem (某某商圈联合党支部) is that unit's.
"""
from __future__ import annotations

from kg.extract.firms import WORKPLACE_WORDS, workplace_of
from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import tokenize
from kg.extract.text import is_cjk


def named_body(org: Found, stem: str, named: list[Found]) -> bool:
    """学院党委, 公司党委: a kind of body before the kind word refers to the one named organisation of
    the article whose name ends so (某某大学某某学院党委, 某某有限公司党委); 临时党支部 to the one temporary
    branch it named (某某小区改造临时党支部)."""
    bodies = {o.name: o for o in named if o.name.endswith(org.name) and o.name != org.name} \
        if stem in BODY_WORDS or stem in TEMPORARY_WORDS else {}
    if len(bodies) != 1:
        return False
    return _take(org, next(iter(bodies.values())))


def function_branch(org: Found, stem: str, named: list[Found]) -> bool:
    """研发党支部, 生产党支部: a branch named by a department of a workplace (its research, its production)
    is a branch of the body whose committee the article names (某某有限公司党委 → 某某有限公司研发党支部),
    the nearest such committee before it, else the first. It sits under that committee."""
    if stem not in FUNCTION_STEMS or org.kind not in ("党支部", "党小组"):
        return False
    bodies = [o for o in named if o.kind in ("党委", "党总支") and o.name.endswith(BODY_COMMITTEES)]
    if not bodies:
        return False
    body = next((o for o in reversed(bodies) if o.start < org.start), bodies[0])
    own = next(w for w in BODY_KIND_WORDS if body.name.endswith(w))
    org.aliases.add(org.name)
    org.name, org.unit, org.org, org.generic = body.name[: -len(own)] + org.name, body.unit, body, False
    return True


def earlier_of_kind(org: Found, settled: list[Found]) -> bool:
    """联合党委 alone, after 某某大厦楼宇联合党委: a bare kind word of four characters or more (or a temporary
    branch's, 临时党支部) refers to the last organisation the article named before it with that ending."""
    word = next(iter(org.aliases), "")
    if org.rule.startswith("stem:") and org.rule[5:] in TEMPORARY_WORDS:
        word = org.name  # 临时党支部 alone, after 某某小区改造临时党支部: the temporary branch named before
    elif org.rule != "bare" or len(word) < 4:
        return False  # (党委 or 党支部 alone is settled to the unit the passage is about)
    earlier = [o for o in settled if o.name.endswith(word) and o.name != word and o.end <= org.start]
    return bool(earlier) and _take(org, earlier[-1])


def kind_of_members_named_before(orgs: list[Found]) -> None:
    """医院党委, 物业党支部, 流动党员党支部: a branch named only by a kind of members or workplace is the one
    organisation of the article whose full name ends so (某某区人民医院党委, 某某镇驻某地流动党员党支部), if the
    article names exactly one; otherwise a branch of its own (of the main community, attach_branches)."""
    full = [o for o in orgs if o.rule != "branch" and not o.generic]
    for org in orgs:
        if org.rule != "branch" or org.name.startswith("第"):
            continue  # (第二网格党支部: numbered, a branch of its own)
        bodies = {o.name: o for o in full if o.name.endswith(org.name) and o.name != org.name}
        if len(bodies) == 1:
            org.aliases.add(org.name)
            body = next(iter(bodies.values()))
            org.name, org.unit, org.org, org.rule = body.name, body.unit, body.org, body.rule


def unit_s_own_organisation(orgs: list[Found]) -> None:
    """村党组织 settled to the article's village that the article also names 某某村党总支: 党组织 is the class
    word for whichever body the unit has, so it is that one when the article names exactly one."""
    for org in orgs:
        if org.kind != "党组织" or org.unit is None:
            continue
        # (the unit by its name: each mention of a village is a Found of its own)
        own = {o.name: o for o in orgs if o.unit is not None and o.unit.name == org.unit.name and o.kind != "党组织"
               and o.kind in UNIT_BODY_KINDS}
        if len(own) == 1:
            body = next(iter(own.values()))
            org.aliases.add(org.name)
            org.name, org.kind, org.org, org.rule = body.name, body.kind, body.org, body.rule


def name_after_settled(orgs: list[Found]) -> None:
    """县委宣传部机关党委 under a 县委宣传部 settled to the article's county: the branch takes its full name."""
    for org in orgs:
        above = org.org
        if above is None or not above.name or not above.aliases:
            continue
        short = min(above.aliases, key=len)
        if org.name.startswith(short) and not org.name.startswith(above.name):
            org.aliases.add(org.name)
            org.name = above.name + org.name[len(short):]
            org.unit = org.unit or above.unit


def join_short_org_forms(orgs: list[Found]) -> None:
    """物业项目党支部 after 某某物业某某花苑项目党支部: an organisation placed in no unit whose stem's words all
    stand, in order, in the stem of exactly one other organisation of the article with the same kind word is
    that one named in short (a numbered branch, 第一党支部, is no short form of anything)."""
    names = {o.name for o in orgs}
    full: dict[str, str] = {}
    for org in orgs:
        if org.unit is not None or not org.kind or not org.name.endswith(org.kind) or org.name[:1] in NUMBERED:
            continue
        words = tokenize(org.name[: -len(org.kind)])
        if len(words) < 2 and len("".join(words)) < 2:
            continue
        longer = {n for n in names if n != org.name and len(n) > len(org.name) and n.endswith(org.kind)
                  and in_order(words, n[: -len(org.kind)])}
        if len(longer) == 1:
            full[org.name] = next(iter(longer))
    for org in orgs:
        if org.name in full:
            org.aliases.add(org.name)
            org.name = full[org.name]


def in_order(words: list[str], text: str) -> bool:
    """Whether the words stand in ``text`` one after another, in this order (others may stand between)."""
    at = 0
    for word in words:
        at = text.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


NUMBERED = "第0123456789一二三四五六七八九十"


def _take(org: Found, named: Found) -> bool:
    org.name, org.unit, org.generic = named.name, named.unit, False
    return True


TEMPORARY_WORDS = frozenset(PATTERNS["party"]["temporary_words"])
# (楼宇: an office tower's committee, 某某大厦楼宇党委, written again as 楼宇党委)
BODY_WORDS = frozenset(s for s in PATTERNS["partners"]["suffixes"] if len(s) >= 2) | {"楼宇"}
FUNCTION_STEMS = frozenset(PATTERNS["party"]["function_stems"])
BODY_KIND_WORDS = ("党总支", "党委")
UNIT_BODY_KINDS = ("党委", "党总支", "党支部", "党工委")
# A committee of a body (某某有限公司党委, 某某医院党总支): a body's ending, then the kind word.
BODY_COMMITTEES = tuple(b + k for b in BODY_WORDS for k in BODY_KIND_WORDS)


def led_by_unit_stem(orgs: list[Found], unit_of_stem: dict[str, Found], text: str) -> None:
    """某某商圈联合党支部 where the article names 某某街道 (or 某某社区): a unit's name without its level word,
    written before a branch named by its members, says whose branch it is and is part of its name."""
    renamed: dict[str, Found] = {}
    for org in orgs:
        if org.rule != "branch" or org.unit is not None or org.name.startswith("第") or workplace_of(org) in WORKPLACE_WORDS:
            continue  # (某某湾物业党支部: a workplace's branch, the firm's, which firms.name_workplace_branches names)
        for size in range(MAX_UNIT_STEM, 1, -1):
            stem = text[max(0, org.start - size) : org.start]
            unit = unit_of_stem.get(stem) if len(stem) == size else None
            before = text[org.start - size - 1 : org.start - size]
            if unit is None or unit.implicit or before and is_cjk(before) and before not in PATTERNS.stop_chars and size < 3:
                continue
            renamed.setdefault(org.name, org)
            org.aliases.add(org.name)
            org.name, org.start, org.unit = stem + org.name, org.start - size, unit
            break
    for org in orgs:  # (the article names it again without the stem: the same branch)
        if org.unit is None and org.name in renamed and org.rule in ("branch", "bare"):
            named = renamed[org.name]
            org.aliases.add(org.name)
            org.name, org.unit = named.name, named.unit


MAX_UNIT_STEM = 6  # the longest stem of a unit's name tried before a branch's
