"""Single reads over the store: one article, actor or place with what belongs to it, the
stance graph, an actor's timeline, the front page and the table counts (plain dicts)."""
from __future__ import annotations

import functools
from typing import Any, Sequence

from sqlalchemy import Connection, distinct, false, func, select, true

from parley.nlp.lexicon import load_lexicons
from parley.store import schema as t
from parley.store.paging import dicts
from parley.store.queries import (actors, articles, conditionals, date_clauses, demand_details, demand_rows,
                                  demands, events, find_actor, listed_actors, newest, relation_rows, relations,
                                  statement_rows, statements)
from parley.store.sides import sides

A, ART = t.actors, t.articles


def article(conn: Connection, article_id: str) -> dict | None:
    """One article with its text and every fact extracted from it, each with its span."""
    row = conn.execute(select(ART.c.id, ART.c.title, ART.c.published, ART.c.source, ART.c.url, ART.c.language,
                              ART.c.pipeline, ART.c.text).where(ART.c.id == article_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    M, S, R, D = t.mentions, t.statements, t.relations, t.demands
    out["mentions"] = dicts(conn, select(M.c.id, M.c.actor_id, A.c.name.label("actor_name"),
                                         A.c.kind.label("actor_kind"), M.c.text, M.c.start, M.c.end)
                            .join(A, A.c.id == M.c.actor_id).where(M.c.article_id == article_id)
                            .order_by(M.c.start))
    out["statements"] = dicts(conn, statement_rows().add_columns(S.c.source_start, S.c.source_end, S.c.cue_start,
                                                                 S.c.cue_end)
                              .where(S.c.article_id == article_id).order_by(S.c.start, S.c.id))
    out["relations"] = dicts(conn, relation_rows().where(R.c.article_id == article_id).order_by(R.c.start, R.c.id))
    out["demands"] = demand_details(conn, dicts(conn, demand_rows().where(D.c.article_id == article_id)
                                                .order_by(D.c.start, D.c.id)))
    out["conditionals"] = conditionals(conn, article=article_id).items
    out["events"] = events(conn, article=article_id).items
    PM, P = t.place_mentions, t.places
    out["places"] = dicts(conn, select(PM.c.id, PM.c.place_id, P.c.name, P.c.country, P.c.lat, P.c.lon, PM.c.text,
                                       PM.c.start, PM.c.end)
                          .join(P, P.c.id == PM.c.place_id).where(PM.c.article_id == article_id)
                          .order_by(PM.c.start))
    return out


def _actor_record(conn: Connection, name_or_id: str) -> dict | None:
    """An actor's row (by id, name or alias) with its ``aliases`` and the ``role_history``."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return None
    record = dict(conn.execute(select(A).where(A.c.id == actor_id)).one()._mapping)
    pronouns = load_lexicons().words.pronouns  # a pronoun resolved to the actor is no name of it
    record["aliases"] = [a for a in conn.execute(select(t.aliases.c.alias).where(t.aliases.c.actor_id == actor_id)
                                                 .order_by(t.aliases.c.alias)).scalars()
                         if a.lower() not in pronouns]
    return record


def actor(conn: Connection, name_or_id: str, *, direct: bool = False) -> dict | None:
    """One actor (by id, name or alias) with its row, aliases, roles, and every statement and
    relation of it, demand made by it and conditional, oldest first (with those of the persons
    who speak for it, marked ``via``, unless ``direct``); None if unknown."""
    record = _actor_record(conn, name_or_id)
    if record is None:
        return None
    own = {"direct": direct}
    record["roles"] = sorted({r["role"] for r in role_history(conn, record["id"])})
    record["statements"] = statements(conn, speaker=record["id"], **own).items
    record["relations"] = relations(conn, actor=record["id"], **own).items
    record["demands"] = demands(conn, by=record["id"], **own).items
    record["conditionals"] = conditionals(conn, actor=record["id"], **own).items
    return record


def actor_profile(conn: Connection, name_or_id: str, *, rows: int | None = 100, direct: bool = False) -> dict | None:
    """One actor (by id, name or alias) with counts, aliases, roles article by article, and its
    newest ``rows`` statements, relations, demands made and received, and conditionals (each
    ``{"items", "total"}``; with those of the persons who speak for it, marked ``via``, unless
    ``direct``); None if unknown."""
    profile = _actor_record(conn, name_or_id)
    if profile is None:
        return None
    actor_id = profile["id"]
    profile["mentions"], profile["articles"] = profile.pop("mention_count"), profile.pop("article_count")
    profile["role_history"] = role_history(conn, actor_id)
    profile["roles"] = sorted({r["role"] for r in profile["role_history"]})
    newest_rows = {"limit": rows, "newest_first": True, "direct": direct}
    for key, page in {
        "statements": statements(conn, speaker=actor_id, **newest_rows),
        "relations": relations(conn, actor=actor_id, **newest_rows),
        "demands": demands(conn, by=actor_id, **newest_rows),
        "demands_received": demands(conn, of=actor_id, **newest_rows),
        "conditionals": conditionals(conn, actor=actor_id, limit=rows, direct=direct),
    }.items():
        profile[key] = page._asdict()
    return profile


def role_history(conn: Connection, actor_id: str) -> list[dict]:
    """The roles an actor was given, article by article, oldest first."""
    AP = t.appearances
    return dicts(conn, select(AP.c.id, AP.c.article_id, ART.c.published, AP.c.role)
                 .join(ART, ART.c.id == AP.c.article_id).where(AP.c.actor_id == actor_id, AP.c.role.is_not(None))
                 .order_by(ART.c.published, AP.c.id))


def timeline(conn: Connection, name_or_id: str, *, direct: bool = False) -> list[dict]:
    """Everything an actor said, did, demanded or made conditional, by date (with what the
    persons who speak for it did, marked ``via``, unless ``direct``)."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return []
    out: list[dict[str, Any]] = []
    own = {"direct": direct}
    for s in statements(conn, speaker=actor_id, **own).items:
        out.append(_entry(s, "statement", f"{s['cue']}: {s['content']}", s["content"]))
    for r in relations(conn, actor=actor_id, **own).items:
        neg = "not " if r["negated"] else ""
        out.append(_entry(r, "relation", f"{r['source_name']} {neg}{r['type']} {r['target_name']}",
                          r["evidence"]))
    for d in demands(conn, by=actor_id, **own).items:
        out.append(_entry(d, "demand", f"{d['status']}: {'; '.join(d['items'])}", d["evidence"]))
    for c in conditionals(conn, actor=actor_id, **own).items:
        out.append(_entry(c, "conditional", f"if {c['if_text']}, then {c['then_text']}", c["evidence"]))
    return sorted(out, key=lambda e: (e["date"] or "", e["article_id"], e["start"]))


def _entry(row: dict, kind: str, summary: str, evidence: str) -> dict:
    return {"date": (row["published"] or "")[:10] or None, "kind": kind, "summary": summary,
            "via": row.get("via"), "evidence": evidence, "article_id": row["article_id"], "start": row["start"]}


def demand_summary(conn: Connection) -> list[dict]:
    """How many demands each actor made, by status, most demanding first."""
    D, P = t.demands, t.demand_parties
    n = func.count(distinct(D.c.id))
    return dicts(conn, select(P.c.actor_id, D.c.status, n.label("demands")).join(D, D.c.id == P.c.demand_id)
                 .where(P.c.side == "by").group_by(P.c.actor_id, D.c.status)
                 .order_by(n.desc(), P.c.actor_id, D.c.status))


def place(conn: Connection, place_id: int) -> dict | None:
    """One place with each of its mentions (article, date, title, span), newest first."""
    P, PM = t.places, t.place_mentions
    row = conn.execute(select(P).where(P.c.id == place_id)).first()
    if row is None:
        return None
    out = {k: v for k, v in row._mapping.items() if k != "place_key"}
    out["mentions"] = dicts(conn, select(PM.c.id, PM.c.article_id, ART.c.published, ART.c.title, ART.c.source,
                                         func.substr(ART.c.text, 1, 200).label("opening"), PM.c.text, PM.c.start,
                                         PM.c.end)
                            .join(ART, ART.c.id == PM.c.article_id).where(PM.c.place_id == place_id)
                            .order_by(ART.c.published.desc().nulls_last(), PM.c.article_id, PM.c.start))
    return out


GRAPH_EDGES = 300  # the strongest stances drawn by default; the rest are counted, not listed
EDGE_EVIDENCE = 3  # evidence listed per edge, newest first; /relations?source=&target=&type= lists all


def graph(conn: Connection, *, since: str | None = None, until: str | None = None,
          kinds: Sequence[str] = (), limit: int = GRAPH_EDGES, evidence: int = EDGE_EVIDENCE,
          min_weight: int = 1, isolated: bool = False) -> dict:
    """Stance edges (non-negated relations) between actors in a date range, weighted by
    evidence, strongest first, at most ``limit`` of them, each with its newest ``evidence``
    relations; with ``kinds``, only edges whose two ends are of those kinds; with
    ``min_weight``, only edges with that much evidence. Nodes are the actors on a listed edge,
    each with its ``side`` (see ``parley.store.sides``; None when on none), and with
    ``isolated`` also up to ``limit`` other actors seen in the range, most mentioned first.
    ``truncated`` says whether more edges exist; ``edges_total`` counts them all (None for a
    date range, where that would cost a second aggregation)."""
    limit, evidence, min_weight = max(limit, 0), max(evidence, 0), max(min_weight, 1)
    in_range = functools.partial(date_clauses, since=since, until=until)
    top, edge_total = _top_edges(kinds, limit, min_weight, in_range, dated=bool(since or until))
    edges: dict[tuple[str, str, str], dict] = {}
    for r in conn.execute(_with_evidence(conn, top, in_range, evidence)).mappings():
        key = (r["source"], r["type"], r["target"])
        if key not in edges:
            edges[key] = {"id": "|".join(key), "source": r["source"], "target": r["target"], "type": r["type"],
                          "weight": r["weight"], "first": (r["first"] or "")[:10] or None,
                          "last": (r["last"] or "")[:10] or None, "evidence": []}
        if r.get("ev_id") is not None:
            edges[key]["evidence"].append({"id": r["ev_id"], **{k: r[f"ev_{k}"] for k in EVIDENCE_KEYS}})
    truncated = len(edges) > limit
    if truncated:
        edges.pop(list(edges)[-1])
    if not truncated:
        total = len(edges)
    else:
        total = None if edge_total is None else conn.execute(edge_total).scalar_one()
    nodes = _nodes(conn, list(edges.values()))
    if isolated:
        nodes += _isolated(conn, {n["id"] for n in nodes}, kinds, since, until, limit)
    return {"nodes": nodes, "edges": list(edges.values()), "truncated": truncated, "edges_total": total}


def _top_edges(kinds: Sequence[str], limit: int, min_weight: int, in_range, *, dated: bool):
    """The CTE of the ``limit + 1`` strongest edges (id, ends, type, weight, first, last) and a
    statement counting all of them (None for a date range)."""
    R, E = t.relations, t.stance_edges
    of_kinds = [E.c.source_kind.in_(list(kinds)), E.c.target_kind.in_(list(kinds))] if kinds else []
    if not dated:  # all time: the edges every write keeps, strongest first from their index
        strong = [*of_kinds, E.c.weight >= min_weight]
        top = (select(E.c.id, E.c.source, E.c.target, E.c.type, E.c.weight, E.c.first, E.c.last).where(*strong)
               .order_by(E.c.weight.desc(), E.c.source, E.c.target, E.c.type).limit(limit + 1).cte("top"))
        return top, select(func.count()).select_from(E).where(*strong)
    # a date range: count the range's relations by edge id, then name the strongest edges
    weight = func.count().label("weight")
    by_edge = (select(R.c.edge_id, weight).where(R.c.negated == false(), *in_range(R.c.sort_date))
               .group_by(R.c.edge_id).having(func.count() >= min_weight))
    if not kinds:  # the strongest first, before naming them
        by_edge = by_edge.order_by(weight.desc(), R.c.edge_id).limit(limit + 1)
    by_edge = by_edge.subquery("by_edge")
    counted = (select(E.c.id, E.c.source, E.c.target, E.c.type, by_edge.c.weight)
               .join(E, E.c.id == by_edge.c.edge_id).where(*of_kinds)
               .order_by(by_edge.c.weight.desc(), E.c.source, E.c.target, E.c.type).limit(limit + 1)
               .cte("counted"))
    # first and last dates in the range of the listed edges only: one seek each
    r = R.alias("dated")
    of_edge = [r.c.edge_id == counted.c.id, r.c.sort_date > "", *in_range(r.c.sort_date)]
    top = select(counted, select(func.min(r.c.sort_date)).where(*of_edge).scalar_subquery().label("first"),
                 select(func.max(r.c.sort_date)).where(*of_edge).scalar_subquery().label("last"))
    # computed once per edge, not once per joined evidence row
    return top.cte("top").prefix_with("MATERIALIZED", dialect="postgresql"), None


def _nodes(conn: Connection, edges: list[dict]) -> list[dict]:
    """The actors at the ends of ``edges``, by id, each weighted by its edges' evidence and
    given its side."""
    degree: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    info = {r.id: dict(r._mapping) for r in conn.execute(
        select(A.c.id, A.c.name, A.c.kind, A.c.country).where(A.c.id.in_(list(degree))))} if degree else {}
    side = sides(edges)
    return [{**info[a], "weight": degree[a], "side": side.get(a)} for a in sorted(degree)]


def _isolated(conn: Connection, shown: set[str], kinds: Sequence[str], since: str | None, until: str | None,
              limit: int) -> list[dict]:
    """Up to ``limit`` actors not in ``shown``, of ``kinds``, seen in the range, most mentioned
    first (weight 0, no side)."""
    where = [A.c.kind.in_(list(kinds))] if kinds else []
    if since:
        where.append(A.c.last_seen >= since[:10])
    if until:
        where.append(func.substr(A.c.first_seen, 1, 10) <= until[:10])
    rows = conn.execute(select(A.c.id, A.c.name, A.c.kind, A.c.country).where(*where)
                        .order_by(A.c.mention_count.desc(), A.c.id).limit(limit + len(shown)))
    out = [{**r._mapping, "weight": 0, "side": None} for r in rows if r.id not in shown]
    return sorted(out[:limit], key=lambda n: n["id"])


EVIDENCE_KEYS = ("article_id", "published", "claimed_by", "modality", "evidence", "start", "end")


def _with_evidence(conn: Connection, top, in_range, n: int):
    """The rows of the ``top`` edges (a CTE with the edge ``id``, strongest first), each joined
    to its newest ``n`` relations whose date passes ``in_range(column)`` (columns ``ev_*``;
    none when ``n`` is 0). One statement: each edge reads only its own newest rows from the
    (edge_id, date...) index (PostgreSQL: a LATERAL subquery; SQLite, which has none: a
    correlated list of rowids)."""
    order = [top.c.weight.desc(), top.c.source, top.c.target, top.c.type]
    if n <= 0:
        return select(top).order_by(*order)
    R, r = t.relations, t.relations.alias("edge_rel")
    of_edge = [r.c.edge_id == top.c.id, *in_range(r.c.sort_date)]
    if conn.dialect.name == "postgresql":
        ev = select(r).where(*of_edge).order_by(*newest(r)).limit(n).lateral("ev")
        joined = top.outerjoin(ev, true())
    else:
        ev = R.alias("ev")
        newest_of_edge = select(r.c.id).where(*of_edge).order_by(*newest(r)).limit(n).correlate(top)
        joined = top.outerjoin(ev, ev.c.id.in_(newest_of_edge))
    columns = [ev.c.id.label("ev_id"), func.nullif(ev.c.sort_date, "").label("ev_published"),
               *[ev.c[k].label(f"ev_{k}") for k in EVIDENCE_KEYS if k != "published"]]
    return select(top, *columns).select_from(joined).order_by(*order, *newest(ev))


STAT_TABLES = ("articles", "actors", "statements", "relations", "demands", "conditionals", "places", "events")


def stats(conn: Connection) -> dict[str, int]:
    """Row counts of the main tables (of the actors: those the listings show)."""
    counts = {}
    for name in STAT_TABLES:
        count = select(func.count()).select_from(t.metadata.tables[name])
        counts[name] = conn.execute(count.where(*listed_actors()) if name == "actors" else count).scalar_one()
    return counts


def overview(conn: Connection, *, limit: int = 8) -> dict:
    """What the front page shows: counts, latest articles, most active actors, newest demands."""
    return {"counts": stats(conn), "articles": articles(conn, limit=limit).items,
            "actors": actors(conn, limit=limit).items, "demands": demands(conn, limit=limit, newest_first=True).items}
