import csv
import gc
import html
import json
import re
from dataclasses import replace

import pytest

from rdflib import PROV, RDF, Graph

from conftest import ARTICLE_TEXTS, HOSTILE, A, B, ViewInputs, build_graph_files, corpus_view_inputs
from kg.analyse import analyse_records, records_of
from kg.model import BuildReport, BuildTables, Entity, Relation, ResolvedCorpus, Skipped
from kg.rdf.vocab import KG
from kg.views.articles import mention_spans
from kg.views.data import read_view_data
from kg.views.overview import class_shares
from kg.views.shards import unit_counts
from kg.views.write import write_views

SHARD = re.compile(r'KG\.register\(("[\w-]+"),(.*)\);\n\Z', re.S)
TOP = {"Community": "AdministrativeUnit", "Subdistrict": "AdministrativeUnit", "University": "Partner",
       "PartyCommittee": "PartyOrganization", "Program": "Program", "Person": "Person"}


def write(inputs, out, **options):
    tables, analysis, report = inputs
    write_views(tables, analysis, report, out, **options)
    return out


def entity_tables(nodes: dict[str, str], edges: list[tuple[str, str, str]]) -> ViewInputs:
    """A corpus of entities ``{name: fine class}`` and relations, with no article: labels are the names."""
    iri = "https://example.org/{}".format
    entities = tuple(Entity(iri(name), TOP[cls], cls, name) for name, cls in sorted(nodes.items()))
    relations = tuple(sorted((Relation(iri(s), p, iri(o)) for s, p, o in edges), key=lambda r: (r.subject, r.predicate, r.object)))
    corpus = ResolvedCorpus(tuple(sorted(entities, key=lambda e: e.iri)), relations)
    return ViewInputs(BuildTables(corpus, lambda: iter(())), analyse_records(*records_of(corpus)), BuildReport())


def shard(out, name) -> dict:
    """A shard's payload; the whole file must be one register call with a JSON literal, nothing else."""
    match = SHARD.match((out / "views" / "data" / f"{name}.js").read_text("utf-8"))
    assert match, name
    assert json.loads(match.group(1)) == name
    return json.loads(match.group(2))


def entity_shard(out, name) -> dict:
    """An entity shard with its passage rows' sentences put back, checking each sentence is written once."""
    payload = shard(out, name)
    texts, where = payload.pop("s"), {}
    for detail in payload["entities"]:
        for row in detail["mentions"] + [row for fact in detail["facts"] for row in fact[0]]:
            if isinstance(row[1], int):
                assert where.setdefault(row[1], (row[0], row[2], row[3])) == (row[0], row[2], row[3])
                row[1] = texts[row[1]]
    assert len(set(where.values())) == len(where) == len(texts)  # one entry per sentence, each used
    return payload


def run_of(runs, number) -> tuple[str, int]:
    """The (shard name, first position) of the run that holds ``number``."""
    return [(name, first) for name, first in runs if first <= number][-1]


def article_detail(out, number) -> dict:
    """An article's reader data with entities and facts named by position, as kg-app.js makes it."""
    core = shard(out, "core")
    name, _ = run_of(core["shards"]["article"], number)
    detail = shard(out, name)[core["articles"][number][0]]
    entity = {e[9]: i for i, e in enumerate(core["entities"])}
    fact = {(f[0], f[1], f[2]): i for i, f in enumerate(core["facts"])}
    detail["mentions"] = [[start, end, *(entity[k] for k in keys)] for start, end, *keys in detail["mentions"]]
    detail["facts"] = [[fact[entity[s], p, entity[o]], *offsets] for s, p, o, *offsets in detail["facts"]]
    return detail


