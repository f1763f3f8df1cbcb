"""The body a person's post leads when the words right around the name do not attach it.

A post names its body by the words before its head (支部|书记, 业委会|主任, 区|长, 局|长): the person
leads the body of the article whose name ends in those words, named before the post (in its
paragraph if one is there; with two such bodies, the post says which no more). The post read is, in this order:

- one taken after the name by a verb of taking a post (某某当选支部书记, 某某任社区主任): it, not the
  occupation before the name (退休教师某某), says what the person leads;
- one that opens the clause, whose holder is given by 由 (联合党支部书记由某某兼任);
- the person's own leading role, when no body was named with it (区长某某 in a sentence that names no
  district).
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.frames import founded
from kg.extract.patterns import PATTERNS
from kg.extract.roles import RECEIVED_ROLES, is_leading
from kg.extract.text import clause_start, is_cjk

TABLE = PATTERNS["relations"]["posts"]
HEADS = tuple(sorted(TABLE["heads"], key=len, reverse=True))
CLAUSE_MARKS = ",，;；:：。!！?？、"
TAKING = re.compile("(?:同志)?(?:" + "|".join(sorted(TABLE["taking_verbs"], key=len, reverse=True)) + ")")
SENT = re.compile("被[^" + CLAUSE_MARKS + "]{1,16}?(?:" + "|".join(PATTERNS["persons"]["post_verbs"]) + ")")
HELD_BY = re.compile("(?:" + "|".join(sorted(TABLE["held_by_verbs"], key=len, reverse=True)) + ")(?=$|[" + CLAUSE_MARKS + "])")


def settle_posts(persons: list[Found], bodies: list[Found], text: str, paragraph: list[int]) -> None:
    """Fill in ``org`` of the persons whose post leads a body the rules that found them did not attach."""
    ordered = sorted(bodies, key=lambda b: b.start)
    for person in persons:
        if person.org is not None and person.org.cls == "AdministrativeUnit" \
                and (person.role or "").endswith(RECEIVED_ROLES):
            person.org = unit_committee(person.org, ordered) or person.org  # 某村驻村第一书记某某: the village's branch
        if person.org is not None:
            # 某村党支部书记、某合作社理事长某某: a second post, coordinated before the one that found the body;
            # 村党支部书记某某兼任合作社理事长: one a verb of taking a post gives after the name
            taken = taken_post(text, person.end) if person.also_leads is None else None
            if taken is not None and not is_leading(person.role or "") and is_leading(taken[0]):
                # 由某公司站长、党员某某担任支部书记: the post taken, not one listed before the person's own
                # occupation, says what the person leads
                taken_body = body_of_post(taken[0], taken[1], person.sentence, ordered, paragraph)
                if taken_body is not None:
                    person.org, person.role = taken_body, taken[0]
                    continue
            second, at = (coordinated_post(text, person), person.start) if person.also_leads is None else (None, person.start)
            if second is None and taken is not None:
                second, at = taken
            body = body_of_post(second, at, person.sentence, ordered, paragraph) if second and is_leading(second) else None
            if body is not None and body is not person.org:
                person.also_leads = body
            continue
        # the posts in their order of trust; the first whose body the article names is the one (驻村第一书记、工作队
        # 队长某某: 队长 names no body of the article, 第一书记 the village's; 业委会主任某某: the role word is 主任,
        # the clause writes the body's short form before it)
        candidates = [(held_post(text, person.start, person.end), person.start), taken_post(text, person.end) or (None, 0)]
        if person.role and is_leading(person.role):
            candidates += [(person.role, person.start), (clause_post(text, person), person.start)]
        candidates.append((coordinated_post(text, person), person.start))
        for post, at in candidates:
            if post is not None and is_leading(post):
                person.org = body_of_post(post, at, person.sentence, ordered, paragraph)
                if person.org is not None:
                    break
        if person.org is not None:
            # (the post the relation stands on is the role the mention states: 副主任某某兼任…书记 leads as 书记)
            person.role = post
            second = coordinated_post(text, person)
            body = body_of_post(second, person.start, person.sentence, ordered, paragraph) if second and is_leading(second) else None
            if body is not None and body is not person.org:
                person.also_leads = body


def other_posts(persons: list[Found], bodies: list[Found], text: str, paragraph: list[int]) -> list[tuple[Found, Found]]:
    """(person, body) for each body a person's other posts lead, beyond the one or two ``settle_posts`` attached:
    every leading post listed before the name (某公司党支部书记、副总经理某某兼任联合党支部书记), the one a verb
    gives after it (村党支部书记、村委会主任某某兼任合作社理事长), the one a 由 clause opens with (队长由某支部书记
    某某担任). A post without a body word (书记, 理事长) taken in the sentence that sets a body up (成立了某某党支部,
    由某某任书记) leads that body."""
    ordered = sorted(bodies, key=lambda b: b.start)
    pairs: list[tuple[Found, Found]] = []
    for person in persons:
        held = held_post(text, person.start, person.end)
        posts = listed_posts(text, person) + [p for p in (taken_post(text, person.end), (held, person.start)) if p and p[0]]
        posts += pronoun_posts(text, person, persons)
        led = {id(person.org), id(person.also_leads)}
        for post, at in posts:
            if not is_leading(post):
                continue
            body = body_of_post(post, at, person.sentence, ordered, paragraph, text) or set_up_before(
                post, person, ordered, text, paragraph)
            if body is not None and id(body) not in led and all(b.ref != body.ref for b in (person.org, person.also_leads) if b):
                led.add(id(body))
                pairs.append((person, body))
    return pairs


def listed_posts(text: str, person: Found) -> list[tuple[str, int]]:
    """The posts written before the name in its clause, listed with 、 or 兼 (after the 由 that gives them a
    holder): 由某某公司党支部书记、副总经理某某 holds both."""
    start = clause_start(text, person.start, CLAUSE_MARKS.replace("、", ""))
    phrase = text[start : person.start]
    phrase = phrase[phrase.rfind(BY) + 1 :].lstrip(QUOTE_MARKS)
    posts = []
    for part in re.split("[、兼]", phrase):
        if part.endswith(HEADS) and len(part) <= MAX_LISTED_POST and all(map(is_cjk, part)):
            posts.append((part, person.start))
    return posts


MAX_LISTED_POST = 24  # 某某数字科技有限公司党支部书记: a firm's full name and its branch


def set_up_before(post: str, person: Found, ordered: list[Found], text: str,
                  paragraph: list[int] | None = None) -> Found | None:
    """成立了某某党支部,由某某任书记: the body a post without a body word leads, set up earlier in the sentence
    (its kind fits the post: a secretary's is a party organisation), or in the sentence before it in the same
    paragraph when this one names no body of that kind (组建某某合作社。村党总支书记某某兼任理事长)."""
    endings = TABLE["bare_heads"].get(post)
    if endings is None:
        return None
    fits = [b for b in ordered if b.name.endswith(tuple(endings)) and b.end <= person.start]
    set_up = [b for b in fits if b.sentence == person.sentence and founded(b, text)]
    if not set_up and paragraph is not None and person.sentence > 0 \
            and paragraph[person.sentence - 1] == paragraph[person.sentence] \
            and not any(b.sentence == person.sentence for b in fits):
        set_up = [b for b in fits if b.sentence == person.sentence - 1 and founded(b, text)]
    return set_up[-1] if set_up else None


def clause_end(text: str, pos: int) -> int:
    return min((i for mark in CLAUSE_MARKS if (i := text.find(mark, pos)) >= 0), default=len(text))


def pronoun_posts(text: str, person: Found, persons: list[Found]) -> list[tuple[str, int]]:
    """某某介绍,村党支部领办了某合作社,他兼任合作社理事长: the posts later clauses of the person's sentence give to
    他 or 她 at their start, when no other person is named between the name and the pronoun."""
    end = text.find("。", person.end)
    end = len(text) if end < 0 else end
    posts = []
    for match in PRONOUN_CLAUSE.finditer(text, person.end, end):
        if any(other is not person and person.end <= other.start < match.start() for other in persons):
            break  # (another person named since: the pronoun may be theirs)
        taken = taken_post(text, match.end())
        if taken is not None:
            posts.append((taken[0], match.end()))
    return posts


PRONOUN_CLAUSE = re.compile("(?<=[,，;；])(?:他|她)(?:还|也|同时)?")


def taken_post(text: str, name_end: int) -> tuple[str, int] | None:
    """某某当选支部书记, 某某被派驻某村担任第一书记: the post a verb right after the name (or after its
    被 and a verb of sending) gives, up to the clause's end; and where the post ends."""
    verb = TAKING.match(text, name_end) or SENT.match(text, name_end)
    if verb is None:
        return None
    rest = text[verb.end() : clause_end(text, verb.end())]
    size = next((k for k in range(min(len(rest), 12), 1, -1) if rest[:k].endswith(HEADS)), None)
    return (rest[:size], verb.end() + size) if size is not None else None


def clause_post(text: str, person: Found) -> str | None:
    """在某小区,业委会主任某某: the words of the clause before the name, when they end in the person's role and
    hold more than it (the body's short form jieba did not make part of the role)."""
    phrase = text[clause_start(text, person.start, CLAUSE_MARKS) : person.start]
    return phrase if person.role and phrase.endswith(person.role) and len(phrase) <= MAX_POST and phrase != person.role else None


MAX_POST = 12


def coordinated_post(text: str, person: Found) -> str | None:
    """驻村第一书记、某局干部某某, 某村党支部书记兼村委会主任某某: a leading post coordinated before the
    person's own role (by a list mark, or by 兼: one person holding both)."""
    if not person.role or not text.endswith(person.role, 0, person.start):
        return None
    mark = person.start - len(person.role) - 1
    # (the role as written may begin with its body's word: 驻村第一书记、工作队|队长某某)
    mark = next((m for m in range(mark, max(mark - MAX_BODY_WORD, 0) - 1, -1) if text[m : m + 1] in POST_COORDINATORS
                 and all(map(is_cjk, text[m + 1 : mark + 1]))), mark)
    if text[mark : mark + 1] not in POST_COORDINATORS:
        return None
    before = text[clause_start(text, mark, CLAUSE_MARKS) : mark].lstrip(QUOTE_MARKS)  # (”驻村第一书记: after a quotation)
    return before if before.endswith(HEADS) else None


def held_post(text: str, name_start: int, name_end: int) -> str | None:
    """联合党支部书记由某某兼任, 队长由镇党委委员、宣传委员某某担任: the post that opens the clause, when 由
    comes before the name and a verb of holding right after it ends the clause (the holder's own titles,
    listed with 、 between 由 and the name, are inside that clause)."""
    if HELD_BY.match(text, name_end) is None:
        return None
    start = clause_start(text, name_start, CLAUSE_MARKS.replace("、", ""))
    by = text.find(BY, start, name_start)
    return text[start:by] if by > start and text[start:by].endswith(HEADS) else None


BY = "由"
QUOTE_MARKS = "“”‘’「」『』\" "
MAX_BODY_WORD = 4  # 工作队, 合作社: a body's word written before the role, in the post
POST_COORDINATORS = ("、", "兼")


def body_of_post(post: str, at: int, sentence: int, ordered: list[Found], paragraph: list[int],
                 text: str = "") -> Found | None:
    """The body ``post`` names by the words before its head: the one body named before ``at`` whose name
    (or, given ``text``, the name as written: “某某”志愿服务队) ends in them (or in a full form the table gives
    for them) or ends them, in the paragraph if one is there."""
    head = next((h for h in HEADS if post.endswith(h)), None)
    if head is None:
        return None  # (a leading title that is no head word with a body before it: 嘎查达)
    word = post[: -len(head)].removesuffix(TABLE["ordinal"]) or TABLE["bare_posts"].get(post, "")
    word = next((word[len(p):] for p in TABLE["modifiers"] if word.startswith(p) and len(word) > len(p)), word)
    if len(word) >= 3 and word[-1] in TABLE["kind_chars"] and word[-2] == word[-1]:
        word = word[:-1]  # 某某服务队|队长, 某某驿站|站长: the body's last character begins its head's title
    if not word:
        return None
    endings = tuple(TABLE["full_forms"].get(word, [])) + (word,)
    level = TABLE["level_chars"].get(word) if len(word) == 1 else None
    if len(word) == 1 and level is None and word not in TABLE["kind_chars"]:
        return None  # (a single character that names no level and no kind of body)
    # (or whose whole name ends the words: 某市某镇某村党支部|书记 names 某村党支部, written in full there)
    before = [b for b in ordered if b.end <= at and (b.name.endswith(endings) or (len(b.name) > 2 and word.endswith(b.name))
                                                      or (text and text.endswith(endings, b.start, b.end))
                                                      or any(a.endswith(endings) for a in b.aliases))
              and not b.implicit and (level is None or b.kind == level)]
    if not before:
        return None
    # (the body its own sentence names before the post first: 组建“某某”消防志愿队,队长由某某担任 is that team's
    # captain, whatever brigade an earlier sentence of the paragraph named)
    here = ([b for b in before if b.sentence == sentence] or [b for b in before if paragraph[b.sentence] == paragraph[sentence]]
            or before)
    if len({b.name for b in here}) != 1:
        return None  # (with two such bodies named, the post says which of them no more)
    body = here[-1]
    if head in TABLE["party_heads"] and body.cls == "AdministrativeUnit":
        return unit_committee(body, ordered) or body  # (驻村第一书记: the village's party organisation, if named)
    return body


def unit_committee(unit: Found, ordered: list[Found]) -> Found | None:
    """A unit's own party organisation, when the article names exactly one: a secretary sent to the unit (驻村第一
    书记) leads it."""
    committees = {o.name: o for o in ordered if o.cls == "PartyOrganization" and o.unit is not None
                  and o.unit.name == unit.name and o.kind in TABLE["committee_kinds"]}
    return next(iter(committees.values())) if len(committees) == 1 else None
