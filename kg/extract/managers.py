"""Who runs a program or holds a facility that 由 names after it.

“某某”由社区党委发起, 司机之家由综合党委和某社区党委共同管理, 基金挂靠在某基金会名下,由社区党委发起: a
clause whose subject is a program or facility (named right before 由, or opening the clause or the
sentence by its name or the tail of its name, 骑手之家 for 外卖骑手之家, 基金 for 某某专项基金, named
before) and whose 由 names actors (coordinated) before a verb of running, founding or managing says
that those actors run or hold it, whoever the sentence or the article would give it to otherwise.
"""
from __future__ import annotations

from bisect import bisect_right

from kg.extract.actors import ACTOR_COORDINATORS, Actors
from kg.extract.anaphora import headed_by
from kg.extract.found import Found
from kg.extract.patterns import PATTERNS

AGENT = "由"
VERBS = tuple(PATTERNS["relations"]["managing_verbs"])
ADVERBS = "则还也均现已将主要"  # what may stand between the subject and 由
CLOSING = "”’」』\""
MAX_BEFORE_VERB = 2  # 共同, 负责, 统一: what may stand between the actors and the verb
MIN_TAIL = 2
CLAUSE_OPENERS = ",，;；:：。!！?？"


def managers(targets: list[Found], actors: Actors, text: str, starts: list[int]) -> dict[tuple[str, str], list[Found]]:
    """For each target a 由 clause is about (by class and name: every mention of it), the actors it names as
    its runners."""
    found: dict[tuple[str, str], list[Found]] = {}
    if AGENT not in text:
        return found
    ordered = sorted(targets, key=lambda t: t.start)
    at = text.find(AGENT)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i >= 0:
            runners = agents_after(at, actors.in_sentence[i], text)
            target = subject_of(at, ordered, text, starts[i], starts[i - 1] if i > 0 else 0) if runners else None
            if target is not None:
                found.setdefault((target.cls, target.name), runners)
        at = text.find(AGENT, at + 1)
    return found


def agents_after(at: int, sentence_actors, text: str) -> list[Found]:
    """The actors right after 由 at ``at`` (coordinated: 甲和乙), when a verb of running follows them."""
    right_after = [a for a in sentence_actors if a.start == at + 1]
    if not right_after:
        return []
    first = max(right_after, key=lambda a: a.end)  # (社区党委, not the 社区 it begins with)
    chosen = [first]
    for actor in sentence_actors:
        if actor.start > chosen[-1].end and text[chosen[-1].end : actor.start] in ACTOR_COORDINATORS:
            chosen.append(actor)
    end = chosen[-1].end
    if not any(text.startswith(verb, end + k) for verb in VERBS for k in range(MAX_BEFORE_VERB + 1)):
        return []
    if any(a.entity.cls not in ("PartyOrganization", "AdministrativeUnit") for a in chosen):
        return []
    if text.startswith(GUIDING, end):
        # 由某街道党工委指导建设,某社区党委负责日常运营: the body 由 names guides; who runs it opens the next clause
        return runner_after(end, sentence_actors, text)
    return [a.entity for a in chosen]


GUIDING = tuple(PATTERNS["relations"]["guiding_words"])


def runner_after(end: int, sentence_actors, text: str) -> list[Found]:
    """The actor that opens the clause after ``end`` (its sentence's next comma) before a verb of running."""
    comma = min((i for mark in CLAUSE_COMMAS if (i := text.find(mark, end)) >= 0), default=-1)
    opener = next((a for a in sentence_actors if comma >= 0 and a.start == comma + 1), None)
    if opener is None or opener.entity.cls not in ("PartyOrganization", "AdministrativeUnit"):
        return []
    if not any(text.startswith(verb, opener.end + k) for verb in VERBS for k in range(MAX_BEFORE_VERB + 1)):
        return []
    return [opener.entity]


CLAUSE_COMMAS = (",", "，", "、")  # (由甲指导、乙主办: the next item of the list)


def subject_of(at: int, ordered: list[Found], text: str, sentence_start: int, previous_start: int = 0) -> Found | None:
    """The program or facility the clause of 由 at ``at`` is about: named right before it, else opening the
    clause (or, where 由 opens its clause, the sentence) by its name or its name's tail. A head word that heads
    none of them stands for the last program of its kind named since the sentence before (第二届“某某节”开幕。
    活动由社区党委主办: 活动 is the festival, an event)."""
    lead_end = at
    while lead_end > sentence_start and text[lead_end - 1] in ADVERBS:
        lead_end -= 1
    bare = lead_end
    while bare > sentence_start and text[bare - 1] in CLOSING:
        bare -= 1
    direct = next((t for t in ordered if t.end in (bare, lead_end) and t.start >= sentence_start), None)
    if direct is not None:
        return direct
    clause = max([text.rfind(m, sentence_start, lead_end) + 1 for m in CLAUSE_OPENERS] + [sentence_start])
    opening = text[clause:lead_end] if clause < lead_end else text[sentence_start:at]
    best: tuple[int, int] | None = None
    target = None
    limit = clause if clause < lead_end else sentence_start  # (named before the clause: 建成某某食堂,食堂由…)
    for t in ordered:
        if t.end > limit:
            break
        size = next((k for k in range(len(t.name), MIN_TAIL - 1, -1) if opening.startswith(t.name[-k:])), 0)
        if size and (clause < lead_end and size == len(opening) or clause >= lead_end) and (best is None or size >= best[0]):
            best, target = (size, t.start), t
    if target is None and clause < lead_end:
        # 该项目由…发起, 活动由…主办: a determiner and the head word written with the last such target named before
        head = opening.removeprefix(next((d for d in DETERMINERS if opening.startswith(d)), ""))
        if head in HEADS:
            target = next((t for t in reversed(ordered) if t.end <= limit and headed_by(t, head, text)), None)
            if target is None and head in HEAD_KINDS:
                target = next((t for t in reversed(ordered) if t.end <= limit and t.start >= previous_start
                               and t.cls == "Program" and t.kind == HEAD_KINDS[head]), None)
    return target


DETERMINERS = tuple(sorted(PATTERNS["relations"]["determiners"], key=len, reverse=True))
# (a head word of programs and the kind it gives them: 活动 → event)
HEAD_KINDS = {w: kind for words, kind in PATTERNS["programs"]["kinds"] for w in words if len(w) > 1}
HEADS = frozenset(w for words, _ in PATTERNS["programs"]["kinds"] for w in words if len(w) > 1) | frozenset(
    w for w in PATTERNS["facilities"]["suffixes"] if len(w) > 1)
