"""/api/v1/positions: demands, preconditions and threats tracked across articles."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parley.api.deps import NOT_FOUND, DatesDep, Name, PagingDep, StoreDep, not_found
from parley.api.schemas import Page, Position, PositionFlag, PositionKind

router = APIRouter(tags=["positions"])
Actor = Annotated[Name, Query(description="actor id, name or alias: positions it (or an official of it) holds, "
                                          "is asked or answered")]


@router.get("/positions", response_model=Page[Position])
def list_positions(store: StoreDep, paging: PagingDep, dates: DatesDep, actor: Actor = None,
                   topic: Annotated[str | None, Query(min_length=1, max_length=200,
                                                      description="a word (any form) of what is demanded")] = None,
                   kind: PositionKind | None = None) -> dict:
    """Positions across articles, first seen first, each with its holders, status history,
    answers and flags; ``since``/``until`` keep those with evidence in the range."""
    return store.positions(actor=actor, topic=topic, kind=kind, since=dates.since, until=dates.until,
                           limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/positions/{position_id}", response_model=Position, responses=NOT_FOUND)
def get_position(store: StoreDep, position_id: str = Path(pattern=r"^p[0-9a-f]{10}$")) -> dict:
    """One position with every piece of its evidence."""
    found = store.position(position_id)
    if found is None:
        raise not_found(f"position {position_id!r}")
    return found


@router.get("/shifts", response_model=Page[PositionFlag])
def list_shifts(store: StoreDep, paging: PagingDep, dates: DatesDep, actor: Actor = None) -> dict:
    """Contradictions and shifts, oldest first: stances that turned, answers reversed,
    conditions dropped, threats carried out."""
    rows = store.shifts(actor=actor, since=dates.since, until=dates.until)
    return {"items": rows[paging.offset:paging.offset + paging.limit], "total": len(rows)}
