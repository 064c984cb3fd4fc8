"""Demands: who demands what of whom, item by item, and what they are a precondition of.

Sources: "called on X to ...", "insisted on ...", "seeking ...", "X must ...", and nouns that
introduce a list ("three conditions: A, B, and C"); a list announced with a number continues
into the following verbless sentences until the count is reached. What a demand is a condition
of ("before talks", "in exchange for", "as a condition for", "only if", "in order to") and whose
a summarised list of conditions is come from conditions.py; an item names a thing, never only a
pronoun phrase ("their terms"), an actor ("both sides") or a date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.models import Demand
from parley.nlp.components import component, doc_attribute, on_claims
from parley.nlp.conditions import anaphoric, condition_in, group_holders
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
        pos = _pos(tok, lex)
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
            d.items = [it for it in d.items if _contentful(doc, it, table)]
        if d is not None and d.items:
            d.claimed_by = claimed_by(tok, statements)
            d.status = _status(tok, lex)
            out.append(d)
    return _dedupe(_summarised(doc, out, lex))


def _pos(tok: Token, lex: Lexicons) -> str | None:
    """The part of speech a cue is read with: a demand verb the tagger took for a noun ("the
    Members urge X to ...": a root with a subject and an infinitive) is a verb."""
    if tok.pos_ in {"VERB", "AUX"}:
        return tok.pos_
    if tok.pos_ != "NOUN":
        return None
    if (tok.lemma_.lower(), "VERB") in lex.demand and tok.dep_ == "ROOT" and tok.tag_ in {"NN", "NNS"} \
            and any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children):
        return "VERB"
    return "NOUN"


def _summarised(doc: Doc, demands: list[DemandInfo], lex: Lexicons) -> list[DemandInfo]:
    """ "They see that conditions must be met before X. These conditions are summarised by Y:
    A, B, C": the list is the first sentence's party's, for X, as Y tells it; the sentence that
    only announces conditions is no demand of its own."""
    out: list[DemandInfo] = []
    pending: DemandInfo | None = None
    for d in demands:
        if d.cue in {"must", "should"} and doc[d.token].head.lemma_.lower() != "be" and _announces(doc, d, lex):
            pending = d
            continue
        tok = doc[d.token]
        if pending is not None and d.cue in lex.words.condition_nouns and anaphoric(tok, lex) \
                and tok.sent.start - doc[pending.token].sent.end <= 200:
            d.claimed_by = d.by[0] if d.by else d.claimed_by
            d.by = list(pending.by)
            d.condition_for = d.condition_for or pending.condition_for
            pending = None
        out.append(d)
    if pending is not None:
        out.append(pending)
    return out


def _announces(doc: Doc, d: DemandInfo, lex: Lexicons) -> bool:
    """A modal demand whose subject is a condition noun ("several conditions must be met")."""
    verb = doc[d.token].head
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and subj.lemma_.lower() in lex.words.condition_nouns


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
    verb = tok if tok.pos_ in {"VERB", "AUX"} or any(c.dep_ == "nsubj" for c in tok.children) else None
    actors = subject_actors(table, verb)
    if not actors:
        claim = claimed_by(tok, statements)
        actors = [claim] if claim else []
    return actors


