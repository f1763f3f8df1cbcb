"""Per-class precision, recall and F1 of the extractor on the seeds, the development set and the held-out set.

Usage: python scripts/measure_extraction.py [--shared ../shared] [--readme] [--batches]

Builds each set of ``SETS`` alone into a temporary folder with ``kg build`` and
scores it with the reference scorer (``SHARED/tools/kgscore.py``) against its
gold folder; prints one Markdown table with a column per set (the README's
"Measuring the extractor" table is its output; ``--readme`` writes it there,
between the section's two marker comments). Its last rows say on how many pages the
metadata stage reads the title, publication date and outlet as the gold states
them (a field the page does not state counts as right when it stays empty). A set whose pages or gold are
missing is left out. When the shared folder is absent (a fresh clone) there is
no scorer, so it says so and exits 0.

``--batches`` also builds each batch of the held-out set alone (``HELDOUT_BATCHES``:
each was written and annotated blind, so its first score, taken before anyone
looked at its errors, is the estimate for unseen pages) and prints a row per batch.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# The README's table sits between these two lines, which --readme keeps.
START, END = "<!-- measure_extraction.py: start -->", "<!-- measure_extraction.py: end -->"
CLASSES = ("AdministrativeUnit", "PartyOrganization", "Program", "Facility", "Partner", "Person")
# gold field -> ArticleMetadata field
METADATA = (("title", "title"), ("published", "published"), ("source", "source_name"))
RELATIONS = ("partOf", "partyOrgOf", "subOrganizationOf", "runsProgram", "hasFacility", "partnersWith", "leads")
# (column, pages, gold) for each set, in the table's order; "SHARED" stands for the --shared folder.
SETS = (
    ("seeds", "seeds", "SHARED/gold/seeds"),
    ("dev", "SHARED/dev", "SHARED/gold/dev"),
    ("held-out", "bench/heldout/articles", "bench/heldout/gold"),
)

# The held-out set's batches, in the order they were written (bench/heldout/README.md).
HELDOUT_BATCHES = (("h01–h12", 1, 12), ("h13–h18", 13, 18), ("h19–h26", 19, 26), ("h27–h32", 27, 32), ("h33–h40", 33, 40),
                   ("h41–h48", 41, 48), ("h49–h56", 49, 56),
                   ("h57–h64", 57, 64), ("h65–h72", 65, 72), ("h73–h80", 73, 80),
                   ("h81–h88", 81, 88), ("h89–h96", 89, 96), ("h97–h104", 97, 104),
                   ("h105–h112", 105, 112), ("h113–h120", 113, 120),
                   ("h121–h128", 121, 128), ("h129–h136", 129, 136),
                   ("h137–h144", 137, 144), ("h145–h152", 145, 152), ("h153–h160", 153, 160), ("h161–h168", 161, 168),
                   ("h169–h172", 169, 172), ("h173–h176", 173, 176),
                   ("h177–h180", 177, 180), ("h181–h184", 181, 184), ("h185–h188", 185, 188), ("h189–h192", 189, 192), ("h193–h196", 193, 196), ("h197–h200", 197, 200), ("h201–h204", 201, 204), ("h205–h208", 205, 208), ("h209–h212", 209, 212), ("h213–h216", 213, 216), ("h217–h220", 217, 220), ("h221–h224", 221, 224),
                   ("h225–h228", 225, 228), ("h229–h232", 229, 232), ("h233–h236", 233, 236), ("h237–h240", 237, 240),
                   ("h241–h244", 241, 244), ("h245–h248", 245, 248),
                   ("h249–h252", 249, 252), ("h253–h256", 253, 256),
                   ("h257–h260", 257, 260), ("h261–h264", 261, 264), ("h265–h268", 265, 268),
                   ("h269–h272", 269, 272), ("h273–h276", 273, 276), ("h277–h280", 277, 280), ("h281–h284", 281, 284),
                   ("h285–h288", 285, 288), ("h289–h292", 289, 292),
                   ("h293–h296", 293, 296), ("h297–h300", 297, 300),
                   ("h301–h304", 301, 304), ("h305–h308", 305, 308), ("h309–h312", 309, 312), ("h313–h316", 313, 316),
                   ("h317–h320", 317, 320), ("h321–h324", 321, 324),
                   ("h325–h328", 325, 328), ("h329–h332", 329, 332),
                   ("h333–h336", 333, 336), ("h337–h340", 337, 340), ("h341–h344", 341, 344), ("h345–h348", 345, 348),
                   ("h349–h352", 349, 352), ("h353–h356", 353, 356), ("h357–h360", 357, 360), ("h361–h364", 361, 364),
                   ("h365–h368", 365, 368), ("h369–h372", 369, 372), ("h373–h376", 373, 376), ("h377–h380", 377, 380),
                   ("h381–h384", 381, 384), ("h385–h388", 385, 388), ("h389–h392", 389, 392), ("h393–h396", 393, 396))
HELDOUT = ROOT / "bench" / "heldout"


def place(path: str, shared: Path) -> Path:
    """A SETS path: under the shared folder when it starts with SHARED/, else under the repository."""
    head, _, rest = path.partition("/")
    return shared / rest if head == "SHARED" else ROOT / path


def score(name: str, inputs: Path, gold: Path, scorer: Path, work: Path) -> dict:
    out = work / name
    subprocess.run([sys.executable, "-m", "kg", "build", str(inputs), "--out", str(out)], check=True,
                   capture_output=True, cwd=ROOT)
    done = subprocess.run([sys.executable, str(scorer), "--graph", str(out / "graph.ttl"), "--gold", str(gold), "--json"],
                          check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def metadata_agreement(inputs: Path, gold: Path) -> dict[str, tuple[int, int]]:
    """For each metadata field: (pages where kg reads what the gold states, pages with gold)."""
    from kg.prepare import prepare_article
    from kg.prepare.read import read_file

    def same(a: str | None, b: str | None) -> bool:
        def fold(text: str | None) -> str | None:
            return None if text is None else unicodedata.normalize("NFKC", text).replace(" ", "")
        return fold(a) == fold(b)

    counts = {field: [0, 0] for field, _ in METADATA}
    for gold_file in sorted(gold.glob("*.json")):
        stated = json.loads(gold_file.read_text(encoding="utf-8"))
        page = inputs / stated["article"]
        if not page.exists():
            continue
        articles = [item for item in read_file(page) if hasattr(item, "text")]
        if len(articles) != 1:
            continue
        read = prepare_article(articles[0]).metadata
        for field, attribute in METADATA:
            counts[field][0] += same(stated.get(field), getattr(read, attribute))
            counts[field][1] += 1
    return {field: (right, total) for field, (right, total) in counts.items()}


def batch_rows(scorer: Path, work: Path) -> str:
    """One row per held-out batch, each built alone: entity and relation P / R / F1, leaks, duplicates."""
    lines = ["| held-out batch, built alone | entity P / R / F1 | relation P / R / F1 | leaks | dups |",
             "|---|---|---|---|---|"]
    for label, first, last in HELDOUT_BATCHES:
        pages, gold = work / f"{first}-pages", work / f"{first}-gold"
        pages.mkdir()
        gold.mkdir()
        for number in range(first, last + 1):
            name = f"h{number:02d}"
            (pages / f"{name}.txt").write_bytes((HELDOUT / "articles" / f"{name}.txt").read_bytes())
            (gold / f"{name}.json").write_bytes((HELDOUT / "gold" / f"{name}.json").read_bytes())
        result = score(f"batch-{first}", pages, gold, scorer, work)
        lines.append(f"| {label} | {cell(result['entities'])} | {cell(result['relations'])} | "
                     f"{len(result['boilerplate_leaks'])} | {result['duplicates']} |")
    return "\n".join(lines)


def cell(figures: dict) -> str:
    return f"{figures['p']:.2f} / {figures['r']:.2f} / {figures['f1']:.2f}"


def tables(results: dict[str, dict]) -> str:
    sets = list(results)
    lines = ["| class (P / R / F1) | " + " | ".join(sets) + " |", "|---|" + "---|" * len(sets)]
    lines.append("| **all entities** | " + " | ".join(cell(r["entities"]) for r in results.values()) + " |")
    for cls in CLASSES:
        lines.append(f"| {cls} | " + " | ".join(cell(r["per_type"][cls]) for r in results.values()) + " |")
    lines.append("| **all relations** | " + " | ".join(cell(r["relations"]) for r in results.values()) + " |")
    for rel in RELATIONS:
        lines.append(f"| {rel} | " + " | ".join(cell(r["per_relation"][rel]) for r in results.values()) + " |")
    lines.append("| boilerplate leaks | " + " | ".join(str(len(r["boilerplate_leaks"])) for r in results.values()) + " |")
    lines.append("| unmerged duplicates | " + " | ".join(str(r["duplicates"]) for r in results.values()) + " |")
    lines.append("| hierarchy completion | " + " | ".join(str(r["hierarchy_completion"]) for r in results.values()) + " |")
    for field, _ in METADATA:
        lines.append(f"| metadata: {field} as stated (pages) | " + " | ".join(
            "{} / {}".format(*r["metadata"][field]) if "metadata" in r else "" for r in results.values()) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--readme", action="store_true", help="also write the table into README.md")
    parser.add_argument("--batches", action="store_true", help="also score each held-out batch built alone")
    args = parser.parse_args(argv)
    scorer = args.shared / "tools" / "kgscore.py"
    if not scorer.exists():
        print(f"skipped: no reference scorer at {scorer} (the shared folder is not beside this clone)")
        return 0
    sets = [(name, place(pages, args.shared), place(gold, args.shared)) for name, pages, gold in SETS]
    with tempfile.TemporaryDirectory() as work:
        results = {name: score(name, pages, gold, scorer, Path(work))
                   for name, pages, gold in sets if pages.exists() and gold.exists()}
        batches = batch_rows(scorer, Path(work)) if args.batches else None
    for name, pages, gold in sets:
        if name in results:
            results[name]["metadata"] = metadata_agreement(pages, gold)
    table = tables(results)
    print(table)
    if batches:
        print()
        print(batches)
    if args.readme:
        write_readme(table)
    return 0


def write_readme(table: str, readme: Path = README) -> None:
    """Replace the table between the README's markers (and nothing else); no markers, no change."""
    text = readme.read_text(encoding="utf-8")
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"{readme} has no {START} … {END} section to replace")
    readme.write_text(f"{before}{START}\n{table}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
