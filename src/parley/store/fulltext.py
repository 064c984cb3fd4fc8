"""Full-text search over article texts and statements: the FTS5 index on SQLite (porter
stemmer over unicode61 words), the stored English tsvectors on PostgreSQL (migration 0004).

A query is words and "quoted phrases", all required. Stems match on both databases
("ceasefires" finds "ceasefire"); hyphens are forgiven both ways: "cease-fire" also searches
"ceasefire", and "ceasefire" also searches the hyphenated words of the stored texts that join
to it ("cease fire", from ``search_compounds``, migration 0006).
"""
from __future__ import annotations

import re
from itertools import islice

from sqlalchemy import Connection, bindparam, select, text

from parley.store import schema as t
from parley.store.paging import Page, dicts

A, ART = t.actors, t.articles
MAX_PHRASES = 16  # spellings searched per term (a phrase of many hyphenated words multiplies them)
MAX_COMPOUNDS = 8  # hyphenated spellings looked up per word

_TERM = re.compile(r'"([^"]*)"?|([^\s"]+)')  # a "phrase" (an unclosed one runs to the end) or a word
_HYPHEN = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
_WORD = re.compile(rf"\w+(?:[{_HYPHEN}]\w+)*")
_COMPOUND = re.compile(rf"\b[^\W\d_]+(?:[{_HYPHEN}][^\W\d_]+)+\b")
_SPLIT = re.compile(rf"[{_HYPHEN}]")


def terms(words: str) -> list[list[str]]:
    """The terms of a query, each a list of lower-case words: a "quoted phrase" is one term,
    every other word a term of its own (hyphenated words stay whole)."""
    found = []
    for m in _TERM.finditer(words):
        if m.group(1) is not None:
            phrase = [w.lower() for w in _WORD.findall(m.group(1))]
            found += [phrase] if phrase else []
        else:
            found += [[w.lower()] for w in _WORD.findall(m.group(2))]
    return found


def compounds(body: str) -> dict[str, str]:
    """The hyphenated words of ``body``: joined spelling -> parts ("ceasefire" -> "cease fire")."""
    found = {}
    for m in _COMPOUND.finditer(body):
        parts = _SPLIT.split(m.group().lower())
        found["".join(parts)] = " ".join(parts)
    return found


def add_compounds(conn: Connection, found: dict[str, str]) -> None:
    """Record hyphenated words (``compounds()``) in ``search_compounds``, each once."""
    if not found:
        return
    if conn.dialect.name == "sqlite":  # FTS5 has no unique index: leave out those already there
        known = set()
        it = iter(found)
        while chunk := list(islice(it, 500)):
            known.update(conn.execute(text("SELECT joined FROM search_compounds WHERE joined IN :j")
                                      .bindparams(bindparam("j", expanding=True)), {"j": chunk}).scalars())
        rows = [{"j": j, "p": p} for j, p in found.items() if j not in known]
        sql = "INSERT INTO search_compounds (joined, parts) VALUES (:j, :p)"
    else:
        rows = [{"j": j, "p": p} for j, p in found.items()]
        sql = "INSERT INTO search_compounds (joined, parts) VALUES (:j, :p) ON CONFLICT DO NOTHING"
    if rows:
        conn.execute(text(sql), rows)


def spellings(conn: Connection, words: str) -> list[list[str]]:
    """Each term of the query as the phrases that may stand for it (its hyphen variants).

    Args:
        conn: a connection (hyphenated words are looked up in the store).
        words: the query.

    Returns:
        One list of phrases (words separated by spaces) per term, the term as written first.
    """
    seen: dict[str, list[str]] = {}
    out = []
    for term in terms(words):
        phrases = [""]
        for word in term:
            if word not in seen:
                seen[word] = _variants(conn, word)
            phrases = [f"{p} {v}".strip() for p in phrases for v in seen[word]][:MAX_PHRASES]
        out.append(phrases)
    return out


def _variants(conn: Connection, word: str) -> list[str]:
    """A word's spellings: a hyphenated one hyphenated, spaced and joined; any other as written
    and as each stored hyphenated word that joins to it (or to a word of the same stem)."""
    if _SPLIT.search(word):
        parts = _SPLIT.split(word)
        return [*_split_forms(parts), "".join(parts)]
    if conn.dialect.name == "sqlite":
        found = conn.execute(text("SELECT DISTINCT parts FROM search_compounds WHERE search_compounds MATCH :q "
                                  "ORDER BY parts LIMIT :n"), {"q": f'joined : "{word}"', "n": MAX_COMPOUNDS})
    else:
        found = conn.execute(text("SELECT DISTINCT parts FROM search_compounds "
                                  "WHERE to_tsvector('english', joined) @@ plainto_tsquery('english', :w) "
                                  "ORDER BY parts LIMIT :n"), {"w": word, "n": MAX_COMPOUNDS})
    return list(dict.fromkeys([word, *(f for parts in found.scalars() for f in _split_forms(parts.split()))]))


