"""Firms and institutions named once in full and elsewhere by a short form.

A registered name is place + trade name + trade + legal form (宜昌某某物业服务有限公司,
某市某某社会工作服务中心); the same story then writes the body as trade name + trade word
(某某物业, 某某社工, 某某合作社). The short form begins with the trade name (what follows the
places at the head of the full name) and keeps the characters it keeps in their order, so it is
the one full name of the article it fits.

A branch named only by its kind of workplace (物业党支部) is then the branch of the one such firm of
the article (``name_workplace_branches``), and one named by a legal form alone (公司党支部) the branch of
the one firm of that form (``name_firms_branches``).
"""
from __future__ import annotations

from functools import lru_cache

from kg.extract.found import Found
from kg.extract.patterns import PATTERNS
from kg.extract.unitstems import strip_level_suffix
from kg.gazetteer import load_gazetteer

TABLE = PATTERNS["firms"]
LEGAL_FORMS = tuple(TABLE["legal_forms"])
REGISTERED_FORMS = tuple(TABLE["registered_forms"])
MIN_SHORT = TABLE["min_short"]
TRADE_NAME = 2  # the characters of a trade name a short form always keeps
MAX_PLACE = 8  # the longest place name tried at the head of a firm's name
MIN_PLACE_STEM = 2
WORKPLACE_WORDS = frozenset(PATTERNS["partners"]["suffixes"])  # (物业, 医院, 学校: kinds of members that are firms)


@lru_cache(maxsize=4096)
def place_cuts(name: str) -> tuple[int, ...]:
    """Where the places at the head of ``name`` end (0 first): 淮安市清江浦区某某… → 0, 3, 7."""
    gazetteer = load_gazetteer()
    cuts = [0]
    while True:
        at = cuts[-1]
        step = next((n for n in range(min(MAX_PLACE, len(name) - at - MIN_SHORT), 1, -1)
                     if gazetteer.lookup(name[at : at + n], short=True)), None)
        if step is None:
            return tuple(cuts)
        cuts.append(at + step)


def keeps_in_order(short: str, full: str) -> bool:
    """Whether every character of ``short`` stands in ``full``, in the same order."""
    rest = iter(full)
    return all(ch in rest for ch in short)


def is_short_form(short: str, full: str) -> bool:
    """某某物业 of 某地某某物业服务有限公司, 某某社工 of 某地某某社会工作服务中心."""
    cuts = place_cuts(full)
    # the places the full name begins with may lead the short form too (宜昌某某物业); what follows them
    # is the trade name (宜昌物业 is a place and a trade, no trade name; 永安物业 of 福建永安物业服务有限公司 is
    # a trade name that is also a place's)
    own = short[max(cut for cut in cuts if short.startswith(full[:cut])):]
    if len(own) < MIN_SHORT:
        return False
    for core in (full[cut:] for cut in cuts):
        if len(own) < len(core) and own[:TRADE_NAME] == core[:TRADE_NAME] and keeps_in_order(own, core):
            return True
    return False


def join_firm_short_forms(others: list[Found]) -> None:
    """Name each partner written by a short form after the one full name of the article it is short for."""
    names = sorted({f.name for f in others if f.cls == "Partner"})
    fulls = [n for n in names if n.endswith(LEGAL_FORMS)]
    if not fulls:
        return  # (most articles: no registered name)
    full_of: dict[str, str] = {}
    for short in names:
        if short.endswith(REGISTERED_FORMS):
            continue
        longer = [f for f in fulls if f != short and is_short_form(short, f)]
        if len(longer) == 1:
            full_of[short] = longer[0]
    for f in others:
        if f.cls == "Partner" and f.name in full_of:
            f.aliases.add(f.name)
            f.name = full_of[f.name]


