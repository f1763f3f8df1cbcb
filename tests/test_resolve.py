"""Resolution: identities from one article and the gazetteer; labels chosen corpus-wide. Hand-built extractions."""
from __future__ import annotations

import gc
import hashlib
import random
from dataclasses import replace
from pathlib import Path

import pytest

from kg.model import (
    Article,
    ArticleExtraction,
    ArticleMetadata,
    EntityRef,
    Evidence,
    LocalRelation,
    Mention,
    NormalisedText,
)
from kg.resolve import CorpusTables, observe
from kg.resolve.rules import load_rules

U, O, P, F, R, H = "AdministrativeUnit", "PartyOrganization", "Program", "Facility", "Partner", "Person"


class Text:
    """An article text made of sentences, and mentions and relations found in it by position."""

    def __init__(self, article_id: str, *sentences: str):
        self.id = article_id
        self.text = "".join(sentences)
        self.mentions: list[Mention] = []
        self.relations: list[LocalRelation] = []

    def evidence(self, surface: str, nth: int = 0) -> Evidence:
        at = -1
        for _ in range(nth + 1):
            at = self.text.index(surface, at + 1)
        start = self.text.rfind("。", 0, at) + 1
        end = self.text.index("。", at) + 1
        return Evidence(self.id, self.text[start:end], start, end, at, at + len(surface))

    def name(self, cls: str, name: str, surface: str | None = None, nth: int = 0, **fields) -> "Text":
        surface = surface or name
        self.mentions.append(Mention(cls, name, surface, self.evidence(surface, nth), **fields))
        return self

    def rel(self, subject: tuple[str, str], predicate: str, obj: tuple[str, str], rule: str = "test") -> "Text":
        self.relations.append(
            LocalRelation(EntityRef(*subject), predicate, EntityRef(*obj), self.evidence(subject[1]), rule))
        return self

    def article(self) -> Article:
        return Article(
            id=self.id, source=self.id, original=self.text,
            normalised=NormalisedText(self.text, tuple(range(len(self.text) + 1))), body=((0, len(self.text)),),
            dropped=(), metadata=ArticleMetadata(), content_hash=hashlib.sha256(self.text.encode()).hexdigest(),
        )

    def facts(self):
        return observe(self.article(), ArticleExtraction(self.id, tuple(self.mentions), tuple(self.relations)))


def resolve(*texts: Text):
    tables = CorpusTables()
    for t in texts:
        tables.add(t.facts())
    return tables.resolve()


def labelled(corpus, label: str):
    return [e for e in corpus.entities if e.label == label]


def community_in(article: str, community: str, parent: str, code: str | None = None) -> Text:
    """An article naming a community and the subdistrict it is in."""
    t = Text(article, f"{parent}{community}开展活动。")
    t.name(U, parent, kind="subdistrict", code=code).name(U, community, kind="community")
    return t.rel((U, community), "partOf", (U, parent))


# ---------------------------------------------------------------- stability
def test_adding_articles_never_changes_an_entitys_iri():
    first = community_in("a", "松溪社区", "甲街道", "430702005000")
    first.text += "邻里节。"
    first.name(P, "邻里节", kind="event").rel((U, "松溪社区"), "runsProgram", (P, "邻里节"))
    alone = {e.iri for e in resolve(first).entities}
    later = community_in("b", "松溪社区", "乙街道", "430702006000")
    later.text += "邻里节。"
    later.name(P, "邻里节", kind="event").rel((U, "松溪社区"), "runsProgram", (P, "邻里节"))
    grown = resolve(first, later).entities
    assert alone <= {e.iri for e in grown}
    # The later article adds its own subdistrict, the homonym 松溪社区 in it and that community's own
    # 邻里节 (a local event); the district, city and province above both subdistricts are already there.
    assert sorted(e.label for e in grown if e.iri not in alone) == sorted(["乙街道", "松溪社区", "邻里节"])


def test_resolution_does_not_depend_on_corpus_order():
    texts = [community_in(f"a{i}", "松溪社区", "甲街道", "430702005000") for i in range(4)]
    texts.append(Text("z", "松溪社区办公室。").name(U, "松溪社区", kind="community"))
    shuffled = texts[:]
    random.Random(1).shuffle(shuffled)
    assert resolve(*texts) == resolve(*shuffled)


