"""Units named in a list with a suffixed one: 李家湾、杨树岗居民组 (the bare name shares the suffix) and
红星村和前进村 (a name with its own suffix that jieba took for one word of its dictionary).

Asked by the extract stage of each sentence's units once the suffix rules have run.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.text import PEOPLE_ENDINGS, is_cjk
from kg.model import Sentence

CLS = "AdministrativeUnit"


def find_coordinated(index: int, sentence: Sentence, units: list[Found], taken_spans) -> list[Found]:
    """李家湾、杨树岗居民组: a bare name coordinated with a suffixed one shares its suffix."""
    found = []
    for unit in units:
        if unit.rule != "suffix":
            continue
        rel = unit.start - sentence.start
        if rel < 3 or sentence.text[rel - 1] not in "、和及与":
            continue  # (most units: nothing coordinated before them, no need to find their suffix)
        suffix = next((s for s, _ in PATTERNS.unit_suffixes if unit.name.endswith(s)), "")
        stops = PATTERNS["stems"]["stop_chars"]
        j = rel - 1
        while j > 0 and is_cjk(sentence.text[j - 1]) and sentence.text[j - 1] not in stops and rel - 1 - j < 4:
            j -= 1
        bare = sentence.text[j : rel - 1]
        if j > 0 and is_cjk(sentence.text[j - 1]) and sentence.text[j - 1] not in stops:
            continue  # the bare name would be longer than a place name: not a coordinated name
        if len(bare) > len(suffix) + 1 and bare.endswith(suffix) and not any(s < sentence.start + rel - 1 and sentence.start + j < e for s, e in taken_spans):
            found.append(Found(CLS, bare, sentence.start + j, sentence.start + rel - 1, index, kind=unit.kind, rule="coordinated"))
            continue  # 红星村和前进村: a name with its own suffix, which jieba took for one word (红星村 nr)
        if len(bare) < 2 or bare.endswith(PEOPLE_ENDINGS) or PATTERNS.level_of(bare) or has_name_suffix(bare) or any(s < sentence.start + rel - 1 and sentence.start + j < e for s, e in taken_spans):
            continue
        other = Found(CLS, bare + suffix, sentence.start + j, sentence.start + rel - 1, index, kind=unit.kind,
                      rule="coordinated")
        other.aliases.add(bare)
        found.append(other)
    return found


def has_name_suffix(text: str) -> bool:
    """Whether ``text`` ends like the name of some other kind of entity (明德小学)."""
    return any(
        (m := regex.search(text)) is not None and m.end() == len(text)
        for regex in (PATTERNS.partner_suffix_re, PATTERNS.facility_suffix_re, PATTERNS.party_re)
    )
