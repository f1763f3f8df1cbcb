"""A gazetteer made from its stored state makes its records as they are asked for (Gazetteer.stored), and answers
every question as the gazetteer built from the table does."""
from __future__ import annotations

import random

import pytest

from kg.gazetteer import divisions
from kg.gazetteer.divisions import Division, Gazetteer


@pytest.fixture(scope="module")
def built() -> Gazetteer:
    return divisions.build_gazetteer((divisions._DATA / "gazetteer.tsv.gz").read_bytes())


def stored(gazetteer: Gazetteer) -> Gazetteer:
    return Gazetteer.stored(gazetteer.stored_state())


def test_every_question_is_answered_as_the_built_gazetteer_answers_it(built):
    kept = stored(built)
    names = sorted(built.known_names())
    sample = random.Random(7).sample(names, 1500) + ["不存在", "恩施州", "常德", "城关镇", "西湖区", ""]
    for name in sample:
        assert kept.lookup(name) == built.lookup(name)
        assert kept.lookup(name, short=True) == built.lookup(name, short=True)
    for d in list(built)[::89]:
        assert kept.get(d.code) == d and kept.get(d.code[:6]) == built.get(d.code[:6])
        assert kept.ancestors(d) == built.ancestors(d) and kept.parent(d) == built.parent(d)
        assert kept.aliases(d) == built.aliases(d) and kept.short_forms(d) == built.short_forms(d)
    assert kept.get("999999999999") is None
    assert kept.place(["江汉区", "满春街道"]) == built.place(["江汉区", "满春街道"])
    assert kept.known_names() == built.known_names() and len(kept) == len(built)
    assert isinstance(kept._by_code, divisions._StoredDivisions)  # still making records as asked
    assert len(kept._by_code._made) < len(built) / 4


def test_a_record_is_made_once_and_the_same_object_answers_after(built):
    kept = stored(built)
    first = kept.get("420103000000")
    assert first is kept.get("420103000000") and kept.lookup(first.name)[0] is first
    assert not isinstance(first, tuple) and isinstance(first, Division)


def test_iterating_or_asking_enough_makes_every_record_and_plain_tables(built, monkeypatch):
    kept = stored(built)
    some = kept.get("420103000000")
    assert list(kept) == list(built) and type(kept._by_code) is dict and type(kept._by_name) is dict
    assert kept._by_name == built._by_name and kept._by_short == built._by_short
    assert kept.get("420103000000") is some  # the record made before is the one kept
    assert kept.state() == built.state()
    monkeypatch.setattr(divisions, "LAZY_ASKS", 5)
    asked = stored(built)
    for d in list(built)[:7]:
        assert asked.get(d.code) == d
    assert type(asked._by_code) is dict and list(asked) == list(built)
    assert asked.lookup("恩施州") == built.lookup("恩施州")


def test_the_stored_tables_come_from_the_state_not_from_the_rules_again():
    """A state edited by hand shows (the test above could not fail otherwise if the rules were worked out again)."""
    small = Gazetteer([Division("430000000000", "湖南省", "province", None),
                       Division("430700000000", "常德市", "city", "430000000000")])
    rows, aliases, shorts, names, short_names = small.stored_state()
    assert short_names == {"湖南": ("430000000000",), "常德": ("430700000000",)}
    kept = Gazetteer.stored((rows, aliases, {"430700000000": ("德城",)}, names, {"德城": ("430700000000",)}))
    assert [d.name for d in kept.lookup("德城", short=True)] == ["常德市"]
    assert kept.lookup("常德", short=True) == () and kept.short_forms(kept.get("430700")) == ("德城",)
    assert kept.parent(kept.get("430700")) == small.get("430000")
