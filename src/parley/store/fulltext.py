"""Full-text search over article texts and statements: the FTS5 index on SQLite, the stored
tsvectors on PostgreSQL (migration 0004)."""
from __future__ import annotations

import re

from sqlalchemy import Connection, func, literal_column, select, text

from parley.store import schema as t
from parley.store.paging import Page, dicts

A, ART = t.actors, t.articles


def fts_query(words: str) -> str:
    """An FTS5 query requiring every word (quoted, so user input is never FTS syntax)."""
    return " ".join(f'"{w}"' for w in re.findall(r"\w+", words))


def statement_match(conn: Connection, words: str):
    """A where-clause selecting statements whose content matches ``words``."""
    if conn.dialect.name == "sqlite":
        ids = text("SELECT CAST(ref AS INTEGER) FROM search_index "
                   "WHERE search_index MATCH :q AND kind = 'statement'").bindparams(q=fts_query(words))
        return t.statements.c.id.in_(ids)
    return literal_column("statements.search_vector").op("@@")(func.plainto_tsquery("english", words))


def search(conn: Connection, words: str, *, limit: int | None = None, offset: int = 0,
           spans: bool = False) -> Page:
    """Articles and statements matching every word, best first, each with a snippet.

    Args:
        words: the words a hit must all contain (a query without words matches nothing).
        limit, offset: the page of hits (``limit=None``: every hit from ``offset``).
        spans: also give each hit an ``id`` and, for a statement, its speaker's name and span
            (what a web page links to).

    Returns:
        A ``Page`` of hits (kind, ref, article_id, published, title, source, speaker, snippet).
    """
    if not fts_query(words):
        return Page([], 0)
    best = None if limit is None else offset + limit
    if conn.dialect.name == "sqlite":  # LIMIT -1 is no limit
        hits = dicts(conn, _SQLITE_SEARCH.bindparams(q=fts_query(words), n=-1 if best is None else best))
    else:  # LIMIT NULL is no limit
        hits = dicts(conn, _PG_SEARCH.bindparams(q=words, n=best))
    total = len(hits) if limit is None else _total(conn, words)
    hits = _decorate(conn, hits[offset:])
    if spans:
        _add_spans(conn, hits)
    return Page(hits, total)


_SQLITE_SEARCH = text("SELECT kind, ref, article_id, snippet(search_index, 0, '[', ']', '…', 12) AS snippet "
                      "FROM search_index WHERE search_index MATCH :q ORDER BY rank LIMIT :n")

# Ranked from the stored vectors; snippets only for the hits returned.
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


def _total(conn: Connection, words: str) -> int:
    if conn.dialect.name == "sqlite":
        return conn.execute(text("SELECT count(*) FROM search_index WHERE search_index MATCH :q"),
                            {"q": fts_query(words)}).scalar_one()
    return conn.execute(text(
        "SELECT (SELECT count(*) FROM articles WHERE search_vector @@ plainto_tsquery('english', :q))"
        " + (SELECT count(*) FROM statements WHERE search_vector @@ plainto_tsquery('english', :q))"),
        {"q": words}).scalar_one()


def _decorate(conn: Connection, hits: list[dict]) -> list[dict]:
    """The hits with their article's date, title and source, and a statement's speaker."""
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


def _add_spans(conn: Connection, hits: list[dict]) -> None:
    """Give each hit its ``id`` and a statement its speaker's name and span."""
    S = t.statements
    sids = [int(h["ref"]) for h in hits if h["kind"] == "statement"]
    spans = {r.id: r for r in conn.execute(select(S.c.id, S.c.start, S.c.end, A.c.name)
                                          .join(A, A.c.id == S.c.speaker).where(S.c.id.in_(sids)))} if sids else {}
    for h in hits:
        h["id"] = f"{h['kind']}:{h['ref']}"
        s = spans.get(int(h["ref"])) if h["kind"] == "statement" else None
        h.update(speaker_name=s.name if s else None, start=s.start if s else None, end=s.end if s else None)
