"""Crash safety: `parley ingest` killed with SIGKILL mid-run, then re-run, stores every article
exactly once and leaves no half-written article behind; two ingests at once into a fresh database
store every article once. On SQLite and on a fresh PostgreSQL schema (its first use)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import ProgrammingError

from parley.store import open_store
from parley.store.schema import FACT_TABLES

from .conftest import ARTICLES, EXTRA

pytestmark = pytest.mark.slow


def _count(db: str, sql: str) -> int:
    """One number from the database at URL ``db``, read without creating or locking anything."""
    if db.startswith("sqlite:///"):
        try:
            with sqlite3.connect(f"file:{db.removeprefix('sqlite:///')}?mode=ro", uri=True, timeout=5) as conn:
                return conn.execute(sql).fetchone()[0]
        except sqlite3.OperationalError:
            return 0  # not created or not migrated yet
    engine = create_engine(db)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql)).scalar_one()
    except ProgrammingError:
        return 0  # not migrated yet
    finally:
        engine.dispose()


def _ingest(*sources, db: str) -> subprocess.Popen:
    env = {**os.environ, "PARLEY_BATCH_SIZE": "1"}
    cmd = [sys.executable, "-c", "from parley.cli import cli; cli()", "ingest", *map(str, sources),
           "--db", db, "--date", "2020-06-18"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_then_rerun(tmp_path, store_url):
    folder = tmp_path / "news"
    folder.mkdir()
    for path in ARTICLES + EXTRA:
        shutil.copy(path, folder / path.name)
    db = store_url
    proc = _ingest(folder, db=db)
    deadline = time.monotonic() + 120
    while _count(db, "SELECT count(*) FROM articles") < 1:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(random.uniform(0, 0.6))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db, "SELECT count(*) FROM articles")
    assert 1 <= stored_at_kill <= 8

    rerun = _ingest(folder, db=db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"ingested {8 - stored_at_kill}, skipped {stored_at_kill}" in err.decode()

    store = open_store(db)
    stats = store.stats()
    store.close()
    assert stats["articles"] == 8
    assert _count(db, "SELECT count(DISTINCT content_hash) FROM articles") == 8
    for table in FACT_TABLES:
        orphans = _count(db, f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == 0, table
    assert _count(db, "SELECT count(*) FROM demand_items WHERE demand_id NOT IN (SELECT id FROM demands)") == 0
    if db.startswith("sqlite"):  # PostgreSQL derives its search vectors in the articles table itself
        assert _count(db, "SELECT count(*) FROM search_index WHERE kind = 'article'") == 8
    else:
        assert _count(db, "SELECT count(*) FROM articles WHERE search_vector IS NOT NULL") == 8
    # every stored article has its facts: no article was committed without its mentions
    assert _count(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)") == 0


def test_two_ingests_at_once_into_a_fresh_database(tmp_path, store_url):
    """Overlapping inputs ingested by two processes at once: every article stored exactly once."""
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, paths in ((first, ARTICLES + EXTRA[:2]), (second, EXTRA + ARTICLES[:2])):
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder / path.name)
    procs = [_ingest(first, db=store_url), _ingest(second, db=store_url)]
    errs = [proc.communicate(timeout=300)[1].decode() for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], errs
    ingested = [int(err.rsplit("ingested ", 1)[1].split(",")[0]) for err in errs]
    assert sum(ingested) == 8, errs  # the other copy of a shared article was skipped as a duplicate
    assert _count(store_url, "SELECT count(*) FROM articles") == 8
    assert _count(store_url, "SELECT count(DISTINCT content_hash) FROM articles") == 8
    assert _count(store_url, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)") == 0
