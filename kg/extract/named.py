"""Programs, facilities and partners named by their ending, named events and publications.

The suffix rules run after the quoted names (``quotes``), whose spans are
claimed, so they do not find a second, shorter name inside a quote.
"""
from __future__ import annotations

import re

from kg.extract.found import Found
from kg.extract.partners import (CONTINUED, GOVERNMENT, GOVERNMENT_STEM_TAGS, WHOLE_NAMES, body_of_level,
                                 branch_stem_start, is_branch, is_byline, is_partnering, partner_kind, with_level_word,
                                 with_ordinal, with_parent_body, written_chain_start)
from kg.extract.patterns import PATTERNS
from kg.extract.quotes import program_kind
from kg.extract.registered import brand_start, conjunction_inside_start, is_legal_form, is_social_work_form, registered_start, SOCIAL_WORK_FORMS
from kg.extract.persons import name_at
from kg.extract.roles import LEADING, after_post_verb, is_leading, role_spans
from kg.extract.segment import tokenize, word_tags
from kg.extract.standard import CLASS_WORDS, level_facility
from kg.extract.text import (FOUNDING_VERBS, TRADE_ENDINGS, Tokens, TokenSpan, clause_start, clean_name, ends_with_founding_verb, is_cjk,
                             is_people_word, previous_token, splits_a_word, stem_pieces, stem_start, stem_tokens,
                             VERB_TAGS, is_place_word, verbs_of)
from kg.model import Sentence


# ---------------------------------------------------------------- suffixes
def before_a_fused_title(tokens: Tokens, start: int, end: int) -> bool:
    """某某医院|院长 written as one token (医院院长, jieba's): a body's ending and its head's title fused, the
    token beginning with the ending and holding nothing but the title after it."""
    host = tokens.containing(end)
    return host is not None and host.start == start and host.text[end - start :] in FUSED_TITLES


FUSED_TITLES = frozenset(PATTERNS["persons"]["titles"])


