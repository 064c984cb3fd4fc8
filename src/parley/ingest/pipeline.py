"""`parley ingest`: sources -> analyses -> store, one transaction per article.

The main process reads sources and writes the database; analysis runs in-process or, with
``workers > 1``, in a process pool whose workers each load the spaCy pipeline once, or with
``engine="ray"`` on Ray Data actors (``parley.ingest.ray_engine``).
"""
from __future__ import annotations

import functools
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from rich.console import Console
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from parley.config import Settings
from parley.errors import InputError, ParleyError
from parley.ingest.sources import Unit, expand_sources
from parley.models import Analysis, content_hash

Item = tuple[str, str, dict]  # (where from, text, metadata for analyze_many)


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    skipped: int = 0
    reprocessed: int = 0
    failed: list[str] = field(default_factory=list)


class _Rate(ProgressColumn):
    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} art/s" if speed else "", style="progress.data.speed")


def _progress(console: Console | None) -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _Rate(),
                    TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                    console=console, transient=False,
                    disable=console is None or not console.is_terminal)


def ingest(sources: list[str], store, *, settings: Settings, workers: int = 1, published: str | None = None,
           reprocess: bool = False, console: Console | None = None, engine: str = "local",
           ray_address: str | None = None) -> IngestReport:
    """Analyse and store every article the sources name; bad sources are reported, not fatal.

    Args:
        sources: files, folders, glob patterns, JSONL files, http(s) pages or RSS/Atom feeds.
        store: an open ``parley.store.Store``.
        workers: analysis processes (1: analyse in this process); with ``engine="ray"``, the
            number of Ray actors.
        published: date for articles that carry none.
        reprocess: also re-analyse stored articles analysed by another pipeline version.
        console: where the progress bar goes (stderr); None for no bar.
        engine: ``local`` (this machine) or ``ray`` (Ray Data actors; see ``ray_engine``).
        ray_address: the Ray cluster for ``engine="ray"`` (``auto``, ``ray://host:10001``);
            None starts a local Ray instance.

    Raises:
        ParleyError: the engine is unknown or unavailable, or the model cannot load.
    """
    analyse = analyser(engine, ray_address)
    report = IngestReport()
    units: list[Unit] = []
    for unit in expand_sources(sources):
        if isinstance(unit, InputError):
            report.failed.append(str(unit))
        else:
            units.append(unit)
    with _progress(console) as bar:
        task = bar.add_task("ingesting", total=len(units))
        items = _new_items(units, store, published, report, lambda: bar.advance(task))
        for where, result in analyse(items, settings, workers):
            bar.advance(task)
            if isinstance(result, str):
                report.failed.append(f"{where}: analysis failed: {result}")
            elif store.add_analysis(result):
                report.ingested += 1
            else:
                report.skipped += 1
        if reprocess:
            _reprocess(store, settings, workers, report, bar, analyse)
    return report


AnalyseFn = Callable[[Iterable[Item], Settings, int], Iterator[tuple[str, "Analysis | str"]]]


def analyser(engine: str, ray_address: str | None = None) -> AnalyseFn:
    """The function that turns items into (where, Analysis or error message) for ``engine``.

    Raises:
        ParleyError: unknown engine, or ``ray`` without Ray installed.
    """
    if engine == "local":
        return analyse_local
    if engine == "ray":
        from parley.ingest import ray_engine

        ray_engine.require_ray()
        return functools.partial(ray_engine.analyse, address=ray_address)
    raise ParleyError(f"unknown ingest engine {engine!r}: use local or ray")


def _new_items(units: list[Unit], store, published: str | None, report: IngestReport, advance) -> Iterator[Item]:
    """Read each unit; already stored or repeated texts are counted as skipped, not analysed."""
    seen: set[str] = set()
    for unit in units:
        try:
            item = unit.load()
        except InputError as exc:
            report.failed.append(str(exc))
            advance()
            continue
        digest = content_hash(item.text)
        if digest in seen or store.has_article(digest):
            report.skipped += 1
            advance()
            continue
        seen.add(digest)
        yield unit.source, item.text, {"source": item.source, "title": item.title, "url": item.url,
                                       "published": item.published or published}


def _reprocess(store, settings: Settings, workers: int, report: IngestReport, bar: Progress,
               analyse: AnalyseFn) -> None:
    from parley.version import __version__
    from parley.analyzer import get_nlp
    from parley.nlp.pipeline import pipeline_name

    current = f"parley {__version__} + {pipeline_name(get_nlp(settings=settings))}"
    stale = list(store.stale_articles(current))
    task = bar.add_task("re-analysing", total=len(stale))
    items = ((row["id"], row["text"], {k: row[k] for k in ("source", "title", "url", "published")})
             for row in stale)
    for where, result in analyse(items, settings, workers):
        bar.advance(task)
        if isinstance(result, str):
            report.failed.append(f"{where}: re-analysis failed: {result}")
        else:
            store.replace_analysis(result)
            report.reprocessed += 1


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def analyse_local(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[tuple[str, Analysis | str]]:
    """(where, Analysis or error message) for each item, in-process or in a pool."""
    if workers <= 1:
        for batch in batches(items, settings.batch_size):
            yield from analyse_batch(batch, settings)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(settings,)) as pool:
        pending: set[Future] = set()
        for batch in batches(items, 4):
            pending.add(pool.submit(_worker_batch, batch))
            if len(pending) >= workers * 2:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    yield from fut.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield from fut.result()


def analyse_batch(batch: list[Item], settings: Settings, nlp=None) -> list[tuple[str, Analysis | str]]:
    """Analyse a batch together; if it fails, each item alone, so one bad text fails alone."""
    from parley.analyzer import analyze_many

    try:
        results = list(analyze_many([(text, meta) for _, text, meta in batch], nlp=nlp, settings=settings))
        return [(where, a) for (where, _, _), a in zip(batch, results)]
    except ParleyError:
        raise  # the model cannot load: no use going on
    except Exception:  # noqa: BLE001 - isolate the article that breaks the pipeline
        if len(batch) == 1:
            import traceback

            return [(batch[0][0], traceback.format_exc().strip().splitlines()[-1])]
    return [r for item in batch for r in analyse_batch([item], settings, nlp)]


_WORKER: dict = {}


def _init_worker(settings: Settings) -> None:
    from parley.analyzer import get_nlp

    _WORKER["settings"] = settings
    _WORKER["nlp"] = get_nlp(settings=settings)


def _worker_batch(batch: list[Item]) -> list[tuple[str, Analysis | str]]:
    return analyse_batch(batch, _WORKER["settings"], _WORKER["nlp"])
