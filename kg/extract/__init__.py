"""Extract stage: the entities an article names and the relations it states.

``process_article(article)`` segments one article (``segment``) and runs
``extract(article, sentences)``, a pure function of one article. Finding
and writing are kept apart: the rule modules find ``Found`` records, this
module settles them against each other (generic references, hierarchy,
claimed spans) and writes them out as model ``Mention`` and
``LocalRelation`` records with their evidence.
"""
from __future__ import annotations

from kg.errors import stage
from kg.extract import (abbreviated, chains, communities, coordinated, estates, firms, levelled, lists, named, partners, party,
                        persons, quotes, references, roles, rooms, standard, units)
from kg.extract import events as held_events
from kg.extract.found import Found
from kg.extract.frames import opens_report
from kg.extract.index import by_sentence
from kg.extract.patterns import PATTERNS
from kg.extract.places import named_as_committee_of
from kg.extract.relations import OPENING_QUOTES, Actor, FoundRelation, find_relations
from kg.extract.remembered import SentenceFindings
from kg.extract.segment import sentences_of
from kg.extract.text import clean_name, token_spans
from kg.model import Article, ArticleExtraction, EntityRef, Evidence, LocalRelation, Mention, Sentence


def extract(article: Article, sentences: tuple[Sentence, ...]) -> ArticleExtraction:
    text = article.text
    paragraph = paragraphs(text, sentences)
    tokens = [token_spans(s) for s in sentences]

    # Quoted names (not quoted speech) keep the words inside them from making other names. (The quotes
    # are found once here for the three rules that read them.)
    quoted_runs = [quotes.quote_spans(s) for s in sentences]
    quoted = [quotes.name_quote_spans(s, q) for s, q in zip(sentences, quoted_runs)]
    found_units, generic_words = find_units(sentences, tokens, paragraph, text, quoted)
    # Each sentence asks only for its own names: group them once, not once per sentence.
    units_in = by_sentence(found_units, len(sentences), lambda u: u.sentence)
    orgs: list[Found] = []
    for i, s in enumerate(sentences):
        orgs += sentence_orgs(i, s, tokens[i], units_in[i], generic_words[i], quoted[i])
    orgs = party.settle_orgs(orgs, found_units, paragraph, text)
    orgs_in = by_sentence(orgs, len(sentences), lambda o: o.sentence)

    others: list[Found] = []
    found_persons: list[Found] = []
    reporters: set[str] = set()
    declared = abbreviated.DeclaredNames()  # 某某科技有限公司（以下简称“某某科技”）
    for i, s in enumerate(sentences):
        in_sentence = units_in[i]
        taken = list(orgs_in[i])
        named_here, listed = sentence_names(i, s, tokens[i], taken, in_sentence, quoted_runs[i], quoted[i])
        declared.declare(s, named_here + listed)
        named_here, listed = declared.own_findings(s, named_here), declared.own_findings(s, listed)
        short_names, firm_branches = declared.mentions(i, s, named_here + listed + taken + in_sentence)
        named_here += listed + short_names
        others += named_here
        orgs += firm_branches
        bodies = [o for o in named_here if o.cls == "Partner"]  # (a team's captain leads the team)
        people, named_reporters = sentence_persons(i, s, orgs_in[i] + firm_branches + bodies, in_sentence, quoted[i])
        found_persons += people
        reporters |= named_reporters
    found_persons += persons.captioned(
        sentences, lambda i: orgs_in[i] + units_in[i] + [o for o in others if o.sentence == i and o.cls == "Partner"],
        {p.name for p in found_persons} | reporters)
    found_persons = [p for p in found_persons if p.name not in reporters]
    found_units = units_not_in_persons(found_units, found_persons)
    others += bodies_of_orgs(orgs, text, found_units)
    others = drop_inner_units(others, found_units)
    found_units = units_not_only_in_bodies(found_units, others, orgs)
    others = standard.settle_level_facilities(others, found_units, paragraph)  # (社区党群服务中心: the passage's)
    levelled.settle_level_bodies(others + orgs, found_units, paragraph)  # (区民政局: the article's district's)
    join_short_forms(others)
    owners_committee_of_the_compound(others, found_units)
    firms.join_firm_short_forms(others)
    firms.name_workplace_branches(orgs, others, text, found_units)
    firms.name_firms_branches(orgs, others)
    references.join_short_org_forms(orgs)
    named_after_bodies(orgs, others, text)
    join_parent_bodies(others)
    join_program_short_forms(others)
    declared.name_after_bodies(others + orgs)
    others = without_places_records(others)
    attach_facility_attributes(others, sentences)

    programs = [f for f in others if f.cls == "Program"]
    facilities = [f for f in others if f.cls == "Facility"]
    found_partners = [f for f in others if f.cls == "Partner"]
    bare = bare_actors(sentences, generic_words, found_units, paragraph, orgs_in)
    relations = find_relations(
        found_units, orgs, programs, facilities, found_partners, found_persons, bare,
        [s.text for s in sentences], text, paragraph, [s.start for s in sentences],
    )
    everything = found_units + orgs + others + found_persons
    written = Written(article, sentences)
    return ArticleExtraction(
        article_id=article.id,
        mentions=tuple(written.mention(f) for f in everything if f.name),
        relations=tuple(written.relation(r) for r in relations if r.subject.name and r.object.name),
    )


