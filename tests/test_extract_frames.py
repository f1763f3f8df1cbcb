"""Who acts in a sentence whose frames name other bodies: a report after its speaker (某某介绍,…).
Sentences written for these tests; the places are real divisions, the people and programs invented."""
from __future__ import annotations

import pytest

from kg.model import RawArticle
from kg.pipeline import prepare_article, process_article


def relations(text: str) -> set[tuple[str, str, str]]:
    found = process_article(prepare_article(RawArticle(source="test", text=text)))
    return {(r.subject.name, r.predicate, r.object.name) for r in found.relations}


def subjects(text: str, predicate: str, obj: str) -> set[str]:
    return {s for s, p, o in relations(text) if p == predicate and o == obj}


LEAD = "沙湾社区:老楼加装电梯忙\n沙湾社区有老旧楼栋46栋,居民多为老人。\n"
REPORT_CASES = [
    # the speaker's body, named in the speaker's role, is not who runs what the report tells of
    (LEAD + "温江区委组织部组织科科长刘成斌介绍,今年以来已开展“电梯进楼”惠民行动12场。", "电梯进楼"),
    # a colon closes the verb of speech as a comma does, and 介绍说 is one verb of speech
    (LEAD + "温江区委组织部干部刘成斌在座谈会上介绍说:去年起推行“楼栋夜谈”议事制度。", "楼栋夜谈"),
]


@pytest.mark.parametrize("text,program", REPORT_CASES)
def test_a_report_after_its_speaker_is_not_the_deed_of_the_speakers_body(text, program):
    assert subjects(text, "runsProgram", program) == {"沙湾社区"}

