"""What the extractors find in one article, before it becomes model Mentions."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Found:
    """A name found in the article. Offsets index the normalised text.

    Mutable while the article is being read (generic references are settled,
    parents and units filled in); frozen into ``Mention`` at the end.
    """

    cls: str
    name: str
    start: int
    end: int
    sentence: int  # index of the sentence it stands in
    kind: str | None = None
    aliases: set[str] = field(default_factory=set)
    generic: bool = False  # a generic reference ("社区党委") settled to a named entity
    unit: "Found | None" = None  # the unit an organisation or facility belongs to; a unit's parent
    code: str | None = None
    implicit: bool = False
    attributes: dict[str, str] = field(default_factory=dict)
    role: str | None = None
    org: "Found | None" = None  # for a person: what the role attaches to; for an organisation: the one above it
    place: "Found | None" = None  # a place written before a body's own name (某市 + 中级法院…党支部)
    also_leads: "Found | None" = None  # for a person: the community a second post leads (书记、居委会主任)
    written_apart: bool = False  # a name the text writes with words inside it (某某物业|成立|党支部): no alias of it
    rule: str = ""

    @property
    def ref(self) -> tuple[str, str]:
        return (self.cls, self.name)

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
