"""Writing one Analysis into the store: actor get-or-create, facts, search rows."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import (Connection, and_, bindparam, case, delete, distinct, false, func, insert, or_, select, text,
                        tuple_, update)
from sqlalchemy.dialects import postgresql, sqlite

from parley.models import Analysis, content_hash
from parley.nlp.lexicon import load_lexicons
from parley.store import schema as t
from parley.store.fulltext import add_compounds, compounds


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
        ingested_at=now(), warnings=list(analysis.warnings) or None))
    _write_actors(conn, analysis, amap, day)
    _write_facts(conn, analysis, amap, art.published or "")
    _write_places(conn, analysis)
    _write_search(conn, analysis)


def _write_actors(conn: Connection, analysis: Analysis, amap: ActorMap, day: str | None) -> None:
    rows: dict[str, dict] = {}
    for a in analysis.actors:
        rows.setdefault(amap(a.id), {"id": amap(a.id), "name": a.name, "kind": a.kind, "country": a.country,
                                     "affiliation": amap(a.affiliation), "first_seen": day, "last_seen": day,
                                     "unnamed": a.unnamed_source})
    for ref in _referenced(analysis, amap):
        rows.setdefault(ref, {"id": ref, "name": ref, "kind": "other", "country": None, "affiliation": None,
                              "first_seen": day, "last_seen": day, "unnamed": False})
    for row in list(rows.values()):
        if row["affiliation"] and row["affiliation"] not in rows:
            rows[row["affiliation"]] = {"id": row["affiliation"], "name": row["affiliation"], "kind": "other",
                                        "country": None, "affiliation": None, "first_seen": day, "last_seen": day,
                                        "unnamed": False}
    insert_ignore(conn, t.actors, list(rows.values()), ["id"])
    _repair_placeholders(conn, [rows[a] for a in dict.fromkeys(amap(a.id) for a in analysis.actors)])
    ids = list(rows)
    named = [a for a, row in rows.items() if not row.get("unnamed")]
    if named:  # an actor some article names is no unnamed source
        conn.execute(update(t.actors).where(t.actors.c.id.in_(named), t.actors.c.unnamed.is_(True))
                     .values(unnamed=False))
    first, last = t.actors.c.first_seen, t.actors.c.last_seen
    if day:
        conn.execute(update(t.actors).where(t.actors.c.id.in_(ids)).values(
            first_seen=case((or_(first.is_(None), first > day), day), else_=first),
            last_seen=case((or_(last.is_(None), last < day), day), else_=last)))
    alias_rows, mention_rows, appear, unnamed = {}, [], {}, {}
    pronouns = load_lexicons().words.pronouns
    for a in analysis.actors:
        appear.setdefault(amap(a.id), a.role)
        unnamed.setdefault(amap(a.id), a.unnamed_source)
        for name in (a.name,):
            alias_rows[(alias_key(name), amap(a.id))] = name
        for m in a.mentions:
            owner = amap.mention(a.id, m.start, m.end)
            if m.text.lower() not in pronouns:  # "its" refers to an actor but is no name of it
                alias_rows[(alias_key(m.text), owner)] = m.text
            appear.setdefault(owner, a.role)
            mention_rows.append({"article_id": analysis.article.id, "actor_id": owner, "start": m.start,
                                 "end": m.end, "text": m.text, "alias_key": alias_key(m.text)})
    insert_ignore(conn, t.aliases, [{"alias_key": k, "actor_id": o, "alias": v}
                                    for (k, o), v in alias_rows.items()], ["alias_key", "actor_id"])
    _insert(conn, t.mentions, mention_rows)
    _insert(conn, t.appearances, [{"article_id": analysis.article.id, "actor_id": k, "role": v,
                                   "unnamed_source": unnamed.get(k, False)} for k, v in appear.items()])
    per_actor: dict[str, int] = {}
    for m in mention_rows:
        per_actor[m["actor_id"]] = per_actor.get(m["actor_id"], 0) + 1
    adjust_counts(conn, {a: (n, 1) for a, n in per_actor.items()})


def adjust_counts(conn: Connection, deltas: dict[str, tuple[int, int]]) -> None:
    """Add (mentions, articles) to each actor's counters, in id order (so that concurrent writers
    lock the rows in the same order)."""
    if not deltas:
        return
    A = t.actors
    conn.execute(update(A).where(A.c.id == bindparam("actor"))
                 .values(mention_count=A.c.mention_count + bindparam("n"),
                         article_count=A.c.article_count + bindparam("k")),
                 [{"actor": a, "n": n, "k": k} for a, (n, k) in sorted(deltas.items())])


def recount(conn: Connection, actor_ids: Iterable[str] | None = None) -> None:
    """Recompute the mention and article counters of these actors (all actors with None)."""
    A, M = t.actors, t.mentions
    q = update(A).values(
        mention_count=select(func.count()).where(M.c.actor_id == A.c.id).scalar_subquery(),
        article_count=select(func.count(distinct(M.c.article_id))).where(M.c.actor_id == A.c.id)
        .scalar_subquery())
    if actor_ids is not None:
        ids = sorted(set(actor_ids))
        if not ids:
            return
        q = q.where(A.c.id.in_(ids))
    conn.execute(q)


def delete_article(conn: Connection, article_id: str) -> None:
    """Delete an article with all its facts (by cascade), taking its mentions off the actors'
    counters and its stances off the stance edges."""
    M, R, E = t.mentions, t.relations, t.stance_edges
    counts = conn.execute(select(M.c.actor_id, func.count()).where(M.c.article_id == article_id)
                          .group_by(M.c.actor_id)).all()
    adjust_counts(conn, {a: (-n, -1) for a, n in counts})
    stances = conn.execute(select(R.c.source, R.c.target, R.c.type, func.count())
                           .where(R.c.article_id == article_id, R.c.negated == false())
                           .group_by(R.c.source, R.c.target, R.c.type)).all()
    conn.execute(delete(t.articles).where(t.articles.c.id == article_id))
    if not stances:
        return
    key = and_(E.c.source == bindparam("s"), E.c.target == bindparam("t"), E.c.type == bindparam("k"))
    params = [{"s": s_, "t": t_, "k": k, "n": n} for s_, t_, k, n in sorted(stances)]
    conn.execute(update(E).where(key).values(weight=E.c.weight - bindparam("n")), params)
    conn.execute(delete(E).where(key, E.c.weight <= 0), params)
    of_edge = [R.c.edge_id == E.c.id]
    day = func.nullif(R.c.sort_date, "")
    conn.execute(update(E).where(key).values(first=select(func.min(day)).where(*of_edge).scalar_subquery(),
                                             last=select(func.max(day)).where(*of_edge).scalar_subquery()),
                 params)


def add_stances(conn: Connection, relations: list[dict]) -> None:
    """Count relations about to be inserted (row dicts) into the stance edges, and set each
    non-negated one's ``edge_id``: upserts in key order, each adding to the weight and widening
    first/last, so concurrent writers add up."""
    for r in relations:
        r["edge_id"] = None
    edges: dict[tuple[str, str, str], dict] = {}
    for r in relations:
        if r["negated"]:
            continue
        key = (r["source"], r["target"], r["type"])
        day = r["sort_date"] or None
        e = edges.setdefault(key, {"source": key[0], "target": key[1], "type": key[2], "weight": 0,
                                   "first": day, "last": day})
        e["weight"] += 1
        if day:
            e["first"] = min(filter(None, (e["first"], day)))
            e["last"] = max(filter(None, (e["last"], day)))
    if not edges:
        return
    ends = {a for key in edges for a in key[:2]}
    kinds = dict(conn.execute(select(t.actors.c.id, t.actors.c.kind).where(t.actors.c.id.in_(sorted(ends)))).all())
    for (source, target, _), e in edges.items():
        e.update(source_kind=kinds[source], target_kind=kinds[target])
    E = t.stance_edges
    ins = (postgresql if conn.dialect.name == "postgresql" else sqlite).insert(E)
    new = ins.excluded
    conn.execute(ins.on_conflict_do_update(index_elements=[E.c.source, E.c.target, E.c.type], set_={
        "weight": E.c.weight + new.weight,
        "first": case((new.first.is_(None), E.c.first), (E.c.first.is_(None), new.first),
                      (new.first < E.c.first, new.first), else_=E.c.first),
        "last": case((new.last.is_(None), E.c.last), (E.c.last.is_(None), new.last),
                     (new.last > E.c.last, new.last), else_=E.c.last)}), [edges[k] for k in sorted(edges)])
    ids = {(s_, t_, k): i for i, s_, t_, k in conn.execute(
        select(E.c.id, E.c.source, E.c.target, E.c.type)
        .where(tuple_(E.c.source, E.c.target, E.c.type).in_(sorted(edges))))}
    for r in relations:
        if not r["negated"]:
            r["edge_id"] = ids[(r["source"], r["target"], r["type"])]


def rebuild_stances(conn: Connection, actor_ids: Iterable[str] | None = None) -> None:
    """Recompute the stance edges touching these actors (all edges with None) from the relations."""
    R, E = t.relations, t.stance_edges
    day = func.nullif(R.c.sort_date, "")
    src, dst = t.actors.alias("src"), t.actors.alias("dst")
    agg = (select(R.c.source, R.c.target, R.c.type, func.min(src.c.kind), func.min(dst.c.kind), func.count(),
                  func.min(day), func.max(day))
           .join(src, src.c.id == R.c.source).join(dst, dst.c.id == R.c.target)
           .where(R.c.negated == false()).group_by(R.c.source, R.c.target, R.c.type))
    gone = delete(E)
    if actor_ids is not None:
        ids = sorted(set(actor_ids))
        gone = gone.where(or_(E.c.source.in_(ids), E.c.target.in_(ids)))
        agg = agg.where(or_(R.c.source.in_(ids), R.c.target.in_(ids)))
    conn.execute(gone)
    conn.execute(insert(E).from_select(["source", "target", "type", "source_kind", "target_kind", "weight", "first",
                                        "last"], agg))
    edge = (select(E.c.id).where(E.c.source == R.c.source, E.c.target == R.c.target, E.c.type == R.c.type)
            .scalar_subquery())
    relink = update(R).values(edge_id=case((R.c.negated == false(), edge), else_=None))
    if actor_ids is not None:
        relink = relink.where(or_(R.c.source.in_(ids), R.c.target.in_(ids)))
    conn.execute(relink)


def _repair_placeholders(conn: Connection, rows: list[dict]) -> None:
    """Give the actors of ``rows`` that an earlier article stored only as a placeholder (a fact
    named them without listing them: name = id, kind ``other``) their name, kind and country."""
    A = t.actors
    if not rows:
        return
    conn.execute(update(A).where(A.c.id == bindparam("b_id"), A.c.name == A.c.id, A.c.kind == "other")
                 .values(name=bindparam("b_name"), kind=bindparam("b_kind"), country=bindparam("b_country")),
                 [{"b_id": r["id"], "b_name": r["name"], "b_kind": r["kind"], "b_country": r["country"]}
                  for r in rows])


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


def _write_facts(conn: Connection, analysis: Analysis, amap: ActorMap, sort_date: str) -> None:
    aid, dated = analysis.article.id, {"sort_date": sort_date}
    _insert(conn, t.statements, [{
        "article_id": aid, "speaker": amap.speaker(s.speaker, s.source_span), "cue": s.cue,
        "content": s.content, "start": s.start, "end": s.end, "direct": s.direct,
        "source_start": s.source_span.start if s.source_span else None,
        "source_end": s.source_span.end if s.source_span else None,
        "cue_start": s.cue_span.start if s.cue_span else None,
        "cue_end": s.cue_span.end if s.cue_span else None, "role": s.role,
        "unresolved_speaker": s.unresolved_speaker, **dated} for s in analysis.statements])
    relations = [{
        "article_id": aid, "source": amap(r.source), "type": r.type, "target": amap(r.target),
        "claimed_by": amap(r.claimed_by), "negated": r.negated, "modality": r.modality, "cue": r.cue,
        "evidence": r.evidence, "start": r.start, "end": r.end, **dated} for r in analysis.relations]
    add_stances(conn, relations)
    _insert(conn, t.relations, relations)
    for d in analysis.demands:
        demand_id = conn.execute(insert(t.demands).values(
            article_id=aid, status=d.status, condition_for=d.condition_for, claimed_by=amap(d.claimed_by),
            evidence=d.evidence, start=d.start, end=d.end, **dated).returning(t.demands.c.id)).scalar_one()
        # In the analysis' order (an export gives the lists back as they were), each party once.
        parties = dict.fromkeys((side, amap(x)) for side, xs in (("by", d.by), ("of", d.of)) for x in xs)
        _insert(conn, t.demand_parties, [{"demand_id": demand_id, "side": s, "actor_id": a} for s, a in parties])
        spans = d.item_spans if len(d.item_spans) == len(d.items) else [None] * len(d.items)
        _insert(conn, t.demand_items, [{"demand_id": demand_id, "position": i, "item": item,
                                        "start": sp.start if sp else None, "end": sp.end if sp else None}
                                       for i, (item, sp) in enumerate(zip(d.items, spans))])
    _insert(conn, t.conditionals, [{
        "article_id": aid, "actor": amap(c.actor), "if_text": c.if_, "then_text": c.then, "cue": c.cue,
        "claimed_by": amap(c.claimed_by), "evidence": c.evidence, "start": c.start, "end": c.end, **dated}
        for c in analysis.conditionals])
    _insert(conn, t.events, [{
        "article_id": aid, "type": e.type, "mode": e.mode, "source": amap(e.source), "target": amap(e.target),
        "place": e.place, "date": e.date, "evidence": e.evidence, "start": e.start, "end": e.end, **dated}
        for e in analysis.events])


def place_key(place) -> str:
    return f"geonames:{place.geonames_id}" if place.geonames_id else f"name:{alias_key(place.name)}"


def _write_places(conn: Connection, analysis: Analysis) -> None:
    if not analysis.places:
        return
    rows = {place_key(p): {"place_key": place_key(p), "name": p.name, "country": p.country, "lat": p.lat,
                           "lon": p.lon, "geonames_id": p.geonames_id, "kind": p.kind, "feature": p.feature}
            for p in analysis.places}
    insert_ignore(conn, t.places, list(rows.values()), ["place_key"])
    ids = dict(conn.execute(select(t.places.c.place_key, t.places.c.id)
                        .where(t.places.c.place_key.in_(rows))).all())
    _insert(conn, t.place_mentions, [{"article_id": analysis.article.id, "place_id": ids[place_key(p)],
                                      "start": m.start, "end": m.end, "text": m.text, "literal": p.literal}
                                     for p in analysis.places for m in p.mentions])


def _write_search(conn: Connection, analysis: Analysis) -> None:
    add_compounds(conn, compounds(analysis.article.text))
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL searches the tables themselves (stored vectors, GIN indexes: migration 0004)
    aid = analysis.article.id
    rows = [{"body": analysis.article.text, "kind": "article", "ref": aid, "article_id": aid}]
    ids = conn.execute(select(t.statements.c.id, t.statements.c.content)
                       .where(t.statements.c.article_id == aid).order_by(t.statements.c.id)).all()
    rows += [{"body": content, "kind": "statement", "ref": str(sid), "article_id": aid} for sid, content in ids]
    conn.execute(text("INSERT INTO search_index (body, kind, ref, article_id) "
                      "VALUES (:body, :kind, :ref, :article_id)"), rows)
