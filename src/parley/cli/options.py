"""What the commands share: their common options, declared once, and how they answer.

Nothing here imports the store, spaCy or rich at import time, so ``--help`` stays fast.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Iterator, NoReturn

import click

from parley.config import DEFAULT_MODEL, Settings
from parley.errors import ParleyError

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from rich.console import Console

    from parley.models import Analysis
    from parley.store import Store

PUBLISHED = "Publication date (YYYY-MM-DD) for articles that carry none."

db_option = click.option("--db", default=None, metavar="URL",
                         help="Database URL [env PARLEY_DB; default sqlite:///parley.db].")
model_option = click.option("--model", default=None,
                            help=f"spaCy pipeline to use [env PARLEY_MODEL; default {DEFAULT_MODEL}].")
kb_option = click.option("--kb", default=None, type=click.Path(dir_okay=False),
                         help="YAML file of extra actors merged over the built-in knowledge base [env PARLEY_KB].")
attribution_option = click.option(
    "--attribution", type=click.Choice(["rules", "model", "both"]), default=None,
    help="Statements from the rules, the trained attribution model, or both [env PARLEY_ATTRIBUTION; default both].")
private_hosts_option = click.option(
    "--allow-private-hosts", is_flag=True,
    help="Also fetch feed links and redirects that lead to loopback, private or link-local addresses.")


def date_option(help: str = PUBLISHED) -> Callable[[Callable], Callable]:
    """The ``--date YYYY-MM-DD`` option (parameter ``date``), with what the date means here; a
    date that is not a real ISO date is a usage error."""
    return click.option("--date", default=None, metavar="YYYY-MM-DD", help=help, callback=_real_date)


def _real_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from parley.ingest.clean import check_date

    try:
        return check_date(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a real date (YYYY-MM-DD)") from None


def format_option(choices: list[str], *, default: str | None, help: str) -> Callable[[Callable], Callable]:
    """The ``--format`` option (parameter ``fmt``): one of ``choices``; no default: required."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, required=default is None,
                        show_default=default is not None, help=help)


@cache
def stderr() -> Console:
    """The console on standard error: messages and progress bars."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def say(label: str, message: str, *, style: str = "yellow") -> None:
    """One line on stderr, e.g. ``note: FILE: not UTF-8; ...``; ``message`` is printed as text."""
    from rich.markup import escape

    stderr().print(f"[{style}]{label}:[/{style}] {escape(message)}", soft_wrap=True)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line on stderr and exit (never a traceback)."""
    say("error", message, style="red")
    sys.exit(code)


@contextmanager
def open_db(db: str | None) -> Iterator[Store]:
    """The store at ``db`` (default PARLEY_DB), closed after; its errors end the command in one line."""
    from sqlalchemy.exc import SQLAlchemyError

    from parley.store import open_store

    try:
        store = open_store(Settings.load(db=db).db)
    except ParleyError as exc:
        fail(str(exc))
    try:
        yield store
    except ParleyError as exc:
        fail(str(exc))
    except SQLAlchemyError as exc:
        fail(f"database error: {str(getattr(exc, 'orig', None) or exc).strip().splitlines()[0]}")
    finally:
        store.close()


def emit_json(value: Any, *, indent: int | None = 2) -> None:
    """``value`` as JSON on stdout (dates and other values as strings)."""
    click.echo(json.dumps(value, ensure_ascii=False, indent=indent, default=str))


def emit_rows(rows: list[dict], fmt: str, columns: list[str], title: str | None = None) -> None:
    """Rows on stdout: a table (``table``), a JSON list (``json``), or CSV (``csv``) or TSV
    (``tsv``) with a header.

    A table on a terminal fits its width; on a pipe or in a file it is as wide as its cells, so
    that no cell is cut or folded (``parley actors | less -S``).
    """
    if fmt == "json":
        emit_json(rows)
    elif fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n",
                                **({"delimiter": "\t", "quoting": csv.QUOTE_NONE, "escapechar": None,
                                    "quotechar": None} if fmt == "tsv" else {}))
        writer.writeheader()
        for row in rows:
            cells = {k: _cell(row.get(k)) for k in columns}
            writer.writerow({k: " ".join(v.split()) for k, v in cells.items()} if fmt == "tsv" else cells)
        click.echo(out.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        table = Table(*columns, title=title, show_lines=False)
        for row in rows:
            table.add_row(*(escape(_cell(row.get(k))) for k in columns))
        console = Console(highlight=False)
        if not console.is_terminal:
            wide = Console(highlight=False, width=1_000_000).measure(table).maximum
            console = Console(highlight=False, width=max(80, wide))
        console.print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


def emit_analysis(analysis: Analysis, fmt: str) -> None:
    """One analysis on stdout: a report (``text``), indented JSON (``json``) or one line (``jsonl``)."""
    if fmt == "text":
        from rich.console import Console

        from parley.report import render

        render(analysis, Console(highlight=False))
    else:
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2 if fmt == "json" else None))
