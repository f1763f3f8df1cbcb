"""Which unit a facility belongs to when the facility's name does not say: the units named in its
sentence, its passage, and the unit the article is about."""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.index import LastBefore, by_sentence


class Places:
    """The units a facility can belong to, indexed once (see ``place_of``)."""

    def __init__(self, units: list[Found], sentences: int, paragraph: list[int] | None = None):
        self.explicit = [u for u in units if not u.implicit and u.kind in PLACE_LEVELS]
        self.in_sentence = by_sentence(self.explicit, sentences, lambda u: u.sentence)
        self.before = LastBefore(self.explicit, key=lambda u: None, position=lambda u: u.start)
        self.paragraph = paragraph
        if paragraph is not None:
            self.before_in_paragraph = LastBefore(self.explicit, key=lambda u: paragraph[u.sentence], position=lambda u: u.start)


PLACE_LEVELS = ("subdistrict", "community", "compound")
# Which of the units named in a facility's sentence holds it: a community before a compound (the
# community runs the station it opens in one of its compounds), a township last.
PLACE_PREFERENCE = ("subdistrict", "compound", "community")


def place_of(target: Found, places: Places, focus: Found | None = None) -> Found | None:
    """The unit a facility belongs to: the community named in its sentence (else its compound, else its
    township), else the last unit named before it in its paragraph, else the unit the article is about
    (its ``focus``, or the focus committee's unit, or the focus committee itself when it is a body's that
    is no unit), else the last unit named before it."""
    if target.unit is not None:
        return target.unit
    same = places.in_sentence[target.sentence]
    if same:
        return max(same, key=lambda u: (PLACE_PREFERENCE.index(u.kind), -abs(u.start - target.start)))
    if places.paragraph is not None:
        # a passage about one place goes on naming its facilities; a new paragraph returns to the article's own
        before = places.before_in_paragraph.last_before(places.paragraph[target.sentence], target.start)
        if before is not None:
            return before
    home = focus if focus is None or focus.cls == "AdministrativeUnit" else focus.unit
    if home is not None and home.kind in PLACE_LEVELS:
        return home
    if focus is not None and focus.cls != "AdministrativeUnit" and focus.unit is None:
        return focus  # the story of a company's party committee: its rooms are the committee's
    before = places.before.last_before(None, target.start)
    if before is not None:
        return before
    return places.explicit[0] if places.explicit else None
