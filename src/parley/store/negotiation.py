"""The negotiation picture, computed on read from the stored demands, conditionals, events and
stances (so that re-ingesting or correcting an article changes it at once): positions across
articles (``parley.store.positions``), shifts of stance, and each side's positions."""
from __future__ import annotations

from sqlalchemy import Connection, false, func, select

from parley.store import schema as t
from parley.store.paging import Page, dicts
from parley.store.positions import RESPONSES, group, signature, stem
from parley.store.queries import demand_details, demand_rows, resolve
from parley.store.sides import sides

A, ART = t.actors, t.articles
KINDS = ("demand", "precondition", "threat")
AGAINST = ("opposes", "accuses", "rejects", "threatens")  # a stance against its target
SKIP_EVENTS = ("DEMAND", "THREATEN", "CONSULT", "SUPPORT", "DISAPPROVE", "REJECT", "AGREE")
_CACHE: dict[str, tuple[tuple, list[dict]]] = {}


def positions(conn: Connection, *, actor: str | None = None, topic: str | None = None, kind: str | None = None,
              since: str | None = None, until: str | None = None, limit: int | None = None,
              offset: int = 0) -> Page:
    """Positions across articles, first seen first.

    Args:
        actor: only positions this actor (id, name or alias), or a person or body affiliated
            with it, holds, is asked, or answered.
        topic: only positions with this word (any form) in what is demanded or threatened.
        kind: only demands, preconditions or threats.
        since, until: only positions with evidence in this date range (YYYY-MM-DD).
        limit, offset: the page (``limit=None``: every position from ``offset``).

    Raises:
        UnknownActorError: ``actor`` names no stored actor.
    """
    rows = all_positions(conn)
    if actor:
        ids = _with_affiliates(conn, resolve(conn, actor))
        rows = [p for p in rows if ids & _parties(p)]
    if topic:
        word = stem(topic.strip())
        rows = [p for p in rows if word in _topic_terms(p) or topic.lower() in p["summary"].lower()]
    if kind:
        rows = [p for p in rows if p["kind"] == kind]
    if since or until:
        rows = [p for p in rows if any(_in_range(h["date"], since, until) for h in p["history"])]
    end = None if limit is None else offset + limit
    return Page(rows[offset:end], len(rows))


def position(conn: Connection, position_id: str) -> dict | None:
    """One position by id, with every piece of evidence; None if there is none."""
    return next((p for p in all_positions(conn) if p["id"] == position_id), None)


def all_positions(conn: Connection) -> list[dict]:
    """Every position of the store, recomputed only when its facts changed."""
    key = _state(conn)
    url = conn.engine.url.render_as_string(hide_password=True)
    cached = _CACHE.get(url)
    if cached is None or cached[0] != key:
        facts, events = _facts(conn)
        cached = _CACHE[url] = (key, group(facts, events))
    return cached[1]


def _state(conn: Connection) -> tuple:
    """What the positions depend on: counts and newest ids of their tables, and corrections."""
    out = []
    for table in (t.demands, t.demand_items, t.conditionals, t.events, t.mentions, t.merges, t.articles):
        c = table.c.id
        out.append(tuple(conn.execute(select(func.count(), func.max(c), func.min(c))).one()))
    return tuple(out)


def _parties(p: dict) -> set[str]:
    return {*p["holders"], *p["of"], *(a for h in p["history"] for a in h["actors"])}


def _topic_terms(p: dict) -> set[str]:
    return {w for h in p["history"] for w in signature(h["text"]).terms}


def _in_range(day: str | None, since: str | None, until: str | None) -> bool:
    return bool(day) and (not since or day >= since[:10]) and (not until or day <= until[:10])


def _with_affiliates(conn: Connection, actor_id: str) -> set[str]:
    """The actor and the actors affiliated with it (its officials, its forces)."""
    return {actor_id, *conn.execute(select(A.c.id).where(A.c.affiliation == actor_id)).scalars()}


