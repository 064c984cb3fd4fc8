"""Statements whose speaker stands apart from the words: lead-ins, trailing names, issuing bodies.

Run after the rules (and the model) found their statements:

- a lead-in that ends its paragraph with a colon ("The minister said:") speaks the whole next
  paragraph, unless that paragraph names a speaker of its own;
- a colon lead-in speaks the paragraphs after it that are in its voice
  (first person, or a quote) until one has a speaker of its own; a first-person statement inside
  them ("We will not accept ...") is the lead-in speaker's;
- "X was quoted as saying" with the content before it ("The army will withdraw, the commander
  was quoted as saying.");
- a trailing dash and name ("The harvest failed - Peter Lind, head of the union.");
- an issuing body speaks in the first person: in "The Ministry condemns ... We call on ...",
  ``we`` is the ministry (a state, government or organisation that spoke just before), not an
  unresolved ``pronoun:we``;
- the headline and bylines (``parley.ingest.layout``) are no one's words: a content that starts
  there is cut to start after them, or dropped; a statement whose cue is in the headline
  ("Minister says talks will resume") stays;
- cleaning: a dateline ("KYIV (Reuters) -") is never content, nor is a lone pronoun ("it"), nor
  are the attribution words themselves ("said Lama Haddad, the group's director").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from parley.ingest.layout import furniture, headline
from parley.nlp.components import text_of
from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import OPEN_QUOTES, is_quote, quote_spans
from parley.nlp.speech import StatementInfo, make_statement as make, speaker_for
from parley.nlp.table import ActorTable

DATELINE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"
                      r" ?(?:\([^)\n]{1,40}\) ?)?[-\u2013\u2014]{1,2} ")   # "KYIV (Reuters) - ", "AMMAN — "
MAX_LEAD_PARAGRAPHS = 3
PARAGRAPH_END = re.compile(r"(?<=[^\w,\s])[^\S\n]*\n|\n(?=[^\S\n]*\n)")   # after a sentence's end, or a blank line


def refine(doc: Doc, table: ActorTable, lex: Lexicons, items: list[StatementInfo]) -> list[StatementInfo]:
    """The statements with those of the module docstring added, first persons resolved and
    contents cleaned.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        lex: the lexicons.
        items: the statements found so far.

    Returns:
        The statements in text order.
    """
    items = items + [st for st in _quoted_as_saying(doc, table, lex) + _trailing_dash(doc, table) if not _overlaps(st, items)]
    items = _signed_paragraphs(doc, table, items)
    items = _colon_lead_ins(doc, table, lex, items)
    items = sorted(_lead_in_paragraphs(doc, lex, items), key=lambda st: (st.start, -(st.end - st.start)))
    text = text_of(doc)
    items = _off_furniture(doc, text, items)
    _issuing_body(text, table, items)
    return [st for st in (_cleaned(doc, text, lex, st) for st in items) if st is not None]


def _overlaps(st, items: list) -> bool:
    return any(o.tokens[0] < st.tokens[1] and st.tokens[0] < o.tokens[1] for o in items)


def _quoted_as_saying(doc: Doc, table: ActorTable, lex: Lexicons) -> list[StatementInfo]:
    """ "A, X was quoted as saying.": A is X's, when "saying" has no content of its own."""
    out = []
    for tok in doc:
        if not (tok.dep_ == "pcomp" and tok.head.lower_ == "as" and tok.lemma_.lower() in lex.reporting_verbs
                and tok.head.head.lemma_.lower() in lex.words.quote_verbs):
            continue
        quoted = tok.head.head
        subj = next((c for c in quoted.children if c.dep_ == "nsubjpass"), None)
        content = next((c for c in quoted.children if c.dep_ in {"ccomp", "parataxis"} and c.i < quoted.i), None)
        if subj is None or content is None or any(c.dep_ in {"ccomp", "dobj"} for c in tok.children):
            continue
        speaker, source = speaker_for(table, subj)
        start, end = content.left_edge.i, content.right_edge.i + 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        st = make(doc, speaker, tok.lemma_.lower(), (start, end), False, source, (quoted.i, tok.i + 1)) \
            if speaker else None
        if st is not None:
            out.append(st)
    return out


