"""The national gazetteer: levels, hierarchy, aliases, homonyms.

Expected values are facts about China's administrative divisions (GB/T 2260
codes, who contains whom), not figures copied from the program's output.
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from kg.gazetteer.aliases import safe_aliases, short_forms, strip_ethnic_names
from kg.gazetteer.divisions import (
    DIVISION_LEVELS,
    Division,
    load_gazetteer,
)


def gaz():
    return load_gazetteer()


def the(name: str, parent: str | None = None) -> Division:
    """The one division called ``name`` (under ``parent``, for homonyms)."""
    found = [d for d in gaz().lookup(name) if parent is None or gaz().parent(d).name == parent]
    assert len(found) == 1, (name, parent, found)
    return found[0]


def names_up(division: Division) -> list[str]:
    return [a.name for a in gaz().ancestors(division)]


# ------------------------------------------------------------------ levels and codes
@pytest.mark.parametrize(
    "name, level, code",
    [
        ("湖南省", "province", "430000"),
        ("北京市", "province", "110000"),
        ("重庆市", "province", "500000"),
        ("内蒙古自治区", "province", "150000"),
        ("新疆维吾尔自治区", "province", "650000"),
        ("西藏自治区", "province", "540000"),
        ("香港特别行政区", "province", "810000"),
        ("岳阳市", "city", "430600"),
        ("山南市", "city", "540500"),
        ("恩施土家族苗族自治州", "city", "422800"),
        ("喀什地区", "city", "653100"),
        ("锡林郭勒盟", "city", "152500"),
        ("东莞市", "city", "441900"),
        ("岳阳楼区", "district", "430602"),
        ("渝中区", "district", "500103"),
        ("浦东新区", "district", "310115"),
        ("隆子县", "district", "540529"),
        ("仙桃市", "district", "429004"),
        ("神农架林区", "district", "429021"),
        ("鄂温克族自治旗", "district", "150724"),
        ("六枝特区", "district", "520203"),
        ("陆家嘴街道", "subdistrict", None),
        ("玉麦乡", "subdistrict", None),
        ("虎门镇", "subdistrict", None),
    ],
)
def test_level_and_code(name, level, code):
    division = the(name)
    assert division.level == level
    assert len(division.code) == 12 and division.code.isdigit()
    if code:
        assert division.code == code + "000000"


@pytest.mark.parametrize("placeholder", ["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"])
def test_statistical_placeholders_are_not_places(placeholder):
    assert gaz().lookup(placeholder) == ()


def test_every_parent_exists_one_level_or_more_above():
    order = {level: i for i, level in enumerate(DIVISION_LEVELS)}
    g = gaz()
    for division in g:
        parent = g.parent(division)
        if division.level == "province":
            assert parent is None
        else:
            assert order[parent.level] < order[division.level], division
            assert division.code.startswith(parent.code[:2])


def test_the_gazetteer_holds_the_divisions_its_documentation_counts():
    # docs/gazetteer.md states the size of the shipped table, level by level.
    text = " ".join((Path(__file__).resolve().parent.parent / "docs" / "gazetteer.md").read_text("utf-8").split())
    found = re.search(r"holds ([\d,]+) divisions: ([\d,]+) provinces, ([\d,]+) cities, ([\d,]+) districts and "
                      r"([\d,]+) subdistricts", text)
    total, *per_level = (int(n.replace(",", "")) for n in found.groups())
    counts = Counter(division.level for division in gaz())
    assert (len(gaz()), [counts[level] for level in ("province", "city", "district", "subdistrict")]) == (total, per_level)
    assert sum(per_level) == total


def test_get_accepts_six_digit_codes():
    assert gaz().get("430602").name == "岳阳楼区"
    assert gaz().get("430602000000").name == "岳阳楼区"
    assert gaz().get("999999") is None


def test_development_zones_are_kept_but_not_statutory():
    zone = the("石家庄高新技术产业开发区")
    assert not zone.statutory
    assert names_up(zone) == ["石家庄市", "河北省"]
    assert the("朝阳区", "北京市").statutory


# ------------------------------------------------------------------ hierarchy
@pytest.mark.parametrize(
    "name, parent, expected",
    [
        ("岳阳楼区", None, ["岳阳市", "湖南省"]),
        ("硚口区", None, ["武汉市", "湖北省"]),
        ("隆子县", None, ["山南市", "西藏自治区"]),
        ("玉麦乡", None, ["隆子县", "山南市", "西藏自治区"]),
        ("西湖区", "杭州市", ["杭州市", "浙江省"]),
        ("朝阳区", "北京市", ["北京市"]),  # municipality: no 市辖区 in between
        ("渝中区", None, ["重庆市"]),
        ("浦东新区", None, ["上海市"]),
        ("滨海新区", "天津市", ["天津市"]),
        ("三里屯街道", "朝阳区", ["朝阳区", "北京市"]),
        ("解放碑街道", None, ["渝中区", "重庆市"]),
        ("仙桃市", None, ["湖北省"]),  # 省直辖县级行政单位
        ("济源市", None, ["河南省"]),
        ("石河子市", None, ["新疆维吾尔自治区"]),
        ("虎门镇", None, ["东莞市", "广东省"]),  # a city without districts
        ("恩施土家族苗族自治州", None, ["湖北省"]),
        ("鄂温克族自治旗", None, ["呼伦贝尔市", "内蒙古自治区"]),
        ("粤海街道", None, ["南山区", "深圳市", "广东省"]),
        ("石牌街道", None, ["天河区", "广州市", "广东省"]),
    ],
)
def test_ancestors_fill_in_the_hierarchy(name, parent, expected):
    assert names_up(the(name, parent)) == expected


def test_is_ancestor_is_strict_and_transitive():
    g = gaz()
    hunan, wuling = the("湖南省"), the("岳阳楼区")
    assert g.is_ancestor(hunan, wuling)
    assert g.is_ancestor(the("岳阳市"), wuling)
    assert not g.is_ancestor(wuling, hunan)
    assert not g.is_ancestor(wuling, wuling)
    assert not g.is_ancestor(the("湖北省"), wuling)


@pytest.mark.parametrize(
    "written, official",
    [
        ("西长安街道", "西长安街街道"),  # 街街道 collapses
        ("恩施州", "恩施土家族苗族自治州"),
        ("湘西州", "湘西土家族苗族自治州"),
        ("延边州", "延边朝鲜族自治州"),
        ("伊犁州", "伊犁哈萨克自治州"),  # ethnic name without 族
        ("黔东南州", "黔东南苗族侗族自治州"),
        ("长阳县", "长阳土家族自治县"),
        ("隆林县", "隆林各族自治县"),
        ("鄂温克旗", "鄂温克族自治旗"),
    ],
)
def test_safe_aliases_are_found_without_asking(written, official):
    assert [d.name for d in gaz().lookup(written)] == [official]


@pytest.mark.parametrize(
    "written, official",
    [
        ("岳阳", "岳阳市"),
        ("天心", "天心区"),
        ("湖南", "湖南省"),
        ("广西", "广西壮族自治区"),
        ("内蒙古", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("浦东", "浦东新区"),
        ("恩施", "恩施土家族苗族自治州"),
    ],
)
def test_short_forms_only_on_request(written, official):
    assert gaz().lookup(written) == ()
    assert official in [d.name for d in gaz().lookup(written, short=True)]


@pytest.mark.parametrize("stem", ["粤海", "石牌", "三里屯", "陆家嘴"])
def test_subdistricts_have_no_short_forms(stem):
    assert gaz().lookup(stem, short=True) == ()


@pytest.mark.parametrize(
    "stem, place",
    [
        ("湘西土家族苗族", "湘西"),
        ("博尔塔拉蒙古", "博尔塔拉"),
        ("积石山保安族东乡族撒拉族", "积石山"),
        ("鄂温克族", "鄂温克"),  # the ethnic name is the place
        ("内蒙古", "内蒙古"),  # too little would be left
        ("西藏", "西藏"),  # single-character 藏 needs 族
    ],
)
def test_strip_ethnic_names(stem, place):
    assert strip_ethnic_names(stem) == place


@pytest.mark.parametrize(
    "name, level, aliases, shorts",
    [
        ("西长安街街道", "subdistrict", ("西长安街道",), ()),
        ("吴家山街", "subdistrict", ("吴家山街道",), ()),
        ("粤海街道", "subdistrict", (), ()),
        ("城关镇", "subdistrict", (), ()),
        ("恩施土家族苗族自治州", "city", ("恩施州",), ("恩施",)),
        ("广西壮族自治区", "province", (), ("广西",)),
        ("锡林郭勒盟", "city", (), ("锡林郭勒",)),
        ("喀什地区", "city", (), ("喀什",)),
        ("神农架林区", "district", (), ("神农架",)),
        ("城区", "district", (), ()),  # a one-character stem is no name
        # a zone the table lists is written with its kind's short form; the kind alone is no zone's name
        ("宝坻经济开发区", "subdistrict", ("宝坻经开区",), ()),
        ("某某经济技术开发区", "subdistrict", ("某某经开区",), ()),
        ("经济开发区", "subdistrict", (), ()),
    ],
)
def test_alias_rules(name, level, aliases, shorts):
    assert safe_aliases(name, level) == aliases
    assert short_forms(name, level) == shorts


def test_names_for_a_tokenizer_dictionary():
    names = set(gaz().names())
    assert {("西长安街道", "subdistrict"), ("恩施州", "city"), ("岳阳市", "city"), ("北京市", "province")} <= names
    assert ("岳阳", "city") not in names
    assert ("岳阳", "city") in set(gaz().names(short=True))
    assert ("石家庄高新技术产业开发区", "district") not in names  # not statutory
    assert list(gaz().names()) == sorted(gaz().names())
    words = gaz().dictionary_words()
    assert "西长安街道" in words and "岳阳" not in words and list(words) == sorted(set(words))


# ------------------------------------------------------------------ homonyms
@pytest.mark.parametrize("name, at_least", [("西湖区", 2), ("朝阳区", 2), ("鼓楼区", 4), ("解放路街道", 5), ("城关镇", 50)])
def test_homonyms_stay_apart(name, at_least):
    found = gaz().lookup(name)
    assert len(found) >= at_least
    assert [d.code for d in found] == sorted(d.code for d in found)


@pytest.mark.parametrize(
    "name, context, expected_parent",
    [
        ("西湖区", ["杭州市"], "杭州市"),
        ("西湖区", ["南昌市"], "南昌市"),
        ("西湖区", ["浙江省", "灵隐街道"], "杭州市"),
        ("朝阳区", ["北京市"], "北京市"),
        ("朝阳区", ["长春市"], "长春市"),
        ("朝阳区", ["三里屯街道"], "北京市"),  # a descendant decides too
        ("解放路街道", ["历下区"], "历下区"),
        ("解放路街道", ["济南市"], "历下区"),
        ("粤海街道", ["南山区"], "南山区"),
        ("新城区", ["西安市"], "西安市"),
        ("新城区", ["内蒙古自治区"], "呼和浩特市"),
    ],
)
def test_place_decides_a_homonym_by_the_other_places_named(name, context, expected_parent):
    assert gaz().parent(gaz().place([name, *context])[name]).name == expected_parent


@pytest.mark.parametrize(
    "name, context",
    [
        ("西湖区", []),  # nothing to go on
        ("西湖区", ["杭州市", "南昌市"]),  # a tie
        ("城关镇", ["甘肃省"]),  # several in the province
        ("解放路街道", ["山东人"]),  # context that is no place
        ("不存在的地方", ["北京市"]),
    ],
)
def test_place_leaves_out_a_homonym_the_context_does_not_decide(name, context):
    assert name not in gaz().place([name, *context])


def test_place_uses_short_forms_only_on_request():
    assert "西湖区" not in gaz().place(["西湖区", "杭州"])
    assert gaz().parent(gaz().place(["西湖区", "杭州"], short=True)["西湖区"]).name == "杭州市"


@pytest.mark.parametrize(
    "names, expected",
    [
        (["济南市", "历下区", "解放路街道"], {"济南市": "山东省", "历下区": "济南市", "解放路街道": "历下区"}),
        (["西城区", "西长安街道"], {"西城区": "北京市", "西长安街道": "西城区"}),
        (["朝阳区", "北京市", "三里屯街道"], {"朝阳区": "北京市", "北京市": None, "三里屯街道": "朝阳区"}),
        (["杭州市", "西湖区", "城关镇"], {"杭州市": "浙江省", "西湖区": "杭州市"}),  # 城关镇 stays open
        (["西湖区", "解放路街道"], {}),
        # homonyms settled on two sides of the open 西湖区 (Hangzhou's 北山街道, Nanchang's 桃源街道):
        # the article's chain is not unambiguous, so neither is placed; a name of one division stays
        (["西湖区", "北山街道", "桃源街道"], {}),
        (["西湖区", "灵隐街道", "桃源街道"], {"灵隐街道": "西湖区"}),
    ],
)
def test_place_resolves_names_of_one_article_together(names, expected):
    placed = gaz().place(names)
    assert {n: (gaz().parent(d).name if d.parent else None) for n, d in placed.items()} == expected


def test_place_is_independent_of_order():
    names = ["鼓楼区", "南京市", "城关镇", "朝阳区", "北京市", "解放路街道"]
    assert gaz().place(names) == gaz().place(list(reversed(names)))


def scan_place(gazetteer, names):
    """``place`` written out plainly: every ambiguous name asks every other name about each candidate."""
    candidates = {n: gazetteer.lookup(n) for n in sorted(set(names))}
    changed = True
    while changed:
        settled = {}
        for n, options in candidates.items():
            if len(options) > 1:
                others = [c for m, c in candidates.items() if m != n and c]
                scores = [sum(any(gazetteer.is_ancestor(d, o) or gazetteer.is_ancestor(o, d) or d == o for d in c)
                              for c in others) for o in options]
                top = max(scores)
                if top and scores.count(top) == 1:
                    settled[n] = (options[scores.index(top)],)
        candidates.update(settled)
        changed = bool(settled)
    placed = {n: c[0] for n, c in candidates.items() if len(c) == 1}
    # a homonym left open, with names settled on two of its sides: those names are dropped
    dropped = set()
    for open_name, options in candidates.items():
        if len(options) < 2:
            continue
        sides = {}
        for n, d in placed.items():
            for o in options:
                if d == o or gazetteer.is_ancestor(d, o) or gazetteer.is_ancestor(o, d):
                    sides.setdefault(o.code, set()).add(n)
        if len(sides) > 1:
            dropped |= {n for n in set().union(*sides.values()) if len(gazetteer.lookup(n)) > 1}
    return {n: d for n, d in placed.items() if n not in dropped}


def test_place_answers_as_asking_every_name_would():
    import random

    rnd = random.Random(5)
    everything = [d for d in gaz() if d.statutory]
    homonyms = ["城关镇", "西湖区", "朝阳区", "鼓楼区", "中山路街道", "城关街道", "新华街道", "解放路街道"]
    for _ in range(40):
        picked = rnd.sample(everything, 12)
        # names of the picked divisions, of their parents (which support them), and homonyms
        names = [d.name for d in picked] + [gaz().parent(d).name for d in picked if d.parent and rnd.random() < 0.5]
        names += rnd.sample(homonyms, 4)
        assert gaz().place(names) == scan_place(gaz(), names)


def test_loaders_are_cached():
    assert load_gazetteer() is load_gazetteer()


# ------------------------------------------------------------- communities
def test_the_community_table_lists_every_community_of_a_name():
    from kg.gazetteer.communities import load_communities, township_of

    table = load_communities()
    assert len(table) > 250_000
    # committees are named as articles name their places: …社区居委会 -> …社区, …村民委员会 -> …村
    (code,) = table.candidates("东岗东路社区")
    assert gaz().get(township_of(code)).name == "拱星墩街道"
    assert len(table.candidates("三营村")) == 7
    assert table.candidates("东岗东路社区居委会") == ()
    assert table.candidates("没有这个社区") == ()


def test_the_stored_community_table_answers_as_the_whole_one_reading_only_the_parts_asked_about():
    from kg.gazetteer.communities import PARTS, StoredCommunities, part_of, read_communities, split_parts

    names = [f"{place}{kind}" for place in ("青石", "白杨", "东湖", "南岭", "北关") for kind in ("村", "社区")]
    whole = read_communities(["name\tcodes\n", *(f"{n}\t{i:012d} {i + 1:012d}\n" for i, n in enumerate(names))])
    stored = StoredCommunities(*split_parts(whole._codes))
    assert len(stored) == len(whole) == len(names)
    assert stored.candidates("青石村") == whole.candidates("青石村") == ("000000000000", "000000000001")
    assert stored._parts.count(None) == 1  # only the part of the name asked about was read
    for name in [*names, "没有这个村", "青石"]:
        assert stored.candidates(name) == whole.candidates(name)
    assert stored._parts.count(None) == len({part_of(n) for n in [*names, "没有这个村", "青石"]}) < PARTS


def test_read_communities_parses_the_table_format():
    from kg.gazetteer.communities import read_communities, township_of

    table = read_communities(["# note\n", "name\tcodes\n", "甲社区\t110101001001 120101002003\n"])
    assert table.candidates("甲社区") == ("110101001001", "120101002003")
    assert township_of("120101002003") == "120101002000"


# ----------------------------------------------------------- kept in the table cache
def test_the_gazetteer_read_back_from_the_table_cache_is_the_one_built(tmp_path, monkeypatch):
    from kg.gazetteer import divisions

    built = divisions.build_gazetteer((divisions._DATA / "gazetteer.tsv.gz").read_bytes())
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    divisions.load_gazetteer.cache_clear()
    try:
        first = divisions.load_gazetteer()  # made from the table, and stored
        assert list(tmp_path.glob("gazetteerstored-*.marshal"))
        divisions.load_gazetteer.cache_clear()

        def refuse(table):
            raise AssertionError("the gazetteer should have come from the table cache")

        monkeypatch.setattr(divisions, "build_gazetteer", refuse)
        again = divisions.load_gazetteer()
    finally:
        divisions.load_gazetteer.cache_clear()
    for kept in (first, again):
        assert kept is not built and list(kept) == list(built)
        # the tables every look-up reads, in the same order (homonyms come sorted by code)
        assert kept._by_name == built._by_name and list(kept._by_name) == list(built._by_name)
        assert kept._by_short == built._by_short and kept._aliases == built._aliases and kept._short == built._short
        assert kept.lookup("恩施州") == built.lookup("恩施州") and kept.lookup("常德", short=True) == built.lookup("常德", short=True)
        assert kept.place(["江汉区", "满春街道"]) == built.place(["江汉区", "满春街道"])


def test_a_restored_gazetteer_keeps_what_its_state_holds():
    """The restored tables come from the state, not from the rules again: a state edited by hand shows."""
    from kg.gazetteer.divisions import Gazetteer

    small = Gazetteer([Division("430000000000", "湖南省", "province", None),
                       Division("430700000000", "常德市", "city", "430000000000")])
    rows, aliases, shorts = small.state()
    assert shorts == {"430000000000": ("湖南",), "430700000000": ("常德",)}
    restored = Gazetteer.restored((rows, aliases, {"430700000000": ("德城",)}))
    assert [d.name for d in restored.lookup("德城", short=True)] == ["常德市"]
    assert restored.lookup("常德", short=True) == ()
    assert restored.parent(restored.get("430700")) == small.get("430000")


def test_a_changed_alias_rule_file_makes_the_gazetteer_again(tmp_path, monkeypatch):
    """The kept gazetteer is keyed by the files it is made from: one of them changed, the old one is not read."""
    from pathlib import Path

    from kg.gazetteer import divisions

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    made = []
    build = divisions.build_gazetteer
    monkeypatch.setattr(divisions, "build_gazetteer", lambda table: made.append(1) or build(table))
    read_bytes = Path.read_bytes
    divisions.load_gazetteer.cache_clear()
    try:
        divisions.load_gazetteer()
        divisions.load_gazetteer.cache_clear()
        divisions.load_gazetteer()
        assert made == [1]  # stored, then read back
        monkeypatch.setattr(Path, "read_bytes",
                            lambda self: read_bytes(self) + (b"\n# changed" if self.name == "aliases.toml" else b""))
        divisions.load_gazetteer.cache_clear()
        divisions.load_gazetteer()
        assert made == [1, 1]
    finally:
        divisions.load_gazetteer.cache_clear()
