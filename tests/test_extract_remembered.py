"""What a sentence's findings were remembered as (``kg.extract.remembered``) gives what the rules find afresh."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import REMEMBERED_STEPS, SENTENCE_UNITS, sentence_units
from kg.extract.found import Found
from kg.extract.remembered import SentenceFindings, restore, snapshot
from kg.extract.text import token_spans
from kg.model import RawArticle
from kg.pipeline import prepare_article, process_article
from kg.extract.segment import sentences_of

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Sentences of every kind the units' step finds: the gazetteer's names and a chain, a unit by suffix, a
# numbered group (whose record points at its community), coordinated names, a listed estate, a county's
# short name before a township, a bare generic word, an office read as a subdistrict.
SENTENCES = [
    "湖南省常德市武陵区丹阳街道芙蓉社区13组居民参加了活动。",
    "李家湾、杨树岗居民组的村民和红星村和前进村的党员一起劳动。",
    "辖区有甲园、乙居、丙苑3个小区。",
    "宁乡金玉镇某某村开展“美丽屋场”创建。",
    "社区组织志愿者开展环境整治，街道办事处给予支持。",
    "某某社区二居委会召开会议。",
    # sentences naming no unit, whose organisations, names and persons are remembered too: a quoted program,
    # a firm and a team by suffix, listed partners, a person with a role, a reporter
    "党总支书记王建国带领“红色物业”服务队走访群众。",
    "阳光科技有限公司携手爱心志愿服务队、明德小学开展“书香进万家”活动。",
    "党员志愿者刘强和陈静一起清扫楼道。",
    "据记者李明了解，志愿者们每天清扫楼道。",
    "网格员李明每天走访住户。",  # (a reporter's name: no person of the graph, whichever sentence names him)
    "活动由区委组织部、区民政局联合主办。",
]


def extraction(text: str):
    return process_article(prepare_article(RawArticle(source="test", text=text)))


@pytest.fixture
def forgetting():
    """The steps with nothing remembered (each sentence worked out afresh), restored afterwards."""
    sizes = [step.size for step in REMEMBERED_STEPS]
    remembering(0)
    yield
    for step, size in zip(REMEMBERED_STEPS, sizes):
        step.size = size
        step.clear()


def remembering(size: int) -> None:
    for step in REMEMBERED_STEPS:
        step.clear()
        step.size = size


def texts() -> list[str]:
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return ["\n".join(SENTENCES), "\n".join(reversed(SENTENCES))] + seeds


def test_remembered_units_give_the_extraction_found_afresh(forgetting):
    fresh = [extraction(t) for t in texts()]
    assert all(x.mentions for x in fresh)
    remembering(1 << 10)
    # each text twice, then again after a line that moves every sentence (what is remembered is placed by offset)
    for _ in range(2):
        assert [extraction(t) for t in texts()] == fresh
    assert all(step._kept for step in REMEMBERED_STEPS)  # (every step had sentences to remember)
    moved = [extraction("前言。\n" + t) for t in texts()]
    remembering(0)
    assert moved == [extraction("前言。\n" + t) for t in texts()]


def test_a_recalled_sentence_gives_fresh_records_at_its_own_offset(forgetting):
    article = prepare_article(RawArticle(source="test", text="\n".join(SENTENCES)))
    sentences = sentences_of(article)
    afresh = [sentence_units(i, s, token_spans(s), []) for i, s in enumerate(sentences)]
    remembering(1 << 10)
    first = [sentence_units(i, s, token_spans(s), []) for i, s in enumerate(sentences)]
    again = [sentence_units(i, s, token_spans(s), []) for i, s in enumerate(sentences)]
    assert first == afresh and again == afresh
    assert all(a is not b for (x, _), (y, _) in zip(first, again) for a, b in zip(x, y))  # never the same records
    group = next(u for found, _ in again for u in found if u.rule == "numbered group")
    assert group.unit is not None and any(group.unit is u for found, _ in again for u in found)


def test_a_snapshot_is_placed_by_offset_and_keeps_references():
    community = Found("AdministrativeUnit", "芙蓉社区", 10, 14, 3, kind="community", rule="suffix")
    group = Found("AdministrativeUnit", "芙蓉社区13组", 10, 17, 3, kind="compound", rule="numbered group",
                  aliases={"13组"}, attributes={"x": "1"})
    group.unit = community
    records = snapshot([community, group], 10)
    restored = restore(records, 100, 7)
    assert [(f.name, f.start, f.end, f.sentence) for f in restored] == [("芙蓉社区", 100, 104, 7), ("芙蓉社区13组", 100, 107, 7)]
    assert restored[1].unit is restored[0] and restored[1].aliases == {"13组"} and restored[1].attributes == {"x": "1"}
    restored[1].aliases.add("y")
    assert restore(records, 100, 7)[1].aliases == {"13组"}  # (a restored record's sets are its own)
    outside = Found("AdministrativeUnit", "某镇", 0, 2, 3)
    community.unit = outside
    assert snapshot([community, group], 10) is None  # (a record pointing outside the findings is not kept)
    memo = SentenceFindings()
    memo.remember("句子", 10, [community, group])
    assert memo.recall("句子", 0, 0) is None
    community.unit = None
    assert snapshot([community, community], 10) is None  # (one record twice: fresh ones would be two)
    community.flag = True
    assert snapshot([community], 10) is None  # (an attribute no field holds would be lost)