def find_by_suffix(
    index: int,
    sentence: Sentence,
    tokens: Tokens,
    taken: list[Found],
    units: list[Found],
    quoted: list[tuple[int, int]],
) -> list[Found]:
    """Facilities, partners and programs named by their ending (同心体育馆, 常德职业技术学院, 雷锋哨平台)."""
    found: list[Found] = []
    token_ends = tokens.ends
    unit_ends = {u.end: u for u in units if not u.implicit}
    locative_ends = {u.end for u in units if is_locative(sentence, u)}
    titles = [(sentence.start + m.start(), sentence.start + m.end()) for m in PATTERNS.book_re.finditer(sentence.text)]
    for cls, section, regex in (
        ("Partner", "partners", PATTERNS.partner_suffix_re),
        ("Facility", "facilities", PATTERNS.facility_suffix_re),
        ("Program", "programs", PATTERNS.program_suffix_re),
    ):
        for match in regex.finditer(sentence.text):
            s, e = sentence.start + match.start(), sentence.start + match.end()
            if e not in token_ends and not (cls == "Partner" and before_a_fused_title(tokens, s, e)):
                continue
            if any(f.overlaps(s, e) for f in taken + found if f.cls != "AdministrativeUnit"):
                continue
            if splits_a_word(tokens, e):
                continue  # 服务社|区: 服务|社区, no body ending in 社
            if cls == "Program" and any(qs <= s < qe for qs, qe in quoted):
                continue  # a program suffix inside a quote belongs to the quote's own reading
            if cls == "Program" and sentence.text.startswith(PROGRAM_POST_FOLLOWERS, match.end()):
                continue  # 某某建筑项目经理, 项目部: the firm's job and its post or office, no program
            if cls != "Program" and any(qs < s < qe for qs, qe in quoted):
                continue  # inside a quoted name (“某某物业”): the quote's own reading names it
            if cls == "Facility" and sentence.text.endswith(SOCIAL_WORK_FORMS, 0, e - sentence.start):
                continue  # (某某)社会工作服务中心: a social-work organisation's form, no place even when its name is missed
            if cls != "Partner" and any(bs < s < be for bs, be in titles):
                continue  # 《某某讲堂》, 《某某工程实施方案》: a title names a column or a document, not a place
            if cls == "Partner" and any(bs < s < be and e != be - 1 for bs, be in titles):
                continue  # 《某省物业管理条例》: a body's word inside a title that goes on names a document; only a
                # title that ends with it (《某某日报》) is the body's own name
            host = tokens.containing(s)
            suffix = match.group()
            if cls == "Partner" and host is not None and host.end == e and host.text in GROUP_WORDS \
                    and tokens.starting_before(host.start) and previous_token(tokens, host.start) not in PATTERNS.stop_chars:
                s, suffix = host.start, host.text  # 党员先锋|车队: a group's word after a stem ends the team's name
            elif len(suffix) == 1 and host is not None and ends_a_word(host.text):
                continue  # a one-character suffix that ends a two-character word (格局, 新格局, 乐队) makes no name
            if cls == "Partner" and (longer := regex.match(sentence.text, match.end())) \
                    and s - match.start() + longer.end() in token_ends:
                continue  # 某某物业服务处: the longer ending that follows names the body (not 某某局|局长: a title)
            if cls == "Partner" and (place := PATTERNS.facility_suffix_re.match(sentence.text, match.end())) \
                    and not place.group().endswith("中心"):
                continue  # 某某快递驿站, 某某物业服务站: a place named after the trade it serves
            if cls == "Facility" and (place := PATTERNS.facility_suffix_re.match(sentence.text, match.end())) \
                    and e + len(place.group()) in token_ends and not (
                        suffix in STANDARD_FACILITIES and place.group().endswith(ROOM_ENDINGS)):
                continue  # 某某产业园|党群服务中心: the place within a place, named after it (found at its own ending);
                # but 社区党群服务中心|议事厅 is the centre and a room of it, the centre found here
            if cls == "Partner" and suffix in ROOM_LIKE_ENDINGS and ends_a_room(sentence.text, e - sentence.start, suffix):
                continue  # 某某法律服务工作室: a longer ending of a place's ends here, the room where a service is given
            if cls == "Partner" and (more := CONTINUED.match(sentence.text, match.end())) \
                    and e + len(more.group()) in token_ends:  # (某局联合|社区: 联合 begins a word of its own)
                e, suffix = e + len(more.group()), suffix + more.group()  # 某某物业 + 服务有限公司: one company
            if cls == "Partner" and sentence.text.endswith(PATTERNS.meeting_endings, 0, e - sentence.start):
                continue  # 议事协商会, 恳谈会: a meeting held, though its word ends in a body's (商会)
            if cls == "Partner" and sentence.text.endswith(BANKS_OF_DEEDS, 0, e - sentence.start):
                continue  # 时间银行, 爱心银行: a way of working, though its word ends in a body's (银行)
            if cls == "Partner" and is_byline(sentence.text, e - sentence.start):
                continue  # 某某晚报记者, 某某网讯: the outlet reporting, not a partner
            if cls == "Partner" and suffix in TRADE_ENDINGS and is_thing_of_trade(tokens, e):
                continue  # 智能快递|柜, 物业|费: a thing of the trade, not the firm
            entity = name_by_suffix(cls, section, index, sentence, tokens, s, e, suffix, unit_ends, found + taken)
            if entity is not None and len(suffix) == 1 and host is not None and entity.name == host.text \
                    and host.text in word_tags() and (suffix in KIND_WORD_ENDINGS
                                                      or COUNTED_BEFORE.search(sentence.text, 0, host.start - sentence.start)):
                continue  # 4个小分队; 医院的医疗队, 村里的秧歌队: one dictionary word for a kind of group names no group
            if (entity is not None and cls == "Facility"
                    and is_locative_stem(sentence.text[entity.start - sentence.start : s - sentence.start])):
                continue  # 隔壁|活动室, 楼下|阅览室: where the room is from here, not its name
            if entity is not None and cls == "Partner" \
                    and sentence.text[entity.start - sentence.start : s - sentence.start] in RELATIVE_PLACES:
                continue  # 隔壁|公司: which firm, by where it is from here (城北|派出所 is a station's name)
            if entity is not None and cls == "Facility" and COUNTED_BEFORE.search(sentence.text, 0, entity.start - sentence.start):
                continue  # 又建成4个健身广场: places of a kind, counted, not one named place
            if entity is not None and cls == "Facility" and WHOLE_UNIT_BEFORE.search(sentence.text, 0, entity.start - sentence.start):
                continue  # 纳入全区户外劳动者服务站点: the unit's places of a kind together, not one named place
            if entity is not None and cls == "Partner" and is_branch(suffix, entity.name):
                entity = with_parent_body(entity, found, sentence)
                if entity.rule != "body+branch" and suffix in OFFICES_OF_A_BODY:
                    continue  # 一家快递配送站: a firm's station or counter is a partner only named with its firm
            if entity is not None and cls == "Partner" and (team := STATIONED_TEAM.match(sentence.text, entity.end - sentence.start)):
                # 某市某局驻某村帮扶工作队: the team a body stations in a village, named with both (its head leads it)
                entity = Found(cls, entity.name + team.group(), entity.start, entity.end + len(team.group()), index,
                               kind=entity.kind, rule=entity.rule)
            if (entity is not None and entity.unit is not None and entity.unit.end in locative_ends and entity.aliases
                    and entity.rule != "unit+purpose"):  # (某社区文化广场 without its unit is no name)
                entity.name = min(entity.aliases)  # the unit only says where: keep the name without it
                entity.aliases.clear()
                entity.start = entity.unit.end
            if entity is not None:
                found.append(entity)
    return found


PARTNER_ENDINGS = tuple(PATTERNS["partners"]["suffixes"])
# 驻 + a village or community + a work team (驻某村工作队, 驻某村帮扶工作队, 驻某社区乡村振兴工作队) after a body
STATIONED_TEAM = re.compile("驻[\u4e00-\u9fff]{1,8}?(?:村|社区|嘎查)(?:帮扶|乡村振兴|驻村)?工作队")
COUNTED_BEFORE = re.compile(PATTERNS["partners"]["counted_before"])
OFFICES_OF_A_BODY = frozenset(PATTERNS["partners"]["offices_of_a_body"])
BANKS_OF_DEEDS = tuple(h for h in PATTERNS["quotes"]["program_heads"] if h.endswith("银行"))
PROGRAM_POST_FOLLOWERS = tuple(PATTERNS["programs"]["post_followers"])
QUARTER = re.compile("^第?[一二三四1-4]季度$")  # (第一季度|物业服务测评: a time, which jieba's dictionary lacks as a word)
WHOLE_UNIT_BEFORE = re.compile(PATTERNS["facilities"]["whole_unit_before"])
TRADE_KIND_HEADS = tuple(PATTERNS["partners"]["trade_kind_nouns"])
GROUP_WORDS = frozenset(PATTERNS["partners"]["group_words"])
KIND_WORD_ENDINGS = frozenset(PATTERNS["partners"]["kind_word_endings"])
PUBLIC_VENUES = frozenset(PATTERNS["partners"]["public_venues"])
COUNTY_AND_ABOVE = ("district", "city", "province")
RESIDENTS_SCHOOL_ENDINGS = tuple(PATTERNS["facilities"]["residents_school"]["endings"])
RESIDENTS_SCHOOL_STEMS = tuple(PATTERNS["facilities"]["residents_school"]["stems"])
RESIDENTS_SCHOOL_UNITS = ("community", "village")
TIME_TAGS = ("t", "tg")  # 过去, 如今, 以前: words of time
FLOOR = re.compile("(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2}|顶|底)[楼层]")  # a building's floor


