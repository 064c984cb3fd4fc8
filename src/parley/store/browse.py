"""Read-side queries for browsing the store page by page (the API and web UI): every function
returns plain dicts, and list functions return ``(rows, total)``."""
from __future__ import annotations

from typing import Sequence

from sqlalchemy import Connection, distinct, func, or_, select, text

from parley.store import schema as t
from parley.store.queries import (_date_filters, _mention_counts, demand_details, demands_query, find_actor,
                                  fts_query, relations_query, search, statements_query)

A, ART = t.actors, t.articles
Page = tuple[list[dict], int]


def page(conn: Connection, q, order: Sequence, limit: int, offset: int) -> Page:
    """One page of ``q`` in ``order``, and how many rows ``q`` has in all."""
    total = conn.execute(select(func.count()).select_from(q.order_by(None).subquery())).scalar_one()
    rows = [dict(r._mapping) for r in conn.execute(q.order_by(*order).limit(limit).offset(offset))]
    return rows, total


def _newest(table) -> list:
    return [ART.c.published.desc().nulls_last(), table.c.article_id, table.c.start]


def _oldest(table) -> list:
    return [ART.c.published, table.c.article_id, table.c.start]


def articles(conn: Connection, *, since: str | None = None, until: str | None = None,
             limit: int = 50, offset: int = 0) -> Page:
    """Articles without their text, newest first, with how many statements each has."""
    n = (select(t.statements.c.article_id, func.count().label("statements"))
         .group_by(t.statements.c.article_id).subquery())
    q = (select(ART.c.id, ART.c.title, ART.c.published, ART.c.source, ART.c.url, ART.c.language,
                func.length(ART.c.text).label("length"), func.coalesce(n.c.statements, 0).label("statements"),
                func.substr(ART.c.text, 1, 200).label("opening"))
         .outerjoin(n, n.c.article_id == ART.c.id))
    q = _date_filters(q, since, until)
    return page(conn, q, [ART.c.published.desc().nulls_last(), ART.c.id], limit, offset)


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
    statements = statements_query(conn, article=article_id)
    out["statements"] = [dict(r._mapping) for r in conn.execute(
        statements.add_columns(S.c.source_start, S.c.source_end, S.c.cue_start, S.c.cue_end).order_by(S.c.start))]
    out["relations"] = [dict(r._mapping) for r in conn.execute(
        relations_query(conn, article=article_id).order_by(t.relations.c.start))]
    out["demands"] = demand_details(conn, [dict(r._mapping) for r in conn.execute(
        demands_query(conn, article=article_id).order_by(t.demands.c.start))])
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
    mc = _mention_counts()
    mentions = func.coalesce(mc.c.mentions, 0)
    q = (select(A.c.id, A.c.name, A.c.kind, A.c.country, A.c.affiliation, mentions.label("mentions"),
                func.coalesce(mc.c.articles, 0).label("articles"), A.c.first_seen, A.c.last_seen)
         .outerjoin(mc, mc.c.actor_id == A.c.id))
    if kind:
        q = q.where(A.c.kind == kind)
    if country:
        q = q.where(func.upper(A.c.country) == country.upper())
    if name:
        aliased = select(t.aliases.c.actor_id).where(t.aliases.c.alias.icontains(name, autoescape=True))
        q = q.where(or_(A.c.name.icontains(name, autoescape=True), A.c.id.in_(aliased)))
    return page(conn, q, [mentions.desc(), A.c.id], limit, offset)


