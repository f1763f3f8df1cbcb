"""The views in Debian's headless Chromium, with the network blocked.

Driven through Playwright's Python API, launched on /usr/bin/chromium (never a
downloaded browser). Any request to a non-file: URL is aborted and counted as
a failure; the browser also gets a proxy on a closed local port, so nothing
reaches the network even if a request slipped past the page's route.
"""
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ARTICLE_TEXTS, HOSTILE
from kg.views.write import write_views

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # we run as root in CI
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY = "#kg-network[data-rendered-nodes]"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).is_file():
        reason = "Debian's chromium is not installed (apt-get install chromium fonts-wqy-microhei)"
        if os.environ.get("CI"):  # .ci/run installs it: in CI a skip would hide a broken set-up
            pytest.fail(reason)
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS, proxy={"server": "http://127.0.0.1:9"}
        )
        yield browser
        browser.close()


@dataclass
class PageLog:
    errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return (self.errors, self.failed_requests, self.dialogs) == ([], [], [])


def open_page(browser, out: Path, route: str = "", wait: str | None = READY):
    """Open index.html#route in a fresh page; returns the page and what it logged."""
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    log = PageLog()
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("requestfailed", lambda r: log.failed_requests.append(r.url))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))

    def only_files(route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            log.failed_requests.append(route.request.url)
            route.abort()

    page.route("**/*", only_files)
    page.goto((out / "index.html").as_uri() + route)
    if wait:
        page.wait_for_selector(wait, state="attached", timeout=15000)
    return page, log


def build(inputs, out: Path, **options) -> Path:
    tables, analysis, report = inputs
    write_views(tables, analysis, report, out, **options)
    return out


@pytest.fixture
def out(corpus_views, tmp_path):
    return build(corpus_views, tmp_path)


def entity_number(page, label: str) -> int:
    return page.evaluate("label => KG.E.filter(e => e.label === label)[0].i", label)


def screen_point(page, canvas_point) -> dict:
    return page.evaluate(
        """p => { const net = KG.currentView.network, d = net.canvasToDOM(p);
                  const box = document.getElementById('kg-network').getBoundingClientRect();
                  return {x: box.left + d.x, y: box.top + d.y}; }""",
        canvas_point,
    )


def hover_node(page, number: int) -> str:
    point = page.evaluate("i => KG.currentView.network.getPositions([i])[i]", number)
    xy = screen_point(page, point)
    page.mouse.move(xy["x"], xy["y"])
    page.wait_for_selector("#kg-tip:not([hidden])", timeout=5000)
    return page.inner_text("#kg-tip")


def edge_midpoint(page, fact: int) -> dict:
    point = page.evaluate(
        """id => { const f = KG.F[id], p = KG.currentView.network.getPositions([f.s, f.o]);
                   return {x: (p[f.s].x + p[f.o].x) / 2, y: (p[f.s].y + p[f.o].y) / 2}; }""",
        fact,
    )
    return screen_point(page, point)


def hover_edge(page, fact: int) -> str:
    page.mouse.move(5, 5)
    xy = edge_midpoint(page, fact)
    page.mouse.move(xy["x"], xy["y"])
    page.wait_for_function("() => document.querySelector('#kg-tip blockquote')", timeout=5000)
    return page.inner_text("#kg-tip")


def fact_number(page, subject: str, relation: str, obj: str) -> int:
    return page.evaluate(
        "([s, r, o]) => KG.F.filter(f => KG.E[f.s].label === s && f.rel.name === r && KG.E[f.o].label === o)[0].i",
        [subject, relation, obj],
    )


def test_index_opens_offline_and_two_clicks_reach_every_article(browser, out):
    page, log = open_page(browser, out, wait="body[data-ready]")
    assert page.locator("h1").inner_text() == "基层党建知识图谱"
    for number, text in enumerate(ARTICLE_TEXTS.values()):
        page.goto((out / "index.html").as_uri())
        page.wait_for_selector("body[data-ready]")
        page.locator(f"#articles a[href='#article/{number}']").click()  # one click from the index
        page.wait_for_selector("#kg-text")
        body = page.inner_text("#kg-text")
        assert text.split("\n")[1][:20] in body
    assert log.clean()
    page.close()


def test_edge_evidence_on_hover_and_click(browser, out):
    page, log = open_page(browser, out, "#overview")
    fact = fact_number(page, "桂花巷社区", "partnersWith", "涪江理工学院")
    text = hover_edge(page, fact)
    assert "桂花巷社区 —共建— 涪江理工学院" in text and "桂花巷社区与涪江理工学院结对共建。" in text
    assert "创业园畔展新颜" in text  # the article it is from
    xy = edge_midpoint(page, fact)
    page.mouse.click(xy["x"], xy["y"])
    link = page.wait_for_selector(".kg-net-detail a[href^='#article/0/']")
    link.click()  # the sentence, highlighted in the source reader
    page.wait_for_selector("#kg-text .kg-hit")
    assert "桂花巷社区与涪江理工学院结对共建" in "".join(page.locator("#kg-text .kg-hit").all_inner_texts())
    assert log.clean()
    page.close()


def test_tooltip_is_capped_and_hidden_when_the_pointer_leaves(browser, out):
    page, log = open_page(browser, out, "#overview")
    text = hover_node(page, entity_number(page, "柳家坪社区"))
    assert "柳家坪社区" in text and "别名：柳家坪" in text and "社区村" in text
    assert page.evaluate("document.getElementById('kg-tip').getBoundingClientRect().height") <= 300
    page.mouse.move(1300, 880)  # empty canvas
    page.mouse.move(1399, 450)
    page.wait_for_selector("#kg-tip", state="hidden", timeout=3000)
    assert log.clean()
    page.close()


def test_article_view_draws_only_that_articles_facts(browser, out):
    page, log = open_page(browser, out, "#article/1")
    drawn = page.evaluate("KG.currentView.edges.getIds()")
    stated = page.evaluate("KG.F.filter(f => f.articles.indexOf(1) !== -1).map(f => f.i)")
    assert sorted(drawn) == sorted(stated) and drawn
    other = fact_number(page, "桂花巷社区", "partnersWith", "涪江理工学院")  # article 0 only
    assert other not in drawn
    text = page.inner_text("#kg-text")
    assert "柳家坪社区党总支举办睦邻节活动。" in text
    page.locator("button.kg-fact").first.click()
    assert page.locator("#kg-text .kg-hit").count() > 0
    assert log.clean()
    page.close()


def test_search_finds_an_entity_the_overview_does_not_draw(browser, corpus_views, tmp_path):
    out = build(corpus_views, tmp_path, overview_limit=4)
    page, log = open_page(browser, out, "#overview")
    target = entity_number(page, "绵州职业技术学院")
    assert target not in page.evaluate("KG.currentView.nodes.getIds()")
    page.fill("#kg-search", "职业技术")
    page.wait_for_selector("#kg-results:not([hidden])")
    assert "找到 1 个实体" in page.inner_text("#kg-results")
    page.locator(f"#kg-results a[href='#entity/{target}']").click()
    page.wait_for_selector("#kg-view[data-ready]")
    assert "绵州职业技术学院" in page.inner_text("#kg-view h2")
    assert "柳家坪社区和绵州职业技术学院签订共建协议。" in page.inner_text("#kg-view")  # evidence in its relation table
    assert log.clean()
    page.close()


def test_entity_page_ego_depth_and_sortable_relations(browser, out):
    number_page, _ = open_page(browser, out, wait="body[data-ready]")
    centre = entity_number(number_page, "创业园街道")
    number_page.close()
    page, log = open_page(browser, out, f"#entity/{centre}")
    page.wait_for_selector("#kg-view[data-ready]")
    page.select_option("#kg-ego-depth", "1")
    page.wait_for_selector(READY)
    one = page.evaluate("KG.currentView.nodes.length")
    page.select_option("#kg-ego-depth", "3")
    page.wait_for_selector(READY)
    three = page.evaluate("KG.currentView.nodes.length")
    assert one == 1 + page.evaluate("i => new Set(KG.adjacent[i].map(f => KG.F[f].s === i ? KG.F[f].o : KG.F[f].s)).size", centre)
    assert three > one
    table = page.locator("#kg-view table").first
    table.locator("th", has_text="另一端").click()
    names = table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert len(names) > 2 and names == page.evaluate("n => n.slice().sort((a, b) => a.localeCompare(b, 'zh'))", names)
    table.locator("th", has_text="另一端").click()
    assert table.locator("tbody tr td:nth-child(2)").all_inner_texts() == names[::-1]
    assert log.clean()
    page.close()


def test_tree_columns_are_levels(browser, out):
    page, log = open_page(browser, out, "#tree", wait="#kg-view[data-ready]")
    page.click("text=全部展开")
    headers = page.locator(".kg-tree-head .kg-tree-level").all_inner_texts()
    assert headers[:6] == ["省", "市", "区县", "街道乡镇", "社区村", "小区"]
    rows = page.evaluate(
        """() => [...document.querySelectorAll('.kg-tree-body .kg-tree-row')].map(r => {
                 const e = KG.E[Number(r.dataset.unit)]; return [e.label, e.level, Number(r.dataset.column)]; })"""
    )
    levels = ["province", "city", "district", "subdistrict", "community", "compound"]
    assert len(rows) == 10  # 8 units the articles name, 2 provinces the gazetteer adds
    for label, level, column in rows:
        assert column == levels.index(level), label  # the column is the unit's level, not its depth
    assert ["四川省", "province", 0] in rows and ["桂花巷社区", "community", 4] in rows
    page.click("text=全部折叠")
    roots = page.locator(".kg-tree-body .kg-tree-row .kg-entity-link").all_inner_texts()
    assert sorted(roots) == sorted(["四川省", "浙江省"])  # every named unit hangs under its province
    assert [label for label, _, _ in rows].count("西湖社区") == 2  # two communities of one name, in two cities
    assert log.clean()
    page.close()


def test_labels_never_overlap(browser, out):
    page, log = open_page(browser, out, "#overview")
    boxes = page.evaluate("KG.currentView.labels")
    assert len(boxes) > 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])
    assert log.clean()
    page.close()