def is_locative_stem(stem: str) -> bool:
    """One word of place or direction relative to here (隔壁, 楼下, 旁边: jieba's s and f), the whole of a stem
    before a room's or a place's word: a description of where, which names nothing. A compass word (东方, 南部)
    may be a name's stem, as 东方红 is."""
    return (len(stem) >= 2 and tokenize(stem) == (stem,) and word_tags().get(stem) in LOCATIVE_TAGS
            and stem[0] not in COMPASS)


LOCATIVE_TAGS = ("s", "f")
RELATIVE_PLACES = frozenset(PATTERNS["partners"]["relative_places"])
COMPASS = "东南西北中"


def is_thing_of_trade(tokens: Tokens, end: int) -> bool:
    """Whether a one-character noun token follows the trade's word (快递|柜, 物业|费): no function character;
    or a noun for the trade's firms or people (物流|企业, 快递|小哥), alone or as the head of a longer word
    (快递|行业协会: the association of the trade, named by its longer ending)."""
    i = tokens.starting_before(end)
    following = tokens[i].text if i < len(tokens) and tokens[i].start == end else ""
    return len(following) == 1 and is_cjk(following) and following not in PATTERNS.stop_chars \
        and word_tags().get(following, "n").startswith("n") or following.startswith(TRADE_KIND_HEADS)
DOUBLED_SIZE_WORDS = frozenset(ch * 2 for ch in PATTERNS["units"]["size_words"])
CONJUNCTIONS = frozenset(s for s in PATTERNS["lists"]["separators"] if len(s) == 1 and s != "、")


def others_ends(others: list[Found]) -> set[int]:
    return {f.end for f in others if f.cls != "AdministrativeUnit"}


def is_locative(sentence: Sentence, unit: Found) -> bool:
    """位于某某社区某某公园旁: the unit says where the name is, it is not part of the name."""
    return sentence.text[: unit.start - sentence.start].endswith(LOCATIVES)


LOCATIVES = tuple(PATTERNS["facilities"]["locatives"])


