"""Strikes stand for who strikes: a bare action noun ("these strikes", "two airstrikes") that
the text has said an actor conducts is a mention of that actor.

Military releases name the actor once ("Coalition military forces conducted 15 strikes",
"the coalition's airstrikes", "strikes by X") and then let the strikes act: "Near Rawah, two
strikes engaged an ISIL tactical unit". The stance is the conductor's, so the phrase becomes
a mention of the conductor (as "Moscow" is of Russia), the nearest one named before it.
Bare strikes whose conductor the text does not name ("two strikes") are nobody: no actor of
their own.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from parley.nlp.syntax import subject_actors
from parley.nlp.table import ActorTable

_OWNER_DEPS = {"poss", "compound", "amod", "nmod"}


def strikers(doc: Doc, table: ActorTable) -> None:
    """Give each bare action phrase the actor that conducts it (see the module docstring)."""
    words = table.lex.words
    acts = [a for a in table.actors.values() if a.id.startswith("group:")
            and any(doc[s:e].root.lemma_.lower() in words.action_nouns for s, e in a.tokens)]
    act_ids = {a.id for a in acts}
    for actor in acts:
        for start, end in list(actor.tokens):
            if doc[start:end].root.lemma_.lower() not in words.action_nouns:
                continue
            owner = _conductor(doc, doc[start:end].root.i + 1, table, act_ids)
            if owner is None and any(t.dep_ in _OWNER_DEPS - {"amod"} for t in doc[start:end]):
                continue   # "a coalition airstrike": its doer is in its name, though no actor
            table.drop_mention(actor, start, end)
            if owner is not None:
                table.add_mention(table.actors[owner], start, end)
        if not actor.tokens:
            table.actors.pop(actor.id, None)


def _conductor(doc: Doc, before: int, table: ActorTable, skip: set[str]) -> str | None:
    """The actor of the nearest action noun before token ``before`` (the phrase's own head
    first: "X conducted 15 strikes") whose doer the text names."""
    words = table.lex.words
    for tok in reversed(doc[:before]):
        if tok.lemma_.lower() not in words.action_nouns or tok.pos_ != "NOUN":
            continue
        for aid in _doers(tok, table):
            if aid not in skip and aid in table.actors and not aid.startswith("pronoun:"):
                return aid
    return None


def _doers(noun: Token, table: ActorTable) -> list[str]:
    """Who does an action noun: "X conducted strikes", "X's strikes", "coalition strikes",
    "strikes by X"."""
    out = [table.actor_of(c) for c in noun.children if c.dep_ in _OWNER_DEPS]
    out += [table.actor_of(p) for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for p in c.children if p.dep_ == "pobj"]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in table.lex.words.light_verbs:
        out += subject_actors(table, noun.head)
    return [a for a in out if a]
