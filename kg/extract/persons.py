"""Persons with a stated role: a role word, then a name (社区党委书记陈丹, 84岁老党员李荣燕).

A name is a common surname and one or two more characters, ending where
the next word begins. The article's own reporters (记者, 通讯员, 编辑) are
not persons of the graph.
"""
from __future__ import annotations

import re
from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.roles import RECEIVED_ROLES, is_leading, role_spans
from kg.extract.segment import tokenize, word_tags
from kg.extract.spoken import NOUN_TAGGED_VERBS, SPEECH_VERBS, marked_end, plainly_ended, spoken_name
from kg.extract.text import CLOSING_QUOTES, POST_VERBS, clause_start, is_cjk
from kg.extract.transliterated import TRANSLITERATION_CHARS, is_other_word, long_name
from kg.model import Sentence

CLS = "Person"


def name_at(text: str, pos: int) -> str | None:
    """The personal name that starts at ``pos``, if one does."""

    table = PATTERNS["persons"]
    if (dotted := DOTTED_NAME.match(text, pos)) is not None:  # 阿依古丽·买买提: a transliterated name, parts joined by dots
        # Its last part ends where a word of two or more characters begins: a one-character verb there may
        # be the part's own last character (买买|提), so it marks no end as it does after a Han name.
        last = dotted.group().rindex("·") + 1
        ends = [n for n in range(2, len(dotted.group()) - last + 1)
                if boundary_after(text, pos + last + n, verb_may_follow=False)]
        # (巴·图门|乌力吉: a word may end inside a long last part; the longest end written all in the characters
        # of transliteration is the name's, else the first end)
        part = dotted.group()[last:]
        run = next((i for i, ch in enumerate(part) if ch not in TRANSLITERATION_CHARS), len(part))
        whole = [n for n in ends if n <= run]
        if whole:
            return text[pos : pos + last + whole[-1]]
        if run >= 2 and ends and ends[0] > run:
            return text[pos : pos + last + run]  # (某某·买买提|一早就…: the transliteration ends where a word of time begins)
        return text[pos : pos + last + ends[0]] if ends else None
    if text[pos : pos + 1] in COORDINATORS and not coordinator_surname(text, pos):
        return None  # 社工和某某小学: a conjunction after a role word, not the surname 和
    surname = 2 if text[pos : pos + 2] in PATTERNS.surnames else 1
    if text[pos : pos + surname] not in PATTERNS.surnames:
        return None
    if text.startswith(HONORIFICS, pos + surname):
        return None  # 崔女士, 王阿姨: a form of address, not a name
    for given in (2, 1):
        end = pos + surname + given
        name = text[pos:end]
        if end > len(text) or not all(is_cjk(ch) for ch in name):
            continue
        if ((any(ch in table["not_in_given_name"] and (ch not in table["not_last_in_given_name"] or at == len(name) - 1
                                                       or begins_the_next_word(name[surname:]))
                 for at, ch in enumerate(name) if at >= surname) and not is_given_name(name[surname:]))
                or name[surname:] in PATTERNS.stop_words):
            continue  # (明|担任: a stop word, the verb of a post, is no given name)
        if given == 2 and text[end - 1 : end + 1] in POST_VERBS:
            continue  # 王某担任组长: the verb of the post (担任, 兼任) begins on the name's third character
        if surname == 2 and given == 2 and word_tags().get(text[end - 1 : end + 1], "").startswith("v"):
            continue  # 欧阳明|来到: after a surname of two characters, a last character that begins a verb is the verb's
        if given == 2 and word_tags().get(text[end - 1 : end + 1]) in ADVERB_TAGS:
            continue  # 王刚一起走访: the last character begins an adverb (一起, 一同), the name is 王刚
        head = name[: surname + 1] if name[surname] != FAMILY else ""  # (王家, 李家: the family, a name's head)
        if head and word_tags().get(name, "").startswith("nr") and word_tags().get(head, "") in PROPER_HEAD_TAGS:
            head = ""  # 吴国|栋: a name the dictionary holds as a person's, whose head is a proper noun (not 幸福|感)
        if (head and given == 2 and word_tags().get(head) in NAME_HEAD_TAGS and name not in word_tags()
                and (firmly_ended(text, end) or text.startswith(NAME_ENDING_VERBS, end))
                and not word_tags().get(name[-1], "").startswith("v")):
            head = ""  # 宋朝|阳任…, 金华|强通报: a place's or an adverb's characters may begin a name a mark, a post
            # verb or a verb of report ends
        if any(w in word_tags() and not word_tags()[w].startswith("nr") for w in (name, head) if w):
            continue  # a dictionary word (项目, 党员), not a name
        if boundary_after(text, end) and not heads_a_word(text, pos, end):
            return name
    return None


