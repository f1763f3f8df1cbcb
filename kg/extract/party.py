"""Party organisations: 党委, 党工委, 党总支, 党支部, 党小组, 团委 and 组织部, with the unit each belongs to.

A kind word is named by what stands right before it: a unit (白马湖街道党工委),
the stem of a unit of the article (中南党总支 = 中南社区党总支), a kind of
members (离退休党支部), or a generic unit word (社区党委) that is settled to
the named organisation, or the unit, the passage is about. A generic
reference that cannot be settled is dropped: the graph has no bare
"社区党委" node.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.text import Tokens, stem_start
from kg.extract.index import LastBefore
from kg.extract.units import PassageUnits, main_unit
from kg.model import Sentence

CLS = "PartyOrganization"


def kind_of(surface: str) -> str:
    return PATTERNS.party_kind[surface]


def find_party_orgs(
    index: int,
    sentence: Sentence,
    tokens: Tokens,
    units: list[Found],
    generic_words: list[tuple[int, str]],
    quoted: list[tuple[int, int]],
) -> list[Found]:
    """Organisations in one sentence; generic ones carry ``generic=True`` and no name yet."""
    found = committees(index, sentence, units)
    unit_ends = {u.end: u for u in units}
    generic_at = {pos: level for pos, level in generic_words}
    table = PATTERNS["party"]
    for match in PATTERNS.party_re.finditer(sentence.text):
        s, e = sentence.start + match.start(), sentence.start + match.end()
        if any(f.overlaps(s, e) for f in found):
            continue
        kind = kind_of(match.group())
        in_quote = any(qs <= s < qe for qs, qe in quoted)
        if s in unit_ends:
            unit = unit_ends[s]
            org = Found(CLS, sentence.text[unit.start - sentence.start : match.end()], unit.start, e, index, kind=kind,
                        unit=unit, rule="name")
            found.append(org)
            continue
        word = next((w for w, lvl in PATTERNS["units"]["generic_words"].items()
                     if sentence.text.endswith(w, 0, match.start()) and s - len(w) in generic_at), None)
        if word is not None:
            if not in_quote:
                level = PATTERNS["units"]["generic_words"][word]
                found.append(Found(CLS, "", s - len(word), e, index, kind=kind, generic=True, rule=f"generic:{level}",
                                   aliases={match.group()}))
            continue
        branch = next((b for b in sorted(table["branch_stems"], key=len, reverse=True)
                       if sentence.text.endswith(b, 0, match.start())), None)
        if branch is not None and kind in ("党支部", "党小组") and not in_quote:
            found.append(Found(CLS, branch + match.group(), s - len(branch), e, index, kind=kind, rule="branch"))
            continue
        start = stem_start(tokens, s, 6, frozenset(unit_ends))
        stem = sentence.text[start - sentence.start : match.start()]
        if stem:
            found.append(Found(CLS, stem + match.group(), start, e, index, kind=kind, generic=True, rule=f"stem:{stem}"))
        elif not in_quote and kind in ("党委", "党总支", "党工委"):
            found.append(Found(CLS, "", s, e, index, kind=kind, generic=True, rule="bare", aliases={match.group()}))
    return found


def committees(index: int, sentence: Sentence, units: list[Found]) -> list[Found]:
    """共青团望城区委 (youth league) and 北湖区委 (party committee): a unit directly followed by 委."""
    table = PATTERNS["party"]
    found = []
    text = sentence.text
    for unit in units:
        rel = unit.end - sentence.start
        if unit.kind not in table["committee_unit_levels"] or not text.startswith(table["committee_suffix"], rel):
            continue
        if text.startswith(("委员", "委会"), rel):
            continue
        prefix = table["youth_league_prefix"]
        start_rel = unit.start - sentence.start
        if text.endswith(prefix, 0, start_rel):
            found.append(Found(CLS, prefix + text[start_rel : rel + 1], unit.start - len(prefix), unit.end + 1, index,
                               kind="团委", unit=unit, rule="name"))
        else:
            found.append(Found(CLS, text[start_rel : rel + 1], unit.start, unit.end + 1, index, kind="党委", unit=unit,
                               rule="name"))
    return found


def settle_orgs(orgs: list[Found], units: list[Found], sentence_paragraph: list[int]) -> list[Found]:
    """Name generic and stem-named organisations after the units they belong to; drop what cannot be settled."""
    named = [o for o in orgs if not o.generic]
    settled = list(named)
    # Settling changes only the organisation settled, never a named one or a
    # unit, so the indexes are built once for all of them.
    context = SettleContext(named, units, sentence_paragraph)
    for org in orgs:
        if not org.generic:
            continue
        if org.rule.startswith("stem:"):
            if settle_stem(org, org.rule[5:], context.unit_of_stem):
                settled.append(org)
        elif settle_generic(org, context):
            settled.append(org)
    attach_branches(settled, units)
    return settled


class SettleContext:
    """What settling a generic organisation asks of the article, indexed once."""

    def __init__(self, named: list[Found], units: list[Found], sentence_paragraph: list[int]):
        # 中南 -> the first unit named 中南 + a level suffix (中南社区)
        self.unit_of_stem: dict[str, Found] = {}
        for unit in units:
            for cut in range(len(unit.name) + 1):
                if unit.name[cut:] in PATTERNS.unit_level:
                    self.unit_of_stem.setdefault(unit.name[:cut], unit)
        # named organisations with a unit, by kind and by (kind, level of the unit)
        with_unit = [o for o in named if o.unit is not None]
        self._named_by_kind = _NamedIndex(with_unit, key=lambda o: o.kind)
        self._named_by_level = _NamedIndex(with_unit, key=lambda o: (o.kind, o.unit.kind))
        self._units = units
        self._paragraph = sentence_paragraph
        self._passages: dict[str, PassageUnits] = {}

    def nearest_named(self, org: Found, level: str | None) -> Found | None:
        """The named organisation of the same kind (and unit level) last before ``org``, else the first one."""
        if level is None:
            return self._named_by_kind.nearest(org, org.kind)
        return self._named_by_level.nearest(org, (org.kind, level))

    def passage_unit(self, org: Found, level: str) -> Found | None:
        if level not in self._passages:
            candidates = [u for u in self._units if u.kind == level and not u.implicit]
            self._passages[level] = PassageUnits(candidates, self._paragraph)
        return self._passages[level].nearest(org)


class _NamedIndex:
    def __init__(self, orgs: list[Found], key):
        self._before = LastBefore(orgs, key=key, position=lambda o: o.start)
        self._first: dict = {}
        for org in orgs:
            self._first.setdefault(key(org), org)

    def nearest(self, org: Found, key) -> Found | None:
        return self._before.last_before(key, org.start) or self._first.get(key)


def settle_stem(org: Found, stem: str, unit_of_stem: dict[str, Found]) -> bool:
    """中南党总支 → 中南社区党总支 when the article names 中南社区."""
    unit = unit_of_stem.get(stem)
    if unit is None:
        return False
    org.aliases.add(org.name)
    org.name = unit.name + org.name[len(stem):]
    org.unit = unit
    org.generic = False
    return True


def settle_generic(org: Found, context: SettleContext) -> bool:
    level = org.rule.split(":", 1)[1] if ":" in org.rule else None
    suffix = next(iter(org.aliases))
    target = context.nearest_named(org, level)
    if target is not None:
        org.name, org.unit = target.name, target.unit
        return True
    if level is None:
        return False
    unit = context.passage_unit(org, level)
    if unit is None:
        return False
    org.name, org.unit = unit.name + suffix, unit
    return True


def attach_branches(orgs: list[Found], units: list[Found]) -> None:
    """A branch named by its members (离退休党支部) belongs to the article's main community."""
    communities = [u for u in units if u.kind == "community" and not u.implicit]
    home = main_unit(communities) or main_unit([u for u in units if not u.implicit and u.kind in ("subdistrict", "compound")])
    for org in orgs:
        if org.rule == "branch" and org.unit is None:
            org.unit = home


def committees_by_unit(orgs: list[Found]) -> dict[str, list[Found]]:
    """The committees (党委, 党总支, 党工委) among ``orgs``, in order, by the name of their unit."""
    found: dict[str, list[Found]] = {}
    for org in orgs:
        if org.unit is not None and org.kind in ("党委", "党总支", "党工委"):
            found.setdefault(org.unit.name, []).append(org)
    return found


def parent_org(org: Found, committees: dict[str, list[Found]]) -> Found | None:
    """The committee a branch belongs to: the 党委/党总支 of its unit (or of the unit above)."""
    if org.kind not in ("党支部", "党小组") or org.unit is None:
        return None
    # Its own unit's committee, else the committee of the unit directly above (a compound's branch
    # under its community); never further: skipping a level would misstate the structure.
    for unit in (org.unit, org.unit.unit):
        if unit is None:
            continue
        candidate = next((c for c in committees.get(unit.name, ()) if c is not org), None)
        if candidate is not None:
            return candidate
    return None
