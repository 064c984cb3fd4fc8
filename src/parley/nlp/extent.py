"""How far a reporting verb's content reaches past the phrase the parser hangs on the verb.

- coordinated verb phrases that go on with the content: "wants to raise the wage, expand the
  clinics and cut fees", "mentioned refinancing loans and forcing universities to pay": a verb
  the parser joined to the cue instead of to the content, in the content's form (a bare verb
  after an infinitive, a gerund after a gerund);
- a quotation interrupted by its attribution: "“A,” she said. “B.”" is one statement;
- the phrases that go on with an object: "described the mayor as a reckless spender", "see
  the reform as a chance to fix the budget", "blamed the workers for the losses": what the
  object is said to be or to have done is part of what was said; a date or time is not.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from parley.nlp.components import text_of
from parley.nlp.lexicon import Lexicons
from parley.nlp.quotes import OPEN_QUOTES, is_quote, quote_spans
from parley.nlp.speech import StatementInfo

SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj"}
MAX_QUOTE_GAP = 320   # characters between the two halves of an interrupted quote
SENTENCE_END = re.compile(r"[.!?]+\s+")


def _trimmed(doc: Doc, start: int, end: int) -> int:
    while end > start + 1 and doc[end - 1].is_punct and not is_quote(doc[end - 1]):
        end -= 1
    return end


def _only_joiners(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens a..b are only commas and coordinators ("and", ", but")."""
    return all(t.is_punct and t.text in ",;" or t.dep_ == "cc" for t in doc[a:b]) and b - a <= 2


def same_form(content: Token, verb: Token) -> bool:
    """Whether a verb joined to the cue goes on in the content's form."""
    if content.dep_ == "xcomp" and content.tag_ == "VB":
        return verb.tag_ == "VB"
    return content.tag_ == "VBG" and verb.tag_ == "VBG"


def continued_end(doc: Doc, verb: Token, content: Token, rng: tuple[int, int], lex: Lexicons) -> int:
    """The end of a content with the verb phrases coordinated after it (see the module docstring)."""
    start, end = rng
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.dep_ != "conj" or c.left_edge.i < end or not _only_joiners(doc, end, c.left_edge.i):
            continue
        if c.lemma_.lower() in lex.reporting_verbs or any(k.dep_ in SUBJECTS for k in c.children) \
                or not same_form(content, c):
            break
        end = _trimmed(doc, start, c.right_edge.i + 1)
    return end


def predicate_end(doc: Doc, verb: Token, obj: Token, rng: tuple[int, int]) -> int:
    """The end of an object content with the phrases the verb gives it right after it
    ("described X as Y", "blamed X for Y"), but not a date or time ("on Friday")."""
    start, end = rng
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.dep_ == "prep" and c.i == end \
                and any(p.dep_ in {"pobj", "pcomp", "amod"} for p in c.children) \
                and not all(t.ent_type_ in {"DATE", "TIME"} for t in c.subtree if t.i > c.i):
            end = _trimmed(doc, start, c.right_edge.i + 1)
    return end


def merge_interrupted(doc: Doc, items: list[StatementInfo]) -> list[StatementInfo]:
    """ "“A,” she said. “B.”" / "“A,” said Ana Ruiz, the mayor. “B.”": one statement from the
    first quote (or a content that ends with it: 'Both "saw A,” she said') to the end of the
    second, short quotes too ("“I do,” he said. “I do.”"); not when the words between the quotes
    give the second one a cue of its own ("..., adding"), nor when it has its own ("“B,” he said").

    Args:
        doc: the parsed Doc.
        items: the statements found so far.

    Returns:
        The statements, the halves that went into another left out.
    """
    quotes = quote_spans(text_of(doc), min_words=1)
    text = text_of(doc)
    drop: set[int] = set()
    for st in items:
        k = next((k for k, (a, b) in enumerate(quotes) if st.start < b and b - 1 <= st.end <= b + 1), None)
        if k is None or k + 1 >= len(quotes) or st.cue_span is None:
            continue
        b1, (a2, b2) = quotes[k][1], quotes[k + 1]
        gap, verb = text[b1:a2], doc[st.cue_tokens[1] - 1]
        if "\n" in gap or len(gap) > MAX_QUOTE_GAP or not b1 <= verb.idx < a2 \
                or _own_cue_between(items, st, text, b1, a2):
            continue
        second = [j for j, o in enumerate(items) if o is not st and a2 - 1 <= o.start and o.end <= b2 + 1]
        if text[b2 - 1:b2] == "," and any(items[j].cue_span is not None and items[j].cue_span[0] > b2
                                           for j in second):
            continue   # "“A,” she said. “B,” he said.": the second quote has words naming its own speaker
        drop.update(second)
        end_tok = doc.char_span(a2, b2, alignment_mode="expand")
        if end_tok is not None:
            st.end, st.tokens = b2, (st.tokens[0], end_tok.end)
    kept = [st for j, st in enumerate(items) if j not in drop]
    return [st for st in kept if not any(o is not st and o.speaker == st.speaker and o.start <= st.start
                                         and st.end <= o.end and (o.end - o.start) > (st.end - st.start)
                                         for o in kept)]


def _own_cue_between(items: list[StatementInfo], st: StatementInfo, text: str, a: int, b: int) -> bool:
    """Whether the words between two quotes hold another statement's cue (", adding that “B”"),
    or go on past the sentence of the attribution ("“A,” he said. Later he spoke of “B”")."""
    ends = [m.end() for m in SENTENCE_END.finditer(text, a, b)]
    if ends and text[ends[-1]:b].strip(OPEN_QUOTES + "'` "):
        return True
    return any(o is not st and o.cue_span is not None and a <= o.cue_span[0] < b
               and o.cue_tokens != st.cue_tokens for o in items)