def name_by_suffix(cls, section, index, sentence, tokens, s, e, suffix, unit_ends, others) -> Found | None:
    table = PATTERNS[section]
    barriers = frozenset(unit_ends) | {f.end for f in others}
    kind = partner_kind(suffix) if cls == "Partner" else None
    longest = table["max_media_stem"] if kind == "media" else table.get("max_stem", 6)
    # (a team is named for its task too: 油茶|管护|先锋队, 茶园|巡护|志愿队; not inside a word: 老|游击队)
    task_team = kind == TEAM and tokens.containing(s) is None
    passing = GOVERNMENT_STEM_TAGS if kind == GOVERNMENT or task_team or suffix in CAUSE_ENDINGS else frozenset()
    start = stem_start(tokens, s, longest, barriers, passing)
    if task_team and all(word_tags().get(p) in passing for p in stem_tokens(tokens, start, s)):
        start = stem_start(tokens, s, longest, barriers)  # (工作|队: a task alone, no object of it, names no team)
    if cls == "Partner" and (kind in INSTITUTION_KINDS or suffix.endswith(HOSPITAL)):
        start = after_unit_name_word(tokens, start, unit_ends)  # 某区|启明|特殊教育学校: a school's own name
    if sentence.text[start - sentence.start] in CONJUNCTIONS and start + 1 < s and start in others_ends(others):
        start += 1  # 某银行和顺丰某公司: jieba joined the 和 between two names to the second's word (和顺|丰)
    if cls == "Partner" and kind in ("company", "social organisation"):
        # 县供销合作社, 某县供电公司: after a place, a verbal noun says what a firm does. (An alliance so
        # named, 某街道某某联盟, is more often the unit's own platform than a body: not here.)
        wider = stem_start(tokens, s, longest, barriers, GOVERNMENT_STEM_TAGS)
        trade = tokens[tokens.starting_before(s) - 1] if start == s and tokens.starting_before(s) else None
        if trade is not None and trade.end == s and trade.text in TRADE_WORDS:
            wider = stem_start(tokens, trade.start, longest - len(trade.text), barriers, GOVERNMENT_STEM_TAGS)  # 某某种植合作社
        if wider < start and (wider in unit_ends or with_level_word(tokens, wider, "")[0] < wider
                              or trade is not None and names_a_product(tokens, wider, trade.start)):
            start = wider  # (after a place, a level word, or the product of the trade: 茶叶|加工|合作社)
    if cls == "Partner" and start == s and suffix.endswith(ACTIVITY_ENDINGS):
        start = activity_start(tokens, s, longest, barriers, unit_ends)  # 某区|垂钓|协会: the pastime's verb
    if cls == "Partner" and is_legal_form(suffix):
        start = registered_start(tokens, s, start, barriers)  # 某省某某律师事务所: from the place it is registered in
    if cls == "Partner":
        start = conjunction_inside_start(tokens, s, start, barriers)  # 某地崇和医院: 和 inside the name
    if cls == "Partner" and is_social_work_form(suffix):
        start = brand_start(tokens, s, start, barriers)  # 某市瑞|和社会工作服务中心: the brand, whatever its characters
    if cls == "Partner":
        start = with_ordinal(tokens, start, s, longest, barriers)
        first = tokens[tokens.starting_before(start)] if start < s else None
        if first is not None and first.start == start and first.end < s and first.text.endswith(PARTNER_ENDINGS) \
                and not (first.text in TRADE_ENDINGS and (is_thing_of_trade(tokens, first.end)
                                                          or next_word(tokens, first.end) in TRADE_ENDINGS)):
            start = first.end  # 某供电公司城东供电所 where the company went unnamed: 公司 ends a name, it begins none
            # (but 快递|行业协会: the trade's word qualifying the kind of its firms begins the association's name,
            # as does 物流|快递协会: two trades, the association of both)
    if cls == "Partner":  # 书记某某任|合作社理事长: the body begins after the verb of holding a post
        start = after_post_verb(tokens, start, s)
    if cls == "Partner" and (named := after_named_holder(sentence, start, s)) is not None:
        # 某公司董事长某某常带|商会…: a post and its holder's name are no part of a body's name; what follows
        # them is the holder's deed (an adverb, a verb), or a name of its own
        if named == s or word_tags().get(next_word(tokens, named), "")[:1] in DEED_TAGS:
            return None
        start = named
    if cls == "Partner":
        start = branch_stem_start(tokens, start, s, suffix, others)
    stem = sentence.text[start - sentence.start : s - sentence.start]
    if cls == "Program" and suffix.endswith("岗") and is_people_word(stem):
        return Found(cls, stem + suffix, start, e, index, kind="project", rule="suffix")  # 党员先锋岗: whose posts
    if cls == "Partner" and suffix == COMMITTEE and stem.endswith(OWN_COMMITTEE_STEMS):
        return None  # 某社区居民委员会: the community's own committee, no partner
    if cls == "Facility" and any(f.cls == "Partner" and f.end == start and is_legal_form(f.name) for f in others):
        return None  # 某某物流有限公司|河西站点: the firm's own office, named after the firm, no place of the unit's
    if cls == "Facility" and (floor := FLOOR.match(stem)):
        start, stem = start + floor.end(), stem[floor.end():]  # 二楼|活动室, 三层|多功能厅: where it is, not its name
        if not stem:
            return None  # a room named by its kind alone, in passing
    if cls == "Facility" and (built := after_founding_verb(tokens, start, s)) > start:
        start, stem = built, stem[built - start:]  # (镇里)新建|冷库8座, 新建|果蔬冷库: building it names nothing
        if not stem:
            return None
    if cls == "Facility" and stem.startswith(OWNER_WORDS) and len(stem) - len(owner := owner_word(stem)) >= 2:
        start, stem = start + len(owner), stem[len(owner):]  # (村)集体|茶叶加工厂: who owns it is no part of its name
    unit = unit_ends.get(start)
    taught = whom_a_school_teaches(stem + suffix) if cls == "Partner" else None
    if taught is not None and unit is not None and unit.kind in RESIDENTS_SCHOOL_UNITS:
        cls, kind = "Facility", None  # 某社区学校, 某村老年大学: the community's own school for its residents, a place
        # (a district's 某区老年大学 is an institution, a body)
    elif taught and unit is None:
        return None  # 各社区家长学校, 办好老年大学: the kind of school, no one school's name
    if cls == "Facility" and unit is None and (suffix in STANDARD_FACILITIES or len(stem) == 2 and stem in table["generic_stems"]) \
            and 0 < len(stem) <= 2 and sentence.text[start - sentence.start - 1 : start - sentence.start] == "的" \
            and (owner := unit_ends.get(start - 1)) is not None and owner.kind in ("community", "compound"):
        # 某社区的|长者|日间照料中心: the centre every community has, the community's own, named with it (as 某社区长者
        # 日间照料中心 is), and so is a place named by a word of its kind (某村的|文化|广场; not 社区的小广场, a size); a
        # place with a name of its own after 的 (某社区的宝月口袋公园) keeps it
        full = Found(cls, owner.name + stem + suffix, owner.start, e, index, unit=owner, kind=kind, rule="unit+suffix",
                     written_apart=True)  # (the 的 between is no part of any form of the name)
        full.aliases.add(stem + suffix)
        return full
    if not stem and (kind == GOVERNMENT or suffix in WHOLE_NAMES) and len(suffix) >= 2 and unit is None:
        return body_of_level(index, sentence, tokens, s, e, suffix, kind)
    if not stem and cls == "Facility" and suffix in PUBLIC_VENUES and unit is None:
        return body_of_level(index, sentence, tokens, s, e, suffix, None)  # 县文化馆: the county's institution
    if cls == "Facility" and (not stem or is_generic(stem, stem_tokens(tokens, start, s), table)
                              or word_tags().get(previous_token(tokens, start)) in GOVERNMENT_STEM_TAGS):
        # (某村|应急|物资储备室: a verbal noun of its purpose stopped the walk; the unit before it names it)
        own = named_for_purpose(index, sentence, tokens, s, e, suffix, unit_ends, barriers, longest)
        if own is not None:
            return own
    if not stem:
        if cls == "Facility" and unit is None:
            return coordinated_facility(index, sentence, s, e, others) or level_facility(index, sentence, tokens, s, e, suffix)
        if unit is None or cls == "Program":
            return None
        if cls == "Facility" and unit.kind in COUNTY_AND_ABOVE and suffix in PUBLIC_VENUES:
            begin = written_chain_start(unit, unit_ends)  # 某市某区图书馆: the district's institution, a body
            return Found("Partner", sentence.text[begin - sentence.start : e - sentence.start], begin, e, index,
                         unit=unit, rule="unit+suffix")
        begin = written_chain_start(unit, unit_ends) if cls == "Partner" else unit.start  # (某市某区人民医院)
        whole = Found(cls, sentence.text[begin - sentence.start : e - sentence.start], begin, e, index, unit=unit,
                      kind=kind, rule="unit+suffix")
        if begin < unit.start:
            whole.aliases.add(sentence.text[unit.start - sentence.start : e - sentence.start])
        return whole
    parts = stem_pieces(tokens, start, s)
    if is_generic(stem, parts, table) or kind == TEAM and parts and all(map(is_people_word, parts)):
        # (中学生|志愿者团队, 退休职工|志愿服务队: who its members are, a kind of team, not one team's name)
        if cls == "Partner" and unit is not None:  # 某社区老年协会: a kind of body the unit before it has
            return Found(cls, sentence.text[unit.start - sentence.start : e - sentence.start], unit.start, e, index,
                         unit=unit, kind=kind, rule="unit+generic")
        return None
    first_word = parts[0] if parts else stem
    if cls != "Program" and len(first_word) > 1 and first_word[-1] in DESCRIPTIVE_ENDINGS and not is_place_word(first_word):
        return None  # 大型超市, 开放式书屋: a word of kind or size describes, it does not name (怀化 is a city's)
    if cls == "Program" and not program_stem_ok(stem, parts):
        return None
    if cls == "Facility" and unit is not None and unit.kind in COUNTY_AND_ABOVE and suffix in PUBLIC_VENUES:
        cls = "Partner"  # 某市某区图书馆: the district's institution, a body
    if cls == "Facility" and suffix in BUILDING_ENDINGS and unit is not None and unit.kind in ABOVE_COMMUNITY \
            and len(stem) >= 2 and not is_generic(stem, parts, table):
        # 某街道|莲海金融|大厦: a building with a name of its own after a street or a town, which says where it is
        # (not the street's institutions: 某街道人大代表之家)
        return Found(cls, stem + suffix, start, e, index, unit=unit, kind=kind, rule="suffix")
    if unit is not None and cls != "Program":
        begin = written_chain_start(unit, unit_ends) if cls == "Partner" else unit.start  # (宜昌市西陵区某某派出所)
        full = Found(cls, sentence.text[begin - sentence.start : e - sentence.start], begin, e, index, unit=unit, kind=kind, rule="unit+suffix")
        full.aliases.add(stem + suffix)
        return full
    if cls == "Facility" and stem in word_tags() and COUNTED_PLACES.search(sentence.text, 0, start - sentence.start):
        return None  # 一栋写字楼和两栋青年公寓: counted places of a kind, none of them named
    if cls == "Partner" and stem.endswith("届"):
        return None  # 新一届业委会: the body's new term, the one the passage names (业委会 alone is read there)
    if cls == "Partner" and suffix in TEAM_CHARACTERS and stem[-1:] in COUNT_CHARACTERS:
        return None  # 一站聚三队: a count of teams, no team's name
    if cls == "Partner" and (stem + suffix).endswith(FORMAL_PARTY_KINDS):
        return None  # 召开支部委员会: the branch's committee (中共某村支部委员会 is the branch), no body nor method
    if cls == "Partner" and parts and (parts[0] in PATTERNS.party_kind or parts[0] in LEADING_ROLES):
        # 党支部领办合作社, 书记领办公司: a party body or leader running a kind of body is a method, not a body
        return Found("Program", stem + suffix, start, e, index, kind="method", rule="method")
    if cls == "Partner" and (ends_with_founding_verb(tokens, start, s) or helped(parts)):
        return None  # (村党支部)领办|合作社, (律师)帮|业委会: running or helping a kind of body, no body's name
    if cls == "Partner" and parts and (parts[0] in FOUNDING_VERBS or len(parts) == 1 and (
            word_tags().get(parts[0]) in TIME_TAGS or QUARTER.match(parts[0]))):
        return None  # (党支部)领办|茶叶种植|合作社, 过去|物业: running a kind of body, or a time before the trade's word
    if cls == "Partner" and partner_kind(suffix) == "media" and not is_partnering(sentence.text) and len(sentence.text) < 30:
        return None  # an outlet in a header line is the page's source, not a partner
    if cls == "Partner" and kind == GOVERNMENT and (joined := fields_joined_before(tokens, start, unit_ends)) is not None:
        start, stem = joined, sentence.text[joined - sentence.start : s - sentence.start]  # 区|住房|和|城乡建设局
    start, stem = with_level_word(tokens, start, stem, kind) if cls == "Partner" else (start, stem)
    if cls == "Partner" and kind == GOVERNMENT and "和" in stem and start not in unit_ends \
            and (field := field_after_unit(tokens, start, unit_ends)):
        start, stem = field.start, field.text + stem  # 某区|文体|广电和旅游局: a field of the department before the walk's stop
    if cls == "Partner" and kind == GOVERNMENT and (unit := unit_ends.get(start)) is not None:
        # 某区|住房和城乡建设局: the fields joined by 和 reach back to the unit, whose department it is
        begin = written_chain_start(unit, unit_ends)
        full = Found(cls, sentence.text[begin - sentence.start : e - sentence.start], begin, e, index, unit=unit, kind=kind,
                     rule="unit+suffix")
        full.aliases.add(stem + suffix)
        return full
    kind = program_kind(suffix) if cls == "Program" else kind
    if cls == "Facility" and suffix in GOVERNMENT_STATIONS and stem and not stem.startswith(COUNTY_LEVEL_WORDS) \
            and previous_token(tokens, start) in COUNTY_LEVEL_WORDS:
        start, stem = start - 1, previous_token(tokens, start) + stem  # (县|林业工作站: the level word names it)
    if cls == "Facility" and suffix in GOVERNMENT_STATIONS and stem.startswith(COUNTY_LEVEL_WORDS) and len(stem) >= 3 \
            and (stem[1] not in "区县市镇乡村" or len(next_word(tokens, start + 1)) > 1):  # (a field after the level word, not 市区)
        cls, kind = "Partner", GOVERNMENT  # 县草原工作站, 旗林业工作站: a county's technical station, a body of its government
    if cls == "Facility" and sentence.text.startswith(CONVERTING_VERBS, e - sentence.start) \
            and FORMER.search(sentence.text, clause_start(sentence.text, start - sentence.start, "，,；;。"), start - sentence.start):
        return None  # 把废弃的榨油坊改造成“某某”: what a place was before it is turned into another, no place now
    if cls == "Facility" and stem and (level := OWNING_LEVEL_WORDS.get(previous_token(tokens, start))) is not None \
            and start not in unit_ends and not sentence.text.endswith(CLASS_WORDS, 0, start - 1 - sentence.start):
        # 改成村菜籽油坊, 嘎查绒毛收储点: the bare level word says whose, the village the passage is about (named
        # after it when the article is settled, as 村党群服务中心 is)
        word = previous_token(tokens, start)
        return Found(cls, "", start - len(word), e, index, generic=True, rule=f"generic:{level}",
                     aliases={word + stem + suffix})
    return Found(cls, stem + suffix, start, e, index, kind=kind, rule="suffix")


