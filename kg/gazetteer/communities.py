"""Communities and villages of the national gazetteer, to place the ones an article names.

The NBS table goes below the townships: 600k residents' and villagers'
committees, named here as articles write their places (某某社区居委会 →
某某社区, 某某村民委员会 → 某某村; ``scripts/make_gazetteer.py``). A name
alone says little (542 和平村, 9 东庄社区), so ``candidates`` only lists
the communities that bear it; the extractor keeps one only when the other
places of the article single it out. A community's township is the first
nine digits of its code.

The table (``communities.tsv.gz``, 297k names) is read on first use, once
per process, into one dict of name → codes (a space-separated string, split
only for the names asked about), which the per-user table cache keeps.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from kg.tablecache import load_table, table_key

_DATA = files("kg.gazetteer")


class Communities:
    """Names of communities and villages with the 12-digit codes of those that bear them."""

    def __init__(self, codes_by_name: dict[str, str]):
        self._codes = codes_by_name

    def __len__(self) -> int:
        return len(self._codes)

    def candidates(self, name: str) -> tuple[str, ...]:
        """The codes of the communities named ``name`` (sorted), or () when none is."""
        found = self._codes.get(name)
        return tuple(found.split(" ")) if found else ()


def township_of(code: str) -> str:
    """The 12-digit code of the township a community's code lies in."""
    return code[:9] + "000"


def read_communities(lines: Iterable[str]) -> Communities:
    """Parse the table: ``#`` comment lines, a header, then rows of name and space-separated codes."""
    return Communities(codes_by_name(lines))


def codes_by_name(lines: Iterable[str]) -> dict[str, str]:
    rows = (line.rstrip("\n").split("\t", 1) for line in lines if line.strip() and not line.startswith("#"))
    next(rows, None)  # header
    return {name: codes for name, codes in rows}


@lru_cache(maxsize=1)
def load_communities() -> Communities:
    """The national table of communities and villages, read once per process.

    Parsing the compressed table costs about 0.4 s; its dict, kept in the
    per-user table cache (``kg.tablecache``) under a hash of the table and of
    this module, loads in a quarter of that.
    """
    table = _DATA / "communities.tsv.gz"
    key = table_key([table.read_bytes(), Path(__file__).read_bytes()])
    return Communities(load_table("communities", key, lambda: _read_table(table)))


def _read_table(table) -> dict[str, str]:
    with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:  # streamed, not held whole
        return codes_by_name(lines)
