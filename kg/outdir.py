"""The output folder: what ``kg build`` may replace, and replacing it whole.

A build is written into a hidden staging folder beside ``--out`` and then
swapped in, so a failed or interrupted build leaves the old folder as it
was. Every folder kg writes carries a small manifest (``kg-build.json``,
naming kg and its version); kg replaces ``--out`` only when it is absent,
an empty folder, or carries that manifest. It never deletes or moves a
user's file, a folder of other files, or an input.

The swap is one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, so at every
instant ``--out`` holds either the old build or the new one. Where the
kernel or file system lacks it, two renames are used, and a build that died
between them is put back by the next build of the same ``--out``.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import errno
import json
import os
import re
import secrets
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError
from kg.version import __version__

MANIFEST = "kg-build.json"
GENERATOR = "kg"
# Staging and set-aside folders are hidden siblings of --out, named after it and
# the process that made them, so a later build can tell a dead build's leftovers
# from a build still running.
_STAGING = "kg-staging"
_OLD = "kg-old"
_LEFTOVER = re.compile(rf"\.(?P<name>.+)\.(?P<what>{_STAGING}|{_OLD})-(?P<pid>\d+)-[0-9a-f]+\Z")


def manifest_text() -> str:
    return json.dumps({"generator": GENERATOR, "version": __version__}, indent=1) + "\n"


def is_kg_build(folder: Path) -> bool:
    """True when ``folder`` carries kg's manifest: a folder kg built and may replace."""
    try:
        with open(Path(folder) / MANIFEST, encoding="utf-8") as handle:
            manifest = json.load(handle)
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("generator") == GENERATOR


def check_out_dir(out_dir: Path, inputs: Sequence[Path]) -> Path:
    """The real path of ``out_dir`` once it is safe to replace; raises ``OutputError`` saying why not."""
    real = Path(os.path.realpath(out_dir))
    shown = show_path(out_dir)
    if real.exists() and not real.is_dir():
        raise OutputError(f"--out {shown} is a file, not a folder: choose a folder for the outputs")
    for given in inputs:
        source = Path(os.path.realpath(given))
        if source == real:
            raise OutputError(f"--out {shown} is one of the inputs: write the outputs to another folder")
        if source.is_dir() and real.is_relative_to(source):
            raise OutputError(
                f"--out {shown} is inside the input {show_path(given)}: write the outputs outside the inputs"
            )
        if source.is_relative_to(real):
            raise OutputError(
                f"--out {shown} contains the input {show_path(given)}: write the outputs to another folder"
            )
    if real.is_dir() and not is_kg_build(real) and _has_entries(real):
        raise OutputError(
            f"--out {shown} is a folder that kg did not build ({MANIFEST} is missing) and it is not empty: "
            "kg replaces only its own output folders; choose a new or empty folder"
        )
    return real


def _has_entries(folder: Path) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(True for _ in entries)
    except OSError as error:
        raise OutputError(f"cannot list --out {show_path(folder)}: {error.strerror or error}") from None


def show_path(path: Path | str) -> str:
    """A path as text that can always be printed and stored: undecodable bytes as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@contextmanager
def replacing(out_dir: Path) -> Iterator[Path]:
    """Yield a marked, empty staging folder beside ``out_dir``; on success it becomes ``out_dir``.

    ``out_dir`` must have passed ``check_out_dir``. On any failure (or Ctrl-C)
    the staging folder is removed and ``out_dir`` keeps its old files.
    """
    parent = out_dir.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        recover_leftovers(out_dir)
        staging = _sibling(out_dir, _STAGING)
        staging.mkdir()
        (staging / MANIFEST).write_text(manifest_text(), encoding="utf-8")
    except OSError as error:
        raise OutputError(f"cannot write beside --out {show_path(out_dir)}: {error.strerror or error}") from None
    try:
        yield staging
        staging.chmod(0o755)  # mkdir honours the umask; an export folder is for sharing
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)  # _swap_in leaves ``staging`` ours whenever it raises
        raise


def _sibling(out_dir: Path, what: str) -> Path:
    return out_dir.parent / f".{out_dir.name}.{what}-{os.getpid()}-{secrets.token_hex(4)}"


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Make ``staging`` the new ``out_dir`` and delete what was there.

    When it raises, nothing has changed: ``staging`` still holds the new
    build and ``out_dir`` the old one.
    """
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    if exchange(staging, out_dir):
        if not _remove_replaced(staging):
            exchange(staging, out_dir)  # files appeared in the empty --out meanwhile: put them back
            raise OutputError(f"--out {show_path(out_dir)} was changed during the build: run it again")
        return
    old = _sibling(out_dir, _OLD)
    os.rename(out_dir, old)
    try:
        os.rename(staging, out_dir)
    except BaseException:
        os.rename(old, out_dir)
        raise
    _remove_replaced(old)


def _remove_replaced(folder: Path) -> bool:
    """Delete what was at --out before, which is only ever an earlier kg build or an empty folder."""
    if is_kg_build(folder):
        shutil.rmtree(folder, ignore_errors=True)
        return True
    try:
        os.rmdir(folder)
    except OSError:
        return False
    return True


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths with Linux's renameat2; False where that is not available."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel or a file system without exchange: fall back to two renames
    raise OSError(code, os.strerror(code), str(b))


def _renameat2():
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        function = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def recover_leftovers(out_dir: Path) -> None:
    """Clean up after builds of ``out_dir`` that were killed: drop their staging, restore a set-aside build."""
    for leftover, what in _leftovers(out_dir):
        if what == _OLD and not out_dir.exists():
            os.rename(leftover, out_dir)  # killed between the two renames: put the old build back
        else:
            shutil.rmtree(leftover, ignore_errors=True)


def _leftovers(out_dir: Path) -> list[tuple[Path, str]]:
    found = []
    try:
        names = sorted(os.listdir(out_dir.parent))
    except OSError:
        return []
    for name in names:
        match = _LEFTOVER.match(name)
        if not match or match["name"] != out_dir.name or _alive(int(match["pid"])):
            continue
        path = out_dir.parent / name
        if path.is_dir() and not path.is_symlink() and is_kg_build(path):
            found.append((path, match["what"]))
    # A set-aside old build is restored before stale staging folders are removed.
    return sorted(found, key=lambda item: item[1] != _OLD)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own pid in a leftover name: a dead process whose pid was reused by us
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