def _trailing_dash(doc: Doc, table: ActorTable) -> list[StatementInfo]:
    """ "A - Peter Lind, head of the union.": A is the named person's or body's."""
    out, dashes = [], table.lex.words.dash_marks
    for sent in doc.sents:
        dash = next((t for t in sent if t.text in dashes and t.i > sent.start + 3), None)
        if dash is None or dash.i + 1 >= sent.end:
            continue
        tail = doc[dash.i + 1:sent.end]
        ent = next((e for e in doc.ents if e.start == dash.i + 1 and e.label_ in {"PERSON", "ORG"}), None)
        if ent is None or any(t.pos_ in {"VERB", "AUX"} for t in tail):
            continue
        speaker, source = speaker_for(table, doc[ent.end - 1])
        st = make(doc, speaker, "-", (sent.start, dash.i), False, source, (dash.i, dash.i + 1)) if speaker else None
        if st is not None:
            out.append(st)
    return out


def _signed_paragraphs(doc: Doc, table: ActorTable, items: list[StatementInfo]) -> list[StatementInfo]:
    """ "“A. B. C.” ― Ana Ruiz": a paragraph that is a quotation signed with a dash and a name is
    the named person's; the quotes inside it that went to an earlier speaker give way to it."""
    text, out, dashes = text_of(doc), [], table.lex.words.dash_marks
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        para = doc.char_span(pos, end, alignment_mode="expand") if end > pos else None
        pos = end + 1
        if para is None or len(para) < 6:
            continue
        dash = next((t for t in reversed(para) if t.text in dashes), None)
        if dash is None or dash.i - para.start < 4 or not is_quote(doc[dash.i - 1]):
            continue
        name = [t for t in doc[dash.i + 1:para.end] if not t.is_space and not t.is_punct]
        if not 1 <= len(name) <= 6 or not all(t.pos_ == "PROPN" or t.is_title for t in name):
            continue
        speaker, source = speaker_for(table, name[-1])
        start = para.start
        while start < dash.i - 1 and (is_quote(doc[start]) or doc[start].is_space):
            start += 1
        st = make(doc, speaker, "-", (start, dash.i - 1), True, source, (dash.i, dash.i + 1)) if speaker else None
        if st is None:
            continue
        items = [o for o in items if not (st.start <= o.start and o.end <= st.end and o.cue_span is None
                                          or o.tokens == st.tokens)]
        out.append(st)
    return items + out


def _paragraph_after(text: str, end: int) -> tuple[int, int] | None:
    """The character span of the paragraph after the one that ends at or after ``end``."""
    brk = text.find("\n", end)
    if brk == -1:
        return None
    start = brk
    while start < len(text) and text[start].isspace():
        start += 1
    stop = text.find("\n", start)
    stop = len(text) if stop == -1 else stop
    return (start, stop) if stop > start else None


def _rest_of_paragraph(text: str, end: int) -> str:
    brk = text.find("\n", end)
    return text[end:brk if brk != -1 else len(text)]


def _colon_lead_ins(doc: Doc, table: ActorTable, lex: Lexicons, items: list[StatementInfo]) -> list[StatementInfo]:
    """ "X said:" at the end of a paragraph: the next paragraph is X's, unless a speaker of its
    own speaks there; the statements found inside it (first persons, quotes given to an earlier
    speaker) give way to it."""
    text, added, dropped, quotes = text_of(doc), [], set(), None
    first_person = {"pronoun:" + w for w in ("we", "i")}
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if len(words) < 3 or words[-1].text != ":" or _rest_of_paragraph(text, words[-1].idx + 1).strip():
            continue
        verb = next((v for v in (words[-2], sent.root) if v.pos_ in {"VERB", "AUX"}
                     and v.lemma_.lower() in lex.reporting_verbs), None)
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) if verb is not None else None
        if subj is None or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
            continue
        para = _paragraph_after(text, words[-1].idx + 1)
        span = doc.char_span(*para, alignment_mode="expand") if para else None
        speaker, source = speaker_for(table, subj)
        if span is None or speaker is None:
            continue
        inside = [o for o in items if o.start < span.end_char and span.start_char < o.end]
        quotes = quote_spans(text) if quotes is None else quotes
        if any(o.speaker not in first_person and o.cue_span and span.start_char <= o.cue_span[0] < span.end_char
               and not any(a <= o.cue_span[0] < b for a, b in quotes) for o in inside):
            continue   # the paragraph names a speaker of its own (outside a quotation)
        start, end = span.start, span.end
        while start < end - 1 and is_quote(doc[start]):
            start += 1
        while end > start + 1 and (doc[end - 1].text in ".;" or doc[end - 1].is_space or is_quote(doc[end - 1])):
            end -= 1
        st = make(doc, speaker, verb.lemma_.lower(), (start, end), is_quote(span[0]), source, (verb.i, verb.i + 1))
        if st is not None:
            added.append(st)
            dropped.update(id(o) for o in inside if o.speaker in first_person or not o.cue_span
                           or not span.start_char <= o.cue_span[0] < span.end_char)
            dropped.update(id(o) for o in items if o.cue_tokens[0] <= verb.i < o.cue_tokens[1])
    return [st for st in items if id(st) not in dropped] + added