def entity_detail(out, number) -> dict:
    """An entity's details with its facts and articles named by position, as kg-app.js makes them."""
    core = shard(out, "core")
    name, first = run_of(core["shards"]["entity"], number)
    detail = entity_shard(out, name)["entities"][number - first]
    article = {a[0]: i for i, a in enumerate(core["articles"])}
    facts = [i for i, f in enumerate(core["facts"]) if number in (f[0], f[2])]
    for row in detail["mentions"] + [row for fact in detail["facts"] for row in fact[0]]:
        row[0] = article[row[0]]
    detail["facts"] = [[f, *row] for f, row in zip(facts, detail["facts"], strict=True)]
    return detail


@pytest.fixture
def built(corpus_views, tmp_path):
    return write(corpus_views, tmp_path)


def core_index(core):
    return {e[0]: i for i, e in enumerate(core["entities"])}


def test_one_application_with_data_shards(built):
    names = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert {"index.html", "edges.csv", "nodes.csv", "analysis.json", "views/data/core.js", "views/data/shards.json",
            "views/assets/vis-network.min.js", "views/assets/kg-app.js"} <= names
    core = shard(built, "core")
    listed = json.loads((built / "views" / "data" / "shards.json").read_text("utf-8"))["shards"]
    runs = [name for kind in ("entity", "article") for name, _ in core["shards"][kind]]
    assert sorted(runs) == sorted(listed) and {f"views/data/{name}.js" for name in runs} <= names
    assert not [n for n in names if n.endswith(".html") and n != "index.html"]  # no page per unit or article
    index = (built / "index.html").read_text("utf-8")
    for script in re.findall(r'<script src="([^"]+)"', index):
        assert (built / script).is_file(), script


def test_edges_csv_traces_every_relation_to_its_sentence(built):
    rows = list(csv.DictReader((built / "edges.csv").open(encoding="utf-8")))
    assert {"article", "sentence", "sentence_start", "sentence_end", "start", "end", "rules"} <= set(rows[0])
    for r in rows:
        if not r["article"]:  # only a fact of the division table comes from no sentence
            assert r["rules"].split() == ["gazetteer"] and not r["sentence"], r
            continue
        text = ARTICLE_TEXTS[r["article"]]
        assert text[int(r["sentence_start"]):int(r["sentence_end"])] == r["sentence"]
        assert int(r["sentence_start"]) <= int(r["start"]) < int(r["end"]) <= int(r["sentence_end"])
    # a relation stated in both articles has a row for each
    both = [r for r in rows if r["subject_label"] == "柳家坪社区党总支" and r["relation"] == "partyOrgOf"]
    assert sorted(r["article"] for r in both) == sorted([A, B])
    # an implicit ancestor's link is the gazetteer's, never a sentence's
    province = [r for r in rows if r["object_label"] == "四川省"]
    assert [(r["subject_label"], r["article"]) for r in province] == [("绵阳市", "")]
    assert "桂花巷社区与涪江理工学院结对共建。" in [r["sentence"] for r in rows if r["relation"] == "partnersWith"]


def test_edges_csv_states_what_graph_ttl_derives_each_statement_from(corpus_views, built, tmp_path):
    from conftest import article_with_text, hand_built_extractions, hand_built_summaries
    from kg.model import summarise
    from kg.resolve import observe

    meta = {s.id: s.metadata for s in hand_built_summaries()}
    extractions = hand_built_extractions()
    articles = [article_with_text(i, text, meta[i]) for i, text in ARTICLE_TEXTS.items()]
    graph = Graph().parse(build_graph_files(tmp_path / "g", [(summarise(a), observe(a, extractions[a.id]))
                                                             for a in articles]) / "graph.ttl")
    in_graph = set()
    for statement in set(graph.subjects(KG.extractionRule, None)):  # statements are typed by that property's domain
        ends = [str(graph.value(statement, p)) for p in (RDF.subject, RDF.predicate, RDF.object)]
        for sentence in graph.objects(statement, PROV.wasDerivedFrom):
            article = graph.value(sentence, KG.inArticle)
            if article is not None:
                in_graph.add((ends[0], ends[1].rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                              ends[2], str(article).rsplit("/", 1)[-1], str(graph.value(sentence, KG.text))))
    rows = csv.DictReader((built / "edges.csv").open(encoding="utf-8"))
    in_csv = {(r["subject"], r["relation"], r["object"], r["article"], r["sentence"]) for r in rows if r["article"]}
    assert in_csv == in_graph and len(in_csv) > 10


