"""/api/v1 search, graph and stats: views across the whole store."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import DatesDep, PagingDep, StoreDep
from parley.api.schemas import ActorKind, Graph, Page, SearchHit, Stats
from parley.store.browse import EDGE_EVIDENCE, GRAPH_EDGES

router = APIRouter(tags=["explore"])
SEARCH_HELP = ('words and "quoted phrases" that must all occur; stems, plurals and hyphenated '
               'spellings match')


@router.get("/search", response_model=Page[SearchHit])
def search(store: StoreDep, paging: PagingDep,
           q: Annotated[str, Query(min_length=1, max_length=500, description=SEARCH_HELP)]) -> dict:
    """Full-text search over article texts and statements, best match first."""
    return store.search(q, limit=paging.limit, offset=paging.offset, spans=True)._asdict()


@router.get("/graph", response_model=Graph)
def graph(store: StoreDep, dates: DatesDep,
          kind: Annotated[list[ActorKind] | None, Query(description="only edges between actors of these kinds")]
          = None,
          limit: Annotated[int, Query(ge=1, le=2000, description="the strongest edges to return")] = GRAPH_EDGES,
          evidence: Annotated[int, Query(ge=0, le=100, description="newest relations listed per edge")]
          = EDGE_EVIDENCE,
          min_weight: Annotated[int, Query(ge=1, le=1_000_000, description="only edges with this much evidence")]
          = 1,
          isolated: Annotated[bool, Query(description="also list actors seen in the range on no listed edge")]
          = False) -> dict:
    """The stance network: actors as nodes, one edge per (source, type, target) weighted by the
    number of non-negated relations in the date range, strongest first, each with its newest
    evidence (``/relations?actor=`` lists all of it); each node carries its side, the group of
    actors joined by supporting edges."""
    return store.graph(since=dates.since, until=dates.until, kinds=tuple(kind or ()), limit=limit,
                       evidence=evidence, min_weight=min_weight, isolated=isolated)


@router.get("/stats", response_model=Stats)
def stats(store: StoreDep) -> dict:
    """How many articles, actors and facts the store holds."""
    return store.stats()
