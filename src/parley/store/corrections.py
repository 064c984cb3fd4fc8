"""Analyst corrections: merging two actors and splitting an alias off an actor."""
from __future__ import annotations

import re

from sqlalchemy import Connection, and_, delete, func, insert, select, tuple_, update

from parley.store import schema as t
from parley.store.engine import StoreError
from parley.store.queries import find_actor
from parley.store.writer import alias_key, insert_ignore, now, rebuild_stances, recount

# Every column holding an actor id, as (table, column).
ACTOR_COLUMNS = [(t.appearances, "actor_id"), (t.mentions, "actor_id"), (t.statements, "speaker"),
                 (t.relations, "source"), (t.relations, "target"), (t.relations, "claimed_by"),
                 (t.demands, "claimed_by"), (t.demand_parties, "actor_id"), (t.conditionals, "actor"),
                 (t.conditionals, "claimed_by"), (t.events, "source"), (t.events, "target"),
                 (t.actors, "affiliation")]


def _require(conn: Connection, name: str) -> str:
    actor_id = find_actor(conn, name)
    if actor_id is None:
        raise StoreError(f"no actor {name!r} in the store (see `parley actors`)")
    return actor_id


def merge(conn: Connection, keep: str, drop: str) -> tuple[str, str]:
    """Move every row of ``drop`` onto ``keep`` and record it for later ingests.

    Returns:
        (kept id, dropped id).
    Raises:
        StoreError: either actor is unknown, or both are the same actor.
    """
    keep_id, drop_id = _require(conn, keep), _require(conn, drop)
    if keep_id == drop_id:
        raise StoreError(f"{keep!r} and {drop!r} are already the same actor ({keep_id})")
    for table, col in ACTOR_COLUMNS:
        conn.execute(update(table).where(table.c[col] == drop_id).values({col: keep_id}))
    aliases = conn.execute(select(t.aliases.c.alias, t.aliases.c.alias_key)
                           .where(t.aliases.c.actor_id == drop_id)).all()
    insert_ignore(conn, t.aliases, [{"alias": a, "alias_key": k, "actor_id": keep_id} for a, k in aliases],
                  ["alias_key", "actor_id"])
    conn.execute(delete(t.actors).where(t.actors.c.id == drop_id))  # its aliases go by cascade
    # Earlier corrections that pointed at the dropped actor now point at the kept one.
    conn.execute(update(t.merges).where(t.merges.c.to_id == drop_id).values(to_id=keep_id))
    conn.execute(insert(t.merges).values(kind="merge", from_id=drop_id, to_id=keep_id, created_at=now()))
    refresh_seen(conn, [keep_id])
    recount(conn, [keep_id])
    rebuild_stances(conn, [keep_id, drop_id])
    return keep_id, drop_id


def split(conn: Connection, alias: str, source: str) -> str:
    """Give the mentions of ``alias`` on actor ``source`` (and what they said) to a new actor.

    Returns:
        The new actor's id.
    Raises:
        StoreError: the actor is unknown or has no such alias.
    """
    from_id, key = _require(conn, source), alias_key(alias)
    row = conn.execute(select(t.actors).where(t.actors.c.id == from_id)).one()
    if not conn.execute(select(t.aliases.c.id).where(t.aliases.c.actor_id == from_id,
                                                     t.aliases.c.alias_key == key)).first():
        raise StoreError(f"actor {from_id!r} has no alias {alias!r} (see `parley actor {from_id}`)")
    new_id = _new_id(conn, from_id, alias)
    conn.execute(insert(t.actors).values(id=new_id, name=alias.strip(), kind=row.kind, country=row.country,
                                         affiliation=None))
    M = t.mentions
    moved = conn.execute(select(M.c.article_id, M.c.start, M.c.end)
                         .where(M.c.actor_id == from_id, M.c.alias_key == key)).all()
    conn.execute(update(M).where(M.c.actor_id == from_id, M.c.alias_key == key).values(actor_id=new_id))
    S = t.statements
    if moved:
        conn.execute(update(S).where(S.c.speaker == from_id,
                                     tuple_(S.c.article_id, S.c.source_start, S.c.source_end).in_(moved))
                     .values(speaker=new_id))
    # Articles where the old actor is left with no mention were all about the new one.
    left = select(M.c.article_id).where(M.c.actor_id == from_id)
    gone = list(conn.execute(select(func.distinct(M.c.article_id))
                             .where(M.c.actor_id == new_id, M.c.article_id.not_in(left))).scalars())
    if gone:
        for table, col in ACTOR_COLUMNS[:-1]:
            article = table.c.article_id if "article_id" in table.c else None
            if article is None:  # demand_parties: through its demand
                article = select(t.demands.c.article_id).where(t.demands.c.id == table.c.demand_id) \
                    .scalar_subquery()
            conn.execute(update(table).where(and_(table.c[col] == from_id, article.in_(gone)))
                         .values({col: new_id}))
    kept = sorted({a for a, _, _ in moved} - set(gone))
    if kept:
        conn.execute(insert(t.appearances), [{"article_id": a, "actor_id": new_id, "role": None} for a in kept])
    conn.execute(update(t.aliases).where(t.aliases.c.actor_id == from_id, t.aliases.c.alias_key == key)
                 .values(actor_id=new_id))
    conn.execute(insert(t.merges).values(kind="split", from_id=from_id, to_id=new_id, alias_key=key,
                                         created_at=now()))
    refresh_seen(conn, [from_id, new_id])
    recount(conn, [from_id, new_id])
    rebuild_stances(conn, [from_id, new_id])
    return new_id


def _new_id(conn: Connection, from_id: str, alias: str) -> str:
    slug = re.sub(r"[^\w]+", "-", alias.casefold()).strip("-") or "alias"
    base = f"{from_id}~{slug}"
    candidate, n = base, 1
    while conn.execute(select(t.actors.c.id).where(t.actors.c.id == candidate)).first():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def refresh_seen(conn: Connection, actor_ids: list[str]) -> None:
    """Recompute first/last seen from the articles the actors appear in."""
    day = func.substr(func.coalesce(t.articles.c.published, ""), 1, 10)
    for actor_id in actor_ids:
        first, last = conn.execute(
            select(func.min(day), func.max(day)).select_from(t.appearances)
            .join(t.articles, t.articles.c.id == t.appearances.c.article_id)
            .where(t.appearances.c.actor_id == actor_id)).one()
        conn.execute(update(t.actors).where(t.actors.c.id == actor_id)
                     .values(first_seen=first or None, last_seen=last or None))
