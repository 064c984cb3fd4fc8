"""`parley ingest --engine ray`: analysis on Ray Data actors, storage in this process.

This process (the driver) enumerates and reads the sources and skips texts already stored in
``parley.ingest.pipeline.analyse_units``, exactly as the local ingest does. The records go to Ray Data, whose
``map_batches`` runs them through a pool of actors that each load the spaCy pipeline once; the
analyses come back in input order and the driver writes each in its own transaction, with the
same content-hash idempotence as the local ingest. Only the driver touches files and the
database, so the cluster's nodes need Parley and the model installed, and nothing else.

Records are sent in windows of ``WINDOW``, so the driver never holds a whole corpus; each
window is one Ray dataset (its actors load the model once per window).
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import pickle
from contextlib import contextmanager
from typing import Iterable, Iterator

from parley.config import Settings
from parley.errors import ParleyError
from parley.models import Analysis

WINDOW = 10_000  # records per Ray dataset


class RayEngineError(ParleyError):
    """Ray is missing, the cluster cannot be reached, or an analysis actor failed."""


def require_ray() -> None:
    """Raises RayEngineError unless Ray Data can be imported."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise RayEngineError("--engine ray needs Ray Data: pip install 'parley-news[ray]'") from None


class Analyser:
    """A Ray actor: loads the pipeline once, then analyses batches of records."""

    def __init__(self, settings: Settings):
        from parley.analyzer import get_nlp

        self.settings = settings
        self.nlp = get_nlp(settings=settings)

    def __call__(self, batch: dict) -> dict:
        from parley.ingest.pipeline import analyse_batch

        items = [(str(w), str(t), json.loads(m)) for w, t, m in zip(batch["key"], batch["text"], batch["meta"])]
        results = analyse_batch(items, self.settings, self.nlp)
        return {"key": [w for w, _ in results],
                "analysis": [b"" if isinstance(r, str) else pickle.dumps(r) for _, r in results],
                "error": [r if isinstance(r, str) else "" for _, r in results]}


def analyse(items: Iterable[tuple[str, str, dict]], settings: Settings, workers: int, *,
            address: str | None = None, window: int = WINDOW) -> Iterator[tuple[str, Analysis | str]]:
    """(key, Analysis or error message) for each (key, text, metadata) item, in order.

    Args:
        items: what ``analyse_units`` would analyse locally.
        settings: the model, knowledge base and batch size the actors use.
        workers: the number of analysis actors (one CPU each; at most the cluster's CPUs).
        address: the Ray cluster (``auto``, ``ray://head:10001``); None: the Ray instance this
            process already uses, or a new local one.
        window: records per Ray dataset.

    Raises:
        RayEngineError: Ray is missing or unreachable, or an actor failed (e.g. no model).
    """
    from parley.ingest.pipeline import batches

    require_ray()
    chunks = batches(items, window)
    first = next(chunks, None)
    if first is None:
        return  # nothing new to analyse: no need to start Ray
    with _ray(address) as ray:
        for chunk in itertools.chain([first], chunks):
            yield from _run(ray, chunk, settings, workers)


@contextmanager
def _ray(address: str | None):
    """Ray, connected (and shut down after, if this call started it), with ordered output and
    without Ray Data's own progress bars (the ingest has its own)."""
    import ray

    started = not ray.is_initialized()
    if started:
        # A new single-machine instance listens on loopback only (Ray's default is the host IP).
        local = {"_node_ip_address": "127.0.0.1"} if address is None and not os.environ.get("RAY_ADDRESS") else {}
        try:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False, **local)
        except Exception as exc:  # noqa: BLE001 - ConnectionError, RuntimeError, ValueError...
            raise RayEngineError(f"cannot start or reach Ray at {address or 'a new local instance'}: "
                                 f"{str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    ctx = ray.data.DataContext.get_current()
    data_log = logging.getLogger("ray.data")
    saved = ctx.execution_options.preserve_order, ctx.enable_progress_bars, data_log.level
    ctx.execution_options.preserve_order = True  # same order as the local ingest: same store
    ctx.enable_progress_bars = False
    data_log.setLevel(max(data_log.getEffectiveLevel(), logging.WARNING))
    try:
        yield ray
    finally:
        ctx.execution_options.preserve_order, ctx.enable_progress_bars, level = saved
        data_log.setLevel(level)
        if started:
            ray.shutdown()


def _run(ray, chunk: list[tuple[str, str, dict]], settings: Settings,
         workers: int) -> Iterator[tuple[str, Analysis | str]]:
    records = [{"key": w, "text": t, "meta": json.dumps(m)} for w, t, m in chunk]
    # One CPU per actor; more actors than the cluster has CPUs would wait forever.
    size = max(1, min(workers, int(ray.cluster_resources().get("CPU", 1))))
    ds = ray.data.from_items(records).map_batches(
        Analyser, fn_constructor_kwargs={"settings": settings}, batch_size=settings.batch_size,
        batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=size), num_cpus=1)
    try:
        for batch in ds.iter_batches(batch_size=settings.batch_size, batch_format="numpy"):
            for key, blob, error in zip(batch["key"], batch["analysis"], batch["error"]):
                yield str(key), (str(error) if error else pickle.loads(blob))
    except ray.exceptions.RayError as exc:
        raise RayEngineError(f"Ray analysis failed: {_reason(exc)}") from None


def _reason(exc: Exception) -> str:
    """The last line of the innermost error Ray wraps (e.g. the ModelError of an actor)."""
    cause = getattr(exc, "cause", None) or exc
    lines = [ln.strip() for ln in str(cause).splitlines() if ln.strip()]
    return lines[-1] if lines else type(exc).__name__
