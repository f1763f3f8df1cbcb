"""Bodies named by their ending: government bureaus, centres and commissions, foundations named for a
cause, and where their names end. Sentences written for the test."""
from __future__ import annotations

import pytest

from test_extract import extract_text, names

GOVERNMENT_CASES = [
    # jieba fuses the bureau's last character with its head's title (局局长): the bureau is named all the same
    ("城东爱宠动物医院院长邵景明每月来社区义诊。", {"城东爱宠动物医院"}),  # (医院院长, one token to jieba)
    # fields joined by 和, the first of them a word of its own after the district
    ("金川区文体广电和旅游局送来了20件健身器材。", {"金川区文体广电和旅游局"}),
    ("县水利局局长邵景明陪同调研。", {"县水利局"}),
    ("县农业农村局局长邵景明陪同调研。", {"县农业农村局"}),
    # a centre a county's level word names with a field is the county government's body, not a place
    ("旗农牧业技术服务中心派出专家指导春播。", {"旗农牧业技术服务中心"}),
    ("县林草服务中心的技术员来到村里。", {"县林草服务中心"}),
    # a commission by its full name, after the district that has it
    ("社区党委与江北区城市管理委员会签订共建协议。", {"江北区城市管理委员会"}),
    # a province's department: 厅 alone ends a hall or a room, the department's name ends the body
    ("甘肃省农业农村厅选派干部到村里任第一书记。", {"甘肃省农业农村厅"}),
    ("广西壮族自治区住房和城乡建设厅的专家来到小区指导改造。", {"广西壮族自治区住房和城乡建设厅"}),
]


@pytest.mark.parametrize("text, expected", GOVERNMENT_CASES)
def test_a_government_body_is_a_partner_by_its_head_word(text, expected):
    assert expected <= names(text, "Partner")


def test_a_county_centre_is_no_facility():
    assert not names("旗农牧业技术服务中心派出专家指导春播。", "Facility")


def test_a_communitys_own_committee_is_no_partner():
    assert not names("建新社区居民委员会换届选举顺利完成。", "Partner")


def test_a_foundation_named_for_a_cause_keeps_its_verbal_noun_and_the_community_in_its_name():
    text = "活动得到嘉兴市南湖社区发展基金会的资助。"
    assert "嘉兴市南湖社区发展基金会" in names(text, "Partner")
    assert "南湖社区" not in names(text, "AdministrativeUnit")  # (only the body's name holds it)


def test_a_community_inside_a_bodys_name_is_a_unit_when_written_alone_too():
    text = "活动得到嘉兴市南湖社区发展基金会的资助。南湖社区党委书记说，钱要用在刀刃上。"
    assert "南湖社区" in names(text, "AdministrativeUnit")


def test_a_partnering_verb_that_begins_a_bodys_ending_partners_nothing():
    # 联合 of 联合会 is no 联合 (jointly): nothing after it is a partner
    assert not any(name.startswith("会") for name in names("市慈善总会和区志愿服务联合会捐赠了物资。", "Partner"))


def test_a_residents_club_of_a_hobby_is_a_partner():
    assert "东湖书友会" in names("东湖书友会每月组织一次读书分享。", "Partner")


def test_a_groups_word_after_a_stem_ends_a_teams_name():
    # (车队 is one word to jieba: the team's one-character ending 队 ends inside it)
    assert "青年护村车队" in names("村里的青年护村车队每晚巡逻一次。", "Partner")


def test_a_groups_word_alone_is_no_teams_name():
    assert not names("组建了一支乐队。", "Partner")


def test_a_trade_word_before_a_noun_for_its_firms_names_no_firm():
    assert not names("街道为中小快递企业提供免费场地。", "Partner")


def test_a_public_venue_a_district_runs_is_its_institution():
    text = "社区还与宝鸡市渭滨区图书馆合作，设立流动分馆。"
    assert "宝鸡市渭滨区图书馆" in names(text, "Partner")
    assert not names(text, "Facility")


TOWNSHIP_BODY_CASES = [
    # a township's technical stations and offices and a county's institutions, after their level word
    ("镇农技站的技术员到田间指导。", {"镇农技站"}),
    ("镇兽医站挨家挨户开展防疫。", {"镇兽医站"}),
    ("县疾控中心派出专家驻村。", {"县疾控中心"}),
    ("县供销社与合作社签订收购协议。", {"县供销社"}),
    ("县信用社为农户发放小额贷款。", {"县信用社"}),
    ("市慈善总会捐赠了过冬物资。", {"市慈善总会"}),
    ("县文化馆的老师来村里教舞蹈。", {"县文化馆"}),
]


