"""The extract stage's pattern tables, loaded once from ``kg/extract/extract.toml``."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "extract.toml"


def longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in longest_first(words))


@dataclass(frozen=True)
class Patterns:
    table: dict

    def __getitem__(self, section: str) -> dict:
        return self.table[section]

    # ---------------------------------------------------------------- units
    @cached_property
    def unit_suffixes(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(((s, lvl) for s, lvl in self["units"]["suffixes"]), key=lambda p: -len(p[0])))

    @cached_property
    def unit_suffix_re(self) -> re.Pattern:
        free = [s for s, _ in self.unit_suffixes if s not in self["units"]["gazetteer_only"]]
        return re.compile(alternation(free))

    @cached_property
    def unit_level(self) -> dict[str, str]:
        return dict(self.unit_suffixes)

    def level_of(self, name: str) -> str | None:
        for suffix, level in self.unit_suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return level
        return None

    @cached_property
    def numbered_group_re(self) -> re.Pattern:
        return re.compile(self["units"]["numbered_group"])

    @cached_property
    def numbered_committee_re(self) -> re.Pattern:
        return re.compile(self["units"]["numbered_committee"])

    @cached_property
    def generic_unit_stems(self) -> frozenset[str]:
        return frozenset(self["units"]["generic_stems"])

    # ---------------------------------------------------------------- party
    @cached_property
    def party_kinds(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(((s, k) for s, k in self["party"]["kinds"]), key=lambda p: -len(p[0])))

    @cached_property
    def party_kind(self) -> dict[str, str]:
        return dict(self.party_kinds)

    @cached_property
    def party_re(self) -> re.Pattern:
        return re.compile(alternation(s for s, _ in self.party_kinds))

    # --------------------------------------------------------------- quotes
    @cached_property
    def quote_re(self) -> re.Pattern:
        parts = [f"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,60}}){re.escape(c)}" for o, c in self["quotes"]["pairs"]]
        return re.compile("|".join(parts))

    @cached_property
    def nested_quote_re(self) -> re.Pattern:
        o, c = self["quotes"]["nested"]
        return re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,60}}){re.escape(c)}")

    @cached_property
    def book_re(self) -> re.Pattern:
        o, c = self["quotes"]["book"]
        return re.compile(f"{re.escape(o)}([^{re.escape(o + c)}\n]{{1,40}}){re.escape(c)}")

    @cached_property
    def meeting_endings(self) -> tuple[str, ...]:
        return tuple(self["quotes"]["meeting_endings"])

    @cached_property
    def quote_program_triggers(self) -> tuple[str, ...]:
        return tuple(self["quotes"]["program_triggers"])

    @cached_property
    def head_classes(self) -> tuple[tuple[str, str], ...]:
        """Head nouns after a quoted name, longest first, with the class they make."""
        q = self["quotes"]
        pairs = [(h, "Program") for h in q["program_heads"]]
        pairs += [(h, "Facility") for h in q["facility_heads"]]
        pairs += [(h, "Partner") for h in q["partner_heads"]]
        # a meeting held under the quoted name (“某某”屋场会, “某某”恳谈会): the way of working the quote names
        pairs += [(h, "Program") for h in q["meeting_endings"] if h not in {head for head, _ in pairs}]
        # the endings of institutions' names head a quoted name too (“某某”老年大学, “某某”幼儿园)
        institutions = {end for ends, kind in self["partners"]["kinds"] if kind in q["institution_kinds"] for end in ends}
        pairs += [(h, "Partner") for h in sorted(institutions - {h for h, _ in pairs}) if len(h) > 1]
        return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))

    @cached_property
    def heads_by_first(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """``head_classes`` by first character, in their order: at a position of the text only the
        heads that start with its character need trying, and they are tried in the same order."""
        heads: dict[str, list[tuple[str, str]]] = {}
        for head, cls in self.head_classes:
            heads.setdefault(head[0], []).append((head, cls))
        return {first: tuple(pairs) for first, pairs in heads.items()}

    # ------------------------------------------------------------ suffixes
    @cached_property
    def program_kind_endings(self) -> tuple[tuple[tuple[str, ...], str], ...]:
        """The program kinds in their order, each with its endings as one tuple for ``str.endswith``."""
        return tuple((longest_first(ends), kind) for ends, kind in self["programs"]["kinds"])

    @cached_property
    def program_suffix_re(self) -> re.Pattern:
        return re.compile(alternation(self["programs"]["suffixes"]))

    @cached_property
    def event_prefix(self) -> str:
        """What an event's name may begin with: its year or the ordinal of its session."""
        p = self["programs"]
        return f"(?:{p['year_prefix']}|{p['session_prefix']})"

    @cached_property
    def event_re(self) -> re.Pattern:
        p = self["programs"]
        return re.compile(
            f"{self.event_prefix}([\u4e00-\u9fffA-Za-z0-9·]{{2,{p['max_event_stem']}}}?)(?:{alternation(p['event_words'])})"
        )

    @cached_property
    def facility_suffix_re(self) -> re.Pattern:
        return re.compile(alternation(self["facilities"]["suffixes"]))

    @cached_property
    def partner_suffix_re(self) -> re.Pattern:
        return re.compile(alternation(self["partners"]["suffixes"]))

    @cached_property
    def facility_attribute_res(self) -> tuple[tuple[str, re.Pattern], ...]:
        return tuple((a["name"], re.compile(a["pattern"])) for a in self["facilities"]["attributes"])

    # --------------------------------------------------------------- lists
    @cached_property
    def coordinators(self) -> frozenset[str]:
        """The words that join the items of a list (甲、乙和丙, 甲以及乙): every rule's coordinators."""
        return frozenset(self["lists"]["separators"])

    @cached_property
    def list_gaps(self) -> frozenset[str]:
        """What may stand between two items of a list: a coordinator or a comma."""
        return self.coordinators | {",", "，"}

    # -------------------------------------------------------------- persons
    @cached_property
    def surnames(self) -> frozenset[str]:
        p = self["persons"]
        return frozenset(p["surnames"].strip()) | frozenset(p["more_surnames"].strip()) | frozenset(p["double_surnames"])

    @cached_property
    def role_re(self) -> re.Pattern:
        return re.compile(alternation(self["persons"]["roles"] + self["persons"]["reporter_roles"]))

    # --------------------------------------------------------------- stems
    @cached_property
    def stop_chars(self) -> frozenset[str]:
        return frozenset(self["stems"]["stop_chars"])

    @cached_property
    def stop_words(self) -> frozenset[str]:
        return frozenset(self["stems"]["stop_words"])

    @cached_property
    def stop_tags(self) -> frozenset[str]:
        return frozenset(self["stems"]["stop_tags"])

    @cached_property
    def name_suffix_words(self) -> frozenset[str]:
        """Words that end a longer name when they follow a token (大同|社区)."""
        # (a zone's short form is no name's end: 株洲|高新区 names the city, then its zone)
        return frozenset(self.unit_level) | (frozenset(self.segment_words) - frozenset(self["units"]["zone_words"]))

    # ------------------------------------------------------------- jieba
    @cached_property
    def segment_words(self) -> tuple[str, ...]:
        """Words the tokenizer must keep whole so names end on a token boundary."""
        words = [s for s, _ in self.unit_suffixes] + [s for s, _ in self.party_kinds]
        words += self["facilities"]["suffixes"] + self["partners"]["suffixes"] + self["programs"]["suffixes"]
        words += self["persons"]["roles"] + self["partners"]["trade_words"]  # (种养殖, jieba's 种|养殖)
        words += self["units"]["zone_words"]  # (经开区, jieba's 经|开|区)
        return longest_first(w for w in words if len(w) > 1)


def load_patterns(path: Path = DATA_FILE) -> Patterns:
    with open(path, "rb") as fh:
        return Patterns(tomllib.load(fh))


PATTERNS = load_patterns()
