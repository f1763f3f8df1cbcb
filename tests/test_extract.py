"""Extraction rules, one table per class. Every sentence is written for the test
from the pattern it exercises, in the manner of local news from provinces the
sample articles do not come from; none is a sample sentence with its names
changed, and every expectation was worked out by hand from the rule."""
from __future__ import annotations

from collections import Counter

import pytest

from kg.model import RawArticle
from kg.pipeline import prepare_article, process_article


def extract_text(text: str):
    return process_article(prepare_article(RawArticle(source="test", text=text)))


def names(text: str, cls: str) -> set[str]:
    return {m.name for m in extract_text(text).mentions if m.cls == cls and not m.implicit}


def relations(text: str) -> set[tuple[str, str, str]]:
    return {(r.subject.name, r.predicate, r.object.name) for r in extract_text(text).relations}


def subjects(text: str, predicate: str, obj: str) -> set[str]:
    """The subjects of one predicate and object among the text's relations."""
    return {s for s, p, o in relations(text) if p == predicate and o == obj}


# ------------------------------------------------------------------ units
# Sentences written for these tests in the manner of local news from several
# provinces (Sichuan, Gansu, Fujian, Jilin, Yunnan...); the place names are real
# divisions where the gazetteer must know them, invented below township level.
UNIT_CASES = [
    # a verb of founding jieba tags a noun (领办) begins no place's name; one whose characters are the name's
    # (新建路) does
    ("村党支部领办柿坪村茶叶专业合作社,带动农户增收。", {"柿坪村"}),
    ("兴隆镇新建路社区位于老城区。", {"兴隆镇", "新建路社区"}),
    # a verb and the general measure word (像|个), or a word of how often (每周), make a clause, not a name
    ("这条巷子像个大院子,谁家有事都来帮忙。", set()),
    ("志愿者每周巡小区,收集居民意见。", set()),
    # a stem of a word jieba's dictionary lacks, cut into characters, is not cut by the length cap
    # between two of them (汇|贤|家园|南区: the name begins at 汇, not at 贤)
    ("西城区月坛街道汇贤家园南区社区组织居民议事。", {"西城区", "月坛街道", "汇贤家园南区社区"}),
    # a one-character verb of turning to a place (报, 找) begins no name; one the gazetteer knows as a
    # name's first character (送桥镇) does
    ("居民有小事报网格,大事报社区。", set()),
    ("高邮市送桥镇举办龙虾节。", {"高邮市", "送桥镇"}),
    # (or the national table of villages: 来龙村 is a village's name in several provinces)
    ("驻村干部走进来龙村查看春耕。", {"来龙村"}),
    # a village whose name begins with a function character (和, 为), written after the township that
    # the national table lists it under; a village the table does not list there is cut as before
    ("五莲县街头镇和庄村的果园里一片繁忙。", {"五莲县", "街头镇", "和庄村"}),
    ("闵行区浦锦街道为民村举办邻里节。", {"闵行区", "浦锦街道", "为民村"}),
    ("街头镇和石门村的干部都来了。", {"街头镇", "石门村"}),
    # a county's short name before a village the national table lists in that county leads the name;
    # before a village it does not list there, the name is read as written
    ("平阳东坑村:小山村里的大变化", {"平阳县", "东坑村"}),
    ("平阳西湾村的杨梅熟了。", {"平阳西湾村"}),
    # verbs and a time word that jieba's dictionary tags as nouns never begin a name
    ("区里召开现场会,总结青杠坡社区垃圾分类的做法。", {"青杠坡社区"}),
    ("干部们联系青杠坡社区的群众。", {"青杠坡社区"}),
    ("全县2024年度镇党委书记述职评议会昨日召开。", set()),
    # written with its parents: every level is a unit
    ("兰州市城关区皋兰路街道组织开展消防演练。", {"兰州市", "城关区", "皋兰路街道"}),
    # community by suffix, stem walked back to the verb before it
    ("党员干部深入青杠坡社区走访困难群众。", {"青杠坡社区"}),
    # numbered group of a village
    ("石板桥村5组的水渠今年完成了硬化。", {"石板桥村", "石板桥村5组"}),
    # a numbered residents' committee of a large community
    ("区卫健委的志愿者来到金城社区二居委会开展义诊。", {"金城社区", "金城社区二居委会"}),
    # a bare name coordinated with a suffixed one shares the suffix
    ("网格员逐户走访了下坝、上坝村民组。", {"下坝村民组", "上坝村民组"}),
    # descriptions are not names: an adjective of kind (…型, …式) or rank (…级) before the level word
    ("辖区内有开放式小区和复合型社区,还有星级社区。", set()),
    ("打造服务型社区,推动智慧化社区建设。", set()),
    # a short form that begins a longer name is not the city 大理
    ("志愿者来到大理社区开展义诊。", {"大理社区"}),
    # a gazetteer district whose name is an everyday word, with no other place to support it
    ("直播车开进老城区。", set()),
    # a province short form
    ("甘肃举办乡村振兴成果展。", {"甘肃省"}),
    # inside a quoted name a suffix does not make a place
    ("开设“书香社区”专栏。", set()),
    # quoted speech is not a name: the community it mentions is one
    ("他说:“我们在枫林社区住了二十年,变化很大。”", {"枫林社区"}),
    # a particle or a directional verb never starts a name
    ("这标志着松涛社区的改造全面完成。", {"松涛社区"}),
    ("推动服务站点进小区、进楼栋。", set()),
    # a place word ending in the suffix ends the name: 某某新村
    ("雷家坝新村的村民领到了分红。", {"雷家坝新村"}),
    # compounds named as 家属院 and 片区
    ("帮助粮食局家属院更换了路灯。", {"粮食局家属院"}),
    # a number may lead a stem (二号井社区), and be the whole stem of a numbered compound (32号院)
    ("二号井社区的志愿者走进32号院清理楼道杂物。", {"二号井社区", "32号院"}),
    # compounds named …苑; a size word and the one-character suffix make a common noun
    ("金桂苑和锦绣苑的业主参加了议事会。", {"金桂苑", "锦绣苑"}),
    ("社区里的小苑种满了月季。", set()),
    # a subdistrict's office is the subdistrict
    ("城关区皋兰路办事处组织开展消防演练。", {"城关区", "皋兰路街道"}),
    # a subdistrict or town the table lacks, written before its office (某某街道办事处), is a unit; the office is none
    ("凤冈县青岚街道办事处组织开展消防演练。", {"凤冈县", "青岚街道"}),
    ("岑巩县羊桥乡办事处组织开展消防演练。", {"岑巩县", "羊桥乡"}),
    # 龙潭村村党组织: the second 村 is the level word of the organisation, not part of the name
    ("城关区龙潭村村党组织书记介绍了情况。", {"城关区", "龙潭村"}),
    # a verb that jieba's dictionary tags as a noun never starts a name
    ("志愿者代表青杠坡社区领取了奖牌。", {"青杠坡社区"}),
    ("激发居民助力社区治理的热情。", set()),
    ("青年党员积极投身社区治理。", set()),
    ("帮扶干部常年定点联系石桥村。", {"石桥村"}),
    # the word after an adverb, or right after a word for people (its subject), is the clause's verb
    ("机关干部长期定点社区值守。", set()),
    ("驻村工作队员定点社区开展帮扶。", set()),
    ("选派干部扎根杨柳湾村五年,带领村民种植脐橙。", {"杨柳湾村"}),
    # a one-character adverb may stand before a name
    ("仅金城社区就新增停车位200个。", {"金城社区"}),
    # an adjective is a community's name when written right after the unit above it; a generic stem is not
    ("青岚街道团结社区开展消防演练。", {"青岚街道", "团结社区"}),
    ("深入推进青岚街道和谐社区建设。", {"青岚街道"}),
    # a verb between a township and 社区 names the community when the national table knows such communities;
    # an action does not, nor does a verb after a community (its subject)
    ("城关区皋兰路街道胜利社区开展消防演练。", {"城关区", "皋兰路街道", "胜利社区"}),
    ("城关区皋兰路街道推进社区治理。", {"城关区", "皋兰路街道"}),
    ("金城社区共建社区花园。", {"金城社区"}),
    # a road named after a date is a numeral to jieba, and a community's stem
    ("五四路社区开展消防演练。", {"五四路社区"}),
    # a division's name that jieba takes across two words (发展乡|村 for 发展|乡村) is none
    ("返乡青年立志发展乡村旅游。", set()),
    ("大学生村官回乡建设乡村。", set()),
    # a direction or a one-character stem that the gazetteer knows as divisions needs other places' support
    ("家住城南的老人说,城区道路都修好了。", set()),
    # a name the article also writes with 社区 after it is that community
    ("电厂一村的居民来到电厂一村社区活动室。", {"电厂一村社区"}),
    # a numbered estate (三村) inside a community's name is part of it
    ("纺织厂三村社区的居民参加了义诊。", {"纺织厂三村社区"}),
    # a determiner and a level word (各村, 该镇) name no place
    ("各村社区都参加了培训。", set()),
    ("该镇社区书记参加了会议。", set()),
    # a stem that jieba splits inside the village's word (新|塘村): the whole stem, not its first token, is asked
    ("醴陵市白兔潭镇新塘村的志愿者清扫了村道。", {"醴陵市", "白兔潭镇", "新塘村"}),
    # the short form led by the township's short name is the community the article names in full
    ("红柳街道纺织二村社区召开居民会。\n红柳纺织二村的老人参加了活动。", {"红柳街道", "纺织二村社区"}),
    # a count and a measure word before a stem and a suffix describe a kind of place (a 纯农业村), name none
    ("柳湾村有农户320户,是一个纯农业村。", {"柳湾村"}),
    # a people's name before 乡 makes its homeland (苗乡, 侗乡), a literary word, also inside a firm's name
    ("汶川羌乡绣娘合作社的绣品远销海外。", set()),
    # a stem whose first word says what the place lacks (无|电梯小区, 非|直管社区) describes a kind of place
    ("老城区还有不少无电梯小区。", set()),
    ("非直管社区的居民也能就近办理。", set()),
    # 楼院, a courtyard of residential blocks, ends a compound's name
    ("在新华路楼院,居民们自发清理杂物。", {"新华路楼院"}),
    # 成 alone as a token inside a name, after no verb, is the name's (德|成|社区)
    ("志愿者来到德成社区参加义诊。", {"德成社区"}),
    # a division written with its parent that jieba's dictionary holds as one word names both
    ("吉林省延边朝鲜族自治州和龙市的边境村庄迎来了游客。", {"吉林省", "延边朝鲜族自治州", "和龙市"}),
    # estates listed before a count and a kind of estate are compounds, named as written (or as the article
    # also names them with the kind word)
    ("青竹社区有翠湖名邸、金沙雅居、锦绣华庭3个住宅小区。", {"青竹社区", "翠湖名邸", "金沙雅居", "锦绣华庭"}),
    ("青竹社区有翠湖名邸、金沙雅居两个小区。金沙雅居小区去年加装了电梯。", {"青竹社区", "翠湖名邸", "金沙雅居小区"}),
    # two words that begin alike (爱国|爱乡) make a set phrase, though the second is a place word to jieba
    ("祠堂成了青少年接受爱国爱乡教育的课堂。", set()),
    # (two names that begin alike are no set phrase: 南镇|南村, no verb)
    ("村民们来到北关北村参观。", {"北关北村"}),
    # words that describe rather than name before the suffix: a verb phrase, a quantity, a count of the
    # places, a kind of area, a kind of work (the national table lists none of these names)
    ("她腿脚好了,每天都能走下楼去社区活动室下棋。", set()),
    ("下个月柿子沟街道将在全部社区开设周末课堂。", {"柿子沟街道"}),
    ("麻石岭村党支部书记介绍,去年下半年三村共接待游客6000人次。", {"麻石岭村"}),
    # (a numeral after a noun numbers an estate: 粮站|二|村社区 is named)
    ("志愿者来到粮站二村社区党群服务中心。", {"粮站二村社区"}),
    ("樟木坪社区是一个典型的老厂区社区,居民多为退休职工。", {"樟木坪社区"}),
    ("社区养老社区服务站设在樟木坪社区居委会一楼。", {"樟木坪社区"}),
    # a kind of place after what the sentence does with it (摸排出|老|旧|小区), after an adverb of doing
    # together (一起|商量|小区), or after what it lacks (弱|物业小区): described, not named
    ("柳湾社区党委走访居民，排查出老旧小区屋面漏水等问题。", {"柳湾社区"}),
    ("柳湾社区党委走访居民，整理出老旧小区屋面漏水等问题。", {"柳湾社区"}),
    ("柳湾社区的楼长和业主一起商量小区停车位怎么划。", {"柳湾社区"}),
    ("柳湾社区还有3个无物业或弱物业小区需要托管。", {"柳湾社区"}),
    # sending someone whose title follows (选派|社区党委委员某某)
    ("柳湾社区党委选派社区党委委员汤明担任小区党支部书记。", {"柳湾社区"}),
    ("青林街道下派社区干部10名，到小区蹲点。", {"青林街道"}),
    # a counted kind of place, though a division of the gazetteer is called so
    ("柳湾社区紧邻一处工业园区，企业职工多。", {"柳湾社区"}),
]


@pytest.mark.parametrize("text, expected", UNIT_CASES)
def test_units(text, expected):
    assert names(text, "AdministrativeUnit") == expected


def test_a_government_office_publishing_the_page_names_its_places():
    page = ("当前位置:首页>>工作动态\n\n老旧小区换新颜 居民幸福感节节高\n\n"
            "发布日期:2024-03-02 09:30 来源:兰州市城关区人民政府皋兰路街道办事处 打印本页\n\n"
            "近日,金城社区党委组织党员志愿者清理楼道杂物。\n")
    assert names(page, "AdministrativeUnit") == {"兰州市", "城关区", "皋兰路街道", "金城社区"}
    assert ("金城社区", "partOf", "皋兰路街道") in relations(page)


