"""Read-side queries over the store; every function returns plain dicts."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, and_, distinct, func, literal_column, or_, select, text

from parley.store import schema as t
from parley.store.writer import Corrections, alias_key

A, ART = t.actors, t.articles


def find_actor(conn: Connection, name_or_id: str) -> str | None:
    """The store id of an actor named by id, merged-away id, alias or name; None if unknown."""
    if conn.execute(select(A.c.id).where(A.c.id == name_or_id)).first():
        return name_or_id
    merged = Corrections.load(conn).resolve(name_or_id)
    if merged != name_or_id and conn.execute(select(A.c.id).where(A.c.id == merged)).first():
        return merged
    counts = (select(t.aliases.c.actor_id, func.count(t.mentions.c.id).label("n"))
              .outerjoin(t.mentions, and_(t.mentions.c.actor_id == t.aliases.c.actor_id,
                                          t.mentions.c.alias_key == t.aliases.c.alias_key))
              .where(t.aliases.c.alias_key == alias_key(name_or_id))
              .group_by(t.aliases.c.actor_id).order_by(func.count(t.mentions.c.id).desc(), t.aliases.c.actor_id))
    row = conn.execute(counts).first()
    return row[0] if row else None


def _mention_counts():
    return (select(t.mentions.c.actor_id, func.count().label("mentions"),
                   func.count(distinct(t.mentions.c.article_id)).label("articles"))
            .group_by(t.mentions.c.actor_id).subquery())


def actors(conn: Connection, *, kind: str | None = None, country: str | None = None) -> list[dict]:
    """Actors with mention and article counts, most mentioned first."""
    mc = _mention_counts()
    q = (select(A.c.id, A.c.name, A.c.kind, A.c.country, A.c.affiliation,
                func.coalesce(mc.c.mentions, 0).label("mentions"),
                func.coalesce(mc.c.articles, 0).label("articles"), A.c.first_seen, A.c.last_seen)
         .outerjoin(mc, mc.c.actor_id == A.c.id))
    if kind:
        q = q.where(A.c.kind == kind)
    if country:
        q = q.where(func.upper(A.c.country) == country.upper())
    q = q.order_by(literal_column("mentions").desc(), A.c.id)
    return [dict(r._mapping) for r in conn.execute(q)]


def actor(conn: Connection, name_or_id: str) -> dict | None:
    """One actor with aliases, roles, statements, relations, demands and first/last seen."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return None
    row = dict(conn.execute(select(A).where(A.c.id == actor_id)).one()._mapping)
    row["aliases"] = list(conn.execute(select(t.aliases.c.alias).where(t.aliases.c.actor_id == actor_id)
                                       .order_by(t.aliases.c.alias)).scalars())
    roles = select(t.appearances.c.role).where(t.appearances.c.actor_id == actor_id,
                                               t.appearances.c.role.is_not(None)).distinct()
    row["roles"] = sorted(set(conn.execute(roles).scalars()))
    row["statements"] = statements(conn, speaker=actor_id)
    row["relations"] = relations(conn, actor=actor_id)
    row["demands"] = demands(conn, by=actor_id)
    return row


def _date_filters(q, since: str | None, until: str | None):
    """Articles published on ``since`` or later and on ``until`` or earlier. ``published`` is
    compared as an ISO string directly (no function around the column) so its index is used:
    any time on ``until`` sorts before ``until`` + DEL."""
    if since:
        q = q.where(ART.c.published >= since[:10])
    if until:
        q = q.where(ART.c.published <= until[:10] + "\x7f")
    return q


def statement_match(conn: Connection, words: str):
    """A where-clause selecting statements whose content matches ``words``."""
    if conn.dialect.name == "sqlite":
        ids = text("SELECT CAST(ref AS INTEGER) FROM search_index "
                   "WHERE search_index MATCH :q AND kind = 'statement'").bindparams(q=fts_query(words))
        return t.statements.c.id.in_(ids)
    return func.to_tsvector("english", t.statements.c.content).op("@@")(
        func.plainto_tsquery("english", words))


def statements_query(conn: Connection, *, speaker: str | None = None, since: str | None = None,
                     until: str | None = None, search: str | None = None, article: str | None = None):
    """The select behind ``statements`` (unordered), or None when ``search`` has no words."""
    S = t.statements
    q = (select(S.c.id, S.c.article_id, ART.c.published, S.c.speaker, A.c.name.label("speaker_name"),
                S.c.role, S.c.cue, S.c.content, S.c.direct, S.c.start, S.c.end)
         .join(ART, ART.c.id == S.c.article_id).join(A, A.c.id == S.c.speaker))
    if speaker:
        q = q.where(S.c.speaker == (find_actor(conn, speaker) or speaker))
    if article:
        q = q.where(S.c.article_id == article)
    q = _date_filters(q, since, until)
    if search:
        if not fts_query(search):
            return None
        q = q.where(statement_match(conn, search))
    return q


