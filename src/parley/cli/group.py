"""The ``parley`` command group; ``parley.cli`` adds the commands of each module to it."""
from __future__ import annotations

import click

from parley.version import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parley")
def cli() -> None:
    """Parley: who said what, who backs whom, and who demands what, from conflict news.

    \b
    Example:
      parley analyze article.txt
      parley analyze article.html --format json > analysis.json
    """