# -- reading the facts ----------------------------------------------------------------------
def _facts(conn: Connection) -> tuple[list[dict], list[dict]]:
    """Demand items and conditionals in reading order, and the events that may carry a threat
    out, each with its signature (see ``parley.store.positions.group``)."""
    demands = demand_details(conn, dicts(conn, demand_rows().order_by(
        t.demands.c.sort_date, t.demands.c.article_id, t.demands.c.start, t.demands.c.id)))
    C = t.conditionals
    conditionals = dicts(conn, select(C.c.id, C.c.article_id, C.c.sort_date, C.c.actor, C.c.claimed_by, C.c.if_text,
                                      C.c.then_text, C.c.evidence, C.c.start, C.c.end)
                         .order_by(C.c.sort_date, C.c.article_id, C.c.start, C.c.id))
    mentions = _mentions(conn, {r["article_id"] for r in demands + conditionals})
    spans = _item_spans(conn, [d["id"] for d in demands])
    facts = [f for d in demands for f in _demand_facts(d, spans.get(d["id"], {}), mentions)]
    facts += [f for c in conditionals if (f := _conditional_fact(c, mentions))]
    facts.sort(key=lambda f: (f["date"] or "", f["article_id"], f["start"], f["order"]))
    return facts, _events(conn, facts, conditionals)


def _mentions(conn: Connection, article_ids: set[str]) -> dict[str, list[tuple[int, int, str]]]:
    M, out = t.mentions, {}
    ids = sorted(article_ids)
    for i in range(0, len(ids), 500):
        for aid, s, e, actor in conn.execute(select(M.c.article_id, M.c.start, M.c.end, M.c.actor_id)
                                             .where(M.c.article_id.in_(ids[i:i + 500]))):
            out.setdefault(aid, []).append((s, e, actor))
    return out


def _item_spans(conn: Connection, demand_ids: list[int]) -> dict[int, dict[int, tuple]]:
    I, out = t.demand_items, {}
    for i in range(0, len(demand_ids), 500):
        for did, pos, s, e in conn.execute(select(I.c.demand_id, I.c.position, I.c.start, I.c.end)
                                           .where(I.c.demand_id.in_(demand_ids[i:i + 500]))):
            out.setdefault(did, {})[pos] = (s, e)
    return out


def _day(value: str | None) -> str | None:
    return (value or "")[:10] or None


def _demand_facts(d: dict, spans: dict[int, tuple], mentions: dict) -> list[dict]:
    """One fact per demanded item; a rejection or acceptance answers it: its claimant (or, with
    none, its ``by``) is who answers, the rest of ``by`` hold it."""
    if d["status"] in RESPONSES:
        answer = [d["claimed_by"]] if d["claimed_by"] else list(d["by"])
        role, actors, named = "response", answer, [a for a in d["by"] if a not in answer]
    else:
        role, actors, named = "holder", list(d["by"]), []
    out = []
    for i, item in enumerate(d["items"]):
        start = spans.get(i, (None, None))[0]
        if start is None:
            found = d["evidence"].find(item)
            start = d["start"] + max(found, 0)
        present = sorted({a for _, _, a in mentions.get(d["article_id"], ())})
        out.append({"kind": "demand", "status": d["status"], "role": role, "actors": actors, "named": named,
                    "present": present,
                    "of": list(d["of"]), "sig": signature(item, start, mentions.get(d["article_id"], ())),
                    "text": item, "condition": d["condition_for"], "condition_for": d["condition_for"],
                    "date": _day(d["published"]), "article_id": d["article_id"], "start": d["start"],
                    "end": d["end"], "evidence": d["evidence"], "order": (d["id"], i)})
    return out


def _conditional_fact(c: dict, mentions: dict) -> dict | None:
    actor = c["actor"] or c["claimed_by"]
    if not actor:
        return None
    base = c["start"] + max(c["evidence"].find(c["then_text"]), 0)
    return {"kind": "conditional", "status": "stated", "role": "holder", "actors": [actor], "named": [], "of": [],
            "sig": signature(c["then_text"], base, mentions.get(c["article_id"], ())), "text": c["then_text"],
            "condition": c["if_text"], "date": _day(c["sort_date"]), "article_id": c["article_id"],
            "start": c["start"], "end": c["end"], "evidence": c["evidence"], "order": (c["id"], 0)}


def _events(conn: Connection, facts: list[dict], conditionals: list[dict]) -> list[dict]:
    """Events of the actors that made a conditional threat, outside any conditional sentence."""
    actors = sorted({a for f in facts if f["kind"] == "conditional" for a in f["actors"]})
    if not actors:
        return []
    E = t.events
    rows = dicts(conn, select(E.c.id, E.c.article_id, E.c.sort_date, E.c.type, E.c.source, E.c.target, E.c.evidence,
                              E.c.start, E.c.end)
                 .where(E.c.source.in_(actors), E.c.type.not_in(SKIP_EVENTS))
                 .order_by(E.c.sort_date, E.c.article_id, E.c.start, E.c.id))
    inside = {(c["article_id"], c["start"], c["end"]) for c in conditionals}
    rows = [r for r in rows if not any(a == r["article_id"] and s < r["end"] and r["start"] < e
                                       for a, s, e in inside)]
    mentions = _mentions(conn, {r["article_id"] for r in rows})
    return [{**r, "date": _day(r["sort_date"]),
             "sig": signature(r["evidence"], r["start"], mentions.get(r["article_id"], ()))} for r in rows]