def actor_profile(conn: Connection, name_or_id: str, *, rows: int = 100) -> dict | None:
    """One actor (by id, name or alias) with counts, aliases, roles article by article, and its
    newest ``rows`` statements, relations, demands made and received, and conditionals."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return None
    profile = dict(conn.execute(select(A).where(A.c.id == actor_id)).one()._mapping)
    profile["aliases"] = list(conn.execute(select(t.aliases.c.alias).where(t.aliases.c.actor_id == actor_id)
                                           .order_by(t.aliases.c.alias)).scalars())
    M = t.mentions
    profile.update(conn.execute(select(func.count().label("mentions"),
                                       func.count(distinct(M.c.article_id)).label("articles"))
                                .where(M.c.actor_id == actor_id)).one()._mapping)
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
    q = statements_query(conn, speaker=speaker, since=since, until=until, search=search)
    if q is None:
        return [], 0
    S = t.statements
    return page(conn, q, _newest(S) if newest_first else _oldest(S), limit, offset)


def relations(conn: Connection, *, type=None, actor=None, since=None, until=None,
              limit: int = 50, offset: int = 0, newest_first: bool = False) -> Page:
    q = relations_query(conn, type=type, actor=actor, since=since, until=until)
    R = t.relations
    return page(conn, q, _newest(R) if newest_first else _oldest(R), limit, offset)


def demands(conn: Connection, *, by=None, of=None, status=None, since=None, until=None,
            limit: int = 50, offset: int = 0, newest_first: bool = True) -> Page:
    q = demands_query(conn, by=by, of=of, status=status, since=since, until=until)
    D = t.demands
    rows, total = page(conn, q, _newest(D) if newest_first else _oldest(D), limit, offset)
    return demand_details(conn, rows), total


def conditionals(conn: Connection, *, actor: str | None = None, article: str | None = None,
                 limit: int = 50, offset: int = 0) -> Page:
    """Conditionals (if X then Y), oldest first."""
    C = t.conditionals
    q = (select(C.c.id, C.c.article_id, ART.c.published, C.c.actor, A.c.name.label("actor_name"),
                C.c.if_text, C.c.then_text, C.c.cue, C.c.claimed_by, C.c.evidence, C.c.start, C.c.end)
         .join(ART, ART.c.id == C.c.article_id).outerjoin(A, A.c.id == C.c.actor))
    if actor:
        q = q.where(C.c.actor == (find_actor(conn, actor) or actor))
    if article:
        q = q.where(C.c.article_id == article)
    return page(conn, q, _oldest(C), limit, offset)


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
    if type:
        q = q.where(E.c.type == type.upper())
    if actor:
        actor_id = find_actor(conn, actor) or actor
        q = q.where(or_(E.c.source == actor_id, E.c.target == actor_id))
    if article:
        q = q.where(E.c.article_id == article)
    q = _date_filters(q, since, until)
    return page(conn, q, _newest(E) if newest_first else _oldest(E), limit, offset)


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


def graph(conn: Connection, *, since: str | None = None, until: str | None = None,
          kinds: Sequence[str] = ()) -> dict:
    """Stance edges (non-negated relations) between actors in a date range, weighted by
    evidence; with ``kinds``, only edges whose two ends are of those kinds. Nodes are the
    actors on an edge."""
    stances = relations_query(conn, since=since, until=until).where(t.relations.c.negated.is_(False))
    rows = [dict(r._mapping) for r in conn.execute(stances.order_by(*_oldest(t.relations)))]
    ends = {r["source"] for r in rows} | {r["target"] for r in rows}
    info = {r.id: dict(r._mapping) for r in conn.execute(
        select(A.c.id, A.c.name, A.c.kind, A.c.country).where(A.c.id.in_(ends)))} if ends else {}
    edges: dict[tuple[str, str, str], dict] = {}
    for r in rows:
        if kinds and not (info[r["source"]]["kind"] in kinds and info[r["target"]]["kind"] in kinds):
            continue
        key = (r["source"], r["type"], r["target"])
        edge = edges.setdefault(key, {"id": "|".join(key), "source": r["source"], "target": r["target"],
                                      "type": r["type"], "weight": 0, "first": None, "last": None,
                                      "evidence": []})
        day = (r["published"] or "")[:10] or None
        edge["weight"] += 1
        edge["first"] = min(filter(None, (edge["first"], day)), default=None)
        edge["last"] = max(filter(None, (edge["last"], day)), default=None)
        edge["evidence"].append({k: r[k] for k in ("id", "article_id", "published", "claimed_by", "modality",
                                                   "evidence", "start", "end")})
    degree: dict[str, int] = {}
    for e in edges.values():
        for end in (e["source"], e["target"]):
            degree[end] = degree.get(end, 0) + e["weight"]
    nodes = [{**info[a], "weight": degree[a]} for a in sorted(degree)]
    return {"nodes": nodes, "edges": list(edges.values())}


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
        "SELECT (SELECT count(*) FROM articles WHERE to_tsvector('english', text) @@ plainto_tsquery('english', :q))"
        " + (SELECT count(*) FROM statements"
        " WHERE to_tsvector('english', content) @@ plainto_tsquery('english', :q))"), {"q": words}).scalar_one()


def overview(conn: Connection, *, limit: int = 8) -> dict:
    """What the front page shows: counts, latest articles, most active actors, newest demands."""
    from parley.store.queries import stats

    return {"counts": stats(conn), "articles": articles(conn, limit=limit)[0],
            "actors": actors(conn, limit=limit)[0], "demands": demands(conn, limit=limit)[0]}

