"""Tables kg derives from its data files, kept on disk between processes.

Every process that segments articles first builds the same tables: jieba's
dictionary with kg's user words added and its fused words taken out, jieba's
part-of-speech table, the NBS table of communities. Building them costs about
2.3 s of CPU, a third of a rebuild of a few articles and most of every
worker's start, while loading them ready-made (``marshal``) costs about 0.6 s.

Where: a per-user cache folder, ``$KG_CACHE_DIR`` when set, else
``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg`` — never the package folder,
which may be read-only or shared. One file per table and key,
``NAME-KEY.marshal``; the key is a hash of everything the table is made from
(the caller's data and the code that turns it into the table), so a changed
word list or rule makes a new file and never reads an old one.

Safety: a file starts with a magic line, the CRC-32 of its payload and its
length; one that does not check out (truncated, corrupt, of another format)
is built afresh and replaced. A CRC, not a SHA-256: the check is against
files damaged by accident (whoever can write the folder can write a matching
digest of either kind), and over the four tables a process that works out
articles reads (35 MB) the SHA-256 took 0.03 s of CPU and the CRC 0.005. A folder that cannot be written is no error: the table
is then built in memory as if there were no cache. Files are written to a
temporary name and renamed, so concurrent workers never read half a file.
Only the newest few files of a table are kept.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from kg.version import __version__

T = TypeVar("T")

ENVIRONMENT = "KG_CACHE_DIR"
MAGIC = b"kg-table-cache 2\n"  # then the payload's CRC-32 (4 bytes) and length (8), big-endian
SUFFIX = ".marshal"
# Files kept per table: several installs, branches or versions in use side by side (each with its own key)
# do not evict and rebuild each other's. Worst case about 30 MB per key of all three tables.
KEEP = 8


def cache_folder() -> Path:
    """The per-user folder the tables are kept in (it may not exist yet)."""
    if os.environ.get(ENVIRONMENT):
        return Path(os.environ[ENVIRONMENT])
    if os.environ.get("XDG_CACHE_HOME"):
        return Path(os.environ["XDG_CACHE_HOME"]) / "kg"
    return Path.home() / ".cache" / "kg"


def table_key(parts: Iterable[bytes | str]) -> str:
    """A hash of what a table is made from, with kg's version and marshal's format (a new Python may change it)."""
    # (with the file format: a table another format wrote is another file, not one each rebuilds in turn)
    digest = hashlib.sha256(f"{__version__}\0{marshal.version}\0{sys.version_info[:2]}".encode() + MAGIC)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()[:32]


def load_table(name: str, key: str, build: Callable[[], T], folder: Path | None = None) -> T:
    """The table ``name`` (letters only) made from what ``key`` hashes: read from the cache, else built (and stored).

    ``build`` must return only what marshal stores (dicts, lists, tuples,
    strings, numbers): the table read back is then equal to the one built.
    """
    folder = cache_folder() if folder is None else folder
    path = folder / f"{name}-{key}{SUFFIX}"
    table = _read(path)
    if table is not None:
        return table
    table = build()
    _write(path, table)
    return table


def _read(path: Path):
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 12
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    payload = memoryview(data)[head:]  # (not copied: the tables are 3-14 MB)
    crc, size = int.from_bytes(data[len(MAGIC):len(MAGIC) + 4], "big"), int.from_bytes(data[len(MAGIC) + 4:head], "big")
    if len(payload) != size or zlib.crc32(payload) != crc:
        return None
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None


def _write(path: Path, table) -> None:
    """Store a table; any failure (no folder, no space, read-only) leaves the cache as it was."""
    payload = marshal.dumps(table)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(MAGIC + zlib.crc32(payload).to_bytes(4, "big") + len(payload).to_bytes(8, "big") + payload)
        os.replace(temporary, path)
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return
    _prune(path)


def _prune(kept: Path) -> None:
    """Delete this table's older files beyond the newest KEEP (other keys: older word lists or versions)."""
    table = kept.name[: -len(SUFFIX)].rsplit("-", 1)[0]
    try:
        others = [p for p in kept.parent.glob(f"{table}-{'?' * 32}{SUFFIX}") if p != kept]
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1 :]:
            old.unlink()
    except OSError:
        pass
