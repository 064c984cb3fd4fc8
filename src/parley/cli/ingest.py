"""`parley ingest`: analyse articles and store them."""
from __future__ import annotations

import sys

import click

from parley.cli.options import (date_option, db_option, fail, kb_option, model_option, open_db,
                                private_hosts_option, say, stderr)
from parley.config import Settings


@click.command()
@click.argument("sources", nargs=-1, metavar="[SOURCE]...")
@db_option
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 1024),
              help="Analysis processes (local) or Ray actors (ray); each loads the model once.")
@date_option()
@click.option("--reprocess", is_flag=True, help="Also re-analyse stored articles from an older pipeline.")
@model_option
@kb_option
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="Where analysis runs: this machine, or Ray Data actors (pip install 'parley-news[ray]').")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="Ray cluster for --engine ray: auto, or ray://HEAD:10001 [default: a local Ray instance].")
@private_hosts_option
def ingest(sources: tuple[str, ...], db: str | None, workers: int, date: str | None, reprocess: bool,
           model: str | None, kb: str | None, engine: str, ray_address: str | None,
           allow_private_hosts: bool) -> None:
    """Analyse articles and store them: files, folders, globs, .jsonl, URLs, RSS/Atom feeds.

    Articles already stored (same text) are skipped, so re-running is safe.

    \b
    Examples:
      parley ingest news/ --db sqlite:///libya.db
      parley ingest 'archive/**/*.html' articles.jsonl --workers 4
      parley ingest https://example.org/feed.xml --date 2020-06-18
      parley ingest news/ --kb my-actors.yaml
      parley ingest --reprocess
      parley ingest corpus.jsonl --engine ray --ray-address ray://head:10001 --workers 32
    """
    from parley.ingest.fetch import FetchOptions
    from parley.ingest.pipeline import ingest as run_ingest

    if not sources and not reprocess:
        fail("name at least one source (file, folder, glob, .jsonl, URL or feed), or use --reprocess")
    if ray_address and engine != "ray":
        fail("--ray-address needs --engine ray")
    settings = Settings.load(db=db, model=model, kb=kb)
    with open_db(settings.db) as store:
        report = run_ingest(list(sources), store, settings=settings, workers=workers, published=date,
                            reprocess=reprocess, console=stderr(), engine=engine, ray_address=ray_address,
                            fetch_options=FetchOptions(allow_private_hosts=allow_private_hosts))
    for reason in report.failed:
        say("failed", reason, style="red")
    summary = f"ingested {report.ingested}, skipped {report.skipped} as duplicates, failed {len(report.failed)}"
    if reprocess:
        summary += f", re-analysed {report.reprocessed}"
    click.echo(summary, err=True)
    if report.failed:
        sys.exit(1)
