"""The query commands: actors, actor, statements, relations, demands, timeline, search, stats.

Every read of the store the CLI makes is here, one call per command.
"""
from __future__ import annotations

from typing import Callable

import click

from parley.cli.options import db_option, emit_json, emit_rows, fail, format_option, open_db

table_format = format_option(["table", "json", "csv", "tsv"], default="table",
                             help="table: for reading (on a pipe, as wide as its cells); json, csv or tsv: "
                                  "for other programs.")


def paging_options(f: Callable) -> Callable:
    """``--newest`` and ``--limit N``, for the lists the store reads a page at a time."""
    f = click.option("--newest", is_flag=True, help="Newest first (default: oldest first).")(f)
    return click.option("--limit", type=click.IntRange(min=1), default=None,
                        help="Only the first N in that order (default: all).")(f)


def _listed(page: Callable, limit: int | None, newest: bool, **filters) -> list[dict]:
    """Every matching row, or with ``limit`` one page of them (read from the store's indexes, so
    a few rows of a large store come back at once); says on stderr when rows were left out."""
    rows, total = page(**filters, limit=limit, newest_first=newest)
    if len(rows) < total:
        click.echo(f"{len(rows)} of {total} shown (--limit)", err=True)
    return rows


@click.group(invoke_without_command=True)
@click.option("--kind", default=None, help="Only actors of this kind (state, person, armed_group, ...).")
@click.option("--country", default=None, help="Only actors of this country (ISO 3166-1 alpha-2).")
@db_option
@table_format
@click.pass_context
def actors(ctx: click.Context, kind: str | None, country: str | None, db: str | None, fmt: str) -> None:
    """List the stored actors, or correct them (merge, split).

    \b
    Examples:
      parley actors --kind state
      parley actors --country LY --format csv
      parley actors merge gna organization:government-of-national-accord
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_db(db) as store:
        rows = store.actors(kind=kind, country=country).items
    emit_rows(rows, fmt, ["id", "name", "kind", "country", "mentions", "articles", "first_seen", "last_seen"],
              "actors")


@click.command()
@click.argument("name")
@db_option
@format_option(["table", "json"], default="table", help="table: for reading; json: everything, for other programs.")
def actor(name: str, db: str | None, fmt: str) -> None:
    """Show one actor (by id, name or alias): aliases, roles, statements, relations, demands.

    \b
    Example:
      parley actor Haftar
      parley actor russia --format json
    """
    with open_db(db) as store:
        info = store.actor(name)
    if info is None:
        fail(f"no actor {name!r} in the store (see `parley actors`)", 1)
    if fmt == "json":
        emit_json(info)
    else:
        _actor_card(info)


def _actor_card(info: dict) -> None:
    from rich.console import Console

    out = Console(highlight=False)
    out.print(f"[bold]{info['name']}[/bold] ({info['id']}, {info['kind']}"
              f"{', ' + info['country'] if info['country'] else ''}) seen {info['first_seen'] or '?'}"
              f" .. {info['last_seen'] or '?'}")
    out.print(f"aliases: {'; '.join(info['aliases']) or '-'}", soft_wrap=True)
    out.print(f"roles: {'; '.join(info['roles']) or '-'}", soft_wrap=True)
    emit_rows(info["statements"], "table", ["published", "cue", "content"], "statements")
    emit_rows(info["relations"], "table", ["published", "source_name", "type", "target_name", "negated"], "relations")
    emit_rows(info["demands"], "table", ["published", "status", "items", "of"], "demands")


@click.command()
@click.option("--speaker", default=None, help="Only this speaker (id, name or alias).")
@click.option("--since", default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--search", default=None, help="Only statements containing all these words.")
@paging_options
@db_option
@table_format
def statements(speaker, since, until, search, limit, newest, db, fmt) -> None:
    """List who said what, oldest first.

    \b
    Example:
      parley statements --speaker Turkey --since 2020-06-01 --search ceasefire
      parley statements --newest --limit 20
    """
    with open_db(db) as store:
        rows = _listed(store.statements, limit, newest, speaker=speaker, since=since, until=until, search=search)
    emit_rows(rows, fmt, ["published", "speaker", "cue", "content", "article_id"], "statements")


@click.command()
@click.option("--type", "type_", default=None, help="supports, opposes, rejects, accuses, ...")
@click.option("--actor", default=None, help="Only relations with this actor at either end.")
@paging_options
@db_option
@table_format
def relations(type_, actor, limit, newest, db, fmt) -> None:
    """List who backs, opposes, rejects or accuses whom, with evidence.

    \b
    Example:
      parley relations --type supports --actor Russia
      parley relations --actor Russia --newest --limit 10
    """
    with open_db(db) as store:
        rows = _listed(store.relations, limit, newest, type=type_, actor=actor)
    emit_rows(rows, fmt, ["published", "source", "type", "target", "negated", "modality", "evidence"], "relations")


@click.command()
@click.option("--by", default=None, help="Only demands made by this actor.")
@click.option("--status", default=None, help="stated, reiterated, rejected, accepted or met.")
@db_option
@table_format
def demands(by, status, db, fmt) -> None:
    """List demands: who demands what of whom.

    \b
    Example:
      parley demands --by Turkey --status stated
    """
    with open_db(db) as store:
        rows = store.demands(by=by, status=status).items
    emit_rows(rows, fmt, ["published", "by", "of", "status", "items", "condition_for"], "demands")


@click.command()
@click.argument("actor_name", metavar="ACTOR")
@db_option
@table_format
def timeline(actor_name: str, db: str | None, fmt: str) -> None:
    """Everything one actor said, did or demanded, by date.

    \b
    Example:
      parley timeline Haftar --format csv
    """
    with open_db(db) as store:
        if store.actor(actor_name) is None:
            fail(f"no actor {actor_name!r} in the store (see `parley actors`)", 1)
        rows = store.timeline(actor_name)
    emit_rows(rows, fmt, ["date", "kind", "summary", "article_id"], f"timeline of {actor_name}")


@click.command()
@click.argument("words", nargs=-1, required=True)
@db_option
@table_format
def search(words: tuple[str, ...], db: str | None, fmt: str) -> None:
    """Full-text search over article texts and statements, best match first.

    Every word must occur, in any form ("ceasefire" also finds "cease-fire" and "ceasefires");
    an argument of several words is a phrase.

    \b
    Examples:
      parley search ceasefire Sirte
      parley search "peace talks" Geneva
    """
    query = " ".join(f'"{w}"' if len(w.split()) > 1 and '"' not in w else w for w in words)
    with open_db(db) as store:
        rows = store.search(query, limit=50).items
    emit_rows(rows, fmt, ["kind", "published", "speaker", "snippet", "article_id"], "search")


@click.command()
@db_option
@format_option(["table", "json"], default="table", help="table: for reading; json: one object.")
def stats(db: str | None, fmt: str) -> None:
    """Count the stored articles, actors and facts.

    \b
    Example:
      parley stats --format json
    """
    with open_db(db) as store:
        counts = store.stats()
    if fmt == "json":
        emit_json(counts, indent=None)
    else:
        emit_rows([{"table": k, "rows": v} for k, v in counts.items()], "table", ["table", "rows"], "store")
