"""Communities in a local form: Shanghai writes a residents' committee area 某某居民区, which the national table
lists as 某某社区. Sentences written for the test; 古宋社区 is a community of 长宁区's 仙霞新村街道 in the table."""
from __future__ import annotations

from test_extract import extract_text, names, relations


def test_a_residents_area_is_a_community_with_its_party_branch_and_its_facilities():
    text = "仙霞新村街道古宋居民区党总支组织党员学习。古宋居民区代表联络点每月接待一次选民。"
    assert "古宋居民区" in names(text, "AdministrativeUnit")
    rels = relations(text)
    assert {("古宋居民区", "partOf", "仙霞新村街道"), ("古宋居民区党总支", "partyOrgOf", "古宋居民区"),
            ("古宋居民区", "hasFacility", "古宋居民区代表联络点")} <= rels


def test_a_residents_area_is_placed_by_the_tables_name_which_is_its_alias():
    # the township is not written: the table's 古宋社区 places the area in the district the article names
    found = extract_text("长宁区古宋居民区开展邻里节活动。")
    area = next(m for m in found.mentions if m.name == "古宋居民区")
    assert "古宋社区" in area.aliases
    assert ("古宋居民区", "partOf", "长宁区") in {(r.subject.name, r.predicate, r.object.name) for r in found.relations}


def test_the_tables_name_written_in_the_same_article_is_the_same_community():
    text = "长宁区古宋居民区开展邻里节活动。古宋社区的居民踊跃参加。"
    assert {n for n in names(text, "AdministrativeUnit") if n.startswith("古宋")} == {"古宋居民区"}



def test_a_streets_centre_for_its_communities_is_the_streets_not_a_communitys():
    # 街道社区党群服务中心: the street's centre serving its communities, though a community is named after it
    text = "仙霞新村街道在街道社区党群服务中心设立了议事厅，并在古宋居民区设立代表联络点。"
    assert "仙霞新村街道社区党群服务中心" in names(text, "Facility")
    assert ("仙霞新村街道", "hasFacility", "仙霞新村街道社区党群服务中心") in relations(text)
    assert "古宋居民区党群服务中心" not in names(text, "Facility")


# 洗马乡 of 洪江市 lists 甘田冲村 and 三角溪村 in the national table. A stem that begins with a numeral word
# (三角, 五里) is read as a count when no list carries it: the village named once is the same name later on.
LISTED_THEN_WRITTEN = ("洪江市洗马乡召开村级党建述职会，甘田冲村、三角溪村党组织书记逐一述职。"
                       "甘田冲村党支部书记卜建华讲了修路的经过；三角溪村党支部书记温立新说，村里还要再建一座烘干房。")


def test_a_village_named_in_a_list_is_the_same_village_written_later_after_a_semicolon():
    found = extract_text(LISTED_THEN_WRITTEN)
    later = [m for m in found.mentions if m.name == "三角溪村" and "温立新" in m.evidence.sentence]
    assert len(later) == 1
    assert "三角溪村党支部" in names(LISTED_THEN_WRITTEN, "PartyOrganization")


def test_the_class_word_of_a_listed_village_is_its_branch_named_in_a_later_sentence():
    # 党组织 in the list is the class word for each village's own body: 三角溪村 has one, its 党支部
    orgs = names(LISTED_THEN_WRITTEN, "PartyOrganization")
    assert "三角溪村党组织" not in orgs and {"三角溪村党支部", "甘田冲村党支部"} <= orgs


def test_a_compound_written_with_and_without_its_word_and_after_a_firms_name_is_one_compound():
    text = ("顶山街道珍珠路社区金桂花苑小区建于2001年。金桂花苑的业主委员会选聘了新物业，恒丰物业金桂花苑项目党支部随后成立。"
            "金桂花苑的居民说，服务变好了。")
    compounds = {m.name for m in extract_text(text).mentions if m.cls == "AdministrativeUnit" and m.kind == "compound"}
    assert compounds == {"金桂花苑小区"}


def test_a_counted_kind_of_area_is_no_compound():
    # 12|个 (jieba cuts the count from its measure word) before 议事片区: how many areas, not one's name
    text = "瓦楼村按自然村划分了12个议事片区，每个片区推选一名党员联系群众。"
    assert not {m.name for m in extract_text(text).mentions if m.kind == "compound"}


def test_a_village_whose_suffix_ends_a_dictionary_word_is_named_after_its_township_by_the_table():
    # 试量镇 of 鹿邑县 lists 丁大村; jieba reads 丁|大村, 大村 a common noun: after the township the table names it
    text = "鹿邑县试量镇丁大村的山药陆续采收。丁大村有农户610户。"
    assert {m.name for m in extract_text(text).mentions if m.kind == "community"} == {"丁大村"}
    assert ("丁大村", "partOf", "试量镇") in relations(text)


