"""Stances between actors: supports, opposes, rejects, accuses, mediates, threatens,
negotiates_with, calls_on — from verbs ("supports Haftar"), nouns ("in support of the
reconciliation government", "his supporters in Moscow", "its ally Ankara", "at the hands of
the Accord"), with negation, modality and whose claim it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.nlp.actors import ActorTable
from parley.nlp.lexicon import Lexicons
from parley.nlp.statements import StatementInfo, subject_of

SOURCE_PREPS = {"by"}
TARGET_PREPS = {"for", "of", "to", "with", "against", "on", "behind"}
CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "acl", "xcomp", "conj", "parataxis"}


@dataclass
class RelationInfo:
    source: str
    type: str
    target: str
    cue: str
    token: int
    negated: bool
    modality: str
    claimed_by: str | None
    start: int      # evidence: the sentence
    end: int


def phrase_actors(table: ActorTable, head: Token, *, skip_clauses: bool = True) -> list[str]:
    """Actors named in the phrase headed by ``head`` (itself, conjuncts, "of"-phrases)."""
    out: list[str] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        aid = table.actor_of(tok)
        if aid and aid not in out:
            out.append(aid)
        for child in tok.children:
            if skip_clauses and child.dep_ in CLAUSE_DEPS - {"conj"}:
                continue
            if child.dep_ in {"det", "punct", "cc", "amod"} and child.i not in table.by_token:
                continue
            if child.dep_ == "prep" and child.lower_ not in {"of", "between", "among", "with"}:
                continue   # "the proposal for a truce in Yemen" does not name Yemen as a party
            stack.append(child)
    return out


def list_actors(table: ActorTable, head: Token) -> list[str]:
    """Actors of a phrase and of an enumeration that continues it ("in Moscow, Cairo and Abu
    Dhabi"), read left to right so that a misattached list member is not lost."""
    out = phrase_actors(table, head)
    doc = head.doc
    i = head.right_edge.i + 1
    while i < head.sent.end:
        tok = doc[i]
        aid = table.by_token.get(i)
        if aid:
            if aid not in out:
                out.append(aid)
        elif tok.text not in {",", "and", "or"}:
            break
        i += 1
    return out


ENDING_VERBS = {"abandon", "end", "stop", "cease", "halt", "suspend", "drop", "withdraw", "cut", "quit"}


def _negated_here(tok: Token, lex: Lexicons) -> bool:
    return any(c.dep_ in {"neg", "det", "advmod"} and c.lower_ in lex.negation for c in tok.children)


def negated(tok: Token, lex: Lexicons) -> bool:
    """Whether a cue is negated: "does not back", "no support", "stopped supporting",
    "abandon its support" — and "will never abandon its support" is support again."""
    own = _negated_here(tok, lex)
    head = tok.head
    if tok.dep_ in {"dobj", "xcomp", "pcomp"} and head.lemma_.lower() in ENDING_VERBS:
        return own != (not _negated_here(head, lex))
    return own or tok.dep_ in {"dobj", "pobj"} and _negated_here(head, lex)


def modality(tok: Token, lex: Lexicons) -> str:
    """asserted | hypothetical | conditional | future, from auxiliaries and "if"-clauses."""
    verb = tok
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    chain = [verb] + list(verb.ancestors)[:2]
    for v in chain:
        if any(c.dep_ in {"advcl"} and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in v.children):
            return "conditional"
        if v.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in v.children):
            return "hypothetical"
    for c in verb.children:
        if c.dep_ in {"aux", "advmod"} and c.lemma_.lower() in lex.modality:
            return lex.modality[c.lemma_.lower()]
    return "asserted"


def claimed_by(tok: Token, statements: list[StatementInfo]) -> str | None:
    """The speaker of the innermost statement whose content holds the token, or of a statement
    whose cue the token's clause is coordinated with ("X stressed A, and it supports B")."""
    inside = [s for s in statements if s.tokens[0] <= tok.i < s.tokens[1]]
    if inside:
        return min(inside, key=lambda s: s.tokens[1] - s.tokens[0]).speaker
    cues = {s.cue_tokens[0]: s.speaker for s in statements if s.cue_tokens[1] > s.cue_tokens[0]}
    node = tok
    while node.head.i != node.i and node.dep_ not in {"relcl", "advcl", "ccomp"}:
        node = node.head
        if node.dep_ not in {"conj", "ROOT"} and node.pos_ in {"VERB", "AUX"}:
            continue
        if node.i in cues and node.i < tok.i:
            return cues[node.i]
    return None


