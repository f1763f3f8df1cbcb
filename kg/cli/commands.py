"""The ``kg`` command line: a thin skin over the library.

Each command builds its arguments, calls one library function, and prints
what it returns. Library errors become one ``Error: ...`` line on stderr and
exit status 1; progress and summaries go to stderr through rich, results of
queries to stdout.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from kg.errors import KgError
from kg.rdf.export import RDF_FORMATS
from kg.outdir import show_path
from kg.cli.terminal import printable
from kg.prepare.read import DEFAULT_MAX_ARTICLE_MB

app = typer.Typer(
    name="kg",
    help="Build a knowledge graph of Chinese news on grassroots party-building and community governance.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)

OutDir = Annotated[Path, typer.Option("--out", "-o", help="Folder of a built graph.")]


# The exit status of a command stopped by Ctrl-C, as a shell reports it (128 + SIGINT).
INTERRUPTED = 130


def say(text: str) -> None:
    """One line on stderr, with any control character an article or path carried shown escaped."""
    stderr.print(printable(text), markup=False, highlight=False, soft_wrap=True)


@contextmanager
def one_line_errors(interrupted: str = "Interrupted.") -> Iterator[None]:
    """Library errors become one ``Error: ...`` line and exit 1; Ctrl-C one line and exit 130."""
    try:
        yield
    except KgError as error:
        say(f"Error: {error}")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        say(interrupted)
        raise typer.Exit(INTERRUPTED) from None


@app.command()
def build(
    inputs: Annotated[
        list[Path], typer.Argument(help="Article files or folders (walked recursively).", show_default=False, metavar="INPUT")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the outputs into.")] = Path("exports"),
    rdf_format: Annotated[
        str, typer.Option("--format", help="Also write the graph as nt or json-ld (graph.ttl is always written).")
    ] = "turtle",
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes; 0 uses every core on large corpora.")
    ] = 0,
    max_article_mb: Annotated[
        float,
        typer.Option("--max-article-mb", min=0.001, help="Skip (and report) any article larger than this."),
    ] = DEFAULT_MAX_ARTICLE_MB,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run the per-article work on the Dask cluster of this scheduler (tcp://HOST:PORT) instead of --jobs.",
            show_default=False,
        ),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Read and extract every article again, ignoring the build cache.")
    ] = False,
) -> None:
    """Read every article under INPUTS and write the knowledge graph and its views into --out.

    --out is replaced only when it is new, empty, or an earlier kg build (it
    carries kg-build.json); kg refuses any other folder, a file, or a folder
    that holds or lies inside the inputs. Files an earlier build of the same
    --out has read are taken from its cache, the hidden folder .OUT.kg-cache
    beside --out; the graph is the same either way.

    Example: kg build seeds --out exports
    """
    from kg.pipeline import build as build_graph
    from kg.cli.progress import BuildProgress
    from kg.cli.summary import print_summary

    if rdf_format not in RDF_FORMATS:
        raise typer.BadParameter(f"must be one of {', '.join(RDF_FORMATS)}", param_hint="--format")
    with one_line_errors(f"Interrupted; {show_path(out)} left as it was."):
        with BuildProgress(stderr) as progress:
            result = build_graph(
                inputs,
                out,
                progress=progress.update,
                rdf_format=rdf_format,
                jobs=jobs,
                max_article_mb=max_article_mb,
                scheduler=scheduler,
                rebuild=rebuild,
            )
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
    from kg.tools.query import format_result, run_query

    if output_format not in ("table", "csv", "json"):
        raise typer.BadParameter("must be table, csv or json", param_hint="--format")
    with one_line_errors():
        result = run_query(sparql, out)
        text = format_result(result, output_format)
    # A table is for the terminal; CSV and JSON are data and stay as they are.
    typer.echo("\n".join(map(printable, text.split("\n"))) if output_format == "table" else text, nl=False)


@app.command()
def validate(
    out_dir: Annotated[Path, typer.Argument(help="Folder of a built graph.")] = Path("exports"),
) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl, one line per violation.

    Example: kg validate exports
    """
    from kg.tools.validate import validate_graph

    with one_line_errors():
        violations = validate_graph(out_dir)
    for line in violations:
        typer.echo(printable(line))
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
    from kg.tools.evaluate import format_scores, score_dir

    with one_line_errors():
        scores = score_dir(out, gold_dir)
    report = format_scores(scores, as_json=as_json, verbose=verbose)
    typer.echo(report if as_json else "\n".join(map(printable, report.split("\n"))))


@app.command()
def bench(
    articles: Annotated[
        int | None,
        typer.Option("--articles", "-n", help="How many synthetic articles to build (default 500).", show_default=False),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option("--corpus", help="Measure this folder of articles instead of a synthetic corpus.", show_default=False),
    ] = None,
) -> None:
    """Build a corpus and segment it with bare jieba lcut: seconds per stage, their ratio, CPU and peak RSS.

    Example: kg bench --articles 1000
    """
    from kg.tools.bench import run_bench

    if articles is not None and corpus is not None:
        raise typer.BadParameter("give either --articles or --corpus, not both", param_hint="--corpus")
    with one_line_errors():
        typer.echo(run_bench(500 if articles is None else articles, progress=stderr, corpus=corpus))


def main() -> None:  # pragma: no cover - console entry
    app()
