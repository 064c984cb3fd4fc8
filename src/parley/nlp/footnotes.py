"""Reference marks of encyclopaedia pages ("the Levant.[1] He was ...") are neither words of
a name nor the start of the next sentence.

The tokenizer cuts a mark off the word it follows (``split_footnotes``), so "Levant.[1]" is
"Levant", ".", "[1]" and the name before it is matched whole; the ``parley_footnotes``
component, before the parser, keeps the mark in the sentence it closes and starts the next
sentence after it, so "[1]" is never a subject ("[1] Karbouly denied" is "Karbouly denied").
Invisible direction marks that texts copied from right-to-left pages carry ("Mosul\u200e") are
cut off words the same way, so the word is found in the gazetteer and the knowledge base.
A run of more than ``LONG_RUN`` characters without a space (a long URL, an encoded blob) is
one token: it is no prose, and cut at every slash it would cost the parse thousands of tokens.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

FOOTNOTE = r"\[\d{1,3}\]"
INVISIBLE = "[\u200b-\u200f\u2060\ufeff]+"   # direction marks and zero-width characters ("Mosul\u200e")
_MARK = re.compile(FOOTNOTE)
LONG_RUN = 100


def split_footnotes(nlp: Language) -> None:
    """Make the tokenizer cut a reference mark, and invisible direction marks, off the word
    they follow or precede ("Mosul\u200e" is "Mosul" and the mark), and keep a long run
    without spaces one token."""
    tok = nlp.tokenizer
    tok.suffix_search = compile_suffix_regex([FOOTNOTE, INVISIBLE, *nlp.Defaults.suffixes]).search
    tok.prefix_search = compile_prefix_regex([INVISIBLE, *nlp.Defaults.prefixes]).search
    own = tok.token_match
    if getattr(own, "long_runs", False):
        return
    tok.token_match = _long_runs(own)


def _long_runs(own):
    """A token matcher that also keeps a long run without spaces whole."""
    def match(text: str):
        return len(text) > LONG_RUN or (own(text) if own is not None else None)
    match.long_runs = True
    return match


@Language.component("parley_footnotes", assigns=["token.is_sent_start"])
def mark_footnotes(doc: Doc) -> Doc:
    """A reference mark after a sentence's end stays in that sentence; the word after the
    last mark starts the next one."""
    for tok in doc:
        if not _MARK.fullmatch(tok.text) or tok.i == 0:
            continue
        prev = doc[tok.i - 1]
        if prev.text not in {".", "!", "?"} and not _MARK.fullmatch(prev.text):
            continue
        if not tok.is_sent_start:   # a paragraph's first word keeps its mark
            tok.is_sent_start = False
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and not _MARK.fullmatch(nxt.text) and not nxt.is_space and (nxt.is_title or nxt.is_upper):
            nxt.is_sent_start = True
    return doc
