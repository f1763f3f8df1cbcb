"""Teams of residents and the body that set them up.

某镇党委从镇村干部中挑选党员,组建起这支12人的宣讲队: the actor of a verb of setting up whose object is a
team named in the article (by its name or by the tail of it, 宣讲队 for 某某双语宣讲队) founded it, and works
with it. What the team does afterwards (宣讲队还和某小学结成对子, 队员们开起了“某某课堂”) its founder does
through it: a clause that opens with the team's name, its tail or a word for its members stands for the founder.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from kg.extract.actors import Actor, Actors, coordinated, is_place_of_deed
from kg.extract.found import Found
from kg.extract.index import Covering
from kg.extract.patterns import PATTERNS, alternation

TABLE = PATTERNS["relations"]["teams"]
SET_UP = re.compile(alternation(PATTERNS["relations"]["set_up_words"] + TABLE["set_up_words"]))
MEMBERS = tuple(sorted(TABLE["member_words"], key=len, reverse=True))
MIN_TAIL = 3  # 宣讲队, 服务队: a tail shorter names a kind of team, not this one
MAX_OBJECT_LEAD = 12  # 起这支12人的: what may stand between the verb and the team
OPENERS = ",，;；:：。!！?？"


def team_tails(team: Found, text: str = "") -> list[str]:
    """The team's name and its tails; a team named by its quoted words (“某某”服务队) also by the name as written."""
    written = "".join(ch for ch in text[team.start : team.end] if ch not in QUOTE_MARKS) if text else team.name
    names = [team.name] + ([written] if written != team.name else [])
    return list(dict.fromkeys(n[-k:] for n in names for k in range(len(n), MIN_TAIL - 1, -1)))


QUOTE_MARKS = "“”\"'‘’"


def founders(teams: list[Found], actors: Actors, text: str, starts: list[int]) -> dict[str, Found]:
    """For each team (by name), the actor of the first sentence that sets it up."""
    found: dict[str, Found] = {}
    for match in SET_UP.finditer(text):
        i = bisect_right(starts, match.start()) - 1
        end = min([j for ch in OPENERS if (j := text.find(ch, match.end())) >= 0] + [len(text)])
        lead = text[match.end() : min(end, match.end() + MAX_OBJECT_LEAD + max((t.end - t.start for t in teams), default=0))]
        for team in teams:
            if team.name in found:
                continue
            at = min((p for tail in team_tails(team, text) if (p := lead.find(tail)) >= 0), default=-1)
            if at < 0 or at > MAX_OBJECT_LEAD:
                continue
            before = [a for a in actors.in_sentence[i] if a.end <= match.start() and not is_place_of_deed(a, text)]
            if before:
                found[team.name] = coordinated(before, text)[0].entity
    return found


def team_actors(teams: list[Found], holders: dict[str, Found], named: list[Found], text: str,
                starts: list[int]) -> list[Actor]:
    """An actor for each clause that opens with a team's name, the tail of it, or (where the article has one such
    team) a word for its members: the team's founder."""
    held = [t for t in teams if t.name in holders]
    if not held:
        return []
    names = Covering((f.start, f.end) for f in named if f.name not in holders)
    words = sorted({(tail, t.name) for t in held for tail in team_tails(t, text)}, key=lambda w: -len(w[0]))
    if len({t.name for t in held}) == 1:
        words += [(m, held[0].name) for m in MEMBERS]
    opening = set(starts)
    taken: dict[int, Actor] = {}
    for word, name in words:  # (longest first: a clause takes the longest word that opens it)
        at = text.find(word)
        while at >= 0:
            lead = at - 1 if text[at - 1 : at] in QUOTES else at
            opens = lead in opening or text[lead - 1 : lead] in OPENERS
            if opens and lead not in taken and not names.covers(at, at + len(word)):
                taken[lead] = Actor(at, at + len(word), bisect_right(starts, at) - 1, holders[name])
            at = text.find(word, at + 1)
    return sorted(taken.values(), key=lambda a: (a.start, a.end))


QUOTES = ("“", '"')


def with_teams(actors: Actors, partners: list[Found], named: list[Found], text: str) -> tuple[Actors, dict[str, Found]]:
    """The actors with those standing for the teams' founders, and the founder of each team (by name)."""
    # (or as written: “某某”服务队, named by its quoted words)
    teams = [p for p in partners if p.name.endswith(TEAM_ENDINGS) or text.endswith(TEAM_ENDINGS, p.start, p.end)]
    if not teams or actors.starts is None:
        return actors, {}
    found = founders(teams, actors, text, actors.starts)
    extra = team_actors(teams, found, named, text, actors.starts)
    if extra:
        actors = Actors(sorted(actors.actors + extra, key=lambda a: (a.start, a.end)), len(actors.in_sentence),
                        actors.paragraph, actors.starts)
    return actors, found


TEAM_ENDINGS = tuple(TABLE["endings"])
