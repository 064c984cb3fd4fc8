"""Exception handlers: every error leaves as one JSON object (or an HTML page for the web UI),
never as a traceback."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from parley.errors import ParleyError
from parley.store.voices import UnknownActorError

log = logging.getLogger("parley.api")

CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large",
         422: "invalid_request", 500: "internal", 503: "unavailable"}


def install(app: FastAPI, render_page) -> None:
    """Register the handlers; ``render_page(request, status, message)`` renders errors of web pages."""

    def reply(request: Request, status: int, message: str, **extra) -> Response:
        if request.url.path.startswith("/api/") or render_page is None:
            return JSONResponse({"error": CODES.get(status, "error"), "message": message, **extra}, status_code=status)
        return render_page(request, status, message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = [_detail(e) for e in exc.errors()]
        message = "; ".join(f"{d['where']}: {d['msg']}" for d in details) or "invalid request"
        return reply(request, 422, message, detail=details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        response = reply(request, exc.status_code, str(exc.detail))
        if headers:
            response.headers.update(headers)
        return response

    @app.exception_handler(SQLAlchemyError)
    async def database_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.error("database error on %s: %s", request.url.path, str(exc).splitlines()[0])
        return reply(request, 503, "the database is unavailable or failed; try again later")

    @app.exception_handler(UnknownActorError)
    async def unknown_actor(request: Request, exc: UnknownActorError) -> Response:
        return reply(request, 404, str(exc), suggestions=exc.suggestions)

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return reply(request, 503, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return reply(request, 500, "internal server error")


def _detail(error: dict) -> dict:
    loc = [str(part) for part in error.get("loc", ())]
    where = {"query": "query parameter", "path": "path parameter", "body": "body"}.get(loc[0], loc[0]) if loc else ""
    field = ".".join(loc[1:])
    return {"loc": loc, "where": f"{where} {field!r}" if field else where, "msg": str(error.get("msg", "invalid")),
            "type": str(error.get("type", ""))}
