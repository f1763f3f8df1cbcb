"""The cluster runner: the per-file work on an existing Dask cluster (``kg build --scheduler tcp://HOST:PORT``).

Workers may run on other machines that do not see the client's files, so the
client reads each file and sends its bytes with the path it shows
(``kg.prepare.read.FileData``); the work reads them as it would read the
file. Files that cannot be sent as bytes (folders that could not be listed,
special files, unsupported types) are handed to the work on the client
itself: they become the same ``Skipped`` reasons as in a local build.

Results come back in input order, with a bounded number of tasks in flight,
so memory on the client does not grow with the corpus. Cluster failures are
one ``ClusterError`` each: an unreachable scheduler (before any work), no
worker connected, a worker without kg or with another version of it, a task
whose workers keep dying, a lost scheduler. An error raised by the work
itself is re-raised as it is, as it would be locally.

``distributed`` is imported only when a scheduler is given: it is the
optional extra ``kg[distributed]``, and a local build must not need or load it.
"""
from __future__ import annotations

import logging
import re
import socket
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from kg.errors import ClusterError
from kg.outdir import show_path
from kg.prepare.read import FileData, file_data
from kg.version import __version__

Result = TypeVar("Result")

CONNECT_SECONDS = 10  # to reach the scheduler
WAIT_FOR_WORKER_SECONDS = 60  # for a first worker, or for one to come back when all have gone
POLL_SECONDS = 2  # how often a wait checks that workers are still there
# A task is a batch of consecutive files: per-task overhead is a few ms, an article takes tens.
BATCH_FILES = 16
BATCH_BYTES = 8_000_000
TASKS_PER_THREAD = 3  # tasks in flight per worker thread: workers stay busy, memory stays bounded
# What ``dask scheduler`` listens on: TCP, plain or TLS. A bracketed host is IPv6.
SCHEDULER_ADDRESS = re.compile(r"(?P<scheme>tcp|tls)://(?P<host>\[[0-9a-fA-F:.]+\]|[^\s/:\[\]]+):(?P<port>\d{1,5})/?")


def copy_of(path: Path) -> FileData | None:
    """The file's bytes to send, or None when the client should hand the path to the work itself."""
    data = file_data(path)
    return data if isinstance(data, FileData) else None  # what cannot be read is reported by the work, locally


def run_copies(work: Callable[[FileData], Result], copies: Sequence[FileData]) -> list[Result]:
    """On a worker: ``work`` on each file's bytes (it reports the client's path, which each copy carries)."""
    return [work(copy) for copy in copies]


def installed_kg_version() -> str:
    """The kg version where this runs (on a worker: the worker's own)."""
    return __version__


def import_distributed() -> ModuleType:
    try:
        import distributed  # the optional extra; imported only for a cluster build
    except ImportError:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'kg[distributed]'") from None
    return distributed


def check_reachable(scheduler: str) -> None:
    """Fail fast, with the reason, when nothing listens at the scheduler's address."""
    match = SCHEDULER_ADDRESS.fullmatch(scheduler)
    if not match:
        raise ClusterError(f"--scheduler {scheduler!r} is not a Dask scheduler address: give tcp://HOST:PORT")
    host, port = match["host"].strip("[]"), int(match["port"])
    try:
        socket.create_connection((host, port), timeout=CONNECT_SECONDS).close()
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler} ({reason}): "
            "check the address and that `dask scheduler` runs there"
        ) from None


def connect(distributed: ModuleType, scheduler: str):
    """A client of the scheduler, and its worker threads, once it answers and has a worker that runs this kg version."""
    check_reachable(scheduler)
    try:
        client = distributed.Client(scheduler, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        raise ClusterError(
            f"cannot connect to the Dask scheduler at {scheduler} ({type(error).__name__}: {error}): "
            "is it a Dask scheduler of a compatible version?"
        ) from None
    try:
        return client, check_workers(client, scheduler)
    except BaseException:
        client.close()
        raise


def check_workers(client, scheduler: str) -> int:
    """The number of worker threads, once the workers are there and run this kg version."""
    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKER_SECONDS)
    except TimeoutError:
        raise ClusterError(
            f"no Dask worker joined the scheduler at {scheduler} within {WAIT_FOR_WORKER_SECONDS} s: "
            f"start workers with `dask worker {scheduler}`"
        ) from None
    try:
        versions = client.run(installed_kg_version)
    except Exception as error:  # noqa: BLE001 - whatever a worker fails with, the fix is the same
        raise ClusterError(
            f"a Dask worker cannot run kg ({type(error).__name__}: {error}): "
            f"install kg {__version__} with `pip install 'kg[distributed]'` on every worker"
        ) from None
    wrong = sorted(f"{worker} has {version}" for worker, version in versions.items() if version != __version__)
    if wrong:
        raise ClusterError(
            f"Dask workers run another kg version than this client's {__version__} ({'; '.join(wrong)}): "
            "install the same version everywhere, or the output would depend on where an article ran"
        )
    return sum(client.nthreads().values())


