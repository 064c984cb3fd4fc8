"""Read-side queries over the store; every function returns plain dicts."""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, func, literal_column, or_, select, text

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


def actors(conn: Connection, *, kind: str | None = None, country: str | None = None) -> list[dict]:
    """Actors with mention and article counts, most mentioned first."""
    q = actor_rows().where(*actor_filters(kind=kind, country=country))
    return [dict(r._mapping) for r in conn.execute(q.order_by(*actor_order()))]


def actor_rows():
    """The columns of an actor list row (counts from the counters every write keeps)."""
    return select(A.c.id, A.c.name, A.c.kind, A.c.country, A.c.affiliation, A.c.mention_count.label("mentions"),
                  A.c.article_count.label("articles"), A.c.first_seen, A.c.last_seen)


def actor_filters(*, kind: str | None = None, country: str | None = None, name: str | None = None) -> list:
    where = []
    if kind:
        where.append(A.c.kind == kind)
    if country:
        where.append(func.upper(A.c.country) == country.upper())
    if name:
        aliased = select(t.aliases.c.actor_id).where(t.aliases.c.alias.icontains(name, autoescape=True))
        where.append(or_(A.c.name.icontains(name, autoescape=True), A.c.id.in_(aliased)))
    return where


def actor_order() -> list:
    return [A.c.mention_count.desc(), A.c.id]


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


def date_clauses(column, since: str | None, until: str | None) -> list:
    """Clauses keeping rows whose date ``column`` (an article's ``published`` or a fact's
    ``sort_date``) falls on ``since`` or later and on ``until`` or earlier. The column is
    compared as an ISO string, with nothing around it, so that its index is used; undated rows
    ('' or NULL) fall outside any range."""
    out = []
    if since:
        out.append(column >= since[:10])
    if until:
        out += [column > "", column < _day_after(until[:10])]
    return out


def _day_after(day: str) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:  # not a date: every time on that "day" sorts before day + DEL
        return day + "\x7f"


def oldest(table) -> list:
    """Facts in reading order: by date, article and position (each dated table has this index)."""
    return [table.c.sort_date, table.c.article_id, table.c.start, table.c.id]


def newest(table) -> list:
    """The reverse of ``oldest`` (the same index read backwards)."""
    return [c.desc() for c in oldest(table)]


def statement_match(conn: Connection, words: str):
    """A where-clause selecting statements whose content matches ``words``."""
    if conn.dialect.name == "sqlite":
        ids = text("SELECT CAST(ref AS INTEGER) FROM search_index "
                   "WHERE search_index MATCH :q AND kind = 'statement'").bindparams(q=fts_query(words))
        return t.statements.c.id.in_(ids)
    return literal_column("statements.search_vector").op("@@")(func.plainto_tsquery("english", words))


def statement_rows():
    """The columns of a statement row, with its date and speaker's name."""
    S = t.statements
    return (select(S.c.id, S.c.article_id, ART.c.published, S.c.speaker, A.c.name.label("speaker_name"),
                   S.c.role, S.c.cue, S.c.content, S.c.direct, S.c.start, S.c.end)
            .join(ART, ART.c.id == S.c.article_id).join(A, A.c.id == S.c.speaker))


def statement_filters(conn: Connection, *, speaker: str | None = None, since: str | None = None,
                      until: str | None = None, search: str | None = None, article: str | None = None
                      ) -> list | None:
    """Where-clauses on the statements table alone, or None when ``search`` has no words."""
    S = t.statements
    where = date_clauses(S.c.sort_date, since, until)
    if speaker:
        where.append(S.c.speaker == (find_actor(conn, speaker) or speaker))
    if article:
        where.append(S.c.article_id == article)
    if search:
        if not fts_query(search):
            return None
        where.append(statement_match(conn, search))
    return where


def statements(conn: Connection, *, speaker: str | None = None, since: str | None = None,
               until: str | None = None, search: str | None = None) -> list[dict]:
    """Statements, oldest first, filtered by speaker, date range and words in the content."""
    where = statement_filters(conn, speaker=speaker, since=since, until=until, search=search)
    if where is None:
        return []
    return [dict(r._mapping) for r in conn.execute(statement_rows().where(*where).order_by(*oldest(t.statements)))]


def relation_rows():
    """The columns of a relation row, with its date and both ends' names."""
    R = t.relations
    src, dst = A.alias("src"), A.alias("dst")
    return (select(R.c.id, R.c.article_id, ART.c.published, R.c.source, src.c.name.label("source_name"), R.c.type,
                   R.c.target, dst.c.name.label("target_name"), R.c.claimed_by, R.c.negated, R.c.modality,
                   R.c.evidence, R.c.start, R.c.end)
            .join(ART, ART.c.id == R.c.article_id).join(src, src.c.id == R.c.source)
            .join(dst, dst.c.id == R.c.target))


