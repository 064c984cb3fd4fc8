"""Stances carried by an adjective: "we are grateful to Turkey", "grateful for the support
provided by our partners", "supportive of the talks' host", "hostile to X", "critical of X".

The adjective's row in ``stance.tsv`` (part of speech ``ADJ``) gives the relation and, as its
direction, the prepositions whose object is the target ("to+for"). The holder is the subject
of the copula the adjective complements. The target is the actor a prepositional object
names, or, for an act ("the support provided by X", "X's help"), whoever does it.
"""
from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.syntax import participle_agents, phrase_actors, subject_of
from parley.nlp.table import ActorTable


def adjective_pairs(adj: Token, table: ActorTable, preps: str) -> list[tuple[str, str]]:
    """(holder, target) pairs of a stance adjective (see the module docstring)."""
    if adj.dep_ != "acomp":
        return []
    subj = subject_of(adj.head, table.lex)
    holders = phrase_actors(table, subj) if subj is not None else []
    allowed = set(preps.split("+"))
    targets: list[str] = []
    for c in adj.children:
        if c.dep_ == "prep" and c.lower_ in allowed:
            for p in c.children:
                if p.dep_ == "pobj":
                    targets += phrase_actors(table, p) or _doers(p, table)
    return [(h, t) for h in holders for t in dict.fromkeys(targets)]


def _doers(noun: Token, table: ActorTable) -> list[str]:
    """Who does an act: its possessor ("Turkey's support") or the agent of a participle on it
    ("the support provided by X")."""
    out = [table.actor_of(c) for c in noun.children if c.dep_ == "poss"]
    out += participle_agents(table, noun)
    return [a for a in dict.fromkeys(out) if a]