# Verbs of turning a place into another (把闲置的某某改造成…), and the words that say the place before them is
# a former one (废弃, 闲置, 原, 旧, 老).
CONVERTING_VERBS = tuple(v for v in PATTERNS["quotes"]["place_verbs"] if v.startswith(("改", "辟", "装修")))
FORMER = re.compile("废弃|闲置|原来|原先|原|旧|老")
# Level words of a village or a community before a facility's own name (村茶叶加工厂, 社区法律服务站): the passage's
# unit's facility, or the one of that name the article wrote in full (standard.settle_level_facilities).
OWNING_LEVEL_WORDS = {word: level for word, level in PATTERNS["units"]["generic_words"].items() if word in ("村", "嘎查", "社区")}


def whom_a_school_teaches(name: str) -> str | None:
    """老年 of 老年大学, "" of 学校: the words for the residents a school of that ending teaches (bare, or 老年, 居民,
    家长…), when the name is only those and the ending; None for a school with a name of its own."""
    if not name.endswith(RESIDENTS_SCHOOL_ENDINGS):
        return None
    taught = name[: -len(next(e for e in RESIDENTS_SCHOOL_ENDINGS if name.endswith(e)))]
    return taught if taught in ("", *RESIDENTS_SCHOOL_STEMS) else None