def test_export_the_visible_subgraph(browser, out):
    page, log = open_page(browser, out, "#overview")
    page.uncheck("input[data-class='Person']")
    with page.expect_download() as download:
        page.click("button[data-export=csv]")
    lines = Path(download.value.path()).read_text("utf-8-sig").strip().splitlines()
    visible = page.evaluate("KG.currentView.edges.get({filter: e => !e.hidden}).length")
    assert lines[0].startswith("subject,subject_class,relation")
    assert len(lines) - 1 >= visible and not any("周建明" in line for line in lines)
    with page.expect_download() as download:
        page.click("button[data-export=graphml]")
    assert "<graphml" in Path(download.value.path()).read_text("utf-8")
    assert log.clean()
    page.close()


def test_path_between_two_entities(browser, out):
    page, log = open_page(browser, out, wait="body[data-ready]")
    a, b = entity_number(page, "周建明"), entity_number(page, "四川省")
    page.goto((out / "index.html").as_uri() + f"#path/{a}/{b}")
    page.wait_for_selector(READY)
    steps = page.locator(".kg-path li").count()
    assert steps == page.evaluate(f"KG.path({a}, {b}).facts.length") and steps >= 3
    assert log.clean()
    page.close()


def test_hostile_corpus_runs_no_script(browser, hostile_views, tmp_path):
    out = build(hostile_views, tmp_path)
    page, log = open_page(browser, out, wait="body[data-ready]")
    evil = entity_number(page, HOSTILE["name"])
    for route in ("", "#overview", f"#entity/{evil}", "#article/0", "#tree"):
        page.goto((out / "index.html").as_uri() + route)
        page.wait_for_selector("body[data-ready]")
        if route in ("#overview", f"#entity/{evil}", "#article/0"):
            page.wait_for_selector(READY)
            for node in page.evaluate("KG.currentView.nodes.getIds()"):
                hover_node(page, node)
            for fact in page.evaluate("KG.currentView.edges.getIds()"):
                assert HOSTILE["name"] in hover_edge(page, fact)
        if route == "#article/0":
            page.check("#kg-show-dropped")
            assert "alert(8)" in page.inner_text("#kg-text")  # the furniture, as text
            assert page.locator("a.kg-url").count() == 0  # a javascript: URL is never a link
        page.fill("#kg-search", "<")
        page.wait_for_timeout(100)
        assert page.locator("img[src='x'], svg[onload], #kg-view script, #kg-results script").count() == 0, route
    assert HOSTILE["title"] in page.inner_text("body")
    assert log.clean(), (log.errors, log.failed_requests, log.dialogs)
    page.close()


