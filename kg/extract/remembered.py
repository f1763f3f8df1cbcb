"""What a rule found in one sentence, remembered by the sentence's text and given again to its next copy.

Pages repeat sentences (a site's furniture, the set phrases of a kind of
report; a generated corpus repeats its templates' sentences: c5000's 78,900
sentences are 25,100 distinct ones), and the rules that read a sentence
alone — its tokens, its quotes, the names the gazetteer and the suffixes
give — find the same names in every copy, placed by the copy's offset.
``SentenceFindings`` keeps, per distinct text, a snapshot of what was found
(offsets made relative to the sentence) and hands each later copy fresh
``Found`` records placed at its own offset: the extract stage mutates the
records it is given (names settled, units filled in), so the snapshot is
taken before the caller sees them and never handed out itself.

Only for steps whose findings depend on nothing but the sentence (its text,
and its offset only by addition); a record pointing at one outside the
sentence's own findings is not remembered (``remember`` returns them as
they are, and the next copy is worked out again). The text stands for the
tokens too: a sentence's tokens are the process tokenizer's cut of its text
(``segment.sentences_of`` makes every sentence the extract stage reads).
"""
from __future__ import annotations

from dataclasses import fields

from kg.extract.found import Found

# Distinct sentences remembered by one ``SentenceFindings`` (the oldest is forgotten first): with most
# sentences finding one name or none, some 20 MB at most.
REMEMBERED_SENTENCES = 65536

_FIELDS = tuple(f.name for f in fields(Found))
_REFERENCES = ("unit", "org", "place", "also_leads")  # fields that hold another Found
_AT = {name: i for i, name in enumerate(_FIELDS)}
_START, _END, _SENTENCE, _ALIASES, _ATTRIBUTES = (_AT[n] for n in ("start", "end", "sentence", "aliases", "attributes"))
_REFERENCE_AT = tuple(_AT[n] for n in _REFERENCES)


def snapshot(found: list[Found], offset: int) -> tuple[tuple, ...] | None:
    """The records as tuples of their fields, offsets less ``offset``, references as indexes into ``found``
    (None when one points elsewhere, when a record is listed twice or carries an attribute that is no field:
    such findings are not remembered, since fresh records could not be made the same)."""
    position = {id(f): i for i, f in enumerate(found)}
    if len(position) != len(found):
        return None
    out = []
    for f in found:
        if len(f.__dict__) != len(_FIELDS):
            return None
        values = [getattr(f, name) for name in _FIELDS]
        values[_START] -= offset
        values[_END] -= offset
        values[_ALIASES] = tuple(f.aliases)  # (in the set's own order, which the restored set then has)
        values[_ATTRIBUTES] = tuple(f.attributes.items())
        for at in _REFERENCE_AT:
            other = values[at]
            if other is not None:
                if id(other) not in position:
                    return None
                values[at] = position[id(other)]
        out.append(tuple(values))
    return tuple(out)


def restore(records: tuple[tuple, ...], offset: int, sentence: int) -> list[Found]:
    """Fresh records from a snapshot, placed at ``offset`` in sentence ``sentence``."""
    found = []
    for values in records:
        f = Found.__new__(Found)
        state = dict(zip(_FIELDS, values))
        state["start"] += offset
        state["end"] += offset
        state["sentence"] = sentence
        state["aliases"] = set(values[_ALIASES])
        state["attributes"] = dict(values[_ATTRIBUTES])
        f.__dict__.update(state)
        found.append(f)
    for f, values in zip(found, records):
        for name, at in zip(_REFERENCES, _REFERENCE_AT):
            if values[at] is not None:
                setattr(f, name, found[values[at]])
    return found


class SentenceFindings:
    """A step's findings per distinct sentence text: its records, the offsets of other things it reports (as
    ``(offset, value)`` pairs) and anything else it gives that depends on the text alone (``extra``)."""

    def __init__(self, size: int = REMEMBERED_SENTENCES) -> None:
        self.size = size
        self._kept: dict[str, tuple[tuple[tuple, ...], tuple[tuple[int, object], ...], object]] = {}

    def recall(self, text: str, offset: int,
               sentence: int) -> tuple[list[Found], list[tuple[int, object]], object] | None:
        """What the step found in an earlier copy of ``text``, placed at ``offset``; None if not remembered."""
        kept = self._kept.get(text)
        if kept is None:
            return None
        records, positions, extra = kept
        return restore(records, offset, sentence), [(at + offset, value) for at, value in positions], extra

    def remember(self, text: str, offset: int, found: list[Found], positions: list[tuple[int, object]] = (),
                 extra: object = None) -> None:
        records = snapshot(found, offset) if self.size else None
        if records is None:
            return
        kept = self._kept
        if len(kept) >= self.size:
            del kept[next(iter(kept))]  # (the oldest)
        kept[text] = (records, tuple((at - offset, value) for at, value in positions), extra)

    def clear(self) -> None:
        self._kept.clear()
