"""Writing one Analysis into the store: actor get-or-create, facts, search rows."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import Connection, case, insert, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from parley.models import Analysis
from parley.store import schema as t


def content_hash(text_: str) -> str:
    """sha256 of the stored text (hex); the article id is its first 16 digits."""
    return hashlib.sha256(text_.encode("utf-8")).hexdigest()


def alias_key(name: str) -> str:
    """The folded form under which aliases are unique and looked up."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def now() -> datetime:
    return datetime.now(timezone.utc)


def insert_ignore(conn: Connection, table, rows: list[dict], keys: list[str]) -> None:
    """Insert rows, skipping those that collide on the unique ``keys`` (get-or-create)."""
    if not rows:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(table).on_conflict_do_nothing(index_elements=keys), rows)


@dataclass
class Corrections:
    """Analyst merges and splits, applied to every analysis before it is written."""

    merged: dict[str, str] = field(default_factory=dict)
    split: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, conn: Connection) -> "Corrections":
        out = cls()
        for kind, src, dst, key in conn.execute(
                select(t.merges.c.kind, t.merges.c.from_id, t.merges.c.to_id, t.merges.c.alias_key)
                .order_by(t.merges.c.id)):
            if kind == "merge":
                out.merged[src] = dst
            else:
                out.split[(src, key)] = dst
        return out

    def resolve(self, actor_id: str | None) -> str | None:
        seen = set()
        while actor_id in self.merged and actor_id not in seen:
            seen.add(actor_id)
            actor_id = self.merged[actor_id]
        return actor_id