def begins_the_next_word(given: str) -> bool:
    """Whether a would-be given name is a word of another kind (介绍, 表示, 正在): a surname's verb."""
    return word_tags().get(given, "nr")[:1] in ("v", "d", "p", "c")


def coordinator_surname(text: str, pos: int) -> bool:
    """主任和某某说: the surname 和 (common in Yunnan), not the conjunction, when two characters that are no
    word of another kind follow it and then a mark or a verb of speech ends the name (not 主任和居民说)."""
    given = text[pos + 1 : pos + 3]
    return (text[pos] in PATTERNS.surnames and len(given) == 2 and all(is_cjk(ch) for ch in given)
            and word_tags().get(given, "nr").startswith("nr")
            and (marked_end(text, pos + 3) or text.startswith(SPEECH_VERBS, pos + 3)))


def is_given_name(given: str) -> bool:
    """Whether the dictionary holds ``given`` (two characters) as a personal name: 向阳 and 向东 are
    given names although 向 alone ends a name before its object (某某向居民介绍)."""
    return len(given) == 2 and word_tags().get(given, "").startswith("nr")


def ends_in_conjunction(text: str, start: int, name: str) -> bool:
    """Whether a name of two characters is followed by a conjunction and then a verb of speech or of a post
    (某长|和|说, 某长|和|担任): a conjunction joins two names, not a name and a verb, so it is the given
    name's last character (长和, 平和, 中和 are given names)."""
    end = start + len(name)
    return len(name) == 2 and text[end : end + 1] in COORDINATORS and text.startswith(SPEECH_VERBS + POST_VERBS, end + 1)


FAMILY = "家"
NAME_ENDING_VERBS = NOUN_TAGGED_VERBS + SPEECH_VERBS  # (通报, 汇报, 说, 表示: what a name's holder does next)
# Tags of a word that may also be a name's surname and first character (宋朝 t, 金华 nz, 高远 d): not a
# common noun, verb, function word or numeral (项目, 党员, 全部, 关于), which begin no name.
NAME_HEAD_TAGS = frozenset({"ns", "nz", "t", "d", "a", "ad", "an", "nrt", "nrfg"})
PROPER_HEAD_TAGS = frozenset({"ns", "nz", "nr", "nrt", "nrfg"})
DOTTED_NAME = re.compile("[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{2,6})+")  # (巴·某某: a Mongolian name's first part may be one character, the initial of the father's)


