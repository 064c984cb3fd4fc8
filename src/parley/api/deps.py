"""Dependencies shared by the API routes: the store, paging and date filters."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request

from parley.api.schemas import Error
from parley.store import Store

MAX_LIMIT = 500


def get_store(request: Request) -> Store:
    return request.app.state.store


@dataclass(frozen=True)
class Paging:
    limit: int
    offset: int


def paging(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
           offset: Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")] = 0) -> Paging:
    return Paging(limit, offset)


@dataclass(frozen=True)
class Dates:
    since: str | None
    until: str | None


def dates(since: Annotated[dt.date | None, Query(description="from this date (YYYY-MM-DD)")] = None,
          until: Annotated[dt.date | None, Query(description="up to this date (YYYY-MM-DD)")] = None) -> Dates:
    if since and until and since > until:
        raise HTTPException(422, f"since ({since}) is after until ({until})")
    return Dates(since.isoformat() if since else None, until.isoformat() if until else None)


StoreDep = Annotated[Store, Depends(get_store)]
PagingDep = Annotated[Paging, Depends(paging)]
DatesDep = Annotated[Dates, Depends(dates)]
Name = Annotated[str | None, Query(min_length=1, max_length=200)]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code")]
NOT_FOUND = {404: {"model": Error, "description": "not in the store"}}
Direct = Annotated[bool, Query(description="only the actor's own rows, none of the persons who speak for it")]


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"no {what} in the store")
