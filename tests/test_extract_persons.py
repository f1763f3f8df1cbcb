"""People after their role, from the third held-out batch's kinds of misses: a name that the verb of a post
(任, 担任) or a preposition (把) ends, a head named after one character jieba cuts off before 长 (河|长),
and a name whose first two characters are a word of another kind (a dynasty, a place, an adverb). Every
sentence is written for the test; names of other places and people."""
from __future__ import annotations

import pytest

from test_extract import extract_text, names


def persons(text: str) -> set[str]:
    return {m.name for m in extract_text(text).mentions if m.cls == "Person"}


PERSON_CASES = [
    # the verb of a post right after the name (任 is tagged a pronoun, as in 任何)
    ("黔西县民政局向大坪村派驻帮扶队，队员孟庆安任驻村第一书记。", {"孟庆安"}),
    ("乡党委书记钱立军任乡级总河长，负责全乡河道。", {"钱立军"}),
    # a chief of a road, a lake, a station: a one-character stem jieba cuts off before 长
    ("村党支部书记、村级路长覃海波把全村道路分成4段。", {"覃海波"}),
    ("县级湖长钟启明带队巡湖。", {"钟启明"}),
    ("村级田长伍振华巡查了农田。", {"伍振华"}),
    # surname and first character make a word of another kind (宋朝, 金华, 高远), the name ends at a mark or a post verb
    ("社区成立宣讲团，由老党员宋朝阳担任团长。", {"宋朝阳"}),
    ("县文旅局局长金华强也作了发言。", {"金华强"}),
    # a caption or a table's cell: the role, one space, the name, the field's end
    ("【现场声】青山口村党支部书记　覃秀英", {"覃秀英"}),
    ("8月3日\t市人大代表 庞海生\t青山口村代表联络点\t村道硬化", {"庞海生"}),
    ("县党代表庞海生走访了青山口村。", {"庞海生"}),
]


@pytest.mark.parametrize("text, expected", PERSON_CASES)
def test_persons_ended_by_a_post_verb_or_named_after_a_cut_head(text, expected):
    assert expected <= persons(text)


GUARD_CASES = [
    # 担任 is one word: 全部 is no name's head before it; a common noun (项目) or a preposition (关于) begins no name
    ("全村12名党员全部担任联户长。", {"全部担"}),
    ("居民关于选用路灯的意见被采纳，项目共投入5万元。", {"关于选", "项目共"}),
]


@pytest.mark.parametrize("text, absent", GUARD_CASES)
def test_no_person_from_a_word_before_a_post_verb(text, absent):
    assert not absent & persons(text)


ADDRESS_CASES = [
    # a resident quoted by a surname and a kinship word, south and north, before a verb of speech: no name
    ("“水管修好了，冬天不怕冻了。”居民邝阿伯笑着说。", {"邝阿伯"}),
    ("“合作社收购价高，心里踏实。”村民闵大娘说。", {"闵大娘"}),
    ("村民卞嬢嬢告诉记者，路灯亮了，晚上敢出门了。", {"卞嬢嬢", "卞娘娘"}),
    ("“现在楼道干净多了。”居民栾阿嫂说。", {"栾阿嫂"}),
]


@pytest.mark.parametrize("text, absent", ADDRESS_CASES)
def test_no_person_from_a_surname_and_a_form_of_address(text, absent):
    assert not absent & persons(text)


def test_a_post_verb_after_a_two_character_name_is_not_part_of_it():
    # 担任 / 兼任 begin on what would be the name's third character: the name has two
    found = persons("社区联系乐途快运公司城北网点的党员站长池勇兼任组长，带动骑手参加志愿服务。")
    assert "池勇" in found and "池勇兼" not in found


# a surname no list holds (妥, 撒: Hui and Dongxiang surnames), the holder of a post right after its title: three
# characters that a mark, a function character or a verb ends are the name
RARE_SURNAME_CASES = [
    ("村党支部书记妥建福在地头察看墒情。", {"妥建福"}),
    ("社区居委会主任撒文秀和网格员一起入户走访。", {"撒文秀"}),
    # a verb of a meeting report that jieba tags as a noun (通报 n) ends the name too
    ("镇党委副书记妥春兰通报了上半年党建工作考核情况。", {"妥春兰"}),
]


@pytest.mark.parametrize("text, expected", RARE_SURNAME_CASES)
def test_a_post_holder_with_a_surname_no_list_holds(text, expected):
    assert expected <= persons(text)


def test_three_characters_after_a_residents_word_are_no_name():
    # after 居民 or 村民 (no post), three characters before a mark are a thing or a deed, not a person
    assert not persons("社区给每个网格建了一个居民微信群，村民拉家常，说说心里话。")


# A conjunction joins two names, not a name and a verb of speech: before one (介绍) it is the given name's
# last character; before a second role and name it joins them. Sentences written for the test.
@pytest.mark.parametrize("text, expected", [
    ("“路修好了，果子也好卖了。”村委会主任赵长和说。", {"赵长和"}),
    ("村党支部书记刘平和村主任王强介绍了情况。", {"刘平", "王强"}),
])
def test_a_conjunction_before_a_verb_of_speech_ends_the_name(text, expected):
    assert persons(text) == expected


def test_a_village_worthy_before_a_name_is_a_role():
    # 乡贤 says who the person is, as 村民 and 党员 do: the name after it is a person's
    assert "周立民" in names("乡贤周立民捐资20万元，为村里修通了产业路。", "Person")


def test_role_spans_are_remembered_by_text_and_tokens_and_given_as_worked_out(monkeypatch):
    from kg.extract import roles
    from kg.extract.segment import tokenize
    from kg.model import Sentence

    texts = ["社区党委书记张三和网格员李四走访了居民。", "护边员王五说，村主任赵六和区长孙七也来了。", "没有职务的句子。"]
    first = {}
    for start, text in ((0, texts[0]), (40, texts[1]), (90, texts[2])):
        sentence = Sentence(start, start + len(text), text, tokenize(text))
        first[text] = roles.role_spans(sentence)
        assert list(first[text]) == roles.find_role_spans(sentence)  # (relative to the sentence)
    monkeypatch.setattr(roles, "find_role_spans", lambda sentence: pytest.fail("worked out again"))
    for text in texts:  # another copy, elsewhere in another article: the same spans, not worked out again
        assert roles.role_spans(Sentence(7, 7 + len(text), text, tokenize(text))) is first[text]
    monkeypatch.undo()
    # the same text with other tokens (a sentence made by hand) is worked out for its own tokens
    text = texts[0]
    apart = Sentence(0, len(text), text, tuple(text))
    assert list(roles.role_spans(apart)) == roles.find_role_spans(apart)
    roles.forget_role_spans()
    assert not roles._ROLE_SPANS
