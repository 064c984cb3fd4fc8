"""The API's reads while a pathological POST /api/v1/analyze runs (a part of hostile.py).

A uvicorn server on 127.0.0.1 serves a small SQLite store of corpus articles; GET /api/v1/stats
and /api/v1/actors are timed one after another while idle, then while the slow analysis runs,
together with one small analysis sent meanwhile (which another worker answers).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import benchlib

ENDPOINTS = ("/api/v1/stats", "/api/v1/actors")
SMALL = "Turkey said it supports the Government of National Accord in Tripoli."


def measure(text: str, *, corpus: list[str] | None = None, budget: int | None = None, articles: int = 10,
            gets: int = 40) -> dict:
    """Figures of one server run: GET p50/p95 idle and busy, the slow POST's status and time,
    and the time of a small POST sent while it runs."""
    with tempfile.TemporaryDirectory() as tmp:
        url = _store(Path(tmp) / "parley.db", corpus, articles)
        with _server(url, budget) as base:
            _post(base, SMALL)   # the first worker loads its pipeline
            idle = {e: [_get(base, e) for _ in range(gets)] for e in ENDPOINTS}
            slow: dict = {}
            thread = threading.Thread(target=lambda: slow.update(zip(("status", "s"), _post(base, text))))
            thread.start()
            time.sleep(0.5)   # the slow analysis is under way
            busy: dict[str, list[float]] = {e: [] for e in ENDPOINTS}
            small_status, small_s = _post(base, SMALL)
            while thread.is_alive() or min(map(len, busy.values())) < gets:
                for e in ENDPOINTS:
                    busy[e].append(_get(base, e))
            thread.join()
    return {"post_kb": len(text) // 1024, "post_status": slow["status"], "post_s": round(slow["s"], 1),
            "small_post_during": {"status": small_status, "s": round(small_s, 2)},
            "get_ms": {e: {"idle_p50": _pct(idle[e], 50), "idle_p95": _pct(idle[e], 95),
                           "busy_p50": _pct(busy[e], 50), "busy_p95": _pct(busy[e], 95)} for e in ENDPOINTS},
            "busy_gets": sum(map(len, busy.values()))}


def _pct(values: list[float], q: float) -> float:
    return round(benchlib.percentile(values, q) * 1000, 1)


def _store(path: Path, corpus: list[str] | None, n: int) -> str:
    from parley import analyze_many
    from parley.store import open_store

    url = f"sqlite:///{path}"
    items = [(a["text"], {"source": a["source"], "published": a["published"]})
             for a in benchlib.articles(benchlib.load_texts(corpus), n)]
    with open_store(url) as store:
        for analysis in analyze_many(items):
            store.add_analysis(analysis)
    return url


class _server:
    """uvicorn serving ``create_app`` over the store, on a free port of 127.0.0.1."""

    def __init__(self, url: str, budget: int | None):
        self.env = {**os.environ, "PARLEY_DB": url}
        if budget:
            self.env["PARLEY_ANALYZE_BUDGET_S"] = str(budget)

    def __enter__(self) -> str:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "parley.api:create_app", "--factory",
                                      "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                                     env=self.env)
        base = f"http://127.0.0.1:{port}"
        for _ in range(600):
            try:
                _get(base, ENDPOINTS[0])
                return base
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _get(base: str, path: str) -> float:
    t0 = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=60) as response:
        response.read()
    return time.perf_counter() - t0


def _post(base: str, text: str) -> tuple[int, float]:
    body = json.dumps({"text": text}).encode()
    request = urllib.request.Request(base + "/api/v1/analyze", data=body, headers={"content-type": "application/json"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=600) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    return status, time.perf_counter() - t0
