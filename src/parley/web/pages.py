"""The web UI: server-rendered pages (Jinja2, autoescaped) over the same store as the API."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from parley.api.deps import Dates, StoreDep
from parley.api.deps import dates as checked_dates
from parley.models import ACTOR_KINDS as KINDS
from parley.models import DEMAND_STATUSES as STATUSES
from parley.models import RELATION_TYPES as STANCES
from parley.store.browse import GRAPH_EDGES
from parley.store.voices import UnknownActorError
from parley.web.highlight import anchor, reader

PAGE = 50

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Word = Annotated[str | None, Query(max_length=200)]


def _blank_is_none(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def web_dates(since: Annotated[str | None, Query(max_length=10)] = None,
              until: Annotated[str | None, Query(max_length=10)] = None) -> Dates:
    """Dates from a form, where an empty field means no limit."""
    return checked_dates(*(_date(name, _blank_is_none(v)) for name, v in (("since", since), ("until", until))))


def _date(name: str, value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def choice(name: str, allowed: tuple[str, ...]):
    """A dependency reading one optional value out of ``allowed`` (empty means none)."""
    def read(request: Request) -> str | None:
        value = _blank_is_none(request.query_params.get(name))
        if value is not None and value not in allowed:
            raise HTTPException(422, f"{name}: {value!r} is not one of {', '.join(allowed)}")
        return value
    return Depends(read)


WebDates = Annotated[Dates, Depends(web_dates)]


def article_label(article: dict) -> str:
    """A title for an article: its own, else its first line (cut short), else its file name."""
    if article.get("title"):
        return article["title"]
    first = (article.get("opening") or article.get("text") or "").strip().split("\n", 1)[0].strip()
    if first:
        return first if len(first) <= 90 else first[:90].rsplit(" ", 1)[0] + "…"
    source = (article.get("source") or "").rstrip("/")
    return source.rsplit("/", 1)[-1] or article.get("article_id") or article.get("id", "article")


def render(request: Request, name: str, *, http_status: int = 200, **context) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=http_status)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", http_status=status, status_code=status, message=message)


def pager(offset: int, total: int, limit: int = PAGE) -> dict:
    return {"offset": offset, "total": total, "limit": limit, "prev": max(offset - limit, 0) if offset else None,
            "next": offset + limit if offset + limit < total else None}


@router.get("/")
def overview(request: Request, store: StoreDep):
    data = store.overview(limit=8)
    names = store.actor_names({a for d in data["demands"] for a in d["by"] + d["of"]})
    return render(request, "index.html", names=names, **data)


@router.get("/articles")
def articles(request: Request, store: StoreDep, dates: WebDates, offset: Offset = 0):
    items, total = store.articles(since=dates.since, until=dates.until, limit=PAGE, offset=offset)
    return render(request, "articles.html", items=items, page=pager(offset, total), dates=dates)


@router.get("/articles/{article_id}")
def article(request: Request, store: StoreDep, article_id: str = Path(max_length=64)):
    found = store.article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    segments, facts = reader(found)
    names = {m["actor_id"]: m["actor_name"] for m in found["mentions"]}
    actors = Counter((m["actor_id"], m["actor_name"], m["actor_kind"]) for m in found["mentions"])
    return render(request, "article.html", article=found, segments=segments, facts=facts, names=names,
                  actors=actors.most_common())


@router.get("/actors")
def actors(request: Request, store: StoreDep, kind: str | None = choice("kind", KINDS), q: Word = None,
           offset: Offset = 0):
    items, total = store.actors(kind=kind, name=q or None, limit=PAGE, offset=offset)
    return render(request, "actors.html", items=items, page=pager(offset, total), kind=kind, q=q or "")


@router.get("/actors/{actor_id}")
def actor(request: Request, store: StoreDep, actor_id: str = Path(max_length=400), direct: bool = False):
    profile = store.actor_profile(actor_id, rows=200, direct=direct)
    if profile is None:
        raise UnknownActorError(actor_id, store.suggest_actors(actor_id))
    names = _names(store, profile)
    return render(request, "actor.html", actor=profile, names=names, direct=direct,
                  stances=by_evidence(profile["relations"]["items"]),
                  statements=by_evidence(profile["statements"]["items"]),
                  stance_months=stance_months(profile["id"], profile["relations"]["items"]))


def _names(store, profile: dict) -> dict[str, str]:
    """Names of the actors a profile refers to by id (demand parties, relation ends, claimants)."""
    names = {profile["id"]: profile["name"]}
    for r in profile["relations"]["items"]:
        names.update({r["source"]: r["source_name"], r["target"]: r["target_name"]})
    ids = {a for key in ("demands", "demands_received") for d in profile[key]["items"] for a in d["by"] + d["of"]}
    ids |= {f["claimed_by"] for key in ("relations", "demands", "demands_received", "conditionals")
            for f in profile[key]["items"] if f.get("claimed_by")}
    ids |= {c["actor"] for c in profile["conditionals"]["items"] if c.get("actor")}
    return {**store.actor_names(ids - names.keys()), **names}


def by_evidence(rows: list[dict]) -> list[dict]:
    """Facts grouped by the evidence they stand on (one article span), in their order.

    Args:
        rows: fact rows with ``article_id``, ``start``, ``end``, ``published`` and ``evidence``
            (or a statement's ``content``).

    Returns:
        One group a span: its ``article_id``, ``start``, ``end``, ``published``, ``evidence``
        and the ``rows`` standing on it, so that a sentence is shown once however many facts
        it gave.
    """
    groups: dict[tuple, dict] = {}
    for row in rows:
        key = (row["article_id"], row["start"], row["end"])
        if key not in groups:
            groups[key] = {"article_id": row["article_id"], "start": row["start"], "end": row["end"],
                           "published": row["published"], "evidence": row.get("evidence", row.get("content")),
                           "rows": []}
        if row not in groups[key]["rows"]:
            groups[key]["rows"].append(row)
    return list(groups.values())


def stance_months(actor_id: str, relations: list[dict]) -> list[dict]:
    """Per month, how many stances of each type the actor took (out) and drew (in)."""
    months: dict[str, dict[str, Counter]] = defaultdict(lambda: {"out": Counter(), "in": Counter()})
    for r in relations:
        if r["negated"]:
            continue
        month = (r["published"] or "")[:7] or "undated"
        if r["source"] == actor_id or r.get("via"):  # taken by the actor or by one speaking for it
            months[month]["out"][r["type"]] += 1
        if r["target"] == actor_id:
            months[month]["in"][r["type"]] += 1
    top = max((n for m in months.values() for side in m.values() for n in side.values()), default=1)
    return [{"month": k, "out": dict(v["out"]), "in": dict(v["in"]), "scale": top} for k, v in sorted(months.items())]


GRAPH_LIMITS = (100, 300, 1000)


@router.get("/network")
def network(request: Request, dates: WebDates, min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
            limit: Annotated[int, Query(ge=1, le=2000)] = GRAPH_EDGES):
    kind = [k for k in request.query_params.getlist("kind") if k]
    if set(kind) - set(KINDS):
        raise HTTPException(422, f"kind: {', '.join(sorted(set(kind) - set(KINDS)))} is not one of {', '.join(KINDS)}")
    return render(request, "network.html", dates=dates, kind=kind, min_weight=min_weight, limit=limit,
                  limits=sorted({*GRAPH_LIMITS, limit}))


@router.get("/map")
def places_map(request: Request, store: StoreDep):
    items, total = store.places(limit=1000)
    return render(request, "map.html", places=items, total=total)


@router.get("/demands")
def demands(request: Request, store: StoreDep, by: Word = None, status: str | None = choice("status", STATUSES),
            offset: Offset = 0):
    items, total = store.demands(by=by or None, status=status, limit=PAGE, offset=offset, newest_first=True)
    summary = store.demand_summary()
    ids = {a for d in items for a in d["by"] + d["of"] + [d["claimed_by"]] if a} | {row["actor_id"] for row in summary}
    names = store.actor_names(ids)
    table: dict[str, Counter] = defaultdict(Counter)
    for row in summary:
        table[row["actor_id"]][row["status"]] += row["demands"]
    return render(request, "demands.html", items=items, page=pager(offset, total), names=names, by=by or "",
                  status=status, summary=sorted(table.items(), key=lambda kv: -sum(kv[1].values())),
                  summary_statuses=[s for s in STATUSES if any(c[s] for c in table.values())])


@router.get("/negotiation")
def negotiation(request: Request, store: StoreDep):
    data = store.negotiation()
    ids = {a for side in data["sides"] for a in side["actors"]}
    ids |= {a for c in data["changes"] for a in [*c["actors"], c.get("target")] if a}
    ids |= {a for side in data["sides"] for ps in [*side["positions"].values(), side["rejects"]] for p in ps
            for a in [*p["holders"], *p["of"], *(r["actor"] for r in p["rejected_by"] + p["accepted_by"])]}
    return render(request, "negotiation.html", names=store.actor_names(ids), **data)


@router.get("/search")
def search(request: Request, store: StoreDep, q: Annotated[str | None, Query(max_length=500)] = None,
           offset: Offset = 0):
    hits, total, actors = [], 0, []
    if q and q.strip():
        hits, total = store.search(q, limit=PAGE, offset=offset, spans=True)
        actors = store.actors(name=q.strip(), limit=20).items
    return render(request, "search.html", q=q or "", hits=hits, actors=actors, page=pager(offset, total))


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """Split a search snippet into (text, matched) parts at its [brackets]."""
    parts, pos = [], 0
    for m in re.finditer(r"\[([^\[\]]+)\]", snippet):
        parts.append((snippet[pos:m.start()], False))
        parts.append((m.group(1), True))
        pos = m.end()
    parts.append((snippet[pos:], False))
    return [p for p in parts if p[0]]


def _environment() -> Environment:
    # Autoescape every template whatever its name: article text must never become markup.
    env = Environment(loader=PackageLoader("parley.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(anchor=anchor, kinds=KINDS, stances=STANCES, statuses=STATUSES)
    env.filters["label"] = article_label
    env.filters["day"] = lambda value: (value or "")[:10] or "undated"
    env.filters["snippet_parts"] = snippet_parts
    return env


templates = Jinja2Templates(env=_environment())