def _lead_in_paragraphs(doc: Doc, lex: Lexicons, items: list[StatementInfo]) -> list[StatementInfo]:
    """ "X said:" and the paragraphs after it in X's voice (first person or a quote), until one
    has another speaker."""
    text, added, dropped = text_of(doc), [], set()
    first_person = {"pronoun:" + w for w in ("we", "i")}
    for st in items:
        colon = st.cue_tokens[1] < st.tokens[0] and any(t.text == ":" for t in doc[st.cue_tokens[1]:st.tokens[0]])
        if not colon or st.cue == ":" or _rest_of_paragraph(text, st.end).strip(" .\"\u201d"):
            continue
        pos = st.end
        for _ in range(MAX_LEAD_PARAGRAPHS):
            para = _paragraph_after(text, pos)
            inside = [o for o in items if para and o.start < para[1] and para[0] < o.end]
            if para is None or any(o.speaker not in first_person for o in inside) or ":" in text[para[0]:para[0] + 40]:
                break
            span = doc.char_span(para[0], para[1], alignment_mode="expand")
            if span is None or not (is_quote(span[0]) or any(t.lower_ in lex.words.voice_words for t in span)):
                break   # a paragraph in the speaker's voice: first person, or a quote
            end = span.end
            while end > span.start + 1 and doc[end - 1].text in ".;":
                end -= 1
            added.append(make(doc, st.speaker, st.cue, (span.start, end), False, st.source, st.cue_tokens))
            dropped.update(id(o) for o in inside)
            pos = para[1]
    return [st for st in items if id(st) not in dropped] + added


def _off_furniture(doc: Doc, text: str, items: list[StatementInfo]) -> list[StatementInfo]:
    """The statements without headline or byline words in their content: one whose content
    starts there begins after it, or goes when nothing is left; one whose cue is in the
    headline ("Minister says talks will resume") is the headline's attribution and stays."""
    spans = furniture(text)
    if not spans:
        return items
    head, out = headline(text), []
    for st in items:
        span = next(((a, b) for a, b in spans if a <= st.start < b), None)
        if span is None or span == head and st.cue_span is not None and head[0] <= st.cue_span[0] < head[1]:
            out.append(st)
            continue
        rest = doc.char_span(span[1], st.end, alignment_mode="expand") if st.end > span[1] else None
        words = [t for t in rest or () if not t.is_space and not t.is_punct]
        if words:
            st.start, st.tokens = words[0].idx, (words[0].i, st.tokens[1])
            out.append(st)
    return out


def _issuing_body(text: str, table: ActorTable, items: list[StatementInfo]) -> None:
    """A first-person plural speaker is the body that spoke just before (same or previous
    paragraph), when that speaker is a state, government or organisation."""
    kinds = table.lex.words.body_kinds
    for k, st in enumerate(items):
        if st.speaker != "pronoun:we":
            continue
        before = [o for o in items[:k] if o.end <= st.start and "\n\n" not in text[o.end:st.start].strip()
                  and o.speaker in table.actors and table.actors[o.speaker].kind in kinds]
        if before:
            body = before[-1].speaker
            _move_mention(table, st.source, body)
            st.speaker = body


