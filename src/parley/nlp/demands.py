"""Demands: who demands what of whom, item by item, and what they are a precondition of.

Sources: "called on X to ...", "insisted on ...", "seeking ...", "X must ...", and nouns that
introduce a list ("three conditions: A, B, and C"); a list announced with a number continues
into the following verbless sentences until the count is reached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.models import Demand
from parley.nlp.components import component, doc_attribute, on_claims
from parley.nlp.facts import Chunk
from parley.nlp.lexicon import Lexicons
from parley.nlp.statements import StatementInfo
from parley.nlp.syntax import claimed_by, phrase_actors, subject_actors, subject_of
from parley.nlp.table import ActorTable


@dataclass
class DemandInfo:
    by: list[str]
    of: list[str]
    items: list[tuple[int, int]]   # character spans of the Doc
    start: int
    end: int
    condition_for: str | None = None
    status: str = "stated"
    cue: str = ""
    token: int = 0
    claimed_by: str | None = None

    def to_model(self, chunk: Chunk) -> Demand:
        """The contract's Demand: its items' texts and spans and its evidence at article offsets."""
        spans = tuple(chunk.span(item) for item in self.items)
        return Demand(tuple(dict.fromkeys(self.by)), tuple(dict.fromkeys(self.of)),
                      tuple(chunk.article.text[sp.start:sp.end] for sp in spans),
                      chunk.text(self.start, self.end), *chunk.chars(self.start, self.end),
                      self.condition_for, self.status, self.claimed_by, spans)


def find_demands(doc: Doc, table: ActorTable, statements: list[StatementInfo], lex: Lexicons) -> list[DemandInfo]:
    """All demands in ``doc``.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        statements: its statements (whose claim a demand is).
        lex: the lexicons (demand cues, number words, status words).

    Returns:
        The demands in order of their cue token, each with at least one item.
    """
    out: list[DemandInfo] = []
    for tok in doc:
        pos = "VERB" if tok.pos_ == "VERB" else "AUX" if tok.pos_ == "AUX" else "NOUN" if tok.pos_ == "NOUN" else None
        frame = lex.demand.get((tok.lemma_.lower(), pos or ""))
        if frame is None:
            continue
        d = None
        if frame == "list":
            d = _list_demand(doc, tok, table, statements)
        elif frame == "modal":
            d = _modal_demand(doc, tok, table, statements)
        elif pos == "VERB":
            d = _verb_demand(doc, tok, table, statements, frame)
        if d is not None:
            d.items = [it for it in d.items if _contentful(doc, it)]
        if d is not None and d.items:
            d.claimed_by = claimed_by(tok, statements)
            d.status = _status(tok, lex)
            out.append(d)
    return _dedupe(out)


_TRIM = " ,;:.-\u2013\u2014\n\t"


def _text(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character span of tokens start..end without surrounding punctuation and space."""
    span = doc[start:end]
    a, b = _trim_chars(span.text, 0, len(span.text))   # span.text: never rebuild the whole doc's text
    return span.start_char + a, span.start_char + b


def _chars(doc: Doc, a: int, b: int) -> str:
    span = doc.char_span(a, b, alignment_mode="expand")
    return span.text[a - span.start_char:len(span.text) - (span.end_char - b)] if span is not None else ""


