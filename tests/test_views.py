import csv
import html
import json
import re
from dataclasses import replace

import pytest

from conftest import ARTICLE_TEXTS, HOSTILE, A, B
from kg.analyse.network import analyse, annotate_graph
from kg.model import Skipped
from kg.views.data import read_view_data
from kg.views.overview import class_shares
from kg.views.shards import unit_counts
from kg.views.write import write_views

SHARD = re.compile(r'KG\.register\(("[\w-]+"),(.*)\);\n\Z', re.S)


def write(inputs, out, **options):
    graph, analysis, report, corpus = inputs
    write_views(graph, analysis, report, out, corpus=corpus, **options)
    return out


def shard(out, name) -> dict:
    """A shard's payload; the whole file must be one register call with a JSON literal, nothing else."""
    match = SHARD.match((out / "views" / "data" / f"{name}.js").read_text("utf-8"))
    assert match, name
    assert json.loads(match.group(1)) == name
    return json.loads(match.group(2))


@pytest.fixture
def built(corpus_views, tmp_path):
    return write(corpus_views, tmp_path)


def core_index(core):
    return {e[0]: i for i, e in enumerate(core["entities"])}


def test_one_application_with_data_shards(built):
    names = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert {"index.html", "edges.csv", "nodes.csv", "analysis.json", "views/data/core.js", "views/data/e-0.js",
            "views/data/a-0.js", "views/assets/vis-network.min.js", "views/assets/kg-app.js"} <= names
    assert not [n for n in names if n.endswith(".html") and n != "index.html"]  # no page per unit or article
    index = (built / "index.html").read_text("utf-8")
    for script in re.findall(r'<script src="([^"]+)"', index):
        assert (built / script).is_file(), script


def test_edges_csv_traces_every_relation_to_its_sentence(built):
    rows = list(csv.DictReader((built / "edges.csv").open(encoding="utf-8")))
    assert {"article", "sentence", "sentence_start", "sentence_end", "start", "end", "rules"} <= set(rows[0])
    assert all(r["article"] for r in rows)
    for r in rows:
        text = ARTICLE_TEXTS[r["article"]]
        assert text[int(r["sentence_start"]):int(r["sentence_end"])] == r["sentence"]
        assert int(r["sentence_start"]) <= int(r["start"]) < int(r["end"]) <= int(r["sentence_end"])
    # a relation stated in both articles has a row for each
    both = [r for r in rows if r["subject_label"] == "长家山社区党总支" and r["relation"] == "partyOrgOf"]
    assert sorted(r["article"] for r in both) == sorted([A, B])


def test_an_article_lists_only_the_facts_it_states(built):
    core = shard(built, "core")
    facts = core["facts"]
    labels = [e[0] for e in core["entities"]]
    articles = shard(built, "a-0")
    for number, article_id in enumerate(ARTICLE_TEXTS):
        stated = {row[0] for row in articles[str(number)]["facts"]}
        assert stated == {i for i, f in enumerate(facts) if number in f[3]}
    in_a = {(labels[facts[i][0]], labels[facts[i][2]]) for i in (row[0] for row in articles["0"]["facts"])}
    assert ("花园洞社区", "湖南文理学院") in in_a
    assert ("长家山社区", "常德职业技术学院") not in in_a  # stated only in the other article


def test_mention_spans_select_their_text_without_overlap(built):
    core = shard(built, "core")
    article = shard(built, "a-0")["0"]
    spans = article["mentions"]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    text = article["text"]
    surfaces = {text[s:e] for s, e, *_ in spans}
    assert {"湖南文理学院", "张圣忠", "白马湖文化公园"} <= surfaces
    hunan = core_index(core)["湖南省"]  # implicit: it shares 常德市's span and must not take it
    assert all(ids[0] != hunan for _, _, *ids in spans)


