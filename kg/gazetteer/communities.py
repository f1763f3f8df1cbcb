"""Communities and villages of the national gazetteer, to place the ones an article names.

The NBS table goes below the townships: 600k residents' and villagers'
committees, named here as articles write their places (某某社区居委会 →
某某社区, 某某村民委员会 → 某某村; ``scripts/make_gazetteer.py``). A name
alone says little (542 和平村, 9 东庄社区), so ``candidates`` only lists
the communities that bear it; the extractor keeps one only when the other
places of the article single it out. A community's township is the first
nine digits of its code.

The table (``communities.tsv.gz``, 297k names) is a dict of name → codes (a
space-separated string, split only for the names asked about). The per-user
table cache keeps it in ``PARTS`` marshalled parts, by a CRC of the name, and
each part is read the first time a name in it is asked about: a rebuild that
works out a few articles asks about a hundred names (13 an article) and reads
as many parts, 3 ms, where the whole dict took 0.15-0.17 s of CPU to read;
a large build reads every part, in 0.10 s (measured here).
"""
from __future__ import annotations

import gzip
import marshal
import zlib
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


class StoredCommunities(Communities):
    """The same table as its ``parts`` (``split_parts``), each read when a name in it is first asked about."""

    def __init__(self, count: int, parts: list[bytes]):
        super().__init__({})  # the names of the parts read so far
        self._count = count
        self._parts: list[bytes | None] = list(parts)

    def __len__(self) -> int:
        return self._count

    def candidates(self, name: str) -> tuple[str, ...]:
        part = part_of(name)
        if (data := self._parts[part]) is not None:
            self._codes.update(marshal.loads(data))
            self._parts[part] = None
        return super().candidates(name)


PARTS = 4096


def part_of(name: str) -> int:
    return zlib.crc32(name.encode("utf-8", "surrogatepass")) % PARTS


def split_parts(codes_by_name: dict[str, str]) -> tuple[int, list[bytes]]:
    """(how many names, the table as ``PARTS`` marshalled dicts by ``part_of``): what the table cache keeps."""
    parts: list[dict[str, str]] = [{} for _ in range(PARTS)]
    for name, codes in codes_by_name.items():
        parts[part_of(name)][name] = codes
    return len(codes_by_name), [marshal.dumps(part) for part in parts]


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
    """The national table of communities and villages, once per process.

    Parsing the compressed table costs about 0.4 s; its parts, kept in the
    per-user table cache (``kg.tablecache``) under a hash of the table and of
    this module, are read as they are needed (``StoredCommunities``).
    """
    table = _DATA / "communities.tsv.gz"
    key = table_key([table.read_bytes(), Path(__file__).read_bytes()])
    return StoredCommunities(*load_table("communitiesparts", key, lambda: split_parts(_read_table(table))))


def _read_table(table) -> dict[str, str]:
    with table.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as lines:  # streamed, not held whole
        return codes_by_name(lines)