def statements(conn: Connection, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None, search: str | None = None) -> list[dict]:
    """Statements, oldest first, filtered by speaker, date range and words in the content."""
    q = statements_query(conn, speaker=speaker, since=since, until=until, search=search)
    if q is None:
        return []
    S = t.statements
    return [dict(r._mapping) for r in conn.execute(q.order_by(ART.c.published, S.c.article_id, S.c.start))]


def relations_query(conn: Connection, *, type: str | None = None, actor: str | None = None,
                    since: str | None = None, until: str | None = None, article: str | None = None):
    """The select behind ``relations`` (unordered)."""
    R = t.relations
    src, dst = A.alias("src"), A.alias("dst")
    q = (select(R.c.id, R.c.article_id, ART.c.published, R.c.source, src.c.name.label("source_name"), R.c.type,
                R.c.target, dst.c.name.label("target_name"), R.c.claimed_by, R.c.negated, R.c.modality,
                R.c.evidence, R.c.start, R.c.end)
         .join(ART, ART.c.id == R.c.article_id).join(src, src.c.id == R.c.source)
         .join(dst, dst.c.id == R.c.target))
    if type:
        q = q.where(R.c.type == type)
    if actor:
        actor_id = find_actor(conn, actor) or actor
        q = q.where(or_(R.c.source == actor_id, R.c.target == actor_id))
    if article:
        q = q.where(R.c.article_id == article)
    return _date_filters(q, since, until)


def relations(conn: Connection, *, type: str | None = None, actor: str | None = None,
              since: str | None = None, until: str | None = None) -> list[dict]:
    """Relations with their evidence, oldest first; ``actor`` matches either end."""
    R = t.relations
    q = relations_query(conn, type=type, actor=actor, since=since, until=until)
    return [dict(r._mapping) for r in conn.execute(q.order_by(ART.c.published, R.c.article_id, R.c.start))]


def demands_query(conn: Connection, *, by: str | None = None, status: str | None = None, of: str | None = None,
                  since: str | None = None, until: str | None = None, article: str | None = None):
    """The select behind ``demands`` (unordered; parties and items come from ``demand_details``)."""
    D, P = t.demands, t.demand_parties
    q = (select(D.c.id, D.c.article_id, ART.c.published, D.c.status, D.c.condition_for, D.c.claimed_by,
                D.c.evidence, D.c.start, D.c.end).join(ART, ART.c.id == D.c.article_id))
    for side, name in (("by", by), ("of", of)):
        if name:
            actor_id = find_actor(conn, name) or name
            q = q.where(D.c.id.in_(select(P.c.demand_id).where(P.c.side == side, P.c.actor_id == actor_id)))
    if status:
        q = q.where(D.c.status == status)
    if article:
        q = q.where(D.c.article_id == article)
    return _date_filters(q, since, until)


def demands(conn: Connection, *, by: str | None = None, status: str | None = None,
            of: str | None = None) -> list[dict]:
    """Demands with who makes them, of whom, and the demanded items."""
    D = t.demands
    q = demands_query(conn, by=by, status=status, of=of)
    return demand_details(conn, [dict(r._mapping) for r in
                                 conn.execute(q.order_by(ART.c.published, D.c.article_id, D.c.start))])


def demand_details(conn: Connection, rows: list[dict]) -> list[dict]:
    """Add ``by``, ``of`` (actor ids) and ``items`` to demand rows."""
    P = t.demand_parties
    ids = [r["id"] for r in rows]
    parties: dict[int, dict[str, list[str]]] = {i: {"by": [], "of": []} for i in ids}
    items: dict[int, list[str]] = {i: [] for i in ids}
    if ids:
        for did, side, aid in conn.execute(select(P.c.demand_id, P.c.side, P.c.actor_id)
                                           .where(P.c.demand_id.in_(ids)).order_by(P.c.id)):
            parties[did][side].append(aid)
        for did, item in conn.execute(select(t.demand_items.c.demand_id, t.demand_items.c.item)
                                      .where(t.demand_items.c.demand_id.in_(ids))
                                      .order_by(t.demand_items.c.demand_id, t.demand_items.c.position)):
            items[did].append(item)
    for r in rows:
        r.update(by=parties[r["id"]]["by"], of=parties[r["id"]]["of"], items=items[r["id"]])
    return rows


