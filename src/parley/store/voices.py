"""Who speaks for an actor, and what an unknown actor name may have meant.

What a person says, demands or threatens while holding a role for a state or body counts for
that actor too ("via" the person): the persons whose stored ``affiliation`` is the actor, and
the holders of the knowledge base's offices of the actor on the date of each fact. The roll-up
is done on read, so that correcting an actor or its affiliation changes every list at once.
"""
from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import ColumnElement, Connection, and_, case, func, null, or_, select

from parley.store import schema as t
from parley.store.engine import StoreError
from parley.store.writer import Corrections, alias_key

A = t.actors
SUGGESTIONS = 3  # names offered for an unknown actor
_SUGGEST_POOL = 20_000  # names compared with an unknown one, most mentioned first


class UnknownActorError(StoreError):
    """An actor filter names no stored actor; ``suggestions`` are names that come close."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name, self.suggestions = name, suggestions
        hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else " in the store (see `parley actors`)"
        super().__init__(f"no actor {name!r}{hint}")


def find_actor(conn: Connection, name_or_id: str) -> str | None:
    """The store id of an actor named by id, merged-away id, alias or name; None if unknown."""
    if conn.execute(select(A.c.id).where(A.c.id == name_or_id)).first():
        return name_or_id
    merged = Corrections.load(conn).resolve(name_or_id)
    if merged != name_or_id and conn.execute(select(A.c.id).where(A.c.id == merged)).first():
        return merged
    M, AL = t.mentions, t.aliases
    counts = (select(AL.c.actor_id, func.count(M.c.id).label("n"))
              .outerjoin(M, and_(M.c.actor_id == AL.c.actor_id, M.c.alias_key == AL.c.alias_key))
              .where(AL.c.alias_key == alias_key(name_or_id))
              .group_by(AL.c.actor_id).order_by(func.count(M.c.id).desc(), AL.c.actor_id))
    row = conn.execute(counts).first()
    return row[0] if row else None


def resolve(conn: Connection, name_or_id: str) -> str:
    """The store id of the actor ``name_or_id`` names (see ``find_actor``).

    Raises:
        UnknownActorError: no stored actor has that id, name or alias.
    """
    found = find_actor(conn, name_or_id)
    if found is None:
        raise UnknownActorError(name_or_id, suggest(conn, name_or_id))
    return found


def suggest(conn: Connection, name: str, n: int = SUGGESTIONS) -> list[str]:
    """Names of up to ``n`` stored actors whose name or an alias is close to ``name``."""
    AL = t.aliases
    rows = conn.execute(select(A.c.name, AL.c.alias).join(AL, AL.c.actor_id == A.c.id)
                        .where(A.c.mention_count > 0).order_by(A.c.mention_count.desc(), A.c.id)
                        .limit(_SUGGEST_POOL)).all()
    owner: dict[str, str] = {}
    for actor_name, alias in rows:
        for form in (actor_name, alias):
            owner.setdefault(form.lower(), actor_name)
    close = difflib.get_close_matches(name.lower(), list(owner), n=n * 3, cutoff=0.7)
    return list(dict.fromkeys(owner[c] for c in close))[:n]


@dataclass(frozen=True)
class Voices:
    """An actor and the persons who speak for it: ``members`` at any date (their stored
    affiliation), ``offices`` (holder, first day, last day) only on the days they hold one."""

    actor: str
    members: tuple[str, ...] = ()
    offices: tuple[tuple[str, str | None, str | None], ...] = ()

    @property
    def ids(self) -> set[str]:
        """The actor and everyone who may speak for it."""
        return {self.actor, *self.members, *(h for h, _, _ in self.offices)}

    def where(self, of: Callable[[list[str]], ColumnElement], day) -> ColumnElement:
        """The clause keeping facts of the actor or of one who speaks for it on the fact's date:
        ``of(ids)`` keeps the facts of those actor ids; ``day`` is the fact's date column."""
        from parley.store.queries import date_clauses

        held = [and_(of([h]), *date_clauses(day, start, end)) for h, start, end in self.offices]
        return or_(of([self.actor, *self.members]), *held)


def voices(conn: Connection, actor_id: str, *, direct: bool = False) -> Voices:
    """The actor ``actor_id`` (a store id) with the persons who speak for it (none if ``direct``)."""
    if direct:
        return Voices(actor_id)
    members = conn.execute(select(A.c.id).where(A.c.affiliation == actor_id, A.c.kind == "person",
                                                A.c.id != actor_id).order_by(A.c.id)).scalars().all()
    fixes = Corrections.load(conn)
    held = [(fixes.resolve(h), start, end) for of, h, start, end in _kb_offices() if fixes.resolve(of) == actor_id]
    holders = {h for h, _, _ in held if h not in members and h != actor_id}
    stored = set(conn.execute(select(A.c.id).where(A.c.id.in_(sorted(holders)))).scalars()) if holders else set()
    return Voices(actor_id, tuple(members), tuple(o for o in held if o[0] in stored))


@functools.cache
def _kb_offices() -> tuple[tuple[str, str, str | None, str | None], ...]:
    """The built-in knowledge base's offices as (of, holder, first day, last day)."""
    from parley.errors import KnowledgeBaseError
    from parley.knowledge.kb import load_kb

    try:
        kb = load_kb()
    except KnowledgeBaseError:  # the roll-up then rests on the stored affiliations alone
        return ()
    return tuple((o.of, o.holder, o.start, o.end) for o in kb.offices)


def via(column, voice: Voices | None) -> ColumnElement:
    """A ``via`` column: the name of the actor in ``column`` when it is not ``voice``'s actor
    (the row counts for the actor through that one), else NULL."""
    if voice is None:
        return null().label("via")
    who = A.alias("via_actor")  # not the row's own actors table, which the subquery would correlate
    name = select(who.c.name).where(who.c.id == column).scalar_subquery()
    return case((column != voice.actor, name), else_=null()).label("via")

