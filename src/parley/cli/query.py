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


direct_option = click.option("--direct", is_flag=True,
                             help="Only the actor's own, none of what the persons who speak for it (its "
                                  "ministers, envoys, spokespeople) said or did.")


def _via(columns: list[str], rolled_up: bool) -> list[str]:
    """``columns`` with ``via`` (the person a row counts through) after the second, when rows
    of the persons who speak for an actor are listed with its own."""
    return [*columns[:2], "via", *columns[2:]] if rolled_up else columns


def _unknown(store, name: str) -> str:
    from parley.store.voices import UnknownActorError

    return str(UnknownActorError(name, store.suggest_actors(name)))


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
@click.option("--unnamed", is_flag=True,
              help='List generic sources no article names ("witnesses", "officials") too.')
@db_option
@table_format
@click.pass_context
def actors(ctx: click.Context, kind: str | None, country: str | None, unnamed: bool, db: str | None,
           fmt: str) -> None:
    """List the stored actors, or correct them (merge, split).

    \b
    Examples:
      parley actors --kind state
      parley actors --unnamed
      parley actors --country LY --format csv
      parley actors merge gna organization:government-of-national-accord
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_db(db) as store:
        rows = store.actors(kind=kind, country=country, unnamed=unnamed).items
    emit_rows(rows, fmt, ["id", "name", "kind", "country", "mentions", "articles", "first_seen", "last_seen"],
              "actors")


@click.command()
@click.argument("name")
@db_option
@format_option(["table", "json"], default="table", help="table: for reading; json: everything, for other programs.")
@direct_option
def actor(name: str, db: str | None, fmt: str, direct: bool) -> None:
    """Show one actor (by id, name or alias): aliases, roles, statements, relations, demands,
    conditionals, with those of the persons who speak for it (marked "via").

    \b
    Example:
      parley actor Haftar
      parley actor russia --format json
      parley actor Russia --direct
    """
    with open_db(db) as store:
        info = store.actor(name, direct=direct)
        if info is None:
            fail(_unknown(store, name), 1)
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
    emit_rows(info["statements"], "table", ["published", "via", "cue", "content"], "statements")
    emit_rows(info["relations"], "table", ["published", "source_name", "type", "target_name", "negated", "via"],
              "relations")
    emit_rows(info["demands"], "table", ["published", "via", "status", "items", "of"], "demands")
    emit_rows(info["conditionals"], "table", ["published", "via", "if_text", "then_text"], "conditionals")


@click.command()
@click.option("--speaker", default=None,
              help="Only this speaker (id, name or alias), with the persons who speak for it (see --direct).")
@click.option("--since", default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--search", default=None, help="Only statements containing all these words.")
@direct_option
@paging_options
@db_option
@table_format
def statements(speaker, since, until, search, direct, limit, newest, db, fmt) -> None:
    """List who said what, oldest first.

    With --speaker, what the persons who speak for that actor said counts for it too, marked
    "via" them; an unknown speaker is an error that names the closest actors.

    \b
    Example:
      parley statements --speaker Turkey --since 2020-06-01 --search ceasefire
      parley statements --speaker Russia --direct
      parley statements --newest --limit 20
    """
    with open_db(db) as store:
        rows = _listed(store.statements, limit, newest, speaker=speaker, since=since, until=until, search=search,
                       direct=direct)
    emit_rows(rows, fmt, _via(["published", "speaker", "cue", "content", "article_id"], bool(speaker) and not direct),
              "statements")


@click.command()
@click.option("--type", "type_", default=None, help="supports, opposes, rejects, accuses, ...")
@click.option("--actor", default=None,
              help="Only relations with this actor at either end, or with a person who speaks for it as the source "
                   "(see --direct).")
@direct_option
@paging_options
@db_option
@table_format
def relations(type_, actor, direct, limit, newest, db, fmt) -> None:
    """List who backs, opposes, rejects or accuses whom, with evidence.

    \b
    Example:
      parley relations --type supports --actor Russia
      parley relations --actor Russia --direct --newest --limit 10
    """
    with open_db(db) as store:
        rows = _listed(store.relations, limit, newest, type=type_, actor=actor, direct=direct)
    emit_rows(rows, fmt, _via(["published", "source", "type", "target", "negated", "modality", "evidence"],
                              bool(actor) and not direct), "relations")


@click.command()
@click.option("--by", default=None,
              help="Only demands made by this actor, or by a person who speaks for it (see --direct).")
@click.option("--of", "of", default=None, help="Only demands made of this actor.")
@click.option("--status", default=None, help="stated, reiterated, rejected, accepted or met.")
@direct_option
@db_option
@table_format
def demands(by, of, status, direct, db, fmt) -> None:
    """List demands: who demands what of whom.

    \b
    Example:
      parley demands --by Turkey --status stated
      parley demands --by Russia --direct --of "United States"
    """
    with open_db(db) as store:
        rows = store.demands(by=by, of=of, status=status, direct=direct).items
    emit_rows(rows, fmt, _via(["published", "by", "of", "status", "items", "condition_for"], bool(by) and not direct),
              "demands")


@click.command()
@click.argument("actor_name", metavar="ACTOR")
@direct_option
@db_option
@table_format
def timeline(actor_name: str, direct: bool, db: str | None, fmt: str) -> None:
    """Everything one actor said, did, demanded or made conditional, by date, with what the
    persons who speak for it did (marked "via").

    \b
    Example:
      parley timeline Haftar --format csv
      parley timeline Russia --direct
    """
    with open_db(db) as store:
        if store.find_actor(actor_name) is None:
            fail(_unknown(store, actor_name), 1)
        rows = store.timeline(actor_name, direct=direct)
    emit_rows(rows, fmt, _via(["date", "kind", "summary", "article_id"], not direct), f"timeline of {actor_name}")


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
