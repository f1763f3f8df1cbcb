"""signatory: the body that signs an article's partnerships with a whole set of bodies holds the partnerships of
the bodies named after it in sentences of their own. Sentences written for these tests; the places are real
divisions, the bodies invented."""
from __future__ import annotations

import pytest

from tests.test_extract import relations

STORY = "宜宾市翠屏区南岸街道金沙社区成立“邻里同心”服务联盟。{signing}宜宾市第三人民医院每月派医生到社区义诊；翠屏区南岸实验小学向居民开放操场。"

SIGNER_CASES = [
    # the community's committee signs with a counted set of bodies: the bodies named later are its partners
    ("社区党委与辖区8家单位签订共建协议。", "金沙社区党委"),
    ("金沙社区党委携手驻区的6家企业开展共建。", "金沙社区党委"),
    # a statement by another body (the street's committee) leaves them with the article's focus
    ("南岸街道党工委与辖区8家单位签订共建协议。", "金沙社区"),
    # (a kind of body the committee deals with, not a set it signs with)
    ("社区党委加强与企业之间的联系。", "金沙社区"),
]


@pytest.mark.parametrize("signing, holder", SIGNER_CASES)
def test_the_bodies_named_after_a_signing_with_a_set_of_bodies_are_the_signers_partners(signing, holder):
    rels = {(s, o) for s, p, o in relations(STORY.format(signing=signing)) if p == "partnersWith"}
    assert rels == {(holder, "宜宾市第三人民医院"), (holder, "翠屏区南岸实验小学")}


def test_a_body_that_runs_the_focus_s_facility_is_the_signers_partner():
    # (the sentence's actor is the facility's head word, standing for its holder, the article's focus)
    text = ("宜宾市翠屏区南岸街道金沙社区建成“邻里驿站”。社区党委与辖区8家单位签订共建协议。"
            "驿站由宜宾安康餐饮管理有限公司负责运营。")
    rels = {(s, o) for s, p, o in relations(text) if p == "partnersWith"}
    assert rels == {("金沙社区党委", "宜宾安康餐饮管理有限公司")}


def test_a_list_of_bodies_closed_by_their_count_is_a_collective_the_signer_holds_the_partnerships_of():
    # 与甲、乙、丙等5家单位签订共建协议: the bodies are listed one by one before 等 and their count; a body the
    # article names later in a sentence of its own is the signer's partner, not the focus unit's
    text = ("晨光社区：共建单位进社区\n六安市金安区三里桥街道晨光社区是老旧小区集中的社区，晨光社区有居民4200户。\n"
            "近日，晨光社区党委与六安乐活精工机械有限公司、六安市金安区晨光小学、六安平安保安服务有限公司等5家单位签订共建协议。\n"
            "按照协议，安徽康泰医院每月到社区开展义诊。")
    rels = relations(text)
    assert ("晨光社区党委", "partnersWith", "安徽康泰医院") in rels
    assert ("晨光社区", "partnersWith", "安徽康泰医院") not in rels


def test_a_body_named_by_its_branch_that_opens_its_own_clause_is_the_signers_partner():
    # the firm's branch does the deed of its clause: the firm works with the body that signed with the units
    text = ("丹东市振兴区站前街道党工委与辖区12家单位签订共建协议。"
            "丹东明德律师事务所党支部组建法律服务团，每月到东晨社区坐诊。")
    assert ("站前街道党工委", "partnersWith", "丹东明德律师事务所") in relations(text)


PLACE_CASES = [
    # the committee meets in its community's hall (the bare 社区 after 在 is where) and signs with the bodies
    "11月5日，遵义市汇川区上海路街道清泉社区党委在社区文化活动中心召开共建座谈会，"
    "与遵义市第九中学、汇川区康宁口腔诊所签订共建协议。",
    # (the community named in full after 在 is the place too)
    "11月5日，遵义市汇川区上海路街道清泉社区党委在清泉社区召开共建座谈会，"
    "与遵义市第九中学、汇川区康宁口腔诊所签订共建协议。",
]


@pytest.mark.parametrize("text", PLACE_CASES)
def test_the_place_of_a_signing_meeting_is_not_the_body_that_signs(text):
    rels = {(s, o) for s, p, o in relations(text) if p == "partnersWith"}
    assert rels == {("清泉社区党委", "遵义市第九中学"), ("清泉社区党委", "汇川区康宁口腔诊所")}


def test_the_body_a_sentence_sets_up_is_not_the_one_that_joins_the_partners_after_it():
    # the street sets up a committee, then joins hands with the bodies: the founder is the partner, the body
    # set up is the object of 成立
    text = ("福州市鼓楼区安泰街道成立“两新”组织联合党委，吸纳辖区企业党组织12个，"
            "联合鼓楼区仁爱医院、福州万家商贸有限公司等单位开展义诊活动。")
    rels = {(s, o) for s, p, o in relations(text) if p == "partnersWith"}
    assert rels == {("安泰街道", "鼓楼区仁爱医院"), ("安泰街道", "福州万家商贸有限公司")}


def test_a_body_that_runs_what_a_named_actor_opens_is_that_actors_partner_not_the_signers():
    # the community itself opens the point, in its own sentence: the firm that runs it works with the community
    text = ("樟园社区：老人吃饭有了好去处\n乐山市沙湾区铜河街道樟园社区党委与辖区5家单位开展结对共建。\n"
            "樟园社区今年开出樟园长者助餐点，助餐点的饭菜由乐山味佳餐饮管理有限公司配送。")
    rels = relations(text)
    assert ("樟园社区", "partnersWith", "乐山味佳餐饮管理有限公司") in rels
    assert ("樟园社区党委", "partnersWith", "乐山味佳餐饮管理有限公司") not in rels