def name_workplace_branches(orgs: list[Found], others: list[Found], text: str, units: list[Found]) -> None:
    """物业党支部 in a story of 某某物业 (or of 某地某某物业服务有限公司): a branch named only by its kind of
    workplace is the branch of the one partner of the article whose name holds that word, named after
    the partner's shortest form ending with it (某某物业党支部), else after its registered name; it
    belongs to the firm, not to a unit. Written right after the stem of a unit of the article (某某湾 of
    某某湾社区), the branch is that place's firm's, named as written (某某湾物业党支部). (A party
    organisation the article names in full that ends so came first: kind_of_members_named_before.)"""
    branches = [o for o in orgs if o.rule == "branch" and not o.name.startswith("第")]
    if not branches:
        return
    stems = sorted({stem for u in units if not u.implicit and len(stem := strip_level_suffix(u.name)) >= MIN_PLACE_STEM
                    and stem != u.name}, key=len, reverse=True)
    for org in branches:
        if workplace_of(org) not in WORKPLACE_WORDS:
            continue  # (中南离退休党支部: a kind of members of the unit, its own branch)
        stem = next((st for st in stems if text.endswith(st, 0, org.start)), None)
        if stem is not None:
            org.aliases.add(org.name)
            org.name, org.start, org.unit, org.rule = stem + org.name, org.start - len(stem), None, "name"
    branches = [o for o in branches if o.rule == "branch"]
    forms: dict[str, set[str]] = {}
    for f in others:
        if f.cls == "Partner" and not f.rule.startswith("quote"):  # (a quoted brand is no workplace)
            forms.setdefault(f.name, set()).update({f.name, *f.aliases})
    named: dict[str, str] = {}  # registered name -> the branch's name as the article writes it in full
    settled = []
    for org in branches:
        workplace = workplace_of(org)
        firms = {name: own for name, names in forms.items() if workplace and (own := firm_form(name, names, workplace))}
        if len(firms) > 1:
            # 甲乙物业党支部 in a story of several firms of the trade: the one whose own words are written before it
            written = {name: own for name, own in firms.items() if written_piece(text, org.start, name, workplace)}
            firms = written if len(written) == 1 else firms
        if len(firms) == 1:
            registered, own = next(iter(firms.items()))
            piece = written_piece(text, org.start, registered, workplace)
            org.aliases.add(org.name)
            if piece:  # 某地甲乙物业服务有限公司, then 甲乙物业党支部: the branch as written, from the firm's own words
                org.name, org.start = piece + org.name, org.start - len(piece)
                named.setdefault(registered, org.name)
            else:
                org.name = own + org.name[len(workplace):]
            org.unit, org.rule = None, "name"
            settled.append((org, registered, piece))
    for org, registered, piece in settled:
        if not piece and registered in named:
            org.name = named[registered]  # 物业党支部 alone, in a story that wrote it in full: that branch


def name_firms_branches(orgs: list[Found], others: list[Found]) -> None:
    """公司党支部 in a story of one firm (某地某某物业服务有限公司, 以下简称某某物业): the branch of the one partner of
    the article whose name ends in that form, named after its full name; with none or several, it stays
    nameless, and nothing is written of it."""
    for org in orgs:
        if not org.rule.startswith("firm:"):
            continue
        form = org.rule[5:]
        firms = sorted({f.name for f in others if f.cls == "Partner" and f.name.endswith(form) and len(f.name) > len(form)
                        and not f.rule.startswith("quote")})
        if len(firms) == 1:
            org.aliases.add(form + org.kind)
            org.name, org.unit, org.rule = firms[0] + org.kind, None, "name"


def written_piece(text: str, start: int, registered: str, workplace: str) -> str:
    """甲乙 of 甲乙物业党支部 in a story of 某地甲乙物业服务有限公司: the longest piece of two characters or more
    of the firm's registered name that stands right before its workplace word there and right before the
    branch's workplace word in the text; "" if none."""
    at = registered.find(workplace)
    for begin in range(max(at - 1, 0)):
        piece = registered[begin:at]
        if text.endswith(piece, 0, start):
            return piece
    return ""


def workplace_of(org: Found) -> str:
    """物业 of 物业党支部: what a branch named by a kind of members or workplace says before its kind word."""
    return org.name[: -len(org.kind)] if org.kind and org.name.endswith(org.kind) else ""


def firm_form(name: str, forms: set[str], workplace: str) -> str | None:
    """The form of a partner its workplace branch is named after: its shortest form ending with the
    workplace word (某某物业), else its registered name when that holds the word (某某物业服务有限公司)."""
    ending = sorted((n for n in forms if n.endswith(workplace) and len(n) > len(workplace)), key=lambda n: (len(n), n))
    if ending:
        return ending[0]
    return name if workplace in name and name.endswith(LEGAL_FORMS) else None
