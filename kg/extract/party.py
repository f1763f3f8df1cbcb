"""Party organisations: 党委, 党工委, 党总支, 党支部, 党小组, 团委 and 组织部, with the unit each belongs to.

A kind word is named by what stands right before it: a unit (白马湖街道党工委),
the stem of a unit of the article (中南党总支 = 中南社区党总支), a kind of
members (离退休党支部), or a generic unit word (社区党委) that is settled to
the named organisation, or the unit, the passage is about. A generic
reference that cannot be settled is dropped: the graph has no bare
"社区党委" node.
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.committees import DEPARTMENTS, LEVEL_COMMITTEES, committees
from kg.extract.found import Found
from kg.extract.hierarchy import below_its_unit
from kg.extract.partners import with_ordinal
from kg.extract.patterns import PATTERNS, alternation
from kg.extract.registered import LEGAL_FORMS, conjunction_inside_start, registered_start
from kg.extract.named import ABOVE_COMMUNITY, fields_joined_before
from kg.extract.references import (earlier_of_kind, function_branch, kind_of_members_named_before, led_by_unit_stem,
                                   name_after_settled, named_body, unit_s_own_organisation)
from kg.extract.roles import after_post_verb
from kg.extract.temporary import body_s_own_branch, branch_in_place, temporary_branch
from kg.extract.text import CLOSING_QUOTES, OPENING_QUOTES, UNIT_WORDS, Tokens, clean_name, ends_with_founding_verb, is_cjk, stem_start, stem_tokens
from kg.extract.segment import tokenize
from kg.extract.index import LastBefore
from kg.extract.units import PassageUnits, main_unit
from kg.model import Sentence

CLS = "PartyOrganization"


def kind_of(surface: str) -> str:
    return PATTERNS.party_kind[surface]


def find_party_orgs(
    index: int,
    sentence: Sentence,
    tokens: Tokens,
    units: list[Found],
    generic_words: list[tuple[int, str]],
    quoted: list[tuple[int, int]],
) -> list[Found]:
    """Organisations in one sentence; generic ones carry ``generic=True`` and no name yet."""
    found = committees(index, sentence, units)
    text = sentence.text
    matches = list(PATTERNS.party_re.finditer(text))
    if not matches:
        return found  # no kind word (most sentences): the tables below are for its matches
    # A department's own branches (统战部机关党支部) are named after it.
    # (implicit units share their child's span: the child is the holder)
    holders = {u.end: u for u in units if not u.implicit} | {f.end: f for f in found if f.kind in DEPARTMENTS}
    generic_at = {pos: level for pos, level in generic_words} | generic_level_words(sentence, tokens)
    table = PATTERNS["party"]
    titles = [m.span() for m in PATTERNS.book_re.finditer(text)]
    for match in matches:
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if any(f.overlaps(s, e) for f in found):
            continue
        if any(ts < match.start() < te for ts, te in titles):
            continue  # 《中国共产党支部工作条例》: a document's title names no organisation
        kind = kind_of(match.group())
        if text[match.start() - 1 : match.start()] == NOT_BEFORE.get(match.group(), "\0"):
            continue  # 人大工委: the people's congress's working committee, no party's 大工委
        if text.startswith(CLASS_FOLLOWERS, match.end()):
            continue  # 规上企业党组织全覆盖: how many such bodies there are, a class
        # (a quote that holds only the kind word, 某街道“大党委”, marks the term, not a name of its own)
        kind_quoted = text[match.start() - 1 : match.start()] in OPENING_QUOTES and text[match.end() : match.end() + 1] in CLOSING_QUOTES
        in_quote = any(qs <= s < qe for qs, qe in quoted) and not kind_quoted
        if kind_quoted and (unit := holders.get(s - 1)) is not None and unit.cls == "AdministrativeUnit":
            # 某街道“大党委”: the unit written right before the quoted kind is the organisation's
            found.append(Found(CLS, unit.name + match.group(), unit.start, e, index, kind=kind, unit=unit, rule="name",
                               written_apart=True))
            continue
        if in_structure(text, match.start(), match.end()):
            continue  # 社区党委—网格党支部—楼栋党小组: the layers of a structure, not named bodies
        # 四支部, 第二党支部: a numbered branch of the unit named before the number
        number = NUMBERED.search(text, max(0, match.start() - 4), match.start()) if kind in BRANCH_KINDS else None
        head = sentence.start + number.start() if number else s
        members = MEMBER_KIND.search(text, 0, head - sentence.start)
        # 离退休, “两新”组织, 新业态新就业群体; not the end of a body's name (人民医院|党委 is the hospital's)
        branch = members.group() if members and tokens.containing(sentence.start + members.start()) is None else None
        if branch is not None and text.endswith(BODY_ENDINGS, 0, members.start()):
            branch = None  # 某区税务局机关党委: the body's own 机关 committee, named with the body (the stem below)
        if branch in INSTITUTION_WORDS and (ends_a_name(tokens, sentence.start + members.start()) or conjunction_inside_start(
                tokens, sentence.start + members.start(), sentence.start + members.start(), frozenset(holders))
                < sentence.start + members.start()):  # (某地|致|和|医院: a 和 inside the institution's name)
            branch = None  # 某县青松|医院|党委: the word ends the institution's own name, no kind of members
        if branch is not None and kind in BRANCH_KINDS and number is None:
            # 某社区第三网格党小组: an ordinal before the kind of members, the unit before the ordinal
            branch_at = head - sentence.start - len(branch)
            ordinal = NUMBERED.search(text, max(0, branch_at - 4), branch_at)
            holder = holders.get(sentence.start + ordinal.start()) if ordinal and ordinal.group().startswith("第") else None
            if holder is not None and holder.cls == "AdministrativeUnit":
                found.append(Found(CLS, text[holder.start - sentence.start : match.end()], holder.start, e, index,
                                   kind=kind, unit=holder, rule="name"))
                continue
            if ordinal and ordinal.end() == branch_at and ordinal.group().startswith("第") and not in_quote:
                # 第二网格党支部 with no unit before it: the main community's, named with it (attach_branches)
                found.append(Found(CLS, text[ordinal.start() : match.end()], sentence.start + ordinal.start(), e, index,
                                   kind=kind, rule="branch"))
                continue
        kind_start = head - sentence.start - len(branch or "")
        level_word = next((w for w in LEVEL_WORDS if text.endswith(w, 0, kind_start)), "") if branch and not in_quote else ""
        if level_word and number is None and sentence.start + kind_start - len(level_word) in generic_at \
                and sentence.start + kind_start not in holders:
            # 街道“两新”组织党委: a kind of members' body of the level the passage is about (attach_branches)
            found.append(Found(CLS, clean_name(branch) + match.group(), sentence.start + kind_start - len(level_word), e,
                               index, kind=kind, rule="branch:" + generic_at[sentence.start + kind_start - len(level_word)]))
            continue
        word = next((w for w in LEVEL_WORDS if text.endswith(w, 0, head - sentence.start)), "")
        if COUNTED.search(text, 0, kind_start) or COUNTED.search(text, 0, head - sentence.start - len(word)):
            continue  # 下设6个社区党委、21个网格党支部: a count of a kind of body, not a named one
        if branch is not None and kind in BRANCH_KINDS and head - len(branch) in holders:
            head -= len(branch)  # 统战部机关党支部: the branch of the department before it
        if head in holders:
            holder = holders[head]
            unit = holder if holder.cls == "AdministrativeUnit" else holder.unit
            org = Found(CLS, clean_name(text[holder.start - sentence.start : match.end()]), holder.start, e, index,
                        kind=kind, unit=unit, rule="name")
            if holder.cls == CLS:
                org.org = holder
            found.append(org)
            continue
        word = next((w for w in LEVEL_WORDS if text.endswith(w, 0, head - sentence.start) and head - len(w) in generic_at), None)
        if word is not None:
            if not in_quote and not text.endswith(CLASS_WORDS, 0, head - len(word) - sentence.start):  # (全区社区党组织: a class)
                level = generic_at[head - len(word)]
                found.append(Found(CLS, "", head - len(word), e, index, kind=kind, generic=True, rule=f"generic:{level}",
                                   aliases={text[head - sentence.start : match.end()]}))
            continue
        if match.group() in UNIT_ONLY_KINDS:
            continue  # 关工委, 机关工委: 工委 is a unit's 党工委 only written right after the unit (某某街道工委)
        if branch is not None and kind in BRANCH_KINDS and not in_quote:
            branch_at = s - sentence.start - len(branch)  # 第三网格党支部: an ordinal before the kind of members names it
            if re.search(f"(?:{CLASS_ALTERNATION}|{PATTERNS['party']['counted']}){re.escape(branch)}", text[:branch_at]):
                continue  # 划分为8个网格，在每个网格建立网格党小组: one in each of a class, no one branch
            if COUNTED_PEOPLE.search(text, 0, branch_at) and text.startswith(COUNTED_HEADS, match.end()):
                continue  # 十多名企业党支部书记: the heads of many such branches, a class of them
            ordinal = NUMBERED.search(text, max(0, branch_at - 4), branch_at)
            branch = ordinal.group() + branch if ordinal and ordinal.group().startswith("第") else branch
            found.append(Found(CLS, clean_name(branch) + match.group(), s - len(branch), e, index, kind=kind, rule="branch"))
            continue
        if kind in BRANCH_KINDS and not in_quote and (function := function_stem(text, match.start())) is not None:
            found.append(Found(CLS, function + match.group(), s - len(function), e, index, kind=kind, generic=True,
                               rule=f"stem:{function}"))  # 研发党支部, 公司生产党支部: a workplace's department
            continue
        named_before = {f.end: f for f in found if f.name}
        barriers = frozenset(holders) | frozenset(named_before)
        start = stem_start(tokens, s, table["max_stem"], barriers)
        wider = stem_start(tokens, s, table["max_stem"], barriers, BODY_STEM_TAGS)
        office = next((w for w in BODY_OFFICE_WORDS if text.endswith(w, 0, match.start())), "")
        if text.endswith(BODY_ENDINGS, 0, match.start() - len(office)):  # (某局|机关|党委 too)
            if wider < start:
                start = wider  # 县市场监督管理局党支部: a body's name may hold verbal nouns (监督, 救援)
            # read as a partner's name is: from the ordinal before it and the place before that
            # (某市第九中学党支部), where the stem walk stops at the number
            start = with_ordinal(tokens, start, s - len(office), table["max_stem"], barriers)
            # 某地|致|和|医院党委: a 和 between single characters after a place is the body's own name's
            start = conjunction_inside_start(tokens, start, start, barriers)
            if (joined := fields_joined_before(tokens, start, holders)) is not None:
                start = joined  # 区|住房|和|城乡建设局机关党支部: a department of two fields joined by 和
            form = next((f for f in LEGAL_FORMS if text.endswith(f, 0, match.start() - len(office))), None)
            if form is not None and start not in holders:
                # 某市某某物流配送有限公司党支部: the firm's registered name, whatever jieba tags its words (a walk
                # that reached a unit has it already: the unit is the place written before the body's own name)
                start = registered_start(tokens, s - len(office) - len(form), start, barriers)
        start = after_post_verb(tokens, start, s)
        if (text.endswith(TEMPORARY_STEMS, 0, match.start()) or match.group().startswith(JOINT)) and start not in holders:
            # 某小区|停车治理|临时党支部: a temporary branch is named for its task, verbs and all, after the place;
            # so is a joint branch several bodies set up for one (某社区|步道共建|联合党支部)
            task = stem_start(tokens, s, table["max_stem"], barriers, TASK_TAGS)
            if task < start and task in holders and holders[task].cls == "AdministrativeUnit":
                start = task
        stem = text[start - sentence.start : match.start()]  # (某某任|临时党支部书记: the post begins after the verb)
        if stem.endswith(TERM_ENDING):
            start, stem = s, ""  # 选举产生新一届支部委员会: a committee's new term, the body the passage is about
        if stem and start in named_before and not is_generic_stem(stem_tokens(tokens, start, s)):
            # 某党总支某某临时党支部: a body its parent organisation set up
            parent = named_before[start]
            org = Found(CLS, text[parent.start - sentence.start : match.end()], parent.start, e, index, kind=kind,
                        unit=parent.unit, rule="name")
            org.org = parent
            found.append(org)
        elif stem and start in holders and holders[start].cls == "AdministrativeUnit" and not in_quote:
            # 某市中级法院某庭党支部: a body of that place, named with it (the body, not the place, is its unit)
            if not is_generic_stem(stem_tokens(tokens, start, s)) and not is_description(stem):
                org = Found(CLS, stem + match.group(), start, e, index, kind=kind, generic=True, rule=f"stem:{stem}")
                org.place = replace(holders[start], name=text[holders[start].start - sentence.start : start - sentence.start])
                found.append(org)
        elif stem and not in_quote and (temporary := temporary_branch(text, sentence.start, start, stem, found)) is not None:
            # 某党总支成立防汛临时党支部: a temporary branch the organisation before it sets up, named as written
            parent, name_start = temporary
            org = Found(CLS, text[name_start - sentence.start : match.end()], name_start, e, index, kind=kind, rule="name")
            org.org = parent  # (under it, and no unit's own party organisation)
            found.append(org)
        elif stem and not in_quote and not is_description(stem) and not ends_with_founding_verb(tokens, start, s) \
                and not stem.startswith(CLASS_WORDS):  # (全乡|村党组织 cut 全|乡村: a class, as 全乡村 is)
            level_word = tokens[tokens.starting_before(start) - 1] if tokens.starting_before(start) else None
            if level_word is not None and level_word.end == start and level_word.text in UNIT_WORDS:
                start = level_word.start  # 自治区某某中心党总支: the level word names the body's level
                stem = level_word.text + stem
            found.append(Found(CLS, stem + match.group(), start, e, index, kind=kind, generic=True, rule=f"stem:{stem}"))
        elif not stem and not in_quote and kind in BRANCH_KINDS and (
                placed := branch_in_place(text, sentence.start, s, units, found)) is not None:
            # 某社区党委在某某小区成立联合党支部: the branch of the place it is set up in
            unit, parent = placed
            org = Found(CLS, text[unit.start - sentence.start : unit.end - sentence.start] + match.group(), unit.start, e,
                        index, kind=kind, unit=unit, rule="name", written_apart=True)
            org.org = parent
            found.append(org)
        elif not stem and not in_quote and kind in BRANCH_KINDS and (
                own := body_s_own_branch(text, sentence.start, s, found)) is not None:
            # 某社区党委推动某某物业成立党支部: the body's own branch, under the organisation that moved it
            parent, name_start, body = own
            org = Found(CLS, clean_name(body) + match.group(), name_start, e, index, kind=kind, rule="name",
                        written_apart=True)
            org.org = parent
            found.append(org)
        elif not stem and not in_quote and (kind in table["bare_kinds"] or len(match.group()) >= COMPOUND_KIND):
            found.append(Found(CLS, "", s, e, index, kind=kind, generic=True, rule="bare", aliases={match.group()}))
    for org in found:
        formal = next((f for f, _ in FORMAL_KINDS if org.name.endswith(f)), None)
        if formal is not None:  # 某某村支部委员会: the branch, by its kind's short word (its surface says how written)
            org.name = org.name[: -len(formal)] + dict(FORMAL_KINDS)[formal]
            org.written_apart = True  # (the formal name is no label: the short word is how the branch is known)
    return found


TERM_ENDING = "届"  # (新一届, 本届, 第十届: the committee's term)
PLACE_CLAUSE_ENDS = (",", "，", ":", "：")  # (a unit that ends its clause, not one inside a body's name)
NOT_BEFORE = {"大工委": "人"}  # (a kind word that, after this character, ends another body's name)
STREET_KINDS = ("党工委",)
BUILDING = re.compile("大厦|大楼|楼宇")
FORMAL_KINDS = tuple(tuple(pair) for pair in PATTERNS["party"]["formal_kinds"])


def in_structure(text: str, start: int, end: int) -> bool:
    """Whether a kind word stands in a chain of layers joined by dashes or arrows."""
    marks = PATTERNS["party"]["structure_marks"]
    before = text[max(0, start - 8) : start]
    return text[end : end + 1] in marks or any(m in before for m in marks)


BRANCH_KINDS = ("党支部", "党小组", "党委", "党总支")
INSTITUTION_WORDS = frozenset(PATTERNS["party"]["institution_words"])
TEMPORARY_STEMS = tuple(PATTERNS["party"]["temporary_words"])
JOINT = "联合"  # (the kinds 联合党委, 联合党支部, 联合党总支: several bodies' joint organisation)
TASK_TAGS = frozenset(("v", "vn"))  # (the words of a temporary branch's task: 停车治理, 加装电梯, 防汛)

INSTITUTION_KINDS = (*BRANCH_KINDS, "团委")
BARE_KINDS = frozenset(PATTERNS["party"]["bare_kinds"])
# 联合党支部, 综合党委 alone: a kind word that is also a name's ending stands for the one the article named
# with it (references.earlier_of_kind), else for nothing
COMPOUND_KIND = 4
UNIT_ONLY_KINDS = frozenset(PATTERNS["party"]["unit_only_kinds"])
BRANCH_STEMS = tuple(sorted(PATTERNS["party"]["branch_stems"], key=len, reverse=True))
# Kinds of members before a kind word, one or more (新业态 + 新就业群体), perhaps quoted (“两新”),
# perhaps with a word for a kind of body or people after them (“两新”组织, 快递行业).
MEMBER_KIND = re.compile(
    f"[“\"]?(?:{alternation(BRANCH_STEMS)})+[”\"]?(?:{alternation(PATTERNS['party']['member_kind_tails'])})?$"
)
LEVEL_WORDS = tuple(sorted(PATTERNS["units"]["generic_words"], key=len, reverse=True))
CLASS_WORDS = tuple(PATTERNS["party"]["class_words"])
CLASS_ALTERNATION = alternation(CLASS_WORDS)
CLASS_FOLLOWERS = tuple(PATTERNS["party"]["class_followers"])
NUMBERED = re.compile(PATTERNS["party"]["numbered_branch"] + "$")
BODY_STEM_TAGS = frozenset(PATTERNS["partners"]["government_stem_tags"])
BODY_ENDINGS = (*PATTERNS["partners"]["suffixes"], "中心")  # (an institution's centre: 某某保护中心党支部)
COUNTED = re.compile(PATTERNS["party"]["counted"] + "$")
COUNTED_PEOPLE = re.compile(PATTERNS["party"]["counted_people"] + "$")
COUNTED_HEADS = tuple(PATTERNS["party"]["counted_heads"])
BODY_OFFICE_WORDS = tuple(PATTERNS["party"]["body_office_words"])


def ends_a_name(tokens: Tokens, at: int) -> bool:
    """Whether the token that ends at ``at`` is a piece of a name: Han characters, no stop word, no level
    word (县医院, 各学校: the word names a kind there)."""
    i = tokens.starting_before(at)
    before = tokens[i - 1] if i else None
    return before is not None and before.end == at and all(is_cjk(ch) for ch in before.text) \
        and before.text not in PATTERNS.stop_words and before.text not in PATTERNS.stop_chars \
        and before.text not in UNIT_WORDS and before.text not in PATTERNS["partners"]["level_words"]


def function_stem(text: str, end: int) -> str | None:
    """The department of a workplace (研发, 生产) that ends at ``end``, when no name stands before it
    but perhaps a bare body word (公司, 医院): 某某公司研发党支部 is named by its company."""
    function = next((text[end - n : end] for n in FUNCTION_STEM_SIZES if n <= end and text[end - n : end] in FUNCTION_STEMS), None)
    if function is None:
        return None  # (most kind words: no department before them)
    before = end - len(function)
    before -= next((len(b) for b in BODIES_LONGEST_FIRST if text.endswith(b, 0, before)), 0)
    return function if before == 0 or not is_cjk(text[before - 1]) or text[before - 1] in PATTERNS.stop_chars else None


FUNCTION_STEMS = frozenset(PATTERNS["party"]["function_stems"])
FUNCTION_STEM_SIZES = sorted({len(f) for f in FUNCTION_STEMS}, reverse=True)
BODIES_LONGEST_FIRST = tuple(sorted(BODY_ENDINGS, key=len, reverse=True))
def is_description(stem: str) -> bool:
    """功能型党支部, 镇级党委: a word of kind or rank before the kind word describes, it names nothing."""
    return stem.endswith(tuple(PATTERNS["units"]["descriptive_endings"]))


def generic_level_words(sentence: Sentence, tokens: Tokens) -> dict[int, str]:
    """Level words that stand as tokens of their own (区, 县, 市 are never found as unit suffixes alone)."""
    levels = PATTERNS["units"]["generic_words"]
    return {t.start: levels[t.text] for t in tokens if t.text in levels}


def settle_orgs(orgs: list[Found], units: list[Found], sentence_paragraph: list[int], text: str = "") -> list[Found]:
    """Name generic and stem-named organisations after the units they belong to; drop what cannot be settled."""
    named = [o for o in orgs if not o.generic]
    settled = list(named)
    # Settling changes only the organisation settled, never a named one or a
    # unit, so the indexes are built once for all of them.
    context = SettleContext(named, units, sentence_paragraph, text)
    # Organisations named by a stem (某某产业园综合党委) are settled first: a bare kind word written before
    # them (a title's 企业有事找党委) refers to them as it would to one named outright.
    for org in orgs:
        if not org.generic or not org.rule.startswith("stem:"):
            continue
        stem = org.rule[5:]  # (a body named earlier may itself have been settled just before: ``settled``)
        if settle_stem(org, stem, context.unit_of_stem) or keep_stem(org, stem, context.unit_of_stem) or named_body(org, stem, settled) \
                or function_branch(org, stem, settled) or earlier_of_kind(org, settled):
            settled.append(org)
        elif org.kind in BRANCH_KINDS and any(form.endswith(stem) for form in LEGAL_FORMS) \
                or org.kind in INSTITUTION_KINDS and stem in INSTITUTION_WORDS:
            # 公司党支部 in a story of a firm, which the partners' rules name later: kept nameless (nothing
            # is written of it) until firms.name_firms_branches names it after the one firm of the article;
            # 学院团委, 医院党委 after the one college or hospital of the article, the same way
            org.name, org.generic, org.rule = "", False, "firm:" + stem
            settled.append(org)
    if len(settled) > len(named):
        context = SettleContext([o for o in settled if o.name], units, sentence_paragraph, text)
    for org in orgs:
        if not org.generic or org.rule.startswith("stem:"):
            continue
        if earlier_of_kind(org, settled) or (org.kind in BARE_KINDS or org.rule != "bare") and settle_generic(org, context):
            settled.append(org)
    kind_of_members_named_before(settled)
    led_by_unit_stem(settled, context.unit_of_stem, text)
    attach_branches(settled, units)
    name_after_settled(settled)
    same_unit(settled)
    unit_s_own_organisation(settled)
    return settled


def same_unit(orgs: list[Found]) -> None:
    """One name, one organisation: mentions of a name that did not place it take the unit another placed."""
    unit_of: dict[str, Found] = {}
    for org in orgs:
        if org.unit is not None:
            unit_of.setdefault(org.name, org.unit)
    for org in orgs:
        if org.unit is None and org.name in unit_of:
            org.unit = unit_of[org.name]


class SettleContext:
    """What settling a generic organisation asks of the article, indexed once."""

    def __init__(self, named: list[Found], units: list[Found], sentence_paragraph: list[int], text: str = ""):
        self.text = text
        # 中南 -> the first unit named 中南 + a level suffix (中南社区)
        self.unit_of_stem: dict[str, Found] = {}
        for unit in units:
            for cut in range(len(unit.name) + 1):
                if unit.name[cut:] in PATTERNS.unit_level:
                    self.unit_of_stem.setdefault(unit.name[:cut], unit)
        # named organisations with a unit, by kind and by (kind, level of the unit); a body named below its
        # unit (某社区两新联合党委) is not the one a generic 社区党委 speaks of
        with_unit = [o for o in named if o.unit is not None and not below_its_unit(o)]
        self._named_by_kind = _NamedIndex(with_unit, key=lambda o: o.kind)
        self._named_by_level = _NamedIndex(with_unit, key=lambda o: (o.kind, o.unit.kind))
        # a bare kind word (党委) where no organisation of that kind has a unit: the one named without (某某产业园
        # 综合党委, whose park is no unit), rather than one made up for the passage's unit
        self._unplaced_by_kind = _NamedIndex([o for o in named if o.unit is None and o.name], key=lambda o: o.kind)
        self._units = units
        self._paragraph = sentence_paragraph
        self.named_names = frozenset(o.name for o in named)
        self._passages: dict[str, PassageUnits] = {}
        self._townships: dict[int, set[str]] = {}
        for unit in units:
            if unit.kind == "subdistrict" and not unit.implicit:
                self._townships.setdefault(unit.sentence, set()).add(unit.name)

    def elsewhere(self, org: Found, unit: Found) -> bool:
        """洛口镇举办村党组织书记培训班: a generic village word in a sentence that names townships speaks
        of their villages; a village of another township the article placed is not one of them."""
        townships = self._townships.get(org.sentence)
        if unit is None:
            return False  # (an organisation of no unit: a sentence's townships say nothing of it)
        parent = unit.unit
        return bool(townships) and unit.kind in ("community", "compound") and parent is not None \
            and parent.kind == "subdistrict" and parent.name not in townships

    def nearest_named(self, org: Found, level: str | None) -> Found | None:
        """The named organisation of the same kind (and unit level) last before ``org``, else the first one."""
        if level is None:
            return self._named_by_kind.nearest(org, org.kind) or self._unplaced_by_kind.nearest(org, org.kind)
        return self._named_by_level.nearest(org, (org.kind, level))

    def named_in_paragraph(self, org: Found, level: str) -> Found | None:
        """The one unit of ``level`` that ``org``'s paragraph names (a compound named before, in an earlier
        paragraph too, is what the passage's nearest mention may point at; its paragraph's own mention settles it)."""
        here = {u.name: u for u in self._units if u.kind == level and not u.implicit and self.same_paragraph(u, org)}
        return next(iter(here.values())) if len(here) == 1 else None

    def own_paragraph_unit(self, org: Found, target: Found, level: str | None) -> bool:
        """Whether ``org``'s paragraph names one unit of ``level`` of its own, not the unit of ``target`` (named in
        an earlier paragraph): in a report on several communities, 某社区是…。社区党委… is that community's."""
        if level is None:
            return False
        # 在某社区,…和社区党委书记某某一起走访: the one unit of the level its own sentence names, before it, is its
        # unit, whichever organisation of that level the article names elsewhere
        own = {u.name for u in self._units if u.kind == level and not u.implicit and u.sentence == org.sentence
               and u.end <= org.start and self.text[u.end : u.end + 1] in PLACE_CLAUSE_ENDS}  # (在某社区, …: the place
        if len(own) == 1 and target.unit.name not in own and target.sentence != org.sentence:
            return True
        if self.same_paragraph(target, org):
            return False
        here = self.named_in_paragraph(org, level)
        return here is not None and here.name != target.unit.name

    def same_paragraph(self, a: Found, b: Found) -> bool:
        return self._paragraph[a.sentence] == self._paragraph[b.sentence]

    def passage_unit(self, org: Found, level: str) -> Found | None:
        if level not in self._passages:
            # 省委组织部 in a story that names only its district: the gazetteer's province is the article's
            implicit_ok = level in ("province", "city")
            candidates = [u for u in self._units if u.kind == level and (implicit_ok or not u.implicit)]
            self._passages[level] = PassageUnits(candidates, self._paragraph)
        return self._passages[level].nearest(org)


