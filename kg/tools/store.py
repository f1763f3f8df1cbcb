"""The graph built in an output folder, as an Oxigraph store to query.

A build may write an on-disk Oxigraph store beside ``graph.ttl``
(``DIR/graph.oxigraph/``); ``open_store`` opens it read-only, which takes
milliseconds whatever its size. Without one, ``graph.ttl`` is parsed into an
in-memory store (about 2 s per million triples). Either way the result holds
the same triples, so ``kg query``, ``kg serve``, ``kg validate`` and
``kg.open`` answer alike. Neither path imports rdflib.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.errors import GraphFileError
from kg.graphfiles import checked_graph_file, store_dir


def open_store(out_dir: Path) -> ox.Store:
    """The graph in ``out_dir``: its store opened read-only, else ``graph.ttl`` loaded into memory.

    Raises ``GraphNotFoundError`` when the folder holds neither, and
    ``GraphFileError`` (one line, naming the file and what to do) when what
    it holds cannot be read or is empty.
    """
    on_disk = store_dir(out_dir)
    if on_disk is not None:
        return open_read_only(on_disk, out_dir)
    return load_turtle(checked_graph_file(out_dir), out_dir)


def open_read_only(path: Path, out_dir: Path) -> ox.Store:
    rebuild = f"rebuild it with `kg build INPUT... --out {out_dir}`"
    try:
        store = ox.Store.read_only(str(path))
    except (OSError, ValueError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
        raise GraphFileError(f"{path} is not a readable Oxigraph store ({_one_line(error)[:200]}): {rebuild}") from None
    if is_empty(store):
        raise GraphFileError(f"{path} holds no triples: {rebuild}")
    return store


def load_turtle(path: Path, out_dir: Path) -> ox.Store:
    """An in-memory store holding the Turtle file at ``path``."""
    store = ox.Store()
    rebuild = f"rebuild it with `kg build INPUT... --out {out_dir}`"
    try:
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, OSError, ValueError) as error:
        raise GraphFileError(f"{path} is not readable Turtle ({_one_line(error)[:200]}): {rebuild}") from None
    if is_empty(store):
        raise GraphFileError(f"{path} holds no triples: {rebuild}")
    return store


def is_empty(store: ox.Store) -> bool:
    # len(store) counts every quad; one is enough to know.
    return next(iter(store.quads_for_pattern(None, None, None)), None) is None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__
