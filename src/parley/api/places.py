"""/api/v1/places: places named in the articles, with coordinates where the gazetteer has them."""
from __future__ import annotations

from fastapi import APIRouter, Path

from parley.api.deps import NOT_FOUND, Country, PagingDep, StoreDep, not_found
from parley.api.schemas import Page, PlaceDetail, PlaceRow

router = APIRouter(tags=["places"])


@router.get("/places", response_model=Page[PlaceRow])
def list_places(store: StoreDep, paging: PagingDep,
                country: Country = None) -> dict:
    """Places, most mentioned first."""
    return store.places(country=country, limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/places/{place_id}", response_model=PlaceDetail, responses=NOT_FOUND)
def get_place(store: StoreDep, place_id: int = Path(ge=1, le=2**62)) -> dict:
    """One place with each mention (article, date, span), newest first."""
    found = store.place(place_id)
    if found is None:
        raise not_found(f"place {place_id}")
    return found