def test_seeds_build_reaches_every_articles_body_in_two_clicks(browser, seeds_build):
    """From index.html of a real build of seeds/, each article's body is at most two clicks away."""
    import json
    import re

    core = json.loads(re.search(r",(.*)\);\n\Z", (seeds_build / "views/data/core.js").read_text("utf-8"), re.S).group(1))
    number = {a[0]: n for n, a in enumerate(core["articles"])}
    shard = {}  # every article's reader data, from the shards the core lists, by its place in the core
    for name, _ in core["shards"]["article"]:
        text = (seeds_build / f"views/data/{name}.js").read_text("utf-8")
        shard.update({number[i]: a for i, a in json.loads(re.search(r",(.*)\);\n\Z", text, re.S).group(1)).items()})
    assert len(core["articles"]) == len(shard) >= 4
    page, log = open_page(browser, seeds_build, wait="body[data-ready]")
    for number, article in shard.items():
        start, end = max(article["body"], key=lambda span: span[1] - span[0])  # the longest body line
        line = article["text"][start:end].strip()[:30]
        page.goto((seeds_build / "index.html").as_uri())
        page.wait_for_selector("body[data-ready]")
        page.locator(f"#articles a[href='#article/{number}']").click()  # click one: the article list
        page.wait_for_selector("#kg-text")
        assert line and line in page.inner_text("#kg-text"), number
    assert log.clean(), (log.errors, log.failed_requests)
    page.close()
