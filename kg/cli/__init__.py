"""The ``kg`` command line: ``commands`` (one typer command per library call), ``progress``
(the build's progress bar) and ``summary`` (what a build prints when it ends)."""
from kg.cli.commands import app

__all__ = ["app"]