def _trim_chars(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _speaker_or_subject(tok: Token, table: ActorTable, statements: list[StatementInfo]) -> list[str]:
    actors = subject_actors(table, tok if tok.pos_ in {"VERB", "AUX"} else None)
    if not actors:
        claim = claimed_by(tok, statements)
        actors = [claim] if claim else []
    return actors


def _verb_demand(doc: Doc, verb: Token, table: ActorTable, statements, frame: str) -> DemandInfo | None:
    by = _speaker_or_subject(verb, table, statements)
    of: list[str] = []
    items: list[str] = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in table.lex.words.on_preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    if table.actor_of(p) or phrase_actors(table, p)[:1] and p.pos_ == "PROPN":
                        of += phrase_actors(table, p)
                    else:
                        items.append(_text(doc, p.left_edge.i, p.right_edge.i + 1))
        elif c.dep_ == "prep" and c.lower_ == "for":
            items += [_text(doc, p.left_edge.i, p.right_edge.i + 1) for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in {"dobj"} and frame in {"object", "xcomp", "on"}:
            if table.actor_of(c) and frame != "object":
                of += phrase_actors(table, c)
            else:
                items.append(_text(doc, c.left_edge.i, c.right_edge.i + 1))
        elif c.dep_ in {"xcomp", "ccomp"}:
            items += _clause_items(doc, c)
            subj = [s for s in c.children if s.dep_ == "nsubj"]
            if subj:
                of += phrase_actors(table, subj[0])
    if not items:
        return None
    sent = verb.sent
    return DemandInfo(by, of, items, sent.start_char, sent.end_char, cue=verb.lemma_.lower(), token=verb.i)


def _clause_items(doc: Doc, head: Token) -> list[str]:
    """Coordinated verb phrases of a demand clause as separate items ("to reach X and settle Y")."""
    verbs = [head] + [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    items = []
    for i, v in enumerate(verbs):
        start = v.i
        nxt = verbs[i + 1].i if i + 1 < len(verbs) else head.right_edge.i + 1
        end = nxt
        while end > start + 1 and (doc[end - 1].dep_ == "cc" or doc[end - 1].is_punct):
            end -= 1
        items.append(_text(doc, start, end))
    return [x for x in items if x[1] > x[0]]


def _modal_demand(doc: Doc, aux: Token, table: ActorTable, statements) -> DemandInfo | None:
    """ "they see that several conditions must be met before talking about negotiations"."""
    verb = aux.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    claim = claimed_by(aux, statements)
    holders = [claim] if claim else []
    subj = subject_of(verb, table.lex)
    if not holders and subj is not None:
        holders = subject_actors(table, verb.head if verb.dep_ == "ccomp" else None)
    if not holders:
        return None
    of = phrase_actors(table, subj) if subj is not None and verb.dep_ != "auxpass" else []
    item = _text(doc, (subj.left_edge.i if subj is not None else aux.i), verb.right_edge.i + 1)
    cond = _precondition(doc, verb, table.lex)
    sent = aux.sent
    return DemandInfo(holders, of, [item], sent.start_char, sent.end_char, condition_for=cond, cue=aux.lemma_.lower(),
                      token=aux.i)


def _precondition(doc: Doc, verb: Token, lex: Lexicons) -> str | None:
    """What a demand must be met before: "before talking about negotiations"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in lex.words.precondition_preps or c.dep_ == "advcl" and any(
                m.lower_ == "before" for m in c.children if m.dep_ == "mark"):
            a, b = _text(doc, c.i + 1 if c.dep_ == "prep" else c.left_edge.i, c.right_edge.i + 1)
            return _chars(doc, a, b)
    return None


def _list_demand(doc: Doc, noun: Token, table: ActorTable, statements) -> DemandInfo | None:
    """ "with three conditions: the evacuation of ..., the clearing of ..." -> one item each."""
    # the colon may follow the noun's own modifiers: "three conditions for a ceasefire: ..."
    reach = max([c.right_edge.i for c in noun.children if c.dep_ == "prep" and c.i > noun.i], default=noun.i)
    colon = next((t for t in doc[noun.i + 1:min(reach + 2, noun.sent.end)] if t.text == ":"), None)
    numbers = table.lex.numbers
    count = next((numbers[c.lower_] for c in noun.children if c.lower_ in numbers), None)
    if colon is None:
        return _noun_demand(doc, noun, table, statements)
    purpose = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for" and c.i < colon.i), None)
    sent = noun.sent
    items = _split_items(doc, colon.i + 1, sent.end)
    nxt = sent.end
    while count and len(items) < count and nxt < len(doc):
        follow = doc[nxt].sent
        first = next((t for t in follow if not t.is_space), follow[0])
        subjectless = not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in follow.root.children)
        if follow.root.pos_ not in {"NOUN", "PROPN"} and not (first.is_title and subjectless):
            break   # a list goes on only in a fragment: no verb, or no subject ("Guarantees that ...")
        items.append(_text(doc, follow.start, follow.end))
        nxt = follow.end
    by = _list_owner(noun, table, statements)
    if not by:
        return None
    # evidence: the clause that announces the list; the items carry their own spans
    cond = None
    if purpose is not None:
        a, b = _text(doc, purpose.i + 1, purpose.right_edge.i + 1)
        cond = _chars(doc, a, b)
    return DemandInfo(by, [], items, sent.start_char, colon.idx, condition_for=cond, cue=noun.lemma_.lower(),
                      token=noun.i)


def _noun_demand(doc: Doc, noun: Token, table: ActorTable, statements) -> DemandInfo | None:
    """ "The GNA reiterated its demand for the withdrawal of the Wagner mercenaries"."""
    words = table.lex.words
    if noun.lemma_.lower() not in words.demand_nouns:
        return None
    what = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in words.demand_object_preps), None)
    pobj = next((p for p in what.children if p.dep_ == "pobj"), None) if what is not None else None
    if pobj is None or table.actor_of(pobj):
        return None
    owner = [table.actor_of(c) for c in noun.children if c.dep_ == "poss" and table.actor_of(c)]
    by = owner or _speaker_or_subject(noun.head if noun.dep_ in {"dobj", "nsubj"} else noun, table, statements)
    if not by:
        return None
    sent = noun.sent
    return DemandInfo(by, [], [_text(doc, pobj.left_edge.i, pobj.right_edge.i + 1)], sent.start_char,
                      sent.end_char, cue=noun.lemma_.lower(), token=noun.i)


def _list_owner(noun: Token, table: ActorTable, statements) -> list[str]:
    claim = claimed_by(noun, statements)
    if claim:
        return [claim]
    verb = noun
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for st in statements:
        if st.tokens[0] <= noun.i < st.tokens[1] or noun.sent.start_char <= st.start < noun.sent.end_char:
            return [st.speaker]
    return subject_actors(table, verb)


_SPLIT = re.compile(r",\s+and\s+(?=the\b)|;\s+|,\s+(?=the\s+\w+(?:ing|tion|ment|al|ance|ence)\s+of\b)", re.I)


def _split_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of an enumeration's items, split at "..., and the X of" / ";"."""
    base = doc[start:end].start_char
    text = doc[start:end].text
    out, pos = [], 0
    for m in list(_SPLIT.finditer(text)) + [None]:
        a, b = pos, (m.start() if m else len(text))
        pos = m.end() if m else len(text)
        a, b = _trim_chars(text, a, b)
        if text[a:b].lower().startswith("and "):
            a += 4
        if len(text[a:b].split()) >= 2:
            out.append((base + a, base + b))
    return out


def _status(tok: Token, lex: Lexicons) -> str:
    """From the verbs governing the cue: "reiterated its call" -> reiterated, "rejected the
    demand" / "cannot accept the terms" -> rejected, "accepted the conditions" -> accepted."""
    chain = [tok] + [a for a in tok.ancestors][:3]
    lemmas = {t.lemma_.lower() for t in chain} | {c.lemma_.lower() for t in chain for c in t.children
                                                  if c.dep_ == "advmod"}
    negated = any(c.dep_ == "neg" for t in chain for c in t.children)
    words = lex.words
    if lemmas & words.reiterating:
        return "reiterated"
    if lemmas & words.rejecting or lemmas & words.rejected_when_negated and negated:
        return "rejected"
    if lemmas & words.accepting:
        return "accepted"
    return "stated"


def _contentful(doc: Doc, item: tuple[int, int]) -> bool:
    """An item names something: it has a noun, verb or number, not only "that" or "it"."""
    span = doc.char_span(item[0], item[1], alignment_mode="expand")
    return span is not None and any(t.pos_ in {"NOUN", "PROPN", "VERB", "NUM"} for t in span)


def _dedupe(items: list[DemandInfo]) -> list[DemandInfo]:
    out: list[DemandInfo] = []
    for d in sorted(items, key=lambda x: -len(x.items)):
        if any(set(d.items) <= set(o.items) and o.by == d.by for o in out) or not d.items:
            continue
        out.append(d)
    return sorted(out, key=lambda d: d.token)


# the spaCy component of find_demands(): what it reads from the Doc and where it stores its result
Language.factory("parley_demands", default_config={"kb": None},
                 requires=["doc._.parley_actors", "doc._.parley_statements"],
                 assigns=[doc_attribute("parley_demands")],
                 func=component("parley_demands", on_claims(find_demands)))