# -- shifts and the sides ---------------------------------------------------------------------
def stance_shifts(conn: Connection) -> list[dict]:
    """Actors that backed another and later stood against it (or the reverse), from asserted,
    non-negated stances of different articles, oldest first."""
    R = t.relations
    rows = conn.execute(select(R.c.source, R.c.target, R.c.type, R.c.sort_date, R.c.article_id, R.c.start, R.c.end,
                               R.c.evidence)
                        .where(R.c.negated == false(), R.c.modality == "asserted",
                               R.c.type.in_(("supports", *AGAINST)))
                        .order_by(R.c.sort_date, R.c.article_id, R.c.start, R.c.id)).mappings()
    last: dict[tuple[str, str], dict] = {}
    out = []
    for r in rows:
        key, side = (r["source"], r["target"]), r["type"] == "supports"
        before = last.get(key)
        if before is not None and before["side"] != side and before["article_id"] != r["article_id"]:
            out.append({"type": "stance_shift", "actors": [r["source"]], "target": r["target"],
                        "date": _day(r["sort_date"]), "article_id": r["article_id"], "start": r["start"],
                        "end": r["end"], "detail": f"{before['type']} on {before['date'] or 'an undated day'}, "
                                                   f"{r['type']} on {_day(r['sort_date']) or 'an undated day'}"})
        last[key] = {"side": side, "type": r["type"], "date": _day(r["sort_date"]), "article_id": r["article_id"]}
    return out


def shifts(conn: Connection, *, actor: str | None = None, since: str | None = None,
           until: str | None = None) -> list[dict]:
    """Every contradiction and shift, oldest first: stance shifts, and the flags of positions
    (a reversal, a condition dropped, a threat carried out), each with its ``position`` id.

    Args:
        actor: only shifts of this actor (id, name or alias) or one affiliated with it, or
            towards it.
        since, until: only shifts dated in this range (YYYY-MM-DD).

    Raises:
        UnknownActorError: ``actor`` names no stored actor.
    """
    out = stance_shifts(conn)
    for p in all_positions(conn):
        out += [{**f, "position": p["id"], "target": None} for f in p["flags"]]
    if actor:
        ids = _with_affiliates(conn, resolve(conn, actor))
        out = [f for f in out if ids & {*f["actors"], f["target"]}]
    if since or until:
        out = [f for f in out if _in_range(f["date"], since, until)]
    return sorted(out, key=lambda f: (f["date"] or "", f["article_id"], f["start"]))


def negotiation(conn: Connection) -> dict:
    """The negotiation page: the sides (actors joined by supporting stances; an actor that
    holds positions but is on no side is a side of its own), each side's positions by kind and
    the positions its members rejected, and the timeline of changes."""
    E = t.stance_edges
    edges = dicts(conn, select(E.c.source, E.c.target, E.c.type, E.c.weight))
    side_of = sides(edges)
    every = all_positions(conn)
    groups: dict[object, set[str]] = {}
    for actor_id, n in side_of.items():
        groups.setdefault(n, set()).add(actor_id)
    for p in every:
        for h in p["holders"] + [a for x in p["history"] for a in x["actors"]]:
            if h not in side_of:
                groups.setdefault(h, {h})
    out = []
    for key, members in groups.items():
        held = [p for p in every if members & set(p["holders"])]
        rejected = [p for p in every if any(members & {r["actor"]} for r in p["rejected_by"])]
        if held or rejected or isinstance(key, int):
            out.append({"side": key if isinstance(key, int) else None, "actors": sorted(members),
                        "positions": {k: [p for p in held if p["kind"] == k] for k in KINDS}, "rejects": rejected})
    out.sort(key=lambda s: (s["side"] is None, s["side"] or 0, s["actors"]))
    changes = [{**h, "position": p["id"], "summary": p["summary"]} for p in every for h in p["history"]]
    found = shifts(conn)
    changes += [{**s, "status": s["type"], "summary": s["detail"], "position": s.get("position")}
                for s in found if s["type"] != "carried_out"]
    changes.sort(key=lambda c: (c["date"] or "", c["article_id"], c["start"]))
    return {"sides": out, "changes": changes, "shifts": found}


__all__ = ["KINDS", "negotiation", "position", "positions", "shifts", "stance_shifts"]
