"""Regenerate the screenshots in docs/ from a build: overview, entity page, source reader, tree.

    .venv/bin/python docs/make_screenshots.py                          # build seeds/ and shoot it
    .venv/bin/python docs/make_screenshots.py --corpus DIR         # build a folder of articles and shoot it
    .venv/bin/python docs/make_screenshots.py --built exports          # shoot a build that exists

Needs Debian's chromium (apt-get install chromium fonts-wqy-microhei) and the
test extra (playwright, which drives that chromium: never `playwright install`).
The entity page is the community-level unit with the highest PageRank; the
source reader is the article that states the most facts, with the sentence of
the fact it states first marked. The network is blocked while shooting, as in tests/test_browser.py.
Look at the PNGs before committing them.
"""
from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from kg.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1600, "height": 1000}
CHROMIUM = "/usr/bin/chromium"
SHOTS = ("overview", "entity", "reader", "tree")


def top_community(out: Path) -> str:
    with (out / "nodes.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    communities = [r for r in rows if r["level"] == "community"]
    if not communities:
        raise SystemExit("no community-level unit in the graph: nothing to shoot for docs/entity.png")
    best = max(communities, key=lambda r: (float(r["page_rank"]), r["iri"]))
    # Entities are numbered in the application by their place in nodes.csv (sorted by IRI).
    return f"#entity/{rows.index(best)}"


def shoot(out: Path) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
        started = time.perf_counter()
        page.goto((out / "index.html").as_uri())
        page.wait_for_load_state("networkidle")
        print(f"index.html loaded (network idle) in {time.perf_counter() - started:.2f} s")
        reader = page.evaluate(
            "() => { const a = KG.A.slice().sort((x, y) => y.facts - x.facts || x.i - y.i)[0]; return a.i; }"
        )
        # The sentence of the fact the article states first, marked (#article/A/S-E).
        first = page.evaluate(
            "a => KG.articleDetail(a).then(d => d.facts.map(f => [f[1], f[2]]).sort((x, y) => x[0] - y[0])[0])", reader
        )
        routes = {
            "overview": "#overview",
            "entity": top_community(out),
            "reader": f"#article/{reader}/{first[0]}-{first[1]}",
            "tree": "#tree",
        }
        for name in SHOTS:
            page.goto((out / "index.html").as_uri() + routes[name])
            page.wait_for_selector("#kg-view[data-ready], #kg-network[data-rendered-nodes]", state="attached", timeout=20000)
            if name == "reader":
                # The hit stays in view and, when it fits, the page is scrolled back to show the title too.
                page.evaluate(
                    """() => { const hit = document.querySelector('#kg-text .kg-hit');
                               if (hit && hit.getBoundingClientRect().bottom + window.scrollY < window.innerHeight - 40)
                                 window.scrollTo(0, 0); }"""
                )
            page.wait_for_timeout(600)
            target = ROOT / "docs" / f"{name}.png"
            page.screenshot(path=str(target))
            print(f"wrote {target.relative_to(ROOT)} from {routes[name]}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="build this corpus instead of seeds/")
    parser.add_argument("--built", type=Path, help="shoot this existing build instead of building")
    args = parser.parse_args()
    if args.built:
        shoot(args.built)
        return
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "build"
        build([args.corpus or ROOT / "seeds"], out, jobs=2)
        shoot(out)


if __name__ == "__main__":
    main()
