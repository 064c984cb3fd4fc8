"""Progress of a long run on stderr: a live bar on a terminal (articles done, rate, time left,
failures), plain lines now and then elsewhere (a log file, CI), so a run is never silent."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

EVERY = 10.0  # seconds between two plain lines

Advance = Callable[[bool], None]  # called once per article done: advance(failed)


@contextmanager
def progress(console: Console | None, label: str, total: int, *, every: float = EVERY,
             clock: Callable[[], float] = time.monotonic) -> Iterator[Advance]:
    """Show the progress of ``total`` articles on ``console`` while the block runs.

    Args:
        console: where to show it (stderr); None, or a single article, shows nothing.
        label: what is being done ("ingesting").
        total: the number of articles.
        every: on a console that is not a terminal, the seconds between two lines (a last
            line comes at the end).
        clock: the time in seconds (for tests).

    Returns:
        The function to call once per article done, with whether it failed.
    """
    if console is None or total < 2:
        yield lambda failed=False: None
    elif console.is_terminal:
        with _bar(console, label, total) as advance:
            yield advance
    else:
        lines = _Lines(console, label, total, every, clock)
        yield lines.advance
        lines.finish()


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "", style="progress.data.speed")


class _Failed(ProgressColumn):
    def render(self, task) -> Text:
        failed = task.fields.get("failed", 0)
        return Text(f"{failed} failed", style="red" if failed else "progress.elapsed")


@contextmanager
def _bar(console: Console, label: str, total: int) -> Iterator[Advance]:
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                  TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(), _Failed(),
                  console=console) as bar:
        task = bar.add_task(label, total=total, failed=0)
        failures = [0]

        def advance(failed: bool = False) -> None:
            failures[0] += failed
            bar.update(task, advance=1, failed=failures[0])

        yield advance


class _Lines:
    """One plain line at most every ``every`` seconds, and one at the end."""

    def __init__(self, console: Console, label: str, total: int, every: float, clock: Callable[[], float]):
        self.console, self.label, self.total, self.every, self.clock = console, label, total, every, clock
        self.done = self.failed = 0
        self.start = self.last = clock()

    def advance(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self.clock() - self.last >= self.every and self.done < self.total:
            self._line()

    def finish(self) -> None:
        if self.done:
            self._line()

    def _line(self) -> None:
        now = self.clock()
        self.last = now
        spent = now - self.start
        rate = self.done / spent if spent > 0 else 0.0
        left = f", eta {_clock((self.total - self.done) / rate)}" if rate and self.done < self.total else ""
        self.console.print(f"{self.label}: {self.done}/{self.total} articles, {rate:.1f} art/s, "
                           f"{_clock(spent)} elapsed{left}, {self.failed} failed",
                           markup=False, highlight=False, soft_wrap=True)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
