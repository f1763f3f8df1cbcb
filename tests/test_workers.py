"""Where the per-file work runs: the local pool and a real Dask cluster give the same build."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.pipeline as pipeline
from kg.cli.commands import app
from kg.errors import ClusterError
from kg.model import ArticleMetadata, ArticleSummary, Skipped
from kg.workers import cluster, map_files
from kg.prepare.read import read_file
from kg.workers.cluster import batches, copy_of
from kg.workers.local import worker_count

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()


def mixed_corpus(folder: Path) -> Path:
    """Seed variants plus inputs every build must skip, each for its own reason."""
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(9):
        (folder / f"a{i:03d}.txt").write_text(f"{seeds[i % len(seeds)].read_text('utf-8')}\n第{i}号补充说明。\n", "utf-8")
    (folder / "copy.txt").write_bytes((folder / "a000.txt").read_bytes())  # a duplicate
    (folder / "empty.txt").write_text("  \n", "utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")  # unsupported: stays on the client
    (folder / "feed.jsonl").write_text('{"text": "第一行没有标题"}\n{"title": "no text"}\nnot json\n', "utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "page.html").write_text("<html><body><p>短</p></body></html>", "utf-8")
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ------------------------------------------------------------------ without a cluster
@pytest.mark.parametrize(
    "jobs, files, cores, workers",
    [
        (1, 1000, 8, 1),  # --jobs 1: this process alone
        (2, 40, 8, 2),  # 20 files for each of two workers
        (2, 39, 8, 1),  # too few files to share: a pool would cost more than it saves
        (4, 60, 8, 3),  # no more workers than there are 20-file shares
        (16, 10_000, 8, 16),  # --jobs is obeyed above the number of cores
        (0, 10_000, 8, 8),  # --jobs 0: every core
        (0, 100, 8, 5),
        (0, 10, 8, 1),
        (0, 10_000, None, 1),  # the number of cores unknown: one
    ],
)
def test_worker_count_shares_files_in_twenties_up_to_the_jobs_asked_for(monkeypatch, jobs, files, cores, workers):
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert worker_count(jobs, files) == workers


def test_a_file_sent_as_bytes_reads_as_the_file_itself(tmp_path):
    """What a worker on another machine gets (the bytes and the client's path) gives what the path gives."""
    corpus = mixed_corpus(tmp_path / "corpus")
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        sent = copy_of(path)
        if sent is None:  # not sent: the client reads it itself
            assert path.suffix == ".pdf"
            continue
        assert read_file(sent) == read_file(path), path
        assert pipeline.read_and_extract(sent)[0] == pipeline.read_and_extract(path)[0], path


def test_files_go_in_batches_of_consecutive_files(tmp_path, monkeypatch):
    files = []
    for i in range(cluster.BATCH_FILES + 5):
        files.append(tmp_path / f"{i:03d}.txt")
        files[-1].write_bytes(b"x" * 10)
    monkeypatch.setattr(cluster, "BATCH_BYTES", 35)
    sizes = [len(batch) for batch in batches(files)]
    assert sum(sizes) == len(files) and set(sizes) == {4, len(files) % 4} - {0}
    assert [path for batch in batches(files) for path in batch] == files


def test_only_regular_files_of_a_known_type_are_sent(tmp_path):
    (tmp_path / "a.txt").write_text("文", "utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF")
    (tmp_path / "c.txt").mkdir()
    sent = copy_of(tmp_path / "a.txt")
    assert sent.data == "文".encode("utf-8") and sent.suffix == ".txt" and sent.source == str(tmp_path / "a.txt")
    assert copy_of(tmp_path / "b.pdf") is None and copy_of(tmp_path / "c.txt") is None
    assert copy_of(tmp_path / "missing.txt") is None


def test_a_local_build_does_not_import_dask(tmp_path):
    code = (
        "import sys, kg.pipeline as p; "
        f"p.extract_corpus([{str(sorted(SEEDS.glob('*.txt'))[0])!r}], jobs=1); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "address, reason",
    [
        ("nonsense", "is not a Dask scheduler address: give tcp://HOST:PORT"),
        ("http://127.0.0.1:8786", "is not a Dask scheduler address: give tcp://HOST:PORT"),
        ("tcp://127.0.0.1:{port}", "(Connection refused): check the address"),
    ],
)
def test_an_unreachable_scheduler_is_one_error_line_before_any_work(tmp_path, monkeypatch, address, reason):
    pytest.importorskip("distributed", reason="needs dask.distributed: pip install 'kg[distributed]'")
    def no_work(*args):
        raise AssertionError("no article may be read before the scheduler answers")

    monkeypatch.setattr(pipeline, "read_articles", no_work)
    address = address.format(port=free_port())
    out = tmp_path / "out"

    result = runner.invoke(app, ["build", str(SEEDS), "--out", str(out), "--scheduler", address])

    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and reason in lines[0], result.output
    assert not out.exists()


def test_without_distributed_the_error_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(ClusterError, match=r"pip install 'kg\[distributed\]'"):
        with map_files(len, [], scheduler="tcp://127.0.0.1:1"):
            pass


# ----------------------------------------------------------------------- on a cluster
def test_a_cluster_build_is_byte_identical_to_a_local_build(tmp_path, dask_cluster, monkeypatch):
    monkeypatch.setattr(cluster, "BATCH_FILES", 4)  # several batches, spread over both workers
    corpus = mixed_corpus(tmp_path / "corpus")
    local = pipeline.build([corpus], tmp_path / "local", jobs=1)
    # Extraction on the client would fail: on the cluster the workers do it.
    monkeypatch.setattr(pipeline, "process_article", None)

    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "cluster"), "--scheduler", dask_cluster])

    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "report.json", "nodes.csv"):
        assert (tmp_path / "cluster" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    reasons = {Path(s.source).name: s.reason for s in local.report.skipped}
    assert {"copy.txt", "empty.txt", "binary.txt", "notes.pdf"} <= set(reasons)  # the skips were compared too


def test_an_error_of_the_work_itself_is_raised_as_it_is_locally(dask_cluster, tmp_path):
    (tmp_path / "a.txt").write_text("文", "utf-8")

    def fail(path):
        raise ValueError(f"cannot use {path.suffix}")

    for scheduler in (None, dask_cluster):
        with pytest.raises(ValueError, match=r"cannot use \.txt"):
            with map_files(fail, [tmp_path / "a.txt"], scheduler=scheduler) as results:
                list(results)


def test_a_scheduler_without_workers_is_one_error(lonely_scheduler, monkeypatch):
    monkeypatch.setattr(cluster, "WAIT_FOR_WORKER_SECONDS", 1)
    with pytest.raises(ClusterError, match=r"no Dask worker joined the scheduler at tcp://127\.0\.0\.1:\d+ within 1 s"):
        with map_files(len, [], scheduler=lonely_scheduler):
            pass


def test_a_lost_scheduler_is_one_error(doomed_cluster, tmp_path):
    address, processes = doomed_cluster
    (tmp_path / "a.txt").write_text("文", "utf-8")
    with pytest.raises(ClusterError, match=r"^lost the connection to the Dask scheduler at tcp://127\.0\.0\.1:\d+$"):
        with map_files(len, [tmp_path / "a.txt"], scheduler=address) as results:
            processes[0].kill()  # connected, nothing submitted yet
            processes[0].wait()
            list(results)


def test_workers_that_all_leave_are_one_error(doomed_cluster, tmp_path, monkeypatch):
    address, processes = doomed_cluster
    monkeypatch.setattr(cluster, "WAIT_FOR_WORKER_SECONDS", 2)
    (tmp_path / "a.txt").write_text("文", "utf-8")
    with pytest.raises(ClusterError, match=r"every Dask worker left the scheduler at .* none came back within 2 s"):
        with map_files(len, [tmp_path / "a.txt"], scheduler=address) as results:
            for worker in processes[1:]:
                os.killpg(worker.pid, signal.SIGKILL)  # the nanny and its worker process
                worker.wait()
            list(results)


def test_workers_that_keep_dying_are_one_error(dask_cluster, tmp_path):
    # Last of the module: the nannies restart the killed workers, but it takes a while.
    (tmp_path / "a.txt").write_text("文", "utf-8")

    def die(path):
        os._exit(3)

    with pytest.raises(ClusterError, match=r"Dask workers died while extracting .*a\.txt and 0 file\(s\) after it"):
        with map_files(die, [tmp_path / "a.txt"], scheduler=dask_cluster) as results:
            list(results)
