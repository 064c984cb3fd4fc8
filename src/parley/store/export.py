"""Exports: stored analyses as contract JSON, and the actor network as a graph or edge list."""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from typing import Any, Iterator, Mapping, TypeVar

from sqlalchemy import Connection, Table, func, select

from parley.models import (Actor, Analysis, Article, Conditional, Demand, Event, Mention, Place, Relation, Span,
                           Statement)
from parley.store import schema as t

M = TypeVar("M")


def edges(conn: Connection) -> list[dict]:
    """Stance edges between actors: one per (source, type, target, negated, modality, claimed_by),
    weighted by how many relations attest it, with the first and last dates seen.

    Args:
        conn: a connection to read from.

    Returns:
        The edges (source, target, type, negated, modality, claimed_by, weight, first, last),
        ordered by those keys; ``claimed_by`` is None where the articles themselves assert it.
    """
    R, ART = t.relations, t.articles
    day = func.nullif(func.substr(ART.c.published, 1, 10), "")
    keys = (R.c.source, R.c.target, R.c.type, R.c.negated, R.c.modality, R.c.claimed_by)
    q = (select(*keys, func.count().label("weight"), func.min(day).label("first"), func.max(day).label("last"))
         .join(ART, ART.c.id == R.c.article_id).group_by(*keys)
         .order_by(*keys[:-1], func.coalesce(R.c.claimed_by, "")))
    return [dict(r._mapping) for r in conn.execute(q)]


def network(conn: Connection, *, isolated: bool = False):
    """The actor network as a networkx MultiDiGraph, one edge per row of ``edges()``.

    Args:
        conn: a connection to read from.
        isolated: also the actors that no edge touches.

    Returns:
        The graph: nodes keyed by actor id (label, kind, country, affiliation, first_seen,
        last_seen); edges keyed "0", "1"... with relation, negated, modality, claimed_by,
        weight, first and last (the stance is ``relation``: GEXF reserves ``type`` for
        directed/undirected).
    """
    import networkx as nx

    graph = nx.MultiDiGraph(name="parley actor network")
    found = edges(conn)
    touched = {e["source"] for e in found} | {e["target"] for e in found}
    for row in conn.execute(select(t.actors).order_by(t.actors.c.id)):
        if isolated or row.id in touched:
            graph.add_node(row.id, **_clean({"label": row.name, "kind": row.kind, "country": row.country,
                                             "affiliation": row.affiliation, "first_seen": row.first_seen,
                                             "last_seen": row.last_seen}))
    for n, e in enumerate(found):
        graph.add_edge(e["source"], e["target"], key=str(n), **_clean({
            "relation": e["type"], "negated": bool(e["negated"]), "modality": e["modality"],
            "claimed_by": e["claimed_by"], "weight": e["weight"], "first": e["first"], "last": e["last"]}))
    return graph


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    # GraphML and GEXF have no null: leave missing attributes out.
    return {k: v for k, v in attrs.items() if v is not None}


def analyses(conn: Connection) -> Iterator[dict]:
    """Each stored article as ``Analysis.to_dict()`` gives it, with the article's ``text`` added.

    Args:
        conn: a connection to read from.

    Returns:
        The records, oldest article first.
    """
    for art in conn.execute(select(t.articles).order_by(t.articles.c.published, t.articles.c.id)):
        record = stored_analysis(conn, art).to_dict()
        record["article"]["text"] = art.text
        yield record


