import csv
import html
import json
import re
import time

import pytest
from rdflib import Graph

from kg.analyse.network import analyse, annotate_graph
from kg.views.write import write_views

XSS_LABEL = "<img src=x onerror=alert(1)>"


def build_views(graph: Graph, report, out, **options):
    analysis = analyse(graph)
    annotate_graph(graph, analysis)
    write_views(graph, analysis, report, out, **options)
    return analysis


def page_data(path) -> dict:
    """The JSON a view embeds for its script."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', path.read_text("utf-8"), re.S)
    return json.loads(match.group(1))


@pytest.fixture
def demo_views(demo_graph, demo_report, tmp_path):
    analysis = build_views(demo_graph, demo_report, tmp_path)
    return tmp_path, analysis


@pytest.fixture
def xss_views(xss_graph, xss_report, tmp_path):
    build_views(xss_graph, xss_report, tmp_path)
    return tmp_path


def test_every_view_is_written(demo_views):
    out, analysis = demo_views
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert {"index.html", "analysis.json", "nodes.csv", "edges.csv", "communities.csv", "partner_overlap.csv",
            "views/overview.html", "views/tree.html", "views/assets/vis-network.min.js"} <= names
    assert sum(n.startswith("views/article-") for n in names) == 3
    units = sum(e.top_class == "AdministrativeUnit" for e in analysis.entities)
    assert sum(n.startswith("views/unit-") for n in names) == units


def test_index_links_every_view(demo_views):
    out, _ = demo_views
    index = (out / "index.html").read_text("utf-8")
    for page in (out / "views").glob("*.html"):
        assert f'href="views/{page.name}"' in index


def test_index_shows_the_build_report(demo_views):
    index = (demo_views[0] / "index.html").read_text("utf-8")
    assert "seeds/broken.html" in index and "no article text found" in index
    assert "01_副本.jpg" in index and "<details" in index  # dropped furniture, collapsible
    assert "2023-12-01" in index and "花园洞社区" in index


def test_pages_load_nothing_from_the_network(demo_views):
    out, _ = demo_views
    for page in [out / "index.html", *(out / "views").glob("*.html")]:
        text = page.read_text("utf-8")
        assert not re.search(r'(src|href)="(https?:)?//', text), page.name
        assert "connect-src 'none'" in html.unescape(text)  # the page's policy forbids fetching too


def test_overview_shows_only_the_most_central_nodes_with_a_note(demo_graph, demo_report, tmp_path):
    analysis = build_views(demo_graph, demo_report, tmp_path, overview_limit=5)
    overview = tmp_path / "views" / "overview.html"
    data = page_data(overview)
    top = {analysis.entity[m.iri].label for m in analysis.ranked()[:5]}
    assert {n["label"] for n in data["nodes"]} == top
    assert 'data-node-count="5"' in overview.read_text("utf-8")
    assert f"另有 {len(analysis.entities) - 5} 个节点" in overview.read_text("utf-8")


def test_nodes_carry_positions_styles_and_tooltips(demo_views):
    data = page_data(demo_views[0] / "views" / "overview.html")
    assert data["options"]["physics"]["enabled"] is False
    node = next(n for n in data["nodes"] if n["label"] == "花园洞社区")
    assert isinstance(node["x"], int) and isinstance(node["y"], int)
    assert node["shape"] == "dot" and node["href"].startswith("unit-")
    assert node["tip"]["aliases"] == ["花园洞"]
    assert "社区" in node["tip"]["class"]
    assert any("老梧桐" in title for title in node["tip"]["articles"])
    assert node["tip"]["evidence"][0].startswith("今年")
    assert {e["label"] for e in data["edges"]} >= {"隶属", "共建"}


def test_article_view_prefers_that_articles_evidence(demo_views):
    out, _ = demo_views
    page = next(p for p in (out / "views").glob("article-*0003.html"))
    nodes = {n["label"]: n for n in page_data(page)["nodes"]}
    assert nodes["湘南学院"]["tip"]["evidence"] == ["下湄桥街道与湘南学院签订校地共建协议。"]
    assert "花园洞社区党委" not in nodes  # mentioned only in another article


def test_untrusted_text_is_escaped_everywhere(xss_views):
    for page in [xss_views / "index.html", *(xss_views / "views").glob("*.html")]:
        text = page.read_text("utf-8")
        assert "<img src=x" not in text and "<svg onload" not in text, page.name
        assert text.count("<script") == text.count("</script>"), page.name
        assert "\u2028" not in text
    index = (xss_views / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(5)&gt;.html" in index
    assert "&lt;script&gt;alert(6)&lt;/script&gt;" in index


def test_embedded_json_round_trips_hostile_text(xss_views):
    page = next((xss_views / "views").glob("unit-evil-*.html"))
    node = next(n for n in page_data(page)["nodes"] if n["label"] == XSS_LABEL)
    assert node["tip"]["aliases"] == ["</script><script>alert(2)</script>"]
    assert "<!--" in node["tip"]["evidence"][0]


def test_csv_cells_cannot_start_a_formula(make_graph, demo_report, tmp_path):
    graph = make_graph({"=HYPERLINK(1)": "Person", "c": "Community"}, [("=HYPERLINK(1)", "leads", "c")])
    build_views(graph, demo_report, tmp_path)
    rows = list(csv.DictReader((tmp_path / "nodes.csv").open(encoding="utf-8")))
    assert {r["label"] for r in rows} == {"'=HYPERLINK(1)", "c"}


def test_views_are_identical_run_to_run(demo_graph, demo_report, tmp_path):
    build_views(demo_graph, demo_report, tmp_path / "a")
    build_views(demo_graph, demo_report, tmp_path / "b")
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert first == second


def test_analysis_json_holds_the_figures(demo_views):
    summary = json.loads((demo_views[0] / "analysis.json").read_text("utf-8"))
    assert summary["counts"]["levels"]["community"] == 3
    assert summary["top_nodes"]["page_rank"][0]["label"] == "花园洞社区党委"
    assert summary["partner_overlap"][0]["shared_partners"] == ["梧桐志愿服务队", "湘南学院"]


def test_a_thousand_nodes_are_laid_out_in_seconds(demo_report, tmp_path, thousand_node_graph):
    started = time.perf_counter()
    build_views(thousand_node_graph, demo_report, tmp_path, overview_limit=1000)
    assert time.perf_counter() - started < 60
    assert 'data-node-count="1000"' in (tmp_path / "views" / "overview.html").read_text("utf-8")
