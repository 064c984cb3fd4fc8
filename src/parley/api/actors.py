"""/api/v1/actors: the actors, one with its aliases, roles and what it said, backed and demanded."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parley.api.deps import NOT_FOUND, Country, Name, PagingDep, StoreDep, not_found
from parley.api.schemas import ActorDetail, ActorKind, ActorSummary, Page

router = APIRouter(tags=["actors"])
DETAIL_ROWS = 100


@router.get("/actors", response_model=Page[ActorSummary])
def list_actors(store: StoreDep, paging: PagingDep, kind: ActorKind | None = None,
                country: Country = None,
                q: Annotated[Name, Query(description="part of a name or alias")] = None) -> dict:
    """Actors, most mentioned first."""
    return store.actors(kind=kind, country=country, name=q, limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/actors/{actor_id}", response_model=ActorDetail, responses=NOT_FOUND)
def get_actor(store: StoreDep, actor_id: str = Path(max_length=400, description="id, name or alias")) -> dict:
    """One actor with aliases, roles (article by article), and its newest statements, relations,
    demands made and received and conditionals (up to 100 each; the list endpoints page the rest)."""
    found = store.actor_profile(actor_id, rows=DETAIL_ROWS)
    if found is None:
        raise not_found(f"actor {actor_id!r}")
    return found