def batches(files: Sequence[Path]) -> Iterator[list[Path]]:
    """Consecutive files, at most ``BATCH_FILES`` or about ``BATCH_BYTES`` at a time."""
    batch: list[Path] = []
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:
            pass
        batch.append(path)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@contextmanager
def map_on_cluster(work: Callable[[Path], Result], files: Sequence[Path], scheduler: str) -> Iterator[Iterator[Result]]:
    """``work`` over ``files`` on the Dask cluster behind ``scheduler``, results in input order.

    Connects on entry (``ClusterError`` before any work when the scheduler
    cannot be reached or has no usable worker); cancels what is left on exit.
    """
    distributed = import_distributed()
    with quiet_dask_logs():
        client, threads = connect(distributed, scheduler)
        pending: deque = deque()
        in_flight = max(2, TASKS_PER_THREAD * threads)
        try:
            yield _ordered_results(distributed, client, scheduler, work, files, pending, in_flight)
        finally:
            try:
                client.cancel([future for _, _, future in pending if future is not None])
            except Exception:  # noqa: BLE001 - the scheduler may be gone already; nothing is left to cancel then
                pass
            client.close(timeout=CONNECT_SECONDS)


@contextmanager
def quiet_dask_logs() -> Iterator[None]:
    """Keep the client's own log records (tracebacks of lost connections) off the terminal.

    Whatever goes wrong reaches the user as one ``ClusterError`` instead; the
    workers' and the scheduler's logs stay where they are.
    """
    # Dask's configuration gives its loggers levels of their own, so each is switched off, not the parent.
    names = [n for n in list(logging.root.manager.loggerDict) if n == "distributed" or n.startswith("distributed.")]
    loggers = [logging.getLogger(name) for name in names]
    was = [logger.disabled for logger in loggers]
    for logger in loggers:
        logger.disabled = True
    try:
        yield
    finally:
        for logger, disabled in zip(loggers, was):
            logger.disabled = disabled


def _ordered_results(distributed, client, scheduler, work, files, pending: deque, in_flight: int) -> Iterator:
    for batch in batches(files):
        copies = [copy_of(path) for path in batch]
        sent = [copy for copy in copies if copy is not None]
        try:
            future = client.submit(run_copies, work, sent, pure=False) if sent else None
        except (OSError, CancelledError):
            raise ClusterError(f"lost the connection to the Dask scheduler at {scheduler}") from None
        pending.append((batch, copies, future))
        while len(pending) >= in_flight:
            yield from _finish(distributed, client, scheduler, work, *pending.popleft())
    while pending:
        yield from _finish(distributed, client, scheduler, work, *pending.popleft())


def _finish(distributed, client, scheduler, work, batch, copies, future) -> Iterator:
    remote = iter(_result(distributed, client, scheduler, future, batch) if future is not None else ())
    for path, copy in zip(batch, copies):
        yield next(remote) if copy is not None else work(path)


def _result(distributed, client, scheduler: str, future, batch: list[Path]) -> list:
    """The future's result, watching that the cluster can still deliver it."""
    without_workers_since = None
    while True:
        try:
            return future.result(timeout=POLL_SECONDS)
        except distributed.KilledWorker:
            raise ClusterError(
                f"Dask workers died while extracting {show_path(batch[0])} "
                f"and {len(batch) - 1} file(s) after it (see the workers' logs: out of memory?)"
            ) from None
        except TimeoutError:
            if future.status == "error":
                raise
            without_workers_since = _check_alive(client, scheduler, without_workers_since)
        except (CancelledError, OSError):
            if future.status == "error":
                raise  # the work itself failed: as it would locally
            raise ClusterError(f"lost the connection to the Dask scheduler at {scheduler}") from None


def _check_alive(client, scheduler: str, since: float | None) -> float | None:
    try:
        workers = client.nthreads()
    except (OSError, CancelledError, TimeoutError):
        raise ClusterError(f"lost the connection to the Dask scheduler at {scheduler}") from None
    if workers:
        return None
    now = time.monotonic()
    if since is not None and now - since > WAIT_FOR_WORKER_SECONDS:
        raise ClusterError(
            f"every Dask worker left the scheduler at {scheduler} and none came back "
            f"within {WAIT_FOR_WORKER_SECONDS} s: restart them with `dask worker {scheduler}`"
        )
    return since if since is not None else now
