"""Read-side queries for browsing the store page by page (the API and web UI): every function
returns plain dicts, and list functions return ``(rows, total)``."""
from __future__ import annotations

import functools
from typing import Sequence

from sqlalchemy import Connection, distinct, false, func, or_, select, text, true, union

from parley.store import schema as t
from parley.store.queries import (actor_filters, actor_order, actor_rows, date_clauses, demand_details,
                                  demand_filters, demand_rows, find_actor, fts_query, newest, oldest,
                                  relation_filters, relation_rows, search, statement_filters, statement_rows)

A, ART = t.actors, t.articles
Page = tuple[list[dict], int]


def page(conn: Connection, q, order: Sequence, limit: int, offset: int) -> Page:
    """One page of ``q`` in ``order``, and how many rows ``q`` has in all."""
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one()
    rows = [dict(r._mapping) for r in conn.execute(q.order_by(*order).limit(limit).offset(offset))]
    return rows, total


def table_page(conn: Connection, table, rows, where: Sequence, order: Sequence, limit: int, offset: int) -> Page:
    """One page of ``table``'s rows: counted, filtered and ordered on the table alone (so its
    indexes answer and the scan stops at the page), then only the page's rows are joined by
    ``rows`` (a select over ``table`` with its article, actor names...)."""
    total = conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
    ids = select(table.c.id).where(*where).order_by(*order).limit(limit).offset(offset)
    return _rows_of(conn, table, rows, ids, order, total, offset)


def _rows_of(conn: Connection, table, rows, ids, order: Sequence, total: int, offset: int) -> Page:
    """The page whose ``table`` ids ``ids`` selects, joined by ``rows``, in ``order``."""
    if not total or offset >= total:
        return [], total
    return [dict(r._mapping) for r in conn.execute(rows.where(table.c.id.in_(ids)).order_by(*order))], total