def test_gazetteer_fills_in_the_hierarchy_the_article_leaves_out():
    found = extract_text("城关区皋兰路街道金城社区召开居民议事会。")
    implicit = {m.name for m in found.mentions if m.implicit}
    assert implicit == {"兰州市", "甘肃省"}
    rels = {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    assert {("金城社区", "partOf", "皋兰路街道"), ("皋兰路街道", "partOf", "城关区"),
            ("城关区", "partOf", "兰州市"), ("兰州市", "partOf", "甘肃省")} <= rels


def test_the_national_table_places_a_community_in_the_district_the_article_names():
    # 东岗东路社区 is one community of 城关区 (Lanzhou); its township is not named, so its parent is the district
    rels = relations("城关区东岗东路社区开展义诊。")
    assert ("东岗东路社区", "partOf", "城关区") in rels
    assert ("城关区", "partOf", "兰州市") in rels


def test_the_national_table_tells_homonym_districts_apart_by_their_communities():
    # four 鼓楼区; 东井亭社区 lies only in Nanjing's
    rels = relations("鼓楼区东井亭社区开展义诊。")
    assert ("鼓楼区", "partOf", "南京市") in rels


def test_a_numbered_committee_is_a_community_below_its_own_and_is_named_again_by_its_number():
    text = "区卫健委的志愿者来到金城社区二居委会开展义诊。会上,县第一中学、祥和物业和二居委会的党员代表签订共建协议。"
    rels = relations(text)
    assert ("金城社区二居委会", "partOf", "金城社区") in rels
    # (区卫健委, the subject of the first sentence, does its clinic with the committee it comes to)
    assert {o for s, p, o in rels if p == "partnersWith" and s == "金城社区二居委会"} == {"区卫健委", "县第一中学", "祥和物业"}
    # 十二居委会 is another committee: its 二居委会 is no mention of the second
    assert "金城社区二居委会" not in names("金城社区十二居委会组织居民议事。", "AdministrativeUnit")


def test_a_community_named_after_a_numbered_estate_tells_homonym_districts_apart():
    # four 鼓楼区; the one 凤凰二村社区 of the table lies in Nanjing's
    found = extract_text("鼓楼区凤凰二村社区开展义诊。")
    assert {m.name for m in found.mentions if m.implicit} == {"南京市", "江苏省"}
    assert ("凤凰二村社区", "partOf", "鼓楼区") in {(r.subject.name, r.predicate, r.object.name) for r in found.relations}


def test_a_community_the_table_does_not_single_out_stays_unplaced():
    # 三营村 is in seven places, none of which the article names
    assert not any(p == "partOf" for s, p, _ in relations("三营村召开村民大会。") if s == "三营村")


def test_community_is_placed_under_the_articles_only_subdistrict():
    text = "皋兰路街道党工委安排部署冬季供暖工作。\n金城社区组织网格员入户排查。"
    assert ("金城社区", "partOf", "皋兰路街道") in relations(text)


# Chains the article writes (county, township, village) where the 2023 table has no such township
# there: 青岚镇 and 羊桥乡 are in no county of the table, 龙湾街道 only in a district of Liaoning.
WRITTEN_CHAIN_CASES = [
    ("凤冈县青岚镇石笋村组织党员清理河道垃圾。", "青岚镇",
     {("青岚镇", "partOf", "凤冈县"), ("石笋村", "partOf", "青岚镇"), ("凤冈县", "partOf", "遵义市")}, {"遵义市", "贵州省"}),
    # a village that jieba holds as one word tagged as a person's name (双水村 nr)
    ("岑巩县羊桥乡双水村的茶园迎来采摘季。", "羊桥乡",
     {("羊桥乡", "partOf", "岑巩县"), ("双水村", "partOf", "羊桥乡")}, {"黔东南苗族侗族自治州", "贵州省"}),
    # the table's only 龙湾街道 is in Liaoning: written inside a county of Guizhou it is that county's
    ("岑巩县龙湾街道枫香社区为老人送去了年货。", "龙湾街道",
     {("龙湾街道", "partOf", "岑巩县"), ("枫香社区", "partOf", "龙湾街道")}, {"黔东南苗族侗族自治州", "贵州省"}),
    # a town of one character and its level word, which the table has only elsewhere
    ("岑巩县口镇龙泉村的茶园迎来采摘季。", "口镇",
     {("口镇", "partOf", "岑巩县"), ("龙泉村", "partOf", "口镇")}, {"黔东南苗族侗族自治州", "贵州省"}),
    # a county's short name before a township the table lacks is the county, not the township's first word
    ("凤冈青岚镇石笋村组织党员清理河道垃圾。", "青岚镇",
     {("青岚镇", "partOf", "凤冈县"), ("石笋村", "partOf", "青岚镇")}, {"遵义市", "贵州省"}),
    # a county of one character and its level word, written before its township, is that county
    ("日前,沛县龙湾街道青杨社区召开居民议事会。", "龙湾街道",
     {("龙湾街道", "partOf", "沛县"), ("青杨社区", "partOf", "龙湾街道"), ("沛县", "partOf", "徐州市")}, {"徐州市", "江苏省"}),
]


@pytest.mark.parametrize("text, township, expected, implicit", WRITTEN_CHAIN_CASES)
def test_a_township_the_table_lacks_in_the_county_written_before_it_is_the_articles_unit(text, township, expected, implicit):
    found = extract_text(text)
    mentions = [m for m in found.mentions if m.name == township]
    assert mentions and all(m.code is None and m.kind == "subdistrict" for m in mentions)  # not the table's
    assert all(m.evidence.sentence == text for m in mentions)  # the sentence that writes the chain says so
    assert expected <= {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    assert {m.name for m in found.mentions if m.implicit} == implicit


def test_a_countys_short_name_before_a_township_of_the_table_picks_the_countys_homonym():
    # two 鳌江镇 in the table; 平阳 is the short name of the county that holds one of them
    rels = relations("平阳鳌江镇开展送温暖活动。")
    assert {("鳌江镇", "partOf", "平阳县"), ("平阳县", "partOf", "温州市")} <= rels


def test_a_township_the_table_knows_in_the_county_written_before_it_keeps_its_code():
    # two 三合街道 in the table; the one in 丰都县 is the one written there
    found = extract_text("丰都县三合街道把服务送到群众家门口。")
    assert next(m.code for m in found.mentions if m.name == "三合街道") == "500230001000"


WRITTEN_CHAIN_GUARDS = [
    # a division whose name is also a word (房山, 会同) is that division written before a unit in it
    ("房山区拱辰社区开展义诊。", {"房山区", "拱辰社区"}),
    ("会同县龙潭村修通了公路。", {"会同县", "龙潭村"}),
    # a road's name (芙蓉中路) and a farm's (农场 is a word before it is a township) keep the short name of a district
    ("芙蓉中路街道开展送温暖活动。", {"芙蓉中路街道"}),
    ("红山农场的职工参加了培训。", set()),
    # ... and so is one written before its own party committee; a word for a part of any town is not
    ("富强乡党委召开乡村振兴专题会议。", {"富强乡"}),
    ("努力建设富强乡村。", set()),
    ("老城区党委召开会议。", set()),
    # a direction and 区 written before a unit is a part of it, no district (the table's 东区 is in Sichuan)
    ("小区东区青松居民组开展清扫。", {"青松居民组"}),
    # a district that is also an everyday word is not made a place by the unit after it
    ("老城区青松社区举行文艺汇演。", {"青松社区"}),
    # a verb after a township starts no village: 召开村两委会议
    ("石门镇召开村两委会议,部署防汛工作。", {"石门镇"}),
    # a generic word after a county is no unit of it (城中村, 城中 is generic)
    ("长沙县城中村改造全面完成。", {"长沙县"}),
    # a village of the dictionary tagged as a person's name is a village only written after its parent
    ("平阳县的干部走进双水村。", {"平阳县"}),
]


def test_a_township_named_by_a_word_before_its_committee_brings_its_ancestors():
    # the table's one 富强乡 is in 绥滨县 (Hegang, Heilongjiang)
    found = extract_text("富强乡党委召开乡村振兴专题会议。")
    assert {m.name for m in found.mentions if m.implicit} == {"绥滨县", "鹤岗市", "黑龙江省"}


@pytest.mark.parametrize("text, expected", WRITTEN_CHAIN_GUARDS)
def test_written_chain_guards(text, expected):
    assert names(text, "AdministrativeUnit") == expected


# ------------------------------------------------------- party organisations
PARTY_CASES = [
    ("皋兰路街道党工委召开理论学习会。", {"皋兰路街道党工委"}),
    # a workplace word that ends a body's name (人民医院) is that body's, not a kind of members' branch
    ("州人民医院党委组织专家下乡义诊。", {"州人民医院党委"}),
    # an ordinal before a kind of members names the branch (第三网格党支部)
    ("第三网格党支部书记卢晓红带领党员清理卫生死角。", {"第三网格党支部"}),
    # a committee of several bodies (综合党委, 联合党支部): the modifier belongs to the kind, not to the stem
    ("恒隆中心商务楼宇综合党委召开年度工作会。", {"恒隆中心商务楼宇综合党委"}),
    # a body's organisation named after a place's short form keeps the form written
    ("宁夏农垦职工培训中心党支部与社区结对共建。", {"宁夏农垦职工培训中心党支部"}),
    # a generic reference takes the community the passage is about
    ("金城社区位于城东。社区党委每月召开一次议事会。", {"金城社区党委"}),
    # a stem of the article's community names its organisation
    ("金城社区位于城东。金城党总支带头开展活动。", {"金城社区党总支"}),
    # youth league committee and district committee
    ("在共青团城关区委的指导下开展活动。", {"共青团城关区委"}),
    ("城关区委主要负责同志出席会议。", {"城关区委"}),
    # a generic reference with nothing to settle on leaves no node
    ("社区党委高度重视。", set()),
    # a committee's department, and the youth league after a district
    ("由兰州市委组织部指导,城关区团区委承办。", {"兰州市委组织部", "城关区团区委"}),
    # a department named by level only is the one of the article's own province
    ("七里河区居民代表向省委组织部汇报。", {"甘肃省委组织部"}),
    # an organisation named after a body that is no unit of the article
    ("省气象服务中心党支部与社区开展共建。", {"省气象服务中心党支部"}),
    # a numbered branch of the community
    ("金城社区召开会议。社区三支部的党员先行一步。", {"金城社区三支部"}),
    # the layers of a described structure are not named bodies
    ("构建“社区党委—小区党支部—楼栋党小组”三级架构。", set()),
    # a generic organisation word after a verb is no name
    ("要充分发挥基层党组织的战斗堡垒作用。", set()),
    # an ordinal before a kind of members, the unit before the ordinal: the unit's numbered branch
    ("金城社区第三网格党小组开展巡查。", {"金城社区第三网格党小组"}),
    # a document's title in book-title marks names no organisation
    ("支部书记带头学习《中国共产党支部工作条例》。", set()),
    # a count before a kind word counts bodies of that kind; the committee that has them is named
    ("金城社区党委下设3个网格党支部和12个楼栋党小组。", {"金城社区党委"}),
    # a word of kind (…型) before the kind word describes a branch, it names none
    ("皋兰路街道在商圈设立功能型党支部。", set()),
    # kinds of members, one after another, quoted, or with a word for a kind of body after them
    ("石门镇新业态新就业群体党支部组织外卖骑手学习。", {"石门镇新业态新就业群体党支部"}),
    ("皋兰路街道“两新”组织联合党委召开成立大会。", {"皋兰路街道两新组织联合党委"}),
    ("金城社区成立快递行业党支部。", {"快递行业党支部"}),
    ("镇里的非公企业党支部开展主题党日。", {"非公企业党支部"}),
    # an ordinal before a kind of members, with no unit right before it: the article's community's branch
    ("青松社区把辖区分为5个网格。第二网格党支部书记刘红梅带着党员清理楼道。", {"青松社区第二网格党支部"}),
    # a bare kind word of four characters refers to the organisation the article named with that ending
    ("青松大厦位于金城街道。去年,青松大厦楼宇联合党委成立。联合党委牵头组建了志愿服务队。", {"青松大厦楼宇联合党委"}),
    # a generic unit word after a word of totality (全区, 各) names a class of organisations, not one
    ("金城社区位于城东。区里将引导全区社区党组织发挥作用。", set()),
    ("金城社区位于城东。各社区党委要把好事办实。", set()),
    # a company's committee is named as written: a city's short name in it stays short
    ("青岛海纳电子有限公司党委的30名党员到金城社区报到。", {"青岛海纳电子有限公司党委"}),
    ("青岛市海纳电子有限公司党委组织党员学习。", {"青岛市海纳电子有限公司党委"}),
    # 嘎查 and 苏木, Inner Mongolia's village and township, stand alone for the gacha or sumu of the passage
    ("孟恩套力盖嘎查位于草原深处。嘎查党支部组织党员为牧户修缮棚圈。", {"孟恩套力盖嘎查党支部"}),
]


@pytest.mark.parametrize("text, expected", PARTY_CASES)
def test_party_organisations(text, expected):
    assert names(text, "PartyOrganization") == expected


def test_party_organisation_kinds_and_units():
    found = extract_text("金城社区位于城东。离退休党支部和社区党委联合开展学习。")
    kinds = {m.name: m.kind for m in found.mentions if m.cls == "PartyOrganization"}
    assert kinds == {"离退休党支部": "党支部", "金城社区党委": "党委"}
    rels = {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    assert ("离退休党支部", "subOrganizationOf", "金城社区党委") in rels
    assert ("离退休党支部", "partyOrgOf", "金城社区") in rels
    assert ("金城社区党委", "partyOrgOf", "金城社区") in rels


def test_a_branch_of_a_kind_of_members_written_after_its_unit_is_under_the_units_committee_not_its_own():
    # (the unit's own party organisation is its committee: the branch of a kind of members sits below it)
    rels = relations("石门镇党委有党员900名。石门镇新业态新就业群体党支部组织外卖骑手学习。")
    assert ("石门镇新业态新就业群体党支部", "subOrganizationOf", "石门镇党委") in rels
    assert ("石门镇新业态新就业群体党支部", "partyOrgOf", "石门镇") not in rels


def test_a_committee_named_by_a_kind_of_workplace_is_the_one_the_article_named_in_full():
    # 医院党委 after 某某市人民医院党委: the hospital's committee again, no second organisation
    text = "今年5月,武冈市人民医院党委与枫林镇党委签订帮扶协议。医院党委组织专家每月进村义诊。"
    assert names(text, "PartyOrganization") == {"武冈市人民医院党委", "枫林镇党委"}


@pytest.mark.parametrize("text, org, body", [
    ("泸溪县市场监督管理局机关党委组织30名在职党员到社区报到。", "泸溪县市场监督管理局机关党委", "泸溪县市场监督管理局"),
    ("麻阳县税务局机关党委书记向明辉带队走访困难群众。", "麻阳县税务局机关党委", "麻阳县税务局"),
])
def test_the_committee_of_a_bodys_offices_is_named_with_the_body(text, org, body):
    # 某局机关党委: the 机关 after a body's name is the body's own offices, not a kind of members alone
    assert names(text, "PartyOrganization") == {org} and body in names(text, "Partner")


@pytest.mark.parametrize("text", [
    "柳湾社区党委把小区划分为12个楼栋，在每个楼栋建立楼栋党小组。",  # one in each of a counted class
    "会议要求，年底前实现新业态企业党组织全覆盖。",  # how many such bodies there are
])
def test_branches_of_a_class_are_no_organisation(text):
    assert names(text, "PartyOrganization") <= {"柳湾社区党委"}


def test_a_village_s_party_organisation_is_the_body_the_article_names_for_it():
    # 村党组织: the class word for the village's own body, here its 党总支; no second organisation
    text = "松溪镇杉木坪村党总支把党员参加志愿服务量化为积分,每月由村党组织评议、公示。"
    assert names(text, "PartyOrganization") == {"杉木坪村党总支"}


def test_the_organisations_of_a_count_of_villages_are_a_class():
    text = "枫岭村党支部与杉木坪村党支部签订协议,两村党组织书记轮流召集会议。"
    assert names(text, "PartyOrganization") == {"枫岭村党支部", "杉木坪村党支部"}


def test_branches_an_organisation_sets_up_are_its_sub_organisations():
    rels = relations("金城社区党总支下设离退休党支部和在职党员党支部。")
    assert ("离退休党支部", "subOrganizationOf", "金城社区党总支") in rels
    assert ("在职党员党支部", "subOrganizationOf", "金城社区党总支") in rels


def test_a_county_committees_department_is_the_party_organisation_of_no_unit():
    # the city and province the gazetteer adds above 会同县 share its span; they name no committee, and
    # the department is the county committee's, not the county's own party organisation
    rels = relations("会同县委组织部选派干部到连山乡青山村任第一书记。")
    assert {o for s, p, o in rels if p == "partyOrgOf" and s == "会同县委组织部"} == set()


def test_a_generic_village_word_beside_another_township_names_none_of_this_townships_villages():
    text = "石门镇龙潭村建成党群服务中心。柳溪镇举办村党组织书记培训班。"
    assert names(text, "PartyOrganization") == set()
    # in a sentence of its own township the same words name the village's organisation
    text = "石门镇龙潭村建成党群服务中心。石门镇举办村党组织书记培训班。"
    assert names(text, "PartyOrganization") == {"龙潭村党组织"}


def test_a_generic_committee_is_the_one_of_the_community_its_own_paragraph_names():
    # a report on several communities, a paragraph each: 社区党委 in the second paragraph is the one of the
    # community that paragraph is about, not the committee named in full in the first
    text = ("　　会上，两个街道作了交流。城东街道枣林社区党委书记韦明远说，社区设立了议事角。\n"
            "　　城西街道杏坛社区是一片老旧小区。社区党委书记柯宏介绍，社区党委引入了一家物业公司。")
    rels = relations(text)
    assert ("柯宏", "leads", "杏坛社区党委") in rels and ("柯宏", "leads", "枣林社区党委") not in rels
    # a paragraph that names no community of its own keeps the one named before
    text = ("　　城东街道枣林社区党委书记韦明远说，社区设立了议事角。\n"
            "　　这里多是老旧小区。社区党委引入了一家物业公司。")
    assert names(text, "PartyOrganization") == {"枣林社区党委"}


def test_the_experience_of_a_quoted_place_is_no_program_of_its_own():
    # “X”的经验 after the article has made X a place: X's experience, not a program named X
    text = "槐荫社区党委设立“暖茶坊”调解室。街道将把“暖茶坊”的经验推广到各社区。"
    assert names(text, "Program") == set() and names(text, "Facility") == {"暖茶坊"}
    # with no such place, the quoted name is the way of working that is spread
    assert names("街道将把“暖茶坊”的经验推广到各社区。", "Program") == {"暖茶坊"}


def test_the_organisation_after_the_copula_that_sets_a_quoted_place_up_holds_it():
    # “X”是某党委…设立的调解室: the committee named right after 是 set the room up, so it holds it
    rels = relations("槐花社区地处城郊。“息讼轩”是社区党委今年在一楼设立的调解室。")
    assert ("槐花社区党委", "hasFacility", "息讼轩") in rels and ("槐花社区", "hasFacility", "息讼轩") not in rels


def test_a_college_s_committee_written_by_its_kind_word_is_the_one_college_s_of_the_article():
    # 学院团委 after the article has named one college: that college's youth league committee, led by its
    # secretary; with two colleges named, it is neither's
    text = "松岗社区与衢州江山职业技术学院结对共建。学院团委书记倪振华说,学生每周来一次。"
    assert ("倪振华", "leads", "衢州江山职业技术学院团委") in relations(text)
    text = "松岗社区与衢州江山职业技术学院、衢州常山师范学院结对共建。学院团委每周派学生来。"
    assert not {n for n in names(text, "PartyOrganization") if n.endswith("团委")}


def test_a_community_of_an_article_that_names_no_street_is_placed_in_its_district():
    # the gazetteer does not know the community; the article names its district but no street
    rels = relations("丹枫里社区地处成都市武侯区，常住人口1.2万人。")
    assert ("丹枫里社区", "partOf", "武侯区") in rels
    # with a street named, the street is its parent, not the district
    rels = relations("丹枫里社区地处成都市武侯区簇锦街道，常住人口1.2万人。")
    assert ("丹枫里社区", "partOf", "簇锦街道") in rels and ("丹枫里社区", "partOf", "武侯区") not in rels


TEMPORARY_CASES = [
    # a temporary branch an organisation sets up is named as written, and is that organisation's
    ("石笋村党总支成立了防汛临时党支部。", "防汛临时党支部", "石笋村党总支"),
    ("金城社区党委组建疫情防控一线临时党支部。", "疫情防控一线临时党支部", "金城社区党委"),
    ("石笋村党总支成立临时党支部。", "临时党支部", "石笋村党总支"),
    # written right after the organisation, with a modifier a verb to jieba (返乡), it is named with it
    ("金桂苑党总支返乡党员临时党支部召开第一次会议。", "金桂苑党总支返乡党员临时党支部", "金桂苑党总支"),
    # a verb that leads the set-up word (牵头成立, 带头组建)
    ("桂花社区党委牵头成立金桂苑小区加装电梯临时党支部。", "金桂苑小区加装电梯临时党支部", "桂花社区党委"),
]


def test_the_temporary_branch_a_person_is_appointed_to_is_the_one_set_up_before():
    # 某某任临时党支部书记: the post begins after the verb; 临时党支部 is the temporary branch the article named
    text = "桂花社区党委牵头成立金桂苑小区加装电梯临时党支部，由社区党委副书记汤丽君任临时党支部书记。"
    assert names(text, "PartyOrganization") == {"桂花社区党委", "金桂苑小区加装电梯临时党支部"}
    assert ("汤丽君", "leads", "金桂苑小区加装电梯临时党支部") in relations(text)


@pytest.mark.parametrize("text, branch, parent", TEMPORARY_CASES)
def test_a_temporary_branch_set_up_by_an_organisation_is_its_sub_organisation(text, branch, parent):
    assert (branch, "subOrganizationOf", parent) in relations(text)


def test_a_temporary_branch_is_only_the_organisation_s_that_sets_it_up_right_before_it():
    # the committee named earlier in the sentence holds a meeting; the village sets the branch up
    rels = relations("石笋村党总支召开会议,会后村里成立防汛临时党支部。")
    assert not any(p == "subOrganizationOf" for _, p, _ in rels)


GUIDANCE_CASES = [
    # the committee under whose guidance a sentence puts an organisation is the one above it
    ("在金城街道党工委的指导下,阳光小区业委会党支部组织居民议事。", {("阳光小区业委会党支部", "金城街道党工委")}),
    ("在石门镇党委的领导下,龙潭村党委带领村民发展油茶。", {("龙潭村党委", "石门镇党委")}),
    # a youth league committee or a department guides; it is no organisation above
    ("在共青团城关区委的指导下,金城社区党委开展活动。", set()),
    ("在县委组织部的指导下,石笋村党支部开展整顿。", set()),
]


@pytest.mark.parametrize("text, expected", GUIDANCE_CASES)
def test_an_organisation_under_the_guidance_of_a_committee_is_its_sub_organisation(text, expected):
    assert {(s, o) for s, p, o in relations(text) if p == "subOrganizationOf"} == expected


def test_an_organisation_named_twice_is_not_its_own_sub_organisation():
    # the second 党总支 (a generic reference, settled to the first) stands in a new clause after 下设
    rels = relations("龙潭村党总支下设4个党小组,村党总支书记秦志远介绍了情况。")
    assert not any(p == "subOrganizationOf" for _, p, _ in rels)


def test_a_community_committee_is_under_its_subdistricts_working_committee():
    rels = relations("皋兰路街道党工委指导金城社区党委开展工作。")
    assert ("金城社区党委", "subOrganizationOf", "皋兰路街道党工委") in rels


def test_a_villages_committee_is_under_its_townships_committee():
    rels = relations("石门镇党委书记王刚介绍,全镇推行积分制。石门镇龙潭村党总支组织党员开展志愿服务。")
    assert ("龙潭村党总支", "subOrganizationOf", "石门镇党委") in rels


def test_a_departments_branch_is_under_the_departments_committee():
    text = "兰州市委宣传部机关党委部署工作。兰州市委宣传部机关党支部与金城社区结对。"
    assert ("兰州市委宣传部机关党支部", "subOrganizationOf", "兰州市委宣传部机关党委") in relations(text)


FUNCTION_BRANCH_CASES = [
    # a branch named by a department of the workplace is the branch of the company whose committee the story names
    ("宁波恒达机械有限公司党委有党员96名。去年,生产党支部的党员带头驻厂。",
     "宁波恒达机械有限公司生产党支部", "宁波恒达机械有限公司党委"),
    # also after the bare body word (公司技术党支部), and for a hospital's committee
    ("宁波恒达机械有限公司党委有党员96名。公司技术党支部牵头攻关。",
     "宁波恒达机械有限公司技术党支部", "宁波恒达机械有限公司党委"),
    ("绵阳市中心医院党委开展主题党日。后勤党支部党员走进病区维修设备。", "绵阳市中心医院后勤党支部", "绵阳市中心医院党委"),
]


@pytest.mark.parametrize("text, branch, committee", FUNCTION_BRANCH_CASES)
def test_a_branch_named_by_a_workplaces_department_is_the_branch_of_the_body_whose_committee_is_named(text, branch, committee):
    assert (branch, "subOrganizationOf", committee) in relations(text)


def test_a_branch_named_by_two_characters_right_after_its_village_is_the_villages():
    # (a field or a place of work: 渔业, 海上; the village's committee is above it)
    found = relations("象山县石浦镇东门村渔业党支部开展学习。东门村党总支书记说。")
    assert {("东门村渔业党支部", "partyOrgOf", "东门村"), ("东门村渔业党支部", "subOrganizationOf", "东门村党总支")} <= found


def test_a_streets_working_committee_written_short_is_its_party_organisation_and_its_head_leads_it():
    # 某某街道工委 is the street's working committee (as Beijing writes it), also written 街道工委
    found = relations("海淀区学院路街道工委召开会议。街道工委书记刘志强说,社区要把接诉工作做实。")
    assert {("学院路街道工委", "partyOrgOf", "学院路街道"), ("刘志强", "leads", "学院路街道工委")} <= found


def test_a_branch_of_a_generic_department_takes_the_departments_full_name_and_is_not_the_units():
    # 市委组织部 is the article's city's (三亚市): so is the office committee named after it
    rels = relations("为庆祝建党节,三亚市吉阳区红沙社区举办文艺汇演。市委组织部机关党委书记马文斌到场观看并致辞。")
    assert ("马文斌", "leads", "三亚市委组织部机关党委") in rels
    assert not any(s == "三亚市委组织部机关党委" for s, p, _ in rels if p == "partyOrgOf")


# ------------------------------------------------------------------ programs
PROGRAM_CASES = [
    # a quoted name founded with no head (成立“X”) whose ending is no group's names a way of working
    ("社区成立“周末议楼”,每周六听取居民意见。", {"周末议楼"}),
    ("金城社区启动“微心愿”项目。", {"微心愿"}),  # quote + head noun
    ("金城社区推行“五步议事法”。", {"五步议事法"}),  # the quote's own ending
    ("金城社区开展“红色代办”,效果明显。", {"红色代办"}),  # trigger verb before the quote
    ("金城社区开展“送春联”“包汤圆”等活动。", {"送春联", "包汤圆"}),  # a list shares its head
    ("社区推出“红管家”以及“蓝马甲”服务品牌。", {"红管家", "蓝马甲"}),  # a list joined by any coordinator
    ("网格员成为居民的“贴心人”。", set()),  # figure of speech
    ("解决群众反映的“堵点”问题。", set()),  # a blocker after the quote
    ("她说:“今天的演出很精彩,大家都很开心。”", set()),  # a quotation, not a name
    ("金城社区依托暖心帮平台收集民意。", {"暖心帮平台"}),  # unquoted, by suffix
    ("2024年金城邻里文化节在社区广场举行。", {"2024年金城邻里文化节"}),  # named event
    ("社区创办了《金城邻里报》。", {"金城邻里报"}),  # a publication in book-title marks
    ("充分利用网络平台宣传。", set()),  # a generic stem is no name
    # a party body or a leader running a kind of body is a method, not a partner
    ("村里推行党支部领办合作社,带动群众增收。", {"党支部领办合作社"}),
    # more head nouns (举措, 建设, 示范村) and trigger verbs (围绕, 采取)
    ("社区采取“邻里帮帮团”举措化解矛盾。", {"邻里帮帮团"}),
    ("街道全面推进“五化”建设,补齐短板。", {"五化"}),
    ("该村正在创建市级“一户一景”示范村。", {"一户一景"}),
    ("党员围绕“清风巷陌”出主意。", {"清风巷陌"}),
    # “X”的 + a brand word: the quote is the brand
    ("“一格一策”的党建品牌越擦越亮。", {"一格一策"}),
    # a numbered model names a way of working whatever head follows it
    ("社区构建“2+3+X”服务阵地。", {"2+3+X"}),
    # a date (“八一”), a category of bodies or people (“新阶层”人员) and games are no programs
    ("喜迎“八一”座谈会在社区召开。", set()),
    ("团结“新阶层”人员参与志愿服务。", set()),
    ("孩子们参加“踩气球”“抢椅子”等游戏。", set()),
    # a kind of body or of people after the quote stays a category after a verb that starts programs
    ("镇里积极培育“双创”企业参与乡村建设。", set()),
    ("街道组织“五老”人员调解邻里纠纷。", set()),
    # a named festival, not a holiday; a quote after 主办的/承办的
    ("村里举办首届荷花节,吸引游客上万人。", {"首届荷花节"}),
    ("2023年中秋节前夕,社区走访老人。", set()),
    # an event a holding verb names needs no year: the name runs from the verb, or from 暨, to the event word
    ("金城街道举办邻里文化节,居民自编自演节目。", {"邻里文化节"}),
    ("镇里举行乡村振兴讲习所揭牌仪式暨农民丰收运动会。", {"农民丰收运动会"}),
    # a bare event word after the verb is a meeting, not a named event
    ("社区召开表彰大会。", set()),
    # a quoted name ending in an event word is an event; a quoted holiday (a dictionary word) or two is not
    ("石笋村举办第三届“杨梅节”,吸引游客两万余人。", {"杨梅节"}),
    ("“重阳节”当天,志愿者为老人理发。", set()),
    ("“双节”期间,社区开展安全巡查。", set()),
    ("由街道主办、社区承办的“邻里一家亲”在广场举行。", {"邻里一家亲"}),
    # stems made of generic words only, and a preposition, never name a program
    ("打造4个品牌特色项目。", set()),
    ("他们用实际行动诠释初心。", set()),
    # a title followed by a column word is a column the unit runs; a document's title names nothing
    ("金城街道开设《金城讲堂》栏目,每周播出一期。", {"金城讲堂"}),
    ("街道印发《金城街道暖巢工程实施方案》。", set()),
    # a way of working named after a place (“…超市”管理模式) is a program; the place alone is a facility
    ("村党支部推行“积分超市”管理模式。", {"积分超市"}),
    ("村里开设了“爱心超市”。", set()),
    # a mini-program or an official account is a platform
    ("金城街道依托“掌上金城”小程序收集诉求。", {"掌上金城"}),
    # a quoted word of kind (…式, …型) before a noun describes it, it names no program
    ("社区打造“一站式”服务平台。", set()),
    ("推行“嵌入式”管理模式。", set()),
    # a trigger verb that itself ends in a particle's character (推出), and verbs that open or convene one
    ("为方便老人理发,社区推出“周三义剪”。", {"周三义剪"}),
    ("农闲时节,镇农技站开办“田间夜校”,讲授果树修剪。", {"田间夜校"}),
    ("为商量停车位的事,院落党小组召开“坝坝会”。", {"坝坝会"}),
    # a quoted meeting is a program, though its ending is a chamber of commerce's (协商会 ends in 商会)
    ("小区每月举行一次“楼道协商会”。", {"楼道协商会"}),
    # what a way of working is written into or known by: an agreement, a trademark, a post, a practice
    ("两家单位当天签下“社企联建”协议。", {"社企联建"}),
    ("“金城红薯”商标去年获批,红薯每斤多卖两毛钱。", {"金城红薯"}),
    ("每个单元都有“红色单元长”岗位,由住户推选。", {"红色单元长"}),
    ("“院坝夜话”的做法在全县推开。", {"院坝夜话"}),
    # a meeting held to push a way of working on names it
    ("近日,镇里召开“三治融合”推进会。", {"三治融合"}),
    # quoted speech quotes the names it mentions with the inner marks; inside a quoted name they are part of it
    ("“我们推出‘红管家’服务品牌,让居民有事就找党员。”社区党委书记说。", {"红管家"}),
    ("村民感慨:“自从开展‘院坝会’以来,村里的大事都有人商量。”", {"院坝会"}),
    ("社区开展“‘书香’进万家”活动。", {"书香进万家"}),
    # phrases listed as a theme or a core are a motto, not a name
    ("以“邻里守望、共建家园”为主题,开展志愿服务。", set()),
    # a quoted name right after 共建 is what the two build together
    ("企业与县职业中专共建“冠名班”,每年培训技工两百人。", {"冠名班"}),
    # a one-character head right after the quote, then a word that does not begin with it (课|每周, 课|教)
    ("“掌上缴费”课每周二开讲。", {"掌上缴费"}),
    ("面向老人的“掌上缴费”课教大家用手机交水电费。", {"掌上缴费"}),
    # (a character that begins a word with the next one is no head: “X”日报 is a paper, “X”行走 a walk)
    ("老人们跟着“乐活”行走了三公里。", set()),
]


@pytest.mark.parametrize("text, expected", PROGRAM_CASES)
def test_programs(text, expected):
    assert names(text, "Program") == expected


def test_a_numbered_model_is_a_program_not_a_facility():
    found = extract_text("社区构建“2+3+X”服务阵地。")
    assert {(m.cls, m.name) for m in found.mentions if m.cls in ("Program", "Facility")} == {("Program", "2+3+X")}
    program = next(m for m in found.mentions if m.cls == "Program")
    assert program.kind == "method" and program.aliases == ("2+3+X服务阵地",)


def test_a_quoted_event_is_named_also_with_its_ordinal():
    found = extract_text("石笋村举办第三届“杨梅节”,吸引游客两万余人。")
    festival = next(m for m in found.mentions if m.cls == "Program")
    assert (festival.name, festival.kind, festival.aliases) == ("杨梅节", "event", ("第三届杨梅节",))


def test_program_alias_and_kind():
    found = extract_text("金城社区启动“微心愿”项目。")
    program = next(m for m in found.mentions if m.cls == "Program")
    assert program.kind == "project"
    assert program.aliases == ("微心愿项目",)


# ---------------------------------------------------------------- facilities
FACILITY_CASES = [
    # a one-character verb before a facility's name begins none (有事|找|某某室)
    ("老人们想下棋就找活动室,看病难就找服务站。", set()),
    # a modifier and its particle, one word to jieba's dictionary (大大的), begin no name
    ("大大的舞台,暖暖的阳光。", set()),
    ("马坊社区党群服务中心面积达600平方米。", {"马坊社区党群服务中心"}),
    ("服务站设有心理咨询室、舞蹈室。", set()),  # rooms named by their use only
    ("云岭讲堂可容纳150人。", {"云岭讲堂"}),
    # a locative unit says where the facility is; it is not part of its name
    ("居民常去的银杏广场在马坊社区湿地公园北侧。", {"银杏广场", "湿地公园"}),
    ("社区建成“向阳花”党群服务站。", {"向阳花"}),
    # a verb never starts a facility's name
    ("随后一行人来到福寿居家养老服务中心参观。", {"福寿居家养老服务中心"}),
    # a one-character head after a short plain modifier (“X”党群议事室); a quote's own ending (空间)
    ("社区为“青禾”党群议事室揭牌。", {"青禾"}),
    ("“邻里空间”每天开放。", {"邻里空间"}),
    # a word of kind or size describes, it does not name
    ("商场里新开了一家大型超市。", set()),
    # a bare facility word coordinated with a unit's organisation is that unit's
    ("金城社区党委、党群服务中心联合兰州大学开展活动。", {"金城社区党群服务中心"}),
    # a project word further on heads the compound: a project, not a station
    ("社区推出“一楼一景”邻里驿站党建品牌项目。", set()),
    # a unit's own facility named with the unit, though the words between only say what it is for
    ("清水社区文化广场上热闹非凡,石桥社区体育公园也迎来了游客。", {"清水社区文化广场", "石桥社区体育公园"}),
    ("“初心书屋”坐落在清水社区文化广场旁。", {"初心书屋", "清水社区文化广场"}),
    # without the unit those words name nothing; a word of size or kind never does
    ("文化广场上热闹非凡。清水社区大型超市开业。", set()),
    # quoted places listed together are places
    ("清水社区建成“暖阳驿站”和“邻里中心”。", {"暖阳驿站", "邻里中心"}),
    # a quoted name before 活动中心 names the centre, not an activity
    ("青松社区建成“邻里家”活动中心。", {"邻里家"}),
    # a title in book-title marks names a column or a document, never a place
    ("金城街道开设《金城讲堂》栏目。", set()),
    # a station named for the trade it serves is the unit's, or named by its own stem; alone it names none
    ("凤凰社区快递驿站为快递小哥提供饮水、休息等服务。", {"凤凰社区快递驿站"}),
    ("凤凰社区暖蜂快递驿站正式启用。", {"凤凰社区暖蜂快递驿站"}),
    ("镇上新建了3个快递驿站。", set()),
    # a village's clinic room
    ("石笋村卫生室为村民测血压。", {"石笋村卫生室"}),
    # workshops, mediation rooms, a village's courtyard for its elders, office towers; a quoted garden
    ("苗绣工坊里,十几位绣娘正在赶制订单。", {"苗绣工坊"}),
    ("邻里纠纷可以到乡贤调解室找人评理。", {"乡贤调解室"}),
    ("青山村幸福大院每天中午开饭,老人一顿只交三元。", {"青山村幸福大院"}),
    ("云锦国际大厦的电梯今年全部换新。", {"云锦国际大厦"}),
    ("“石榴邻里花园”开园那天,居民们自带花苗来种。", {"石榴邻里花园"}),
    # a quoted workshop is the place, named by its quote
    ("在“巧手绣娘”手工坊,留守妇女学会了扎染。", {"巧手绣娘"}),
    # a small square, or a building's kind of station, names no place
    ("傍晚的小广场上满是跳舞的居民。", set()),
    ("每栋写字楼都设了楼宇党群服务站。", set()),
    # a level word before a facility every unit of that level has (社区党群服务中心, 村新时代文明实践站) is the
    # one of the unit the passage is about, named after it
    ("城南街道金桂社区成立于2003年。社区党委在社区党群服务中心开设了周末书画课。", {"金桂社区党群服务中心"}),
    ("枫林镇石坝村有农户410户。村新时代文明实践站每月放一场电影。", {"石坝村新时代文明实践站"}),
    # the level word as the clause's subject, before the place it acts in (村里在…)
    ("乌兰哈达嘎查地处边境。嘎查在党群服务中心为牧民代办社保。", {"乌兰哈达嘎查党群服务中心"}),
    # the unit's own organisation (its level word and the organisation's kind) as the subject before 在
    ("竹溪村坐落在半山腰。村党支部还在党群服务中心开办了农家书屋。", {"竹溪村党群服务中心", "农家书屋"}),
    # the elders' day-care centre every urban community has, by its level word; a class of them names none
    ("槐荫路社区有老人900多名。二楼的社区日间照料中心每天供应午饭。", {"槐荫路社区日间照料中心"}),
    ("全街道各社区日间照料中心均已开放。", set()),
    # halls and rooms where a place's produce or history is shown
    ("村里把闲置的供销社改造成了柿园村土特产展示厅。", {"柿园村土特产展示厅"}),
    # a workshop set up where people live to give them work, named with its unit
    ("搬迁户每天走进枫香社区就业帮扶车间,坐到缝纫机前。", {"枫香社区就业帮扶车间"}),
    # a word of where in quotes (“家门口”) is a figure of speech, no name of its own
    ("枫香社区“家门口”就业帮扶车间开工了。", set()),
    # what a quoted name is said to be (“X”是…的调解室) gives its class; quoted speech said so names nothing
    ("“和顺轩”是村党支部前年在祠堂边设立的调解室。", {"和顺轩"}),
    ("“老茶壶”是老人们最喜欢的。", set()),
    # a quoted name right after a verb of building a place or turning a room into one, ending its clause, is
    # the place made; not a team founded so, nor a kind of unit to become
    ("村里把废弃的榨油坊改造成“稻香礼堂”,红白喜事都在这里办。", {"稻香礼堂"}),
    ("社区在车库旁建起了“歇脚小筑”,配了饮水机和充电柜。", {"歇脚小筑"}),
    ("社区建起“银杏服务队”,队员30名。", set()),
    ("全镇建成“五美”乡村。", set()),
    # a hall of a village's or a people's history
    ("祖屋修缮后改建成了罗溪侨史馆。", {"罗溪侨史馆"}),
    # (成 of a verb's result, standing alone as a token after the verb, begins no name)
    ("旧粮仓修缮后改建成柏树村史馆。", {"柏树村史馆"}),
]


@pytest.mark.parametrize("text, expected", FACILITY_CASES)
def test_facilities(text, expected):
    assert names(text, "Facility") == expected


def test_facility_attributes():
    found = extract_text("马坊社区党群服务中心面积达600平方米。云岭讲堂可容纳150人。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs["马坊社区党群服务中心"] == {"area": "600平方米"}
    assert attrs["云岭讲堂"] == {"capacity": "150"}


# ------------------------------------------------------------------ partners
PARTNER_CASES = [
    # a quoted name founded with no head: a body by its own ending (帮, 会) or the group word after it (队伍)
    ("街道为每个小区成立“管家帮”,专门解决停车难。", {"管家帮"}),
    ("村党支部组建了“银发先锋”队伍,白天巡河、晚上巡逻。", {"银发先锋"}),
    # …only when the quote ends its clause: a word after it is what was founded, the quote a qualifier
    ("街道成立“两新”组织联合党委,覆盖辖区商户。", set()),
    ("镇上组建“两新”党员先锋队。", set()),
    # a conjunction that jieba joins to the next name's first word (和顺|丰) still joins two names
    ("联合区供电公司、农业银行和顺丰快递开展志愿服务。", {"区供电公司", "农业银行", "顺丰快递"}),
    # a village's collective cooperative is named with the village, or not at all
    ("石桥村集体经济合作社今年分红30万元。", {"石桥村集体经济合作社"}),
    ("村集体经济合作社今年分红30万元。", set()),
    # a size word doubled describes (a little cooperative), it names none
    ("青山村:小小合作社 撑起致富梦", set()),
    # a cooperative's trade written as one word of two trades (种养殖), which jieba cuts in two
    ("青山种养殖农民专业合作社带动农户增收。", {"青山种养殖农民专业合作社"}),
    # a school named by its kind alone after a level word is a whole name; a council is a body, not a meeting
    ("社区党委与区实验小学签订了共建协议。", {"区实验小学"}),
    ("村里的“乡贤理事会”为村庄建设出谋划策。", {"乡贤理事会"}),
    # a centre with a party body of its own is an institution (not a place): the body is a partner
    ("金城社区党委与省青少年科技教育中心党支部开展联学共建。", {"省青少年科技教育中心"}),
    # a body affiliated to the one named right before it is named with it
    ("社区邀请兰州大学附属第一医院的专家开展健康讲座。", {"兰州大学附属第一医院"}),
    # a kind of body named right after a unit is the unit's own; without it, no name
    ("金竹社区老年协会组织会员义务巡逻。", {"金竹社区老年协会"}),
    ("社区老年协会组织会员义务巡逻。", set()),
    # the ending of an institution heads a quoted name; one that begins a longer word (大学生) does not
    ("社区与“小太阳”幼儿园开展共建。", {"小太阳"}),
    ("“长青”老年大学的学员为居民写春联。", {"长青"}),
    ("社区“红马甲”大学生志愿服务队走进敬老院。", {"红马甲"}),
    # a body's ending that jieba cuts off a place word (服务社|区 for 服务|社区) ends no name
    ("退休医生热心服务社区居民。", set()),
    # a quoted social-work organisation is a body, though its head ends like a facility's (服务中心)
    ("社区引进“益路同行”社工服务中心,为独居老人提供助餐服务。", {"益路同行"}),
    ("街道与“春晖”社会工作服务中心签订了购买服务协议。", {"春晖"}),
    ("金城社区与兰州大学签订共建协议。", {"兰州大学"}),
    ("社区组建了“夕阳红”志愿服务队。", {"夕阳红"}),
    ("社区党委携手丝路餐饮,共同举办活动。", {"丝路餐饮"}),
    ("社区携手6家共建单位开展活动。", set()),
    ("居民在实践中学习新知识。", set()),  # 中学 inside 中学习 is no school
    # bodies by the kind their ending names, with a level word before them
    ("县民政局、城关区税务局和七里河派出所参加活动。", {"县民政局", "城关区税务局", "七里河派出所"}),
    ("活动得到祥和物业、邻家社工的支持。", {"祥和物业", "邻家社工"}),
    # a one-character ending of a two-character word makes no name
    ("形成共建共享的新格局。", set()),
    # an outlet in a byline reports, it does not partner
    ("陇原晚报记者 马小东 报道", set()),
    ("陇原晚报天水讯(记者 马小东)昨日,社区举行邻里节。", set()),  # a dateline with its place
    # items listed before a count share the head: one team per item (the count must agree)
    ("联盟组建了银杏黄、翠竹绿、海棠红三支志愿服务队。",
     {"银杏黄志愿服务队", "翠竹绿志愿服务队", "海棠红志愿服务队"}),
    ("联盟组建了银杏黄、翠竹绿、海棠红两支志愿服务队。", set()),
    # a list of bodies holds bodies, whatever their names end with; the verb after the last is cut off
    ("活动邀请了祥和物业、禾丰农科、永辉超市等多家单位。", {"祥和物业", "禾丰农科", "永辉超市"}),
    ("分别由县民政局、七里河派出所以及青禾公益牵头。", {"县民政局", "七里河派出所", "青禾公益"}),
    # a school type as ending; a numbered bureau of a firm; a long quoted name with its own ending
    ("现场,城西实验学校的学生们表演了节目。", {"城西实验学校"}),
    ("中铁三局每年捐赠物资。", {"中铁三局"}),
    ("成立“金城街道锦华商务中心楼宇委员会志愿服务队”。", {"金城街道锦华商务中心楼宇委员会志愿服务队"}),
    # a list that is not one of bodies stays as it is
    ("开展理论宣讲、健康义诊、法律咨询等活动。", set()),
    # a level word and a whole department name (公安局, 派出所, 人民法院) make a government body
    ("县公安局和市公安局派人参加。", {"县公安局", "市公安局"}),
    ("镇派出所民警入户走访,县人民法院法官走进社区普法。", {"镇派出所", "县人民法院"}),
    # a bureau's stem may hold verbal nouns (监管, 救援, 执法) and end inside a dictionary noun (执法局)
    ("区市场监管局联合社区开展食品安全检查。", {"区市场监管局"}),
    ("区消防救援大队走进社区开展消防演练。", {"区消防救援大队"}),
    ("综合行政执法局开展占道经营整治。", {"综合行政执法局"}),
    # the longest ending names the kind: 大队 is a body, though it ends in 队
    ("县交警大队民警讲解交通安全知识。", {"县交警大队"}),
    # an ordinal before a body's stem is part of its name, and so is the level word before it
    ("青松社区与县第一中学签订共建协议。", {"县第一中学"}),
    ("市第三人民医院的医生走进社区义诊。", {"市第三人民医院"}),
    # a quoted name before a head that ends the clause (“某某”互助队。) names the team
    ("青松社区成立了“邻里帮”互助队。", {"邻里帮"}),
    # a branch named right after its body is named with it; a social-work centre is a body, not a facility
    ("青松社区与县农商银行城关支行签订共建协议。", {"县农商银行城关支行"}),
    ("青松社区携手益众社会工作服务中心关爱留守儿童。", {"益众社会工作服务中心"}),
    # after a place or a level word, a verbal noun says what a firm does (供销, 供电)
    ("县供销合作社和桐庐县供电公司送来了物资。", {"县供销合作社", "桐庐县供电公司"}),
    # 服务有限公司 after 物业 carries the name on: one company
    ("青松社区引入安居物业服务有限公司。", {"安居物业服务有限公司"}),
    # the 与 of 参与 joins no list: what follows it is no partner
    ("县公安局、县消防救援大队共同参与演练。", {"县公安局", "县消防救援大队"}),
    # the legal forms of cooperatives, whose stems hold verbs (种植, 养殖)
    ("我们联合龙潭村油茶种植专业合作社开展活动。", {"龙潭村油茶种植专业合作社"}),
    # a trade word right before the legal form, after a place and a firm's own name, is part of the name
    ("村集体于去年成立固原市恒丰育苗农民专业合作社。", {"固原市恒丰育苗农民专业合作社"}),
    ("村民大力发展种植合作社。", set()),
    # a trade's ending before a facility's (快递 + 驿站) names the place, not a firm
    ("金城社区快递驿站挂牌成立。", set()),
    # a law-enforcement squad is a body whose stem holds verbal nouns
    ("金城街道综合行政执法队开展整治。", {"金城街道综合行政执法队"}),
    # a level word and a body's whole name, whose stem alone is generic (人民, 中心): hospitals, mass organisations
    ("由县人民医院牵头,镇卫生院和县妇联协办。", {"县人民医院", "镇卫生院", "县妇联"}),
    ("人民医院的医生来了。", set()),
    # a branch right after its company is named with it
    ("国网公司城东供电所派人参加。", {"国网公司城东供电所"}),
    ("国网桐庐县供电公司城东供电所派人参加。", {"桐庐县供电公司城东供电所"}),
    # a province's or city's company right after its group's name is the group's branch there
    ("街道联合中铁十局山东公司、交投集团贵州公司共同开展义务植树。", {"中铁十局山东公司", "交投集团贵州公司"}),
    ("社区邀请山东公司的员工参加。", {"山东公司"}),
    # a hospital's community health station is named with the hospital before it
    ("青松社区联合宝安区人民医院翠湖社康、阳光幼儿园开展义诊。", {"宝安区人民医院翠湖社康", "阳光幼儿园"}),
    # an item of a list that begins with a verb is a deed, not a body; a one-character first word is no verb
    ("为办好这次集市,县供电公司、县人民医院提前检修线路、安排医护,志愿者也早早到场。", {"县供电公司", "县人民医院"}),
    ("活动得到了县供电公司、县人民医院、送福家政等单位的支持。", {"县供电公司", "县人民医院", "送福家政"}),
    # a speaker's own group called by one common noun is a kind of group; a team with a name of its own stays
    ("老人们说,咱们秧歌队以后就在这里排练。", set()),
    ("我们红马甲志愿服务队每周都来。", {"红马甲志愿服务队"}),
    # the party branch of a body names the body
    ("青松社区党委与县税务局党支部结对共建。", {"县税务局"}),
    # clinics, law firms, commissions and offices of government by their usual short names, teams by their trade
    ("青松社区邀请湘江律师事务所、岳麓区仁和中医门诊部为居民服务。", {"湘江律师事务所", "岳麓区仁和中医门诊部"}),
    ("区卫健委、江北区住建委和九江海事处的干部参加了检查。", {"区卫健委", "江北区住建委", "九江海事处"}),
    ("种苗由县农业技术推广中心免费提供。", {"县农业技术推广中心"}),
    ("夕阳红调解队和金盾巡逻队每周巡查一次。", {"夕阳红调解队", "金盾巡逻队"}),
    # a quoted team of mediators, patrols or speakers is a body
    ("“夕阳红调解队”一年调处纠纷40多起。", {"夕阳红调解队"}),
    ("社区组建“红枫”宣讲队,走进楼栋宣讲政策。", {"红枫"}),
    # a measure word after a demonstrative (这支), or a word of employment (专职), begins no name
    ("说起这支志愿服务队,居民都竖起大拇指。", set()),
    ("养老院里有3名专职社工。", set()),
    # a partnering word that begins an organisation's name (联合党委), or a verb after it, names no partner
    ("园区的联合党委和联合党支部各有分工。", set()),
    ("湘南学院还联合开办了电商培训班。", {"湘南学院"}),
    # a department named for two fields joined by 和 is named with both; two bodies joined by 和 stay two
    ("县文化和旅游局组织送戏下乡。", {"县文化和旅游局"}),
    # the suffix glued into a dictionary word (保障局, 规划局, 体育局): the word's head is the stem, and a
    # field joined by 和 before it (a noun, or a set phrase to jieba: 自然资源) is part of the name too
    ("县人力资源和社会保障局在广场摆摊招聘。", {"县人力资源和社会保障局"}),
    ("市自然资源和规划局派技术员到村里测绘。", {"市自然资源和规划局"}),
    ("区教育和体育局给学校送来篮球架。", {"区教育和体育局"}),
    # the field before 和 may be two words (文化|广电)
    ("县文化广电和旅游局组织送戏下乡。", {"县文化广电和旅游局"}),
    # a word for people or a unit word before 和 is a companion of the bureau, no field of its name
    ("居民和民政局的工作人员一起包饺子。", {"民政局"}),
    ("志愿者和城管局的队员走进夜市。", {"城管局"}),
    ("社区联合县住房和城乡建设局开展燃气安全检查。", {"县住房和城乡建设局"}),
    ("县税务局和县公安局的志愿者都来了。", {"县税务局", "县公安局"}),
    # a body named after a unit is named with the parents written right before that unit
    ("宜昌市西陵区城东派出所的民警每周来社区坐班。", {"宜昌市西陵区城东派出所"}),
    ("西陵区城东派出所的民警每周来社区坐班。", {"西陵区城东派出所"}),
    # a community health centre is a body named with the unit it serves
    ("青松社区联合梅溪街道社区卫生服务中心开展义诊。", {"梅溪街道社区卫生服务中心"}),
    # a branch company named right after its company is named with it
    ("中建三局第一建设工程有限责任公司华南分公司派出施工队。", {"中建三局", "第一建设工程有限责任公司华南分公司"}),
    # a one-character noun after the trade's word makes a thing of the trade, not a firm
    ("网格员帮老人取回了智能快递柜里的包裹。", set()),
    # 每 and a measure word (每支, 每个) count a kind of body, they begin no name
    ("每支巡逻队有五名队员。", set()),
    # a station a county's level word names (县林业工作站) is a technical body of its government, no place
    ("县林业工作站派人到村里指导防治松材线虫。", {"县林业工作站"}),
    # a quoted name of four characters or more ending in 队 is a team by itself
    ("村里组建了由民兵和退役军人组成的“护河守望队”。", {"护河守望队"}),
    # the product a cooperative works, before its trade's word, names it (no place before it needed)
    ("村里成立了蜂蜜加工专业合作社,带动40户养蜂。", {"蜂蜜加工专业合作社"}),
    # a council of a village's worthies or residents (理事会) is a body
    ("村里的乡贤理事会牵头筹资修缮了祠堂。", {"乡贤理事会"}),
    # which firm, by where it is from here (隔壁公司), is no name; a station named after a part of town is
    ("在写字楼上班十年,不认识隔壁公司的同事。", set()),
    ("城北派出所的民警每周来社区坐班。", {"城北派出所"}),
    # a health-check centre is a body (a clinic's kind), named by its ending
    ("社区与滨江康宁健康体检中心签订共建协议,每季度举办义诊。", {"滨江康宁健康体检中心"}),
    # a unit of a firm named only by the kind word (公司项目部, 企业工会) is no body's name
    ("社区引入洛阳嘉禾物业服务有限公司,在公司项目部设立了党员先锋岗。", {"洛阳嘉禾物业服务有限公司"}),
]


@pytest.mark.parametrize("text, expected", PARTNER_CASES)
def test_partners(text, expected):
    assert names(text, "Partner") == expected


def test_a_partner_ending_begins_no_name():
    # 某县 is no place the gazetteer knows, so the company goes unnamed; its 公司 does not begin the branch's name
    assert names("国网某县供电公司城东供电所派人参加。", "Partner") == {"城东供电所"}


def test_the_body_of_a_party_branch_partners_with_the_committee_it_pairs_with():
    rels = relations("青松社区党委与县市场监督管理局党支部结对共建。")
    assert ("青松社区党委", "partnersWith", "县市场监督管理局") in rels
    assert names("青松社区党委与县市场监督管理局党支部结对共建。", "PartyOrganization") == {
        "青松社区党委", "县市场监督管理局党支部"}  # the branch's name holds the bureau's verbal noun (监督)


def test_quoted_names_listed_before_a_count_share_the_head():
    found = extract_text("社区为“向阳”“同心”两个党群驿站揭牌。")
    assert {(m.cls, m.name) for m in found.mentions if m.cls != "AdministrativeUnit"} == {
        ("Facility", "向阳党群驿站"), ("Facility", "同心党群驿站")}


def test_a_facility_named_in_a_list_of_partners_acts_as_a_partner():
    found = extract_text("兰州大学、祥和物业、“暖阳”服务中心等单位参加活动。")
    assert {(m.cls, m.name) for m in found.mentions} >= {("Partner", "兰州大学"), ("Partner", "暖阳")}


def test_a_squad_is_a_government_body_and_a_dance_team_a_team():
    found = extract_text("县交警大队和东山社区舞蹈队参加了活动。")  # (a bare 舞蹈队 is a kind of team, no name)
    kinds = {m.name: m.kind for m in found.mentions if m.cls == "Partner"}
    assert kinds.get("县交警大队") == "government body"
    assert "volunteer team" in kinds.values()


def test_partner_kinds_come_from_their_endings():
    found = extract_text("金城社区联合兰州大学、祥和物业和七里河派出所开展活动。")
    kinds = {m.name: m.kind for m in found.mentions if m.cls == "Partner"}
    assert kinds == {"兰州大学": "university", "祥和物业": "company", "七里河派出所": "government body"}


def test_a_body_named_alone_after_its_only_branch_is_that_branch():
    text = "街道联合中铁十局山东公司开展义务植树。中铁十局志愿者代表发言。"
    assert names(text, "Partner") == {"中铁十局山东公司"}
    # with two of its branches named, the body alone is neither
    text = "中铁十局山东公司和中铁十局河南公司派员参加。中铁十局志愿者代表发言。"
    assert names(text, "Partner") == {"中铁十局山东公司", "中铁十局河南公司", "中铁十局"}


def test_partner_relations_need_a_partnering_word_for_schools():
    assert ("金城社区", "partnersWith", "兰州大学") in relations("金城社区与兰州大学结对共建。")
    assert not any(p == "partnersWith" for _, p, _ in relations("金城社区的孩子在兰州大学参观。"))


def test_partners_listed_together_work_with_the_actor():
    rels = relations("金城社区组织活动,祥和物业、兰州大学、七里河派出所派人到场。")
    assert {("金城社区", "partnersWith", name) for name in ("祥和物业", "兰州大学", "七里河派出所")} <= rels


# ------------------------------------------------------------------- persons
PERSON_CASES = [
    ("金城社区党委书记马文斌介绍了情况。", {"马文斌"}),
    ("78岁老党员杜怀仁正在修剪花木。", {"杜怀仁"}),
    ("本报记者冯晓燕报道。", set()),  # reporters are not persons of the graph
    ("确定党委书记项目共12个。", set()),  # 项目 is a word, not a name
    # a transliterated name joins its parts with a dot; its last part ends where the next word begins
    ("网格员阿依古丽·买买提每天入户走访。", {"阿依古丽·买买提"}),
    # four characters of names' words or single characters between a role and any verb: a name of four
    # (not the two-character Han name its first characters would make, which no verb follows)
    ("村党支部书记帕提古丽组织党员清理水渠。", {"帕提古丽"}),
    ("村委会主任扎西次仁带领牧民转场。", {"扎西次仁"}),
    ("社区主任全程参与了调解。", set()),
    # posts whose nouns jieba cuts into characters (楼|栋|长), and the chair of a people's congress
    ("楼栋长郑国华是一名有着40年党龄的老党员。", {"郑国华"}),
    ("镇人大主席包文明出席仪式。", {"包文明"}),
    # a name is not the head of a longer word (康复|中心), whatever tag the dictionary gives the head
    ("社区党委与市残疾人康复中心党支部开展联学共建。", set()),
    # roles by their ending: occupations (…师) and posts (…员, …长)
    ("厨师邓春华为老人做饭,面点师谢秋红也来帮忙。", {"邓春华", "谢秋红"}),
    ("省委组织部部长贺建国到社区调研。", {"贺建国"}),
    # names coordinated with the first share its role
    ("楼栋管理员孔令伟和彭小玲负责这个项目。", {"孔令伟", "彭小玲"}),
    # a role in quotes, a surname of the fuller list, and a form of address that is no name
    ("大家都来找“楼栋管理员”邬春华学习。", {"邬春华"}),
    ("小区居民崔女士和王阿姨都来了。", set()),
    # a name right before a bare title, after a clause start or a verb; a place before a title is no name
    ("会上,刘跃进书记强调要抓好落实。", {"刘跃进"}),
    ("居民们感谢马文斌主任的帮助。", {"马文斌"}),
    ("王村书记说。张村长带领村民修路。", set()),
    # the name first, then an appointment verb and the role
    ("今年,秦志远担任石门镇龙潭村党组织“第一书记”已有半年。", {"秦志远"}),
    # a post jieba splits off the noun or verb it names (网格 + 员, 宣讲 + 员) is a role; so is 干部
    ("网格员孔令伟在走访中了解到情况。", {"孔令伟"}),
    ("宣讲员邬春华讲述了红色故事。", {"邬春华"}),
    ("县委组织部干部马文斌表示将继续努力。", {"马文斌"}),
    ("党员干部带头参与,社区动员居民参加。", set()),
    # a name, then its role in brackets; a reporter's credit in brackets is no person of the graph
    ("马文斌(金城社区党委书记)表示要把好事办好。", {"马文斌"}),
    ("据了解,邬春华(社区志愿者)已服务十年。", {"邬春华"}),
    ("冯晓燕(记者)报道。", set()),
    # a name jieba's dictionary tags as a famous person's (nrfg) is still a name
    ("石门村村主任李强陪同。", {"李强"}),
    # a given name's last character may begin an adverb (一起): the name ends before it
    ("今天和村党支部书记王刚一起走访了脱贫户。", {"王刚"}),
    # a name followed by a one-character verb (守, 掰), unless the name's last character and the verb make a word
    ("护林员陈家强守着这片山林二十年。", {"陈家强"}),
    ("护村队长张树林扛着铁锹出了门。", {"张树林"}),
    ("社区主任张伟走访了困难户。", {"张伟"}),
    # between a role and a verb of speech, a name with a less common surname or of four characters
    ("嘎洛村党支部书记次仁多吉介绍,村里今年新修了水渠。", {"次仁多吉"}),
    ("清水社区党委书记冶建平说,社区还要再办三件实事。", {"冶建平"}),
    # five to seven characters of the transliteration guides between a role and a verb or a mark: one
    # name transliterated from Uyghur, Mongolian or Tibetan, written without its dot
    ("合作社理事长阿不都热依木告诉我们,枸杞卖得很好。", {"阿不都热依木"}),
    ("苏木党委副书记巴雅尔图门德表示,今年将新修两条牧道。", {"巴雅尔图门德"}),
    ("嘎查达敖其尔巴图骑着马走遍了每一户牧民。", {"敖其尔巴图"}),
    # four of them before an adverb; and a first part before a dot is the dotted name's, not a name of its own
    ("村党支部书记尼玛扎西刚从牧场回来。", {"尼玛扎西"}),
    ("社区党委委员帕丽达古丽·吐尔逊每周都来。", {"帕丽达古丽·吐尔逊"}),
    # four of them before a verb too (a verb jieba tags as a noun, 带队, among them), with the characters of
    # Tibetan names in their Amdo forms (才让 for 次仁); not when the run's last character begins the verb
    # (金玉兰来|到: a Han name of three); 委会 before a title is a committee written short, no one's name
    ("牧委会主任次旦群培带队巡查了冬季草场。", {"次旦群培"}),
    ("乡党委副书记益西多杰是土生土长的牧民。", {"益西多杰"}),
    ("寺沟村党支部书记才让多杰到会作了表态发言。", {"才让多杰"}),
    ("社区书记金玉兰来到活动室看望老人。", {"金玉兰"}),
    # 任 ends a name whose last character jieba's dictionary glues to it as a noun (…林任)
    ("驻村工作队队长赵德林任驻村第一书记。", {"赵德林"}),
    # surnames of the census's commonest that are no common word (傅, 洪, 赖, 阎)
    ("村委会主任傅家明说，今年要修路。", {"傅家明"}),
    ("社区党委书记洪丽娟介绍了经验。", {"洪丽娟"}),
    ("镇党委书记阎振华作表态发言。", {"阎振华"}),
    # 区长 whose 长 jieba glues to the surname after it (长葛, a city to its dictionary)
    ("乐山市沙湾区召开防汛会议，区委副书记、区长葛春林主持会议。", {"葛春林"}),
    # a surname and 家 (王家, 李家: the family, a dictionary word) begin a name all the same
    ("老船长王家林守在船上。", {"王家林"}),
    # 支书, the short word for a branch's secretary
    ("村支书田世明说,今年要修两条机耕道。", {"田世明"}),
    # people named by what they own or keep (a stall, a shop) have a role
    ("菜市场改造后,摊主邱美华笑着说,环境好多了。", {"邱美华"}),
    # a firm's manager
    ("公司党委副书记、总经理邵明远说,订单已经排到了年底。", {"邵明远"}),
    # a stop word (担任, the verb of a post) is no given name: 明 ends the name before it, it begins none
    ("社区成立了和顺调解队,由退休教师孔繁明担任队长。", {"孔繁明"}),
    # what stands there instead is a word of another kind, or an adverb with its particle
    ("社区党委书记今天说,活动很成功。", set()),
    ("社区负责人进一步介绍,服务还将延伸到小区。", set()),
    ("村主任高兴地说,路修好了。", set()),
    # a post jieba's dictionary lacks, cut into characters (守|渠|员), is a role all the same
    ("渠首的守渠员韩福生每天巡查闸门。", {"韩福生"}),
    # a verb and the first character of its object (收到|工|单) make no post: 单 is no one's surname here
    ("收到工单后,网格员马上上门处理。", set()),
    # a role word inside a quoted name (“党员联户·…”) is part of that name, not someone's post
    ("牧区党支部推行“党员联户·邻里互助”工作法。", set()),
    # a student is a role (and leads a team as its captain); a Tibetan name in the frame of 由…担任
    ("服务队队长由园林专业学生罗文斌担任。", {"罗文斌"}),
    ("服务队队长由园林专业学生次旺顿堆担任。", {"次旺顿堆"}),
    # of two role words in a row, the name follows the second, not the first with the second inside it
    ("学生家长滕慧敏说,孩子的字写得工整了。", {"滕慧敏"}),
    ("大学生党员邵文轩说,想为老人多做点事。", {"邵文轩"}),
]


@pytest.mark.parametrize("text, expected", PERSON_CASES)
def test_persons(text, expected):
    assert names(text, "Person") == expected


def test_a_first_secretary_stationed_in_a_village_leads_its_branch_among_other_villages():
    # 某村驻村第一书记某某 in a paragraph naming several villages: the village written before 驻村 is the one
    # the post is sent to, and its party branch, named in the sentence, is what the secretary leads
    text = ("　　柿坪村党支部书记蒋德茂介绍了茶园的收成。松溪村驻村第一书记韩立平来自县林业局,他说,"
            "松溪村党支部争取的光伏电站已经并网。")
    rels = relations(text)
    assert ("韩立平", "leads", "松溪村党支部") in rels and ("韩立平", "leads", "柿坪村党支部") not in rels


def test_a_general_manager_written_with_the_firm_s_kind_word_leads_the_one_firm_named():
    text = "柿坪社区引进铜仁梵绣服饰有限公司开办车间。公司总经理龙启明说,车间实行计件工资。"
    assert ("龙启明", "leads", "铜仁梵绣服饰有限公司") in relations(text)
    # with two firms named, 公司 says which no more
    text = "柿坪社区引进铜仁梵绣服饰有限公司和铜仁苗韵织锦有限公司。公司总经理龙启明说,车间实行计件工资。"
    assert not {o for s, p, o in relations(text) if s == "龙启明" and p == "leads"}


def test_a_post_a_later_clause_gives_to_he_or_she_is_the_named_person_s():
    # 某某介绍,…,他兼任合作社理事长: the secretary named at the sentence's start also heads the cooperative
    text = "柿坪村党支部书记蒋德茂介绍,村党支部领办了柿坪村油茶专业合作社,他兼任合作社理事长。"
    assert ("蒋德茂", "leads", "柿坪村油茶专业合作社") in relations(text)
    # another person named between them: the pronoun may be theirs, so nothing is given
    text = "柿坪村党支部书记蒋德茂介绍,驻村第一书记韩立平牵线成立了柿坪村油茶专业合作社,他兼任合作社理事长。"
    assert ("蒋德茂", "leads", "柿坪村油茶专业合作社") not in relations(text)


def test_a_gachas_secretary_who_is_also_its_head_leads_the_gacha_and_its_branch():
    found = relations("查干淖尔嘎查地处边境。嘎查党支部书记、嘎查达敖其尔巴图骑着马走访牧户。")
    assert {("敖其尔巴图", "leads", "查干淖尔嘎查"), ("敖其尔巴图", "leads", "查干淖尔嘎查党支部")} <= found


def test_the_head_of_an_association_named_with_by_leads_the_association_founded_before():
    # (由 + the person + 担任 + a bare head's title: the body the sentence founded; 联谊会 ends a body's name)
    found = relations("村里成立了乡贤联谊会,由在外经商的村民钟国梁担任会长。")
    assert ("钟国梁", "leads", "乡贤联谊会") in found


def test_a_body_word_before_a_kind_word_refers_to_the_articles_one_committee_of_such_a_body():
    text = "湘南理工学院机电学院党委组织师生到金城社区义诊。学院党委书记刘志华带队。"
    assert ("刘志华", "leads", "湘南理工学院机电学院党委") in relations(text)
    rels = relations("湘江电子有限公司党委是金城社区的共建单位。公司党委书记王新民多次带队走访困难户。")
    assert ("王新民", "leads", "湘江电子有限公司党委") in rels
    assert ("湘江电子有限公司党委", "partnersWith", "湘江电子有限公司") not in rels  # its own body
    # with two such bodies in the article, the reference says which of them no more
    two = "金城社区党委与湘南理工学院机电学院党委、湘南师范学院美术学院党委座谈。学院党委书记刘志华介绍了情况。"
    assert not any(p == "leads" for _, p, _ in relations(two))


def test_a_standing_member_who_heads_a_department_leads_the_district_committees_department():
    rels = relations("3月5日,雨湖区召开党建工作会议。区委常委、组织部部长曾丽华通报考核情况。")
    assert ("曾丽华", "leads", "雨湖区委组织部") in rels
    # another post after the standing member's names no department
    assert not any(p == "leads" for _, p, _ in relations("雨湖区召开党建工作会议。区委常委、副区长曾丽华出席。"))


def test_the_head_of_a_body_named_with_de_before_the_post_leads_the_body():
    rels = relations("赵刚是“青松红”志愿服务队的队长,也是一名老党员。")
    assert ("赵刚", "leads", "青松红") in rels
    # a post of another kind after 的 leads nothing
    assert not any(p == "leads" for _, p, _ in relations("赵刚是“青松红”志愿服务队的队员。"))


def test_leader_leads_the_organisation_of_the_role():
    assert ("马文斌", "leads", "金城社区党委") in relations("金城社区党委书记马文斌介绍了情况。")
    assert ("次仁多吉", "leads", "嘎洛村党支部") in relations("嘎洛村党支部书记次仁多吉介绍,村里今年新修了水渠。")


def test_a_first_secretary_sent_to_a_village_leads_the_village():
    found = extract_text("市民政局派驻石笋村的第一书记李明华带领村民修路。")
    assert [(m.name, m.role) for m in found.mentions if m.cls == "Person"] == [("李明华", "石笋村第一书记")]
    assert ("李明华", "leads", "石笋村") in {(r.subject.name, r.predicate, r.object.name) for r in found.relations}
    # any other role after 的 is said of someone, not of the unit's post
    assert not any(p == "leads" for _, p, _ in relations("石笋村的书记王刚介绍。"))


@pytest.mark.parametrize("text, person, place", [
    ("2022年春,周海涛被选派到青竹坪村任第一书记。", "周海涛", "青竹坪村"),
    ("去年,孙丽娟被县农业农村局派驻桃溪村担任第一书记。", "孙丽娟", "桃溪村"),
])
def test_a_person_sent_to_a_place_to_hold_a_post_leads_the_place(text, person, place):
    found = extract_text(text)
    assert [(m.name, m.role) for m in found.mentions if m.cls == "Person"] == [(person, place + "第一书记")]
    assert (person, "leads", place) in {(r.subject.name, r.predicate, r.object.name) for r in found.relations}


def test_a_deputy_sent_to_a_place_holds_its_post_and_leads_nothing():
    found = extract_text("2021年,吴晓梅被派驻柳塘村担任副主任。")
    assert [(m.name, m.role) for m in found.mentions if m.cls == "Person"] == [("吴晓梅", "柳塘村副主任")]
    assert not any(r.predicate == "leads" for r in found.relations)


def test_a_person_sent_somewhere_without_a_post_is_no_person():
    assert names("周海涛被派到青竹坪村帮助修路。", "Person") == set()


LEVEL_COMMITTEE_CASES = [
    # a generic 县委 before its secretary's title is the committee of the county the article names
    ("凤冈县召开乡村振兴推进会,县委书记张海涛出席。", {("凤冈县委", "partyOrgOf", "凤冈县"), ("张海涛", "leads", "凤冈县委")}),
    # the city the gazetteer adds counts as the article's own; a deputy leads nothing
    ("凤冈县石笋村修通了公路。市委副书记王刚到村调研。", {("遵义市委", "partyOrgOf", "遵义市")}),
    # a committee of another level than the unit the article names, or of no named unit, is none
    ("凤冈县召开乡村振兴推进会,区委书记张海涛出席。", set()),
    ("县委书记张海涛到石笋村调研。", set()),
]


@pytest.mark.parametrize("text, expected", LEVEL_COMMITTEE_CASES)
def test_a_level_committee_before_its_secretarys_title(text, expected):
    assert {r for r in relations(text) if r[1] in ("partyOrgOf", "leads")} == expected


def test_leads_from_a_name_before_its_appointment():
    rels = relations("今年,秦志远担任石门镇龙潭村党组织“第一书记”已有半年。")
    assert ("秦志远", "leads", "龙潭村党组织") in rels


def test_a_leading_role_coordinated_before_another_says_what_the_person_leads():
    rels = relations("金城社区好邻里党支部书记、小区居民杜怀仁说。")
    assert ("杜怀仁", "leads", "金城社区好邻里党支部") in rels
    # the second post may name the team it belongs to (、驻村工作队队长)
    rels = relations("会宁县丁家沟镇石笋村第一书记、驻村工作队队长马骏向来宾介绍了村里的变化。")
    assert ("马骏", "leads", "石笋村") in rels


def test_the_director_of_a_residents_committee_leads_the_community():
    rels = relations("金城社区党委副书记、居委会主任马文斌介绍。")
    assert ("马文斌", "leads", "金城社区") in rels
    assert ("马文斌", "leads", "金城社区党委") not in rels  # the deputy secretary does not lead the committee


@pytest.mark.parametrize("text, person, led", [
    # the secretary who is also the residents' committee's director leads both
    ("金城社区党委书记、居委会主任马文斌介绍。", "马文斌", {"金城社区党委", "金城社区"}),
    # the second post taken on after the name (兼任), with 同志 between
    ("龙潭村党总支书记秦志远同志兼任村委会主任。", "秦志远", {"龙潭村党总支", "龙潭村"}),
    # one post only
    ("龙潭村党总支书记秦志远介绍了情况。", "秦志远", {"龙潭村党总支"}),
])
def test_a_secretary_who_directs_the_residents_committee_leads_both(text, person, led):
    assert {o for s, p, o in relations(text) if s == person and p == "leads"} == led


@pytest.mark.parametrize("text, expected", [
    # a head's title that begins with a level word leads the unit of that level named before it
    ("石门镇党委书记秦志远、镇长马文斌出席。", ("马文斌", "leads", "石门镇")),
    ("龙潭村党支部书记秦志远、村主任马文斌陪同。", ("马文斌", "leads", "龙潭村")),
    # a community's director, the community written right before the post (社区主任 is one dictionary word)
    ("石门镇金城社区主任马文斌出席。", ("马文斌", "leads", "金城社区")),
])
def test_a_head_of_a_unit_leads_the_unit(text, expected):
    assert expected in relations(text)


def test_a_level_title_leads_no_unit_of_another_level():
    rels = relations("金城社区党委书记秦志远、镇长马文斌出席。")
    assert not any(s == "马文斌" for s, _, _ in rels)


POST_CASES = [
    # the name, a copula or a comma, then the post: at a clause's start
    ("今年以来,秦志远是龙潭村党支部书记,带头发展油茶。", ("秦志远", "龙潭村党支部")),
    ("秦志远,龙潭村党支部书记,在村里工作了二十年。", ("秦志远", "龙潭村党支部")),
    # the post, then 为 and the name that closes the clause
    ("换届后,龙潭村党支部书记为秦志远。", ("秦志远", "龙潭村党支部")),
]


@pytest.mark.parametrize("text, expected", POST_CASES)
def test_a_name_and_its_post_joined_by_a_copula_or_a_comma_in_either_order(text, expected):
    assert expected in {(s, o) for s, p, o in relations(text) if p == "leads"}


def test_a_name_before_a_verb_of_post_leads_the_organisation_named_with_the_role():
    # 现任 (a noun to jieba) ends the unit's stem; 党支部书记 names the branch, not only the village
    found = extract_text("秦志远现任龙潭村党支部书记。")
    assert {m.name for m in found.mentions if m.cls == "AdministrativeUnit"} >= {"龙潭村"}
    assert not any("现任" in m.name for m in found.mentions)
    assert ("秦志远", "龙潭村党支部") in {(r.subject.name, r.object.name) for r in found.relations if r.predicate == "leads"}


def test_a_quoted_post_is_a_role_unless_a_head_makes_it_a_way_of_working():
    assert names("今年,秦志远担任龙潭村党组织“网格长”已有半年。", "Program") == set()
    assert names("王刚担任石笋村党支部“副主任”。", "Program") == set()
    assert names("小区推行“楼栋长”制度,每栋楼选出一名楼栋长。", "Program") == {"楼栋长"}


def test_an_interview_caption_gives_the_post_of_the_name_that_opens_the_next_line():
    text = ("记者走进金城街道,听听大家怎么说。\n金城街道办公室副主任\n马兰:老旧小区的加装电梯今年要再推一批。\n"
            "金城社区党委书记\n秦志远:我们把议事会开到了楼道里。")
    found = extract_text(text)
    assert {m.name: m.role for m in found.mentions if m.cls == "Person"} == {
        "马兰": "金城街道办公室副主任", "秦志远": "金城社区党委书记"}
    # a deputy holds a post but leads nothing; a secretary leads the committee of the caption
    assert {(r.subject.name, r.object.name) for r in found.relations if r.predicate == "leads"} == {("秦志远", "金城社区党委")}


def test_a_post_with_no_name_beside_it_makes_no_person():
    assert names("这是龙潭村党支部书记的心愿,记者,龙潭村党支部书记也来了。", "Person") == set()


def test_a_role_in_brackets_after_a_name_says_what_the_person_leads():
    assert ("马文斌", "leads", "金城社区党委") in relations("马文斌(金城社区党委书记)表示要把好事办好。")


def test_a_deputy_does_not_lead():
    rels = relations("金城社区党委副书记马文斌介绍了情况。")
    assert not any(p == "leads" for _, p, _ in rels)


# ----------------------------------------------------------------- relations
def test_actor_runs_programs_and_coordinated_actors_share_them():
    rels = relations("皋兰路街道党工委和金城社区党委启动“微更新”项目。")
    assert ("皋兰路街道党工委", "runsProgram", "微更新") in rels
    assert ("金城社区党委", "runsProgram", "微更新") in rels


def test_the_actor_before_a_companion_joined_by_yu_runs_what_a_later_clause_starts():
    rels = relations("金城社区党委与湘江电子有限公司党委结成对子后,推出了“社企同心”服务清单。")
    assert ("金城社区党委", "runsProgram", "社企同心") in rels
    assert ("湘江电子有限公司党委", "runsProgram", "社企同心") not in rels
    rels = relations("金城社区党委多次走访企业,与湘江电子有限公司党委结成对子,推出了“社企同心”服务清单。")
    assert ("金城社区党委", "runsProgram", "社企同心") in rels
    assert ("湘江电子有限公司党委", "runsProgram", "社企同心") not in rels
    # in one clause the two start it together
    rels = relations("金城社区党委与湘江电子有限公司党委启动“社企同心”项目。")
    assert {("金城社区党委", "runsProgram", "社企同心"), ("湘江电子有限公司党委", "runsProgram", "社企同心")} <= rels


def test_a_unit_that_a_verb_takes_as_its_object_does_not_run_the_program():
    found = relations("金城街道党工委组织干部参观青杠坡社区,随后启动“一院一品”工程。")
    assert ("金城街道党工委", "runsProgram", "一院一品") in found
    assert ("青杠坡社区", "runsProgram", "一院一品") not in found


def test_program_without_actor_in_its_sentence_takes_the_articles_focus():
    rels = relations("金城社区创新治理方式。\n开展“楼道微治理”行动。")
    assert ("金城社区", "runsProgram", "楼道微治理") in rels


def test_the_focus_is_the_unit_the_title_and_lead_name():
    text = ("金城社区:小巷里的大变化\n金城社区地处老城,居民多为退休职工。城关区有多个老旧社区。\n"
            "去年以来,开展“楼道微治理”行动。")
    rels = relations(text)
    assert ("金城社区", "runsProgram", "楼道微治理") in rels
    assert ("城关区", "runsProgram", "楼道微治理") not in rels


# Who does the deed: the place it happens in is not the actor, and companions of a joint deed
# (和…一起, 联合, 与…共同) are the first actor's partners, not co-owners of the program.
HOST_CASES = [
    # a unit after a word of place is where; the unit written before the quoted name owns it
    ("4月3日,城关区“文明楼院”创建活动在雁滩社区启动。", {"城关区"}, set()),
    ("七里河区“邻里守望”志愿服务活动走进晏家坪社区。", {"七里河区"}, set()),
    # a partnering verb leaves the deed to the actor before it
    ("青松社区党委联合县税务局党支部开展“银龄关爱”行动。", {"青松社区党委"}, {("青松社区党委", "县税务局")}),
    # co-hosts joined by 与 and 、 before 共同: the first hosts, the bodies of the others' branches are its partners
    ("近日,金宇街道党工委与省气象局党总支、市图书馆党支部共同启动“椰风书香”读书计划。",
     {"金宇街道党工委"}, {("金宇街道党工委", "省气象局")}),
    # a companion after 和 … 一起: the actor before it (here the community its staff stand for) does it
    ("金城社区地处老城。社区工作人员每周都和雁滩街道党员志愿者一起开展“楼道清洁”行动。", {"金城社区"}, set()),
    # coordinated actors with no word of a joint deed still share the program
    ("皋兰路街道党工委和金城社区党委启动“微更新”项目。", {"皋兰路街道党工委", "金城社区党委"}, set()),
]


@pytest.mark.parametrize("text,runners,partnerships", HOST_CASES)
def test_the_host_of_a_deed_runs_its_program_and_its_companions_are_partners(text, runners, partnerships):
    rels = relations(text)
    assert {s for s, p, _ in rels if p == "runsProgram"} == runners
    assert partnerships <= {(s, o) for s, p, o in rels if p == "partnersWith"}


def test_a_body_named_inside_a_place_name_is_no_partner():
    # 县电力公司家属院: the compound is named after the company that housed its staff
    found = extract_text("社区党委走访了县电力公司家属院和粮食局家属院。")
    assert not {m.name for m in found.mentions if m.cls == "Partner"}
    assert {"电力公司家属院", "粮食局家属院"} <= {m.name for m in found.mentions if m.cls == "AdministrativeUnit"}


SPEAKER_CASES = [
    # the quotation closes the speaker's own sentence
    "城关区:基层治理见实效\n近年来,城关区推进基层治理创新,城关区各社区亮点纷呈。\n"
    "“今年,我们推出了“邻里帮”服务项目。”5月6日,金城社区党委书记马文斌说。",
    # the quotation is a paragraph of its own, the speaker the next line
    "城关区:基层治理见实效\n近年来,城关区推进基层治理创新,城关区各社区亮点纷呈。\n"
    "“今年,我们推出了“邻里帮”服务项目。”\n5月6日,金城社区党委书记马文斌说。",
]


@pytest.mark.parametrize("text", SPEAKER_CASES)
def test_a_quoted_leaders_we_is_the_organisation_the_speaker_leads(text):
    assert subjects(text, "runsProgram", "邻里帮") == {"金城社区党委"}


def test_a_quoted_speaker_who_leads_nothing_leaves_the_quotation_to_the_articles_focus():
    text = ("城关区:基层治理见实效\n近年来,城关区推进基层治理创新,城关区各社区亮点纷呈。\n"
            "“今年,我们推出了“邻里帮”服务项目。”金城社区居民马文斌说。")
    assert subjects(text, "runsProgram", "邻里帮") == {"城关区"}


def test_a_facility_belongs_to_the_community_rather_than_the_compound_of_its_sentence():
    rels = relations("金城社区在丽景小区建成暖心书屋。")
    assert ("金城社区", "hasFacility", "暖心书屋") in rels
    assert ("丽景小区", "hasFacility", "暖心书屋") not in rels


FACILITY_PLACE_CASES = [
    # a facility in a paragraph of its own belongs to the unit the article is about, not to the
    # compound the paragraph before went to
    ("金城社区开展环境整治活动。\n上午,志愿者来到丽景小区清理楼道小广告。\n随后,大家前往暖阳老年食堂参观。",
     "暖阳老年食堂", "金城社区"),
    # within one paragraph the place last named goes on
    ("金城社区开展环境整治活动。\n上午,志愿者来到丽景小区清理楼道小广告。随后,大家前往暖阳书屋参观。",
     "暖阳书屋", "丽景小区"),
]


@pytest.mark.parametrize("text,facility,place", FACILITY_PLACE_CASES)
def test_a_facility_without_a_unit_in_its_sentence_belongs_to_its_passage_or_the_articles_focus(text, facility, place):
    assert subjects(text, "hasFacility", facility) == {place}


def test_a_project_word_heads_a_quoted_compound():
    assert names("社区推出“一楼一景”邻里驿站党建品牌项目。", "Program") == {"一楼一景"}


def test_facility_belongs_to_the_unit_named_with_it():
    assert ("马坊社区", "hasFacility", "湿地公园") in relations("银杏广场在马坊社区湿地公园北侧。")


def test_evidence_points_at_the_original_text():
    text = "黨建引領(lǐng)：金城社區(qū)開展“微心願”項目。"
    article = prepare_article(RawArticle(source="t", text=text))
    found = process_article(article)
    program = next(m for m in found.mentions if m.cls == "Program")
    assert program.name == "微心愿"
    assert text[program.evidence.start : program.evidence.end] == "“微心願”項目"
    assert text[program.evidence.sentence_start : program.evidence.sentence_end].startswith("黨建引領(lǐng)")


def test_a_measure_goes_to_the_facility_named_before_it_not_to_every_facility_of_the_sentence():
    found = extract_text("云岭服务中心建筑面积达700平方米,设有爱心超市、云岭书屋等。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs["云岭服务中心"] == {"area": "700平方米"}
    assert attrs["爱心超市"] == {} and attrs["云岭书屋"] == {}


def test_a_heading_facility_takes_the_measures_of_the_paragraph_after_it():
    found = extract_text("【云岭健身房】\n拥有90平方米,配有动感单车。")
    attrs = {m.name: dict(m.attributes) for m in found.mentions if m.cls == "Facility"}
    assert attrs == {"云岭健身房": {"area": "90平方米"}}


# ------------------------------------------------------------------ renaming
# The rules read the shape of a sentence, not its names: renaming every entity
# to another name of the same shape gives the same extraction, renamed. Each
# template is filled twice; {U} a community stem, {F} a facility stem, {P} a
# partner stem, {S}{G} a person (surname, given name). The first fillers have
# the shapes of the sample articles' names, the others are invented; none is a
# dictionary verb (a verb ends a stem: that is the rule, not a name's shape).
RENAME_TEMPLATES = [
    "{U}社区党委书记{S}{G}介绍,{U}社区联合{P}小学开展“{F}”活动。",
    "{U}社区地处城东。{F}体育馆位于{U}社区{F}公园内。",
    "{U}社区组建{P}志愿服务队,{U}社区党总支启动“{F}”项目。",
    "社区{P}舞蹈队和{P}秧歌队在{F}广场演出。",
    "{P}物业、{P}社工和{P}小学与{U}社区结对共建。",
    "厨师{S}{G}在{U}社区{F}食堂为老人做饭。",
]
RENAMES = [
    {"U": "同心", "F": "初心", "P": "中南", "S": "陈", "G": "丹"},
    {"U": "石桥", "F": "银杏", "P": "瑞丰", "S": "欧阳", "G": "晓岚"},
    {"U": "青杠坡", "F": "润泽", "P": "锦华", "S": "马", "G": "文斌"},
]


def _shape(found, fill):
    """The extraction with the fillers put back as their placeholders."""
    def back(name):
        for key in sorted(fill, key=lambda k: -len(fill[k])):
            name = name.replace(fill[key], "{" + key + "}")
        return name
    mentions = {(m.cls, back(m.name)) for m in found.mentions if not m.implicit}
    rels = {(back(r.subject.name), r.predicate, back(r.object.name)) for r in found.relations}
    return mentions, rels


@pytest.mark.parametrize("template", RENAME_TEMPLATES)
def test_renaming_the_entities_keeps_the_extraction(template):
    shapes = [_shape(extract_text(template.format(**fill)), fill) for fill in RENAMES]
    assert shapes[0][0], "the template names something"
    assert all(shape == shapes[0] for shape in shapes[1:])


# --------------------------------------------------------------- indexes
# The extractors ask "which name stands last before this one?" through indexes
# built once per article. Each index must answer as a scan of every name would;
# the scans below are those questions written out plainly.
def scan_passage_unit(mention, candidates, paragraph):
    """The unit the passage is about, by scanning every candidate."""
    if not {c.name for c in candidates}:
        return None
    if len({c.name for c in candidates}) == 1:
        return candidates[0]
    before = [c for c in candidates if c.start < mention.start]
    same_sentence = [c for c in before if c.sentence == mention.sentence]
    if same_sentence:
        return same_sentence[-1]
    same_paragraph = [c for c in before if paragraph[c.sentence] == paragraph[mention.sentence]]
    if same_paragraph:
        return same_paragraph[-1]
    counts = Counter(c.name for c in candidates)
    return next(c for c in candidates if counts[c.name] == max(counts.values()))


def scan_actor(target, actors, text, paragraph):
    """The actors of a target's sentence, by scanning every actor."""
    usable = [a for a in actors if not (a.start < target.end and target.start < a.end)]
    same = [a for a in usable if a.sentence == target.sentence]
    before = [a for a in same if a.end <= target.start]
    if before:
        chosen = [before[-1]]
        for prev in reversed(before[:-1]):
            if text[prev.end : chosen[-1].start] not in ("和", "与", "及", "、", "以及"):
                break
            chosen.append(prev)
        return [a.entity for a in chosen]
    if same:
        return [same[0].entity]
    earlier = [a for a in usable if a.sentence < target.sentence]
    in_paragraph = [a for a in earlier if paragraph[a.sentence] == paragraph[target.sentence]]
    if in_paragraph:
        return [in_paragraph[-1].entity]
    return [earlier[-1].entity] if earlier else [usable[0].entity] if usable else []


def _unit(name, sentence, start, end=None):
    from kg.extract.found import Found

    return Found("AdministrativeUnit", name, start, end or start + len(name), sentence, kind="community")


# Four candidates in the order found: 丙 is listed after 乙 but stands before
# it (a coordinated name is found after the name it shares a suffix with).
# Sentences 0-1 are paragraph 0, 2-3 paragraph 1, 4 paragraph 2.
PASSAGE_PARAGRAPH = [0, 0, 1, 1, 2]
PASSAGE_CANDIDATES = [_unit("甲社区", 0, 5), _unit("乙社区", 2, 40), _unit("丙社区", 2, 30), _unit("甲社区", 4, 80)]
PASSAGE_CASES = [
    # (sentence, start of the mention) -> index of the candidate it belongs to
    ((2, 45), 2),  # both of its sentence stand before it: the one found last, 丙
    ((2, 35), 2),  # only 丙 stands before it
    ((2, 25), 0),  # none before it in its sentence or paragraph: the most mentioned, 甲 (first of two)
    ((3, 60), 2),  # none in its sentence: the last found before it in its paragraph
    ((4, 80), 0),  # 甲 of sentence 4 starts where the mention does, so not before it
    ((4, 81), 3),
    ((1, 10), 0),  # paragraph 0
]


@pytest.mark.parametrize(("mention", "expected"), PASSAGE_CASES)
def test_passage_unit(mention, expected):
    from kg.extract.units import PassageUnits

    sentence, start = mention
    probe = _unit("", sentence, start)
    found = PassageUnits(PASSAGE_CANDIDATES, PASSAGE_PARAGRAPH).nearest(probe)
    assert found is PASSAGE_CANDIDATES[expected]
    assert found is scan_passage_unit(probe, PASSAGE_CANDIDATES, PASSAGE_PARAGRAPH)


def test_passage_unit_with_one_name_or_none():
    from kg.extract.units import PassageUnits

    same_name = [_unit("甲社区", 3, 70), _unit("甲社区", 0, 1)]
    assert PassageUnits(same_name, PASSAGE_PARAGRAPH).nearest(_unit("", 4, 90)) is same_name[0]
    assert PassageUnits([], PASSAGE_PARAGRAPH).nearest(_unit("", 4, 90)) is None


# Sentences of 20 characters: 0-1 are paragraph 0, 2-3 paragraph 1. "和" joins
# the actors at 22-25 and 26-28.
ACTOR_TEXT = "".join("和" if i == 25 else "x" for i in range(80))
ACTOR_PARAGRAPH = [0, 0, 1, 1]
ACTOR_SPANS = [(0, 2, 5), (1, 22, 25), (1, 26, 28), (3, 70, 74)]  # (sentence, start, end), in text order
ACTOR_CASES = [
    # (sentence, start, end of the target) -> indexes of its actors
    ((1, 30, 33), [2, 1]),  # the last actor before it, and the one coordinated with that one by 和
    ((1, 20, 21), [1]),  # none before it in its sentence: the sentence's first
    ((1, 23, 24), [2]),  # an actor that overlaps the target is not its actor
    ((2, 45, 48), [2]),  # none in its sentence or paragraph: the last one before it in the article
    ((3, 62, 65), [3]),
    ((3, 75, 78), [3]),
    ((0, 3, 4), [1]),  # none usable in its sentence, none earlier: the article's first usable one
]


@pytest.mark.parametrize(("target", "expected"), ACTOR_CASES)
def test_actor_of_a_target(target, expected):
    from kg.extract.relations import Actor, Actors, actor_for

    entities = [_unit(f"甲{i}社区", sentence, start, end) for i, (sentence, start, end) in enumerate(ACTOR_SPANS)]
    actors = [Actor(e.start, e.end, e.sentence, e) for e in entities]
    probe = _unit("", target[0], target[1], target[2])
    found = actor_for(probe, Actors(actors, len(ACTOR_PARAGRAPH), ACTOR_PARAGRAPH), ACTOR_TEXT)
    assert found == [entities[i] for i in expected]
    assert found == scan_actor(probe, actors, ACTOR_TEXT, ACTOR_PARAGRAPH)


def _random_article(rnd, sentences=12, per_sentence=4):
    """Names at random places of sentences of 30 characters (paragraphs of 1-3 sentences), in a shuffled order."""
    paragraph, p = [], 0
    for i in range(sentences):
        paragraph.append(p)
        p += rnd.random() < 0.4
    names = []
    for i in range(sentences):
        for _ in range(rnd.randint(0, per_sentence)):
            start = 30 * i + rnd.randint(0, 25)
            names.append(_unit(rnd.choice("甲乙丙丁") + "社区", i, start, start + rnd.randint(1, 4)))
    # the order names are found in is roughly text order, with some out of place
    names.sort(key=lambda n: n.start + rnd.randint(-8, 8))
    return names, paragraph


def test_indexes_answer_as_a_scan_of_every_name_would():
    import random

    from kg.extract.relations import Actor, Actors, actor_for
    from kg.extract.units import PassageUnits

    rnd = random.Random(20241201)
    text = "".join(rnd.choice("x和与、") for _ in range(30 * 12))
    for _ in range(300):
        names, paragraph = _random_article(rnd)
        passages = PassageUnits(names, paragraph)
        actors = sorted((Actor(n.start, n.end, n.sentence, n) for n in names), key=lambda a: (a.start, a.end))
        indexed = Actors(actors, len(paragraph), paragraph)
        for _ in range(20):
            sentence = rnd.randrange(len(paragraph))
            start = 30 * sentence + rnd.randint(0, 28)
            probe = _unit("", sentence, start, start + rnd.randint(0, 2))
            assert passages.nearest(probe) is scan_passage_unit(probe, names, paragraph)
            assert actor_for(probe, indexed, text) == scan_actor(probe, actors, text, paragraph)


def test_covering_answers_as_a_scan_would():
    import random

    from kg.extract.index import Covering

    rnd = random.Random(7)
    for _ in range(200):
        spans = [(s, s + rnd.randint(0, 6)) for s in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 8)))]
        covering = Covering(spans)
        for _ in range(20):
            start = rnd.randint(0, 45)
            end = start + rnd.randint(0, 4)
            assert covering.covers(start, end) == any(s <= start and end <= e for s, e in spans)


TOKEN_TEXTS = ["芳草社区8处服务站", "杭州市西湖区北山街道召开会议", "12个小区"]


@pytest.mark.parametrize("text", TOKEN_TEXTS)
def test_token_lookups_answer_as_a_scan_would(text):
    from kg.extract.text import previous_token, stem_tokens, token_spans
    from kg.model import Sentence
    from kg.extract.segment import tokenize

    tokens = token_spans(Sentence(100, 100 + len(text), text, tokenize(text)))
    for offset in range(100, 101 + len(text)):
        assert tokens.containing(offset) == next((t for t in tokens if t.start < offset < t.end), None)
        assert previous_token(tokens, offset) == next((t.text for t in tokens if t.end == offset), "")
        assert previous_token(tokens, offset).isdigit() == any(t.end == offset and t.text.isdigit() for t in tokens)
        for end in range(offset, 101 + len(text)):
            assert stem_tokens(tokens, offset, end) == [t.text for t in tokens if t.start >= offset and t.end <= end]
        assert (offset in tokens.ends) == any(t.end == offset for t in tokens)


# --------------------------------------------------------------- bounded work
# Sentences are cut at kg.extract.segment.LONGEST_SENTENCE, but the patterns must not rely on it.
LONG = 10_000


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


# ---------------------------------------------------- document-level actors
def test_a_unit_written_as_the_parent_of_another_is_not_the_focus():
    # 榆中县 stands twice, once as the parent in the chain 榆中县金崖镇岳家巷村: the village is the story's
    text = "榆中县金崖镇岳家巷村坚持党建引领。\n榆中县的合作社带动村民增收。\n村里开展“田间课堂”活动。"
    rels = relations(text)
    assert ("岳家巷村", "runsProgram", "田间课堂") in rels
    assert not any(s == "榆中县" and p == "runsProgram" for s, p, _ in rels)


def test_a_youth_league_committee_named_often_is_not_the_focus():
    text = ("金城社区联合城关区团区委开展志愿活动。\n团区委组织青年志愿者到场。\n团区委还捐赠了图书。\n"
            "活动中推出“楼道微课堂”。")
    rels = relations(text)
    assert ("金城社区", "runsProgram", "楼道微课堂") in rels


def test_partners_named_after_a_partnering_word_work_with_the_actor_before_it():
    rels = relations("金城社区党委联合城关区税务局党支部、兰州大学等单位开展活动。")
    assert ("金城社区党委", "partnersWith", "兰州大学") in rels
    assert not any(p == "partnersWith" and s.endswith("党支部") for s, p, _ in rels)


def test_a_facility_named_in_short_later_is_the_one_named_in_full():
    found = extract_text("社区建成“青禾邻里驿站”。\n邻里驿站每天开放,邻里驿站里有图书。")
    facilities = {m.name for m in found.mentions if m.cls == "Facility"}
    assert facilities == {"青禾邻里驿站"}


def test_a_short_name_that_ends_two_full_names_stays_apart():
    found = extract_text("县民政局和市民政局派人参加。民政局的同志讲解了政策。")
    partners = {m.name for m in found.mentions if m.cls == "Partner"}
    assert partners == {"县民政局", "市民政局", "民政局"}


def test_the_community_table_places_a_community_under_the_district_the_article_names_only():
    # the community's township is left out: its parent is the district, and no township is added
    found = extract_text("城关区东岗东路社区开展义诊。")
    assert {m.name for m in found.mentions if m.cls == "AdministrativeUnit" and not m.implicit} == {"城关区", "东岗东路社区"}
    assert "拱星墩街道" not in {m.name for m in found.mentions}


def test_a_community_written_once_one_character_off_its_listed_name_is_that_community():
    # 东岗东路社区 is in the national table under 拱星墩街道; 东岗冬路社区 is in no table
    text = "城关区拱星墩街道东岗东路社区开展义诊。东岗东路社区的医生上门服务。东岗冬路社区的老人也来了。东岗东路社区将常态化开展。"
    found = extract_text(text)
    communities = [m for m in found.mentions if m.cls == "AdministrativeUnit" and m.kind == "community"]
    assert {m.name for m in communities} == {"东岗东路社区"}
    assert "东岗冬路社区" in {a for m in communities for a in m.aliases}


def test_two_communities_written_as_often_stay_apart_though_one_character_off():
    text = "城关区拱星墩街道东岗东路社区开展义诊。东岗冬路社区的老人也来了。"
    assert names(text, "AdministrativeUnit") >= {"东岗东路社区", "东岗冬路社区"}


PROGRAM_SHORT_FORM_CASES = [
    # one long head word after both quotes: the shorter quote names the longer program in short
    ("“青禾”非公党建品牌在园区推开。今年,“青禾同行”非公党建品牌又添新成员。", {"青禾同行"}),
    # a short head word (治理模式) says nothing about which program
    ("社区推行“一核”治理模式,又推出“一核多元”治理模式。", {"一核", "一核多元"}),
    # no shared head: two programs
    ("“青禾”非公党建品牌在园区推开,“青禾同行”志愿服务项目也启动了。", {"青禾", "青禾同行"}),
]


@pytest.mark.parametrize("text, expected", PROGRAM_SHORT_FORM_CASES)
def test_a_program_named_by_the_start_of_another_with_the_same_head_is_that_one(text, expected):
    assert names(text, "Program") == expected


def test_the_list_of_partners_begins_after_the_word_that_joins_them_to_the_actors():
    # the facility coordinated with the actor stays a facility; the bodies after 联合 are partners
    text = "青松社区党委、党群服务中心联合青禾公益、县税务局、县第一中学等单位开展活动。"
    found = extract_text(text)
    by_class = {(m.cls, m.name) for m in found.mentions}
    assert ("Facility", "青松社区党群服务中心") in by_class
    assert {("Partner", "县税务局"), ("Partner", "县第一中学"), ("Partner", "青禾公益")} <= by_class


# ------------------------------------------------------- derived pattern tables
def test_the_heads_by_first_character_are_every_head_in_the_order_head_after_tries_them():
    from kg.extract.patterns import PATTERNS

    for first, pairs in PATTERNS.heads_by_first.items():
        assert list(pairs) == [pair for pair in PATTERNS.head_classes if pair[0][0] == first]
    assert sum(len(pairs) for pairs in PATTERNS.heads_by_first.values()) == len(PATTERNS.head_classes)


def test_a_program_head_takes_the_first_kind_one_of_whose_endings_it_has():
    from kg.extract.quotes import program_kind
    from kg.extract.patterns import PATTERNS

    kinds = PATTERNS["programs"]["kinds"]
    for ends, _ in kinds:
        for end in ends:
            expected = next(kind for other, kind in kinds if any(("某某" + end).endswith(e) for e in other))
            assert program_kind("某某" + end) == expected
    assert program_kind("某某") is None


COORDINATED_PEOPLE_CASES = [
    # a word for people before 和 and a suffixed unit is who comes along, not a place sharing the suffix
    ("入冬以来,网格员们和雁滩街道的干部一起上门送温暖。", {"雁滩街道"}),
    ("志愿者和青松社区的居民一同清理了河道。", {"青松社区"}),
    ("退休教师、党员和东岗村的村民坐在一起议事。", {"东岗村"}),
    # a bare place name before it still shares the suffix (东岗、西岗村)
    ("东岗、西岗村的村民坐在一起议事。", {"东岗村", "西岗村"}),
]


@pytest.mark.parametrize("text, expected", COORDINATED_PEOPLE_CASES)
def test_a_word_for_people_coordinated_with_a_unit_is_no_unit(text, expected):
    assert names(text, "AdministrativeUnit") == expected


def test_a_streets_youth_league_working_committee_is_an_organisation():
    assert "梅溪街道团工委" in names("梅溪街道团工委组织青年志愿者清扫河岸。", "PartyOrganization")


def test_a_villages_youth_league_branch_is_an_organisation_and_no_partner():
    text = "柘林村团支部书记沈知远带着返乡青年整理村里的老照片。"
    assert "柘林村团支部" in names(text, "PartyOrganization")
    assert not any(name.startswith("柘林村团") for name in names(text, "Partner"))
    assert ("沈知远", "leads", "柘林村团支部") in relations(text)


@pytest.mark.parametrize("text, name", [
    ("返乡大学生沈知远现兼任柘林村团支部书记。", "沈知远"),
    ("老党员卞守仁现担任村务监督委员会主任。", "卞守仁"),
    ("退休教师龚秀禾曾任社区议事会会长。", "龚秀禾"),
])
def test_now_or_once_before_the_verb_of_a_post_is_no_part_of_the_name(text, name):
    assert names(text, "Person") == {name}


@pytest.mark.parametrize("text", [
    "返乡大学生带着青年们整理村史馆。",  # 青年|们|整理|村: jieba cuts 们 off its word
    "村民们布置村史馆。",  # the subject opens the sentence
    "适老改造，要从老人的高度看社区。",  # 看 takes the place as its object
])
def test_a_word_for_people_and_its_verb_begin_no_unit_or_place(text):
    assert not any("们" in n for cls in ("AdministrativeUnit", "Facility") for n in names(text, cls))


def test_a_provinces_short_form_among_homonyms_takes_the_name_the_articles_places_choose():
    # 海南 is also a prefecture's and a district's short form; 定安县 lies in 海南省, so the firm's 海南 is it
    rels = relations("定安县新竹镇与海南绿岛果蔬专业合作社签订了收购协议。")
    assert ("定安县", "partOf", "海南省") in rels
    assert "海南" not in names("定安县新竹镇与海南绿岛果蔬专业合作社签订了收购协议。", "AdministrativeUnit")


# a word for people (骨干, 业主) is the clause's subject: the word after it is its verb, whatever tag jieba's
# dictionary gives it (列席 n), and a bare 社区 after that verb is no community's name
@pytest.mark.parametrize("text", ["街道要求辖区物业企业的党员骨干列席社区“两委”会议。", "小区业主列席社区协商会。"])
def test_no_community_named_by_the_verb_after_a_word_for_people(text):
    assert not {n for n in names(text, "AdministrativeUnit") if n.endswith("社区")}


def test_a_place_inside_a_persons_name_is_no_unit_of_the_article():
    # 玉林 is a city to the gazetteer; here it is the given name of the town's secretary
    text = "泰州市泰兴市黄桥镇党委书记蒋玉林表示，镇里将继续推进人居环境整治。"
    assert names(text, "Person") == {"蒋玉林"}
    units = {m.name for m in extract_text(text).mentions if m.cls == "AdministrativeUnit"}
    assert "玉林市" not in units and "广西壮族自治区" not in units


def test_a_unit_after_a_listed_name_begins_the_next_post_not_a_coordinated_name():
    # 白 is a surname, but 白石桥 here begins the next community's name
    text = "会上，丹桂社区党委书记陶文静、白石桥社区党委书记汪德明作交流发言。"
    assert names(text, "Person") == {"陶文静", "汪德明"}


@pytest.mark.parametrize("text, name", [
    ("物业公司总经理邹长林带着维修工逐户检查燃气管。", "邹长林"),  # 林带 is a noun to jieba: 带着 ends the name
    ("村党支部书记赵伟走访了12户困难群众。", "赵伟"),  # 伟走 is no word, 走访 is the verb
    ("巡逻队队长艾力·吐尔逊江拿着手电走在前面。", "艾力·吐尔逊江"),  # a name written with a dot, too
])
def test_a_one_character_verb_and_its_aspect_particle_end_a_name(text, name):
    assert names(text, "Person") == {name}


@pytest.mark.parametrize("text, name", [
    ("镇党委书记邵正林表示，将把经验推广到各村。", "邵正林"),  # 正 inside a given name, not 正在
    ("社区书记龚介民说，议事会每月开一次。", "龚介民"),
])
def test_a_character_that_begins_the_next_word_may_stand_inside_a_given_name(text, name):
    assert names(text, "Person") == {name}


@pytest.mark.parametrize("text", [
    "村党支部书记刘介绍了今年的打算。",  # 介绍 is the verb after a surname alone
    "社区主任王明正在走访困难户。",  # (王明, then 正在)
])
def test_a_verb_after_a_surname_is_no_given_name(text):
    assert not any(n.endswith(("介绍", "正")) for n in names(text, "Person"))


def test_a_four_character_name_never_ends_inside_a_verb():
    # 劝说 is a verb: 先上门劝 is no name before 说
    assert not names("社区推行“一劝二帮”工作法：党员先上门劝说，再帮老人搬运杂物。", "Person")


def test_the_surname_he_before_a_verb_of_speech_is_a_name_and_the_conjunction_is_not():
    # 和 is a surname (many Naxi families) as well as "and": a name when two characters that are no word follow
    assert names("村党支部书记、村委会主任和润杰说，今年要把路修好。", "Person") == {"和润杰"}
    assert not names("社区主任和居民说明了停车的新规定。", "Person")


def test_an_organisation_named_after_a_body_of_the_article_takes_the_bodys_whole_name():
    # 溜达 and 跑腿 are verbs to jieba: the branch's stem walk stops there, inside the team's name written before
    text = "社区党委组建“溜达护安队”，又在队里成立溜达护安队临时党支部，由退休教师祁守仁担任支部书记。"
    assert "溜达护安队临时党支部" in names(text, "PartyOrganization")
    assert ("祁守仁", "leads", "溜达护安队临时党支部") in relations(text)
    assert "跑腿帮办队临时党支部" in names("村里成立“跑腿帮办队”，又在队里成立跑腿帮办队临时党支部。", "PartyOrganization")


@pytest.mark.parametrize("text", [
    "物业把旧车棚改成“暖心驿站”，装上充电桩，还摆了长椅。",  # 装上 is a noun to jieba's dictionary
    "志愿者给每个楼道挂上应急灯。",
])
def test_a_one_character_verb_and_its_complement_begin_no_place(text):
    assert not any(n.startswith(("装上", "挂上")) for n in names(text, "Facility"))


def test_a_word_of_place_ending_in_a_complement_still_begins_a_name():
    # 塞上 (the frontier land) is a word of place to jieba, not the verb 塞 and its complement
    assert "银川塞上农林职业学校" in names("银川塞上农林职业学校的师生来社区修剪绿篱。", "Partner")


def test_a_joint_branch_is_named_for_its_task_after_the_place_as_a_temporary_one_is():
    text = "社区党委联合辖区4家单位成立东坡社区绿道共建联合党支部，书记由社区党委副书记祁守仁兼任。"
    assert "东坡社区绿道共建联合党支部" in names(text, "PartyOrganization")
    assert ("祁守仁", "leads", "东坡社区绿道共建联合党支部") in relations(text)


def test_a_township_crossed_by_a_village_the_article_names_is_a_misreading():
    from kg.extract import units_crossing_known_names
    from kg.extract.found import Found
    text = "小桂花村举办旅游节。祥和镇小桂花村乡村旅游节开幕。"
    at = text.index("小桂花村", 5)
    village = Found("AdministrativeUnit", "小桂花村", 0, 4, 0, kind="community")
    township = Found("AdministrativeUnit", "花村乡", at + 2, at + 5, 1, kind="subdistrict")  # jieba's 花村乡 of 小桂|花村乡|村
    compound = Found("AdministrativeUnit", "花村乡苑", at + 2, at + 6, 1, kind="compound")
    kept = units_crossing_known_names([village, township, compound], text)
    assert village in kept and township not in kept
    assert compound in kept  # (a community's or a compound's two readings are the joins' to settle)
