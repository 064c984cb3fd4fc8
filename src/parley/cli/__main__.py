"""``python -m parley.cli``: the same as the ``parley`` command."""
from parley.cli import cli

cli(prog_name="parley")