@pytest.mark.parametrize("text, expected", TOWNSHIP_BODY_CASES)
def test_a_level_word_before_a_stations_or_an_institutions_word_names_the_body(text, expected):
    assert expected <= names(text, "Partner")


def test_jointly_before_a_verbal_noun_partners_nothing():
    assert names("镇综治办和派出所联合排查隐患。", "Partner") <= {"镇综治办", "派出所"}


def test_one_dictionary_word_for_a_kind_of_group_is_no_teams_name():
    assert not names("志愿者按专长分成护河、助学3个小分队，每个小分队由一名党员带队。", "Partner")


@pytest.mark.parametrize("text, expected", [
    # a school's own name that jieba tags as a verb (启航 v, 启智 v), written right after its district
    ("社区与南关区启航实验学校结成共建对子。", {"南关区启航实验学校"}),
    ("社区与绿园区启智特殊教育学校开展助残共建。", {"绿园区启智特殊教育学校"}),
])
def test_a_verb_tagged_word_after_a_district_begins_a_schools_name(text, expected):
    assert expected <= names(text, "Partner")


def test_a_verb_of_founding_after_a_unit_is_no_part_of_a_teams_name():
    assert not names("阳光社区组建志愿服务队。", "Partner")


def test_a_verb_between_a_unit_and_a_body_named_with_its_own_place_is_the_clauses():
    assert "兰州大学" in names("东岗社区走访兰州大学，商量共建事宜。", "Partner")


@pytest.mark.parametrize("text, expected", [
    # a centre that develops a trade or a field is an institution a unit works with, not a place
    ("安化县黑茶产业发展中心今年为12个村培训了制茶能手。", {"安化县黑茶产业发展中心"}),
    ("市青少年发展中心组织孩子们开展夏令营。", {"市青少年发展中心"}),
])
def test_a_development_centre_is_a_body(text, expected):
    assert expected <= names(text, "Partner")


# A body's office (a police station, a justice office, a squad, a bank's or a hospital's branch, a firm's project
# department) written right after its parent body is one partner, named in full; the parent is no partner of its own.
OFFICE_CASES = [
    ("湘南社区邀请桂林市公安局穿山派出所民警讲解防诈知识。", "桂林市公安局穿山派出所", "桂林市公安局"),
    ("盘州市司法局红果司法所工作人员参与调解。", "盘州市司法局红果司法所", "盘州市司法局"),
    ("襄城区城市管理局檀溪中队队员清理小广告。", "襄城区城市管理局檀溪中队", "襄城区城市管理局"),
    ("遵义市第一人民医院新蒲分院的医生前来义诊。", "遵义市第一人民医院新蒲分院", "遵义市第一人民医院"),
    ("开州区人民医院汉丰院区的医生前来义诊。", "开州区人民医院汉丰院区", "开州区人民医院"),
]


@pytest.mark.parametrize("text, office, parent", OFFICE_CASES)
def test_an_office_written_after_its_parent_body_is_one_partner(text, office, parent):
    found = names(text, "Partner")
    assert office in found and parent not in found


# A social-work organisation is registered as a place, a brand (字号) and its form: a partner named so, whatever
# characters the brand holds (a function character, a verb to jieba); the form alone is no facility.
SOCIAL_WORK_CASES = [
    ("三楼由昭通市景和社会工作服务中心负责运营。", {"昭通市景和社会工作服务中心"}),
    ("社区引入玉溪市畅和社工服务中心开展个案服务。", {"玉溪市畅和社工服务中心"}),
    ("普洱市思茅区荣和社会工作服务社承接了这个项目。", {"普洱市思茅区荣和社会工作服务社"}),
    # a conjunction before the brand joins two names; one alone before the form is no brand
    ("青松社区和宁和社会工作服务中心签订协议。", {"宁和社会工作服务中心"}),
    ("居民和社会工作服务中心的社工一起包粽子。", set()),
]


@pytest.mark.parametrize("text, expected", SOCIAL_WORK_CASES)
def test_a_social_work_organisation_is_named_with_its_place_and_brand(text, expected):
    assert names(text, "Partner") == expected
    assert not {n for n in names(text, "Facility") if "社会工作" in n or "社工" in n}


