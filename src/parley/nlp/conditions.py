"""What a demand is a condition of, and whose conditions a summarised list is.

"before talks", "as a condition for a truce", "in exchange for the prisoners", "only if the
talks resume", "in order to reach a deal" name what a demand is for. "They see that several
conditions must be met before X. These conditions are summarised by an analyst: A, B, C" gives
one demand: A, B and C, by the party of the first sentence, for X, as the analyst tells it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.lexicon import Lexicons
from parley.nlp.syntax import phrase_actors
from parley.nlp.table import ActorTable


def condition_for(doc: Doc, verb: Token, lex: Lexicons) -> tuple[int, int, int] | None:
    """What a demand's clause is a precondition of: (first token of the phrase that says so,
    start and end of what it names), or None."""
    words = lex.words
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in words.precondition_preps and c.i > verb.i:
            rng = _after(c)
            if rng is not None:
                return (c.i,) + rng
        if c.dep_ == "prep" and c.lower_ in {"as", "in"}:   # "as a condition for X", "in exchange for X"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            aim = next((v for v in pobj.children if v.dep_ in {"acl", "relcl"}), None) if pobj is not None else None
            if pobj is not None and pobj.lower_ == "order" and aim is not None:   # "in order to reach X"
                return c.i, aim.i, aim.right_edge.i + 1
            if pobj is not None and pobj.lemma_.lower() in words.condition_nouns | {"exchange", "return"}:
                inner = next((p for p in pobj.children if p.dep_ == "prep" and p.lower_ in {"for", "of"}), None)
                rng = _after(inner) if inner is not None else None
                if rng is not None:
                    return (c.i,) + rng
        if c.dep_ in {"advcl", "xcomp"} and c.i > verb.i:
            marks = [m.lower_ for m in c.children if m.dep_ in {"mark", "aux", "advmod"}]
            if "before" in marks or "order" in {t.lower_ for t in c.lefts} or _only_if(c):
                start = next((t.i for t in c.subtree if t.lower_ not in
                              {"before", "in", "order", "to", "only", "if", ","}), c.i)
                cut = c.left_edge.i - (1 if c.left_edge.i > 0 and doc[c.left_edge.i - 1].lower_ == "only" else 0)
                return cut, start, c.right_edge.i + 1
    return None


def condition_in(doc: Doc, heads: list[Token], lex: Lexicons) -> tuple[int, int, int] | None:
    """The first precondition said on the demand verb or on the heads of what it demands
    ("called on X to withdraw as a condition for talks")."""
    for head in heads:
        found = condition_for(doc, head, lex)
        if found is not None:
            return found
    return None


def _after(prep: Token) -> tuple[int, int] | None:
    objs = [p for p in prep.children if p.dep_ in {"pobj", "pcomp"}]
    return (prep.i + 1, prep.right_edge.i + 1) if objs else None


def _only_if(clause: Token) -> bool:
    """ "only if X": the condition clause is introduced by "only if"."""
    doc = clause.doc
    mark = next((m for m in clause.children if m.dep_ == "mark" and m.lower_ == "if"), None)
    return mark is not None and mark.i > 0 and doc[mark.i - 1].lower_ == "only"


def group_holders(subj: Token | None, table: ActorTable) -> list[str]:
    """The parties a plural pronoun subject stands for ("X and its ally Y ..., and they see
    that ..."): every member of the coordination it points to."""
    if subj is None or subj.lower_ not in table.lex.words.plural_pronouns:
        return []
    first = table.actor_of(subj)
    if first is None:
        return []
    for actor in table:
        if actor.id != first:
            continue
        for start, end in actor.tokens:
            head = subj.doc[start:end].root
            if head.i < subj.i:
                members = [first] + [a for c in head.children if c.dep_ == "conj" for a in phrase_actors(table, c)]
                members = [m for m in dict.fromkeys(members) if m]
                if len(members) > 1:
                    return members
    return [first]


def anaphoric(noun: Token, lex: Lexicons) -> bool:
    """ "These conditions are summarised by X": a list noun that points back to conditions
    named before (a demonstrative determiner on a condition noun in the same sentence)."""
    sent = noun.sent
    for tok in sent:
        if tok.lemma_.lower() in lex.words.condition_nouns and tok.i <= noun.i and any(
                c.dep_ == "det" and c.lower_ in {"these", "those", "such"} for c in tok.children):
            return True
    return False
