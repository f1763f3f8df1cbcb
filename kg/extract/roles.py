"""Role words of a sentence: the listed roles, and words that end like an occupation or a post (…师, …员,
…长), also when jieba cuts the post off the word it names (网格|员) or into characters (护|边|员); and
which of them lead what they are attached to."""
from __future__ import annotations

import re
from itertools import accumulate

from kg.extract.patterns import PATTERNS
from kg.extract.segment import word_tags
from kg.extract.text import POST_VERBS, is_cjk
from kg.model import Sentence


def is_role_word(name: str) -> bool:
    """“网格长”, “副主任”: a quoted post is a role people hold, not a program."""
    return name in PATTERNS["persons"]["roles"] or (len(name) <= 5 and is_leading(name))


def is_leading(role: str) -> bool:
    """A role that leads what it is attached to: 书记, 主任, …长; a deputy (副…) does not."""
    return role.endswith(LEADING) and not any(role.endswith("副" + r) for r in LEADING)


LEADING = tuple(PATTERNS["persons"]["leading_roles"] + PATTERNS["persons"]["firm_heads"])
# Posts sent to a unit from outside (第一书记): written after the unit with 的 or 驻村, held in its party organisation.
RECEIVED_ROLES = tuple(PATTERNS["persons"]["received_roles"])


def role_spans(sentence: Sentence) -> tuple[tuple[int, int], ...]:
    """Spans (in the sentence) of the role words: listed ones, and tokens that end like an occupation or post.

    Relative to the sentence and made of its text and tokens alone, so each distinct pair is worked out once
    (the person rules ask it several times of a sentence, and pages repeat sentences); a tuple, never changed."""
    key = (sentence.text, sentence.tokens)
    spans = _ROLE_SPANS.get(key)
    if spans is None:
        spans = tuple(find_role_spans(sentence))
        if len(_ROLE_SPANS) >= REMEMBERED_SENTENCES:
            del _ROLE_SPANS[next(iter(_ROLE_SPANS))]  # (the oldest)
        _ROLE_SPANS[key] = spans
    return spans


_ROLE_SPANS: dict[tuple[str, tuple[str, ...]], tuple[tuple[int, int], ...]] = {}
REMEMBERED_SENTENCES = 65536  # distinct sentences whose role spans are kept (the oldest is forgotten first)


def forget_role_spans() -> None:
    """Drop the remembered spans (with the other per-article tables, once the last file is worked out)."""
    _ROLE_SPANS.clear()


def find_role_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """``role_spans``, worked out."""
    spans = [(m.start(), m.end()) for m in PATTERNS.role_re.finditer(sentence.text)]
    covered = {end for _, end in spans}
    endings = PATTERNS["persons"]["role_endings"]
    tokens = sentence.tokens
    # Only a token that ends in a role's last character can end a role (few do): find those characters
    # in the text, then the tokens that end there, rather than walking every token.
    ends = [m.end() for m in ROLE_LAST_CHAR.finditer(sentence.text)]
    token_ending_at = dict(zip(accumulate(map(len, tokens)), range(len(tokens)))) if ends else {}
    for pos in ends:
        j = token_ending_at.get(pos)
        if j is None:
            continue
        token, previous = tokens[j], tokens[j - 1] if j else ""
        word = previous + token if len(token) == 1 and token in endings else token
        if word != token and not is_post_stem(word[:-1], token):
            # 护|边|员: a post jieba's dictionary lacks, cut into characters (two of them, no function character)
            before = tokens[j - 2] if j >= 2 else ""
            word = before + word if len(previous) == 1 == len(before) and is_post_character(before + previous) else token
        if pos in covered or len(word) < 2 or not CJK_WORD.fullmatch(word):
            continue
        if word[-1] in endings or (len(word) >= 3 and word[-1] == "人"):
            spans.append((pos - len(word), pos))
    spans += glued_heads(sentence.text, tokens, {start for start, _ in spans})
    return sorted(spans)


# what a head's 长 follows: a unit's level word (区长, 镇长, 村长) or a body's (所长, 队长)
HEAD_STEMS = frozenset(PATTERNS["persons"]["head_stems"]) | {w for w in PATTERNS["units"]["generic_words"] if len(w) == 1}


def glued_heads(text: str, tokens: tuple[str, ...], taken: set[int]) -> list[tuple[int, int]]:
    """区|长葛|立新: a head's title (区长, 镇长) whose 长 jieba glues to the surname after it into a word of its
    dictionary (长葛, a city), so that no token ends the title: the stem, 长, and a surname right after."""
    spans = []
    if HEAD_ENDING not in text:
        return spans  # (most sentences)
    for start, previous, token in zip(accumulate(map(len, tokens), initial=0), ("", *tokens), tokens):
        if (len(token) >= 2 and token[0] == HEAD_ENDING and token[1] in PATTERNS.surnames
                and previous in HEAD_STEMS and start - len(previous) not in taken):
            spans.append((start - len(previous), start + 1))
    return spans


POST_STEM_TAGS = ("n", "vn", "v")
# A verb names a post only with the endings of a person who does it (宣讲|员, 培训|师): 接到|工 is a verb
# and its object's first character.
VERB_POST_ENDINGS = "员师"
HEAD_ENDING = "长"


def is_post_stem(stem: str, ending: str) -> bool:
    """Whether a dictionary word of two characters or more before a one-character ending names the post
    (网格 + 员, 宣讲 + 员)."""
    if len(stem) == 1:
        return ending == HEAD_ENDING and stem in PATTERNS["persons"]["head_stems"]  # 河|长, 所|长
    tag = word_tags().get(stem)
    return len(stem) >= 2 and tag in POST_STEM_TAGS and (not tag.startswith("v") or ending in VERB_POST_ENDINGS)


def is_post_character(pair: str) -> bool:
    """Two single characters before a role's ending that may begin a post: no function character or mark."""
    return all(is_cjk(ch) and ch not in PATTERNS.stop_chars for ch in pair)
ROLE_LAST_CHAR = re.compile("[" + "".join(map(re.escape, sorted(set(PATTERNS["persons"]["role_endings"] + "人")))) + "]")
CJK_WORD = re.compile("[\u4e00-\u9fff]+")  # all(is_cjk(ch) for ch in word), at C speed


def after_post_verb(tokens, start: int, end: int) -> int:
    """Where a name whose stem runs from ``start`` to ``end`` begins once a verb of holding a post inside it is
    left out: 书记某某任|合作社理事长, 某某兼任|临时党支部书记 (the post begins after the verb)."""
    i = tokens.starting_before(start)
    begins = start
    while i < len(tokens) and tokens[i].end <= end:
        if tokens[i].text in POST_VERBS:
            begins = tokens[i].end
        i += 1
    return begins