class _NamedIndex:
    def __init__(self, orgs: list[Found], key):
        self._before = LastBefore(orgs, key=key, position=lambda o: o.start)
        self._first: dict = {}
        for org in orgs:
            self._first.setdefault(key(org), org)

    def nearest(self, org: Found, key) -> Found | None:
        return self._before.last_before(key, org.start) or self._first.get(key)


def settle_stem(org: Found, stem: str, unit_of_stem: dict[str, Found]) -> bool:
    """中南党总支 → 中南社区党总支 when the article names 中南社区."""
    unit = unit_of_stem.get(stem)
    if unit is None:
        return False
    org.aliases.add(org.name)
    org.name = unit.name + org.name[len(stem):]
    org.unit = unit
    org.generic = False
    return True


def keep_stem(org: Found, stem: str, unit_of_stem: dict[str, Found]) -> bool:
    """自治区某某中心党总支: an organisation named after a body that is no unit of the article.

    Its stem is a name (three characters or more, not only generic words); it
    belongs to the unit whose name or stem begins it (某某新园好管家党支部 of
    某某新园小区), if one does.
    """
    own = len(stem) == 2 and org.place is not None and org.place.kind in ("community", "compound")
    if len(stem) < 3 and not own or is_generic_stem(list(tokenize(stem))) or stem[0] in PATTERNS.stop_chars:
        # (is_generic_stem asks the words and their whole: 先进|基层 党组织, generic words one after the other)
        return False  # (某村渔业党支部, 某村老年党支部: two characters after a village name its own branch)
    org.generic = False
    if org.place is not None and org.place.kind in ABOVE_COMMUNITY and BUILDING.search(stem):
        org.unit = None  # 某街道|某某金融大厦楼宇党委: a building's committee, named by the building, which the street
        return True      # only places (as the building itself is named without it)
    if org.place is not None:  # the body's own name after a place: the place is written with it, as written
        place = org.place  # (宁夏某某中心党支部, 青岛某某公司党委: the place as written, not its official name)
        written = next((a for a in sorted(place.aliases) if len(a) == place.end - place.start), place.name)
        org.aliases.add(org.name)
        org.name = written + org.name
        org.start = place.start
        org.unit = place if own else None
        return True
    org.unit = next((unit_of_stem[stem[:cut]] for cut in range(len(stem), 1, -1) if stem[:cut] in unit_of_stem), None)
    return True


