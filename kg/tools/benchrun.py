"""The build run of ``kg bench``, in a process of its own: ``python -c BUILD_RUN CORPUS OUT REPORT``.

A module apart from ``kg.tools.bench`` so that the measured process loads
what a build loads and nothing of the benchmark's own: importing the bench
module would also import its console and, through the baseline's module,
jieba and ``pkg_resources`` (about 0.1 s of CPU that ``kg build`` never
spends, counted as the build's).
"""
from __future__ import annotations

import json
from pathlib import Path

from kg.errors import KgError
from kg.pipeline import build

# How the build run is started: ``[sys.executable, "-c", BUILD_RUN, CORPUS, OUT, REPORT]``.
BUILD_RUN = "import sys; from kg.tools.benchrun import build_run; build_run(*sys.argv[1:])"


def build_run(corpus: str, out: str, report: str) -> None:
    """Build on one process, write the figures (or the error) to ``report``."""
    try:
        result = build([Path(corpus)], Path(out), jobs=1)
    except KgError as error:
        figures: dict = {"error": str(error)}
    else:
        figures = {
            "articles": len(result.report.articles),
            "skipped": len(result.report.skipped),
            "triples": result.triples,
            "timings": [list(pair) for pair in result.timings],
        }
    Path(report).write_text(json.dumps(figures), "utf-8")
