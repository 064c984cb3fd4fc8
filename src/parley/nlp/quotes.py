"""Quotation marks: which tokens are marks, the character spans a text quotes, and the name
between a quote and its verb."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

OPEN_QUOTES = "\u201c\u00ab\u201e\""
CLOSE_QUOTES = "\u201d\u00bb\u201c\""
_QUOTE_RE = re.compile(r"''|``|[\u201c\u201d\"\u00ab\u00bb\u201e]")


def is_quote(tok: Token) -> bool:
    """Whether a token is a quotation mark."""
    return tok.text in OPEN_QUOTES + CLOSE_QUOTES


def quote_spans(text: str, min_words: int = 4) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, tolerant of mixed and unbalanced marks; those of
    fewer than ``min_words`` words (a quoted phrase, "so-called") are left out.

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
    return [(a, b) for a, b in spans if len(text[a:b].split()) >= min_words]


def named_after(doc: Doc, span: Span, verb: Token) -> Token | None:
    """ "“...,” Chief Ana Ruiz said" / "“...,” said Ana Ruiz": the name between a closing quote and
    its verb or right after it, for a verb the parser left without a subject of its own (or gave
    one inside the quote)."""
    k = span.end
    while k < verb.i and (doc[k].is_punct or doc[k].is_space):
        k += 1
    words = doc[k:verb.i]
    if not words and k == verb.i:   # "“...,” said Ana Ruiz, the mayor"
        end = verb.i + 1
        while end < min(len(doc), verb.i + 6) and (doc[end].pos_ == "PROPN" or doc[end].is_title and doc[end].is_alpha):
            end += 1
        return doc[end - 1] if end > verb.i + 1 and any(is_quote(t) for t in doc[span.end:k]) else None
    if not 1 <= len(words) <= 8 or words[-1].pos_ not in {"PROPN", "NOUN", "PRON"} \
            or not all(t.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ", "PUNCT"} or t.is_title for t in words) \
            or not any(is_quote(t) for t in doc[span.end:k]):
        return None
    return words[-1]