def after_named_holder(sentence: Sentence, start: int, end: int) -> int | None:
    """Where a leading post and a personal name right after it, both inside the stem from ``start`` to
    ``end``, end (董事长某某); None when the stem holds none."""
    text = sentence.text
    begin, stop = start - sentence.start, end - sentence.start
    if not any(text.endswith(LEADING, begin, at) for at in range(begin + 2, stop)):
        return None  # (most stems: no leading post's word in them)
    for role_start, role_end in role_spans(sentence):
        if begin <= role_start and role_end < stop and is_leading(text[role_start:role_end]) \
                and (name := name_at(text, role_end)) is not None and role_end + len(name) <= stop:
            return sentence.start + role_end + len(name)
    return None


DEED_TAGS = frozenset("dvpc")  # what a person's name is followed by in a clause: an adverb, a verb, a preposition
TEAM_CHARACTERS = ("队", "团")
ABOVE_COMMUNITY = ("subdistrict", "district", "city", "province")
STANDARD_FACILITIES = frozenset(PATTERNS["facilities"]["standard"])
ROOM_ENDINGS = ("室", "厅", "角", "间")  # (a room of a centre: 议事厅, 活动室, 阅览角)
BUILDING_ENDINGS = ("大厦", "公寓")
COUNT_CHARACTERS = "一二两三四五六七八九十几多"
COUNTED_PLACES = re.compile(f"(?:\\d+|[{COUNT_CHARACTERS}])[栋座处个间所幢]$")
FORMAL_PARTY_KINDS = tuple(formal for formal, _ in PATTERNS["party"]["formal_kinds"])


def fields_joined_before(tokens: Tokens, start: int, unit_ends: dict) -> int | None:
    """Where a department's name of two fields joined by 和 begins when the walk stopped at the 和 (某区|住房|和|城乡建设局):
    the first field's start, when a unit or a level word stands right before it; else None."""
    i = tokens.starting_before(start)
    if i < 2 or tokens[i - 1].text != "和" or tokens[i - 1].end != start:
        return None
    field = tokens[i - 2]
    if len(field.text) < 2 or word_tags().get(field.text) not in FIELD_NOUN_TAGS:
        return None
    before = tokens[i - 3] if i >= 3 else None
    if field.start in unit_ends or before is not None and before.end == field.start and before.text in LEVEL_WORDS:
        return field.start
    return None


LEVEL_WORDS = frozenset(PATTERNS["partners"]["level_words"])


def field_after_unit(tokens: Tokens, start: int, unit_ends: dict) -> TokenSpan | None:
    """The one noun of two characters or more right between a unit and where a department's name of fields joined
    by 和 was found to begin (某区|文体|广电和旅游局): a field the department's name begins with."""
    i = tokens.starting_before(start)
    if not i or tokens[i - 1].end != start:
        return None
    word = tokens[i - 1]
    return word if word.start in unit_ends and len(word.text) >= 2 and word_tags().get(word.text) in FIELD_NOUN_TAGS else None