def paragraphs(text: str, sentences: tuple[Sentence, ...]) -> list[int]:
    """The paragraph (line) number of each sentence."""
    out, line, pos = [], 0, 0
    for s in sentences:
        line += text.count("\n", pos, s.start)
        pos = s.start
        out.append(line)
    return out


def find_units(sentences, tokens, paragraph, text: str, quoted) -> tuple[list[Found], list[list[tuple[int, str]]]]:
    found: list[Found] = []
    generic_words: list[list[tuple[int, str]]] = []
    for i, s in enumerate(sentences):
        in_sentence, generic = sentence_units(i, s, tokens[i], quoted[i])
        found += in_sentence
        generic_words.append(generic)
    found += communities.named_again(sentences, found)
    found += communities.written_again(sentences, tokens, found)
    found = units.settle_gazetteer(found, text)
    found = communities.listed_in_named_townships(tokens, found, quoted)
    found = units_crossing_known_names(found, text)
    chains.follow_written_chains(found)
    units.join_extended(found)
    estates.join_listed(found)
    units.chain_units(found, text)
    communities.join_local_forms(found)
    communities.settle_homonyms(found)
    communities.place_communities(found)
    found += units.implied_ancestors(found)
    units.place_units(found, paragraph)
    communities.join_misspellings(found)
    return found, generic_words


def sentence_units(i: int, s: Sentence, tokens, quoted) -> tuple[list[Found], list[tuple[int, str]]]:
    """The units one sentence names by itself (the gazetteer's, by suffix, numbered, coordinated, listed) and
    its bare generic unit words: found from the sentence alone, so remembered by its text (``remembered``)."""
    recalled = SENTENCE_UNITS.recall(s.text, s.start, i)
    if recalled is not None:
        return recalled[:2]
    in_sentence = units.find_gazetteer_units(i, tokens)
    by_suffix, generic = units.find_suffix_units(i, s, tokens, in_sentence, quoted)
    in_sentence += by_suffix
    in_sentence += units.find_numbered_groups(i, s, in_sentence)
    in_sentence += coordinated.find_coordinated(i, s, in_sentence, [(u.start, u.end) for u in in_sentence])
    in_sentence += estates.find_listed_estates(i, s, tokens, in_sentence)
    SENTENCE_UNITS.remember(s.text, s.start, in_sentence, generic)
    return in_sentence, generic


SENTENCE_UNITS = SentenceFindings()


# The steps below read a sentence and the names already found in it (its units, its organisations): a
# sentence where there are none (about half of a corpus's copies of a sentence, in c5000) gives them
# nothing but its text, so what they found in it is remembered by its text as well.
def sentence_orgs(i: int, s: Sentence, tokens, in_sentence: list[Found], generic, quoted) -> list[Found]:
    """The party organisations one sentence names (``party.find_party_orgs``)."""
    if in_sentence:
        return party.find_party_orgs(i, s, tokens, in_sentence, generic, quoted)
    recalled = SENTENCE_ORGS.recall(s.text, s.start, i)
    if recalled is not None:
        return recalled[0]
    found = party.find_party_orgs(i, s, tokens, in_sentence, generic, quoted)
    SENTENCE_ORGS.remember(s.text, s.start, found)
    return found