def relation_filters(conn: Connection, *, type: str | None = None, actor: str | None = None,
                     source: str | None = None, target: str | None = None, negated: bool | None = None,
                     since: str | None = None, until: str | None = None, article: str | None = None) -> list:
    """Where-clauses on the relations table alone; ``actor`` matches either end."""
    R = t.relations
    where = date_clauses(R.c.sort_date, since, until)
    if type:
        where.append(R.c.type == type)
    if actor:
        actor_id = find_actor(conn, actor) or actor
        where.append(or_(R.c.source == actor_id, R.c.target == actor_id))
    for column, name in ((R.c.source, source), (R.c.target, target)):
        if name:
            where.append(column == (find_actor(conn, name) or name))
    if negated is not None:
        where.append(R.c.negated == negated)
    if article:
        where.append(R.c.article_id == article)
    return where


def relations(conn: Connection, *, type: str | None = None, actor: str | None = None,
              since: str | None = None, until: str | None = None) -> list[dict]:
    """Relations with their evidence, oldest first; ``actor`` matches either end."""
    q = relation_rows().where(*relation_filters(conn, type=type, actor=actor, since=since, until=until))
    return [dict(r._mapping) for r in conn.execute(q.order_by(*oldest(t.relations)))]


def demand_rows():
    D = t.demands
    return (select(D.c.id, D.c.article_id, ART.c.published, D.c.status, D.c.condition_for, D.c.claimed_by,
                   D.c.evidence, D.c.start, D.c.end).join(ART, ART.c.id == D.c.article_id))


def demand_filters(conn: Connection, *, by: str | None = None, status: str | None = None, of: str | None = None,
                   since: str | None = None, until: str | None = None, article: str | None = None) -> list:
    """Where-clauses on the demands table (parties through a subquery)."""
    D, P = t.demands, t.demand_parties
    where = date_clauses(D.c.sort_date, since, until)
    for side, name in (("by", by), ("of", of)):
        if name:
            actor_id = find_actor(conn, name) or name
            where.append(D.c.id.in_(select(P.c.demand_id).where(P.c.side == side, P.c.actor_id == actor_id)))
    if status:
        where.append(D.c.status == status)
    if article:
        where.append(D.c.article_id == article)
    return where


def demands(conn: Connection, *, by: str | None = None, status: str | None = None,
            of: str | None = None) -> list[dict]:
    """Demands with who makes them, of whom, and the demanded items."""
    q = demand_rows().where(*demand_filters(conn, by=by, status=status, of=of))
    return demand_details(conn, [dict(r._mapping) for r in conn.execute(q.order_by(*oldest(t.demands)))])


def demand_details(conn: Connection, rows: list[dict]) -> list[dict]:
    """Add ``by``, ``of`` (actor ids) and ``items`` to demand rows."""
    P = t.demand_parties
    ids = [r["id"] for r in rows]
    parties: dict[int, dict[str, list[str]]] = {i: {"by": [], "of": []} for i in ids}
    items: dict[int, list[str]] = {i: [] for i in ids}
    for i in range(0, len(ids), 500):  # a bounded number of parameters per query
        chunk = ids[i:i + 500]
        for did, side, aid in conn.execute(select(P.c.demand_id, P.c.side, P.c.actor_id)
                                           .where(P.c.demand_id.in_(chunk)).order_by(P.c.id)):
            parties[did][side].append(aid)
        for did, item in conn.execute(select(t.demand_items.c.demand_id, t.demand_items.c.item)
                                      .where(t.demand_items.c.demand_id.in_(chunk))
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


# Ranked from the stored vectors (migration 0004); snippets only for the hits returned.
_PG_SEARCH = text("""
    WITH q AS MATERIALIZED (SELECT plainto_tsquery('english', :q) AS q),
    hits AS (
      (SELECT 'article' AS kind, a.id AS ref, a.id AS article_id, ts_rank(a.search_vector, q.q) AS score
       FROM articles AS a, q WHERE a.search_vector @@ q.q ORDER BY score DESC, ref LIMIT :n)
      UNION ALL
      (SELECT 'statement', CAST(s.id AS TEXT), s.article_id, ts_rank(s.search_vector, q.q) AS score
       FROM statements AS s, q WHERE s.search_vector @@ q.q ORDER BY score DESC, s.id LIMIT :n)),
    best AS (SELECT * FROM hits ORDER BY score DESC, kind, ref LIMIT :n)
    SELECT best.kind, best.ref, best.article_id,
           ts_headline('english', CASE WHEN best.kind = 'article'
                                       THEN (SELECT text FROM articles WHERE id = best.ref)
                                       ELSE (SELECT content FROM statements WHERE id = CAST(best.ref AS INTEGER)) END,
                       q.q, 'StartSel=[,StopSel=],MaxWords=20,MinWords=8') AS snippet
    FROM best, q ORDER BY best.score DESC, best.kind, best.ref""")


def _pg_search(conn: Connection, words: str, limit: int) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(_PG_SEARCH, {"q": words, "n": limit})]


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