def test_an_article_lists_only_the_facts_it_states(built):
    core = shard(built, "core")
    facts = core["facts"]
    labels = [e[0] for e in core["entities"]]
    articles = [article_detail(built, number) for number in range(len(ARTICLE_TEXTS))]
    for number, article_id in enumerate(ARTICLE_TEXTS):
        stated = {row[0] for row in articles[number]["facts"]}
        assert stated == {i for i, f in enumerate(facts) if number in f[3]}
    in_a = {(labels[facts[i][0]], labels[facts[i][2]]) for i in (row[0] for row in articles[0]["facts"])}
    assert ("桂花巷社区", "涪江理工学院") in in_a
    assert ("柳家坪社区", "绵州职业技术学院") not in in_a  # stated only in the other article


def test_mention_spans_select_their_text_without_overlap(built):
    core = shard(built, "core")
    article = article_detail(built, 0)
    spans = article["mentions"]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    text = article["text"]
    surfaces = {text[s:e] for s, e, *_ in spans}
    assert {"涪江理工学院", "周建明", "创业园文化公园"} <= surfaces
    at = text.index("桂花巷社区党委书记")  # the longer name is highlighted, not the unit inside it
    assert [at, at + len("桂花巷社区党委")] in [span[:2] for span in spans]
    province = core_index(core)["四川省"]  # implicit: named by no article, so never highlighted
    assert all(province not in ids for _, _, *ids in spans)


@pytest.mark.parametrize("mentions, expected", [
    ([(0, 3, 1)], [[0, 3, 1]]),
    ([(0, 3, 1), (0, 3, 1)], [[0, 3, 1]]),  # the same mention twice: one span, one entity
    ([(2, 4, 1), (0, 6, 2)], [[0, 6, 2]]),  # inside a longer mention: left out
    ([(0, 2, 1), (0, 5, 2), (5, 7, 3)], [[0, 5, 2], [5, 7, 3]]),  # the longest at a start, then the next one after it
    ([(0, 3, 4), (0, 3, 0), (0, 3, 2)], [[0, 3, 2, 4, 0]]),  # explicit entities first (2, 4), then implicit (0)
    ([(3, 3, 1), (4, 2, 1)], []),  # empty or reversed spans highlight nothing
])
def test_mention_spans_keep_the_longest_and_name_explicit_entities_first(mentions, expected):
    implicit = [True, False, False, False, False]
    assert mention_spans(mentions, implicit) == expected


def test_reader_gets_metadata_body_and_furniture(built, hostile_views, tmp_path):
    article = article_detail(built, 0)
    assert article["url"] == "https://example.com/news?id=1&from=home" and article["authors"] == ["李记者"]
    assert article["text"] == ARTICLE_TEXTS[A]
    furnished = article_detail(write(hostile_views, tmp_path), 0)
    first_line = furnished["text"].split("\n")[0]
    assert furnished["dropped"] == [[first_line, "navigation"]]
    assert all(start >= len(first_line) for start, _ in furnished["body"])  # the furniture is not body


def test_entity_shard_holds_evidence_of_each_fact(built):
    core = shard(built, "core")
    index = core_index(core)
    detail = entity_detail(built, index["周建明"])
    (fact, passages, total, rules), = detail["facts"]
    assert core["facts"][fact][:3] == [index["周建明"], 6, index["桂花巷社区党委"]]  # leads
    assert "桂花巷社区党委书记周建明" in passages[0][1] and total == 1 and rules == ["pattern:role"]
    assert detail["mentions"][0][0] == 0  # first article


