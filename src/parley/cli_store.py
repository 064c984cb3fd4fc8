"""Store commands of the ``parley`` CLI: ingest, queries, corrections and export."""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from typing import Iterator

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from parley.cli import cli, err, fail
from parley.config import Settings
from parley.errors import ParleyError

FORMATS = click.Choice(["table", "json", "csv"])


def db_option(f):
    return click.option("--db", default=None, metavar="URL",
                        help="Database URL [env PARLEY_DB; default sqlite:///parley.db].")(f)


def format_option(f):
    return click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                        help="table: for reading; json or csv: for other programs.")(f)


@contextmanager
def _store(db: str | None) -> Iterator:
    from parley.store import open_store

    try:   # fail() prints messages as text: "parley-news[postgres]" stays as written
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


def _emit(rows: list[dict], fmt: str, columns: list[str], title: str | None = None) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        click.echo(out.getvalue(), nl=False)
    else:
        table = Table(*columns, title=title, show_lines=False)
        for row in rows:
            table.add_row(*(escape(_cell(row.get(k))) for k in columns))
        Console(highlight=False).print(table)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value))
    return str(value)


@cli.command()
@click.argument("sources", nargs=-1)
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 1024),
              help="Analysis processes (local) or Ray actors (ray); each loads the model once.")
@click.option("--date", "published", default=None, help="Publication date (YYYY-MM-DD) for articles lacking one.")
@click.option("--reprocess", is_flag=True, help="Also re-analyse stored articles from an older pipeline.")
@click.option("--model", default=None, help="spaCy pipeline [env PARLEY_MODEL].")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where analysis runs: this machine, or Ray Data actors (pip install 'parley-news[ray]').")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="Ray cluster for --engine ray: auto, or ray://HEAD:10001 [default: a local Ray instance].")
def ingest(sources: tuple[str, ...], db: str | None, workers: int, published: str | None, reprocess: bool,
           model: str | None, engine: str, ray_address: str | None) -> None:
    """Analyse articles and store them: files, folders, globs, .jsonl, URLs, RSS/Atom feeds.

    Articles already stored (same text) are skipped, so re-running is safe.

    \b
    Examples:
      parley ingest news/ --db sqlite:///libya.db
      parley ingest 'archive/**/*.html' articles.jsonl --workers 4
      parley ingest https://example.org/feed.xml --date 2020-06-18
      parley ingest --reprocess
      parley ingest corpus.jsonl --engine ray --ray-address ray://head:10001 --workers 32
    """
    from parley.ingest.pipeline import ingest as run_ingest

    if not sources and not reprocess:
        fail("name at least one source (file, folder, glob, .jsonl, URL or feed), or use --reprocess")
    if ray_address and engine != "ray":
        fail("--ray-address needs --engine ray")
    settings = Settings.load(db=db, model=model)
    with _store(db) as store:
        report = run_ingest(list(sources), store, settings=settings, workers=workers, published=published,
                            reprocess=reprocess, console=err, engine=engine, ray_address=ray_address)
    for reason in report.failed:
        err.print(f"[red]failed:[/red] {reason}", markup=True, soft_wrap=True, highlight=False)
    summary = f"ingested {report.ingested}, skipped {report.skipped} as duplicates, failed {len(report.failed)}"
    if reprocess:
        summary += f", re-analysed {report.reprocessed}"
    err.print(summary, highlight=False)
    if report.failed:
        sys.exit(1)


@cli.group(invoke_without_command=True)
@click.option("--kind", default=None, help="Only actors of this kind (state, person, armed_group, ...).")
@click.option("--country", default=None, help="Only actors of this country (ISO 3166-1 alpha-2).")
@db_option
@format_option
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
    with _store(db) as store:
        rows = store.actors(kind=kind, country=country)
    _emit(rows, fmt, ["id", "name", "kind", "country", "mentions", "articles", "first_seen", "last_seen"],
          "actors")


@actors.command("merge")
@click.argument("keep")
@click.argument("drop")
@db_option
def actors_merge(keep: str, drop: str, db: str | None) -> None:
    """Merge actor DROP into KEEP; later ingests map DROP to KEEP too.

    \b
    Example:
      parley actors merge gna "Al-Wefaq government"
    """
    with _store(db) as store:
        kept, dropped = store.merge(keep, drop)
    click.echo(f"merged {dropped} into {kept}")


@actors.command("split")
@click.argument("alias")
@click.option("--from", "source", required=True, help="The actor that wrongly holds ALIAS.")
@db_option
def actors_split(alias: str, source: str, db: str | None) -> None:
    """Move ALIAS's mentions off an actor onto a new one; later ingests do the same.

    \b
    Example:
      parley actors split "Haftar" --from lna
    """
    with _store(db) as store:
        new_id = store.split(alias, source)
    click.echo(f"split {alias!r} off into new actor {new_id}")


@cli.command()
@click.argument("name")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: for reading; json: everything, for other programs.")
def actor(name: str, db: str | None, fmt: str) -> None:
    """Show one actor (by id, name or alias): aliases, roles, statements, relations, demands.

    \b
    Example:
      parley actor Haftar
      parley actor russia --format json
    """
    with _store(db) as store:
        info = store.actor(name)
    if info is None:
        fail(f"no actor {name!r} in the store (see `parley actors`)", 1)
    if fmt == "json":
        click.echo(json.dumps(info, ensure_ascii=False, indent=2, default=str))
        return
    out = Console(highlight=False)
    out.print(f"[bold]{info['name']}[/bold] ({info['id']}, {info['kind']}"
              f"{', ' + info['country'] if info['country'] else ''}) seen {info['first_seen'] or '?'}"
              f" .. {info['last_seen'] or '?'}")
    out.print(f"aliases: {'; '.join(info['aliases']) or '-'}", soft_wrap=True)
    out.print(f"roles: {'; '.join(info['roles']) or '-'}", soft_wrap=True)
    _emit(info["statements"], "table", ["published", "cue", "content"], "statements")
    _emit(info["relations"], "table", ["published", "source_name", "type", "target_name", "negated"], "relations")
    _emit(info["demands"], "table", ["published", "status", "items", "of"], "demands")