def find_relations(doc: Doc, table: ActorTable, statements: list[StatementInfo], lex: Lexicons) -> list[RelationInfo]:
    """All stance relations in ``doc``."""
    out: list[RelationInfo] = []
    for tok in doc:
        pos = "VERB" if tok.pos_ in {"VERB", "AUX"} else "NOUN" if tok.pos_ in {"NOUN", "PROPN"} else None
        key = (tok.lemma_.lower(), pos)
        if pos is None:
            continue
        if key == ("accept", "VERB") and negated(tok, lex):
            pairs = _verb_pairs(tok, table)
            out.extend(_emit(doc, tok, pairs, "rejects", lex, statements, negate=False))
            continue
        if key not in lex.stance:
            continue
        rel, direction = lex.stance[key]
        if direction == "negating":
            continue
        if pos == "VERB":
            pairs = _verb_pairs(tok, table)
        elif direction == "hands":
            pairs = _hands_pairs(tok, table)
        elif direction == "obj->subj":
            pairs = _agent_noun_pairs(tok, table)
        else:
            pairs = _noun_pairs(tok, table)
        if rel == "calls_on" and not any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) \
                and tok.lemma_ == "call":
            continue
        out.extend(_emit(doc, tok, pairs, rel, lex, statements))
    return _dedupe(out)


def _emit(doc: Doc, tok: Token, pairs, rel: str, lex: Lexicons, statements, negate: bool | None = None):
    sent = tok.sent
    neg = negated(tok, lex) if negate is None else negate
    mod = modality(tok, lex)
    claim = claimed_by(tok, statements)
    for src, tgt in pairs:
        if src and tgt and src != tgt:
            yield RelationInfo(src, rel, tgt, tok.lemma_.lower(), tok.i, neg, mod, claim,
                               sent.start_char, sent.end_char)


def _verb_pairs(verb: Token, table: ActorTable) -> list[tuple[str, str]]:
    subj = subject_of(verb)
    sources = phrase_actors(table, subj) if subj is not None else []
    targets: list[str] = []
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"}:
            targets += phrase_actors(table, c)
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += phrase_actors(table, p)
        elif c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    sources = phrase_actors(table, p)
        elif c.dep_ == "nsubjpass":
            targets += phrase_actors(table, c)
    return [(s, t) for s in sources for t in targets]


def _noun_owner(noun: Token, table: ActorTable) -> list[str]:
    """Who holds a nominal stance: a possessor or adjective ("Turkish support"), or the owner
    of the noun it qualifies ("the Turkish position in support of")."""
    for tok in (noun, noun.head.head if noun.head.dep_ == "prep" else None):
        if tok is None:
            continue
        for c in tok.children:
            if c.dep_ in {"poss", "amod", "compound", "nmod"} and table.actor_of(c):
                return [table.actor_of(c)]
    for anc in noun.ancestors:   # the subject of the clause the noun sits in
        if anc.dep_ in {"relcl", "ccomp"}:
            break
        if anc.pos_ in {"VERB", "AUX"}:
            subj = subject_of(anc)
            if subj is not None:
                return phrase_actors(table, subj)
            if anc.dep_ not in {"acl", "advcl", "xcomp", "conj"}:
                break
    return []


LIGHT_VERBS = {"conduct", "carry", "launch", "wage", "mount", "stage", "lead", "continue", "intensify", "step"}


def _noun_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "X's support for Y"; with a light verb, "X conducted strikes ... against Y"."""
    sources = _noun_owner(noun, table)
    holders = [noun]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        holders.append(noun.head)
    targets: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += phrase_actors(table, p)
    if not targets and len(holders) > 1:   # "against ISIL" attached anywhere in the clause
        targets = [a for p in _clause_preps(holders[-1], "against") for a in phrase_actors(table, p)]
    return [(s, t) for s in sources for t in dict.fromkeys(targets)]


def _clause_preps(verb: Token, word: str) -> list[Token]:
    """Objects of the preposition ``word`` anywhere in a clause, not inside nested clauses."""
    out, stack = [], list(verb.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in {"relcl", "ccomp"} or tok.dep_ == "advcl" and tok.tag_ != "VBG":
            continue
        if tok.dep_ == "prep" and tok.lower_ == word:
            out += [p for p in tok.children if p.dep_ == "pobj"]
        stack.extend(tok.children)
    return out


def _agent_noun_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "his supporters in Moscow" / "its ally Ankara": the named ones support the possessor."""
    supported = [table.actor_of(c) for c in noun.children if c.dep_ == "poss" and table.actor_of(c)]
    holders: list[str] = []
    for c in noun.children:
        if c.dep_ in {"appos", "compound"} or (c.dep_ == "prep" and c.lower_ in {"in", "from", "like", "such"}):
            for t in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]):
                holders += list_actors(table, t)
        if c.dep_ == "prep" and c.lower_ == "of":
            supported += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if noun.dep_ == "appos" or (noun.dep_ == "conj" and False):
        holders += phrase_actors(table, noun.head)
    if noun.head.dep_ == "appos" or noun.dep_ == "compound":
        holders += [a for a in [table.actor_of(noun.head)] if a]
    return [(h, s) for h in holders for s in supported]


def _hands_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "losses that Haftar suffered at the hands of the Accord": the Accord opposes Haftar."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "at":
        return []
    agents = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    verb = noun.head.head
    subj = subject_of(verb) if verb.pos_ in {"VERB", "AUX"} else None
    victims = phrase_actors(table, subj) if subj is not None else []
    return [(a, v) for a in agents for v in victims]


def _dedupe(items: list[RelationInfo]) -> list[RelationInfo]:
    seen, out = set(), []
    for r in items:
        key = (r.source, r.type, r.target, r.token)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