def test_unit_counts_include_what_its_party_organisation_has(corpus_views):
    tables, analysis, report = corpus_views
    data = read_view_data(tables, analysis, report)
    counts = {analysis.entity[iri].label: c for iri, c in unit_counts(data).items()}
    # 柳家坪社区: its 党总支; 微更新 and 睦邻节 run by it; 涪江理工学院 via it and 绵州职业技术学院 directly; its centre
    assert counts["柳家坪社区"] == (1, 2, 2, 1)
    assert counts["绵阳市"] == (0, 0, 0, 0)


@pytest.mark.parametrize("frozen_by_caller", [False, True])
def test_the_views_leave_the_heap_as_frozen_as_they_found_it(corpus_views, tmp_path, frozen_by_caller):
    if frozen_by_caller:
        gc.freeze()
    try:
        before = gc.get_freeze_count()
        write_views(*corpus_views, tmp_path)
        if frozen_by_caller:  # still frozen: the caller thaws what it froze
            assert before > 0 and gc.get_freeze_count() > 0
        else:
            assert gc.get_freeze_count() == before == 0
    finally:
        gc.unfreeze()


def test_the_articles_are_read_once_one_at_a_time(corpus_views, tmp_path):
    tables, analysis, report = corpus_views
    calls, held = [], []

    def articles():
        calls.append(1)
        for record in tables.articles():
            held.append(record)
            yield record
            held.pop()  # the views must be done with an article before they ask for the next

    def one_at_a_time():
        for record in articles():
            assert len(held) == 1
            yield record

    write_views(BuildTables(tables.corpus, one_at_a_time), analysis, report, tmp_path)
    assert calls == [1]
    assert list((tmp_path / "views" / "data").glob("a-*.js"))


@pytest.mark.parametrize(
    "sizes, limit, expected",
    [
        # 300 × √2500/(√2500+√600+√100) = 177.5 → 177, 86.96 → 86, 35.5 → 35; the 2 left go by the same rule
        ({"A": 2500, "P": 600, "R": 100}, 300, {"A": 178, "P": 87, "R": 35}),
        ({"A": 10, "P": 2}, 300, {"A": 10, "P": 2}),  # fewer entities than places: all of them
        ({"A": 100, "P": 1}, 5, {"A": 4, "P": 1}),
        ({"A": 3}, 0, {"A": 0}),
    ],
)
def test_overview_places_per_class(sizes, limit, expected):
    shares = class_shares(sizes, limit)
    assert shares == expected and sum(shares.values()) == min(limit, sum(sizes.values()))


@pytest.mark.parametrize("nodes, edges", [(2, 1), (40, 0), (60, 90), (499, 700), (500, 700)])
def test_the_overview_layout_is_networkx_spring_layout_to_the_last_bit(nodes, edges):
    # Made in numpy so that a build need not load networkx; 500 nodes and more take networkx's row-by-row variant.
    import math
    import random

    import networkx as nx

    from kg.views.layout import NODE_SPACING, SEED, SPREAD, force_positions

    rng = random.Random(nodes)
    names = [f"n{i:03d}" for i in range(nodes)]
    pairs = [(rng.choice(names), rng.choice(names)) for _ in range(edges)]
    graph = nx.Graph()
    graph.add_nodes_from(sorted(names))
    graph.add_edges_from(sorted((u, v) for u, v in pairs if u != v))
    raw = nx.spring_layout(graph, k=SPREAD / math.sqrt(nodes), seed=SEED, iterations=50, method="force")
    scale = NODE_SPACING * math.sqrt(nodes) / 2
    assert force_positions(names, pairs) == {n: (round(float(x) * scale), round(float(y) * scale)) for n, (x, y) in raw.items()}


def test_overview_keeps_party_organisations_among_many_units(corpus_views, tmp_path):
    out = write(corpus_views, tmp_path, overview_limit=6)
    core = shard(out, "core")
    drawn = {core["classes"][core["entities"][n[0]][1]][0] for n in core["overview"]["nodes"]}
    assert {"AdministrativeUnit", "PartyOrganization", "Partner"} <= drawn
    assert len(core["overview"]["nodes"]) == 6 and core["overview"]["hiddenNodes"] == len(core["entities"]) - 6


