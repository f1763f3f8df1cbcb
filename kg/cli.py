"""The ``kg`` command line: a thin skin over the library.

Each command builds its arguments, calls one library function, and prints
what it returns. Library errors become one ``Error: ...`` line on stderr and
exit status 1; progress and summaries go to stderr through rich, results of
queries to stdout.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.errors import KgError

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of Chinese news on grassroots party-building and community governance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)

OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder of a built graph.")]


def fail(error: Exception) -> typer.Exit:
    stderr.print(f"Error: {error}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(1)


@app.command()
def build(
    inputs: Annotated[
        list[Path], typer.Argument(help="Article files or folders (walked recursively).", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the outputs into.")] = Path("exports"),
    rdf_format: Annotated[
        str, typer.Option("--format", help="Graph file format: turtle, nt or json-ld.")
    ] = "turtle",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 uses every core on large corpora.")
    ] = 0,
) -> None:
    """Read every article under INPUTS and write the knowledge graph and its views into --out.

    Example: kg build seeds --out exports
    """
    from kg.pipeline import build as build_graph
    from kg.progress import BuildProgress
    from kg.summary import print_summary

    try:
        with BuildProgress(stderr) as progress:
            result = build_graph(inputs, out, progress=progress.update, rdf_format=rdf_format, jobs=jobs)
    except KgError as error:
        raise fail(error) from None
    print_summary(stderr, result)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="SPARQL query text, or the path of a .rq file.")],
    out: OutDir = Path("exports"),
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="Output format: table, csv or json.")
    ] = "table",
) -> None:
    """Run a SPARQL query over the graph built in --out.

    Example: kg query queries/who_leads_what.rq --format csv
    """
    from kg.query import format_result, run_query

    if output_format not in ("table", "csv", "json"):
        raise typer.BadParameter("must be table, csv or json", param_hint="--format")
    try:
        result = run_query(sparql, out)
        typer.echo(format_result(result, output_format), nl=False)
    except KgError as error:
        raise fail(error) from None


@app.command()
def validate(
    out_dir: Annotated[Path, typer.Argument(help="Folder of a built graph.")] = Path("exports"),
) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl, one line per violation.

    Example: kg validate exports
    """
    from kg.validate import validate_graph

    try:
        violations = validate_graph(out_dir)
    except KgError as error:
        raise fail(error) from None
    for line in violations:
        typer.echo(line)
    if violations:
        stderr.print(f"{len(violations)} violation(s)", markup=False)
        raise typer.Exit(1)
    stderr.print("The graph conforms to the shapes.", markup=False)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold annotations (*.json, see docs/gold-format.md).")],
    out: OutDir = Path("exports"),
    as_json: Annotated[bool, typer.Option("--json", help="Print the full scores as JSON.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List misses and false positives.")] = False,
) -> None:
    """Score the graph built in --out against gold annotations of its articles.

    Example: kg eval my_gold --out exports
    """
    from kg.evaluate import format_scores, score_dir

    try:
        scores = score_dir(out, gold_dir)
    except KgError as error:
        raise fail(error) from None
    typer.echo(format_scores(scores, as_json=as_json, verbose=verbose))


@app.command()
def bench(
    articles: Annotated[int, typer.Option("--articles", "-n", help="How many synthetic articles to build.")] = 500,
) -> None:
    """Time each stage on a synthetic corpus made from the seeds, and print the figures.

    Example: kg bench --articles 1000
    """
    from kg.bench import run_bench

    try:
        typer.echo(run_bench(articles, progress=stderr))
    except KgError as error:
        raise fail(error) from None


def main() -> None:  # pragma: no cover - console entry
    app()
