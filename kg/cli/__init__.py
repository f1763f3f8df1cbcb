"""The ``kg`` command line: ``commands`` (one typer command per library call), ``progress``
(the build's progress bar) and ``summary`` (what a build prints when it ends)."""
import atexit
import os
import sys
import threading

from kg.cli.commands import app
from kg.heap import fewer_collections

__all__ = ["app", "main"]


def main() -> None:
    """The ``kg`` script (and ``python -m kg``): the app, then an exit that does not free the heap.

    A build leaves millions of objects (the corpus tables, the analysis); freeing them one by one when the
    interpreter shuts down cost 0.15-0.25 s of CPU after a rebuild of ten articles at 1,000 (alternated runs,
    2026-12-04), work nobody sees. Once the command has returned, its files are written and closed, so the
    exit handlers run (temporary files, logging) and the process ends. With other threads still alive,
    or a status that is not a number, the interpreter exits as usual.
    """
    try:
        # What the command imports (the build's stages) and makes lives until it ends: collected less often
        # (kg.heap.fewer_collections; the build itself runs so too).
        with fewer_collections():
            app(prog_name="kg")
        status = 0
    except SystemExit as done:
        status = done.code
        if status is None:
            status = 0
        if not isinstance(status, int) or threading.active_count() > 1:
            raise
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os._exit(status)
