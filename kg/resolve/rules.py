"""The rules of identity, as data: ``identity.toml`` beside this module, read once."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from kg.extract.patterns import PATTERNS  # the extractor's own table of heads' titles (书记, 主任…)


@dataclass(frozen=True)
class IdentityRules:
    filler_words: tuple[str, ...]
    deputy_markers: tuple[str, ...]
    local_program_kinds: frozenset[str]
    national_partner_kinds: frozenset[str]
    partner_endings: dict[str, str]  # ending -> kind
    leading_titles: tuple[str, ...]  # titles of a head (书记, 主任…): the extractor's leading roles
    longest_ending: int = 0

    def partner_kind(self, name: str) -> str | None:
        """The kind a partner's name ending gives (四川大学 → university), or None; the longest ending wins."""
        for length in range(min(len(name), self.longest_ending), 0, -1):
            kind = self.partner_endings.get(name[-length:])
            if kind is not None:
                return kind
        return None

    def is_deputy(self, role: str | None) -> bool:
        """副书记, 社区党委副书记, 居委会副主任, 副队长: a deputy marker, then a title that ends in a head's title."""
        if not role:
            return False
        for marker in self.deputy_markers:
            at = role.rfind(marker)
            # the title after the marker may be longer than the head's title it ends in (副队长: 队长 ends in 长)
            if at >= 0 and role[at + len(marker):].endswith(self.leading_titles):
                return True
        return False


@lru_cache(maxsize=1)
def load_rules() -> IdentityRules:
    table = tomllib.loads((files("kg.resolve") / "identity.toml").read_text(encoding="utf-8"))
    endings = {ending: kind for kind, ends in table["partner_kinds"].items() for ending in ends}
    return IdentityRules(
        filler_words=tuple(table["filler_words"]),
        deputy_markers=tuple(table["deputy_markers"]),
        local_program_kinds=frozenset(table["general"]["local_program_kinds"]),
        national_partner_kinds=frozenset(table["general"]["partner_kinds"]),
        partner_endings=endings,
        leading_titles=tuple(PATTERNS["persons"]["leading_roles"]),
        longest_ending=max(map(len, endings), default=0),
    )
