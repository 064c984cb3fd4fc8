"""Exports: stored analyses as contract JSON, and the actor network as a graph or edge list."""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterator

from sqlalchemy import Connection, func, select

from parley.models import SCHEMA
from parley.store import schema as t
from parley.store.queries import demands


def edges(conn: Connection) -> list[dict]:
    """Stance edges between actors: one per (source, type, target), weighted by how many
    non-negated relations attest it, with the first and last dates seen."""
    R, ART = t.relations, t.articles
    day = func.substr(ART.c.published, 1, 10)
    q = (select(R.c.source, R.c.target, R.c.type, func.count().label("weight"),
                func.min(day).label("first"), func.max(day).label("last"))
         .join(ART, ART.c.id == R.c.article_id).where(R.c.negated.is_(False))
         .group_by(R.c.source, R.c.target, R.c.type).order_by(R.c.source, R.c.target, R.c.type))
    return [dict(r._mapping) for r in conn.execute(q)]


def network(conn: Connection):
    """The actor network as a networkx MultiDiGraph (edge key = relation type)."""
    import networkx as nx

    graph = nx.MultiDiGraph(name="parley actor network")
    for row in conn.execute(select(t.actors)):
        graph.add_node(row.id, **_clean({"label": row.name, "kind": row.kind, "country": row.country,
                                         "affiliation": row.affiliation, "first_seen": row.first_seen,
                                         "last_seen": row.last_seen}))
    for e in edges(conn):
        graph.add_edge(e["source"], e["target"], key=e["type"],
                       **_clean({"type": e["type"], "weight": e["weight"], "first": e["first"], "last": e["last"]}))
    return graph


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    # GraphML and GEXF have no null: leave missing attributes out.
    return {k: v for k, v in attrs.items() if v is not None}


def analyses(conn: Connection) -> Iterator[dict]:
    """Each stored article with its facts, in the shape of the analysis contract."""
    all_demands = defaultdict(list)
    for d in demands(conn):
        all_demands[d["article_id"]].append(d)
    for art in conn.execute(select(t.articles).order_by(t.articles.c.published, t.articles.c.id)):
        yield _analysis(conn, art, all_demands[art.id])


def _rows(conn: Connection, table, article_id: str) -> list:
    return conn.execute(select(table).where(table.c.article_id == article_id).order_by(table.c.start)).all()


def _analysis(conn: Connection, art, article_demands: list[dict]) -> dict:
    actors: dict[str, dict] = {}
    for m in _rows(conn, t.mentions, art.id):
        if m.actor_id not in actors:
            a = conn.execute(select(t.actors).where(t.actors.c.id == m.actor_id)).one()
            actors[a.id] = {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country,
                            "affiliation": a.affiliation, "role": None, "mentions": []}
        actors[m.actor_id]["mentions"].append({"text": m.text, "start": m.start, "end": m.end})
    for ap in conn.execute(select(t.appearances).where(t.appearances.c.article_id == art.id)):
        if ap.actor_id in actors and ap.role:
            actors[ap.actor_id]["role"] = ap.role
    places: dict[int, dict] = {}
    for pm in _rows(conn, t.place_mentions, art.id):
        if pm.place_id not in places:
            p = conn.execute(select(t.places).where(t.places.c.id == pm.place_id)).one()
            places[p.id] = {"name": p.name, "country": p.country, "lat": p.lat, "lon": p.lon,
                            "geonames_id": p.geonames_id, "mentions": []}
        places[pm.place_id]["mentions"].append({"text": pm.text, "start": pm.start, "end": pm.end})
    return {
        "schema": SCHEMA,
        "article": {"id": art.id, "title": art.title, "published": art.published, "source": art.source,
                    "language": art.language, "pipeline": art.pipeline, "url": art.url, "text": art.text},
        "actors": list(actors.values()),
        "statements": [{"speaker": s.speaker, "cue": s.cue, "content": s.content, "start": s.start, "end": s.end,
                        "direct": s.direct, "role": s.role,
                        "source_span": _span(s.source_start, s.source_end),
                        "cue_span": _span(s.cue_start, s.cue_end)} for s in _rows(conn, t.statements, art.id)],
        "relations": [{"source": r.source, "type": r.type, "target": r.target, "claimed_by": r.claimed_by,
                       "negated": r.negated, "modality": r.modality, "evidence": r.evidence,
                       "start": r.start, "end": r.end} for r in _rows(conn, t.relations, art.id)],
        "demands": [{"by": d["by"], "of": d["of"], "items": d["items"], "condition_for": d["condition_for"],
                     "status": d["status"], "evidence": d["evidence"], "start": d["start"], "end": d["end"]}
                    for d in article_demands],
        "conditionals": [{"actor": c.actor, "if": c.if_text, "then": c.then_text, "evidence": c.evidence,
                          "start": c.start, "end": c.end} for c in _rows(conn, t.conditionals, art.id)],
        "places": list(places.values()),
        "events": [{"type": e.type, "mode": e.mode, "source": e.source, "target": e.target, "place": e.place,
                    "date": e.date, "evidence": e.evidence, "start": e.start, "end": e.end}
                   for e in _rows(conn, t.events, art.id)],
    }


def _span(start: int | None, end: int | None) -> dict | None:
    return None if start is None else {"start": start, "end": end}
