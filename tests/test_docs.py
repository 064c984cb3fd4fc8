"""Docs that can't drift: every CLI command has help with an example and a README entry."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from parley.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"


def walk(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command under ``group`` with its full name, e.g. ("actors", "merge")."""
    out = []
    for name, command in sorted(group.commands.items()):
        out.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            out.extend(walk(command, (*prefix, name)))
    return out


COMMANDS = walk(cli)


def test_the_cli_has_the_documented_commands():
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"analyze", "kb", "kb show", "ingest", "actors", "actors merge", "actors split", "actor",
            "statements", "relations", "demands", "timeline", "search", "stats", "export"} <= names


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=lambda p: " ".join(p))
def test_help_has_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    # The example invokes this very command.
    assert re.search(r"parley " + re.escape(" ".join(path)) + r"\b", result.output), result.output


def test_top_level_help_has_an_example():
    result = CliRunner().invoke(cli, ["--help"], catch_exceptions=False)
    assert result.exit_code == 0 and "Example" in result.output


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS], ids=lambda p: " ".join(p))
def test_readme_names_the_command(path):
    readme = README.read_text(encoding="utf-8")
    assert re.search(r"parley " + re.escape(" ".join(path)) + r"\b", readme), (
        f"README.md has no `parley {' '.join(path)}` example")
