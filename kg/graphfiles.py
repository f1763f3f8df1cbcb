"""Where a build keeps its graph in the output folder, checked before anything reads it.

``DIR/graph.ttl`` is always there; ``DIR/graph.oxigraph/`` is the on-disk
Oxigraph store a build may write beside it. This module imports neither
rdflib nor pyoxigraph, so ``kg query`` and ``kg serve`` can find and check
the graph without paying for the libraries that build it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from kg.errors import GraphFileError, GraphNotFoundError

GRAPH_FILE = "graph.ttl"
STORE_DIR = "graph.oxigraph"

# Turtle's two forms of prefix declaration, as graph.ttl starts with them.
_PREFIX_LINE = re.compile(r"(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>\s*\.?\s*$", re.IGNORECASE)
_HEAD_BYTES = 1 << 16


def graph_file(out_dir: Path) -> Path:
    """The path of the built graph in ``out_dir``; raises GraphNotFoundError when there is none."""
    path = Path(out_dir) / GRAPH_FILE
    if not path.is_file():
        raise GraphNotFoundError(f"no graph in {out_dir}: run `kg build INPUT... --out {out_dir}` first")
    return path


def store_dir(out_dir: Path) -> Path | None:
    """``out_dir/graph.oxigraph`` when the build wrote a store there, else None."""
    path = Path(out_dir) / STORE_DIR
    return path if path.is_dir() else None


def checked_graph_file(out_dir: Path) -> Path:
    """``graph_file(out_dir)``, once it is known to be a non-empty UTF-8 text file.

    Raises ``GraphFileError`` naming the file and what to do: an empty,
    binary or UTF-16 file would otherwise surface as a parser traceback, or
    as an empty graph that trivially "conforms".
    """
    path = graph_file(out_dir)
    rebuild = f"rebuild it with `kg build INPUT... --out {out_dir}`"
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as error:
        raise GraphFileError(f"cannot read {path}: {error.strerror or error}") from None
    if not head.strip():
        raise GraphFileError(f"{path} is empty: {rebuild}")
    if b"\x00" in head:
        raise GraphFileError(f"{path} is not a Turtle file (binary or UTF-16 data): {rebuild}")
    try:
        head.decode("utf-8", errors="strict")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut by the 64 KiB read
            raise GraphFileError(f"{path} is not UTF-8 text (byte {error.start}): {rebuild}") from None
    return path


def declared_prefixes(out_dir: Path) -> dict[str, str]:
    """The prefixes ``graph.ttl`` declares before its first triple (empty when it has none or is absent).

    Queries may use them without declaring them, and results are shown with
    them: they are the names the graph itself was written with.
    """
    try:
        with open(Path(out_dir) / GRAPH_FILE, "rb") as handle:
            head = handle.read(_HEAD_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return {}
    prefixes: dict[str, str] = {}
    for line in head.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = _PREFIX_LINE.match(line)
        if match is None:
            break
        prefixes[match.group(1) or ""] = match.group(2)
    return prefixes


def iri_compacter(prefixes: dict[str, str]) -> Callable[[str], str]:
    """A function giving ``kg:Community`` for an IRI in one of ``prefixes``, else the IRI as it is."""
    prefix_of = {namespace: prefix for prefix, namespace in prefixes.items() if prefix}

    def compact(iri: str) -> str:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        prefix = prefix_of.get(iri[:cut])
        return f"{prefix}:{iri[cut:]}" if prefix else iri

    return compact
