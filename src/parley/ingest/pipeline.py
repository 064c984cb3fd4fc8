"""Sources -> analyses (-> store): the one loop behind `parley analyze` and `parley ingest`.

:func:`analyse_units` reads each unit, parses the texts in batches, isolates an article that
breaks a batch and reports progress. Analysis runs in-process or, with ``workers > 1``,
in a process pool whose workers each load the spaCy pipeline once, or with ``engine="ray"`` on
Ray Data actors (``parley.ingest.ray_engine``). :func:`ingest` stores what the loop yields, one
transaction per article; the main process alone reads sources and writes the database.
"""
from __future__ import annotations

import functools
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Callable, Iterable, Iterator

from rich.console import Console

from parley.config import Settings
from parley.errors import InputError, ParleyError
from parley.ingest.files import InputText
from parley.ingest.fetch import FetchOptions
from parley.ingest.progress import Advance, progress
from parley.ingest.sources import Unit, expand_sources
from parley.models import Analysis, content_hash

Item = tuple[str, str, dict]  # (key, text, metadata for analyze_many); results come back by key
AnalyseFn = Callable[[Iterable[Item], Settings, int], Iterator[tuple[str, "Analysis | str"]]]


@dataclass(frozen=True)
class Result:
    """What became of one article, or of a source that named none: its analysis, or why not."""

    analysis: Analysis | None = None
    error: str | None = None       # one line naming the source: unreadable, or the analysis failed
    duplicate: bool = False        # its text is stored already, or came earlier in this run
    notes: tuple[str, ...] = ()    # what reading it noticed, e.g. that it was not UTF-8
    source: str | None = None      # the unit an analysis is of, e.g. ``file.jsonl:3``


@dataclass
class IngestReport:
    """What one ingest run did."""

    ingested: int = 0
    skipped: int = 0
    reprocessed: int = 0
    failed: list[str] = field(default_factory=list)


def analyse_units(units: Iterable[Unit | InputError], *, settings: Settings, analyse: AnalyseFn | None = None,
                  workers: int = 1, published: str | None = None, known: Callable[[str], bool] | None = None,
                  console: Console | None = None, label: str = "analysing") -> Iterator[Result]:
    """One Result per unit (and per source that failed to expand); a bad one never stops the run.

    Args:
        units: what ``expand_sources`` yields.
        settings: the model, knowledge base and batch size.
        analyse: the engine (see :func:`analyser`); default: this machine.
        workers: analysis processes or Ray actors.
        published: date for articles that carry none.
        known: with a content hash, whether that text is stored already; given, texts stored or
            repeated in this run come back as duplicates instead of being analysed.
        console: where progress goes (stderr): a bar on a terminal, else a line every few
            seconds (``parley.ingest.progress``); None for none.
        label: the bar's description.

    Raises:
        ParleyError: the model cannot load, or the engine fails as a whole.
    """
    units = list(units)
    side: deque[Result] = deque()  # read failures and duplicates, yielded with the next analysis
    pending: dict[str, tuple[str, tuple[str, ...]]] = {}  # key -> (source, notes)

    def items() -> Iterator[Item]:
        seen: set[str] = set()
        for key, unit in enumerate(units):
            item = _read(unit, side)
            if item is None:
                continue
            if known is not None:
                digest = content_hash(item.text)
                if digest in seen or known(digest):
                    side.append(Result(duplicate=True))
                    continue
                seen.add(digest)
            pending[str(key)] = unit.source, tuple(item.notes)
            yield str(key), item.text, {"source": item.source, "title": item.title, "url": item.url,
                                        "published": item.published or published}

    with progress(console, label, len(units)) as advance:
        for key, outcome in (analyse or analyse_local)(items(), settings, workers):
            yield from _drain(side, advance)
            source, notes = pending.pop(key)
            advance(isinstance(outcome, str))
            if isinstance(outcome, str):
                yield Result(error=f"{source}: analysis failed: {outcome}", notes=notes)
            else:
                yield Result(analysis=outcome, notes=notes, source=source)
        yield from _drain(side, advance)


def _read(unit: Unit | InputError, side: deque[Result]) -> InputText | None:
    """The unit's text; None, with a Result on ``side``, when there is none to analyse."""
    if isinstance(unit, InputError):  # the source named no article
        side.append(Result(error=str(unit)))
        return None
    try:
        return unit.load()
    except InputError as exc:
        side.append(Result(error=str(exc)))
    except Exception as exc:  # noqa: BLE001 - a reader's failure costs this unit, not the run
        side.append(Result(error=f"{unit.source}: cannot read: {_failure(exc)}"))
    return None