def is_generic_stem(parts: list[str]) -> bool:
    generic = PATTERNS["party"]["generic_stems"]
    return not parts or all(p in generic for p in parts) or "".join(parts) in generic


def settle_generic(org: Found, context: SettleContext) -> bool:
    level = org.rule.split(":", 1)[1] if ":" in org.rule else None
    suffix = next(iter(org.aliases))
    target = context.nearest_named(org, level)
    if target is not None and not context.elsewhere(org, target.unit) and not context.own_paragraph_unit(org, target, level):
        org.name, org.unit = target.name, target.unit
        return True
    if level is None:
        # 党总支书记某某 with no named 党总支: the community (else the township) the passage is about
        unit = context.passage_unit(org, "subdistrict") if org.kind in STREET_KINDS else (
            context.passage_unit(org, "community") or context.passage_unit(org, "subdistrict"))
        # (党工委 alone: a street's or a zone's working committee, never a community's)
    elif level == "compound":
        # 小区党支部 speaks of compounds in general unless its paragraph names one
        unit = context.passage_unit(org, level)
        unit = unit if unit is not None and context.same_paragraph(unit, org) else context.named_in_paragraph(org, level)
    else:
        unit = context.passage_unit(org, level)
        committee = suffix in LEVEL_COMMITTEES  # a generic 县委, 市委 (before its secretary's title)
        if committee and unit is not None and not unit.name.endswith(suffix[0]):
            return False  # 区委书记 in a story of a county: not the county's committee
        suffix = suffix[1:] if (committee or org.kind in DEPARTMENTS.values()) and suffix[0] in LEVEL_WORDS else suffix
    if unit is None or context.elsewhere(org, unit):
        return False
    if suffix != next(iter(org.aliases)) and unit.name + unit.name[-1] + suffix in context.named_names:
        suffix = unit.name[-1] + suffix  # 岚县县委组织部: the article writes the committee with the level word again
    org.name, org.unit = unit.name + suffix, unit
    return True