FIRM_SHORT_FORM_CASES = [
    # a property firm: place + trade name + trade + legal form, then trade name + trade word
    ("高坪街道东风社区与遵义黔信物业服务有限公司签订共建协议。黔信物业派出12名保洁员负责小区日常保洁。",
     "遵义黔信物业服务有限公司", "黔信物业"),
    # a social-work centre, later by the usual short word of its trade (社会工作 → 社工)
    ("社区引入兰州益众社会工作服务中心开展助老服务。益众社工每周入户探访独居老人。",
     "兰州益众社会工作服务中心", "益众社工"),
    # a cooperative after its county, later by its trade name and legal form
    ("村党支部牵头成立通渭县金穗马铃薯种植专业合作社。金穗合作社为农户统一供种。",
     "通渭县金穗马铃薯种植专业合作社", "金穗合作社"),
]


@pytest.mark.parametrize("text, full, short", FIRM_SHORT_FORM_CASES)
def test_a_firm_written_in_full_and_by_its_short_form_is_one_partner(text, full, short):
    found = names(text, "Partner")
    assert full in found and short not in found


def test_a_firm_with_the_same_trade_name_in_another_trade_stays_apart():
    text = "安顺华腾建筑工程有限公司承建了活动室。华腾物业负责日后的管理。"
    assert {"安顺华腾建筑工程有限公司", "华腾物业"} <= names(text, "Partner")


WORKPLACE_BRANCH_CASES = [
    # the firm by its short form: its branch is named after it
    ("东风社区党委推动黔信物业成立党支部。物业党支部书记杜明远带领党员每周巡查小区。", "黔信物业党支部"),
    # the firm only by its registered name: its branch is named after that
    ("东风社区党委推动遵义黔信物业服务有限公司成立党支部。物业党支部书记杜明远带领党员每周巡查小区。",
     "遵义黔信物业服务有限公司党支部"),
    # another kind of workplace: a hospital
    ("溪口社区与黔东南仁和医院签订共建协议，医院党支部组织党员医生每月到社区坐诊。", "仁和医院党支部"),
    # the firm named after the estate of a unit of the article: written right after that unit's stem
    ("枫岭湾社区党委介绍，社区还与枫岭湾物业党支部建立了联席会议制度。", "枫岭湾物业党支部"),
]


@pytest.mark.parametrize("text, branch", WORKPLACE_BRANCH_CASES)
def test_a_branch_named_by_its_workplace_is_the_one_named_firms(text, branch):
    from test_extract import relations
    assert branch in names(text, "PartyOrganization")
    assert not any(p == "partyOrgOf" and s == branch for s, p, o in relations(text))  # (the firm's, no unit's)


def test_a_branch_named_by_its_workplace_in_a_story_of_two_such_firms_is_neither():
    text = "东风社区引入黔信物业和安达物业，物业党支部书记杜明远说，小区面貌焕然一新。"
    assert not {"黔信物业党支部", "安达物业党支部"} & names(text, "PartyOrganization")


def test_what_a_place_lacks_before_a_firms_word_is_no_partner():
    assert not names("柳湾社区还有3个无物业或弱物业小区需要托管。", "Partner")


BODY_OF_A_PLACE_CASES = [
    # a department named for fields joined by 和, after a district the dictionary does not hold: the
    # district's department, named with it
    ("龙子湖区人力资源和社会保障局派人到社区开展招聘。", "龙子湖区人力资源和社会保障局"),
    ("社区邀请淮上区住房和城乡建设局派驻工程监理。", "淮上区住房和城乡建设局"),
    # an academy's or a university's institute, named right after it: one body
    ("村里请来福建省农业科学院茶叶研究所的专家开展技术培训。", "福建省农业科学院茶叶研究所"),
    ("合作社与甘肃农业大学草业研究所签订技术服务协议。", "甘肃农业大学草业研究所"),
    # a university's school, named right after it (a college's, or a university's): one body
    ("青川学院生物学院的师生到村里开展土壤检测。", "青川学院生物学院"),
    ("社区与澜沧理工大学电气工程学院结成共建对子。", "澜沧理工大学电气工程学院"),
]


@pytest.mark.parametrize("text, body", BODY_OF_A_PLACE_CASES)
def test_a_body_is_named_with_the_place_or_the_body_it_belongs_to(text, body):
    assert names(text, "Partner") == {body}


