"""Ingest throughput into SQLite and PostgreSQL with 1 and 2 workers, and memory per process.

Builds a JSONL corpus of ``--articles`` distinct articles (the shared texts, then copies with
their sentences reordered, each with its own id and date), then runs the real command
``parley ingest corpus.jsonl --db URL --workers W`` once per database and worker count, into an
empty store each time. While it runs, the resident memory of the command and its worker
processes and the number of stored articles are sampled; peak RSS per process is the kernel's
high-water mark. Rates: ``wall`` counts the whole command (model load included), ``steady``
only the time from the first stored article to the last.

    python bench/ingest.py                       # the full run: 10,000 articles (long)
    python bench/ingest.py --articles 200 --db sqlite --json ingest.json
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import benchlib

PG_URL = os.environ.get("PARLEY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=10_000, help="articles in the corpus (default 10,000)")
    benchlib.corpus_option(p)
    p.add_argument("--db", default="sqlite,postgres", help="databases: sqlite, postgres or both (default)")
    p.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    p.add_argument("--pg-url", default=PG_URL, help="PostgreSQL server (a fresh schema is made per run)")
    p.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    p.add_argument("--json", default=None, metavar="PATH", help="also write the figures as JSON")
    args = p.parse_args(argv)

    runs = []
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = benchlib.write_jsonl(corpus, benchlib.articles(benchlib.load_texts(args.corpus), args.articles))
        corpus_mb = corpus.stat().st_size / 2**20
        for db in [d.strip() for d in args.db.split(",") if d.strip()]:
            for workers in [int(w) for w in args.workers.split(",")]:
                with _database(db, Path(tmp), args.pg_url) as url:
                    runs.append(run_one(corpus, n, db, url, workers, args.interval))
    result = {"articles": n, "corpus_mb": round(corpus_mb, 1), "runs": runs}
    _report(result)
    benchlib.write_json(args.json, result)
    return result


@contextmanager
def _database(kind: str, tmp: Path, pg_url: str) -> Iterator[str]:
    """The URL of an empty store: a new SQLite file, or a new schema on the PostgreSQL server."""
    if kind == "sqlite":
        path = tmp / f"ingest-{uuid.uuid4().hex[:8]}.db"
        yield f"sqlite:///{path}"
        return
    if kind not in ("postgres", "postgresql"):
        sys.exit(f"unknown database {kind!r}: use sqlite or postgres")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"parley_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _counter(url: str):
    """A callable counting stored articles (0 until the store's tables exist)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url, pool_size=1, max_overflow=0) if url.startswith("postgresql") else create_engine(url)

    def count() -> int:
        try:
            with engine.connect() as conn:
                return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        except Exception:  # noqa: BLE001 - the table does not exist yet
            return 0
    count.engine = engine
    return count


def _command(corpus: Path, url: str, workers: int) -> list[str]:
    code = "import sys; from parley.cli import cli; sys.exit(cli())"
    return [sys.executable, "-c", code, "ingest", str(corpus), "--db", url, "--workers", str(workers)]


def run_one(corpus: Path, n: int, db: str, url: str, workers: int, interval: float) -> dict:
    """Run one ingest command and measure it."""
    count = _counter(url)
    t0 = time.perf_counter()
    proc = subprocess.Popen(_command(corpus, url, workers), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with benchlib.RssSampler(pid=proc.pid, interval=interval, probe=count) as sampler:
        _, err = proc.communicate()
    wall = time.perf_counter() - t0
    stored = count()
    count.engine.dispose()
    if proc.returncode != 0:
        sys.exit(f"parley ingest failed ({db}, {workers} workers):\n{err[-2000:]}")
    return {"db": db, "workers": workers, "stored": stored, "wall_s": round(wall, 2),
            "articles_per_s_wall": round(stored / wall, 2), **_steady(sampler.samples),
            "peak_rss_mb": _peaks(sampler, proc.pid), "rss_growth_mb": _growth(sampler.samples),
            "rss_timeline": sampler.timeline(10),
            "rss_samples": [[s["t"], s["total_mb"], s["probe"]] for s in sampler.samples]}  # t, MB, stored


def _steady(samples: list[dict]) -> dict:
    """Rate from the first sample with stored articles to the last sample that added one."""
    points = [(s["t"], s["probe"]) for s in samples if isinstance(s["probe"], int) and s["probe"] > 0]
    if len(points) < 2 or points[-1][1] == points[0][1]:
        return {"startup_s": points[0][0] if points else None, "articles_per_s_steady": None}
    last = next(p for p in points if p[1] == points[-1][1])
    rate = (last[1] - points[0][1]) / (last[0] - points[0][0]) if last[0] > points[0][0] else None
    return {"startup_s": points[0][0], "articles_per_s_steady": round(rate, 2) if rate else None}


def _peaks(sampler: benchlib.RssSampler, main_pid: int) -> dict[str, float]:
    """Peak RSS by role: main (reads and writes), worker-N (analyses), other helpers."""
    out, k = {}, 0
    for pid in sorted(sampler.peak_mb):
        if pid == main_pid:
            role = "main"
        elif "resource_tracker" in sampler.names.get(pid, ""):
            role = f"helper-{pid}"
        else:
            k += 1
            role = f"worker-{k}"
        out[role] = sampler.peak_mb[pid]
    return out


def _growth(samples: list[dict]) -> float | None:
    """Peak total RSS in the second half of the storing period minus the peak in the first
    half: a leak shows as growth; a flat ingest stays near 0 whatever the corpus size."""
    stored = [s for s in samples if isinstance(s["probe"], int) and s["probe"] > 0]
    if not stored:
        return None
    final = stored[-1]["probe"]
    running = [s for s in stored if s["probe"] < final]  # the processes exit after the last
    if len(running) < 4:
        return None
    half = len(running) // 2
    return round(max(s["total_mb"] for s in running[half:]) - max(s["total_mb"] for s in running[:half]), 1)


def _report(r: dict) -> None:
    rows = []
    for run in r["runs"]:
        peaks = run["peak_rss_mb"]
        workers = [v for k, v in peaks.items() if k.startswith("worker")]
        rows.append([run["db"], run["workers"], run["stored"], run["wall_s"], run["articles_per_s_wall"],
                     run["articles_per_s_steady"] or "-", peaks.get("main", 0.0),
                     max(workers) if workers else "-", run["rss_growth_mb"] if run["rss_growth_mb"] is not None
                     else "-"])
    benchlib.print_table(f"parley ingest of {r['articles']:,} articles",
                         ["db", "workers", "stored", "wall s", "art/s wall", "art/s steady", "main peak MB",
                          "worker peak MB", "RSS growth MB"], rows)
    for db in sorted({run["db"] for run in r["runs"]}):
        by_w = {run["workers"]: run for run in r["runs"] if run["db"] == db}
        if 1 in by_w and 2 in by_w and by_w[1]["articles_per_s_steady"] and by_w[2]["articles_per_s_steady"]:
            print(f"{db}: 2 workers / 1 worker (steady rate) = "
                  f"{by_w[2]['articles_per_s_steady'] / by_w[1]['articles_per_s_steady']:.2f}x")
    print("\nmemory over time (total MB of the command and its workers; articles stored):")
    for run in r["runs"]:
        line = "  ".join(f"{p['t']:.0f}s:{p['total_mb']:.0f}MB/{p['probe'] or 0}" for p in run["rss_timeline"])
        print(f"  {run['db']:<8} w={run['workers']}  {line}")


if __name__ == "__main__":
    main()
