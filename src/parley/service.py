"""Orchestration shared by the CLI and the API: inputs -> analyses (-> store)."""
from __future__ import annotations

from typing import Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from parley.analyzer import analyze_many
from parley.config import Settings
from parley.errors import InputError, ParleyError
from parley.ingest.files import InputText, expand, read_path
from parley.models import Analysis


def analyze_inputs(paths: list[str], *, settings: Settings, published: str | None = None,
                   progress: Console | None = None) -> Iterator[InputError | tuple[list[str], Analysis]]:
    """Analyse every input; a bad input yields its InputError and the run goes on.

    Inputs are read lazily and parsed in batches of ``settings.batch_size``; with more than
    one input and a ``progress`` console, a progress bar shows rate and time left.
    """
    files = list(expand(paths))
    bar = None
    if progress is not None and len(files) > 1 and progress.is_terminal:
        bar = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=progress, transient=True)
    task = bar.add_task("analyse", total=len(files)) if bar else None
    batch: list[InputText] = []

    def meta(b: InputText) -> dict:
        return {"source": b.source, "published": b.published or published, "title": b.title, "url": b.url}

    def flush() -> Iterator[InputError | tuple[list[str], Analysis]]:
        done = 0
        try:
            for item, analysis in zip(batch, analyze_many([(b.text, meta(b)) for b in batch], settings=settings)):
                done += 1
                if bar:
                    bar.advance(task)
                yield item.notes, analysis
        except ParleyError:
            raise
        except Exception:   # one article broke the batch: redo the rest one by one, isolating it
            for item in batch[done:]:
                if bar:
                    bar.advance(task)
                try:
                    yield item.notes, next(analyze_many([(item.text, meta(item))], settings=settings))
                except ParleyError:
                    raise
                except Exception as exc:  # noqa: BLE001 - reported as one line, the run goes on
                    yield InputError(f"{item.source}: analysis failed ({type(exc).__name__}: {exc})")
        batch.clear()

    if bar:
        bar.start()
    try:
        for path in files:
            try:
                item = read_path(path)
            except InputError as exc:
                if bar:
                    bar.advance(task)
                yield exc
                continue
            batch.append(item)
            if len(batch) >= settings.batch_size:
                yield from flush()
        if batch:
            yield from flush()
    finally:
        if bar:
            bar.stop()


def explain_name(name: str, *, kb: str | None = None, date: str | None = None) -> list[str]:
    """Lines saying how a name resolves: knowledge-base rules, then the gazetteer."""
    from parley.knowledge.gazetteer import load_gazetteer
    from parley.knowledge.kb import load_kb

    base = load_kb(kb)
    lines = base.explain(name, day=date)
    for place in load_gazetteer().candidates(name)[:3]:
        how = "exact name" if place in load_gazetteer().exact.get(_fold(name), []) else "transliteration key"
        lines.append(f"{name!r} -> place {place.name} ({place.kind}, {place.country}, "
                     f"{place.lat}, {place.lon}; geonames {place.geonames_id}) by {how}")
    if not lines:
        lines.append(f"{name!r}: no knowledge-base actor or gazetteer place; in a text it would be "
                     f"kept as a new actor or place named by its own words")
    return lines


def _fold(name: str) -> str:
    from parley.knowledge.gazetteer import fold

    return fold(name)
