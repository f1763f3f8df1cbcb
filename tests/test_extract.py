"""Extraction rules, one table per class. Every sentence is written for the test
from the pattern it exercises (places from several provinces); none comes from
the seeds, and every expectation was worked out by hand from the rule."""
from __future__ import annotations

import pytest

from kg.model import RawArticle
from kg.pipeline import prepare_article, process_article


def extract_text(text: str):
    return process_article(prepare_article(RawArticle(source="test", text=text)))


def names(text: str, cls: str) -> set[str]:
    return {m.name for m in extract_text(text).mentions if m.cls == cls and not m.implicit}


def relations(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject.name, r.predicate, r.object.name) for r in extract_text(text).relations}


# ------------------------------------------------------------------ units
UNIT_CASES = [
    # written with its parents: every level is a unit
    ("杭州市西湖区北山街道召开会议。", {"杭州市", "西湖区", "北山街道"}),
    # community by suffix, stem walked back to the preposition
    ("志愿者走进芳草社区开展服务。", {"芳草社区"}),
    # numbered group of a village
    ("李家村3组的道路已经修好。", {"李家村", "李家村3组"}),
    # a bare name coordinated with a suffixed one shares the suffix
    ("工作人员走访了王家湾、刘家坪居民组。", {"王家湾居民组", "刘家坪居民组"}),
    # descriptions are not names
    ("今年推进老旧小区改造,丰富社区文化生活。", set()),
    # a short form that begins a longer name is not the city 大同
    ("活动在大同社区举行。", {"大同社区"}),
    # a district name that is also an everyday word, unsupported by other places
    ("直播车开进老城区。", set()),
    # a province short form
    ("湖南举办旅游发展大会。", {"湖南省"}),
    # inside a quotation a suffix does not make a place
    ("开设“温暖社区”专栏。", set()),
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_units(text, expected):
    assert names(text, "AdministrativeUnit") == expected


def test_gazetteer_fills_in_the_hierarchy_the_article_leaves_out():
    found = extract_text("武侯区玉林街道芳草社区召开居民会议。")
    implicit = {m.name for m in found.mentions if m.implicit}
    assert implicit == {"成都市", "四川省"}
    rels = {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    assert {("芳草社区", "partOf", "玉林街道"), ("玉林街道", "partOf", "武侯区"),
            ("武侯区", "partOf", "成都市"), ("成都市", "partOf", "四川省")} <= rels


def test_community_is_placed_under_the_articles_only_subdistrict():
    text = "玉林街道党工委部署工作。\n芳草社区组织居民议事。"
    assert ("芳草社区", "partOf", "玉林街道") in relations(text)


# ------------------------------------------------------- party organisations
PARTY_CASES = [
    ("北山街道党工委召开专题会议。", {"北山街道党工委"}),
    # a generic reference takes the community the passage is about
    ("芳草社区地处城西。社区党委定期召开会议。", {"芳草社区党委"}),
    # a stem of the article's community names its organisation
    ("芳草社区地处城西。芳草党总支带头行动。", {"芳草社区党总支"}),
    # youth league committee and district committee
    ("在共青团武侯区委的指导下开展活动。", {"共青团武侯区委"}),
    ("武侯区委主要负责同志出席。", {"武侯区委"}),
    # a generic reference with nothing to settle on leaves no node
    ("社区党委高度重视。", set()),
]


@pytest.mark.parametrize("text, expected", PARTY_CASES)
def test_party_organisations(text, expected):
    assert names(text, "PartyOrganization") == expected


def test_party_organisation_kinds_and_units():
    found = extract_text("芳草社区地处城西。离退休党支部和社区党委联合开展学习。")
    kinds = {m.name: m.kind for m in found.mentions if m.cls == "PartyOrganization"}
    assert kinds == {"离退休党支部": "党支部", "芳草社区党委": "党委"}
    rels = {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    assert ("离退休党支部", "subOrganizationOf", "芳草社区党委") in rels
    assert ("离退休党支部", "partyOrgOf", "芳草社区") in rels
    assert ("芳草社区党委", "partyOrgOf", "芳草社区") in rels


# ------------------------------------------------------------------ programs
PROGRAM_CASES = [
    ("芳草社区启动“微心愿”项目。", {"微心愿"}),  # quote + head noun
    ("芳草社区推行“红色管家工作法”。", {"红色管家工作法"}),  # the quote's own ending
    ("芳草社区开展“邻里守望”,效果明显。", {"邻里守望"}),  # trigger verb before the quote
    ("芳草社区开展“迎新春”“闹元宵”等活动。", {"迎新春", "闹元宵"}),  # a list shares its head
    ("社区成为居民的“连心桥”。", set()),  # figure of speech
    ("解决群众反映的“痛点”问题。", set()),  # a blocker after the quote
    ("他说:“今天的活动很成功,大家都很满意。”", set()),  # a quotation, not a name
    ("芳草社区依托红管家平台收集民意。", {"红管家平台"}),  # unquoted, by suffix
    ("2023年芳草邻里文化节在社区广场举行。", {"2023年芳草邻里文化节"}),  # named event
    ("社区创办了《芳草邻里报》。", {"芳草邻里报"}),  # a publication in book-title marks
    ("充分利用网络平台宣传。", set()),  # a generic stem is no name
]


@pytest.mark.parametrize("text, expected", PROGRAM_CASES)
def test_programs(text, expected):
    assert names(text, "Program") == expected


def test_program_alias_and_kind():
    found = extract_text("芳草社区启动“微心愿”项目。")
    program = next(m for m in found.mentions if m.cls == "Program")
    assert program.kind == "project"
    assert program.aliases == ("微心愿项目",)


# ---------------------------------------------------------------- facilities
FACILITY_CASES = [
    ("宝石社区党群服务中心面积达800平方米。", {"宝石社区党群服务中心"}),
    ("服务站设有心理咨询室、舞蹈室。", set()),  # rooms named by their use only
    ("红枫讲堂可容纳200人。", {"红枫讲堂"}),
    # a locative unit says where the facility is; it is not part of its name
    ("红枫体育馆位于芳草社区红枫公园内。", {"红枫体育馆", "红枫公园"}),
    ("社区建成“幸福里”党群服务站。", {"幸福里"}),
]


@pytest.mark.parametrize("text, expected", FACILITY_CASES)
def test_facilities(text, expected):
    assert names(text, "Facility") == expected


def test_facility_attributes():
    found = extract_text("宝石社区党群服务中心面积达800平方米。红枫讲堂可容纳200人。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs["宝石社区党群服务中心"] == {"area": "800平方米"}
    assert attrs["红枫讲堂"] == {"capacity": "200"}


# ------------------------------------------------------------------ partners
PARTNER_CASES = [
    ("芳草社区与四川大学结对共建。", {"四川大学"}),
    ("社区组建了“银龄先锋”志愿服务队。", {"银龄先锋"}),
    ("社区党委携手蓝海餐饮,共同举办活动。", {"蓝海餐饮"}),
    ("社区携手8家共建单位开展活动。", set()),
    ("居民在实践中学习新知识。", set()),  # 中学 inside 中学习 is no school
]


@pytest.mark.parametrize("text, expected", PARTNER_CASES)
def test_partners(text, expected):
    assert names(text, "Partner") == expected


def test_partner_relations_need_a_partnering_word_for_schools():
    assert ("芳草社区", "partnersWith", "四川大学") in relations("芳草社区与四川大学结对共建。")
    assert not any(p == "partnersWith" for _, p, _ in relations("芳草社区的孩子在四川大学参观。"))


# ------------------------------------------------------------------- persons
PERSON_CASES = [
    ("芳草社区党委书记刘洪介绍了情况。", {"刘洪"}),
    ("84岁老党员赵德福正在修理家电。", {"赵德福"}),
    ("本报记者王晓明报道。", set()),  # reporters are not persons of the graph
    ("确定党委书记项目共14个。", set()),  # 项目 is a word, not a name
]


@pytest.mark.parametrize("text, expected", PERSON_CASES)
def test_persons(text, expected):
    assert names(text, "Person") == expected


def test_leader_leads_the_organisation_of_the_role():
    assert ("刘洪", "leads", "芳草社区党委") in relations("芳草社区党委书记刘洪介绍了情况。")


# ----------------------------------------------------------------- relations
def test_actor_runs_programs_and_coordinated_actors_share_them():
    rels = relations("北山街道党工委和宝石社区党委启动“微更新”项目。")
    assert ("北山街道党工委", "runsProgram", "微更新") in rels
    assert ("宝石社区党委", "runsProgram", "微更新") in rels


def test_program_without_actor_in_its_sentence_takes_the_previous_one():
    rels = relations("芳草社区创新治理方式。\n开展“院落微治理”行动。")
    assert ("芳草社区", "runsProgram", "院落微治理") in rels


def test_facility_belongs_to_the_unit_named_with_it():
    assert ("芳草社区", "hasFacility", "红枫公园") in relations("红枫体育馆位于芳草社区红枫公园内。")


def test_evidence_points_at_the_original_text():
    text = "黨建引領(lǐng)：芳草社區(qū)開展“微心願”項目。"
    article = prepare_article(RawArticle(source="t", text=text))
    found = process_article(article)
    program = next(m for m in found.mentions if m.cls == "Program")
    assert program.name == "微心愿"
    assert text[program.evidence.start : program.evidence.end] == "“微心願”項目"
    assert text[program.evidence.sentence_start : program.evidence.sentence_end].startswith("黨建引領(lǐng)")


def test_a_measure_goes_to_the_facility_named_before_it_not_to_every_facility_of_the_sentence():
    found = extract_text("红枫服务中心建筑面积达900平方米,设有爱心超市、红枫书屋等。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs["红枫服务中心"] == {"area": "900平方米"}
    assert attrs["爱心超市"] == {} and attrs["红枫书屋"] == {}


def test_a_heading_facility_takes_the_measures_of_the_paragraph_after_it():
    found = extract_text("【红枫健身房】\n拥有120平方米,配有跑步机。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs == {"红枫健身房": {"area": "120平方米"}}


# --------------------------------------------------------------- bounded work
LONG = 10_000  # a sentence has no length bound: a page without punctuation is one sentence


def _extract_patterns():
    from kg.extract.patterns import PATTERNS

    for name in ("unit_suffix_re", "numbered_group_re", "party_re", "quote_re", "book_re", "program_suffix_re",
                 "event_re", "facility_suffix_re", "partner_suffix_re", "role_re"):
        yield name, getattr(PATTERNS, name)
    for name, regex in PATTERNS.facility_attribute_res:
        yield f"facility attribute {name}", regex


@pytest.mark.parametrize(("rule", "regex"), list(_extract_patterns()))
def test_every_pattern_gives_up_quickly_on_hostile_sentences(rule, regex, adversarial_lines, time_limit):
    for line in adversarial_lines(LONG, regex.pattern):
        with time_limit(1.0, f"{rule} on {line[:12]!r}... ({len(line)} chars)"):
            list(regex.finditer(line))
