"""Names that a role and a verb mark (村党支部书记某某某介绍, 村主任某某某某带领…): a name whose surname
is no common one, or of four characters (many Tibetan, Uyghur, Hui and Yi names), read from where the
role ends and a verb begins, and the test ``persons`` asks of a name read by its surname."""
from __future__ import annotations

from kg.extract.patterns import PATTERNS
from kg.extract.segment import tokenize, word_tags
from kg.extract.text import is_cjk, is_place_word


def spoken_name(text: str, pos: int) -> str | None:
    """A name whose surname is not a common one, or that has four characters (many Tibetan, Hui and
    Yi names), right between a role and a verb of speech (村党支部书记某某某介绍): the role and the
    verb mark where it starts and ends, so two to four characters that are no word of another
    kind (今天, 反复, 对此) are taken as the name. Four characters made of names' words and single
    characters may end before any verb (书记某某某某组织…)."""
    for size in (4, 3, 2):
        name = text[pos : pos + size]
        if len(name) < size:
            continue
        if size == 4 and word_tags().get(text[pos + size - 1 : pos + size + 1], "").startswith("v"):
            continue  # 党员先上门劝|说: the last character and the next make a verb (劝说), inside which no name ends
        if not text.startswith(SPEECH_VERBS, pos + size):
            if size == 4 and before_a_verb(text, pos + size) and all(map(is_name_part, tokenize(name))):
                return name if ok_spoken_name(name) else None  # 村主任某某某某带领…: any verb ends a name of four
            if size == 3 and name[0] not in PATTERNS.surnames and text.endswith(POST_TITLES, 0, pos) \
                    and (marked_end(text, pos + size) or before_a_verb(text, pos + size)) \
                    and all(len(t) == 1 or word_tags().get(t, "").startswith("nr") for t in tokenize(name)) \
                    and ok_spoken_name(name):
                return name  # 书记某某某在田埂上, 副书记某某某通报…: a surname no list has, ended by a mark or a verb
            continue
        return name if ok_spoken_name(name) else None
    return None


def plainly_ended(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is followed by what ends a name for sure: a mark, a function
    character, a listed follower or a verb."""
    return marked_end(text, end) or word_tags().get(tokenize(text[end : end + 8])[0], "").startswith("v")


def marked_end(text: str, end: int) -> bool:
    """Whether the text ends at ``end``, or a mark, a function character (到, 在, 和) or a listed follower
    starts there: what ends a name whatever word follows."""
    return (end >= len(text) or not is_cjk(text[end]) or text[end] in PATTERNS.stop_chars
            or text.startswith(NAME_FOLLOWERS, end))


NAME_FOLLOWERS = tuple(PATTERNS["persons"]["name_followers"])


def is_name_part(token: str) -> bool:
    """A character, or a word jieba tags as a name (nr, nrt) or as a place it does not know (扎西 ns)."""
    tag = word_tags().get(token, "nr")
    return len(token) == 1 or tag.startswith("nr") or tag == "ns" and not is_place_word(token)


def ok_spoken_name(name: str) -> bool:
    """No function character, mark or particle, and no word of another kind than a name's."""
    if any(name.startswith(FORMS_OF_ADDRESS, cut) for cut in (1, 2)):
        return False  # 某阿婆, 某某大娘: a surname and a form of address, not a name
    if len(name) == 2 and name[1] in SHORT_FORMS_OF_ADDRESS:
        return False  # 某伯, 某姨, 某总: a surname and a one-character form of address, how neighbours call him
    if not all(is_cjk(ch) for ch in name) or name[-1] in PATTERNS["persons"]["not_last_in_spoken_name"] or any(
            ch in PATTERNS["persons"]["not_in_given_name"] or ch in PATTERNS.stop_chars for ch in name):
        return False
    return not any(len(token) > 1 and word_tags().get(token, "nr")[0] not in NAME_TAG_STARTS for token in tokenize(name))


def before_a_verb(text: str, end: int) -> bool:
    """Whether a word of two or more characters that jieba tags as a verb begins at ``end`` (组织, 带领)."""
    if text.startswith(NOUN_TAGGED_VERBS, end):
        return True  # 某某通报了…: a verb the dictionary tags as a noun
    if not word_tags().get(text[end : end + 2], "").startswith("v"):
        return False  # (most places: no two-character verb there, so no need to cut the text)
    first = tokenize(text[end : end + 8])[0]
    return len(first) > 1 and word_tags().get(first, "").startswith("v")


SPEECH_VERBS = tuple(PATTERNS["relations"]["speech_verbs"])
# The titles of a post (书记, 主任, 镇长, 委员): after one, three characters a mark or a verb ends are its holder's name.
POST_TITLES = ("书记", "支书", "主任", "长", "委员")
# The forms of address of two or more characters (阿婆, 大娘): one after a surname makes no name.
NOUN_TAGGED_VERBS = tuple(PATTERNS["persons"]["noun_tagged_verbs"])
FORMS_OF_ADDRESS = tuple(w for w in PATTERNS["persons"]["honorifics"] if len(w) > 1)
SHORT_FORMS_OF_ADDRESS = frozenset(w for w in PATTERNS["persons"]["honorifics"] if len(w) == 1)
NAME_TAG_STARTS = ("n", "x")  # a word of two or more in a name is tagged nr, nrfg, nz or n (single characters carry any tag)