def heads_a_word(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] begins a longer dictionary word (康复|中心: 康复 is a name to jieba's
    dictionary, 康复中心 a body's word)."""
    tags = word_tags()
    # (only words longer than the name: at the text's end the slices are the name itself, which a dictionary
    # of names may hold)
    return end < len(text) and (text[start : end + 1] in tags or end + 1 < len(text) and text[start : end + 2] in tags)


def firmly_ended(text: str, end: int) -> bool:
    """Whether a mark, a function character, a listed follower or the verb of a post (任, 担任) follows
    (one that makes no verb with the name's last character: not 全部担|任; jieba's dictionary also holds
    nouns such as 林任, which some name's last character and 任 make, and they end the name all the same)."""
    return marked_end(text, end) or (text.startswith(POST_VERBS, end)
                                     and not word_tags().get(text[end - 1 : end + 1], "n").startswith("v"))


def boundary_after(text: str, end: int, verb_may_follow: bool = True) -> bool:
    if text[end - 1 : end + 1] in POST_VERBS:
        return False  # 某某担|任组长: the last character begins the verb of a post (jieba may glue 任组长)
    if firmly_ended(text, end):
        return True  # (任 is tagged a pronoun, as in 任何: 某某任驻村第一书记 needs it named)
    following = tokenize(text[end : end + 8])
    first = following[0]
    if len(first) == 1 and word_tags().get(first, "").startswith("v") and following[1:2] \
            and following[1] in ASPECT_PARTICLES and not word_tags().get(text[end - 1 : end + 1], "").startswith("v"):
        return True  # 某某林|带着: a verb and its aspect particle follow, whatever noun 林带 would make (not 张伟|走访了)
    if len(first) == 1 and word_tags().get(first) == "d" and following[1:2] \
            and word_tags().get(following[1], "").startswith("v") and text[end - 1 : end + 1] not in word_tags():
        return True  # 某某常|带, 某某又|来: a one-character adverb and a verb follow, making no word with the name
    # a one-character verb that begins no word with the name's last character (王某某守在, 杨某某掰着),
    # unlike 走 of 张伟走访, where the name would end inside the word 走访
    return len(first) > 1 or (verb_may_follow and word_tags().get(first, "").startswith("v") and text[end - 1 : end + 1] not in word_tags())


ASPECT_PARTICLES = ("着", "了", "过")


def find_persons(index: int, sentence: Sentence, orgs: list[Found], units: list[Found],
                 quoted: list[tuple[int, int]] = ()) -> tuple[list[Found], set[str]]:
    """Persons in one sentence, and the names of reporters to keep out of the graph.

    A role is one of the listed role words, or any word that ends like an
    occupation or post (…师, …员, …长, …工, a word of three or more ending in
    人: 合伙人). Names coordinated with the first (某某和某某) share its role.
    ``quoted``: the sentence's quoted names (``quotes.name_quote_spans``), whose
    role words are part of the names.
    """
    table = PATTERNS["persons"]
    found, reporters = [], set()
    text = sentence.text
    roles = role_spans(sentence)
    starts = named_starts(sentence, orgs, units) if roles else set()  # (where no coordinated name begins)
    named = [(qs - sentence.start, qe - sentence.start - 1) for qs, qe in quoted] if roles and quoted else []
    role_starts = {s for s, _ in roles}
    for role_start, role_end in roles:
        if role_end in role_starts:
            continue  # 学生党员某某, 学生家长某某: of two role words in a row, the name follows the second
        name_start = role_end + 1 if text[role_end : role_end + 1] in CLOSING_QUOTES else role_end
        captioned = text[name_start : name_start + 1] == " "  # 镇党委书记 某某: a caption or a table's cell,
        name_start += captioned  # one space between, and the field ends with the name (below)
        if any(qs < role_start and role_end < qe for qs, qe in named):
            continue  # “党员联户·某某连心”: a role word inside a quoted name is part of that name, no one's post
        # (a role may stand in quotes: “楼栋管家”某某; a long transliterated name has no dot to be found by)
        name = long_name(text, name_start) or name_at(text, name_start)
        if name is None or not plainly_ended(text, name_start + len(name)):
            name = spoken_name(text, name_start) or name  # 书记古丽米拉带领: not 古丽, which no verb follows
        if name is not None and ends_in_conjunction(text, name_start, name):
            name += text[name_start + len(name)]  # 主任某长和说: 和 joins nothing to a verb, it ends the name
        if name is None or captioned and text[name_start + len(name) : name_start + len(name) + 1] not in ("", " ", "\t"):
            continue
        role = text[role_start:role_end]
        if role in table["reporter_roles"] or role.endswith(tuple(table["reporter_roles"])):
            reporters.add(name)
            continue
        names, end = [name], role_end + len(name)
        while (text[end : end + 1] in COORDINATORS and end + 1 not in starts
               and (other := name_at(text, end + 1)) is not None):  # (…、白某社区党委书记: a unit, not a name)
            names.append(other)
            end += 1 + len(other)
        absolute = sentence.start + role_start
        # 派驻某村的第一书记某某: a post a unit receives is written with 的 between them
        reach = absolute - 1 if role in RECEIVED_ROLES and text[role_start - 1 : role_start] == "的" else absolute
        if role in RECEIVED_ROLES and (stationed := next((w for w in STATIONED_WORDS if text.endswith(w, 0, role_start)), None)):
            reach = absolute - len(stationed)  # 某村驻村第一书记某某: the village the post is sent to, before 驻村
        holder = next((o for o in orgs + units if o.start < absolute + len(role) and o.end >= reach
                       and o.end <= sentence.start + role_end), None)
        leader = coordinated_leader(sentence, role_start, orgs + units) if holder is None or not is_leading(role) else None
        if holder is None and leader is None:
            leader = unit_of_level_title(role, absolute, units)
        posts = two_posts(sentence, role_start, role_end + len(names[0]), holder if is_leading(role) else None, orgs + units)
        pos = name_start
        for person_name in names:
            pos = text.index(person_name, pos)
            person = Found(CLS, person_name, sentence.start + pos, sentence.start + pos + len(person_name), index,
                           role=role, rule="role+name")
            if holder is not None:
                person.role = text[holder.start - sentence.start : holder.end - sentence.start] + text[
                    max(holder.end - sentence.start, role_start) : role_end]
                if is_leading(role):
                    person.org = holder
            if leader is not None:
                person.org = leader
            if posts is not None and person_name == names[0]:
                person.org, person.also_leads = posts
            found.append(person)
            pos += len(person_name)
    found += appointed(index, sentence, orgs, units, found)
    found += dispatched(index, sentence, orgs + units, {p.name for p in found})
    found += listed(index, sentence, orgs + units, {p.name for p in found} | reporters)
    found += family_row(index, sentence, orgs + units, {p.name for p in found} | reporters)
    found += in_apposition(index, sentence, orgs + units, {p.name for p in found} | reporters)
    found += bracketed(index, sentence, orgs + units, {p.name for p in found} | reporters)
    found += titled(index, sentence, {p.name for p in found} | reporters, roles)
    return found, reporters


def named_starts(sentence: Sentence, orgs: list[Found], units: list[Found]) -> set[int]:
    """Where (in the sentence) the units and organisations found in it begin: no coordinated name begins there."""
    return {f.start - sentence.start for f in (*orgs, *units) if sentence.start <= f.start < sentence.end}


def titled(index: int, sentence: Sentence, known: set[str], roles: list[tuple[int, int]] | None = None) -> list[Found]:
    """刘某某书记, 王某主任: a name right before a bare leading title (the title follows, as in speech).
    ``roles`` is ``role_spans(sentence)`` when the caller has it."""
    text = sentence.text
    found = []
    titles = [(s, e) for s, e in (role_spans(sentence) if roles is None else roles)
              if text[s:e] in TITLES and not (e < len(text) and text[e] in NOT_AFTER_TITLE)]
    if not titles:
        return found  # (most sentences: no need to find their verbs)
    verb_ends, pos = set(), 0  # where a verb token ends: a name may begin there (感谢某某主任)
    for token in sentence.tokens:
        pos += len(token)
        if word_tags().get(token) in ("v", "vn", "p"):
            verb_ends.add(pos)
    for role_start, role_end in titles:
        role = text[role_start:role_end]
        for size in (3, 2):
            start = role_start - size
            if start < 0 or (start > 0 and is_cjk(text[start - 1]) and text[start - 1] not in PATTERNS.stop_chars
                             and start not in verb_ends):
                continue
            name = name_at(text[:role_start], start)
            if (name is None or start + len(name) != role_start or name in known or name[-1] in PLACE_ENDINGS
                    or name.endswith(COMMITTEE_SHORT)):
                continue
            found.append(Found(CLS, name, sentence.start + start, sentence.start + role_start, index, role=role,
                               rule="name+title"))
            known.add(name)
            break
    return found


TITLES = frozenset(PATTERNS["persons"]["titles"])
NOT_AFTER_TITLE = "处室们级"  # 书记处, 主任们: not a title after a name
PLACE_ENDINGS = "村镇乡区县市街省"
# 委员会 written short (居委会, 业委会, 牧委会): before a title it is the post's body, though 业 or 牧 is a surname
COMMITTEE_SHORT = "委会"


STATIONED_WORDS = tuple(PATTERNS["persons"]["stationed_words"])
ADVERB_TAGS = ("d", "m", "c", "p")  # 一起 is tagged as a numeral word
HONORIFICS = tuple(PATTERNS["persons"]["honorifics"])
# The heads of a residents' or villagers' committee (a gacha's is its 嘎查达): a party secretary who is one
# leads the community too.
COMMITTEE_HEADS = ("居委会主任", "村委会主任", "居民委员会主任", "村民委员会主任", "嘎查达")


def coordinated_leader(sentence: Sentence, role_start: int, holders: list[Found]) -> Found | None:
    """某某党支部书记、小区居民某某: a leading role coordinated before this one (with 、) says what
    the person leads. A residents' committee's director (…、居委会主任某某) leads the community of
    the organisation named before."""
    text = sentence.text
    mark = text.rfind("、", max(0, role_start - 6), role_start)  # a short modifier may stand between: 、小区居民, 、驻村工作队
    if mark < 0 or any(not is_cjk(ch) for ch in text[mark + 1 : role_start]):
        return None
    spans = [(s, e) for s, e in role_spans(sentence) if e == mark]
    own = text[mark + 1 :]
    for s, e in spans:
        absolute = sentence.start + s
        holder = next((o for o in holders if o.start <= absolute and o.end <= sentence.start + e
                       and o.end >= absolute), None)
        if holder is None:
            continue
        if own.startswith(COMMITTEE_HEADS):
            return holder.unit if holder.cls != "AdministrativeUnit" and holder.unit is not None else holder
        if is_leading(text[s:e]):
            return holder
    return None


def unit_of_level_title(role: str, at: int, units: list[Found]) -> Found | None:
    """镇党委书记某某、镇长某某: a head's title that begins with a level word (镇长, 村主任) leads the
    unit of that level named last before it in the sentence."""
    if not (is_leading(role) and len(role) <= 3 and role[0] in LEVEL_TITLE_CHARS):
        return None
    before = [u for u in units if u.end <= at and not u.implicit and u.name.endswith(role[0])]
    return max(before, key=lambda u: u.end) if before else None


LEVEL_TITLE_CHARS = "镇乡村县区市"


def two_posts(sentence: Sentence, role_start: int, name_end: int, led: Found | None,
              holders: list[Found]) -> tuple[Found, Found] | None:
    """The community and the committee of a secretary who also directs the residents' committee:
    社区党委书记、居委会主任某某 and 村党总支书记某某兼任村委会主任 name two posts of one person.
    (A deputy, 副书记、居委会主任, leads only the community: the caller's reading.)"""
    text = sentence.text
    mark = text.rfind("、", max(0, role_start - 8), role_start)
    committee = coordinated_before(sentence, mark, holders) if mark >= 0 and text.startswith(COMMITTEE_HEADS, mark + 1) else None
    after = text[name_end:].removeprefix("同志")
    if committee is None and led is not None and any(after.startswith(v) and after.startswith(COMMITTEE_HEADS, len(v))
                                                     for v in APPOINTMENT_VERBS):
        committee = led
    if committee is None or committee.cls == "AdministrativeUnit" or committee.unit is None:
        return None
    return committee.unit, committee


def coordinated_before(sentence: Sentence, mark: int, holders: list[Found]) -> Found | None:
    """The body of the leading role that ends at ``mark`` (社区党委书记、…)."""
    for s, e in role_spans(sentence):
        if e != mark or not is_leading(sentence.text[s:e]):
            continue
        absolute = sentence.start + s
        return next((o for o in holders if o.start <= absolute and o.end >= absolute and o.end <= sentence.start + e), None)
    return None


APPOINTMENT_VERBS = tuple(PATTERNS["persons"]["appointment_verbs"])


def bracketed(index: int, sentence: Sentence, holders: list[Found], known: set[str]) -> list[Found]:
    """王某某(某社区党委书记)表示: a name, then its role in brackets."""
    text = sentence.text
    found = []
    for match in BRACKETED_ROLE.finditer(text):
        inner_start, inner_end = match.start() + 1, match.end() - 1
        roles = [m for m in PATTERNS.role_re.finditer(text, inner_start, inner_end) if m.end() == inner_end]
        if not roles or roles[0].group() in PATTERNS["persons"]["reporter_roles"]:
            continue
        for size in (4, 3, 2):
            start = match.start() - size
            if start < 0 or (start > 0 and is_cjk(text[start - 1]) and text[start - 1] not in PATTERNS.stop_chars):
                continue
            name = name_at(text[: match.start()], start)
            if name is None or start + len(name) != match.start():
                name = celled_name(text, start, match.start())
            if name is None or start + len(name) != match.start() or name in known:
                continue
            # of two posts (村党支部书记、村委会主任), the first leading one names the body the person leads
            role = next((m for m in PATTERNS.role_re.finditer(text, inner_start, inner_end) if is_leading(m.group())
                         and text[m.end() : m.end() + 1] in ("、", text[inner_end])), roles[0])
            person = Found(CLS, name, sentence.start + start, sentence.start + match.start(), index,
                           role=text[inner_start:inner_end], rule="name+bracketed role")
            if is_leading(role.group()):
                person.org = next((o for o in holders if sentence.start + inner_start <= o.start
                                   and o.end <= sentence.start + role.end() and o.end >= sentence.start + role.start()), None)
            found.append(person)
            known.add(name)
            break
    return found


def celled_name(text: str, start: int, end: int) -> str | None:
    """A table's cell that holds only a name before the bracketed post (…|多杰扎西(项目经理)|…): the cell's
    characters, whatever names they are (a Tibetan or Mongolian name has no surname to be found by)."""
    if text[start - 1 : start] not in CELL_SEPARATORS or CELL_SEPARATORS[0] not in text:
        return None
    name = text[start:end]
    return name if all(map(is_cjk, name)) else None


CELL_SEPARATORS = ("|", "｜")
BRACKETED_ROLE = re.compile(r"[（(][^（）()]{2,24}[)）]")


def appointed(index: int, sentence: Sentence, orgs: list[Found], units: list[Found], earlier: list[Found]) -> list[Found]:
    """某某担任某村党组织“第一书记”: a name at a clause start before an appointment verb, then the role.
    A person of ``earlier`` (found by a role before the name: 由村民某某担任会长) takes the post it leads."""
    text = sentence.text
    found = []
    if not any(verb in text for verb in APPOINTMENT_VERBS + SHORT_APPOINTMENT_VERBS):
        return found  # (most sentences)
    known = {p.name for p in earlier}
    ending_at = {p.end: p for p in earlier if p.org is None}
    for verb in APPOINTMENT_VERBS + SHORT_APPOINTMENT_VERBS:
        at = text.find(verb)
        while at > 0:
            clause = clause_start(text, at, ",，;；:：。")
            name = name_at(text, clause)
            by = text.find(BY, clause, at)  # 由(旅居海外的侨领)某某担任会长: the name right before the verb
            if by >= 0 and (name is None or clause + len(name) != at):
                name, clause = next(((n, at - size) for size in (3, 2) if at - size > by
                                     and (n := name_at(text, at - size)) is not None and len(n) == size), (None, clause))
                if (framed := transliterated_after_role(sentence, by, at)) is not None and (name is None or len(framed) > len(name)):
                    name, clause = framed, at - len(framed)  # (学生|某某某某|担任: the frame holds the whole name, not its end)
            if name is not None and clause + len(name) == at and (name not in known or sentence.start + at in ending_at):
                rest = text[at + len(verb) : at + len(verb) + 30]
                role = next(((m.start(), m.end()) for m in PATTERNS.role_re.finditer(rest)), None)
                body = GENERIC_POST_BODY.match(rest) if verb in SHORT_APPOINTMENT_VERBS else None
                if body is not None and body.end() and rest.startswith(MEMBER_POSTS, body.end()):
                    member = next(w for w in MEMBER_POSTS if rest.startswith(w, body.end()))
                    role = (body.end(), body.end() + len(member))  # 某某任村党支部委员: a member's seat
                if verb in SHORT_APPOINTMENT_VERBS and role is not None and role[0] != 0 \
                        and not GENERIC_POST_BODY.fullmatch(rest, 0, role[0]):
                    role = None  # 某某任队长: the one character is the verb only with the role right after it (or
                    # a body the passage names by its kind alone: 某某任村党支部书记, 某某任村委会委员)
                if role is None and by >= 0 and (post := post_before(sentence, by)) is not None and name not in known:
                    # 支部书记由骑手某某担任, 站长由退役老兵某某担任: the post stands before 由, its body before it
                    post_start, post_end = post
                    person = appointed_person(sentence, index, name, clause, text[post_start:post_end])
                    if is_leading(text[post_start:post_end]):
                        person.org = max((o for o in orgs if o.end <= sentence.start + post_end and o.end > sentence.start),
                                         key=lambda o: o.end, default=None)
                    found.append(person)
                    known.add(name)
                elif role is not None and not is_leading(rest[role[0] : role[1]]) and verb in SHORT_APPOINTMENT_VERBS \
                        and role[0] > 0 and name not in known:
                    # 某某任村党支部副书记, 某某任村委会委员: a post that leads nothing, held by a person all the same
                    found.append(appointed_person(sentence, index, name, clause, rest[: role[1]]))
                    known.add(name)
                elif role is not None and is_leading(rest[role[0] : role[1]]):
                    base = sentence.start + at + len(verb)
                    # (an organisation named with the role's own kind word, 某村党支部 + 书记, before its unit)
                    holder = next((o for o in orgs if base <= o.start and o.end <= base + role[1] - 1), None) \
                        or next((o for o in orgs + units if base <= o.start and o.end <= base + role[0] + 1), None)
                    if holder is None and by >= 0 and role[0] == 0:  # 成立某某会,由某某担任会长: the body just named
                        holder = max((o for o in orgs if o.end <= sentence.start + by), key=lambda o: o.end, default=None)
                    person = ending_at.pop(sentence.start + at, None)
                    if person is None:
                        person = appointed_person(sentence, index, name, clause, rest[: role[1]].strip("“”"))
                        found.append(person)
                        known.add(name)
                    person.org = holder
            at = text.find(verb, at + 1)
    return found


def appointed_person(sentence: Sentence, index: int, name: str, at: int, role: str) -> Found:
    """The person ``name``, written at ``at`` in ``sentence`` before an appointment verb, in the post ``role``."""
    start = sentence.start + at
    return Found(CLS, name, start, start + len(name), index, role=role, rule="name+appointment")


BY = "由"


def post_before(sentence: Sentence, by: int) -> tuple[int, int] | None:
    """The post (a role word) that ends right before 由 at ``by`` (书记由某某担任), if one does."""
    return next(((s, e) for s, e in role_spans(sentence) if e == by), None)
MEMBER_POSTS = ("委员",)  # a seat on a committee, which leads nothing
# A body named by its kind alone after the bare level word (村党支部, 社区居委会, 村务监督委员会, 村妇联), between
# 任 and the post it holds there.
GENERIC_POST_BODY = re.compile("(?:村|社区|居|镇|乡|街道)(?:" + "|".join(sorted(
    PATTERNS["persons"]["generic_post_bodies"], key=len, reverse=True)) + ")?")
# 某某任队长, written with one character: a name at a clause's start, the character, then the role at once.
SHORT_APPOINTMENT_VERBS = ("任",)


def transliterated_after_role(sentence: Sentence, by: int, at: int) -> str | None:
    """由护林员某某某担任组长: three or four characters of the transliteration guides' usage framed by a
    role word and the verb of the post, though no Han surname begins them (a Mongolian or Uyghur name
    shorter than ``long_name`` reads). The frame bounds the name on both sides, so no verb after it is needed."""
    text = sentence.text
    for size in FRAMED_SIZES:
        start = at - size
        if start <= by or not all(ch in TRANSLITERATION_CHARS for ch in text[start:at]):
            continue
        if any(e == start for _, e in role_spans(sentence)) and not any(map(is_other_word, tokenize(text[start:at]))):
            return text[start:at]
    return None


FRAMED_SIZES = (4, 3)


def dispatched(index: int, sentence: Sentence, holders: list[Found], known: set[str]) -> list[Found]:
    """某某被选派到某村任书记, 某某被某部派驻某村担任某职: a name at a clause's start, sent to a
    place (被, the sender perhaps, and a verb of sending), then the post it holds there, which leads the place."""
    text = sentence.text
    found = []
    for match in DISPATCH.finditer(text):
        clause = clause_start(text, match.start(), CLAUSE_MARKS)
        name = name_at(text, clause)
        if name is None or clause + len(name) != match.start() or name in known:
            continue
        role = PATTERNS.role_re.match(text, match.end("post"))
        if role is None:
            continue
        place = sentence.start + match.end("sent")
        person = Found(CLS, name, sentence.start + clause, sentence.start + match.start(), index, role=role.group(),
                       rule="name+dispatch")
        held = next((h for h in holders if place <= h.start and h.end == sentence.start + match.start("verb")), None)
        if held is not None:
            person.role = held.name + person.role  # (as 派驻某村的某职 reads: the place's post)
            person.org = held if is_leading(role.group()) else None
        found.append(person)
        known.add(name)
    return found


DISPATCH = re.compile(f"被[^,，;；:：。]{{0,10}}?(?:{'|'.join(PATTERNS['persons']['sending_verbs'])})(?P<sent>)[^,，;；:：。]{{2,16}}?"
                      f"(?P<verb>{'|'.join(PATTERNS['persons']['post_verbs'])})(?P<post>)")


COORDINATORS = PATTERNS.coordinators


def in_apposition(index: int, sentence: Sentence, holders: list[Found], known: set[str]) -> list[Found]:
    """The name and the post in either order, joined by a copula or a comma: 某某是某社区党委书记,
    某某,某村党支部书记, 某社区党委书记为某某. The post is an organisation or unit of the
    article right before a leading role; the name stands at a clause's start or end."""
    text = sentence.text
    found = []
    spans = None
    for holder in holders:
        rel = holder.end - sentence.start
        role = PATTERNS.role_re.match(text, rel)
        role_end = role.end() if role is not None else None
        if role is None and holder.cls == "Partner" and text[rel : rel + 1] == "的":
            spans = dict(role_spans(sentence)) if spans is None else spans  # 某某是某某服务队的队长: a body's head
            role_end = spans.get(rel + 1)
        if role_end is None or not is_leading(text[rel:role_end].lstrip("的")):
            continue
        start = holder.start - sentence.start
        joiner = next((j for j in APPOSITION_JOINERS if text.endswith(j, 0, start)), None)
        left = start - len(joiner) if joiner is not None else start
        clause = clause_start(text, left, CLAUSE_MARKS)
        name = name_at(text, clause) if joiner is not None else None
        if name is not None and clause + len(name) != left:
            name = None  # 某某是 / 某某, right before the post
        if name is None and text.startswith(POST_JOINERS, role_end):
            after = role_end + 1
            name = name_at(text, after)
            if name is not None and not (after + len(name) == len(text) or text[after + len(name)] in CLAUSE_MARKS):
                name = None  # 某社区党委书记为某某。: the name closes the clause
            at = after
        else:
            at = clause
        if name is None or name in known:
            continue
        person = Found(CLS, name, sentence.start + at, sentence.start + at + len(name), index,
                       role=text[start:role_end], rule="name+post")
        person.org = holder
        found.append(person)
        known.add(name)
    return found


def listed(index: int, sentence: Sentence, holders: list[Found], known: set[str]) -> list[Found]:
    """A line of a list of people (a roll of honour, a notice, a table): the name, a space, and the
    post, which ends the line (某某　某街道某社区党委书记、居委会主任). The post's body is the organisation
    or unit right before its leading role; of two posts joined by 、, the second may be the residents'
    committee's head (``two_posts``)."""
    text = sentence.text.rstrip()
    name = name_at(text, 0) if text[:5].find(" ") > 1 else None
    if name is None or name in known or text[len(name) : len(name) + 1] != " ":
        return []
    post_start = len(name) + 1
    while text[post_start : post_start + 1] == " ":
        post_start += 1
    if any(mark in text[post_start:] for mark in CLAUSE_MARKS) or " " in text[post_start:]:
        return []  # a sentence, or a row of several cells: not one post
    last = next(((s, e) for s, e in reversed(role_spans(sentence)) if e == len(text) and s > post_start), None)
    if last is None or text[last[0] : last[1]] in PATTERNS["persons"]["reporter_roles"]:
        return []
    role_start, role_end = last
    person = Found(CLS, name, sentence.start, sentence.start + len(name), index, role=text[post_start:], rule="name+post")
    if is_leading(text[role_start:role_end]):
        absolute = sentence.start + role_start
        # the body ends where the role begins, or inside it (党支部书记: the branch's own word begins the role)
        person.org = next((h for h in holders if h.start >= sentence.start + post_start and absolute <= h.end
                           <= sentence.start + role_end), None)
        if (posts := two_posts(sentence, role_start, role_end, None, holders)) is not None:
            person.org, person.also_leads = posts
    known.add(name)
    return [person]


def family_row(index: int, sentence: Sentence, holders: list[Found], known: set[str]) -> list[Found]:
    """A row of a list of families (a 公示 of 最美家庭: its number, 某某家庭, where it lives, what it did): the
    family is named by its head, a person. A leading post that opens the row's last cell and ends a clause
    (某村党支部书记，家风清正; “某某”志愿服务队队长，…) is that person's, and its body the one written before it."""
    text = sentence.text.rstrip()
    row = FAMILY_ROW.match(text)
    if row is None:
        return []
    name = name_at(text, row.start(1))
    if name is None or name in known or not text.startswith(FAMILY_WORD, row.start(1) + len(name)):
        return []
    start = sentence.start + row.start(1)
    person = Found(CLS, name, start, start + len(name), index, rule="family row")
    cell = text.rfind(" ") + 1
    role = next(((s, e) for s, e in role_spans(sentence) if s >= cell and text[e : e + 1] in CLAUSE_MARKS + "、"), None)
    if role is not None and is_leading(text[role[0] : role[1]]):
        person.role = text[cell : role[1]]
        # (the body whose name ends before the post's head: 某村党支部 of 某村|党支部书记, whose post word begins with
        # the body's kind; 某某服务队 of 某某服务队|队长)
        person.org = max((h for h in holders if h.start >= sentence.start + cell and h.end < sentence.start + role[1]),
                         key=lambda h: (h.end, h.cls == "PartyOrganization"), default=None)
    return [person]


FAMILY_WORD = "家庭"
FAMILY_ROW = re.compile(r"^\s*\d{1,3}[.、]?\s+(\S{2,4}?)家庭\s")


def captioned(sentences, posts_of, known: set[str]) -> list[Found]:
    """A caption line that is only a post (某街道办公室副主任), then a line that opens with a name and a
    colon (某某:……): an interview's speaker and the post the caption gives. ``posts_of(i)``: the
    organisations, units and bodies of sentence ``i`` (asked only where a name and a colon follow)."""
    found = []
    for i in range(len(sentences) - 1):
        line, after = sentences[i], sentences[i + 1].text
        if not any(colon in after[2:5] for colon in CAPTION_COLONS):
            continue  # (most lines: no name and colon at the start of the next)
        text = line.text.rstrip()
        post = next(((h, text[h.end - line.start :]) for h in posts_of(i) if h.start == line.start
                     and PATTERNS.role_re.fullmatch(text, h.end - line.start)), None)
        name = name_at(after, 0) if post is not None else None
        if name is None or name in known or not after.startswith(CAPTION_COLONS, len(name)):
            continue
        person = Found(CLS, name, sentences[i + 1].start, sentences[i + 1].start + len(name), i + 1, role=text,
                       rule="caption+name")
        if is_leading(post[1]):
            person.org = post[0]
        found.append(person)
        known.add(name)
    return found


CAPTION_COLONS = (":", "：")
CLAUSE_MARKS = ",，;；:：。!！?？"
APPOSITION_JOINERS = tuple(PATTERNS["persons"]["apposition_joiners"])
POST_JOINERS = tuple(PATTERNS["persons"]["post_joiners"])
