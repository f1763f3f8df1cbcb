"""The one-screen summary printed after ``kg build``."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from kg.outdir import show_path
from kg.pipeline import BuildResult
from kg.cli.terminal import printable


def print_summary(console: Console, result: BuildResult) -> None:
    report = result.report
    console.print(
        f"Built {printable(show_path(result.out_dir))}/: {len(report.articles)} article(s) read, "
        f"{len(report.skipped)} skipped, {result.triples} triples"
        + (f"; {result.reused} file(s) unchanged since the last build, taken from its cache." if result.reused else "."),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )
    if report.skipped:
        console.print("Skipped:", markup=False)
        for item in report.skipped[:20]:
            console.print(f"  {printable(item.source)}: {printable(item.reason)}", markup=False, highlight=False, soft_wrap=True)
        if len(report.skipped) > 20:
            console.print(f"  … and {len(report.skipped) - 20} more (see report.json)", markup=False)
    table = Table("class", "entities", box=None, pad_edge=False)
    for cls, count in report.entity_counts:
        table.add_row(cls, str(count))
    console.print(table)
