"""`parley serve`: the HTTP API and web UI over a store, with uvicorn."""
from __future__ import annotations

import click

from parley.cli.options import db_option, fail, kb_option, model_option, stderr
from parley.config import Settings
from parley.errors import ParleyError


def _size(value: str) -> int:
    """Bytes from '2MB', '512k', '1048576'."""
    text = value.strip().upper().removesuffix("B")
    factor = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}.get(text[-1:], 1)
    number = text[:-1] if factor > 1 else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a size (e.g. 2MB, 512k or 1048576)") from None
    if size < 1:
        raise click.BadParameter("must be at least 1 byte")
    return size


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--max-body", default="2MB", show_default=True, callback=lambda _c, _p, v: _size(v),
              help="Refuse request bodies larger than this (413).")
@model_option
@kb_option
def serve(db: str | None, host: str, port: int, max_body: int, model: str | None, kb: str | None) -> None:
    """Serve the web UI and the JSON API (/api/v1, docs at /api/v1/docs) over a store.

    --model and --kb choose the pipeline and knowledge base of POST /api/v1/analyze.

    \b
    Examples:
      parley serve
      parley serve --db sqlite:///libya.db --port 8080
      parley serve --host 0.0.0.0 --max-body 5MB --kb my-actors.yaml
    """
    import uvicorn

    from parley.api import create_app

    settings = Settings.load(db=db, model=model, kb=kb)
    try:
        app = create_app(settings.db, max_body, settings=settings)
    except ParleyError as exc:
        fail(str(exc))
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    stderr().print(f"Parley UI: http://{shown}:{port}  (API docs: http://{shown}:{port}/api/v1/docs; Ctrl-C stops)",
                   soft_wrap=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
