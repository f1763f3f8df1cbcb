"""Where the per-file work runs: in this process, or on a local pool of worker processes.

A runner is ``runner(work, paths)``: it yields ``work(path)`` for every path,
in the order given, wherever it computes them; ``kg.pipeline`` hands it the
files its cache does not answer. ``work`` is ``kg.pipeline.process_file``
with its options bound: pure and picklable, so the same contract fits a
cluster runner (each worker process builds its own jieba tokenizer).
"""
from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kg.cache import ArticleResult
from kg.model import Skipped

# What one input file gives: its articles' results or skips, and the seconds per stage.
FileOutcome = tuple[list[Skipped | ArticleResult], dict[str, float]]
Runner = Callable[[Callable[[Path], FileOutcome], Sequence[Path]], Iterator[FileOutcome]]


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the main process alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# Below this many files a process pool costs more to start than it saves.
MIN_FILES_PER_WORKER = 20


def worker_count(jobs: int, files: int) -> int:
    """``jobs`` workers, or with 0 as many as there are cores and files to share."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER if jobs > 1 else 1))


def local_runner(jobs: int) -> Runner:
    """In this process, or on a local process pool of ``jobs`` workers (0: one per core)."""

    def run(work: Callable[[Path], FileOutcome], paths: Sequence[Path]) -> Iterator[FileOutcome]:
        workers = worker_count(jobs, len(paths))
        if workers == 1:
            yield from map(work, paths)
            return
        with ProcessPoolExecutor(workers, initializer=_ignore_interrupts) as pool:
            try:
                yield from pool.map(work, paths, chunksize=8)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)

    return run


