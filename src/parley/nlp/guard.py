"""Bounded parsing cost: the copy of a text that is parsed, with pathological runs masked.

spaCy's tokenizer strips a word's prefixes and suffixes one at a time and searches the rest of
the word for a suffix each time, so a long word of marks (16,000 ``"`` in a row) costs time
quadratic in its length; and every mark it splits off is a token the parser and the rules then
walk. :func:`defuse` masks such runs character for character with spaces, so the parsed copy
has the same length as the text and every offset into it still indexes the original (whose
characters are what the results quote). Normal prose has neither kind of run and comes back as
the very same string.
"""
from __future__ import annotations

import re

MAX_MARKS = 10      # marks of a run kept ("?!” or ...)” are far shorter); the rest become spaces
MAX_WORD = 200      # characters of a word without whitespace, longer than any URL worth parsing

# marks in a row, or spaced by one whitespace character (" " " ", - - -): each is a token
_MARK_RUN = re.compile(r"[^\w\s](?:\s?[^\w\s]){%d,}" % MAX_MARKS)
_NOT_SPACE = re.compile(r"\S")
_LONG_WORD = re.compile(r"\S{%d,}" % (MAX_WORD + 1))


def defuse(text: str) -> str:
    """The text to parse: ``text`` with long runs of marks and overlong words masked.

    A run of more than :data:`MAX_MARKS` punctuation or symbol characters, in a row or spaced
    by single whitespace characters, keeps its first ``MAX_MARKS`` characters and all its
    whitespace; a word of more than :data:`MAX_WORD` characters without whitespace gets a space
    in place of every ``MAX_WORD + 1``-th character, which splits it into words the tokenizer
    handles in bounded time.

    Args:
        text: the text (or chunk) about to be parsed.

    Returns:
        A string of the same length, equal to ``text`` wherever nothing was masked; ``text``
        itself when nothing was.
    """
    if _MARK_RUN.search(text):
        text = _MARK_RUN.sub(_keep_marks, text)
    if _LONG_WORD.search(text):
        text = _LONG_WORD.sub(_split_word, text)
    return text


def _keep_marks(m: re.Match) -> str:
    run = m.group()
    return run[:MAX_MARKS] + _NOT_SPACE.sub(" ", run[MAX_MARKS:])


def _split_word(m: re.Match) -> str:
    chars = list(m.group())
    cuts = range(MAX_WORD, len(chars), MAX_WORD + 1)
    chars[MAX_WORD::MAX_WORD + 1] = [" "] * len(cuts)
    return "".join(chars)
