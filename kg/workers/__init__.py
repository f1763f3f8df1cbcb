"""Where the per-file work of a build runs: a local process pool, or a Dask cluster.

One interface for both: ``map_files(work, files, jobs=…, scheduler=…)`` is a
context manager whose value iterates over ``work(file)`` for every file, in
input order, so the build's output cannot depend on where the work ran.
``local`` is the default and needs nothing beyond the standard library;
``cluster`` sends each file's bytes to an existing Dask scheduler and is
used only when a scheduler address is given (its ``distributed`` import
happens then, so a local build never imports dask).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TypeVar

from kg.workers.cluster import map_on_cluster
from kg.workers.local import map_locally

Result = TypeVar("Result")


def map_files(
    work: Callable[[Path], Result],
    files: Sequence[Path],
    *,
    jobs: int = 1,
    scheduler: str | None = None,
) -> AbstractContextManager[Iterator[Result]]:
    """``work`` over ``files``, results in input order: on the Dask ``scheduler`` when given, else on ``jobs`` local processes.

    ``work`` must be picklable (a module-level function or a ``functools.partial``
    of one) and, for a cluster, must take the path of a file it reads itself:
    the cluster runner gives it a copy of the client's file on the worker.
    """
    if scheduler:
        return map_on_cluster(work, files, scheduler)
    return map_locally(work, files, jobs)


__all__ = ["map_files", "map_locally", "map_on_cluster"]
