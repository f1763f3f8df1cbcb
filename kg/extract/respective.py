"""甲村、乙村分别建成A和B: actors coordinated before 分别 and the things listed after its verb pair up in order.

A sentence that gives several actors several things "respectively" says which is whose by the order of both
lists: the first actor has the first thing, the second the second. Where the lists are not as long as each
other the sentence does not pair them, and the other rules decide.
"""
from __future__ import annotations

from kg.extract.actors import Actor, coordinated
from kg.extract.found import Found
from kg.extract.patterns import PATTERNS

RESPECTIVELY = tuple(PATTERNS["relations"]["respectively"])
CLAUSE_ENDS = ",，;；。!！?？:："
MAX_GAP = 2  # 已, 也: what may stand between the last actor and 分别


def respective_owner(target: Found, sentence_actors: list[Actor], text: str, sentence_start: int) -> Found | None:
    """The actor ``target`` is paired with by 分别 in its sentence, or None."""
    word = max(((text.rfind(w, sentence_start, target.start), w) for w in RESPECTIVELY), default=(-1, ""))
    at, w = word
    if at < 0 or any(ch in CLAUSE_ENDS for ch in text[at : target.start]):
        return None
    before = [a for a in sentence_actors if a.end <= at]
    if not before or at - before[-1].end > MAX_GAP:
        return None
    owners = list(reversed(coordinated(before, text)))
    if len(owners) < 2:
        return None
    end = min([i for ch in CLAUSE_ENDS if (i := text.find(ch, target.end)) >= 0] + [len(text)])
    span_start = at + len(w)
    index = separators_in(text[span_start : target.start])
    total = index + 1 + separators_in(text[target.end : end])
    if total != len(owners):
        return None
    return owners[index].entity


def separators_in(span: str) -> int:
    """How many list separators (、 和 及) a span holds."""
    count, i = 0, 0
    ordered = sorted(PATTERNS.coordinators, key=len, reverse=True)
    while i < len(span):
        sep = next((s for s in ordered if span.startswith(s, i)), None)
        if sep is not None:
            count += 1
            i += len(sep)
        else:
            i += 1
    return count