def timeline(conn: Connection, name_or_id: str) -> list[dict]:
    """Everything an actor said, did or demanded, by date."""
    actor_id = find_actor(conn, name_or_id)
    if actor_id is None:
        return []
    out: list[dict[str, Any]] = []
    for s in statements(conn, speaker=actor_id):
        out.append(_entry(s, "statement", f"{s['cue']}: {s['content']}", s["content"]))
    for r in relations(conn, actor=actor_id):
        neg = "not " if r["negated"] else ""
        out.append(_entry(r, "relation", f"{r['source_name']} {neg}{r['type']} {r['target_name']}",
                          r["evidence"]))
    for d in demands(conn, by=actor_id):
        out.append(_entry(d, "demand", f"{d['status']}: {'; '.join(d['items'])}", d["evidence"]))
    return sorted(out, key=lambda e: (e["date"] or "", e["article_id"], e["start"]))


def _entry(row: dict, kind: str, summary: str, evidence: str) -> dict:
    return {"date": (row["published"] or "")[:10] or None, "kind": kind, "summary": summary,
            "evidence": evidence, "article_id": row["article_id"], "start": row["start"]}


def fts_query(words: str) -> str:
    """An FTS5 query requiring every word (quoted, so user input is never FTS syntax)."""
    return " ".join(f'"{w}"' for w in re.findall(r"\w+", words))


def search(conn: Connection, words: str, *, limit: int = 50) -> list[dict]:
    """Articles and statements matching every word, best first, with a snippet."""
    if not fts_query(words):
        return []
    if conn.dialect.name == "sqlite":
        sql = text("SELECT kind, ref, article_id, snippet(search_index, 0, '[', ']', '…', 12) AS snippet "
                   "FROM search_index WHERE search_index MATCH :q ORDER BY rank LIMIT :n")
        hits = [dict(r._mapping) for r in conn.execute(sql, {"q": fts_query(words), "n": limit})]
    else:
        hits = _pg_search(conn, words, limit)
    return _decorate(conn, hits)


def _pg_search(conn: Connection, words: str, limit: int) -> list[dict]:
    sql = text("""
        SELECT * FROM (
          SELECT 'article' AS kind, id AS ref, id AS article_id,
                 ts_headline('english', text, q, 'StartSel=[,StopSel=],MaxWords=20,MinWords=8') AS snippet,
                 ts_rank(to_tsvector('english', text), q) AS score
          FROM articles, plainto_tsquery('english', :q) q WHERE to_tsvector('english', text) @@ q
          UNION ALL
          SELECT 'statement', CAST(id AS TEXT), article_id,
                 ts_headline('english', content, q, 'StartSel=[,StopSel=],MaxWords=20,MinWords=8'),
                 ts_rank(to_tsvector('english', content), q)
          FROM statements, plainto_tsquery('english', :q) q WHERE to_tsvector('english', content) @@ q
        ) hits ORDER BY score DESC LIMIT :n""")
    return [{k: v for k, v in r._mapping.items() if k != "score"} for r in conn.execute(sql, {"q": words, "n": limit})]


def _decorate(conn: Connection, hits: list[dict]) -> list[dict]:
    ids = {h["article_id"] for h in hits}
    meta = {r.id: r for r in conn.execute(select(ART.c.id, ART.c.title, ART.c.published, ART.c.source)
                                          .where(ART.c.id.in_(ids)))} if ids else {}
    sids = [int(h["ref"]) for h in hits if h["kind"] == "statement"]
    speakers = dict(conn.execute(select(t.statements.c.id, t.statements.c.speaker)
                                 .where(t.statements.c.id.in_(sids))).all()) if sids else {}
    out = []
    for h in hits:
        m = meta.get(h["article_id"])
        out.append({"kind": h["kind"], "ref": str(h["ref"]), "article_id": h["article_id"],
                    "published": m.published if m else None, "title": m.title if m else None,
                    "source": m.source if m else None,
                    "speaker": speakers.get(int(h["ref"])) if h["kind"] == "statement" else None,
                    "snippet": " ".join(h["snippet"].split())})
    return out


STAT_TABLES = ("articles", "actors", "statements", "relations", "demands", "conditionals", "places", "events")


def stats(conn: Connection) -> dict[str, int]:
    """Row counts of the main tables."""
    return {name: conn.execute(select(func.count()).select_from(t.metadata.tables[name])).scalar_one()
            for name in STAT_TABLES}
