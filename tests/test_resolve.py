"""Resolution: aliases merge, homonyms stay apart. Hand-built extractions."""
from __future__ import annotations

import pytest

from kg.model import ArticleExtraction, EntityRef, Evidence, LocalRelation, Mention
from kg.resolve import resolve, variants


def ev(article: str, start: int = 0) -> Evidence:
    return Evidence(article, "句子。", 0, 3, start, start + 1)


def mention(article, cls, name, *, code=None, aliases=(), kind=None, start=0, implicit=False) -> Mention:
    return Mention(cls, name, name, ev(article, start), kind=kind, code=code, aliases=tuple(aliases), implicit=implicit)


def part_of(article, child, parent) -> LocalRelation:
    return LocalRelation(EntityRef("AdministrativeUnit", child), "partOf", EntityRef("AdministrativeUnit", parent),
                         ev(article), "name")


def entities(corpus, cls):
    return sorted((e.label, e.alt_labels) for e in corpus.entities if e.cls == cls)


def test_program_name_in_one_article_and_alias_in_another_are_one_node():
    a = ArticleExtraction("a", (mention("a", "Program", "闪亮工程"),), ())
    b = ArticleExtraction("b", (mention("b", "Program", "闪亮", aliases=["闪亮工程"]),), ())
    corpus = resolve([a, b])
    programs = [e for e in corpus.entities if e.cls == "Program"]
    assert len(programs) == 1
    assert {programs[0].label, *programs[0].alt_labels} == {"闪亮工程", "闪亮"}


def test_party_organisation_short_and_long_forms_merge_through_their_unit():
    unit = mention("a", "AdministrativeUnit", "芳草社区", kind="community")
    long = mention("a", "PartyOrganization", "芳草社区党总支", aliases=["芳草党总支"])
    rel = LocalRelation(EntityRef("PartyOrganization", "芳草社区党总支"), "partyOrgOf",
                        EntityRef("AdministrativeUnit", "芳草社区"), ev("a"), "name")
    corpus = resolve([ArticleExtraction("a", (unit, long), (rel,))])
    assert entities(corpus, "PartyOrganization") == [("芳草社区党总支", ("芳草党总支",))]


def test_units_with_the_same_code_merge_across_articles_and_take_the_written_label():
    a = ArticleExtraction("a", (mention("a", "AdministrativeUnit", "满春街道", code="420103005000"),), ())
    b = ArticleExtraction("b", (mention("b", "AdministrativeUnit", "满春街街道", code="420103005000"),), ())
    c = ArticleExtraction("c", (mention("c", "AdministrativeUnit", "满春街道", code="420103005000"),), ())
    corpus = resolve([a, b, c])
    assert entities(corpus, "AdministrativeUnit") == [("满春街道", ("满春街街道",))]


def test_homonym_subdistricts_with_different_codes_stay_apart():
    a = ArticleExtraction("a", (mention("a", "AdministrativeUnit", "东风路街道", code="430105002000"),), ())
    b = ArticleExtraction("b", (mention("b", "AdministrativeUnit", "东风路街道", code="410105010000"),), ())
    corpus = resolve([a, b])
    units = [e for e in corpus.entities if e.cls == "AdministrativeUnit"]
    assert len(units) == 2
    assert {u.code for u in units} == {"430105002000", "410105010000"}


def test_homonym_communities_under_different_subdistricts_stay_apart():
    a = ArticleExtraction(
        "a",
        (mention("a", "AdministrativeUnit", "中南社区"), mention("a", "AdministrativeUnit", "甲街道", code="1")),
        (part_of("a", "中南社区", "甲街道"),),
    )
    b = ArticleExtraction(
        "b",
        (mention("b", "AdministrativeUnit", "中南社区"), mention("b", "AdministrativeUnit", "乙街道", code="2")),
        (part_of("b", "中南社区", "乙街道"),),
    )
    corpus = resolve([a, b])
    assert sum(1 for e in corpus.entities if e.label == "中南社区") == 2


def test_an_unplaced_unit_joins_the_only_placed_unit_of_its_name():
    a = ArticleExtraction(
        "a",
        (mention("a", "AdministrativeUnit", "芳草社区"), mention("a", "AdministrativeUnit", "玉林街道", code="9")),
        (part_of("a", "芳草社区", "玉林街道"),),
    )
    b = ArticleExtraction("b", (mention("b", "AdministrativeUnit", "芳草社区"),), ())
    corpus = resolve([a, b])
    community = [e for e in corpus.entities if e.label == "芳草社区"]
    assert len(community) == 1
    assert {e.article_id for e in community[0].evidence} == {"a", "b"}


def test_facility_with_and_without_its_unit_prefix_is_one_node():
    mentions = (
        mention("a", "AdministrativeUnit", "芳草社区"),
        mention("a", "Facility", "芳草社区初心讲堂", start=5),
        mention("a", "Facility", "初心讲堂", start=40),
    )
    corpus = resolve([ArticleExtraction("a", mentions, ())])
    assert entities(corpus, "Facility") == [("芳草社区初心讲堂", ("初心讲堂",))]


def test_relations_merge_their_evidence_and_drop_self_loops():
    m = (mention("a", "AdministrativeUnit", "芳草社区"), mention("a", "Program", "微心愿"))
    run = LocalRelation(EntityRef("AdministrativeUnit", "芳草社区"), "runsProgram", EntityRef("Program", "微心愿"),
                        ev("a", 1), "pattern:actor")
    again = LocalRelation(EntityRef("AdministrativeUnit", "芳草社区"), "runsProgram", EntityRef("Program", "微心愿"),
                          ev("a", 9), "pattern:actor")
    loop = LocalRelation(EntityRef("Program", "微心愿"), "runsProgram", EntityRef("Program", "微心愿"), ev("a"), "x")
    corpus = resolve([ArticleExtraction("a", m, (run, again, loop))])
    assert len(corpus.relations) == 1
    assert len(corpus.relations[0].evidence) == 2


def test_resolution_does_not_depend_on_corpus_order():
    a = ArticleExtraction("a", (mention("a", "Program", "闪亮工程"), mention("a", "Partner", "四川大学")), ())
    b = ArticleExtraction("b", (mention("b", "Program", "闪亮", aliases=["闪亮工程"]),), ())
    assert resolve([a, b]) == resolve([b, a])


VARIANT_CASES = [
    # every unit of the article that the name starts with gives the rest of the name
    ("中南社区初心讲堂", {"中南", "中南社区", "北湖区"}, {"社区初心讲堂", "初心讲堂"}),
    # the rest must keep two characters: a unit and one more character is not a name
    ("中南社区站", {"中南社区"}, set()),
    ("中南社区", {"中南社区"}, set()),
    # filler words may be dropped
    ("党群服务驿站", set(), {"党群驿站"}),
    ("中南社区服务站", {"中南社区"}, {"服务站", "中南社区站"}),
]


@pytest.mark.parametrize(("name", "units", "expected"), VARIANT_CASES)
def test_variants_of_a_name(name, units, expected):
    assert set(variants(name, units)) == expected
