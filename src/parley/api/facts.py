"""/api/v1 statements, relations, demands, conditionals and events: filtered, paged lists."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from parley.api.deps import NOT_FOUND, DatesDep, Direct, Name, PagingDep, StoreDep
from parley.api.schemas import (ConditionalRow, DemandRow, DemandStatus, EventRow, Page, RelationRow,
                                RelationType, StatementRow)

router = APIRouter(tags=["facts"])
Actor = Annotated[Name, Query(description="actor id, name or alias (unknown: 404 with suggestions)")]
Voiced = Annotated[Name, Query(description="actor id, name or alias, with the persons who speak for it (their rows "
                                           "marked via; unknown: 404 with suggestions)")]


@router.get("/statements", response_model=Page[StatementRow], responses=NOT_FOUND)
def list_statements(store: StoreDep, paging: PagingDep, dates: DatesDep, speaker: Voiced = None, direct: Direct = False,
                    search: Annotated[str | None, Query(min_length=1, max_length=500,
                                                        description="words the content must all contain")] = None
                    ) -> dict:
    """Who said what, oldest first."""
    return store.statements(speaker=speaker, since=dates.since, until=dates.until, search=search, direct=direct,
                            limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/relations", response_model=Page[RelationRow], responses=NOT_FOUND)
def list_relations(store: StoreDep, paging: PagingDep, dates: DatesDep, type: RelationType | None = None,
                   actor: Voiced = None, direct: Direct = False,
                   source: Annotated[Name, Query(description="actor id, name or alias at the source end")] = None,
                   target: Annotated[Name, Query(description="actor id, name or alias at the target end")] = None,
                   negated: Annotated[bool | None, Query(description="only negated (true) or asserted (false) "
                                                                     "stances")] = None,
                   newest_first: Annotated[bool, Query(description="newest first instead of oldest")] = False
                   ) -> dict:
    """Who backs, opposes, rejects or accuses whom, with evidence, oldest first; ``actor``
    matches either end (``source=&target=&type=`` lists one edge of the graph)."""
    return store.relations(type=type, actor=actor, source=source, target=target, negated=negated, direct=direct,
                           since=dates.since, until=dates.until, newest_first=newest_first, limit=paging.limit,
                           offset=paging.offset)._asdict()


@router.get("/demands", response_model=Page[DemandRow], responses=NOT_FOUND)
def list_demands(store: StoreDep, paging: PagingDep, dates: DatesDep, by: Voiced = None, of: Actor = None,
                 status: DemandStatus | None = None, direct: Direct = False) -> dict:
    """Who demands what of whom, newest first."""
    return store.demands(by=by, of=of, status=status, direct=direct, since=dates.since, until=dates.until,
                         newest_first=True,
                         limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/conditionals", response_model=Page[ConditionalRow], responses=NOT_FOUND)
def list_conditionals(store: StoreDep, paging: PagingDep, actor: Voiced = None, direct: Direct = False) -> dict:
    """Conditional statements (if X, then Y), such as threats, oldest first."""
    return store.conditionals(actor=actor, direct=direct, limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/events", response_model=Page[EventRow], responses=NOT_FOUND)
def list_events(store: StoreDep, paging: PagingDep, dates: DatesDep,
                type: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{1,40}$",
                                                  description="PLOVER event type, e.g. REJECT")] = None,
                actor: Actor = None) -> dict:
    """Events derived from the facts (PLOVER types), newest first; ``actor`` matches either end."""
    return store.events(type=type, actor=actor, since=dates.since, until=dates.until, newest_first=True,
                        limit=paging.limit, offset=paging.offset)._asdict()
