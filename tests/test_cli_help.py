"""`--help` answers without loading spaCy, SQLAlchemy, FastAPI or the store."""
from __future__ import annotations

import json
import subprocess
import sys

import click

from parley.cli import cli

HEAVY = ("spacy", "sqlalchemy", "fastapi", "uvicorn", "parley.store", "parley.analyzer", "parley.api")

# Asks for every help text in one fresh interpreter, then lists the heavy modules it loaded.
PROBE = """
import json, sys
from parley.cli import cli
for args in json.loads(sys.argv[1]):
    try:
        cli(args, standalone_mode=False)
    except SystemExit:
        pass
heavy = tuple(json.loads(sys.argv[2]))
print(json.dumps(sorted(m for m in sys.modules if m in heavy or m.startswith(tuple(h + "." for h in heavy)))))
"""


def paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[list[str]]:
    """Every command under ``group`` by its full name, e.g. ["actors", "merge"]."""
    out = []
    for name, command in group.commands.items():
        out.append([*prefix, name])
        if isinstance(command, click.Group):
            out.extend(paths(command, (*prefix, name)))
    return out


def test_help_loads_no_heavy_module():
    helps = [["--help"]] + [[*path, "--help"] for path in paths(cli)]
    assert len(helps) > 15
    proc = subprocess.run([sys.executable, "-c", PROBE, json.dumps(helps), json.dumps(HEAVY)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_every_command_module_is_registered():
    """Each module of parley.cli adds its commands to the one group (nothing registers itself
    by being imported later)."""
    assert {"analyze", "kb", "ingest", "actors", "actor", "statements", "relations", "demands", "positions",
            "timeline", "search", "stats", "export", "serve"} == set(cli.commands)
    assert {"merge", "split"} == set(cli.commands["actors"].commands)
    assert {"show"} == set(cli.commands["kb"].commands)


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run([sys.executable, "-m", "parley.cli", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("parley, version ")
