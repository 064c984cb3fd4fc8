"""`parley kb`: how the actor knowledge base reads a name."""
from __future__ import annotations

import click

from parley.cli.options import date_option, fail, kb_option
from parley.config import Settings
from parley.errors import ParleyError


@click.group("kb")
def kb_group() -> None:
    """Inspect the actor knowledge base.

    \b
    Example:
      parley kb show Moscow
    """


@kb_group.command("show")
@click.argument("name")
@kb_option
@date_option(help="Resolve as of this date (YYYY-MM-DD).")
def show(name: str, kb: str | None, date: str | None) -> None:
    """Show how NAME resolves to an actor, and why.

    \b
    Examples:
      parley kb show Jafra
      parley kb show "Government of Concord"
      parley kb show Tripoli --date 2020-06-18
    """
    from parley.service import explain_name

    try:
        lines = explain_name(name, kb=Settings.load(kb=kb).kb, date=date)
    except ParleyError as exc:
        fail(str(exc))
    for line in lines:
        click.echo(line)
