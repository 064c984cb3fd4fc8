"""The benchmark scripts run end to end on tiny inputs and write their JSON (no timing is
asserted: CI machines are too noisy for that)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
FIXTURES = REPO / "tests" / "data" / "articles"
sys.path.insert(0, str(BENCH))

import benchlib  # noqa: E402


def bench(script: str, *args: str, tmp_path: Path, timeout: int = 600) -> dict:
    out = tmp_path / f"{script}.json"
    proc = subprocess.run([sys.executable, str(BENCH / script), *args, "--json", str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip(), "a benchmark prints its table"
    return json.loads(out.read_text(encoding="utf-8"))


def test_throughput(tmp_path):
    r = bench("throughput.py", "--articles", "3", "--warmup", "1", "--corpus", str(FIXTURES), tmp_path=tmp_path)
    assert {"articles", "parley_s", "bare_s", "ratio", "parley_words_per_s", "bare_words_per_s",
            "startup"} <= set(r)
    assert r["articles"] == 3 and r["parley_s"] > 0 and r["bare_s"] > 0 and r["ratio"] > 0


def test_ingest_sqlite_one_and_two_workers(tmp_path):
    r = bench("ingest.py", "--articles", "3", "--db", "sqlite", "--workers", "1,2", "--corpus", str(FIXTURES),
              "--interval", "0.2", tmp_path=tmp_path)
    assert r["articles"] == 3
    assert [(run["db"], run["workers"]) for run in r["runs"]] == [("sqlite", 1), ("sqlite", 2)]
    for run in r["runs"]:
        assert run["stored"] == 3
        assert {"wall_s", "articles_per_s_wall", "articles_per_s_steady", "peak_rss_mb", "rss_timeline"} <= set(run)
        assert run["peak_rss_mb"]["main"] > 0
    assert sum(k.startswith("worker") for k in r["runs"][1]["peak_rss_mb"]) == 2


def test_queries_sqlite(tmp_path):
    r = bench("queries.py", "--articles", "300", "--db", "sqlite", "--repeat", "1", "--corpus", str(FIXTURES),
              tmp_path=tmp_path)
    db = r["databases"]["sqlite"]
    assert db["rows"]["articles"] == 300
    names = {q["query"] for q in db["queries"]}
    assert {"actors", "statements (all)", "relations (all)", "network (graph)"} <= names
    assert all(q["p50_ms"] is not None and q["p95_ms"] is not None for q in db["queries"]), db["queries"]


@pytest.mark.postgres
def test_ingest_and_queries_postgres(tmp_path):
    pytest.importorskip("psycopg")
    if why := _pg_unreachable():
        pytest.skip(why)
    r = bench("ingest.py", "--articles", "2", "--db", "postgres", "--workers", "1", "--corpus", str(FIXTURES),
              tmp_path=tmp_path)
    assert r["runs"][0]["stored"] == 2
    q = bench("queries.py", "--articles", "200", "--db", "postgres", "--repeat", "1", "--corpus", str(FIXTURES),
              tmp_path=tmp_path)
    assert q["databases"]["postgres"]["rows"]["articles"] == 200


def _pg_unreachable() -> str | None:
    from sqlalchemy import create_engine

    url = os.environ.get("PARLEY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
    try:
        engine = create_engine(url, connect_args={"connect_timeout": 3})
        with engine.connect():
            pass
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means: skip
        return f"PostgreSQL unreachable at {url}: {str(exc).splitlines()[0]}"
    return None


def test_profile(tmp_path):
    pytest.importorskip("pyinstrument")
    r = bench("profile_analyze.py", "--articles", "2", "--corpus", str(FIXTURES), tmp_path=tmp_path)
    assert {"components", "functions", "duration_s"} <= set(r)
    assert any(c["parley"] for c in r["components"])


def test_varied_articles_are_distinct_and_dated():
    texts = benchlib.load_texts([str(FIXTURES)])
    arts = list(benchlib.articles(texts, 40))
    assert len({a["text"] for a in arts}) == 40 and len({a["id"] for a in arts}) == 40
    assert [a["text"] for a in arts[:len(texts)]] == texts
    assert all(len(a["published"]) == 10 for a in arts)


def test_percentile():
    assert benchlib.percentile([3.0, 1.0, 2.0], 50) == 2.0
    assert benchlib.percentile([1.0, 2.0], 95) == pytest.approx(1.95)


def test_hostile(tmp_path):
    r = bench("hostile.py", "--sizes", "1,2", "--big-mb", "0.01", "--corpus", str(FIXTURES), tmp_path=tmp_path)
    cpu = r["cpu"]
    assert cpu["sizes_kb"] == [1, 2] and cpu["worst"] in cpu["ms_per_kb"] and cpu["worst_ms_per_kb"] > 0
    assert {"straight quotes", "one word", "random punctuation"} <= set(cpu["ms_per_kb"])
    assert r["big_text"]["chars"] >= 10_000 and r["big_text"]["peak_rss_mb"] > 0


@pytest.mark.slow
def test_hostile_api(tmp_path):
    r = bench("hostile.py", "--sizes", "", "--api", "--api-kb", "4", "--corpus", str(FIXTURES), tmp_path=tmp_path)
    a = r["api"]
    assert a["post_status"] == 200 and a["small_post_during"]["status"] == 200
    assert all(v["busy_p95"] > 0 for v in a["get_ms"].values())


def test_positions_generated(tmp_path):
    r = bench("positions.py", "--skip-scenario", "--negotiations", "3", "--articles", "4", tmp_path=tmp_path)
    assert set(r) == {"generated"}
    g = r["generated"]
    assert {"facts", "gold_positions", "positions", "precision", "recall", "f1", "articles"} <= set(g)
    assert g["articles"] == 12 and g["facts"] > 12 and 0 <= g["precision"] <= 1 and 0 <= g["recall"] <= 1