FIELD_NOUN_TAGS = frozenset(("n", "nz", "vn"))
LEADING_ROLES = frozenset(PATTERNS["persons"]["leading_roles"])
TEAM = "volunteer team"
INSTITUTION_KINDS = ("school", "university")
OWN_NAME_TAGS = ("ns", "nt")
HOSPITAL = "医院"
COMMITTEE = "委员会"
OWN_COMMITTEE_STEMS = tuple(PATTERNS["partners"]["own_committee_stems"])
CAUSE_ENDINGS = frozenset(PATTERNS["partners"]["cause_endings"])
GOVERNMENT_STATIONS = frozenset(PATTERNS["facilities"]["government_stations"])
COUNTY_LEVEL_WORDS = ("县", "旗", "市", "州", "省")
TRADE_WORDS = frozenset(PATTERNS["partners"]["trade_words"])
DESCRIPTIVE_ENDINGS = PATTERNS["units"]["descriptive_endings"]
POINTING_TAGS = frozenset(PATTERNS["programs"]["pointing_tags"])
ROOM_LIKE_ENDINGS = frozenset(PATTERNS["partners"]["room_like_endings"])
FACILITY_ENDINGS = tuple(PATTERNS["facilities"]["suffixes"])


def ends_a_room(text: str, end: int, suffix: str) -> bool:
    """Whether a facility's ending longer than the body's ``suffix`` ends at ``end`` (服务工作室 over 工作室)."""
    return any(len(f) > len(suffix) and f.endswith(suffix) and text.endswith(f, 0, end) for f in FACILITY_ENDINGS)


def after_founding_verb(tokens: Tokens, start: int, end: int) -> int:
    """Where a stem begins after the last verb of building in it (镇里新建|果蔬), or ``start``."""
    at = start
    for token in tokens[tokens.starting_before(start) : tokens.starting_before(end)]:
        if token.start >= start and token.end <= end and token.text in FOUNDING_VERBS:
            at = token.end
    return at


def after_unit_name_word(tokens: Tokens, start: int, unit_ends: dict) -> int:
    """Where a school's or a hospital's name begins when the stem walk stopped at a word jieba tags as a
    verb (启明 v, 希望 v) standing right after a unit: the word is the body's own name, written after its
    place, unless it is a verb of founding or partnering (某社区|组建|…, 某社区|联合|…) or a place follows it."""
    i = tokens.starting_before(start)
    word = tokens[i - 1] if i else None
    if word is None or word.end != start or len(word.text) != 2 or word.start not in unit_ends \
            or word.text in FOUNDING_VERBS or is_partnering(word.text) or not word_tags().get(word.text, "").startswith("v"):
        return start
    if i < len(tokens) and word_tags().get(tokens[i].text) in OWN_NAME_TAGS:
        return start  # 某社区走访|兰州大学: the body's name begins with a place or is a name of its own, the verb is the clause's
    return word.start


def next_word(tokens: Tokens, start: int) -> str:
    """The token that begins at ``start``, or "" (县|乡村振兴: a field word after the level word)."""
    i = tokens.starting_before(start)
    return tokens[i].text if i < len(tokens) and tokens[i].start == start else ""


def activity_start(tokens: Tokens, s: int, longest: int, barriers: frozenset[int], unit_ends) -> int:
    """Where a society's name begins when a verb stands right before its ending (``activity_endings``):
    the verb's start, or the start of the place or level word before it (某区|垂钓|协会), when what
    stands before the verb licenses it as the pastime; else ``s``, no name."""
    i = tokens.starting_before(s)
    verb = tokens[i - 1] if i else None
    if verb is None or verb.end != s or len(verb.text) < 2 or verb.text in ACTING_VERBS \
            or word_tags().get(verb.text, "") not in VERB_TAGS:
        return s
    before = tokens[i - 2] if i >= 2 else None
    if before is None:
        return s
    if before.end in unit_ends or before.text in PATTERNS["partners"]["level_words"]:
        wider = stem_start(tokens, verb.start, longest - len(verb.text), barriers, GOVERNMENT_STEM_TAGS)
        return min(wider, verb.start)  # (the place, when the walk stops at its end, is joined by the caller)
    if word_tags().get(before.text, "")[:1] in ACTIVITY_BEFORE_TAGS:
        return verb.start  # 来自|垂钓|协会, 邀请|骑行|协会, 与|徒步|协会: the verb before governs the society
    return s


ACTIVITY_ENDINGS = tuple(PATTERNS["partners"]["activity_endings"])
ACTIVITY_BEFORE_TAGS = frozenset(PATTERNS["partners"]["activity_before_tags"])
ACTING_VERBS = verbs_of(PATTERNS["partners"]["activity_excluded_tables"])


def names_a_product(tokens: Tokens, start: int, end: int) -> bool:
    """Whether the words from ``start`` to the trade's word are nouns (no word for people) or single
    characters, two to four in all: the product a cooperative or firm works (蜂蜜|加工, 银|饰|加工)."""
    words = stem_tokens(tokens, start, end)  # (a word the dictionary lacks comes cut into characters: 银|饰)
    return 2 <= end - start <= MAX_PRODUCT and all(len(w) == 1 or word_tags().get(w, "") in PRODUCT_TAGS
                                                   and not is_people_word(w) for w in words)


PRODUCT_TAGS = frozenset(("n", "nz"))
MAX_PRODUCT = 4  # (a product is a short noun: 蜂蜜, 中药材; more is a clause: 村民|大力发展)


