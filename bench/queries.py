"""Latency (p50/p95) of the store's main queries on a large generated store, SQLite and PostgreSQL.

The store is filled with ``--articles`` synthetic articles and their facts by bulk inserts (no
NLP; see genstore.py), through ``open_store`` so every migration applies. Each query is the
``Store`` method the CLI and API call, run ``--repeat`` times (at least 3, fewer if one query's
runs pass ``--budget`` seconds). Generating 100,000 articles takes minutes: ``--sqlite-path`` and
``--pg-schema`` with ``--reuse`` keep a store between runs.

    python bench/queries.py                      # 100,000 articles, both databases
    python bench/queries.py --articles 20000 --db sqlite --json queries.json
"""
from __future__ import annotations

import argparse
import functools
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import benchlib
import genstore

PG_URL = os.environ.get("PARLEY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def main(argv: list[str] | None = None) -> dict:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100_000, help="articles in the store (default 100,000)")
    benchlib.corpus_option(p)
    p.add_argument("--db", default="sqlite,postgres", help="databases: sqlite, postgres or both (default)")
    p.add_argument("--pg-url", default=PG_URL, help="PostgreSQL server")
    p.add_argument("--sqlite-path", default=None, help="SQLite file (default: a temporary one)")
    p.add_argument("--pg-schema", default=None, help="PostgreSQL schema (default: a temporary one)")
    p.add_argument("--reuse", action="store_true", help="keep a store that already holds enough articles")
    p.add_argument("--repeat", type=int, default=10, help="runs per query (default 10)")
    p.add_argument("--budget", type=float, default=15.0, help="seconds per query before stopping early")
    p.add_argument("--chunk", type=int, default=5000, help="articles per load transaction")
    p.add_argument("--json", default=None, metavar="PATH", help="also write the figures as JSON")
    args = p.parse_args(argv)

    texts = benchlib.load_texts(args.corpus)
    pools = genstore.pools(texts, args.articles, random.Random(0))
    result = {"articles": args.articles, "actors": len(pools.actors), "databases": {}}
    with tempfile.TemporaryDirectory(prefix="parley-bench-") as tmp:
        for db in [d.strip() for d in args.db.split(",") if d.strip()]:
            url, drop = _url(db, args, Path(tmp))
            try:
                result["databases"][db] = bench_db(url, args, pools)
            finally:
                drop()
    _report(result)
    benchlib.write_json(args.json, result)
    return result


def _url(db: str, args, tmp: Path):
    """The store URL for ``db`` and a function that removes a temporary store."""
    if db == "sqlite":
        return f"sqlite:///{args.sqlite_path or tmp / 'queries.db'}", lambda: None
    if db not in ("postgres", "postgresql"):
        sys.exit(f"unknown database {db!r}: use sqlite or postgres")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = args.pg_schema or f"parley_bench_{os.getpid()}_{int(time.time())}"
    admin = create_engine(args.pg_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))

    def drop() -> None:
        if not args.pg_schema:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
    url = make_url(args.pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False), drop


def bench_db(url: str, args, pools: genstore.Pools) -> dict:
    """Fill (or reuse) the store at ``url`` and time each query."""
    from sqlalchemy import text

    from parley.store import open_store
    from parley.store.engine import WRITE
    from parley.store.writer import rebuild_stances, recount

    store = open_store(url)
    try:
        have = store.stats()["articles"]
        load_s = None
        if not (args.reuse and have >= args.articles):
            if have:
                sys.exit(f"{url}: the store already holds {have} articles; use an empty one or --reuse")
            t0 = time.perf_counter()
            writer = store.engine.execution_options(**{WRITE: True})
            with writer.begin() as conn:
                genstore.base_rows(conn, pools, random.Random(1))
            for start in range(0, args.articles, args.chunk):
                with writer.begin() as conn:
                    genstore.generate(conn, min(start + args.chunk, args.articles), pools, start=start)
            with writer.begin() as conn:  # what ingest keeps up to date, computed once here
                recount(conn)
                rebuild_stances(conn)
            load_s = round(time.perf_counter() - t0, 1)
        if store.engine.dialect.name == "postgresql":  # as autovacuum does soon after a bulk load
            with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        counts = store.stats()
        timings = [time_query(name, fn, args.repeat, args.budget) for name, fn in queries(store, pools)]
    finally:
        store.close()
    return {"load_s": load_s, "rows": counts, "queries": timings}


