"""The app factory: the JSON API under /api/v1, the web pages, static files and error handling."""
from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles

from parley.version import __version__
from parley.api import actors, analyze, articles, errors, explore, facts, places, positions
from parley.api.analysis_pool import AnalysisPool
from parley.api.headers import SecurityHeaders
from parley.api.limits import DEFAULT_MAX_BODY, BodyLimit
from parley.config import Settings

PREFIX = "/api/v1"


def create_app(store_url: str | None = None, max_body: int = DEFAULT_MAX_BODY, *,
               settings: Settings | None = None) -> FastAPI:
    """The Parley web app over the store at ``store_url``.

    Args:
        store_url: database URL; default ``settings.db`` (PARLEY_DB or sqlite:///parley.db).
        max_body: request bodies over this many bytes are refused with 413.
        settings: model, knowledge base, workers and time budget for POST /api/v1/analyze;
            default ``Settings.load()``.

    Raises:
        StoreError: the database cannot be opened or migrated.
    """
    from parley.store import open_store
    from parley.web import pages

    settings = settings or Settings.load(db=store_url)
    store = open_store(store_url or settings.db)

    pool = AnalysisPool(settings, workers=settings.analyze_workers, budget=settings.analyze_budget_s)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        pool.close()
        store.close()

    app = FastAPI(title="Parley", version=__version__, lifespan=lifespan,
                  description="Actors, statements, stances and demands extracted from conflict news.",
                  openapi_url=f"{PREFIX}/openapi.json", docs_url=None, redoc_url=None)
    app.state.store = store
    app.state.settings = settings
    app.state.analysis_pool = pool
    app.state.max_body = max_body
    for module in (articles, actors, facts, positions, places, explore, analyze):
        app.include_router(module.router, prefix=PREFIX)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("parley.web", "static")]), name="static")

    @app.get(f"{PREFIX}/docs", include_in_schema=False)
    def docs():
        vendor = "/static/vendor/swagger-ui"
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Parley API",
                                   swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/favicon-32x32.png")

    errors.install(app, pages.error_page)
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders, exempt=(f"{PREFIX}/docs",))
    app.openapi = lambda: _openapi(app)
    return app


def _openapi(app: FastAPI) -> dict:
    """The generated schema, with 422 answers described as this API sends them."""
    if app.openapi_schema is None:
        from fastapi.openapi.utils import get_openapi

        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        schema.setdefault("components", {}).setdefault("schemas", {})["HTTPValidationError"] = {
            "title": "InvalidRequest", "type": "object", "required": ["error", "message", "detail"],
            "properties": {
                "error": {"type": "string", "const": "invalid_request"},
                "message": {"type": "string", "description": "every problem, in one line"},
                "detail": {"type": "array", "items": {"type": "object", "properties": {
                    "loc": {"type": "array", "items": {"type": "string"}}, "where": {"type": "string"},
                    "msg": {"type": "string"}, "type": {"type": "string"}}}},
            }}
        app.openapi_schema = schema
    return app.openapi_schema
