"""`parley analyze`: articles in, analyses out; nothing is stored."""
from __future__ import annotations

import sys
from typing import Iterable

import click

from parley.cli.options import (attribution_option, date_option, emit_analysis, fail, format_option, kb_option,
                                model_option, private_hosts_option, say, stderr)
from parley.config import Settings
from parley.errors import ParleyError


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@format_option(["text", "json", "jsonl"], default="text",
               help="text: a report; json: one contract object; jsonl: one a line.")
@model_option
@kb_option
@attribution_option
@date_option()
@private_hosts_option
def analyze(sources: tuple[str, ...], fmt: str, model: str | None, kb: str | None, attribution: str | None,
            date: str | None, allow_private_hosts: bool) -> None:
    """Analyse articles: files, folders, globs, .jsonl, URLs, RSS/Atom feeds, or - for standard input.

    \b
    Examples:
      parley analyze examples/libya-ceasefire-conditions.txt
      parley analyze news/ --format jsonl > analyses.jsonl
      parley analyze 'archive/**/*.html' articles.jsonl --format jsonl
      curl -s URL | parley analyze - --format json
    """
    from parley.ingest.fetch import FetchOptions
    from parley.service import SeveralArticles, analyze_sources

    settings = Settings.load(model=model, kb=kb, attribution=attribution)
    console = stderr() if stderr().is_terminal else None  # off a terminal, stderr holds only the skips
    try:
        results = analyze_sources(list(sources), settings=settings, published=date, console=console,
                                  single=fmt == "json",
                                  fetch_options=FetchOptions(allow_private_hosts=allow_private_hosts))
        failed = _emit(results, fmt)
    except SeveralArticles as exc:
        fail(f"--format json takes exactly one input ({exc}); use --format jsonl for several")
    except ParleyError as exc:
        fail(str(exc))
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(1)
    if failed:
        sys.exit(1)


def _emit(results: Iterable, fmt: str) -> bool:
    """Print each analysis, and a line per note or skipped input; whether any was skipped."""
    failed = False
    for result in results:
        for note in result.notes:
            say("note", note)
        if result.error:
            say("skipped", result.error, style="red")
            failed = True
        else:
            emit_analysis(result.analysis, fmt)
    return failed
