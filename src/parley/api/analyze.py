"""POST /api/v1/analyze: text in, the analysis contract out; nothing is stored."""
from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from parley.api.schemas import AnalyzeRequest, Error
from parley.models import Analysis

router = APIRouter(tags=["analyze"])


@router.post("/analyze", response_model=Analysis,
             responses={413: {"model": Error, "description": "body over the size limit"},
                        503: {"model": Error, "description": "analysis over the time budget, or no model"}})
async def analyze_text(body: AnalyzeRequest, request: Request) -> Analysis:
    """Analyse one text and answer the ``parley.analysis/1`` JSON (as `parley analyze --format json`).
    The analysis runs in a worker process (``AnalysisPool``) within the time budget, else 503."""
    published = body.published.isoformat() if body.published else None
    return await run_in_threadpool(request.app.state.analysis_pool.analyze, body.text, published=published,
                                   title=body.title, source=body.source)
