"""The actors of an article: who can be the subject of a sentence, indexed once."""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.found import Found
from kg.extract.index import LastBefore, by_sentence


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