def articles(conn: Connection, *, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> Page:
    """Articles without their text, newest first, with how many statements each has."""
    S = t.statements
    n = select(func.count()).where(S.c.article_id == ART.c.id).scalar_subquery()
    q = select(ART.c.id, ART.c.title, ART.c.published, ART.c.source, ART.c.url, ART.c.language,
               func.length(ART.c.text).label("length"), n.label("statements"),
               func.substr(ART.c.text, 1, 200).label("opening"))
    undated_last = func.coalesce(ART.c.published, "")
    return table_page(conn, ART, q, date_clauses(ART.c.published, since, until), [undated_last.desc(), ART.c.id],
                      limit, offset)


def article(conn: Connection, article_id: str) -> dict | None:
    """One article with its text and every fact extracted from it, each with its span."""
    row = conn.execute(select(ART.c.id, ART.c.title, ART.c.published, ART.c.source, ART.c.url, ART.c.language,
                              ART.c.pipeline, ART.c.text).where(ART.c.id == article_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    M, S = t.mentions, t.statements
    out["mentions"] = [dict(r._mapping) for r in conn.execute(
        select(M.c.id, M.c.actor_id, A.c.name.label("actor_name"), A.c.kind.label("actor_kind"), M.c.text,
               M.c.start, M.c.end).join(A, A.c.id == M.c.actor_id)
        .where(M.c.article_id == article_id).order_by(M.c.start))]
    R, D = t.relations, t.demands
    out["statements"] = [dict(r._mapping) for r in conn.execute(
        statement_rows().add_columns(S.c.source_start, S.c.source_end, S.c.cue_start, S.c.cue_end)
        .where(S.c.article_id == article_id).order_by(S.c.start, S.c.id))]
    out["relations"] = [dict(r._mapping) for r in conn.execute(
        relation_rows().where(R.c.article_id == article_id).order_by(R.c.start, R.c.id))]
    out["demands"] = demand_details(conn, [dict(r._mapping) for r in conn.execute(
        demand_rows().where(D.c.article_id == article_id).order_by(D.c.start, D.c.id))])
    out["conditionals"] = conditionals(conn, article=article_id, limit=10_000)[0]
    out["events"] = events(conn, article=article_id, limit=10_000, newest_first=False)[0]
    PM, P = t.place_mentions, t.places
    out["places"] = [dict(r._mapping) for r in conn.execute(
        select(PM.c.id, PM.c.place_id, P.c.name, P.c.country, P.c.lat, P.c.lon, PM.c.text, PM.c.start, PM.c.end)
        .join(P, P.c.id == PM.c.place_id).where(PM.c.article_id == article_id).order_by(PM.c.start))]
    return out


def actors(conn: Connection, *, kind: str | None = None, country: str | None = None, name: str | None = None,
           limit: int = 50, offset: int = 0) -> Page:
    """Actors, most mentioned first; ``name`` matches part of a name or alias."""
    where = actor_filters(kind=kind, country=country, name=name)
    return table_page(conn, A, actor_rows(), where, actor_order(), limit, offset)


def actor_profile(conn: Connection, name_or_id: str, *, rows: int = 100) -> dict | None:
    """One actor (by id, name or alias) with counts, aliases, roles article by article, and its
    newest ``rows`` statements, relations, demands made and received, and conditionals."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return None
    profile = dict(conn.execute(select(A).where(A.c.id == actor_id)).one()._mapping)
    profile["aliases"] = list(conn.execute(select(t.aliases.c.alias).where(t.aliases.c.actor_id == actor_id)
                                           .order_by(t.aliases.c.alias)).scalars())
    profile["mentions"], profile["articles"] = profile.pop("mention_count"), profile.pop("article_count")
    profile["role_history"] = role_history(conn, actor_id)
    profile["roles"] = sorted({r["role"] for r in profile["role_history"]})
    newest = {"limit": rows, "newest_first": True}
    for key, (items, total) in {
        "statements": statements(conn, speaker=actor_id, **newest),
        "relations": relations(conn, actor=actor_id, **newest),
        "demands": demands(conn, by=actor_id, limit=rows),
        "demands_received": demands(conn, of=actor_id, limit=rows),
        "conditionals": conditionals(conn, actor=actor_id, limit=rows),
    }.items():
        profile[key] = {"items": items, "total": total}
    return profile


def actor_names(conn: Connection, ids) -> dict[str, str]:
    """Names of the actors with these ids (unknown ids are left out)."""
    ids = list(ids)
    return dict(conn.execute(select(A.c.id, A.c.name).where(A.c.id.in_(ids))).all()) if ids else {}


def demand_summary(conn: Connection) -> list[dict]:
    """How many demands each actor made, by status, most demanding first."""
    D, P = t.demands, t.demand_parties
    n = func.count(distinct(D.c.id))
    q = (select(P.c.actor_id, D.c.status, n.label("demands")).join(D, D.c.id == P.c.demand_id)
         .where(P.c.side == "by").group_by(P.c.actor_id, D.c.status).order_by(n.desc(), P.c.actor_id, D.c.status))
    return [dict(r._mapping) for r in conn.execute(q)]


def role_history(conn: Connection, actor_id: str) -> list[dict]:
    """The roles an actor was given, article by article, oldest first."""
    AP = t.appearances
    q = (select(AP.c.id, AP.c.article_id, ART.c.published, AP.c.role).join(ART, ART.c.id == AP.c.article_id)
         .where(AP.c.actor_id == actor_id, AP.c.role.is_not(None)).order_by(ART.c.published, AP.c.id))
    return [dict(r._mapping) for r in conn.execute(q)]


def statements(conn: Connection, *, speaker=None, since=None, until=None, search=None,
               limit: int = 50, offset: int = 0, newest_first: bool = False) -> Page:
    where = statement_filters(conn, speaker=speaker, since=since, until=until, search=search)
    if where is None:
        return [], 0
    S = t.statements
    return table_page(conn, S, statement_rows(), where, newest(S) if newest_first else oldest(S), limit, offset)


def relations(conn: Connection, *, type=None, actor=None, source=None, target=None, negated=None, since=None,
              until=None, limit: int = 50, offset: int = 0, newest_first: bool = False) -> Page:
    where = relation_filters(conn, type=type, source=source, target=target, negated=negated, since=since,
                             until=until)
    R = t.relations
    if actor:
        return _either_end_page(conn, find_actor(conn, actor) or actor, where, newest_first, limit, offset)
    return table_page(conn, R, relation_rows(), where, newest(R) if newest_first else oldest(R), limit, offset)


def _either_end_page(conn: Connection, actor_id: str, where: list, newest_first: bool, limit: int,
                     offset: int) -> Page:
    """A page of the relations with ``actor_id`` at either end: the two ends read apart, each
    from its own (end, date...) index and cut at the page, then merged (rather than one OR
    that sorts every relation of a frequent actor). A relation with the actor at both ends is
    counted once."""
    R = t.relations
    keys = [R.c.sort_date, R.c.article_id, R.c.start, R.c.id]
    ends = [R.c.source == actor_id, R.c.target == actor_id]
    n_source, n_target, n_both = (conn.execute(select(func.count()).select_from(R).where(*where, *end)).scalar_one()
                                  for end in ([ends[0]], [ends[1]], ends))
    total = n_source + n_target - n_both
    order = newest(R) if newest_first else oldest(R)
    branches = [select(*keys).where(*where, end).order_by(*order).limit(offset + limit).subquery() for end in ends]
    merged = union(*(select(b) for b in branches)).subquery()
    merged_order = [merged.c[k.name].desc() if newest_first else merged.c[k.name] for k in keys]
    ids = select(merged.c.id).order_by(*merged_order).limit(limit).offset(offset)
    return _rows_of(conn, R, relation_rows(), ids, order, total, offset)


def demands(conn: Connection, *, by=None, of=None, status=None, since=None, until=None,
            limit: int = 50, offset: int = 0, newest_first: bool = True) -> Page:
    where = demand_filters(conn, by=by, of=of, status=status, since=since, until=until)
    D = t.demands
    rows, total = table_page(conn, D, demand_rows(), where, newest(D) if newest_first else oldest(D), limit, offset)
    return demand_details(conn, rows), total


def conditionals(conn: Connection, *, actor: str | None = None, article: str | None = None,
                 limit: int = 50, offset: int = 0) -> Page:
    """Conditionals (if X then Y), oldest first."""
    C = t.conditionals
    q = (select(C.c.id, C.c.article_id, ART.c.published, C.c.actor, A.c.name.label("actor_name"),
                C.c.if_text, C.c.then_text, C.c.cue, C.c.claimed_by, C.c.evidence, C.c.start, C.c.end)
         .join(ART, ART.c.id == C.c.article_id).outerjoin(A, A.c.id == C.c.actor))
    where = []
    if actor:
        where.append(C.c.actor == (find_actor(conn, actor) or actor))
    if article:
        where.append(C.c.article_id == article)
    return table_page(conn, C, q, where, oldest(C), limit, offset)


def events(conn: Connection, *, type: str | None = None, actor: str | None = None, since: str | None = None,
           until: str | None = None, article: str | None = None, limit: int = 50, offset: int = 0,
           newest_first: bool = True) -> Page:
    """Events (PLOVER types); ``actor`` matches either end."""
    E = t.events
    src, dst = A.alias("src"), A.alias("dst")
    q = (select(E.c.id, E.c.article_id, ART.c.published, E.c.type, E.c.mode, E.c.source,
                src.c.name.label("source_name"), E.c.target, dst.c.name.label("target_name"), E.c.place,
                E.c.date, E.c.evidence, E.c.start, E.c.end)
         .join(ART, ART.c.id == E.c.article_id).outerjoin(src, src.c.id == E.c.source)
         .outerjoin(dst, dst.c.id == E.c.target))
    where = date_clauses(E.c.sort_date, since, until)
    if type:
        where.append(E.c.type == type.upper())
    if actor:
        actor_id = find_actor(conn, actor) or actor
        where.append(or_(E.c.source == actor_id, E.c.target == actor_id))
    if article:
        where.append(E.c.article_id == article)
    return table_page(conn, E, q, where, newest(E) if newest_first else oldest(E), limit, offset)


def places(conn: Connection, *, country: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Places with how often and in how many articles they are mentioned, most mentioned first."""
    P, PM = t.places, t.place_mentions
    n = func.count(PM.c.id)
    q = (select(P.c.id, P.c.name, P.c.country, P.c.lat, P.c.lon, P.c.geonames_id, P.c.kind,
                n.label("mentions"), func.count(distinct(PM.c.article_id)).label("articles"))
         .outerjoin(PM, PM.c.place_id == P.c.id).group_by(P.c.id))
    if country:
        q = q.where(func.upper(P.c.country) == country.upper())
    return page(conn, q, [n.desc(), P.c.name, P.c.id], limit, offset)


def place(conn: Connection, place_id: int) -> dict | None:
    """One place with each of its mentions (article, date, title, span)."""
    P, PM = t.places, t.place_mentions
    row = conn.execute(select(P).where(P.c.id == place_id)).first()
    if row is None:
        return None
    out = {k: v for k, v in row._mapping.items() if k != "place_key"}
    out["mentions"] = [dict(r._mapping) for r in conn.execute(
        select(PM.c.id, PM.c.article_id, ART.c.published, ART.c.title, ART.c.source,
               func.substr(ART.c.text, 1, 200).label("opening"), PM.c.text, PM.c.start, PM.c.end)
        .join(ART, ART.c.id == PM.c.article_id).where(PM.c.place_id == place_id)
        .order_by(ART.c.published.desc().nulls_last(), PM.c.article_id, PM.c.start))]
    return out


GRAPH_EDGES = 300  # the strongest stances drawn by default; the rest are counted, not listed
EDGE_EVIDENCE = 3  # evidence listed per edge, newest first; /relations?source=&target=&type= lists all


def graph(conn: Connection, *, since: str | None = None, until: str | None = None,
          kinds: Sequence[str] = (), limit: int = GRAPH_EDGES, evidence: int = EDGE_EVIDENCE) -> dict:
    """Stance edges (non-negated relations) between actors in a date range, weighted by
    evidence, strongest first, at most ``limit`` of them, each with its newest ``evidence``
    relations; with ``kinds``, only edges whose two ends are of those kinds. Nodes are the
    actors on a listed edge. ``truncated`` says whether more edges exist; ``edges_total`` counts
    them all (None for a date range, where that would cost a second aggregation)."""
    R, E = t.relations, t.stance_edges
    limit, evidence = max(limit, 0), max(evidence, 0)
    in_range = functools.partial(date_clauses, since=since, until=until)
    of_kinds = [E.c.source_kind.in_(list(kinds)), E.c.target_kind.in_(list(kinds))] if kinds else []
    if since or until:  # count the range's relations by edge id, then name the strongest edges
        weight = func.count().label("weight")
        by_edge = (select(R.c.edge_id, weight).where(R.c.negated == false(), *in_range(R.c.sort_date))
                   .group_by(R.c.edge_id))
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
        top = top.cte("top").prefix_with("MATERIALIZED", dialect="postgresql")
        edge_total = None  # counting a range's edges would cost a second aggregation
    else:  # all time: the edges every write keeps, strongest first from their index
        top = (select(E.c.id, E.c.source, E.c.target, E.c.type, E.c.weight, E.c.first, E.c.last).where(*of_kinds)
               .order_by(E.c.weight.desc(), E.c.source, E.c.target, E.c.type).limit(limit + 1).cte("top"))
        edge_total = select(func.count()).select_from(E).where(*of_kinds)
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
    degree: dict[str, int] = {}
    for e in edges.values():
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    info = {r.id: dict(r._mapping) for r in conn.execute(
        select(A.c.id, A.c.name, A.c.kind, A.c.country).where(A.c.id.in_(list(degree))))} if degree else {}
    nodes = [{**info[a], "weight": degree[a]} for a in sorted(degree)]
    return {"nodes": nodes, "edges": list(edges.values()), "truncated": truncated, "edges_total": total}


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


def search_page(conn: Connection, words: str, *, limit: int = 50, offset: int = 0) -> Page:
    """Full-text hits (articles and statements), best first, each with an ``id`` and, for a
    statement, its speaker's name and span."""
    if not fts_query(words):
        return [], 0
    hits = search(conn, words, limit=offset + limit)[offset:]
    sids = [int(h["ref"]) for h in hits if h["kind"] == "statement"]
    S = t.statements
    spans = {r.id: r for r in conn.execute(select(S.c.id, S.c.start, S.c.end, A.c.name)
                                          .join(A, A.c.id == S.c.speaker).where(S.c.id.in_(sids)))} if sids else {}
    for h in hits:
        h["id"] = f"{h['kind']}:{h['ref']}"
        s = spans.get(int(h["ref"])) if h["kind"] == "statement" else None
        h.update(speaker_name=s.name if s else None, start=s.start if s else None, end=s.end if s else None)
    return hits, _search_total(conn, words)


def _search_total(conn: Connection, words: str) -> int:
    if conn.dialect.name == "sqlite":
        return conn.execute(text("SELECT count(*) FROM search_index WHERE search_index MATCH :q"),
                            {"q": fts_query(words)}).scalar_one()
    return conn.execute(text(
        "SELECT (SELECT count(*) FROM articles WHERE search_vector @@ plainto_tsquery('english', :q))"
        " + (SELECT count(*) FROM statements WHERE search_vector @@ plainto_tsquery('english', :q))"),
        {"q": words}).scalar_one()


def overview(conn: Connection, *, limit: int = 8) -> dict:
    """What the front page shows: counts, latest articles, most active actors, newest demands."""
    from parley.store.queries import stats

    return {"counts": stats(conn), "articles": articles(conn, limit=limit)[0],
            "actors": actors(conn, limit=limit)[0], "demands": demands(conn, limit=limit)[0]}

