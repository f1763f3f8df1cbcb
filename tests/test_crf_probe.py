"""bench/crf_probe.py's data preparation: gold names become BIO tags (longest first, across quotation marks)."""
import importlib.util
import json
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "crf_probe.py"
spec = importlib.util.spec_from_file_location("crf_probe", SCRIPT)
probe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(probe)

SURFACES = sorted([("落雁村党支部", "ORG"), ("落雁村", "ADM"), ("云杉镇", "ADM"), ("韩立", "PER"),
                   ("邻里帮计划", "PRG")], key=lambda st: -len(st[0]))

CASES = [
    # a party branch is tagged whole: the village inside it is not a second span
    ("云杉镇落雁村党支部书记韩立说。",
     [("ADM", "云杉镇"), ("ORG", "落雁村党支部"), ("PER", "韩立")]),
    # the village alone, where no longer name covers it
    ("落雁村有三百户。", [("ADM", "落雁村")]),
    # a name written with quotation marks inside it: the span runs across the closing mark
    ("村里推出“邻里帮”计划。", [("PRG", "邻里帮”计划")]),
    # wherever the marks fall inside it: the span still runs from its first character to its last
    ("“邻里”帮计划", [("PRG", "邻里”帮计划")]),
    ("没有名字的一句话。", []),
]


@pytest.mark.parametrize("text, spans", CASES)
def test_gold_names_become_spans(text, spans):
    tags = probe.bio_tags(text, SURFACES)
    assert len(tags) == len(text)
    assert probe.spans_of(text, tags) == spans


def test_a_span_starts_with_B_and_goes_on_with_I():
    assert probe.bio_tags("韩立说", SURFACES) == ["B-PER", "I-PER", "O"]


def test_optional_entities_are_not_tagged_and_the_longest_surface_comes_first(tmp_path):
    gold = tmp_path / "x.json"
    gold.write_text(json.dumps({"entities": [
        {"type": "AdministrativeUnit", "name": "落雁村", "aliases": []},
        {"type": "PartyOrganization", "name": "落雁村党支部", "aliases": ["村党支部"]},
        {"type": "Partner", "name": "保洁公司", "optional": True},
    ]}), encoding="utf-8")
    assert probe.gold_surfaces(gold) == [("落雁村党支部", "ORG"), ("村党支部", "ORG"), ("落雁村", "ADM")]


def test_an_I_after_another_class_starts_a_new_span():
    assert probe.spans_of("甲乙丙", ["B-ADM", "I-PER", "I-PER"]) == [("ADM", "甲"), ("PER", "乙丙")]


def test_a_unit_alias_that_chains_unit_names_is_tagged_as_its_units(tmp_path):
    gold = tmp_path / "x.json"
    gold.write_text(json.dumps({"entities": [
        {"type": "AdministrativeUnit", "name": "云杉镇", "aliases": []},
        {"type": "AdministrativeUnit", "name": "落雁村", "aliases": ["云杉镇落雁村", "老落雁村"]},
    ]}), encoding="utf-8")
    surfaces = probe.gold_surfaces(gold)
    assert ("云杉镇落雁村", "ADM") not in surfaces and ("老落雁村", "ADM") in surfaces
    assert probe.spans_of("云杉镇落雁村", probe.bio_tags("云杉镇落雁村", surfaces)) == [("ADM", "云杉镇"), ("ADM", "落雁村")]
    assert ("云杉镇落雁村", "ADM") in probe.gold_surfaces(gold, whole_chains=True)