def test_a_body_whose_head_a_person_is_appointed_begins_after_the_verb():
    # 书记某某任|合作社理事长: no body named 书记某某任合作社; 合作社 alone is the one named before
    text = "石桥村党支部牵头成立石桥村蜜柚种植专业合作社，村党支部书记邹德明任合作社理事长。"
    assert names(text, "Partner") == {"石桥村蜜柚种植专业合作社"}


def test_a_meeting_whose_word_ends_in_a_bodys_is_no_partner():
    assert not names("柳湾社区先后召开议事协商会9场，收集居民意见。", "Partner")



@pytest.mark.parametrize("short, full, expected", [
    ("黔信物业", "遵义黔信物业服务有限公司", True),
    ("遵义黔信物业", "遵义黔信物业服务有限公司", True),  # the place may lead the short form too
    ("黔信公司", "遵义黔信物业服务有限公司", True),
    ("益众社工", "兰州市七里河区益众社会工作服务中心", True),  # after two places
    ("遵义物业", "遵义黔信物业服务有限公司", False),  # a place and a trade word: no trade name
    ("宁安物业", "河北宁安物业服务有限公司", True),  # a trade name that is also a place's (宁安市) elsewhere
    ("黔信建材", "遵义黔信物业服务有限公司", False),  # another trade
    ("信物业", "遵义黔信物业服务有限公司", False),  # too short to say whose
])
def test_a_short_form_keeps_the_trade_name_and_characters_of_the_full_name_in_order(short, full, expected):
    from kg.extract.firms import is_short_form
    assert is_short_form(short, full) is expected


def test_a_team_named_for_its_task_keeps_the_task_in_its_name():
    # 竹林|管护|先锋队: the object and the verbal noun of the task both name the team
    assert names("青林村党支部组织党员成立了竹林管护先锋队，每名党员联系3户。", "Partner") == {"竹林管护先锋队"}


@pytest.mark.parametrize("text", [
    "市局派出工作队进驻青林村。",  # a task alone, no object of it
    "把红军标语墙和青林村的老游击队驻地串成一条线路。",  # the team word inside a dictionary word
])
def test_a_task_alone_or_a_word_ending_in_a_teams_character_names_no_team(text):
    assert not names(text, "Partner")


# 和 right before a body's ending would join a name to a bare ending (和|医院), which names no body: after a
# place and a single character it is a character of the body's own name. Between two words it still joins.
CONJUNCTION_IN_NAME_CASES = [
    ("社区与绵阳市实验小学、绵阳益和医院、四川信和律师事务所结成共建单位。", {"绵阳益和医院", "四川信和律师事务所"}),
    ("村里邀请遂宁同和医院的医生开展义诊。", {"遂宁同和医院"}),
]


@pytest.mark.parametrize("text, expected", CONJUNCTION_IN_NAME_CASES)
def test_a_conjunction_before_a_bodys_ending_after_a_place_is_part_of_its_name(text, expected):
    assert expected <= names(text, "Partner")


def test_a_conjunction_between_two_words_for_bodies_joins_them():
    assert not {n for n in names("社区与辖区学校和医院结对，开展健康讲座。", "Partner") if "和" in n}


def test_a_committees_party_school_is_a_school_not_the_committee():
    text = "镇党委与遂川县委党校联合开办村干部培训班，每村选派两名后备干部参加。"
    assert "遂川县委党校" in names(text, "Partner")
    assert "遂川县委" not in names(text, "PartyOrganization")


NOT_A_BODY_CASES = [
    # a founding verb before the trade and the body's ending: running a kind of body, no body's name
    ("瓦楼村党支部书记滕国华汇报了村党支部领办油茶种植合作社、带动群众增收的经验。", "领办油茶种植合作社"),
    # a word of time before the trade's word
    ("过去物业收费难、服务差，业主意见很大。", "过去物业"),
]


@pytest.mark.parametrize("text, absent", NOT_A_BODY_CASES)
def test_a_founding_verb_or_a_time_before_a_bodys_ending_names_no_body(text, absent):
    assert absent not in names(text, "Partner")


TRADE_ASSOCIATION_CASES = [
    # jieba tags 快递 a verb and writes 行业协会 as one word: the trade's word still begins the association's name
    ("社区党委联合嘉定区快递行业协会开展骑手关爱活动。", "嘉定区快递行业协会"),
    ("社区党委联合长沙恒达物流有限公司、雨花区物流行业协会成立联合党支部。", "雨花区物流行业协会"),
]


