"""/api/v1/articles: stored articles, one with its text and facts."""
from __future__ import annotations

from fastapi import APIRouter, Path

from parley.api.deps import NOT_FOUND, DatesDep, PagingDep, StoreDep, not_found
from parley.api.schemas import ArticleDetail, ArticleSummary, Page

router = APIRouter(tags=["articles"])


@router.get("/articles", response_model=Page[ArticleSummary])
def list_articles(store: StoreDep, paging: PagingDep, dates: DatesDep) -> dict:
    """Stored articles, newest first (without their text)."""
    return store.articles(since=dates.since, until=dates.until, limit=paging.limit, offset=paging.offset)._asdict()


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND)
def get_article(store: StoreDep, article_id: str = Path(max_length=64)) -> dict:
    """One article: its text and every actor mention, statement, relation, demand, conditional,
    event and place found in it, with character offsets into the text."""
    found = store.article(article_id)
    if found is None:
        raise not_found(f"article {article_id!r}")
    return found