def sentence_names(i: int, s: Sentence, tokens, taken: list[Found], in_sentence: list[Found], quoted_runs,
                   quoted) -> tuple[list[Found], list[Found]]:
    """The programs, facilities and partners one sentence names, and the partners it lists, given the
    organisations (``taken``) and units found in it."""
    if taken or in_sentence:
        return find_names(i, s, tokens, taken, in_sentence, quoted_runs, quoted)
    recalled = SENTENCE_NAMES.recall(s.text, s.start, i)
    if recalled is not None:
        found, _, named_count = recalled
        return found[:named_count], found[named_count:]
    named_here, listed = find_names(i, s, tokens, taken, in_sentence, quoted_runs, quoted)
    SENTENCE_NAMES.remember(s.text, s.start, named_here + listed, extra=len(named_here))
    return named_here, listed


def find_names(i: int, s: Sentence, tokens, taken: list[Found], in_sentence: list[Found], quoted_runs,
               quoted) -> tuple[list[Found], list[Found]]:
    # a quoted post (“网格长”) is a role, unless a head makes it a way of working (“楼栋长”制度)
    quoted_names = [q for q in quotes.find_quoted(i, s, quoted_runs) if q.kind or not roles.is_role_word(q.name)]
    distributed, heads = lists.find_distributed(i, s, tokens, taken)
    quoted_names = distributed + [q for q in quoted_names if not any(d.overlaps(q.start, q.end) for d in distributed)]
    events = named.find_events(i, s, taken + quoted_names)
    events += held_events.find_held_events(i, s, taken + quoted_names + events)
    publications = named.find_publications(i, s)
    claimed = taken + quoted_names + events + publications + heads
    by_suffix = named.find_by_suffix(i, s, tokens, claimed, in_sentence, quoted)
    by_suffix += rooms.find_rooms(i, s, claimed + by_suffix)
    triggered = partners.find_triggered_partners(i, s, claimed + by_suffix + in_sentence)
    by_suffix = [f for f in by_suffix if f.cls != "Partner" or not partners.is_common_noun_after_pronoun(f, s, tokens)]
    quoted_names = [q for q in quoted_names if q.name]  # (a nameless one only claimed its span)
    named_here = quoted_names + events + publications + by_suffix + triggered
    listed = lists.find_listed_partners(i, s, tokens, named_here + taken + in_sentence)
    return named_here, listed


def sentence_persons(i: int, s: Sentence, bodies: list[Found], in_sentence: list[Found],
                     quoted) -> tuple[list[Found], set[str]]:
    """The persons one sentence names and the names of its reporters (``persons.find_persons``), given the
    organisations and bodies (``bodies``) and the units found in it."""
    if bodies or in_sentence:
        return persons.find_persons(i, s, bodies, in_sentence, quoted)
    recalled = SENTENCE_PERSONS.recall(s.text, s.start, i)
    if recalled is not None:
        return recalled[0], set(recalled[2])
    people, reporters = persons.find_persons(i, s, bodies, in_sentence, quoted)
    SENTENCE_PERSONS.remember(s.text, s.start, people, extra=frozenset(reporters))
    return people, reporters


SENTENCE_ORGS, SENTENCE_NAMES, SENTENCE_PERSONS = SentenceFindings(), SentenceFindings(), SentenceFindings()
REMEMBERED_STEPS = (SENTENCE_UNITS, SENTENCE_ORGS, SENTENCE_NAMES, SENTENCE_PERSONS)


