"""Fixtures for the store tests: a fresh database per test (SQLite file, or a PostgreSQL schema)
and analyses of the fixture articles, made once per session."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DATA = Path(__file__).resolve().parents[1] / "data"
ARTICLES = sorted((DATA / "articles").glob("*.txt"))
EXTRA = sorted((DATA / "articles_extra").glob("*.txt"))
PG_URL = os.environ.get("PARLEY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
DATES = ["2020-06-15", "2020-06-18", "2020-06-21", "2020-07-01", "2020-07-04", "2020-07-05", "2020-07-08",
         "2020-07-10"]

_pg_state: dict[str, str | None] = {}


def _pg_unreachable() -> str | None:
    """Why PostgreSQL cannot be used (None if it can); asked once per session."""
    if "why" not in _pg_state:
        try:
            engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with engine.connect():
                pass
            engine.dispose()
            _pg_state["why"] = None
        except Exception as exc:  # noqa: BLE001 - any failure means: skip
            _pg_state["why"] = f"PostgreSQL unreachable at {PG_URL}: {str(exc).splitlines()[0]}"
    return _pg_state["why"]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A URL of an empty database: a SQLite file, or a fresh schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'parley.db'}"
        return
    why = _pg_unreachable()
    if why:
        pytest.skip(why)
    schema = f"parley_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(store_url):
    from parley.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


@pytest.fixture(scope="session")
def analyses():
    """The fixture articles analysed once: the four in articles/, then the four in articles_extra/."""
    from parley.analyzer import analyze_many

    items = [(p.read_text(encoding="utf-8"), {"source": p.name, "published": d})
             for p, d in zip(ARTICLES + EXTRA, DATES)]
    return list(analyze_many(items))
