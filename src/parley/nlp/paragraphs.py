"""Paragraph breaks are sentence breaks: no sentence runs across a blank line.

The component runs before the parser and marks the first word after a blank line as a sentence
start; the parser keeps the boundaries it finds set. A headline without final punctuation, a
byline or a colon lead-in ("The minister said:") so ends its sentence at the end of its paragraph.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@Language.component("parley_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """Mark the first non-space token after each blank line as a sentence start.

    A blank line is two line breaks with nothing but spaces between them, inside a whitespace
    token or in a token's trailing whitespace (the two together count as well).

    Args:
        doc: a Doc before parsing.

    Returns:
        The same Doc.
    """
    gap = ""   # the whitespace seen since the last word
    for tok in doc:
        if tok.is_space:
            gap += tok.text + tok.whitespace_
            continue
        if tok.i > 0 and BLANK_LINE.search(gap):
            tok.is_sent_start = True
        gap = tok.whitespace_
    return doc