def queries(store, pools: genstore.Pools) -> list[tuple[str, object]]:
    """(label, call) for each query, with arguments picked from the generated data."""
    top, rare = pools.actors[0][0], pools.actors[len(pools.actors) // 2][0]
    top_name = pools.actors[0][1]  # by name, as a person would type it
    common, uncommon = _search_words(pools.sentences)
    return [
        ("actors", lambda: store.actors()),
        ("actors --kind state", lambda: store.actors(kind="state")),
        ("statements (all)", lambda: store.statements()),
        ("statements --speaker top", lambda: store.statements(speaker=top)),
        ("statements --speaker NAME", lambda: store.statements(speaker=top_name)),
        ("statements --speaker rare", lambda: store.statements(speaker=rare)),
        ("statements one month", lambda: store.statements(since="2020-03-01", until="2020-03-31")),
        (f"statements --search {uncommon}", lambda: store.statements(search=uncommon)),
        ("relations (all)", lambda: store.relations()),
        ("relations --actor top", lambda: store.relations(actor=top)),
        ("relations --actor rare", lambda: store.relations(actor=rare)),
        ("relations --type supports", lambda: store.relations(type="supports")),
        ("demands --by top", lambda: store.demands(by=top)),
        ("actor top (detail)", lambda: store.actor(top)),
        ("actor rare (detail)", lambda: store.actor(rare)),
        ("timeline rare", lambda: store.timeline(rare)),
        ("network (graph)", lambda: store.network()),
        (f"search {common}", lambda: store.search(common, limit=50)),
        (f"search {uncommon}", lambda: store.search(uncommon, limit=50)),
    ] + _api_queries(store, pools, common)


def _api_queries(store, pools: genstore.Pools, word: str) -> list[tuple[str, object]]:
    """The HTTP API's main GETs, each a full request through the FastAPI app in this process
    (routing, validation, the query, JSON): what a client waits for, less the network."""
    import warnings

    with warnings.catch_warnings():  # starlette's notice about its httpx transport, not about Parley
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient

    from parley.api.app import create_app

    client = TestClient(create_app(store.engine.url.render_as_string(hide_password=False)))
    client.__enter__()  # runs the app's start-up; the process exit ends it
    top, rare = pools.actors[0][0], pools.actors[len(pools.actors) // 2][0]
    month, year = {"since": "2020-03-01", "until": "2020-03-31"}, {"since": "2020-01-01", "until": "2020-12-31"}
    calls = [("actors", {}), ("actors", {"kind": "state"}), ("actors", {"q": pools.actors[3][1][:4]}),
             ("statements", {}), ("statements", {"speaker": top}), ("statements", {"speaker": rare}),
             ("statements", month), ("statements", {"offset": 5000}),
             ("relations", {}), ("relations", {"actor": top}), ("relations", {"actor": rare}),
             ("relations", {"type": "supports"}), ("relations", year),
             ("graph", {}), ("graph", {"kind": "state"}), ("graph", month), ("graph", year),
             ("demands", {"by": top}), ("articles", {}), (f"actors/{top}", {}), ("search", {"q": word})]

    def get(path: str, params: dict):
        r = client.get(f"/api/v1/{path}", params=params)
        r.raise_for_status()
        body = r.json()
        return body.get("items", body.get("edges", body))

    def label(path: str, params: dict) -> str:
        shown = {k: ("top" if v == top else "rare" if v == rare else v) for k, v in params.items()}
        return "API /" + path.replace(top, "top") + ("?" + "&".join(f"{k}={v}" for k, v in shown.items())
                                                      if shown else "")
    return [(label(path, params), functools.partial(get, path, params)) for path, params in calls]


def _search_words(sentences: list[str]) -> tuple[str, str]:
    """A word found in many sentences and one found in few (letters only, 6+ long)."""
    df = Counter(w for s in sentences for w in set(re.findall(r"[a-z]{6,}", s.lower())))
    ranked = [w for w, _ in df.most_common()]
    return ranked[0], ranked[min(len(ranked) - 1, 300)]


def time_query(name: str, fn, repeat: int, budget: float) -> dict:
    """p50 and p95 of ``fn``'s latency; a query that fails is reported, not fatal."""
    times, rows = [], 0
    t_start = time.perf_counter()
    while len(times) < max(repeat, 1):
        t0 = time.perf_counter()
        try:
            out = fn()
        except Exception as exc:  # noqa: BLE001 - e.g. a store version without this query
            return {"query": name, "runs": 0, "rows": 0, "p50_ms": None, "p95_ms": None,
                    "error": f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"}
        times.append(time.perf_counter() - t0)
        rows = _size(out.items if isinstance(out, tuple) else out)  # a list is a Page (items, total)
        if len(times) >= 3 and time.perf_counter() - t_start > budget:
            break
    return {"query": name, "runs": len(times), "rows": rows,
            "p50_ms": round(1000 * benchlib.percentile(times, 50), 1),
            "p95_ms": round(1000 * benchlib.percentile(times, 95), 1)}


def _size(out) -> int:
    """Rows returned: graph edges, list length, or for one actor its listed facts."""
    if hasattr(out, "number_of_edges"):
        return out.number_of_edges()
    if isinstance(out, dict):  # one actor (its facts) or a graph (nodes and edges)
        return len(out["edges"]) if "edges" in out else sum(len(v) for v in out.values() if isinstance(v, list))
    return len(out or [])


def _report(r: dict) -> None:
    dbs = list(r["databases"])
    names = [q["query"] for q in r["databases"][dbs[0]]["queries"]] if dbs else []
    rows = []
    for i, name in enumerate(names):
        row = [name, r["databases"][dbs[0]]["queries"][i]["rows"]]
        for db in dbs:
            q = r["databases"][db]["queries"][i]
            row += [q["p50_ms"], q["p95_ms"]] if q["p50_ms"] is not None else ["failed", "-"]
        rows.append(row)
    cols = ["query", "rows"] + [f"{db} {p}" for db in dbs for p in ("p50 ms", "p95 ms")]
    benchlib.print_table(f"store queries on {r['articles']:,} articles, {r['actors']:,} actors", cols, rows)
    for db in dbs:
        d = r["databases"][db]
        loaded = f"loaded in {d['load_s']} s" if d["load_s"] is not None else "reused"
        print(f"{db}: {loaded}; rows: " + ", ".join(f"{k} {v:,}" for k, v in d["rows"].items()))
        for q in d["queries"]:
            if q.get("error"):
                print(f"  {db}: {q['query']} failed: {q['error']}")


if __name__ == "__main__":
    main()
