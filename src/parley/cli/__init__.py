"""The ``parley`` command line: one module per command group, each command a thin layer over the
library.

Importing it loads click and the command modules only; a command imports what it needs (spaCy,
SQLAlchemy, FastAPI, the store) when it runs, so ``--help`` answers at once.
"""
from __future__ import annotations

from parley.cli import analyze, correct, export, ingest, kb, positions, query, serve
from parley.cli.group import cli

COMMANDS = (analyze.analyze, kb.kb_group, ingest.ingest, query.actors, query.actor, query.statements,
            query.relations, query.demands, positions.positions, query.timeline, query.search, query.stats, export.export, serve.serve)
for command in COMMANDS:
    cli.add_command(command)
for command in (correct.merge, correct.split):
    query.actors.add_command(command)
del command

__all__ = ["cli"]