def attach_branches(orgs: list[Found], units: list[Found]) -> None:
    """A branch named by its members (离退休党支部) belongs to the article's main community."""
    communities = [u for u in units if u.kind == "community" and not u.implicit]
    home = main_unit(communities) or main_unit([u for u in units if not u.implicit and u.kind in ("subdistrict", "compound")])
    for org in orgs:
        if org.rule.startswith("branch:") and org.unit is None:  # (街道“两新”组织党委: the street's, named with it)
            org.unit = main_unit([u for u in units if not u.implicit and u.kind == org.rule[7:]])
            org.aliases.add(org.name)
            org.name, org.rule = (org.unit.name if org.unit else "") + org.name, "members"
        if org.rule == "branch" and org.unit is None:
            org.unit = home
            if home is not None and org.name.startswith("第"):  # 第二网格党支部 → 某社区第二网格党支部
                org.aliases.add(org.name)
                org.name = home.name + org.name


def committees_by_unit(orgs: list[Found]) -> dict[str, list[Found]]:
    """The committees (党委, 党总支, 党工委) among ``orgs``, in order, by the name of their unit."""
    found: dict[str, list[Found]] = {}
    for org in orgs:
        if org.unit is not None and org.kind in ("党委", "党总支", "党工委"):
            found.setdefault(org.unit.name, []).append(org)
    return found