def units_crossing_known_names(found: list[Found], text: str) -> list[Found]:
    """某镇大玉兰村乡村篮球联赛: jieba's 兰村乡 is a township's name, but the village the article names elsewhere
    (大玉兰村) is written across it, ending inside it: a unit whose span another unit's name, written right there,
    crosses is a misreading of the text."""
    names = sorted({u.name for u in found if not u.implicit and len(u.name) >= MIN_CROSSING_NAME}, key=len, reverse=True)
    if len(names) < 2:
        return found

    def crossed(unit: Found) -> bool:
        for name in names:
            if name == unit.name:
                continue
            for cut in range(1, len(name)):  # the name ends inside the unit, after its first `cut`-th character
                at = unit.start + cut - len(name)
                if at >= 0 and unit.start < at + len(name) < unit.end and text.startswith(name, at):
                    return True
        return False

    # (a community or a compound crossed so keeps its name: 南站铁路二村 and 铁路二村社区 are two readings of one
    # name, whose settling is the joins' business, not a misreading)
    return [u for u in found if u.implicit or u.kind in PART_LEVELS or not crossed(u)]


MIN_CROSSING_NAME = 3  # (大玉兰村: a name long enough that its writing there is no chance)
PART_LEVELS = ("community", "compound")


def bodies_of_orgs(orgs: list[Found], text: str, found_units: list[Found]) -> list[Found]:
    """县税务局党支部: the party branch of a body that is no unit names the body, a partner of
    whoever its branch works with."""
    unit_names = {u.name for u in found_units}
    bodies = []
    for org in orgs:
        surface = text[org.start : org.end]
        kind_word = longest_ending(surface, PARTY_KIND_WORDS)
        body = surface[: -len(kind_word)] if kind_word else ""
        body = body[: -len(office)] if (office := longest_ending(body, BODY_OFFICE_WORDS)) else body  # (某局|机关|党委)
        ending = longest_ending(body, PARTNER_ENDINGS) if body else None
        if ending is None and body.endswith(CENTRE) and not body.endswith(FACILITY_ENDINGS):
            ending = CENTRE  # 某某管理中心党总支: a centre with a party body of its own is an institution, no place
        if ending is None or len(body) <= len(ending) or body in unit_names or org.unit is not None:
            continue
        bodies.append(Found("Partner", body, org.start, org.start + len(body), org.sentence,
                            kind=partners.partner_kind(ending), rule="body of organisation"))
    return bodies


def longest_ending(text: str, words: dict[int, frozenset[str]]) -> str | None:
    """The longest of the words (grouped by length, longest first) that ``text`` ends with: one set test per
    length, not one ``endswith`` per word (every organisation asks it of 14 kind words, then of 106 endings)."""
    return next((text[-n:] for n, group in words.items() if n <= len(text) and text[-n:] in group), None)


def by_length(words) -> dict[int, frozenset[str]]:
    lengths = sorted({len(w) for w in words}, reverse=True)
    return {n: frozenset(w for w in words if len(w) == n) for n in lengths}


PARTY_KIND_WORDS = by_length(PATTERNS.party_kind)
PARTNER_ENDINGS = by_length(PATTERNS["partners"]["suffixes"])
BODY_OFFICE_WORDS = by_length(PATTERNS["party"]["body_office_words"])
CENTRE = "中心"
FACILITY_ENDINGS = tuple(PATTERNS["facilities"]["suffixes"])


def drop_inner_units(others: list[Found], found_units: list[Found]) -> list[Found]:
    """A name found by suffix that is itself a unit (a 社区 服务中心 is not one) stays a unit only; a body
    whose name ends inside a unit's name (某局家属院, 县某公司家属院) only says whose the place was."""
    unit_spans = {(u.start, u.end) for u in found_units}
    if not any(f.cls == "Partner" for f in others):
        return [f for f in others if (f.start, f.end) not in unit_spans]
    units_in = by_sentence((u for u in found_units if not u.implicit),
                           max((f.sentence for f in others + found_units), default=-1) + 1, lambda u: u.sentence)
    return [f for f in others if (f.start, f.end) not in unit_spans
            and not (f.cls == "Partner" and any(u.start < f.end < u.end for u in units_in[f.sentence]))]