def test_facts_added_as_the_lists_of_their_encoding_resolve_as_the_encoded_text_does():
    from kg.cache.codec import encode_facts

    texts = [community_in("a", "松溪社区", "甲街道", "430702005000"), community_in("b", "松溪社区", "乙街道")]
    texts[0].text += "邻里节。"
    texts[0].name(P, "邻里节", kind="event").rel((U, "松溪社区"), "runsProgram", (P, "邻里节"))
    tables = CorpusTables()
    for t in texts:
        tables.add_encoded(encode_facts(t.facts()))
    assert resolve(*texts) == tables.resolve()  # (resolve adds each article's facts as lists)


def test_a_lone_surrogate_in_hand_made_facts_goes_through_the_tables_and_back():
    # The read stage replaces lone surrogates, but facts made in Python may carry one; the scratch tables
    # keep it as it is, for the label and for the evidence samples read back later.
    facts = Text("a", "石门村开会。").name(U, "石门村", kind="village").facts()
    broken = tuple(replace(o, names=(("石\ud800村", 1),)) if o.names == (("石门村", 1),) else o for o in facts.entities)
    tables = CorpusTables()
    tables.add(replace(facts, entities=broken))
    corpus = tables.resolve()
    (entity,) = [e for e in corpus.entities if not e.implicit]
    assert entity.label == "石\ud800村"
    assert [(ref.article_id, ref.start, ref.end) for ref in tables.evidence(entity.iri)] == [("a", 0, 3)]
    tables.close()


# -------------------------------------------------------- corpus-wide tables
def test_an_entity_and_a_relation_count_the_articles_that_state_them_and_the_mentions():
    a = Text("a", "芳草社区开展微心愿。芳草社区又开展微心愿。").name(U, "芳草社区", kind="community")
    a.name(U, "芳草社区", nth=1, kind="community").name(P, "微心愿", kind="project")
    a.rel((U, "芳草社区"), "runsProgram", (P, "微心愿"))
    b = Text("b", "芳草社区开会。").name(U, "芳草社区", kind="community")
    c = Text("c", "芳草社区开展微心愿。").name(U, "芳草社区", kind="community").name(P, "微心愿", kind="project")
    c.rel((U, "芳草社区"), "runsProgram", (P, "微心愿"))
    corpus = resolve(a, b, c)
    # Unplaced units and programs are local to their article: one 芳草社区 per article, and each its own 微心愿.
    assert sorted((e.article_count, e.mentions) for e in labelled(corpus, "芳草社区")) == [(1, 1), (1, 1), (1, 2)]
    assert sorted(r.article_count for r in corpus.relations if r.predicate == "runsProgram") == [1, 1]
    placed = [community_in(name, "松溪社区", "甲街道", "430702005000") for name in ("a", "b", "c")]
    [community] = labelled(resolve(*placed), "松溪社区")
    assert (community.article_count, community.mentions) == (3, 3)
    [part_of] = [r for r in resolve(*placed).relations if r.subject == community.iri]
    assert (part_of.predicate, part_of.article_count) == ("partOf", 3)


def test_evidence_samples_are_the_first_by_article_then_offset_and_the_cache_gives_back_their_sentences():
    from kg.cache import ArticleResult, open_cache
    from kg.cache.codec import ArticleText
    from kg.model import summarise
    from kg.rdf.article import article_chunk
    from kg.rdf.export import data_names

    texts = [community_in(article, "松溪社区", "甲街道", "430702005000") for article in ("c", "a", "b")]
    texts[1].text = "今天天气好。" + texts[1].text  # article a names it in its second sentence
    texts[1].mentions, texts[1].relations = [], []
    texts[1].name(U, "甲街道", kind="subdistrict", code="430702005000").name(U, "松溪社区", kind="community")
    texts[1].rel((U, "松溪社区"), "partOf", (U, "甲街道"))
    cache, _ = open_cache(None, "evidence-test")
    tables = CorpusTables()
    try:
        for t in texts:
            facts = t.facts()
            summary = summarise(t.article())
            cache.put_article(ArticleResult(summary, facts, article_chunk(summary, facts, data_names()),
                                            ArticleText(t.text, ((0, len(t.text)),))))
            tables.add(facts)
        [community] = labelled(tables.resolve(), "松溪社区")
        refs = tables.evidence(community.iri)
        assert [ref.article_id for ref in refs] == ["a", "b"]
        samples = cache.evidence(refs)
        assert [e.sentence for e in samples] == ["甲街道松溪社区开展活动。"] * 2
        for sample, t in zip(samples, (texts[1], texts[2])):
            assert t.text[sample.start:sample.end] == "松溪社区"
            assert t.text[sample.sentence_start:sample.sentence_end] == sample.sentence
        [part_of] = [r for r in tables.resolve().relations if r.subject == community.iri]
        assert [e.article_id for e in cache.evidence(tables.evidence(*(part_of.subject, "partOf", part_of.object)))] \
            == ["a", "b"]
    finally:
        tables.close()
        cache.close(keep=False)