OWNER_WORDS = tuple(sorted(PATTERNS["facilities"]["owner_words"], key=len, reverse=True))


def owner_word(stem: str) -> str:
    return next(w for w in OWNER_WORDS if stem.startswith(w))


def helped(parts: list[str]) -> bool:
    """帮|业委会, 律师|帮|业委会: a one-character verb before the body's word, alone or after a word for
    people (its subject), says what is done for a body; it names none."""
    return bool(parts) and len(parts[-1]) == 1 and word_tags().get(parts[-1], "").startswith("v") and (
        len(parts) == 1 or len(parts) == 2 and (is_people_word(parts[0]) or word_tags().get(parts[0]) in PRONOUN_TAGS))


PRONOUN_TAGS = ("r",)  # 他|帮|合作社: a pronoun, the subject, before the verb


def is_generic(stem: str, parts: list[str], table: dict) -> bool:
    """Generic words (专业, 爱心), or a size word doubled (小小合作社: a little cooperative)."""
    generic = set(table["generic_stems"])
    return stem in generic or stem in table.get("field_stems", ()) or bool(parts and all(p in generic for p in parts)) or stem in DOUBLED_SIZE_WORDS


def named_for_purpose(index, sentence, tokens, s, e, suffix, unit_ends, barriers, longest) -> Found | None:
    """某社区文化广场, 某社区体育公园: a unit's own facility, named with the unit, though the words
    between say only what it is for (generic words and verbal nouns, which alone name nothing)."""
    own = stem_start(tokens, s, longest, barriers, GOVERNMENT_STEM_TAGS)
    purpose = sentence.text[own - sentence.start : s - sentence.start]
    if own == s or own not in unit_ends or is_descriptive((stem_tokens(tokens, own, s) or [purpose])[-1]):
        return None
    holder = unit_ends[own]
    full = Found("Facility", sentence.text[holder.start - sentence.start : e - sentence.start], holder.start, e, index,
                 unit=holder, rule="unit+purpose")
    full.aliases.add(purpose + suffix)
    return full


def is_descriptive(word: str) -> bool:
    """大型, 开放式, 星级, 智能化, 综合性: a word of kind, size or rank (文化, 党性 are nouns)."""
    return len(word) > 1 and word[-1] in DESCRIPTIVE_ENDINGS and (len(word) > 2 or word[-1] in "型式级")


def coordinated_facility(index: int, sentence: Sentence, s: int, e: int, others: list[Found]) -> Found | None:
    """某某社区党委、党群服务中心: a bare facility word coordinated with a unit's organisation is that unit's."""
    if sentence.text[s - sentence.start - 1 : s - sentence.start] != "、":
        return None
    org = next((f for f in others if f.cls == "PartyOrganization" and f.end == s - 1 and f.unit is not None), None)
    if org is None:
        return None
    facility = Found("Facility", org.unit.name + sentence.text[s - sentence.start : e - sentence.start], s, e, index,
                     unit=org.unit, rule="coordinated with organisation")
    facility.aliases.add(sentence.text[s - sentence.start : e - sentence.start])
    return facility


def ends_a_word(token: str) -> bool:
    """Whether a token's last character belongs to a two-character word (新格局) rather than
    following a word of its own (民政局 = 民政 + 局, 秧歌队 = 秧歌 + 队)."""
    tags = word_tags()
    if token[-2] in "一二三四五六七八九十":
        return False  # 八局, 三队: a numbered body (某建三局), not a word
    return token[-2:] in tags and not (len(token) > 2 and token[:-1] in tags)


def program_stem_ok(stem: str, parts: list[str]) -> bool:
    """An unquoted program stem is short and not one dictionary word (雷锋哨 yes, 网络 no), and begins with
    no word that points (每周|协商|项目, 这些|服务|项目: which ones or how often, not a name)."""

    if not 2 <= len(stem) <= 4 or parts and word_tags().get(parts[0]) in POINTING_TAGS:
        return False
    return len(parts) >= 2 or stem not in word_tags()


# ------------------------------------------------------------------ events
def find_events(index: int, sentence: Sentence, taken: list[Found]) -> list[Found]:
    """2024年白马湖城市街头篮球争霸赛, 第二届湖南旅发大会."""
    found = []
    for match in PATTERNS.event_re.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        stem = match.group(1)
        if any(ch in stem for ch in "的了在和与是") or any(f.overlaps(s, e) and f.cls != "AdministrativeUnit" for f in taken):
            continue
        word = match.group()[match.end(1) - match.start() :]
        if len(word) == 1 and stem[-2:] + word in word_tags():
            continue  # 2023年中秋节: a holiday, not an event of the unit's
        event = Found("Program", match.group(), s, e, index, kind="event", rule="event")
        event.aliases.add(match.group()[match.start(1) - match.start() :])
        found.append(event)
    return found


COLUMN_WORDS = tuple(PATTERNS["programs"]["column_words"])


def find_publications(index: int, sentence: Sentence) -> list[Found]:
    """《清芬百姓报》: a bulletin or newspaper a unit runs."""
    found = []
    suffixes = PATTERNS["programs"]["publication_suffixes"]
    for match in PATTERNS.book_re.finditer(sentence.text):
        name = clean_name(match.group(1))
        column = sentence.text.startswith(COLUMN_WORDS, match.end())  # 《某某讲堂》栏目: a column a unit runs
        if 3 <= len(name) <= 10 and (column or any(name.endswith(s) for s in suffixes)):
            found.append(Found("Program", name, sentence.start + match.start(), sentence.start + match.end(), index,
                               kind="platform", rule="publication"))
    return found