def units_not_only_in_bodies(found_units: list[Found], others: list[Found], orgs: list[Found]) -> list[Found]:
    """某市某某社区发展基金会, 某县某某村镇银行: a community named by suffix inside a body's name, after the
    place the body is registered in, only says what the body is called; it is a unit when written alone
    too, or when an organisation of the article is its."""
    bodies = [f for f in others if f.cls == "Partner"]
    inside = [u for u in found_units if u.rule == "suffix"
              and any(b.start < u.start and u.end < b.end for b in bodies if b.sentence == u.sentence)]
    if not inside:
        return found_units
    alone = {u.name for u in found_units if u not in inside and not u.implicit} | {o.unit.name for o in orgs if o.unit}
    dropped = [u for u in inside if u.name not in alone]
    return [u for u in found_units if not any(u is d for d in dropped)]


def units_not_in_persons(found_units: list[Found], found_persons: list[Found]) -> list[Found]:
    """镇党委书记某玉林: a place the gazetteer knows (玉林) inside a person's name is no mention of a unit, and
    the ancestors it added (which share its span) go with it; the unit written elsewhere is found there. Nor is
    one whose suffix ends inside a name (队长|阿苏木|呷: a 苏木 read into a transliterated name)."""
    if not found_persons:
        return found_units  # (most articles: no unit inside a name either)
    return [u for u in found_units if not any(p.start <= u.start and u.end <= p.end or u.start < p.start < u.end < p.end
                                              for p in found_persons)]


FIRM_WORD = "公司"
KIND_NAME_LENGTH = 4  # (志愿消防队, 暖心驿站: a kind of team or place of four characters or more, not 队 or 驿站)


def owners_committee_of_the_compound(others: list[Found], units: list[Found]) -> None:
    """小区业主委员会, 业委会 alone: the owners' committee of the one compound the article names (某某小区业主委员会),
    as 社区党委 is the community's; with no compound or several, a kind of body named in passing."""
    bare = [f for f in others if f.cls == "Partner" and f.name in BARE_OWNERS_COMMITTEES]
    if not bare:
        return  # (most articles)
    compounds = {u.name: u for u in units if u.kind == "compound" and not u.implicit}
    if len(compounds) != 1:
        return
    compound = next(iter(compounds.values()))
    for f in bare:
        f.aliases.add(f.name)
        f.name, f.unit = compound.name + OWNERS_COMMITTEE, compound


OWNERS_COMMITTEE = "业主委员会"
BARE_OWNERS_COMMITTEES = frozenset(("小区业主委员会", "小区业委会", "业主委员会", "业委会"))


def join_short_forms(others: list[Found]) -> None:
    """某某驿站 after 甲乙小区某某驿站, 公安局 after 县公安局: in one article, a facility or partner
    named by the end of another's name is that one, named in short (unless two names end so)."""
    for cls in SHORT_FORM_CLASSES:
        names = sorted({f.name for f in others if f.cls == cls}, key=len)
        full: dict[str, str] = {}
        for short in names:
            longer = [n for n in names if len(n) > len(short) and n.endswith(short)]
            if not longer and cls == "Partner" and short.endswith(FIRM_WORD) and 2 <= len(short) - len(FIRM_WORD) <= 3:
                # 热电公司 after 淮南淮舜热电有限公司, 餐饮公司 after 某某餐饮有限公司: the article's one firm of that trade
                trade = short[: -len(FIRM_WORD)]
                longer = [n for n in names if len(n) > len(short) + 2 and trade in n and n.endswith(FIRM_WORD)]
            if not longer and len(short) >= KIND_NAME_LENGTH:
                # 志愿消防队 after “某某”志愿消防队 (named 某某, 某某志愿消防队 its alias): the quoted team, by its
                # kind; 这座暖心驿站 after “某某”暖心驿站: the quoted place
                longer = sorted({f.name for f in others if f.cls == cls and f.name != short
                                 and any(len(a) > len(short) and a.endswith(short) for a in f.aliases)})
            if len(short) >= MIN_SHORT_FORM and len(longer) == 1:
                full[short] = longer[0]
        for f in others:
            if f.cls == cls and f.name in full:
                f.aliases.add(f.name)
                f.name = full[f.name]