class ActorMap:
    """Per-article mapping of analysis actor ids to store actor ids (merges, then splits)."""

    def __init__(self, analysis: Analysis, fixes: Corrections):
        self.fixes = fixes
        self.whole: dict[str, str] = {}
        self.moved_spans: dict[tuple[int, int], str] = {}
        for actor in analysis.actors:
            rid = fixes.resolve(actor.id)
            targets = [fixes.split.get((rid, alias_key(m.text))) for m in actor.mentions]
            for m, dst in zip(actor.mentions, targets):
                if dst:
                    self.moved_spans[(m.start, m.end)] = dst
            # An actor known only by a split-off alias in this article becomes the new actor.
            if targets and all(targets) and len(set(targets)) == 1:
                rid = targets[0]
            self.whole[actor.id] = rid

    def __call__(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        return self.whole.get(actor_id) or self.fixes.resolve(actor_id)

    def mention(self, actor_id: str, start: int, end: int) -> str:
        return self.moved_spans.get((start, end)) or self(actor_id)

    def speaker(self, actor_id: str, span) -> str:
        if span is not None and (span.start, span.end) in self.moved_spans:
            return self.moved_spans[(span.start, span.end)]
        return self(actor_id)


def write_analysis(conn: Connection, analysis: Analysis) -> None:
    """Insert the article and all its facts (the caller holds the transaction)."""
    art = analysis.article
    amap = ActorMap(analysis, Corrections.load(conn))
    day = (art.published or "")[:10] or None
    conn.execute(insert(t.articles).values(
        id=art.id, content_hash=content_hash(art.text), text=art.text, title=art.title, url=art.url,
        source=art.source, published=art.published, language=art.language, pipeline=art.pipeline,
        ingested_at=now()))
    _write_actors(conn, analysis, amap, day)
    _write_facts(conn, analysis, amap)
    _write_places(conn, analysis)
    _write_search(conn, analysis)


def _write_actors(conn: Connection, analysis: Analysis, amap: ActorMap, day: str | None) -> None:
    rows: dict[str, dict] = {}
    for a in analysis.actors:
        rows.setdefault(amap(a.id), {"id": amap(a.id), "name": a.name, "kind": a.kind, "country": a.country,
                                     "affiliation": amap(a.affiliation), "first_seen": day, "last_seen": day})
    for ref in _referenced(analysis, amap):
        rows.setdefault(ref, {"id": ref, "name": ref, "kind": "other", "country": None, "affiliation": None,
                              "first_seen": day, "last_seen": day})
    for row in list(rows.values()):
        if row["affiliation"] and row["affiliation"] not in rows:
            rows[row["affiliation"]] = {"id": row["affiliation"], "name": row["affiliation"], "kind": "other",
                                        "country": None, "affiliation": None, "first_seen": day, "last_seen": day}
    insert_ignore(conn, t.actors, list(rows.values()), ["id"])
    ids = list(rows)
    first, last = t.actors.c.first_seen, t.actors.c.last_seen
    if day:
        conn.execute(update(t.actors).where(t.actors.c.id.in_(ids)).values(
            first_seen=case((or_(first.is_(None), first > day), day), else_=first),
            last_seen=case((or_(last.is_(None), last < day), day), else_=last)))
    alias_rows, mention_rows, appear = {}, [], {}
    for a in analysis.actors:
        appear.setdefault(amap(a.id), a.role)
        for name in (a.name,):
            alias_rows[(alias_key(name), amap(a.id))] = name
        for m in a.mentions:
            owner = amap.mention(a.id, m.start, m.end)
            alias_rows[(alias_key(m.text), owner)] = m.text
            appear.setdefault(owner, a.role)
            mention_rows.append({"article_id": analysis.article.id, "actor_id": owner, "start": m.start,
                                 "end": m.end, "text": m.text, "alias_key": alias_key(m.text)})
    insert_ignore(conn, t.aliases, [{"alias_key": k, "actor_id": o, "alias": v}
                                    for (k, o), v in alias_rows.items()], ["alias_key", "actor_id"])
    _insert(conn, t.mentions, mention_rows)
    _insert(conn, t.appearances, [{"article_id": analysis.article.id, "actor_id": k, "role": v}
                                  for k, v in appear.items()])


def _referenced(analysis: Analysis, amap: ActorMap) -> Iterable[str]:
    for s in analysis.statements:
        yield amap.speaker(s.speaker, s.source_span)
    for r in analysis.relations:
        yield from filter(None, (amap(r.source), amap(r.target), amap(r.claimed_by)))
    for d in analysis.demands:
        yield from filter(None, [amap(x) for x in (*d.by, *d.of, d.claimed_by)])
    for c in analysis.conditionals:
        yield from filter(None, (amap(c.actor), amap(c.claimed_by)))
    for e in analysis.events:
        yield from filter(None, (amap(e.source), amap(e.target)))


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(insert(table), rows)


def _write_facts(conn: Connection, analysis: Analysis, amap: ActorMap) -> None:
    aid = analysis.article.id
    _insert(conn, t.statements, [{
        "article_id": aid, "speaker": amap.speaker(s.speaker, s.source_span), "cue": s.cue,
        "content": s.content, "start": s.start, "end": s.end, "direct": s.direct,
        "source_start": s.source_span.start if s.source_span else None,
        "source_end": s.source_span.end if s.source_span else None,
        "cue_start": s.cue_span.start if s.cue_span else None,
        "cue_end": s.cue_span.end if s.cue_span else None, "role": s.role} for s in analysis.statements])
    _insert(conn, t.relations, [{
        "article_id": aid, "source": amap(r.source), "type": r.type, "target": amap(r.target),
        "claimed_by": amap(r.claimed_by), "negated": r.negated, "modality": r.modality, "cue": r.cue,
        "evidence": r.evidence, "start": r.start, "end": r.end} for r in analysis.relations])
    for d in analysis.demands:
        demand_id = conn.execute(insert(t.demands).values(
            article_id=aid, status=d.status, condition_for=d.condition_for, claimed_by=amap(d.claimed_by),
            evidence=d.evidence, start=d.start, end=d.end).returning(t.demands.c.id)).scalar_one()
        parties = {(side, amap(x)) for side, xs in (("by", d.by), ("of", d.of)) for x in xs}
        _insert(conn, t.demand_parties, [{"demand_id": demand_id, "side": s, "actor_id": a}
                                         for s, a in sorted(parties)])
        _insert(conn, t.demand_items, [{"demand_id": demand_id, "position": i, "item": item}
                                       for i, item in enumerate(d.items)])
    _insert(conn, t.conditionals, [{
        "article_id": aid, "actor": amap(c.actor), "if_text": c.if_, "then_text": c.then, "cue": c.cue,
        "claimed_by": amap(c.claimed_by), "evidence": c.evidence, "start": c.start, "end": c.end}
        for c in analysis.conditionals])
    _insert(conn, t.events, [{
        "article_id": aid, "type": e.type, "mode": e.mode, "source": amap(e.source), "target": amap(e.target),
        "place": e.place, "date": e.date, "evidence": e.evidence, "start": e.start, "end": e.end}
        for e in analysis.events])


def place_key(place) -> str:
    return f"geonames:{place.geonames_id}" if place.geonames_id else f"name:{alias_key(place.name)}"


def _write_places(conn: Connection, analysis: Analysis) -> None:
    if not analysis.places:
        return
    rows = {place_key(p): {"place_key": place_key(p), "name": p.name, "country": p.country, "lat": p.lat,
                           "lon": p.lon, "geonames_id": p.geonames_id, "kind": p.kind} for p in analysis.places}
    insert_ignore(conn, t.places, list(rows.values()), ["place_key"])
    ids = dict(conn.execute(select(t.places.c.place_key, t.places.c.id)
                        .where(t.places.c.place_key.in_(rows))).all())
    _insert(conn, t.place_mentions, [{"article_id": analysis.article.id, "place_id": ids[place_key(p)],
                                      "start": m.start, "end": m.end, "text": m.text}
                                     for p in analysis.places for m in p.mentions])


def _write_search(conn: Connection, analysis: Analysis) -> None:
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL searches the tables themselves through GIN indexes
    aid = analysis.article.id
    rows = [{"body": analysis.article.text, "kind": "article", "ref": aid, "article_id": aid}]
    ids = conn.execute(select(t.statements.c.id, t.statements.c.content)
                       .where(t.statements.c.article_id == aid).order_by(t.statements.c.id)).all()
    rows += [{"body": content, "kind": "statement", "ref": str(sid), "article_id": aid} for sid, content in ids]
    conn.execute(text("INSERT INTO search_index (body, kind, ref, article_id) "
                      "VALUES (:body, :kind, :ref, :article_id)"), rows)
