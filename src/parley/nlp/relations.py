"""Stances between actors: supports, opposes, rejects, accuses, mediates, threatens,
negotiates_with, calls_on — from verbs ("supports Haftar"), nouns ("in support of the
reconciliation government", "his supporters in Moscow", "its ally Ankara", "at the hands of
the Accord"), with negation, modality and whose claim it is.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from parley.models import Relation
from parley.nlp.components import component, doc_attribute, on_claims
from parley.nlp.facts import Chunk, unique
from parley.nlp.lexicon import Lexicons
from parley.nlp.statements import StatementInfo
from parley.nlp.syntax import claimed_by, list_actors, modality, negated, phrase_actors, subject_actors, subject_of
from parley.nlp.table import ActorTable



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

    def to_model(self, chunk: Chunk) -> Relation:
        """The contract's Relation, with its evidence sentence at article offsets."""
        return Relation(self.source, self.type, self.target, chunk.text(self.start, self.end),
                        *chunk.chars(self.start, self.end), self.claimed_by, self.negated, self.modality, self.cue)


def find_relations(doc: Doc, table: ActorTable, statements: list[StatementInfo], lex: Lexicons) -> list[RelationInfo]:
    """All stance relations in ``doc``.

    Args:
        doc: the parsed Doc.
        table: its actor table.
        statements: its statements (whose claim a relation is).
        lex: the lexicons (stance cues, negation, modality).

    Returns:
        The relations in token order, each (source, type, target, cue token) once.
    """
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
    return unique(out, key=lambda r: (r.source, r.type, r.target, r.token))


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
    sources = subject_actors(table, verb)
    targets: list[str] = []
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "attr"}:
            targets += phrase_actors(table, c)
        elif c.dep_ == "prep" and c.lower_ in table.lex.words.target_preps:
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
            subj = subject_of(anc, table.lex)
            if subj is not None:
                return phrase_actors(table, subj)
            if anc.dep_ not in {"acl", "advcl", "xcomp", "conj"}:
                break
    return []


def _noun_pairs(noun: Token, table: ActorTable) -> list[tuple[str, str]]:
    """ "X's support for Y"; with a light verb, "X conducted strikes ... against Y"."""
    words = table.lex.words
    sources = _noun_owner(noun, table)
    holders = [noun]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in words.light_verbs:
        holders.append(noun.head)
    targets: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in words.target_preps:
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
        if c.dep_ in {"appos", "compound"} or (c.dep_ == "prep" and c.lower_ in table.lex.words.holder_preps):
            for t in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"]):
                holders += list_actors(table, t)
        if c.dep_ == "prep" and c.lower_ == "of":
            supported += [a for p in c.children if p.dep_ == "pobj" for a in phrase_actors(table, p)]
    if noun.dep_ == "appos":
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
    victims = subject_actors(table, verb if verb.pos_ in {"VERB", "AUX"} else None)
    return [(a, v) for a in agents for v in victims]


# the spaCy component of find_relations(): what it reads from the Doc and where it stores its result
Language.factory("parley_relations", default_config={"kb": None},
                 requires=["doc._.parley_actors", "doc._.parley_statements"],
                 assigns=[doc_attribute("parley_relations")],
                 func=component("parley_relations", on_claims(find_relations)))
