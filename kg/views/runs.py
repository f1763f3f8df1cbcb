"""Stable shards: which entities and articles share a shard file, and reusing the last build's files.

Shards were once cut by position (entities 0–199 in ``e-0``…), so one new
entity moved every later one into another file. Now a shard is a *run* of
neighbours (entities in IRI order, articles in input order) whose ends are
chosen by the items themselves: a run ends after an item whose key hashes to
0 modulo the target size (or at ``MAX_RUN`` times it), so a new or removed
item changes the run it falls in and no other. A run is named after the hash
of its first item, and what is written inside names entities, facts and
articles by keys that do not depend on position either (``entity_key``, the
article id); kg-app.js turns them back into positions when a shard loads.

Each shard's *inputs* (everything its bytes are made from) are hashed as it
is made; ``views/data/shards.json`` lists every shard with that hash and the
hash of its bytes. A build that replaces an output kg made with the same
per-article results (``BuildTables.replaces``) copies each shard whose
inputs are unchanged from that output, once its bytes are checked against
the list, instead of making it again: the files are the same bytes either way.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

from kg.jsonpieces import json_pieces
from kg.rdf.terms import DATA_IRI

MANIFEST = "shards.json"  # in views/data/
MAX_RUN = 4  # a run is cut at this many times its target size, whatever the hashes say


def shard_pieces(name: str, data: object, depth: int = 0) -> Iterator[str]:
    """A shard file's text, in pieces (``kg.jsonpieces``, ``depth`` levels item by item): one ``KG.register``
    call with its JSON (a JavaScript literal; U+2028/U+2029 escaped for engines that predate ES2019)."""
    yield f"KG.register({json.dumps(name)},"
    for piece in json_pieces(data, depth):
        yield piece.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    yield ");\n"


def shard_bytes(name: str, data: object) -> bytes:
    """A shard file's bytes, its JSON encoded whole."""
    return "".join(shard_pieces(name, data)).encode("utf-8")


def entity_key(iri: str) -> str:
    """An entity's name in the shards: its IRI without the common prefix (unique, and the same every build)."""
    return iri[len(DATA_IRI):] if iri.startswith(DATA_IRI) else iri


def key_hash(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def runs(keys: Sequence[str], target: int, prefix: str) -> list[tuple[str, int]]:
    """(shard name, first position) of each run of ``keys``, in order."""
    found, length = [], 0
    for position, key in enumerate(keys):
        digest = key_hash(key)
        if length == 0:
            found.append((f"{prefix}-{digest:016x}", position))
        length += 1
        if digest % target == 0 or length >= MAX_RUN * target:
            length = 0
    return found


def run_ends(found: list[tuple[str, int]], total: int) -> list[int]:
    """Where each run of ``runs`` ends (the first position after it), for ``total`` items."""
    return [first for _, first in found[1:]] + [total]


@cache
def views_version() -> str:
    """What every shard's bytes depend on besides its inputs: the code and styles of the views, and Python's json."""
    h = hashlib.blake2b(digest_size=16)
    h.update(sys.version.encode())
    folder = files("kg.views")
    for name in sorted(p.name for p in folder.iterdir() if p.name.endswith((".py", ".toml"))):
        h.update(name.encode() + b"\0" + folder.joinpath(name).read_bytes())
    return h.hexdigest()


def inputs_hash() -> "hashlib.blake2b":
    h = hashlib.blake2b(digest_size=16)
    h.update(views_version().encode())
    return h


def feed(h, *fields: str) -> None:
    """Fields into a hash of inputs, told apart by separators (text that may hold them goes in as JSON)."""
    h.update(("\x1f".join(fields) + "\x1e").encode("utf-8"))


def joined(items) -> str:
    """A list as one field of ``feed`` (items are keys, ids or numbers: none holds a control character)."""
    return "\x1d".join(items)


class ShardFiles:
    """Writes shards into ``data_dir``, taking each unchanged one from ``previous`` (the last output's data folder)."""

    def __init__(self, data_dir: Path, previous: Path | None) -> None:
        self.data_dir = data_dir
        self.previous = previous
        self.listed: dict[str, list[str]] = {}  # name -> [inputs hash, bytes hash]
        self.last: dict[str, list[str]] = {}
        self.reused = 0
        if previous is not None:
            try:
                self.last = json.loads((previous / MANIFEST).read_text("utf-8"))["shards"]
            except (OSError, ValueError, KeyError, TypeError):
                self.last = {}

    def write(self, name: str, inputs: str, make: Callable[[], bytes]) -> None:
        """The shard ``name`` whose inputs hash to ``inputs``: the last build's file when it had the same, else ``make()``."""
        path = self.data_dir / f"{name}.js"
        data = self._unchanged(name, inputs)
        if data is not None:
            self.reused += 1
            # The last build's file is linked, not written again: its bytes are the ones checked, and creating
            # and writing the half of a rebuild's shards that are unchanged cost more than all the rest of
            # taking them (0.03-0.04 s of CPU after ten articles added to 1,000). The last output goes when
            # this one replaces it, so nothing else keeps the file.
            last = self.previous / f"{name}.js"
            try:
                if last.is_symlink():  # the bytes only, never what a link points at
                    raise OSError("a symbolic link")
                os.link(last, path, follow_symlinks=False)
            except OSError:  # (another file system, or one without links)
                path.write_bytes(data)
        else:
            data = make()
            path.write_bytes(data)
        self.listed[name] = [inputs, hashlib.blake2b(data, digest_size=16).hexdigest()]

    def _unchanged(self, name: str, inputs: str) -> bytes | None:
        last = self.last.get(name)
        if self.previous is None or not isinstance(last, list) or len(last) != 2 or last[0] != inputs:
            return None
        try:
            data = (self.previous / f"{name}.js").read_bytes()
        except OSError:
            return None
        # The file must be the one that build wrote: one edited or replaced since is made again.
        return data if hashlib.blake2b(data, digest_size=16).hexdigest() == last[1] else None

    def close(self) -> None:
        """Write the list of shards (sorted: the same bytes whatever order they were made in)."""
        listing = {"shards": dict(sorted(self.listed.items()))}
        (self.data_dir / MANIFEST).write_text(json.dumps(listing, indent=0, sort_keys=True) + "\n", "utf-8")