def test_closing_the_tables_deletes_their_scratch_file():
    tables = CorpusTables()
    tables.add(community_in("a", "松溪社区", "甲街道", "430702005000").facts())
    folder = Path(tables._folder.name)
    assert any(folder.iterdir())
    tables.close()
    assert not folder.exists()


# ---------------------------------------------------------------------- units
def test_units_with_the_same_code_merge_across_articles_and_take_the_form_written_most():
    # 金顶街街道 (110107006000) is the official name; articles also write 金顶街道.
    a = Text("a", "金顶街道。").name(U, "金顶街道", code="110107006000", kind="subdistrict")
    b = Text("b", "金顶街街道。").name(U, "金顶街街道", code="110107006000", kind="subdistrict")
    c = Text("c", "金顶街道。").name(U, "金顶街道", code="110107006000", kind="subdistrict")
    [unit] = [e for e in resolve(a, b, c).entities if e.code == "110107006000"]
    assert (unit.label, unit.alt_labels) == ("金顶街道", ("金顶街街道",))
    assert unit.iri.endswith("/unit/110107006000")


def test_an_autonomous_area_written_by_its_short_form_is_named_by_the_division_tables_full_name():
    # 兰坪县 and 怒江州 are how news writes 兰坪白族普米族自治县 and 怒江傈僳族自治州: the full names say
    # what the units are, and every short form stays an alternative name.
    a = Text("a", "兰坪县金顶镇。").name(U, "兰坪县", code="533325000000", kind="district")
    b = Text("b", "怒江州兰坪县。").name(U, "怒江州", code="533300000000", kind="city") \
        .name(U, "兰坪县", code="533325000000", kind="district")
    by_code = {e.code: e for e in resolve(a, b).entities}
    assert (by_code["533325000000"].label, by_code["533325000000"].alt_labels) == ("兰坪白族普米族自治县", ("兰坪县",))
    assert (by_code["533300000000"].label, by_code["533300000000"].alt_labels) == ("怒江傈僳族自治州", ("怒江州",))
    assert not by_code["533325000000"].implicit and not by_code["533300000000"].implicit


def test_homonyms_with_different_codes_never_merge():
    # Two 苹果园街道: in 北京's 石景山区 and in 开封's 龙亭区.
    a = Text("a", "苹果园街道。").name(U, "苹果园街道", code="110107005000", kind="subdistrict")
    b = Text("b", "苹果园街道。").name(U, "苹果园街道", code="410203006000", kind="subdistrict")
    assert len(labelled(resolve(a, b), "苹果园街道")) == 2


def test_a_coded_unit_brings_its_ancestors_as_implicit_units_with_the_gazetteers_parents():
    corpus = resolve(Text("a", "武陵区。").name(U, "武陵区", code="430702000000", kind="district"))
    by_label = {e.label: e for e in corpus.entities}
    assert by_label["常德市"].implicit and by_label["湖南省"].implicit and not by_label["武陵区"].implicit
    parents = {(r.subject, r.object) for r in corpus.relations if r.predicate == "partOf"}
    assert parents == {(by_label["武陵区"].iri, by_label["常德市"].iri), (by_label["常德市"].iri, by_label["湖南省"].iri)}
    assert all(r.from_gazetteer and r.article_count == 0 for r in corpus.relations)


