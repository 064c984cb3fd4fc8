"""Crash safety: `parley ingest` killed with SIGKILL mid-run, then re-run, stores every article
exactly once and leaves no half-written article behind."""
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

from parley.store import open_store
from parley.store.schema import FACT_TABLES

from .conftest import ARTICLES, EXTRA

pytestmark = pytest.mark.slow


def _count(db, sql: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created or not migrated yet


def _ingest(folder, db) -> subprocess.Popen:
    env = {**os.environ, "PARLEY_BATCH_SIZE": "1"}
    cmd = [sys.executable, "-c", "from parley.cli import cli; cli()", "ingest", str(folder),
           "--db", f"sqlite:///{db}", "--date", "2020-06-18"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_sigkill_then_rerun(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    for path in ARTICLES + EXTRA:
        shutil.copy(path, folder / path.name)
    db = tmp_path / "parley.db"
    proc = _ingest(folder, db)
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

    rerun = _ingest(folder, db)
    _, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()
    assert f"ingested {8 - stored_at_kill}, skipped {stored_at_kill}" in err.decode()

    store = open_store(f"sqlite:///{db}")
    stats = store.stats()
    store.close()
    assert stats["articles"] == 8
    assert _count(db, "SELECT count(DISTINCT content_hash) FROM articles") == 8
    for table in FACT_TABLES:
        orphans = _count(db, f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == 0, table
    assert _count(db, "SELECT count(*) FROM demand_items WHERE demand_id NOT IN (SELECT id FROM demands)") == 0
    assert _count(db, "SELECT count(*) FROM search_index WHERE kind = 'article'") == 8
    # every stored article has its facts: no article was committed without its mentions
    assert _count(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)") == 0