def parent_org(org: Found, committees: dict[str, list[Found]]) -> Found | None:
    """The organisation above: the one that set it up (某党总支…临时党支部), else for a branch the
    committee of its unit (or of the unit above; of a department, the department's own committee),
    for a community's or village's committee the working committee of its subdistrict, or the
    committee of its township."""
    if org.org is not None and org.org.kind in ("党委", "党总支", "党工委"):
        return org.org
    if org.unit is None:
        return None
    if org.kind in ("党委", "党总支") and org.unit.kind == "community" and org.unit.unit is not None:
        above = [c for c in committees.get(org.unit.unit.name, ()) if c.rule != "members"]  # (not its 两新组织党委)
        return next((c for c in above if c.kind == "党工委"), None) or next((c for c in above if c.kind == "党委"), None)
    if org.kind not in ("党支部", "党小组"):
        return None
    if org.org is not None:
        own = next((c for c in committees.get(org.unit.name, ()) if c.name.startswith(org.org.name) and c is not org), None)
        if own is not None:
            return own
    # Its own unit's committee, else the committee of the unit directly above (a compound's branch
    # under its community); never further: skipping a level would misstate the structure.
    for unit in (org.unit, org.unit.unit):
        if unit is None:
            continue
        candidate = next((c for c in committees.get(unit.name, ()) if c is not org), None)
        if candidate is not None:
            return candidate
    return None