def named_after_bodies(orgs: list[Found], others: list[Found], text: str) -> None:
    """成立“遛弯护安队”, 又在队里成立遛弯护安队临时党支部: an organisation whose name begins with the tail of a body
    the article names (护安队…), written right after the rest of that body's name, is named after the whole
    body (the stem walk stopped at a verb inside it, 遛弯)."""
    bodies = sorted({f.name for f in others if f.cls == "Partner" and len(f.name) >= MIN_BODY_FOR_ORG}, key=len, reverse=True)
    if not bodies:
        return
    for org in orgs:
        if org.generic or org.implicit:
            continue
        for body in bodies:
            cut = next((k for k in range(1, len(body)) if org.name.startswith(body[k:])
                        and text.endswith(body[:k], 0, org.start)), None)
            if cut is not None:
                org.aliases.add(org.name)
                org.name, org.start = body[:cut] + org.name, org.start - cut
                break


MIN_BODY_FOR_ORG = 4  # (遛弯护安队: a body's name long enough that its tail is no common word)


def join_parent_bodies(others: list[Found]) -> None:
    """某工程局山东公司, later 某工程局 alone: in a story that names one branch of a body, the body named
    alone is that branch (the body of two named branches stays itself)."""
    branches: dict[str, set[str]] = {}
    for f in others:
        if f.cls == "Partner" and f.rule == "body+branch":
            for branch in f.aliases:
                if f.name.endswith(branch) and len(f.name) > len(branch):
                    branches.setdefault(f.name[: -len(branch)], set()).add(f.name)
    for f in others:
        full = branches.get(f.name) if f.cls == "Partner" else None
        if full is not None and len(full) == 1:
            f.aliases.add(f.name)
            f.name = next(iter(full))


def without_places_records(others: list[Found]) -> list[Found]:
    """推广“某某茶座”的经验: a quoted name that is a program only as the owner of a record (its experience, its
    way of doing things) names no program when the article names a place or a body so; the record is theirs."""
    held = {f.name for f in others if f.cls in ("Facility", "Partner")}
    return [f for f in others if not (f.rule == "quote+record" and f.name in held)]


def join_program_short_forms(others: list[Found]) -> None:
    """“甲乙”品牌 and “甲乙丙丁”品牌 in one article: a program whose name begins another's, written
    with the same head word after it, is that one named in short, wherever the article names it."""
    programs = [f for f in others if f.cls == "Program"]
    heads: dict[str, set[str]] = {}
    for f in programs:
        heads.setdefault(f.name, set()).update(a[len(f.name):] for a in f.aliases if a.startswith(f.name) and len(a) - len(f.name) >= MIN_SHARED_HEAD)
    full: dict[str, str] = {}
    for short in sorted(heads):
        longer = [n for n in sorted(heads) if len(n) > len(short) and n.startswith(short) and heads[short] & heads[n]]
        if len(longer) == 1:
            full[short] = longer[0]
    for f in programs:
        if f.name in full:
            f.aliases.add(f.name)
            f.name = full[f.name]


MIN_SHARED_HEAD = 5  # 非公党建品牌, 志愿服务项目: a head this long says which program; 治理模式 or 党建品牌 does not
SHORT_FORM_CLASSES = ("Facility", "Partner")
MIN_SHORT_FORM = 3


def attach_facility_attributes(others: list[Found], sentences: tuple[Sentence, ...]) -> None:
    """Sizes, capacities and counts go to the facility named nearest before them in the sentence.

    A facility named in a heading (【某某公园】) takes the measures of the
    paragraph that follows it, when that paragraph names no facility itself.
    """
    facilities = by_sentence((f for f in others if f.cls == "Facility"), len(sentences), lambda f: f.sentence)
    for index, sentence in enumerate(sentences):
        here = facilities[index]
        if not here and index > 0 and sentences[index - 1].text.startswith("【"):
            here = facilities[index - 1]
        if not here:
            continue  # no facility to own a measure (most sentences): no need to look for one
        for name, pattern in PATTERNS.facility_attribute_res:
            for match in pattern.finditer(sentence.text):
                at = sentence.start + match.start()
                before = [f for f in here if f.end <= at]
                owner = max(before, key=lambda f: f.end) if before else (here[0] if here else None)
                if owner is not None:
                    owner.attributes.setdefault(name, match.group(1).replace(" ", ""))