def test_index_has_charts_and_the_build_report(built):
    index = (built / "index.html").read_text("utf-8")
    assert index.count('<svg class="kg-chart"') >= 4
    assert "各类实体" in index and "社区 × 共建单位" in index
    assert "seeds/broken.html" in index and "no article text found" in index
    assert 'href="#entity/' in index


def test_pages_load_nothing_from_the_network(built):
    text = (built / "index.html").read_text("utf-8")
    assert not re.search(r'(src|href)="(https?:)?//', text)
    assert "connect-src 'none'" in html.unescape(text)
    for script in (built / "views" / "assets").glob("kg-*.js"):
        assert not re.search(r"https?://", script.read_text("utf-8").replace("http://graphml.graphdrawing.org/xmlns", "")), script


def test_hostile_text_stays_data(hostile_views, tmp_path):
    tables, analysis, report = hostile_views
    report = replace(report, skipped=(Skipped("<img src=x onerror=alert(5)>.html", "<b>not</b> an article"),),
                     warnings=("<script>alert(6)</script>",))
    out = write((tables, analysis, report), tmp_path)
    index = (out / "index.html").read_text("utf-8")
    assert "<img src=x" not in index and "<svg onload" not in index and "<script>alert" not in index
    assert "&lt;img src=x onerror=alert(5)&gt;.html" in index
    core = shard(out, "core")
    assert HOSTILE["name"] in [e[0] for e in core["entities"]]
    assert [HOSTILE["alias"]] in [e[4] for e in core["entities"]]
    article = article_detail(out, 0)
    assert article["url"] == HOSTILE["url"] and "\u2028" in article["text"]
    for path in (out / "views" / "data").glob("*.js"):
        assert "\u2028" not in path.read_text("utf-8")  # escaped inside the JSON strings


def test_csv_cells_cannot_start_a_formula(tmp_path):
    write(entity_tables({"=HYPERLINK(1)": "Person", "c": "Community"}, [("=HYPERLINK(1)", "leads", "c")]), tmp_path)
    for name in ("nodes.csv", "edges.csv"):
        text = (tmp_path / name).read_text("utf-8")
        assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_views_are_identical_run_to_run(corpus_views, tmp_path):
    first, second = write(corpus_views, tmp_path / "a"), write(corpus_views, tmp_path / "b")
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert files(first) == files(second)


def test_a_corpus_without_articles_still_has_views(tmp_path):
    """1,000 entities and no article: the overview draws them all and every one has its entry."""
    from conftest import thousand_node_network

    write(entity_tables(*thousand_node_network()), tmp_path, overview_limit=1000)
    core = shard(tmp_path, "core")
    assert len(core["overview"]["nodes"]) == 1000 and len(core["entities"]) == 1000
    # ENTITIES_PER_SHARD (50) entities a shard on average, as the hashes of the entities fall
    assert 8 <= len(list((tmp_path / "views" / "data").glob("e-*.js"))) <= 60


ROWS = 1300  # more than two pieces of rows (kg.jsonpieces.ROWS_PER_PIECE, 512) and a part of one


@pytest.mark.parametrize(("value", "as_lists"), [
    ({"a": [1, 2.5, None], "b": {"c": ["甲\u2028乙", True]}, "d": []}, None),
    ([[1, [2, [3]]], {}, "x"], None),
    ({"rows": ([i, str(i)] for i in range(3))}, {"rows": [[0, "0"], [1, "1"], [2, "2"]]}),  # an iterator: its items
    ({"rows": ([i, "行"] for i in range(ROWS)), "none": iter(())}, {"rows": [[i, "行"] for i in range(ROWS)], "none": []}),
    ({"rows": [[i] for i in range(ROWS)]}, None),
])
def test_the_core_shard_is_written_in_pieces_with_the_bytes_of_one_json_document(value, as_lists, tmp_path):
    from kg.views.shards import write_shard

    expected = json.dumps(as_lists or value, ensure_ascii=False, separators=(",", ":"))
    write_shard(tmp_path, "core", value)
    text = (tmp_path / "core.js").read_text("utf-8")
    assert text == 'KG.register("core",' + expected.replace("\u2028", "\\u2028") + ");\n"