def test_a_homonym_that_contains_another_unit_of_the_article_is_the_one_meant():
    # The article's 长安区 got 石家庄's code; the 韦曲街道 it also names lies in 西安's 长安区.
    t = Text("a", "长安区韦曲街道。")
    t.name(U, "长安区", code="130102000000", kind="district").name(U, "韦曲街道", code="610116001000", kind="subdistrict")
    corpus = resolve(t)
    assert [e.code for e in labelled(corpus, "长安区")] == ["610116000000"]


@pytest.mark.parametrize(
    ("first", "second", "nodes"),
    [
        (("松溪社区", "甲街道", "430702005000"), ("松溪社区", "甲街道", "430702005000"), 1),  # same parent: one
        (("松溪社区", "甲街道", "430702005000"), ("松溪社区", "乙街道", "430702006000"), 2),  # homonyms: two
        (("松溪社区", "某街道", None), ("松溪社区", "某街道", None), 2),  # no coded anchor: local to each article
    ],
)
def test_a_community_is_keyed_by_the_parent_its_article_places_it_in(first, second, nodes):
    corpus = resolve(community_in("a", *first), community_in("b", *second))
    assert len(labelled(corpus, "松溪社区")) == nodes


def test_an_unplaced_unit_is_local_to_its_article():
    a = community_in("a", "芳草社区", "玉林街道", "510107012000")
    b = Text("b", "芳草社区开会。").name(U, "芳草社区", kind="community")
    assert len(labelled(resolve(a, b), "芳草社区")) == 2


def test_the_parent_the_article_states_most_often_wins_and_a_unit_has_one():
    t = Text("a", "甲街道松溪社区。乙街道松溪社区。乙街道松溪社区。")
    t.name(U, "甲街道", kind="subdistrict", code="430702005000").name(U, "乙街道", kind="subdistrict")
    t.name(U, "松溪社区", kind="community")
    t.rel((U, "松溪社区"), "partOf", (U, "甲街道")).rel((U, "松溪社区"), "partOf", (U, "乙街道"))
    t.relations.append(t.relations[-1])
    corpus = resolve(t)
    [community] = labelled(corpus, "松溪社区")
    parents = [r.object for r in corpus.relations if r.predicate == "partOf" and r.subject == community.iri]
    assert parents == [labelled(corpus, "乙街道")[0].iri]


def test_a_parent_at_or_below_its_childs_level_is_refused():
    t = Text("a", "松溪社区甲街道。").name(U, "松溪社区", kind="community").name(U, "甲街道", kind="subdistrict")
    t.rel((U, "甲街道"), "partOf", (U, "松溪社区"))
    assert [r for r in resolve(t).relations if r.predicate == "partOf"] == []


# ----------------------------------------------------------- organisations
def test_party_organisation_short_and_long_forms_are_one_node_across_articles():
    a = community_in("a", "松溪社区", "甲街道", "430702005000")
    a.text += "松溪社区党总支。"
    a.name(O, "松溪社区党总支", kind="党总支").rel((O, "松溪社区党总支"), "partyOrgOf", (U, "松溪社区"))
    b = community_in("b", "松溪社区", "甲街道", "430702005000")
    b.text += "松溪党总支。"
    b.name(O, "松溪党总支", kind="党总支").rel((O, "松溪党总支"), "partyOrgOf", (U, "松溪社区"))
    [org] = [e for e in resolve(a, b).entities if e.cls == O]
    assert (org.label, org.alt_labels) == ("松溪社区党总支", ("松溪党总支",))


# ---------------------------------------------------- local and general things
def place(article: str, community: str, code: str, cls: str, name: str, predicate: str, **fields) -> Text:
    t = community_in(article, community, "某街道", code)
    t.text += f"{name}。"
    t.name(cls, name, **fields)
    return t.rel((U, community), predicate, (cls, name))


