"""First use of a fresh database by several processes at once: every one of them migrates or
waits for the one that does, and the schema ends at the newest revision."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest
from sqlalchemy import create_engine, text

pytestmark = pytest.mark.slow

OPENERS = 4
# Each process imports the store, says it is ready, then waits for the go file, so that all of
# them reach the first migration together instead of one by one as they happen to start.
OPEN = """
import sys, time
from pathlib import Path
from parley.store import open_store
Path(sys.argv[3]).touch()
go = Path(sys.argv[2])
deadline = time.monotonic() + 60
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.005)
open_store(sys.argv[1]).close()
"""


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from parley.store.engine import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


def test_fresh_database_opened_by_several_processes_at_once(store_url, tmp_path):
    go, ready = tmp_path / "go", [tmp_path / f"ready{n}" for n in range(OPENERS)]
    procs = [subprocess.Popen([sys.executable, "-c", OPEN, store_url, str(go), str(flag)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for flag in ready]
    deadline = time.monotonic() + 60
    while not all(flag.exists() for flag in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outcomes = [(proc.wait(timeout=120), proc.stderr.read().decode()) for proc in procs]
    assert all(code == 0 for code, _ in outcomes), [err for code, err in outcomes if code]
    engine = create_engine(store_url)
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    engine.dispose()
    assert versions == [_head()]
