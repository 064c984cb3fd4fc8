"""`parley actors merge` and `parley actors split`: corrections the store records and replays."""
from __future__ import annotations

import click

from parley.cli.options import db_option, open_db


@click.command("merge")
@click.argument("keep")
@click.argument("drop")
@db_option
def merge(keep: str, drop: str, db: str | None) -> None:
    """Merge actor DROP into KEEP; later ingests map DROP to KEEP too.

    \b
    Example:
      parley actors merge gna "Al-Wefaq government"
    """
    with open_db(db) as store:
        kept, dropped = store.merge(keep, drop)
    click.echo(f"merged {dropped} into {kept}")


@click.command("split")
@click.argument("alias")
@click.option("--from", "source", required=True, help="The actor that wrongly holds ALIAS.")
@db_option
def split(alias: str, source: str, db: str | None) -> None:
    """Move ALIAS's mentions off an actor onto a new one; later ingests do the same.

    \b
    Example:
      parley actors split "Haftar" --from lna
    """
    with open_db(db) as store:
        new_id = store.split(alias, source)
    click.echo(f"split {alias!r} off into new actor {new_id}")
