"""Definite descriptions that refer back: "the terrorist group", "the militant organisation"
name the armed group the text spoke of last, not a new actor.

A nominal group actor qualifies when every mention is definite ("the", "this", "that"), its
head is a word for a body (``words.tsv``: ``anaphor_heads``) and a descriptor of armed groups
qualifies it (``armed_descriptors``: "terrorist", "militant", "jihadist" ...). Its antecedent
is the nearest armed group named by its own name before its first mention (not a state's
forces); the description
becomes another mention of it. Without such an antecedent it stays as it is.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from parley.nlp.merging import merge
from parley.nlp.table import ActorBuild, ActorTable

_DEFINITE = {"the", "this", "that"}


def descriptions(doc: Doc, table: ActorTable) -> None:
    """Merge each anaphoric description into its antecedent (see the module docstring)."""
    for actor in [a for a in table.actors.values() if a.id.startswith("group:")]:
        if not actor.tokens or not all(_anaphoric(doc[s:e], table) for s, e in actor.tokens):
            continue
        first = min(s for s, _ in actor.tokens)
        antecedent = _antecedent(table, first)
        if antecedent is not None:
            merge(table, antecedent, actor)


def _anaphoric(span: Span, table: ActorTable) -> bool:
    words = table.lex.words
    root = span.root
    if root.lemma_.lower() not in words.anaphor_heads:
        return False
    start = span.start
    det = span.doc[start - 1] if start > 0 else None
    definite = any(t.lower_ in _DEFINITE for t in span if t.dep_ == "det") or (
        det is not None and det.lower_ in _DEFINITE and det.head.i == root.i)
    described = any(t.lower_ in words.armed_descriptors for t in root.children if t.dep_ in {"amod", "compound"})
    return definite and described


def _antecedent(table: ActorTable, before: int) -> ActorBuild | None:
    """The armed group with a name of its own, not a state's forces, mentioned nearest before
    token ``before``."""
    best: tuple[int, ActorBuild] | None = None
    for actor in table.actors.values():
        if actor.kind != "armed_group" or actor.id.startswith(("group:", "pronoun:")) or _of_a_state(table, actor):
            continue
        starts = [s for s, _ in actor.tokens if s < before]
        if starts and (best is None or max(starts) > best[0]):
            best = (max(starts), actor)
    return best[1] if best else None


def _of_a_state(table: ActorTable, actor: ActorBuild) -> bool:
    """Whether an armed group is a state's or government's force ("Iraqi Security Forces")."""
    if not actor.affiliation:
        return False
    owner = table.actors.get(actor.affiliation)   # an owner not named in the text: unknown, so not taken
    return owner is None or owner.kind in {"state", "government"}