def test_reader_gets_metadata_body_and_furniture(built, hostile_views, tmp_path):
    article = shard(built, "a-0")["0"]
    assert article["url"] == "https://example.com/news?id=1&from=home" and article["authors"] == ["李记者"]
    assert article["text"] == ARTICLE_TEXTS[A]
    furnished = shard(write(hostile_views, tmp_path), "a-0")["0"]
    first_line = furnished["text"].split("\n")[0]
    assert furnished["dropped"] == [[first_line, "navigation"]]
    assert all(start >= len(first_line) for start, _ in furnished["body"])  # the furniture is not body


def test_entity_shard_holds_evidence_of_each_fact(built):
    core = shard(built, "core")
    index = core_index(core)
    detail = shard(built, "e-0")[str(index["张圣忠"])]
    (fact, passages, total, rules), = detail["facts"]
    assert core["facts"][fact][:3] == [index["张圣忠"], 6, index["花园洞社区党委"]]  # leads
    assert "花园洞社区党委书记张圣忠" in passages[0][1] and total == 1 and rules == ["pattern:test"]
    assert detail["mentions"][0][0] == 0  # first article


def test_reading_the_graph_gives_what_the_corpus_gives(corpus_views):
    graph, analysis, report, corpus = corpus_views
    from_corpus = read_view_data(graph, analysis, report, corpus)
    from_graph = read_view_data(graph, analysis, report, None)
    assert from_graph.facts == from_corpus.facts
    for iri, view in from_corpus.entities.items():
        other = from_graph.entities[iri]
        assert (other.passages, other.aliases, other.code) == (view.passages, view.aliases, view.code), view.record.label


def test_unit_counts_include_what_its_party_organisation_has(corpus_views):
    graph, analysis, report, corpus = corpus_views
    data = read_view_data(graph, analysis, report, corpus)
    counts = {analysis.entity[iri].label: c for iri, c in unit_counts(data).items()}
    # 长家山社区: its 党总支; 微改造 and 邻里节 run by it; 湖南文理学院 via it and 常德职业技术学院 directly; its centre
    assert counts["长家山社区"] == (1, 2, 2, 1)
    assert counts["常德市"] == (0, 0, 0, 0)


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
    graph, analysis, report, corpus = hostile_views
    report = replace(report, skipped=(Skipped("<img src=x onerror=alert(5)>.html", "<b>not</b> an article"),),
                     warnings=("<script>alert(6)</script>",))
    out = write((graph, analysis, report, corpus), tmp_path)
    index = (out / "index.html").read_text("utf-8")
    assert "<img src=x" not in index and "<svg onload" not in index and "<script>alert" not in index
    assert "&lt;img src=x onerror=alert(5)&gt;.html" in index
    core = shard(out, "core")
    assert HOSTILE["name"] in [e[0] for e in core["entities"]]
    assert [HOSTILE["alias"]] in [e[4] for e in core["entities"]]
    article = shard(out, "a-0")["0"]
    assert article["url"] == HOSTILE["url"] and "\u2028" in article["text"]
    for path in (out / "views" / "data").glob("*.js"):
        assert "\u2028" not in path.read_text("utf-8")  # escaped inside the JSON strings


def test_csv_cells_cannot_start_a_formula(make_graph, tmp_path):
    from kg.model import BuildReport

    graph = make_graph({"=HYPERLINK(1)": "Person", "c": "Community"}, [("=HYPERLINK(1)", "leads", "c")])
    analysis = analyse(graph)
    annotate_graph(graph, analysis)
    write_views(graph, analysis, BuildReport(), tmp_path)
    for name in ("nodes.csv", "edges.csv"):
        text = (tmp_path / name).read_text("utf-8")
        assert "'=HYPERLINK(1)" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text


def test_views_are_identical_run_to_run(corpus_views, tmp_path):
    first, second = write(corpus_views, tmp_path / "a"), write(corpus_views, tmp_path / "b")
    files = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert files(first) == files(second)


def test_a_graph_without_corpus_or_articles_still_has_views(thousand_node_graph, tmp_path):
    from kg.model import BuildReport

    analysis = analyse(thousand_node_graph)
    write_views(thousand_node_graph, analysis, BuildReport(), tmp_path, overview_limit=1000)
    core = shard(tmp_path, "core")
    assert len(core["overview"]["nodes"]) == 1000 and len(core["entities"]) == 1000