def _verb_demand(doc: Doc, verb: Token, table: ActorTable, statements, frame: str) -> DemandInfo | None:
    by = _speaker_or_subject(verb, table, statements)
    of: list[str] = []
    items: list[str] = []
    controlled = any(c.dep_ == "xcomp" for c in verb.children)
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from" and frame == "object":   # "requested support from X"
            of += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
        elif c.dep_ == "prep" and c.lower_ in table.lex.words.on_preps and c.i > verb.i:
            for p in c.children:
                if p.dep_ == "pobj":
                    if table.actor_of(p) or phrase_actors(table, p)[:1] and p.pos_ == "PROPN":
                        of += phrase_actors(table, p)
                    else:
                        items.append(_text(doc, p.left_edge.i, p.right_edge.i + 1))
        elif c.dep_ == "prep" and c.lower_ == "for":
            items += [_text(doc, p.left_edge.i, p.right_edge.i + 1) for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in {"dobj"} and frame in {"object", "xcomp", "on"}:
            if frame != "object" and (table.actor_of(c) or controlled):   # "urged X to ...": X is asked
                of += phrase_actors(table, c)
            else:
                items.append(_text(doc, c.left_edge.i, c.right_edge.i + 1))
                of += [a for f in c.children if f.dep_ == "prep" and f.lower_ == "from"
                       for p in f.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
        elif c.dep_ == "xcomp" and frame == "object" and not any(s.dep_ == "nsubj" for s in c.children):
            continue   # "seeking to join X" is what the subject means to do, not a demand
        elif c.dep_ in {"xcomp", "ccomp"}:
            items += _clause_items(doc, c)
            subj = [s for s in c.children if s.dep_ == "nsubj"]
            if subj:
                of += phrase_actors(table, subj[0])
    if not items:
        return None
    heads = [verb] + [c for c in verb.children if c.dep_ in {"dobj", "xcomp", "ccomp"}] + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    cond, cut = _precondition(doc, heads, table.lex)
    sent = verb.sent
    return DemandInfo(by, of, _cut_items(doc, items, cut), sent.start_char, sent.end_char, condition_for=cond,
                      cue=verb.lemma_.lower(), token=verb.i)


def _cut_items(doc: Doc, items: list[tuple[int, int]], cut: int | None) -> list[tuple[int, int]]:
    """Items end before the phrase that says what they are a condition of ("withdraw its
    fighters | as a condition for talks")."""
    out = []
    for a, b in items:
        if cut is not None and a < cut < b:
            span = doc.char_span(a, cut, alignment_mode="contract")
            if span is not None and len(span):
                a, b = _text(doc, span.start, span.end)
        out.append((a, b))
    return out


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
    if verb.dep_ == "ccomp":   # "X and its ally Y ..., and they see that conditions must be met"
        holders = group_holders(subject_of(verb.head, table.lex), table) or holders
    subj = subject_of(verb, table.lex)
    if not holders and subj is not None:
        holders = subject_actors(table, verb.head if verb.dep_ == "ccomp" else None)
    if not holders:
        return None
    of = phrase_actors(table, subj) if subj is not None and verb.dep_ != "auxpass" else []
    item = _text(doc, (subj.left_edge.i if subj is not None else aux.i), verb.right_edge.i + 1)
    cond, _ = _precondition(doc, [verb], table.lex)
    sent = aux.sent
    return DemandInfo(holders, of, [item], sent.start_char, sent.end_char, condition_for=cond, cue=aux.lemma_.lower(),
                      token=aux.i)


def _precondition(doc: Doc, heads: list[Token], lex: Lexicons) -> tuple[str | None, int | None]:
    """What a demand must be met before or is for ("before talking about negotiations"), and the
    character offset where the phrase that says so begins."""
    found = condition_in(doc, heads, lex)
    if found is None:
        return None, None
    cut, a, b = found
    a, b = _text(doc, a, b)
    return _chars(doc, a, b) or None, doc[cut].idx


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
    if noun.lemma_.lower() in words.condition_nouns:
        return None   # "set the conditions for X" without the conditions names no demanded thing
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


_SPLIT = re.compile(r",\s+and\s+(?=[a-z])|;\s+|,\s+(?=the\s+\w+(?:ing|tion|ment|al|ance|ence)\s+of\b)", re.I)


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


def _contentful(doc: Doc, item: tuple[int, int], table: ActorTable) -> bool:
    """An item names a thing: a noun, verb or number that is not only a pronoun phrase around
    a demand word ("their terms"), an actor ("both sides") or a date ("Dec. 7th")."""
    span = doc.char_span(item[0], item[1], alignment_mode="expand")
    if span is None or not any(t.pos_ in {"NOUN", "PROPN", "VERB", "NUM"} for t in span):
        return False
    lex = table.lex
    words = [t for t in span
             if not (t.is_punct or t.pos_ in {"DET", "PRON", "CCONJ"} or t.dep_ in {"det", "poss", "predet"})]
    cues = {lemma for lemma, _ in lex.demand}
    if all(t.lemma_.lower() in cues for t in words):
        return False
    if all(t.i in table.by_token or t.ent_type_ in {"DATE", "TIME"} or t.lower_ in {"both", "all", "sides", "side"}
           for t in words):
        return False
    return True


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
