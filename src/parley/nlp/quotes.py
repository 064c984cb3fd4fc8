"""Quotation marks: which tokens are marks, and the character spans a text quotes."""
from __future__ import annotations

import re

from spacy.tokens import Token

OPEN_QUOTES = "\u201c\u00ab\u201e\""
CLOSE_QUOTES = "\u201d\u00bb\u201c\""
_QUOTE_RE = re.compile(r"''|``|[\u201c\u201d\"\u00ab\u00bb\u201e]")


def is_quote(tok: Token) -> bool:
    """Whether a token is a quotation mark."""
    return tok.text in OPEN_QUOTES + CLOSE_QUOTES


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, tolerant of mixed and unbalanced marks.

    Curly and angle marks open or close by their shape; a straight mark closes an open quote
    or opens one. A quote left open at a paragraph's end continues when the next paragraph
    opens with a mark (the convention for long quotes), else it ends with its paragraph.
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    scan = 0   # where the open quote's current paragraph starts (it moves on when the quote continues)
    for m in _QUOTE_RE.finditer(text):
        pos, mark = m.start(), m.group()
        mark = {"''": '"', "``": "\u201c"}.get(mark, mark)
        if open_at is not None and "\n\n" in text[scan:pos]:
            para_end = text.index("\n\n", scan)
            continues = mark in "\u201c\u00ab\u201e\"" and text[para_end:pos].strip() == ""
            if not continues:
                spans.append((open_at + 1, para_end))
                open_at = None
            else:
                scan = pos
                continue
        if mark in "\u201c\u00ab\u201e":   # an opening mark; a second one restarts the quote
            open_at = scan = pos
            continue
        if mark in "\u201d\u00bb":
            if open_at is not None:
                spans.append((open_at + 1, pos))
                open_at = None
            continue
        if open_at is None:   # straight mark
            open_at = scan = pos
        else:
            spans.append((open_at + 1, pos))
            open_at = None
    spans = [(a + 1 if text[a - 1:a + 1] in ("''", "``") else a, b) for a, b in spans]
    if open_at is not None:
        end = text.find("\n\n", scan)
        spans.append((open_at + 1, end if end != -1 else len(text)))
    return [(a, b) for a, b in spans if len(text[a:b].split()) >= 4]