def stored_analysis(conn: Connection, art) -> Analysis:
    """The analysis of one stored article, rebuilt from its rows (facts in the order written).

    Args:
        conn: a connection to read from.
        art: the article's row of ``articles``.

    Returns:
        The Analysis, with the store's actor ids (after merges and splits) and the store's
        records of its actors and places (the first article to name them wrote those).
    """
    return Analysis(
        article=_build(Article, art._mapping),
        actors=_actors(conn, art.id),
        statements=tuple(_build(Statement, s, source_span=_span(s.source_start, s.source_end),
                                cue_span=_span(s.cue_start, s.cue_end)) for s in _rows(conn, t.statements, art.id)),
        relations=tuple(_build(Relation, r) for r in _rows(conn, t.relations, art.id)),
        demands=_demands(conn, art.id),
        conditionals=tuple(_build(Conditional, c, if_=c.if_text, then=c.then_text)
                           for c in _rows(conn, t.conditionals, art.id)),
        places=_places(conn, art.id),
        events=tuple(_build(Event, e) for e in _rows(conn, t.events, art.id)),
        warnings=tuple(art.warnings or ()),
    )


def _build(model: type[M], row, **values: Any) -> M:
    """A ``model`` from the row's columns named like its fields, and ``values`` for the rest."""
    columns: Mapping[str, Any] = row if isinstance(row, Mapping) else row._mapping
    names = [f.name for f in dataclasses.fields(model) if f.name not in values and f.name in columns]
    return model(**{n: columns[n] for n in names}, **values)


def _rows(conn: Connection, table: Table, article_id: str) -> list:
    return conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.id)).all()


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None else Span(start, end)


def _actors(conn: Connection, article_id: str) -> tuple[Actor, ...]:
    """The article's actors in the order written, each once (a merge may leave two appearances)."""
    A, AP, MEN = t.actors, t.appearances, t.mentions
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for m in _rows(conn, MEN, article_id):
        mentions[m.actor_id].append(_build(Mention, m))
    found: dict[str, dict] = {}
    for row in conn.execute(select(A, AP.c.role, AP.c.unnamed_source).join(AP, AP.c.actor_id == A.c.id)
                            .where(AP.c.article_id == article_id).order_by(AP.c.id)):
        entry = found.setdefault(row.id, dict(row._mapping))
        entry["role"] = entry["role"] or row.role
        entry["unnamed_source"] = bool(entry["unnamed_source"] and row.unnamed_source)
    return tuple(_build(Actor, a, mentions=tuple(mentions[a["id"]])) for a in found.values())


def _demands(conn: Connection, article_id: str) -> tuple[Demand, ...]:
    """The article's demands with their parties (each once) and items, in the order written."""
    D, P, ITEMS = t.demands, t.demand_parties, t.demand_items
    rows = _rows(conn, D, article_id)
    parties: dict[tuple[int, str], dict[str, None]] = defaultdict(dict)
    items: dict[int, list] = defaultdict(list)
    ids = [d.id for d in rows]
    for did, side, actor in conn.execute(select(P.c.demand_id, P.c.side, P.c.actor_id)
                                         .where(P.c.demand_id.in_(ids)).order_by(P.c.id)):
        parties[(did, side)][actor] = None
    for item in conn.execute(select(ITEMS).where(ITEMS.c.demand_id.in_(ids))
                             .order_by(ITEMS.c.demand_id, ITEMS.c.position)):
        items[item.demand_id].append(item)
    return tuple(_build(Demand, d, by=tuple(parties[(d.id, "by")]), of=tuple(parties[(d.id, "of")]),
                        items=tuple(i.item for i in items[d.id]),
                        item_spans=tuple(Span(i.start, i.end) for i in items[d.id] if i.start is not None))
                 for d in rows)


def _places(conn: Connection, article_id: str) -> tuple[Place, ...]:
    """The article's places, in the order of their first mention as written."""
    PL, PM = t.places, t.place_mentions
    found: dict[int, dict] = {}
    for row in conn.execute(select(PM.c.place_id, PM.c.text, PM.c.start, PM.c.end, PM.c.literal, PL)
                            .join(PL, PL.c.id == PM.c.place_id)
                            .where(PM.c.article_id == article_id).order_by(PM.c.id)):
        place = found.setdefault(row.place_id, {**row._mapping, "mentions": []})
        place["mentions"].append(_build(Mention, row))
    return tuple(_build(Place, p, mentions=tuple(p["mentions"]), literal=p["literal"] is not False)
                 for p in found.values())