def paging_options(f):
    f = click.option("--newest", is_flag=True, help="Newest first (default: oldest first).")(f)
    return click.option("--limit", type=click.IntRange(min=1), default=None,
                        help="Only the first N in that order (default: all).")(f)


def _listed(store, page, everything, limit: int | None, newest: bool, **filters) -> list[dict]:
    """Every matching row, or with ``limit``/``newest`` one page of them (read from the store's
    indexes, so a few rows of a large store come back at once); says on stderr when rows were
    left out."""
    if limit is None and not newest:
        return everything(**filters)
    rows, total = page(**filters, limit=limit or 2**31 - 1, newest_first=newest)
    if len(rows) < total:
        click.echo(f"{len(rows)} of {total} shown (--limit)", err=True)
    return rows


@cli.command()
@click.option("--speaker", default=None, help="Only this speaker (id, name or alias).")
@click.option("--since", default=None, help="From this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this date (YYYY-MM-DD).")
@click.option("--search", default=None, help="Only statements containing all these words.")
@paging_options
@db_option
@format_option
def statements(speaker, since, until, search, limit, newest, db, fmt) -> None:
    """List who said what, oldest first.

    \b
    Example:
      parley statements --speaker Turkey --since 2020-06-01 --search ceasefire
      parley statements --newest --limit 20
    """
    with _store(db) as store:
        rows = _listed(store, store.statements_page, store.statements, limit, newest, speaker=speaker, since=since,
                       until=until, search=search)
    _emit(rows, fmt, ["published", "speaker", "cue", "content", "article_id"], "statements")


@cli.command()
@click.option("--type", "type_", default=None, help="supports, opposes, rejects, accuses, ...")
@click.option("--actor", default=None, help="Only relations with this actor at either end.")
@paging_options
@db_option
@format_option
def relations(type_, actor, limit, newest, db, fmt) -> None:
    """List who backs, opposes, rejects or accuses whom, with evidence.

    \b
    Example:
      parley relations --type supports --actor Russia
      parley relations --actor Russia --newest --limit 10
    """
    with _store(db) as store:
        rows = _listed(store, store.relations_page, store.relations, limit, newest, type=type_, actor=actor)
    _emit(rows, fmt, ["published", "source", "type", "target", "negated", "modality", "evidence"], "relations")


@cli.command()
@click.option("--by", default=None, help="Only demands made by this actor.")
@click.option("--status", default=None, help="stated, reiterated, rejected, accepted or met.")
@db_option
@format_option
def demands(by, status, db, fmt) -> None:
    """List demands: who demands what of whom.

    \b
    Example:
      parley demands --by Turkey --status stated
    """
    with _store(db) as store:
        rows = store.demands(by=by, status=status)
    _emit(rows, fmt, ["published", "by", "of", "status", "items", "condition_for"], "demands")


@cli.command()
@click.argument("actor_name", metavar="ACTOR")
@db_option
@format_option
def timeline(actor_name: str, db: str | None, fmt: str) -> None:
    """Everything one actor said, did or demanded, by date.

    \b
    Example:
      parley timeline Haftar --format csv
    """
    with _store(db) as store:
        if store.actor(actor_name) is None:
            fail(f"no actor {actor_name!r} in the store (see `parley actors`)", 1)
        rows = store.timeline(actor_name)
    _emit(rows, fmt, ["date", "kind", "summary", "article_id"], f"timeline of {actor_name}")


@cli.command()
@click.argument("words", nargs=-1, required=True)
@db_option
@format_option
def search(words: tuple[str, ...], db: str | None, fmt: str) -> None:
    """Full-text search over article texts and statements.

    \b
    Example:
      parley search ceasefire Sirte
    """
    with _store(db) as store:
        rows = store.search(" ".join(words))
    _emit(rows, fmt, ["kind", "published", "speaker", "snippet", "article_id"], "search")


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: for reading; json: one object.")
def stats(db: str | None, fmt: str) -> None:
    """Count the stored articles, actors and facts.

    \b
    Example:
      parley stats --format json
    """
    with _store(db) as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts))
    else:
        _emit([{"table": k, "rows": v} for k, v in counts.items()], "table", ["table", "rows"], "store")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "graphml", "gexf"]), required=True,
              help="jsonl: stored analyses; csv: stance edges; graphml/gexf: the actor network.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: standard output).")
@db_option
def export(fmt: str, output: str | None, db: str | None) -> None:
    """Export the corpus or the actor network (stance edges weighted by evidence count).

    \b
    Examples:
      parley export --format graphml -o network.graphml
      parley export --format jsonl > corpus.jsonl
    """
    from parley.store.export_files import write_export

    try:
        stream = open(output, "wb") if output else sys.stdout.buffer
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror}")
    try:
        with _store(db) as store:
            write_export(store, fmt, stream)
    finally:
        if output:
            stream.close()
