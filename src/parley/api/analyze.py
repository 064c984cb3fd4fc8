"""POST /api/v1/analyze: text in, the analysis contract out; nothing is stored."""
from __future__ import annotations

import threading

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from parley.api.schemas import AnalyzeRequest, Error
from parley.models import Analysis

router = APIRouter(tags=["analyze"])
_lock = threading.Lock()  # one parse at a time: a spaCy pipeline is not meant to be shared by threads


@router.post("/analyze", response_model=Analysis,
             responses={413: {"model": Error, "description": "body over the size limit"}})
async def analyze_text(body: AnalyzeRequest, request: Request) -> Analysis:
    """Analyse one text and answer the ``parley.analysis/1`` JSON (as `parley analyze --format json`).
    The analysis runs in a worker thread, so the server keeps answering meanwhile."""
    settings = request.app.state.settings
    published = body.published.isoformat() if body.published else None
    return await run_in_threadpool(_analyze, body.text, settings=settings, published=published,
                                   title=body.title, source=body.source)


def _analyze(text: str, **options) -> Analysis:
    from parley.analyzer import analyze

    with _lock:
        return analyze(text, **options)
