"""/api/v1/actors: the actors, one with its aliases, roles and what it said, backed and demanded."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from parley.api.deps import NOT_FOUND, Country, Direct, Name, PagingDep, StoreDep
from parley.store.voices import UnknownActorError
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
def get_actor(store: StoreDep, actor_id: str = Path(max_length=400, description="id, name or alias"),
              direct: Direct = False) -> dict:
    """One actor with aliases, roles (article by article), and its newest statements, relations,
    demands made and received and conditionals (up to 100 each; the list endpoints page the rest),
    with those of the persons who speak for it (marked ``via``) unless ``direct``; an unknown
    actor is a 404 with the closest names as ``suggestions``."""
    found = store.actor_profile(actor_id, rows=DETAIL_ROWS, direct=direct)
    if found is None:
        raise UnknownActorError(actor_id, store.suggest_actors(actor_id))
    return found

