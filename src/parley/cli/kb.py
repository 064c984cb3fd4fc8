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
@click.option("--within", metavar="PLACE", help='A region or country the text puts the place in, as in "Austin, Texas".')
def show(name: str, kb: str | None, date: str | None, within: str | None) -> None:
    """Show how NAME resolves to an actor or a place, and why.

    Gazetteer candidates are listed best first, with their score and its reasons (population,
    feature class, the region or country given with --within).

    \b
    Examples:
      parley kb show Jafra
      parley kb show "Government of Concord"
      parley kb show Tripoli --date 2020-06-18
      parley kb show Gainesville --within Texas
    """
    from parley.service import explain_name

    try:
        lines = explain_name(name, kb=Settings.load(kb=kb).kb, date=date, within=within)
    except ParleyError as exc:
        fail(str(exc))
    for line in lines:
        click.echo(line)
