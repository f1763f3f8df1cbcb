"""Segment stage (stub: split sentences on 。！？ and newlines)."""
import re

from kg.model import Article, Sentence

_END = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def segment(article: Article) -> tuple[Sentence, ...]:
    out = []
    for start, end in article.body:
        for m in _END.finditer(article.text, start, end):
            out.append(Sentence(m.start(), m.end(), m.group()))
    return tuple(out)