@pytest.mark.parametrize("text, expected", TRADE_ASSOCIATION_CASES)
def test_a_trades_association_keeps_the_trade_word_in_its_name(text, expected):
    found = names(text, "Partner")
    assert expected in found
    assert not {n for n in found if expected.startswith(n) and n != expected}  # (no name cut at the trade word)


def test_the_trades_listed_before_firms_are_no_partners():
    found = names("镇党委吸纳辖区餐饮、家政等企业党组织12个，组建区域党建联合体。", "Partner")
    assert not found & {"餐饮", "家政"}


def test_a_firm_listed_by_its_short_name_before_firms_is_still_a_partner():
    found = names("社区邀请贵阳明远科技有限公司、黔兴、云岚等企业参与共建。", "Partner")
    assert {"黔兴", "云岚"} <= found


def test_a_verb_of_putting_a_place_to_use_begins_no_facilitys_name():
    found = names("这间书屋是居委会利用党群服务中心三楼的空房改建的。", "Facility")
    assert not {n for n in found if "利用" in n}


def test_a_numbered_schools_party_branch_is_named_with_the_number_and_the_place():
    text = "结对后，绵阳市第十九中学党支部书记覃卫东说，学校将每周开放图书室。"
    assert "绵阳市第十九中学党支部" in names(text, "PartyOrganization")
    assert "中学党支部" not in names(text, "PartyOrganization")


# Where a body's name reaches: the city written before the district of a district's hospital, both trades
# of a trade's association (物流|快递|协会: jieba tags the second a verb), and the branch's own name
# between a bank and 支行 whatever jieba tags it (发展, a verb). Sentences written for the test.
REACH_CASES = [
    ("宜宾市翠屏区人民医院的医生每月来村里义诊。", "宜宾市翠屏区人民医院"),
    ("海口市龙华区物流快递协会为骑手送去了清凉包。", "海口市龙华区物流快递协会"),
    ("德阳农商银行发展支行的客户经理上门办理了贷款。", "德阳农商银行发展支行"),
]


@pytest.mark.parametrize("text, expected", REACH_CASES)
def test_a_bodys_name_reaches_its_city_its_trades_and_its_branchs_own_name(text, expected):
    assert expected in names(text, "Partner")


@pytest.mark.parametrize("text, absent", [
    ("县一中的退休职工志愿服务队来到村里。", "退休职工志愿服务队"),
    ("每逢周末，镇中学的中学生志愿者团队都来敬老院帮忙。", "中学生志愿者团队"),
])
def test_a_team_named_only_by_who_its_members_are_is_no_named_team(text, absent):
    assert absent not in names(text, "Partner")


def test_a_team_with_a_name_of_its_own_is_a_team():
    assert "紫藤志愿服务队" in names("社区成立了紫藤志愿服务队。", "Partner")


ACTIVITY_SOCIETIES = [
    # jieba tags the pastime a verb; after a place, after the verb that governs the society, after a preposition
    ("社区党委联合石门县烹饪协会为独居老人包饺子。", {"石门县烹饪协会"}),
    ("社区邀请收藏协会的会员举办老物件展。", {"收藏协会"}),
    ("街道党工委与健身协会签订了共建协议。", {"健身协会"}),
]


@pytest.mark.parametrize("text, expected", ACTIVITY_SOCIETIES)
def test_a_society_named_for_a_pastime_verb_is_a_partner(text, expected):
    assert expected <= names(text, "Partner")


@pytest.mark.parametrize("text", [
    "居民加入协会以后，每周参加一次活动。",  # the verb's subject stands before it: 加入 is the sentence's verb
    "去年，街道成立协会，吸纳会员40名。",  # a verb of founding acts on the body, it names none
    "石门县成立协会，吸纳会员40名。",  # not even after a place
])
def test_a_verb_before_a_society_word_is_no_name_when_it_acts_on_the_body(text):
    assert not {n for n in names(text, "Partner") if n.endswith("协会")}


@pytest.mark.parametrize("text, expected", [
    # the people's organisations by their usual short names, after a level word
    ("县文联的书画家来到村里，为村民写春联。", {"县文联"}),
    ("县工商联组织会员企业为困难户送去棉被。", {"县工商联"}),
    # a council of village worthies is a body, as a 理事会 is
    ("今年春天，村里成立了方家岭村乡贤参事会，首批吸纳会员30人。", {"方家岭村乡贤参事会"}),
])
def test_mass_organisations_and_councils_are_partners(text, expected):
    assert expected <= names(text, "Partner")


