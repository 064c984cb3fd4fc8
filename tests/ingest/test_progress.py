"""Progress of a long run: a live bar on a terminal, plain lines elsewhere, failures counted.

The analysis is a stand-in (as in test_pipeline), so no model is needed."""
from __future__ import annotations

import io
import re

from rich.console import Console

from parley.config import Settings
from parley.errors import InputError
from parley.ingest.files import InputText
from parley.ingest.pipeline import analyse_units
from parley.ingest.progress import progress
from parley.ingest.sources import Unit


def _units(n: int, broken: int) -> list[Unit]:
    def load(k: int) -> InputText:
        if k < broken:
            raise InputError(f"doc{k}.txt: no such file or folder")
        return InputText(text=f"Article number {k}.", source=f"doc{k}.txt")
    return [Unit(f"doc{k}.txt", lambda k=k: load(k)) for k in range(n)]


def _fake_analyse(items, settings, workers):
    for key, text, _ in items:
        yield key, "parse failed" if "number 3" in text else ("analysed", text)


def _console(terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=140, color_system=None), out


def test_terminal_shows_a_bar_with_counts_rate_and_failures():
    console, out = _console(terminal=True)
    results = list(analyse_units(_units(6, broken=1), settings=Settings(), analyse=_fake_analyse,
                                 console=console, label="ingesting"))
    assert sum(r.error is not None for r in results) == 2 and len(results) == 6
    shown = out.getvalue()
    assert "\x1b[" in shown  # drawn in place with terminal controls
    last = [line for line in shown.splitlines() if "ingesting" in line][-1]  # the final drawing
    assert "ingesting" in last and "6/6" in last and "2 failed" in last and "eta" in last


def test_elsewhere_plain_lines_now_and_then_and_at_the_end():
    console, out = _console(terminal=False)
    ticks = iter(range(0, 1000, 4))  # every article takes 4 s
    with progress(console, "ingesting", 10, every=10, clock=lambda: next(ticks)) as advance:
        for k in range(10):
            advance(k == 7)
    lines = out.getvalue().splitlines()
    assert "\x1b[" not in out.getvalue()
    assert 3 <= len(lines) <= 5  # every ~10 s of 40, and the last
    assert re.fullmatch(r"ingesting: \d/10 articles, 0\.\d art/s, 0:00:\d\d elapsed, eta 0:00:\d\d, 0 failed",
                        lines[0]), lines[0]
    assert lines[-1].startswith("ingesting: 10/10 articles,") and lines[-1].endswith("1 failed")
    assert "eta" not in lines[-1]


def test_nothing_for_one_article_or_without_a_console():
    console, out = _console(terminal=False)
    with progress(console, "ingesting", 1) as advance:
        advance(False)
    with progress(None, "ingesting", 5) as advance:
        advance(True)
    assert out.getvalue() == ""
