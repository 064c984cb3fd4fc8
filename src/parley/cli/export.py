"""`parley export`: the stored corpus, or the actor network, as files for other programs."""
from __future__ import annotations

import sys

import click

from parley.cli.options import db_option, fail, format_option, open_db


@click.command()
@format_option(["jsonl", "csv", "graphml", "gexf"], default=None,
               help="jsonl: stored analyses; csv: stance edges; graphml/gexf: the actor network.")
@click.option("-o", "--output", default=None, type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: standard output).")
@click.option("--isolated", is_flag=True, help="graphml/gexf: also actors without any stance edge.")
@db_option
def export(fmt: str, output: str | None, db: str | None, isolated: bool) -> None:
    """Export the corpus or the actor network.

    The network has one directed edge per source, stance, target, negation, modality and
    claimant (claimed_by), weighted by its number of relations, with the first and last dates.

    \b
    Examples:
      parley export --format graphml -o network.graphml
      parley export --format gexf --isolated -o network.gexf
      parley export --format jsonl > corpus.jsonl
    """
    from parley.store.export_files import write_export

    try:
        stream = open(output, "wb") if output else sys.stdout.buffer
    except OSError as exc:
        fail(f"{output}: cannot write: {exc.strerror}")
    try:
        with open_db(db) as store:
            write_export(store, fmt, stream, isolated=isolated)
    finally:
        if output:
            stream.close()