def _split_forms(parts: list[str]) -> list[str]:
    # PostgreSQL gives a hyphenated word one more position (the whole word, then its parts):
    # only the hyphenated form matches it inside a longer phrase; the spaced form matches words
    # apart or joined by a hyphen PostgreSQL does not know (U+2010). FTS5 reads both alike.
    return ["-".join(parts), " ".join(parts)]


def _fts5(spelled: list[list[str]]) -> str:
    return " AND ".join("(" + " OR ".join(f'"{p}"' for p in phrases) + ")" for phrases in spelled)


def _tsquery(spelled: list[list[str]]) -> tuple[str, dict[str, str]]:
    """A PostgreSQL tsquery expression of the spellings, and its parameters."""
    params, groups = {}, []
    for phrases in spelled:
        names = []
        for p in phrases:
            names.append(f"fts{len(params)}")
            params[names[-1]] = p
        groups.append("(" + " || ".join(f"phraseto_tsquery('english', :{n})" for n in names) + ")")
    return "(" + " && ".join(groups) + ")", params


def statement_match(conn: Connection, words: str):
    """A where-clause selecting statements whose content matches ``words``."""
    spelled = spellings(conn, words)
    if conn.dialect.name == "sqlite":
        ids = text("SELECT CAST(ref AS INTEGER) FROM search_index "
                   "WHERE search_index MATCH :q AND kind = 'statement'").bindparams(q=_fts5(spelled))
        return t.statements.c.id.in_(ids)
    query, params = _tsquery(spelled)
    return text(f"statements.search_vector @@ {query}").bindparams(**params)


def search(conn: Connection, words: str, *, limit: int | None = None, offset: int = 0,
           spans: bool = False) -> Page:
    """Articles and statements matching every term, best first, each with a highlighted snippet.

    Args:
        words: words and "quoted phrases" a hit must all contain, in any spelling that
            ``spellings()`` gives (a query without words matches nothing).
        limit, offset: the page of hits (``limit=None``: every hit from ``offset``).
        spans: also give each hit an ``id`` and, for a statement, its speaker's name and span
            (what a web page links to).

    Returns:
        A ``Page`` of hits (kind, ref, article_id, published, title, source, speaker, snippet
        with the matched words in [brackets]).
    """
    spelled = spellings(conn, words)
    if not spelled:
        return Page([], 0)
    best = None if limit is None else offset + limit
    if conn.dialect.name == "sqlite":  # LIMIT -1 is no limit
        query = _fts5(spelled)
        hits = dicts(conn, _SQLITE_SEARCH.bindparams(q=query, n=-1 if best is None else best))
        total = len(hits) if limit is None else conn.execute(_SQLITE_COUNT, {"q": query}).scalar_one()
    else:  # LIMIT NULL is no limit
        query, params = _tsquery(spelled)
        hits = dicts(conn, text(_PG_SEARCH.format(query=query)).bindparams(n=best, **params))
        total = len(hits) if limit is None else conn.execute(text(_PG_COUNT.format(query=query)),
                                                             params).scalar_one()
    hits = _decorate(conn, hits[offset:])
    if spans:
        _add_spans(conn, hits)
    return Page(hits, total)


_SQLITE_SEARCH = text("SELECT kind, ref, article_id, snippet(search_index, 0, '[', ']', '…', 12) AS snippet "
                      "FROM search_index WHERE search_index MATCH :q ORDER BY rank LIMIT :n")
_SQLITE_COUNT = text("SELECT count(*) FROM search_index WHERE search_index MATCH :q")

# Ranked from the stored vectors; snippets only for the hits returned. {query}: a tsquery.
_PG_SEARCH = """
    WITH q AS MATERIALIZED (SELECT {query} AS q),
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
    FROM best, q ORDER BY best.score DESC, best.kind, best.ref"""
_PG_COUNT = """
    WITH q AS MATERIALIZED (SELECT {query} AS q)
    SELECT (SELECT count(*) FROM articles AS a, q WHERE a.search_vector @@ q.q)
         + (SELECT count(*) FROM statements AS s, q WHERE s.search_vector @@ q.q)"""


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
