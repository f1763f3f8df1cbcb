"""Persons with a stated role: a role word, then a name (社区党委书记陈丹, 84岁老党员李荣燕).

A name is a common surname and one or two more characters, ending where
the next word begins. The article's own reporters (记者, 通讯员, 编辑) are
not persons of the graph.
"""
from __future__ import annotations

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.segment import tokenize, word_tags
from kg.extract.text import is_cjk
from kg.model import Sentence

CLS = "Person"


def name_at(text: str, pos: int) -> str | None:
    """The personal name that starts at ``pos``, if one does."""

    table = PATTERNS["persons"]
    surname = 2 if text[pos : pos + 2] in PATTERNS.surnames else 1
    if text[pos : pos + surname] not in PATTERNS.surnames:
        return None
    for given in (2, 1):
        end = pos + surname + given
        name = text[pos:end]
        if end > len(text) or not all(is_cjk(ch) for ch in name):
            continue
        if any(ch in table["not_in_given_name"] for ch in name[surname:]):
            continue
        if any(w in word_tags() and word_tags()[w] != "nr" for w in (name, name[: surname + 1])):
            continue  # a dictionary word (项目, 党员), not a name
        if boundary_after(text, end, tokenize, table["name_followers"]):
            return name
    return None


def boundary_after(text: str, end: int, tokenize, followers) -> bool:
    if end >= len(text) or not is_cjk(text[end]):
        return True
    rest = text[end : end + 8]
    if any(rest.startswith(f) for f in followers):
        return True
    first = tokenize(rest)[0]
    return len(first) > 1


def find_persons(index: int, sentence: Sentence, orgs: list[Found], units: list[Found]) -> tuple[list[Found], set[str]]:
    """Persons in one sentence, and the names of reporters to keep out of the graph."""
    table = PATTERNS["persons"]
    found, reporters = [], set()
    text = sentence.text
    for match in PATTERNS.role_re.finditer(text):
        name = name_at(text, match.end())
        if name is None:
            continue
        role = match.group()
        if role in table["reporter_roles"]:
            reporters.add(name)
            continue
        s = sentence.start + match.end()
        person = Found(CLS, name, s, s + len(name), index, role=role, rule="role+name")
        role_start = sentence.start + match.start()
        holder = next((o for o in orgs + units if o.start < role_start + len(role) and o.end >= role_start and o.end <= s), None)
        if holder is not None:
            person.role = text[holder.start - sentence.start : match.end()]
            if any(role.endswith(r) for r in table["leading_roles"]):
                person.org = holder
        found.append(person)
    return found, reporters