def bare_actors(sentences, generic_words, found_units, paragraph, orgs_in) -> list[Actor]:
    """A generic unit word opening a clause (社区携手…) stands for the unit the passage is about; so does one
    that opens a speaker's report (某某介绍了社区推行…) or owns the quoted name right after it (承接街道“某某”项目)."""
    actors = []
    passages: dict[str, units.PassageUnits] = {}
    for i, generic in enumerate(generic_words):
        s = sentences[i]
        for pos, level in generic:
            rel = pos - s.start
            owner = s.text.startswith(OPENING_QUOTES, rel + 2)
            if rel > 0 and s.text[rel - 1] not in ",，;；:：、" and not s.text[:rel].endswith(("由", "在")) and not (
                    owner or opens_report(s.text, rel)):
                continue
            if level not in passages:
                candidates = [u for u in found_units if u.kind == level and not u.implicit]
                passages[level] = units.PassageUnits(candidates, paragraph)
            unit = passages[level].nearest(Found("AdministrativeUnit", "", pos, pos, i))
            if owner and unit is not None and any(o.start < pos and named_as_committee_of(o.name, unit.name)
                                                  for o in orgs_in[i]):
                # (社区党委…吸纳进社区“某某”联盟: the unit's own committee acting in the sentence owns it for its unit;
                # a branch below it, 联合党支部…参加社区“某某”, takes part in the unit's)
                continue
            if unit is not None:
                actors.append(Actor(pos, pos + 2, i, unit))
    return actors



# ------------------------------------------------------------------- writing
class Written:
    """One article's found names and relations as model ``Mention`` and ``LocalRelation`` records.

    Records are frozen and compared by value, so one ``Evidence`` per span and
    one ``EntityRef`` per name serve every record that has them: half the
    evidence of an article is a span some other record has too (a relation's
    trigger is often a name), and its relations name a third as many entities
    as they have ends.
    """

    def __init__(self, article: Article, sentences: tuple[Sentence, ...]):
        self.article = article
        self.sentences = sentences
        self.to_original = article.normalised.to_original  # (what original_span looks up, without two calls per name)
        self.evidence: dict[tuple[int, int, int], Evidence] = {}
        self.refs: dict[tuple[str, str], EntityRef] = {}

    def evidence_of(self, found: Found) -> Evidence:
        where = (found.sentence, found.start, found.end)
        evidence = self.evidence.get(where)
        if evidence is None:
            sentence = self.sentences[found.sentence]
            to_original = self.to_original
            evidence = self.evidence[where] = Evidence(
                self.article.id, sentence.text, to_original[sentence.start], to_original[sentence.end],
                to_original[found.start], to_original[found.end])
        return evidence

    def ref(self, found: Found) -> EntityRef:
        key = (found.cls, clean_name(found.name))
        ref = self.refs.get(key)
        if ref is None:
            ref = self.refs[key] = EntityRef(*key)
        return ref

    def mention(self, found: Found) -> Mention:
        surface = self.article.text[found.start : found.end]
        aliases = set() if found.generic or found.implicit else {clean_name(a) for a in found.aliases}
        if not found.generic and not found.implicit and not found.written_apart:
            aliases.add(clean_name(surface))
        name = clean_name(found.name)
        aliases.discard(name)
        return Mention(
            cls=found.cls,
            name=name,
            surface=surface,
            evidence=self.evidence_of(found),
            kind=found.kind,
            attributes=tuple(sorted(found.attributes.items())),
            role=found.role,
            code=found.code,
            implicit=found.implicit,
            aliases=tuple(sorted(a for a in aliases if a)),
        )

    def relation(self, rel: FoundRelation) -> LocalRelation:
        return LocalRelation(
            subject=self.ref(rel.subject),
            predicate=rel.predicate,
            object=self.ref(rel.object),
            evidence=self.evidence_of(rel.evidence),
            rule=rel.rule,
        )


def process_article(article: Article) -> ArticleExtraction:
    """Segment and extract one article: the extract stage's entry point."""
    with stage("segment"):
        sentences = sentences_of(article)
    with stage("extract"):
        return extract(article, sentences)
