"""Other names of a division, by rule: safe aliases (恩施州, 满春街道) and short forms (常德, 广西).

The rules are data, in ``aliases.toml`` beside this module: which suffixes a
short form drops per level, how autonomous units abbreviate, the ethnic
names stripped from their stems, and how subdistrict names are written.
"""
from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

@dataclass(frozen=True)
class AliasRules:
    """The rules of aliases.toml, longest suffixes first."""

    short_form_suffixes: dict[str, tuple[str, ...]]  # level -> suffixes
    autonomous_abbreviations: tuple[tuple[str, str], ...]  # (自治州, 州)
    ethnic_groups: tuple[str, ...]
    subdistrict_rewrites: tuple[tuple[str, str], ...]  # (official suffix, written suffix)
    zone_rewrites: tuple[tuple[str, str], ...]  # (经济开发区, 经开区)
    zone_min_stem: int
    alias_triggers: tuple[str, ...]  # every suffix that can start a safe alias: most names have none


def _longest_first(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=1)
def load_alias_rules() -> AliasRules:
    table = tomllib.loads((files("kg.gazetteer") / "aliases.toml").read_text(encoding="utf-8"))
    rewrites = tuple(tuple(pair) for pair in table["subdistrict_aliases"]["rewrites"])
    abbreviations = tuple(table["autonomous_abbreviations"].items())
    zones = tuple(tuple(pair) for pair in table["zone_aliases"]["rewrites"])
    return AliasRules(
        short_form_suffixes={
            level: _longest_first(suffixes) for level, suffixes in table["short_form_suffixes"].items()
        },
        autonomous_abbreviations=abbreviations,
        ethnic_groups=_longest_first(table["ethnic_groups"]["names"]),
        subdistrict_rewrites=rewrites,
        zone_rewrites=zones,
        zone_min_stem=table["zone_aliases"]["min_stem"],
        alias_triggers=tuple(official for official, _ in (*rewrites, *abbreviations, *zones)),
    )


def strip_ethnic_names(stem: str, rules: AliasRules | None = None) -> str:
    """The place part of an autonomous unit's stem: 湘西土家族苗族 -> 湘西.

    Ethnic names are stripped from the end, with their 族 or (when two
    characters or more) bare. Stripping stops before the place part would
    shrink below two characters: 鄂温克族 -> 鄂温克, 内蒙古 stays.
    """
    rules = rules or load_alias_rules()
    while (ethnic := _trailing_ethnic_name(stem, rules.ethnic_groups)) is not None:
        rest = stem[: -len(ethnic)]
        if len(rest) < 2:  # the ethnic name is the place name (东乡族自治县)
            return stem.removesuffix("族") if len(stem) > 2 else stem
        stem = rest
    return stem


def _trailing_ethnic_name(stem: str, ethnic_groups: tuple[str, ...]) -> str | None:
    for ethnic in ethnic_groups:
        if stem.endswith(ethnic + "族"):
            return ethnic + "族"
        # Single characters (藏, 回, 土…) are too common in place names to strip bare.
        if len(ethnic) >= 2 and stem.endswith(ethnic):
            return ethnic
    return None


def safe_aliases(name: str, level: str, rules: AliasRules | None = None) -> tuple[str, ...]:
    """Other names that mean this division and nothing else of its kind.

    恩施土家族苗族自治州 -> 恩施州; 长阳土家族自治县 -> 长阳县; 满春街街道 -> 满春街道; 宝坻经济开发区 -> 宝坻经开区.
    """
    rules = rules or load_alias_rules()
    if not name.endswith(rules.alias_triggers):
        return ()
    aliases = []
    if level == "subdistrict":
        for official, written in rules.subdistrict_rewrites:
            if name.endswith(official):
                aliases.append(name[: -len(official)] + written)
                break
        for official, written in rules.zone_rewrites:
            if name.endswith(official):
                if len(name) - len(official) >= rules.zone_min_stem:
                    aliases.append(name[: -len(official)] + written)  # 宝坻经济开发区 -> 宝坻经开区
                break
    for autonomous, plain in rules.autonomous_abbreviations:
        if name.endswith(autonomous):
            stem = strip_ethnic_names(name[: -len(autonomous)], rules)
            if len(stem) >= 2:
                aliases.append(stem + plain)
            break
    return tuple(a for a in dict.fromkeys(aliases) if a != name)


def short_forms(name: str, level: str, rules: AliasRules | None = None) -> tuple[str, ...]:
    """The bare stem an article may use: 常德市 -> 常德, 广西壮族自治区 -> 广西.

    Empty for subdistricts and for stems under two characters (城区, 郊区).
    """
    rules = rules or load_alias_rules()
    for suffix in rules.short_form_suffixes.get(level, ()):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if suffix.startswith("自治"):
                stem = strip_ethnic_names(stem, rules)
            return (stem,) if len(stem) >= 2 else ()
    return ()
