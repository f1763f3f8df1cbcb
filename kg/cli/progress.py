"""A rich progress bar on stderr for ``kg build`` (CLI only: the library never prints)."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from kg.cli.terminal import printable


class BuildProgress:
    """Context manager whose ``update(done, total, source)`` advances a bar of input files.

    The bar shows only on a terminal, and only once the first file is done:
    an error found before any work (a refused --out) stays one line, and a
    log file gets no bar fragments.
    """

    def __init__(self, console: Console):
        self._shown = console.is_terminal
        self._progress = Progress(
            TextColumn("reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            TextColumn("{task.description}", style="dim"),
            console=console,
            transient=True,
        )
        self._task = None

    def __enter__(self) -> "BuildProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self._task is not None:
            self._progress.__exit__(*exc)

    def update(self, done: int, total: int, source: str) -> None:
        if not self._shown:
            return
        if self._task is None:
            self._progress.__enter__()
            self._task = self._progress.add_task("", total=total)
        self._progress.update(self._task, completed=done, total=total, description=printable(source[-40:]))
