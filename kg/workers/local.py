"""The local runner: the per-file work on a pool of processes on this machine (``--jobs``)."""
from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

Result = TypeVar("Result")

# Below this many files a process pool costs more to start than it saves.
MIN_FILES_PER_WORKER = 20
# Files handed to a worker process at a time: fewer round trips, still in order.
CHUNK_FILES = 8


def worker_count(jobs: int, files: int) -> int:
    """``jobs`` workers, or with 0 as many as there are cores and files to share."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, files // MIN_FILES_PER_WORKER if jobs > 1 else 1))


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the main process alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def map_locally(work: Callable[[Path], Result], files: Sequence[Path], jobs: int = 1) -> Iterator[Iterator[Result]]:
    """``work`` over ``files`` in input order, in this process or on a pool of ``worker_count`` processes."""
    workers = worker_count(jobs, len(files))
    pool = ProcessPoolExecutor(workers, initializer=_ignore_interrupts) if workers > 1 else None
    try:
        yield pool.map(work, files, chunksize=CHUNK_FILES) if pool else map(work, files)
    finally:
        if pool:
            pool.shutdown(wait=True, cancel_futures=True)