def test_a_village_jieba_takes_for_a_person_s_name_is_found_in_the_township_the_article_names():
    # 余家村 is one dictionary word to jieba, tagged a person's name; the national table lists a 余家村 in 中洲镇
    text = "淳安县中洲镇组织党员志愿者开展义诊。医疗队随后来到余家村，为老人测量血压。"
    assert "余家村" in names(text, "AdministrativeUnit")
    assert ("余家村", "partOf", "中洲镇") in relations(text)


def test_a_numbered_community_the_table_lists_in_the_named_street_is_one_unit():
    # the ordinal cuts the suffix rule's walk (万裕苑 alone would be a compound); the table lists the whole name
    text = "无锡市新吴区江溪街道开展邻里节活动。万裕苑第二社区党委组织居民参加。"
    assert "万裕苑第二社区" in names(text, "AdministrativeUnit")
    assert "万裕苑" not in names(text, "AdministrativeUnit")
    assert ("万裕苑第二社区", "partOf", "江溪街道") in relations(text)


def test_a_community_named_after_a_city_of_another_province_is_no_mention_of_that_city():
    # 长沙 is a city's short name, but the table lists 长沙东社区 in the street the article names, far from it
    text = "开平市三埠街道长沙东社区党委组织志愿者清理河道。"
    units = names(text, "AdministrativeUnit")
    assert "长沙东社区" in units and "长沙市" not in units
    assert ("长沙东社区", "partOf", "三埠街道") in relations(text)


def test_a_unit_word_after_a_unit_and_a_copula_says_its_kind():
    # 移民村 after 某村是: what kind of village it is, no second village
    units = names("东山村是移民村，全村有三百多户。", "AdministrativeUnit")
    assert "东山村" in units and "移民村" not in units


def listed_in_named_townships_one_by_one(tokens, units, quoted):
    """``communities.listed_in_named_townships`` as it was written before it sliced the sentence's text and asked
    only the sentence's units: every token, every unit, each name joined from its tokens (the reference)."""
    from kg.extract.communities import (COMMUNITY_SUFFIXES, MAX_LISTED_NAME, MAX_LISTED_TOKENS, PART_LEVELS, code_prefix,
                                        elsewhere_short_form, is_cjk, load_communities)
    from kg.extract.found import Found

    prefixes = tuple(p for p in (code_prefix(u.code) for u in units
                                 if u.code and u.kind == "subdistrict" and not u.implicit) if p is not None)
    if not prefixes:
        return units
    table, found, inside = load_communities(), [], []
    for i, sentence_tokens in enumerate(tokens):
        for k, token in enumerate(sentence_tokens):
            if not token.text.endswith(COMMUNITY_SUFFIXES) or any(qs <= token.start < qe for qs, qe in quoted[i]):
                continue
            for j in range(max(0, k - MAX_LISTED_TOKENS), k + 1):
                first = sentence_tokens[j]
                name = "".join(tok.text for tok in sentence_tokens[j : k + 1])
                if len(name) < 3 or len(name) > MAX_LISTED_NAME or not all(is_cjk(ch) for ch in name):
                    continue
                within_span = [u for u in units if u.overlaps(first.start, token.end)]
                if any(u.start == first.start and u.end == token.end for u in within_span):
                    break
                if any(u.start < first.start or u.end > token.end
                       or not (u.kind in PART_LEVELS and not u.code or elsewhere_short_form(u, prefixes))
                       for u in within_span) or any(u.overlaps(first.start, token.end) for u in found):
                    continue
                if any(code.startswith(prefixes) for code in table.candidates(name)):
                    found.append(Found("AdministrativeUnit", name, first.start, token.end, i, kind="community",
                                       rule="suffix"))
                    inside += within_span
                    break
    joined = {id(u) for u in inside}
    return [u for u in units if id(u) not in joined] + found if found else units


def test_listed_names_in_named_townships_are_found_as_one_by_one(monkeypatch):
    from kg.extract import communities

    fast = communities.listed_in_named_townships
    asked = []

    def both(tokens, units, quoted):
        given = list(units)
        out, reference = fast(tokens, units, quoted), listed_in_named_townships_one_by_one(tokens, given, quoted)
        kept = [u for u in out if any(u is v for v in given)]
        assert kept == [u for u in reference if any(u is v for v in given)]
        assert [(u.name, u.start, u.end, u.sentence, u.kind) for u in out if u not in kept] == \
            [(u.name, u.start, u.end, u.sentence, u.kind) for u in reference if not any(u is v for v in given)]
        asked.append(len(out) - len(kept))
        return out

    monkeypatch.setattr(communities, "listed_in_named_townships", both)
    texts = [
        "淳安县中洲镇组织党员志愿者开展义诊。医疗队随后来到余家村，为老人测量血压。",
        "无锡市新吴区江溪街道开展邻里节活动。万裕苑第二社区党委组织居民参加。",
        "开平市三埠街道长沙东社区党委组织志愿者清理河道。",
        "淳安县中洲镇召开会议。“余家村”文艺队在余家村演出，洪家村和余家村的村民参加。",
    ]
    for text in texts:
        extract_text(text)
    assert sum(asked) >= 3  # (the texts give the rule names to find)
