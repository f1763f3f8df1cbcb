"""Regenerate docs/overview.png and docs/community.png from a build.

    .venv/bin/python docs/make_screenshots.py            # build seeds/ and shoot it
    .venv/bin/python docs/make_screenshots.py --demo     # the hand-built graph of tests/data/views_demo.ttl

Needs Debian's chromium (apt-get install chromium fonts-wqy-microhei) and the
test extra (playwright, which drives that chromium: never `playwright install`).
The community shot is the view of the community-level unit with the highest
PageRank. The network is blocked while shooting, as in tests/test_browser.py.
"""
from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from rdflib import RDF, RDFS, Graph

from kg.analyse.network import analyse, annotate_graph
from kg.model import ArticleMetadata, ArticleSummary, BuildReport
from kg.pipeline import build
from kg.views.data import unit_page_name
from kg.views.write import write_views
from kg.rdf.vocab import KG

ROOT = Path(__file__).resolve().parent.parent
DEMO_TTL = ROOT / "tests" / "data" / "views_demo.ttl"
VIEWPORT = {"width": 1400, "height": 860}
CHROMIUM = "/usr/bin/chromium"


def build_demo(out: Path) -> None:
    graph = Graph().parse(DEMO_TTL)
    articles = []
    for day, node in enumerate(sorted(graph.subjects(RDF.type, KG.Article)), start=1):
        article_id = str(node).rsplit("/", 1)[-1]
        title = str(graph.value(node, RDFS.label))
        metadata = ArticleMetadata(title=title, published=f"2023-12-{day:02d}", source_name="红网")
        articles.append(ArticleSummary(article_id, f"demo/{article_id}.txt", metadata, "0" * 64, 1000))
    analysis = analyse(graph)
    annotate_graph(graph, analysis)
    write_views(graph, analysis, BuildReport(articles=tuple(articles)), out)


def top_community(out: Path) -> str:
    with (out / "nodes.csv").open(encoding="utf-8") as stream:
        rows = [r for r in csv.DictReader(stream) if r["level"] == "community"]
    if not rows:
        raise SystemExit("no community-level unit in the graph: nothing to shoot for docs/community.png")
    best = max(rows, key=lambda r: (float(r["page_rank"]), r["iri"]))
    return unit_page_name(best["iri"])


def shoot(pages: dict[str, Path]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        for target, source in pages.items():
            page.goto(source.as_uri())
            page.wait_for_selector("#kg-network[data-rendered-nodes]", state="attached")
            page.wait_for_timeout(300)
            page.screenshot(path=str(target))
            print(f"wrote {target.relative_to(ROOT)} from {source.name}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="shoot the hand-built demo graph instead of seeds/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "views"
        if args.demo:
            out.mkdir()
            build_demo(out)
        else:
            build([ROOT / "seeds"], out)
        shoot(
            {
                ROOT / "docs" / "overview.png": out / "views" / "overview.html",
                ROOT / "docs" / "community.png": out / "views" / top_community(out),
            }
        )


if __name__ == "__main__":
    main()