def _failure(exc: BaseException) -> str:
    """``exc`` as one line: the first line of its message, after its class unless it is Parley's."""
    message = (str(exc).strip().splitlines() or [""])[0]
    if isinstance(exc, ParleyError):
        return message
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__


def _drain(side: deque[Result], advance: Advance) -> Iterator[Result]:
    while side:
        advance(side[0].error is not None)
        yield side.popleft()


def ingest(sources: list[str], store, *, settings: Settings, workers: int = 1, published: str | None = None,
           reprocess: bool = False, console: Console | None = None, engine: str = "local",
           ray_address: str | None = None, fetch_options: FetchOptions = FetchOptions()) -> IngestReport:
    """Analyse and store every article the sources name; bad sources are reported, not fatal.

    Args:
        sources: files, folders, glob patterns, JSONL files, http(s) pages or RSS/Atom feeds.
        store: an open ``parley.store.Store``.
        settings: the model, knowledge base and batch size.
        workers: analysis processes (1: analyse in this process); with ``engine="ray"``, the
            number of Ray actors.
        published: date for articles that carry none.
        reprocess: also re-analyse stored articles analysed by another pipeline version.
        console: where progress goes (stderr); None for none.
        engine: ``local`` (this machine) or ``ray`` (Ray Data actors; see ``ray_engine``).
        ray_address: the Ray cluster for ``engine="ray"`` (``auto``, ``ray://host:10001``);
            None starts a local Ray instance.
        fetch_options: which addresses URLs and feed links may reach, and the limits of a fetch.

    Returns:
        The counts of articles stored, skipped and re-analysed, and a line per failure.

    Raises:
        ParleyError: the engine is unknown or unavailable, or the model cannot load.
    """
    analyse = analyser(engine, ray_address)
    report = IngestReport()
    units = expand_sources(sources, fetch_options=fetch_options)
    for result in analyse_units(units, settings=settings, analyse=analyse, workers=workers,
                                published=published, known=store.has_article, console=console,
                                label="ingesting"):
        if result.error:
            report.failed.append(result.error)
        elif result.duplicate:
            report.skipped += 1
        else:
            _store(store, result, report)
    if reprocess:
        _reprocess(store, settings, analyse, workers, console, report)
    return report


def _store(store, result: Result, report: IngestReport) -> None:
    """Store one analysis and count it as ingested, a duplicate, or failed."""
    try:
        stored = store.add_analysis(result.analysis)
    except Exception as exc:  # noqa: BLE001 - the store rolled this article back; the run goes on
        report.failed.append(_store_failure(result, exc))
        return
    if stored:
        report.ingested += 1
    else:
        report.skipped += 1


def _store_failure(result: Result, exc: Exception) -> str:
    return f"{result.source or result.analysis.article.id}: cannot store: {_failure(exc)}"


def _reprocess(store, settings: Settings, analyse: AnalyseFn, workers: int, console: Console | None,
               report: IngestReport) -> None:
    """Re-analyse the stored articles of another pipeline version, replacing their facts."""
    from parley.analyzer import get_nlp
    from parley.nlp.pipeline import pipeline_name
    from parley.version import __version__

    current = f"parley {__version__} + {pipeline_name(get_nlp(settings=settings))}"
    units = [Unit(row["id"], functools.partial(_stored, row)) for row in store.stale_articles(current)]
    for result in analyse_units(units, settings=settings, analyse=analyse, workers=workers, console=console,
                                label="re-analysing"):
        if result.error:
            report.failed.append(result.error)
            continue
        try:
            store.replace_analysis(result.analysis)
        except Exception as exc:  # noqa: BLE001 - as in _store
            report.failed.append(_store_failure(result, exc))
            continue
        report.reprocessed += 1


def _stored(row: dict) -> InputText:
    return InputText(text=row["text"], source=row["source"], title=row["title"], url=row["url"],
                     published=row["published"])


def analyser(engine: str, ray_address: str | None = None) -> AnalyseFn:
    """The function that turns items into (key, Analysis or error message) for ``engine``.

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


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def analyse_local(items: Iterable[Item], settings: Settings, workers: int) -> Iterator[tuple[str, Analysis | str]]:
    """(key, Analysis or error message) for each item, in-process or in a pool."""
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
    """Analyse a batch together; if it fails, each item alone, so one bad text fails alone.

    Raises:
        ParleyError: the model cannot load (no use going on).
    """
    from parley.analyzer import analyze_many

    try:
        results = list(analyze_many([(text, meta) for _, text, meta in batch], nlp=nlp, settings=settings))
        return [(key, a) for (key, _, _), a in zip(batch, results)]
    except ParleyError:
        raise
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
