"""jieba's dictionary cut with HMM off (``Tokenizer.lcut(text, HMM=False)``), in one pass per block.

jieba builds, per block of word characters, a dict of every word that starts
at each position (``get_DAG``), then walks it from the end choosing the most
probable route (``calc``, a ``max`` over generated tuples), then yields the
words through two generators. Here the words starting at a position are
found and scored in the same backward walk, with the frequencies looked up
once, and the tokens go straight into one list. The arithmetic, its order
and the choice between equal routes (the longer word) are jieba's, so the
tokens are the same (``tests/test_segment.py`` compares the two on text of
every kind: CJK, Latin letters and digits, punctuation, spaces).
"""
from __future__ import annotations

import re
from math import log

# jieba's own patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng)
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENGLISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def cut(text: str, freq: dict[str, int], total: int) -> list[str]:
    """The tokens jieba's ``Tokenizer.lcut(text, HMM=False)`` gives, for a tokenizer with this ``FREQ`` and ``total``."""
    words: list[str] = []
    logtotal = log(total)
    # split() with a group gives gap, block, gap, block, …, gap: the odd pieces are what jieba's
    # re_han.match and re_skip.match would say match (a gap holds none of the pattern's characters).
    for i, block in enumerate(_BLOCK.split(text)):
        if i % 2:
            _cut_block(block, freq, logtotal, words)
        elif block:
            for j, piece in enumerate(_SKIP.split(block)):
                if j % 2:
                    words.append(piece)  # a space, a line break
                else:
                    words.extend(piece)  # one token per character
    return words


def _cut_block(block: str, freq: dict[str, int], logtotal: float, words: list[str]) -> None:
    n = len(block)
    score = [0.0] * (n + 1)  # route[i][0]: the best log probability of block[i:]
    end = list(range(n + 1))  # route[i][1]: where the first word of that route ends (inclusive)
    get = freq.get
    for k in range(n - 1, -1, -1):
        # jieba's max over (log(FREQ.get(word) or 1) - logtotal + route[x + 1][0], x), x ascending: on a
        # tie the later (longer) word wins, as tuple comparison makes it.
        best, best_end = None, k
        i = k
        frag = block[k]
        count = get(frag)
        while count is not None:  # a prefix of some word (jieba stores prefixes with frequency 0)
            if count:
                s = log(count) - logtotal + score[i + 1]
                if best is None or s >= best:
                    best, best_end = s, i
            i += 1
            if i >= n:
                break
            frag = block[k : i + 1]
            count = get(frag)
        if best is None:  # no word starts here: the character alone (frequency 0 or none counts as 1)
            best = log(get(block[k]) or 1) - logtotal + score[k + 1]
        score[k], end[k] = best, best_end
    x, buffer = 0, ""
    while x < n:
        y = end[x] + 1
        word = block[x:y]
        if y - x == 1 and word in _ENGLISH:
            buffer += word  # jieba joins single Latin letters and digits into one token
        else:
            if buffer:
                words.append(buffer)
                buffer = ""
            words.append(word)
        x = y
    if buffer:
        words.append(buffer)
