"""Analysis for the API in worker processes, under a time budget per request.

A spaCy pipeline is not meant to be shared by threads, and a thread cannot be stopped, so each
analysis runs in a worker process of its own that loads the pipeline once (on the first request
it serves, so that the server starts fast). A request waits for an idle worker; when its budget
runs out the worker is killed and replaced, so a slow text costs at most the budget and the
other workers keep answering meanwhile.
"""
from __future__ import annotations

import multiprocessing
import queue
import time
from multiprocessing.connection import Connection

from parley.config import Settings
from parley.errors import ParleyError
from parley.models import Analysis

LOAD_TIMEOUT = 300.0   # seconds a new worker may take to load its pipeline and knowledge (not budgeted)


class AnalysisTimeout(ParleyError):
    """An analysis did not finish within the request's time budget."""


class _WorkerLost(ParleyError):
    """A worker process died or answered nothing usable."""


class AnalysisPool:
    """A few worker processes that analyse texts, each request within ``budget`` seconds.

    Args:
        settings: the model and knowledge base the workers load.
        workers: worker processes at most (started when first needed).
        budget: seconds a request may wait for a worker and be analysed, not counting a new
            worker's loading of its pipeline.
    """

    def __init__(self, settings: Settings, *, workers: int = 1, budget: float = 30.0):
        self.settings = settings
        self.budget = budget
        self._context = multiprocessing.get_context("spawn")   # no fork of a threaded server
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()   # a started worker first
        for _ in range(max(1, workers)):
            self._idle.put(None)

    def analyze(self, text: str, **options) -> Analysis:
        """Analyse one text in a worker (blocking; call it from a thread).

        Args:
            text: the article text.
            options: ``source``, ``published``, ``title`` as for :func:`parley.analyze`.

        Returns:
            The Analysis.

        Raises:
            AnalysisTimeout: no worker was free, or the analysis did not finish, in time.
            ParleyError: the worker could not load the pipeline (and what analysis raises).
        """
        deadline = time.monotonic() + self.budget
        try:
            worker = self._idle.get(timeout=self.budget)
        except queue.Empty:
            raise AnalysisTimeout(f"every analysis worker stayed busy for the time budget of "
                                  f"{self.budget:g} s; try again later") from None
        try:
            if worker is None or not worker.alive():
                worker = _Worker(self._context, self.settings)
            if not worker.ready:
                deadline += worker.wait_ready()
            return worker.run(text, options, deadline, self.budget)
        except (AnalysisTimeout, _WorkerLost):
            worker.stop()
            worker = _Worker(self._context, self.settings)   # loads while no request waits
            raise
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop the idle workers; a later request starts a new one."""
        taken = []
        while True:
            try:
                taken.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in taken:
            if worker is not None:
                worker.stop()
            self._idle.put(None)


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context, settings: Settings):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings), daemon=True,
                                       name="parley-analysis")
        self.process.start()
        child.close()
        self.ready = False

    def alive(self) -> bool:
        return self.process.is_alive()

    def wait_ready(self) -> float:
        """Wait until the worker has loaded its pipeline; returns the seconds it took."""
        started = time.monotonic()
        self._receive(LOAD_TIMEOUT, "loading the pipeline")
        self.ready = True
        return time.monotonic() - started

    def run(self, text: str, options: dict, deadline: float, budget: float) -> Analysis:
        """Send one text, then wait for its Analysis until ``deadline`` (time.monotonic)."""
        try:
            self.conn.send((text, options))
        except OSError as exc:
            raise _WorkerLost(f"the analysis worker is gone ({exc})") from None
        if not self.conn.poll(max(0.0, deadline - time.monotonic())):
            raise AnalysisTimeout(f"the analysis took longer than the time budget of {budget:g} s; "
                                  "send a shorter text or analyse it with `parley analyze`")
        return self._receive(0, "analysing")

    def _receive(self, timeout: float, doing: str):
        if timeout and not self.conn.poll(timeout):
            raise _WorkerLost(f"the analysis worker did not finish {doing} in {timeout:g} s")
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            raise _WorkerLost(f"the analysis worker died while {doing}") from None
        if status == "error":
            raise value
        return value

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


def _serve(conn: Connection, settings: Settings) -> None:
    """The worker's loop: load the pipeline, then analyse each text received until the pipe closes."""
    from parley.analyzer import analyze, get_nlp

    try:
        nlp = get_nlp(None, settings)
        analyze("Turkey said so.", nlp=nlp, settings=settings)   # loads the knowledge base too
    except ParleyError as exc:
        conn.send(("error", exc))
        return
    conn.send(("ready", None))
    while True:
        try:
            text, options = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", analyze(text, nlp=nlp, settings=settings, **options)))
        except Exception as exc:  # noqa: BLE001 - the API answers any failure; the worker goes on
            conn.send(("error", exc if isinstance(exc, ParleyError) else RuntimeError(repr(exc))))