@pytest.mark.parametrize("text", [
    "村里把原信用社的旧房改成了图书室。",  # what the building was, no body of today
    "镇上那座老供销社的院子如今成了集市。",
])
def test_a_body_named_only_by_age_or_former_use_is_no_partner(text):
    assert not names(text, "Partner")


def test_a_dictionary_word_for_a_kind_of_group_is_no_name():
    text = "医院的医疗队和村里的秧歌队一起来到广场，银杏秧歌队表演了新编的节目。"
    partners = names(text, "Partner")
    assert "银杏秧歌队" in partners
    assert not partners & {"医疗队", "秧歌队"}


def test_a_level_word_after_one_character_of_a_name_is_a_syllable_of_it():
    # 荷乡 is no township: 乡 here is the school's own name, which begins at the city before it
    assert "益阳荷乡职业技术学校" in names("益阳荷乡职业技术学校的老师来到社区。", "Partner")


def test_a_level_word_after_a_verb_s_complement_begins_the_body():
    # 用好|区民政局: 好 completes the verb, it is no syllable of the bureau's name
    assert "好区民政局" not in names("我们要用好区民政局和街道的资源。", "Partner")


def test_a_verb_whose_object_is_a_body_never_begins_its_name():
    # jieba tags 牵线 a noun; the rules know it as a verb of bringing a body in
    assert names("街道党工委牵线翠湖绿源农业科技有限公司为村民提供岗位。", "Partner") == {"翠湖绿源农业科技有限公司"}


def test_a_federation_of_cooperatives_is_one_body():
    # 联合 begins the federation's ending here, no partnering verb: nothing after it is a partner's name
    assert names("村里与县供销合作社联合社签订了收购协议。", "Partner") == {"县供销合作社联合社"}


def test_a_city_whose_name_ends_like_a_descriptive_word_begins_a_firm_s_name():
    # 怀化 ends in 化 as 智能化 does; it is a city, and the firm registered there is named from it
    assert "怀化天天家政服务有限公司" in names("社区引入怀化天天家政服务有限公司为老人上门保洁。", "Partner")


def test_a_group_company_is_named_from_the_province_it_is_registered_in():
    # 集团有限公司 is one legal form; 建设 (a stop word elsewhere) names the firm's trade inside the name
    assert names("承担施工的湖北楚恒建设集团有限公司把路面重新铺了一遍。", "Partner") == {"湖北楚恒建设集团有限公司"}


@pytest.mark.parametrize("text, body", [
    ("宜宾青柚康养护理院的护工每周到社区教家属照护失能老人。", "宜宾青柚康养护理院"),  # a nursing home
    ("城南和弦琴行借出一架钢琴，供合唱团排练。", "城南和弦琴行"),  # a shop by its trade's word
    ("社区党委牵头组建“云雀”合唱团，30多名居民报名。", "云雀合唱团"),  # a quoted name and a performing group's head
])
def test_a_nursing_home_a_shop_by_its_trade_and_a_quoted_choir_are_partners(text, body):
    found = [m for m in extract_text(text).mentions if m.cls == "Partner"]
    assert any(body == m.name or body in m.aliases for m in found)


def test_a_rural_bank_is_a_partner_and_names_no_town():
    # 村镇银行 is a kind of bank: the 村镇 of its name is villages and towns, not a town called 某村镇
    text = "湘东村镇银行为合作社发放了低息贷款。"
    assert "湘东村镇银行" in names(text, "Partner")
    assert not names(text, "AdministrativeUnit")


@pytest.mark.parametrize("text, body", [
    ("临江派出所在小区门口设立了警务室。", "临江派出所"),  # 所在 is a word to jieba, but 在 begins the place
    ("浙江衡石律师事务所在社区开设了法律门诊。", "浙江衡石律师事务所"),
])
def test_a_body_ending_in_suo_before_zai_is_a_partner(text, body):
    assert body in names(text, "Partner")


def test_an_insurers_county_branch_is_named_with_the_insurer():
    # 支公司 is an insurer's county office, named right after the company, as 分公司 and 支行 are
    text = "安邦泰和财产保险股份有限公司青川支公司为巡逻队员购买了意外险。"
    assert names(text, "Partner") == {"安邦泰和财产保险股份有限公司青川支公司"}
