"""jieba's dictionary cut with HMM off (``Tokenizer.lcut(text, HMM=False)``), in one pass per block.

jieba builds, per block of word characters, a dict of every word that starts
at each position (``get_DAG``), then walks it from the end choosing the most
probable route (``calc``, a ``max`` over generated tuples), then yields the
words through two generators. Here the words starting at a position are
found and scored in the same backward walk, with each word's log
probability looked up (``word_weights``, worked out once per dictionary, not
once per word and position), and the tokens go straight into one list. The
arithmetic, its order and the choice between equal routes (the longer word)
are jieba's, so the tokens are the same (``tests/test_segment.py`` compares the two on text of
every kind: CJK, Latin letters and digits, punctuation, spaces).
"""
from __future__ import annotations

import math
import re
from math import log

# jieba's own patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng)
_BLOCK = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_ENGLISH = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


# What a prefix of a word (jieba's FREQ holds each with frequency 0) weighs in ``word_weights``: the log
# of its probability, 0. A route through it scores -inf, below every route through words.
PREFIX = -math.inf


def word_weights(freq: dict[str, int], total: int) -> dict[str, float]:
    """Each word's log probability, ``log(count) - log(total)`` as jieba's ``calc`` works it out, and
    ``PREFIX`` for a prefix: the table ``cut_weighted`` cuts with, made once per dictionary.

    jieba computes ``log(FREQ.get(word) or 1) - logtotal + route[x + 1][0]``, left to right, for every
    word at every position; the first two terms are the weight, so the sums are jieba's to the bit.
    """
    logtotal = log(total)
    return {word: log(count) - logtotal if count else PREFIX for word, count in freq.items()}


def alone_weight(total: int) -> float:
    """What a character that is no word weighs (jieba counts its frequency as 1): ``log(1) - log(total)``."""
    return log(1) - log(total)


def cut(text: str, freq: dict[str, int], total: int) -> list[str]:
    """The tokens jieba's ``Tokenizer.lcut(text, HMM=False)`` gives, for a tokenizer with this ``FREQ`` and ``total``."""
    return cut_weighted(text, word_weights(freq, total), alone_weight(total))


def cut_weighted(text: str, weights: dict[str, float], alone: float,
                 cuts: dict[str, bytes | tuple[int, ...]] | None = None) -> list[str]:
    """``cut`` with the dictionary's ``word_weights`` and ``alone_weight`` made beforehand.

    ``cuts``: where the cuts of blocks are remembered (``remembered_cut``), for these weights only.
    """
    words: list[str] = []
    # split() with a group gives gap, block, gap, block, …, gap: the odd pieces are what jieba's
    # re_han.match and re_skip.match would say match (a gap holds none of the pattern's characters).
    for i, block in enumerate(_BLOCK.split(text)):
        if i % 2:
            if cuts is None:
                _cut_block(block, weights, alone, words)
            else:
                remembered_cut(block, weights, alone, words, cuts)
        elif len(block) == 1:
            words.append(block)  # what the split below makes of one character, space or not (most gaps: a mark)
        elif block:
            for j, piece in enumerate(_SKIP.split(block)):
                if j % 2:
                    words.append(piece)  # a space, a line break
                else:
                    words.extend(piece)  # one token per character
    return words


# Distinct blocks whose cuts one table of ``cuts`` remembers (the oldest is forgotten first): some 10 MB.
REMEMBERED_BLOCKS = 65536


def remembered_cut(block: str, weights: dict[str, float], alone: float, words: list[str],
                   cuts: dict[str, bytes | tuple[int, ...]]) -> None:
    """``_cut_block``, each distinct block cut once: a block's cut depends on its text alone (jieba cuts
    the runs between marks and spaces apart), and sentences that differ in one clause (a generated
    corpus's templates with their place names, a site's set phrases) share the others. The lengths of
    the words are kept (1 byte a word when they are short), and the words sliced again from the block."""
    lengths = cuts.get(block)
    if lengths is None:
        first = len(words)
        _cut_block(block, weights, alone, words)
        lengths = tuple(map(len, words[first:]))
        if len(cuts) >= REMEMBERED_BLOCKS:
            del cuts[next(iter(cuts))]
        cuts[block] = bytes(lengths) if max(lengths) < 256 else lengths
        return
    if len(lengths) == 1:
        words.append(block)  # (a block of one word: the commonest)
        return
    at = 0
    for n in lengths:
        words.append(block[at : at + n])
        at += n


def _cut_block(block: str, weights: dict[str, float], alone: float, words: list[str]) -> None:
    n = len(block)
    score = [0.0] * (n + 1)  # route[i][0]: the best log probability of block[i:]
    end = list(range(n + 1))  # route[i][1]: where the first word of that route ends (inclusive)
    get = weights.get
    for k in range(n - 1, -1, -1):
        # jieba's max over (log(FREQ.get(word) or 1) - logtotal + route[x + 1][0], x), x ascending: on a
        # tie the later (longer) word wins, as tuple comparison makes it.
        best, best_end = PREFIX, k
        i = k
        weight = get(block[k])
        while weight is not None:  # a word, or a prefix of some word (-inf: never above a word)
            s = weight + score[i + 1]
            if s >= best:
                best, best_end = s, i
            i += 1
            if i >= n:
                break
            weight = get(block[k : i + 1])
        if best == PREFIX:  # no word starts here: the character alone (frequency 0 or none counts as 1)
            best, best_end = alone + score[k + 1], k
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
