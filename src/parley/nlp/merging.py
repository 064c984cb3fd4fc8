"""Merging the actors of one actor table: the guards two actors must pass, moving mentions,
and looking up the mention at a token (shared by :mod:`parley.nlp.coref`,
:mod:`parley.nlp.spellings` and :mod:`parley.nlp.titled`)."""
from __future__ import annotations

from spacy.tokens import Token

from parley.nlp.table import ActorBuild, ActorTable

TEXT_PREFIXES = ("person:", "organization:", "group:", "other:")


def is_kb(actor: ActorBuild) -> bool:
    """Whether an actor comes from the knowledge base (its id has no text-made prefix)."""
    return ":" not in actor.id


def merge(table: ActorTable, a: ActorBuild, b: ActorBuild) -> ActorBuild | None:
    """Merge two actors of the table when the guards allow it (see the module docstring).

    Returns:
        The actor kept (a knowledge-base one, else the one named first), or None.
    """
    if a.id == b.id:
        return a
    if (a.kind == "person") != (b.kind == "person") or "state" in (a.kind, b.kind):
        return None
    if not all(is_kb(x) or x.id.startswith(TEXT_PREFIXES) for x in (a, b)) or is_kb(a) and is_kb(b):
        return None
    first = (lambda x: min((s for s, _ in x.tokens), default=len(table.doc)))
    keep, drop = (a, b) if is_kb(a) or not is_kb(b) and first(a) <= first(b) else (b, a)
    absorb(table, drop, keep)
    return keep


def absorb(table: ActorTable, old: ActorBuild, new: ActorBuild) -> None:
    """Move all of ``old``'s mentions and facts to ``new`` and drop ``old``."""
    for start, end in old.tokens:
        for i in range(start, end):
            if table.by_token.get(i) == old.id:
                del table.by_token[i]
    for start, end in old.tokens:
        table.add_mention(new, start, end)
    new.learn(country=old.country, affiliation=old.affiliation, role=old.role)
    table.actors.pop(old.id, None)


def mention_at(table: ActorTable, i: int) -> tuple[ActorBuild, int, int] | None:
    """The actor owning token ``i`` and the token span of its mention there."""
    aid = table.by_token.get(i)
    if aid is None or aid not in table.actors:
        return None
    actor = table.actors[aid]
    spans = [(s, e) for s, e in actor.tokens if s <= i < e]
    return (actor, *spans[0]) if spans else None


def put(table: ActorTable, actor: ActorBuild, start: int, end: int) -> None:
    """Tokens start..end name ``actor``: actors made from the text lying wholly inside the span
    are merged into it first (so that "JBF-OCS" is one mention, not "OCS" inside it)."""
    for i in range(start, end):
        hit = mention_at(table, i)
        if hit and hit[0].id != actor.id and start <= hit[1] and hit[2] <= end and not is_kb(hit[0]):
            merge(table, actor, hit[0])
    owners = {table.by_token.get(i) for i in range(start, end)} - {None}
    if owners <= {actor.id}:
        for s, e in list(actor.tokens):
            if start <= s and e <= end and (s, e) != (start, end):
                table.drop_mention(actor, s, e)
        table.add_mention(actor, start, end)


def cap(tok: Token) -> bool:
    """A capitalised or all-capitals word."""
    return tok.is_alpha and (tok.is_title or tok.is_upper)