@pytest.mark.parametrize(
    ("cls", "name", "predicate", "fields", "nodes"),
    [
        (F, "党群服务中心", "hasFacility", {}, 2),  # a facility is where it is
        (P, "邻里节", "runsProgram", {"kind": "event"}, 2),  # a local event
        (P, "五步议事法", "runsProgram", {"kind": "method"}, 1),  # a model many places adopt
        (P, "童心托管课堂", "runsProgram", {"kind": "course"}, 1),  # a class many places run is one program
        (P, "楼道微议事", "runsProgram", {}, 1),  # so is a name of no known kind
        (R, "四川大学", "partnersWith", {}, 1),  # a university is one body
        (R, "爱心志愿服务队", "partnersWith", {}, 2),  # a volunteer team is local
    ],
)
def test_local_things_are_keyed_with_their_place_general_ones_by_name(cls, name, predicate, fields, nodes):
    a = place("a", "松溪社区", "430702005000", cls, name, predicate, **fields)
    b = place("b", "西湖社区", "430702006000", cls, name, predicate, **fields)
    assert len(labelled(resolve(a, b), name)) == nodes


def test_the_same_local_thing_in_the_same_place_in_two_articles_is_one_node():
    a = place("a", "松溪社区", "430702005000", F, "党群服务中心", "hasFacility")
    b = place("b", "松溪社区", "430702005000", F, "党群服务中心", "hasFacility")
    assert len(labelled(resolve(a, b), "党群服务中心")) == 1


def test_a_facility_with_and_without_its_unit_prefix_is_one_node_named_by_the_fuller_form():
    t = Text("a", "松溪社区睦邻书屋。睦邻书屋。").name(U, "松溪社区", kind="community")
    t.name(F, "松溪社区睦邻书屋").name(F, "睦邻书屋", nth=1)
    [facility] = [e for e in resolve(t).entities if e.cls == F]
    assert (facility.label, facility.alt_labels) == ("松溪社区睦邻书屋", ("睦邻书屋",))


def test_persons_are_keyed_with_the_place_they_lead():
    def person(article, community, code):
        t = community_in(article, community, "某街道", code)
        t.text += "书记王丽。"
        return t.name(H, "王丽", role="书记").rel((H, "王丽"), "leads", (U, community))

    same = resolve(person("a", "松溪社区", "430702005000"), person("b", "松溪社区", "430702005000"))
    other = resolve(person("a", "松溪社区", "430702005000"), person("b", "西湖社区", "430702006000"))
    assert (len(labelled(same, "王丽")), len(labelled(other, "王丽"))) == (1, 2)


# ------------------------------------------------------------------ relations
def test_relations_merge_their_evidence_and_drop_self_loops():
    t = Text("a", "芳草社区开展微心愿。芳草社区又开展微心愿。").name(U, "芳草社区", kind="community")
    t.name(P, "微心愿", kind="project")
    t.rel((U, "芳草社区"), "runsProgram", (P, "微心愿")).rel((P, "微心愿"), "runsProgram", (P, "微心愿"))
    t.relations.append(LocalRelation(EntityRef(U, "芳草社区"), "runsProgram", EntityRef(P, "微心愿"),
                                     t.evidence("芳草社区", 1), "test"))
    [observed] = t.facts().relations
    assert len(observed.sentences) == 2


@pytest.mark.parametrize(
    ("role", "deputy"),
    [("书记", False), ("社区党委书记", False), ("副书记", True), ("社区党委副书记", True), ("居委会副主任", True),
     ("副队长", True), ("主任", False), (None, False)],
)
def test_a_deputy_is_told_by_a_marker_right_before_a_heads_title(role, deputy):
    assert load_rules().is_deputy(role) is deputy


@pytest.mark.parametrize(
    ("name", "kind"),
    [("四川大学", "university"), ("育英小学", "school"), ("某某物业管理有限公司", "company"),
     ("爱心志愿服务队", "volunteer team"), ("书法协会", "association"), ("常德日报", "media"),
     ("区民政局", "government body"), ("517创客坊", None)],
)
def test_a_partners_kind_comes_from_the_end_of_its_name(name, kind):
    assert load_rules().partner_kind(name) == kind


def test_observing_an_article_leaves_no_reference_cycle_behind():
    # A build pauses the collector through each article's work: cyclic garbage would outlive the article
    # and cost the next collection (which then finds the article's whole working set); none is left.
    article = community_in("a", "青枫社区", "丙街道")
    article.facts()  # the tables it loads once stay loaded
    gc.collect()
    gc.disable()
    try:
        article.facts()
        assert gc.collect() == 0
    finally:
        gc.enable()