def _move_mention(table: ActorTable, source: tuple[int, int] | None, body: str) -> None:
    """The pronoun's mention becomes the body's (and the unresolved pronoun actor goes when empty)."""
    pron = table.actors.get("pronoun:we")
    span = table.doc.char_span(*source) if source else None
    if pron is None or span is None:
        return
    pron.tokens = [t for t in pron.tokens if t != (span.start, span.end)]
    pron.mentions = [m for m in pron.mentions if (m[0], m[1]) != source]
    table.add_mention(table.actors[body], span.start, span.end)
    for i in range(span.start, span.end):
        table.by_token[i] = body
    if not pron.tokens:
        del table.actors["pronoun:we"]


def _cleaned(doc: Doc, text: str, lex: Lexicons, st: StatementInfo) -> StatementInfo | None:
    """The statement without a dateline at the start of its content, or None when its content is
    a lone pronoun or the attribution words themselves; trailing whitespace tokens are no content."""
    end = st.tokens[1]
    while end > st.tokens[0] and doc[end - 1].is_space:
        end -= 1
    if end == st.tokens[0]:
        return None
    if end < st.tokens[1]:
        st.tokens, st.end = (st.tokens[0], end), min(st.end, doc[end - 1].idx + len(doc[end - 1]))
    _in_cue_paragraph(doc, text, st)
    m = DATELINE.match(text, st.start)
    if m and m.end() < st.end:
        span = doc.char_span(m.end(), st.end, alignment_mode="expand")
        if span is not None:
            st.start, st.tokens = span.start_char, (span.start, st.tokens[1])
    words = [t for t in doc[st.tokens[0]:st.tokens[1]] if not t.is_punct and not t.is_space]
    if len(words) == 1 and words[0].pos_ == "PRON":
        return None
    if words and _attribution_words(words[0], st, lex):
        return None
    return _past_addressee(doc, st)


def _in_cue_paragraph(doc: Doc, text: str, st: StatementInfo) -> None:
    """A content that runs over a paragraph break with its cue on one side keeps that side: the
    paragraph before ends before the cue's, the one after starts after it; a quotation that
    opens its paragraph and goes on over the next ones stays whole. A line break inside a
    sentence (hard-wrapped text: after a word or a comma) is no paragraph break."""
    if st.cue_span is None or st.cue == ":" or st.direct and text[st.start - 1:st.start] in OPEN_QUOTES:
        return
    breaks = [m.start() for m in PARAGRAPH_END.finditer(text, st.start, st.end)]
    if not breaks:
        return
    cue = st.cue_span[0]
    before = [b for b in breaks if b < cue]
    if cue >= st.end - 1 or st.start < cue < st.end:
        span = doc.char_span(before[-1] + 1, st.end, alignment_mode="expand") if before else None
    else:
        span = doc.char_span(st.start, breaks[0], alignment_mode="expand")
    words = [t for t in span or () if not t.is_space]
    if words:
        st.tokens, st.start, st.end = (words[0].i, words[-1].i + 1), words[0].idx, words[-1].idx + len(words[-1])


def _past_addressee(doc: Doc, st):
    """ "calls on all parties to respect the truce" says "to respect the truce"; "accused the
    ministry of lying" says "lying": the addressee or target alone is never the content."""
    verb = next((t for t in doc[st.cue_tokens[0]:st.cue_tokens[1]] if t.pos_ == "VERB"), None)
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i <= st.tokens[0]
                and c.right_edge.i + 1 >= st.tokens[1]), None) if verb is not None else None
    if obj is None:
        return st
    for c in verb.children:
        if c.i > obj.i and c.dep_ == "xcomp":
            start = c.left_edge.i
        elif c.i > obj.i and c.dep_ == "prep" and any(p.dep_ == "pcomp" for p in c.children):
            start = c.i + 1
        else:
            continue
        end = c.right_edge.i + 1
        while end > start + 1 and doc[end - 1].is_punct:
            end -= 1
        st.tokens, st.start, st.end = (start, end), doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        return st
    return st


def _attribution_words(first: Token, st, lex: Lexicons) -> bool:
    """ "said Lama Haddad, the group's director": a reporting verb whose subject follows it
    inside the content and which says nothing there."""
    if first.pos_ not in {"VERB", "AUX"} or first.lemma_.lower() not in lex.reporting_verbs:
        return False
    inside = range(st.tokens[0], st.tokens[1])
    subj = next((c for c in first.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and subj.i in inside and subj.i > first.i and not any(
        c.dep_ in {"ccomp", "xcomp", "dobj"} and c.i in inside for c in first.children)
