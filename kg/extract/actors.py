"""The actors of an article: who can be the subject of a sentence, indexed once."""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.found import Found
from kg.extract.index import LastBefore, by_sentence
from kg.extract.patterns import PATTERNS
from kg.frozen import dict_init


@dict_init
@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    sentence: int
    entity: Found


class Actors:
    """The article's actors (sorted by ``actors_of``), indexed by sentence and paragraph once.

    A name lies inside its sentence, so only the actors of a target's own
    sentence can overlap it: those of earlier sentences are answered from
    the indexes, those of its own sentence by a scan of that sentence.
    """

    def __init__(self, actors: list[Actor], sentences: int, paragraph: list[int], starts: list[int] | None = None):
        self.actors = actors
        self.paragraph = paragraph
        self.starts = starts
        self.in_sentence = by_sentence(actors, sentences, lambda a: a.sentence)
        self.earlier = LastBefore(actors, key=lambda a: None, position=lambda a: a.sentence)
        self.earlier_in_paragraph = LastBefore(actors, key=lambda a: paragraph[a.sentence], position=lambda a: a.sentence)


def overlaps(actor: Actor, target: Found) -> bool:
    return actor.start < target.end and target.start < actor.end


def coordinated(actors: list[Actor], text: str) -> list[Actor]:
    chosen = [actors[-1]]
    for prev in reversed(actors[:-1]):
        if text[prev.end : chosen[-1].start] not in ACTOR_COORDINATORS:
            break
        chosen.append(prev)
    return chosen


def is_place_of_deed(actor: Actor, text: str) -> bool:
    """在某社区举行, 来到某村: a unit written after a word of place is where something happens.

    (A committee keeps its part: 在某党委的指导下 is read by ``guided_by``, and
    a committee is never where.)
    """
    return actor.entity.cls == "AdministrativeUnit" and text.endswith(PLACE_WORDS, 0, actor.start)


def places_of_deed(actors: list[Actor], text: str) -> set[int]:
    """The indexes (in ``actors``, a sentence's actors in text order) of its units named as the place of a
    deed, with the units coordinated after one (在甲街道、乙街道选取…: the three are where, all of them)."""
    places: set[int] = set()
    for i, actor in enumerate(actors):
        if is_place_of_deed(actor, text) or (
                i - 1 in places and actor.entity.cls == "AdministrativeUnit"
                and text[actors[i - 1].end : actor.start] in ACTOR_COORDINATORS):
            places.add(i)
    return places


def is_guide(actor: Actor, text: str) -> bool:
    """社区党委在街道党工委指导下,探索“某某”: a body framed by 在…指导下 guides the deed; the sentence's other
    actor does it."""
    return text[actor.start - 1 : actor.start] == GUIDE_OPENER and text.startswith(GUIDE_WORDS, actor.end)


PLACE_WORDS = tuple(PATTERNS["relations"]["place_words"])
GUIDE_OPENER = "在"
GUIDE_WORDS = tuple(PATTERNS["relations"]["guide_words"])
ACTOR_COORDINATORS = PATTERNS.coordinators
CLAUSE_MARKS = ("。", ";", "；", "!", "！", "?", "？")
