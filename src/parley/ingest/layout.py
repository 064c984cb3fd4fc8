"""An article's layout: its blank-line paragraphs, a headline above them, bylines and credits.

A headline is the first paragraph when it is one short line over a longer body, not in
capitals, and either without final sentence punctuation ("Talks resume in Geneva") or in title
case ("Talks Resume in Geneva After Long Pause."). A byline or credit is a paragraph that names
only writers or agencies: "By Jane Smith", "By: A, B and C", "Written by X", "Reporting by X and
Y; Editing by Z", "(Reuters / AP - 12 May 2016)". Headline and bylines together are the
article's furniture: words of the page, not of anyone quoted in it.
"""
from __future__ import annotations

import re

from parley.nlp.lexicon import load_lexicons

PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
SENTENCE_END = ".!?\u2026"
CLOSERS = "\"'\u2019\u201d)]"
HEADLINE_WORDS = (2, 25)   # fewest and most words of a headline
MIN_BODY_WORDS = 12        # a headline stands over at least this many words
TITLE_CASE_SHARE = 0.8     # share of capitalised major words that makes a line title case
MAX_BYLINE_CHARS = 300

_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_NAME = rf"[{_UPPER}][\w'\u2019.\-]*(?: [{_UPPER}][\w'\u2019.\-]*){{0,4}}"
_NAMES = rf"{_NAME}(?:(?:,? and |, | & ){_NAME})*(?: in {_NAME})?"
_DATE = (rf"\d{{1,2}} [{_UPPER}][a-z]+\.?(?:,? \d{{4}})?|[{_UPPER}][a-z]+\.? \d{{1,2}}(?:,? \d{{4}})?"
         r"|\d{4}-\d{2}-\d{2}")


def _words(kind: str) -> tuple[str, ...]:
    """The words of one kind of ``nlp/data/layout.tsv``."""
    return load_lexicons().layout_lists.get(kind, ())


def _byline_pattern() -> re.Pattern[str]:
    credit = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_words("credit"), key=len, reverse=True))
    role = rf"(?i:{credit})\s+by:?\s+{_NAMES}"
    return re.compile(
        rf"\s*(?:B[yY]:?\s+{_NAMES}(?:\s*[|,/]\s*{_NAMES})?"             # By Jane Smith | Reuters
        rf"|[(\[]?{role}(?:\s*[;,]\s*{role})*\s*[)\]]?"                   # Reporting by X; Editing by Y
        rf"|\(\s*{_NAME}(?:\s*[/,&]\s*{_NAME})*(?:\s*[-\u2013\u2014,]\s*(?:{_DATE}))?\s*\))"  # (Reuters / AP - 12 May)
        r"\s*[.;]?\s*")


BYLINE = _byline_pattern()   # matches a whole byline or credit paragraph (``BYLINE.fullmatch``)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The character spans of the blank-line-separated paragraphs of ``text``, each without the
    whitespace around it; empty paragraphs left out."""
    spans, start = [], 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        a, b = start, end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
        start = m.end() if m else len(text)
    return spans


def headline(text: str) -> tuple[int, int] | None:
    """The character span of the headline (the module docstring says what makes one), or None."""
    paras = paragraphs(text)
    if not paras:
        return None
    start, end = paras[0]
    line = text[start:end]
    words = line.split()
    if "\n" in line or not HEADLINE_WORDS[0] <= len(words) <= HEADLINE_WORDS[1]:
        return None
    letters = [c for c in line if c.isalpha()]
    if not letters or all(c.isupper() for c in letters):
        return None
    if len(text[end:].split()) < MIN_BODY_WORDS:
        return None
    unpunctuated = line.rstrip(CLOSERS)[-1:] not in SENTENCE_END
    return (start, end) if unpunctuated or is_title_case(line) else None


def is_title_case(line: str) -> bool:
    """Whether at least 80% of the line's major words (not articles, short prepositions and
    conjunctions, nor numbers) begin with a capital."""
    minor = set(_words("minor"))
    major = [w for w in (w.strip("\"'\u2018\u2019\u201c\u201d()[],:;.!?-\u2013\u2014") for w in line.split())
             if w and w[0].isalpha() and w.lower() not in minor]
    return bool(major) and sum(w[0].isupper() for w in major) >= TITLE_CASE_SHARE * len(major)


def title_of(text: str) -> str | None:
    """The headline's text, or None when the text has no headline."""
    span = headline(text)
    return text[span[0]:span[1]] if span else None


def is_byline(paragraph: str) -> bool:
    """Whether a paragraph is a byline or credit line, nothing else."""
    return len(paragraph) <= MAX_BYLINE_CHARS and BYLINE.fullmatch(paragraph) is not None


def furniture(text: str) -> list[tuple[int, int]]:
    """The character spans of the headline and of every byline or credit paragraph, in order."""
    head = headline(text)
    spans = [head] if head else []
    spans += [p for p in paragraphs(text) if p != head and is_byline(text[p[0]:p[1]])]
    return sorted(spans)