@pytest.mark.parametrize("value", [
    {"a": [1, 2.5, None], "b": {"c": ["甲\u2028乙", True]}, "d": []},
    {"7": {"code": "", "mentions": [[0, 1, 2]], "facts": [[3, [], 1, ["r"]]]}, "s": ["句子"]},
])
def test_another_shard_is_one_json_document(value, tmp_path):
    from kg.views.shards import write_shard

    expected = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    write_shard(tmp_path, "s-1", value)
    text = (tmp_path / "s-1.js").read_text("utf-8")
    assert text == 'KG.register("s-1",' + expected.replace("\u2028", "\\u2028") + ");\n"


@pytest.mark.parametrize("target", [1, 5, 200])
def test_a_new_key_changes_only_the_run_it_falls_in(target):
    from kg.views.runs import runs

    keys = [f"facility/{n:016x}" for n in range(0, 6000, 3)]
    members = lambda found, keys: {name: tuple(keys[first:end]) for (name, first), end in
                                   zip(found, [f for _, f in found[1:]] + [len(keys)])}
    before = members(runs(keys, target, "e"), keys)
    for added in ("facility/0000000000000400", "facility/0000000000001001", "unit/1"):
        more = sorted(keys + [added])
        after = members(runs(more, target, "e"), more)
        changed = set(after.items()) ^ set(before.items())
        assert 1 <= len(changed) <= 2 * (2 if target > 1 else 1), added  # the run it joins, maybe split in two
        assert all(max(map(len, found.values())) <= 4 * target for found in (before, after))


def shard_files(root):
    return {p.name: p.read_bytes() for p in (root / "views" / "data").iterdir() if p.name != "core.js"}


def test_one_new_entity_changes_few_shard_files_and_the_rest_are_taken_from_the_last_output(tmp_path, monkeypatch):
    from conftest import thousand_node_network
    import kg.views.shards

    nodes, edges = thousand_node_network()
    first = write(entity_tables(nodes, edges), tmp_path / "first")
    nodes = {**nodes, "新社区": "Community"}
    edges = edges + [("新社区", "partOf", sorted(n for n, cls in nodes.items() if cls == "Subdistrict")[0])]
    tables, analysis, report = entity_tables(nodes, edges)
    fresh = write((tables, analysis, report), tmp_path / "fresh")
    made = []
    make = kg.views.shards._entity_shard
    monkeypatch.setattr(kg.views.shards, "_entity_shard", lambda name, *rest: made.append(name) or make(name, *rest))
    again = write((replace(tables, replaces=first), analysis, report), tmp_path / "again")
    before, after = shard_files(first), shard_files(fresh)
    assert shard_files(again) == after  # the bytes of a fresh build
    assert (again / "views" / "data" / "core.js").read_bytes() == (fresh / "views" / "data" / "core.js").read_bytes()
    changed = {name for name in set(before) | set(after) if before.get(name) != after.get(name)} - {"shards.json"}
    assert 1 <= len(changed) <= 4 < len(after)  # the shard it joins and its neighbours at most
    assert set(made) == {name[:-3] for name in changed if name in after}  # only those are made again


def test_a_shard_edited_since_the_last_build_is_made_again(corpus_views, tmp_path):
    tables, analysis, report = corpus_views
    first = write(corpus_views, tmp_path / "first")
    edited = sorted((first / "views" / "data").glob("a-*.js"))[0]
    edited.write_text(edited.read_text("utf-8").replace("社区", "小区"), "utf-8")
    again = write((replace(tables, replaces=first), analysis, report), tmp_path / "again")
    assert shard_files(again) == shard_files(write(corpus_views, tmp_path / "fresh"))
