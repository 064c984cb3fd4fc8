"""`parley ingest --engine ray` on a local Ray instance gives the same store as a local ingest."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from parley.cli import cli
from parley.config import Settings
from parley.ingest.pipeline import ingest
from parley.store import open_store
from parley.store import schema as t

pytestmark = pytest.mark.slow
ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'parley-news[ray]')")
pytest.importorskip("ray.data")

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
DATE = "2020-06-18"


@pytest.fixture(scope="module")
def local_ray():
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, _node_ip_address="127.0.0.1")
    yield
    if started:
        ray.shutdown()


def snapshot(url: str) -> dict:
    """What must be equal: article ids, row counts, and who said or did what where."""
    with open_store(url) as store:
        with store.engine.connect() as conn:
            ids = sorted(conn.execute(select(t.articles.c.id)).scalars())
            actors = sorted(conn.execute(select(t.actors.c.id)).scalars())
            said = sorted(conn.execute(select(t.statements.c.article_id, t.statements.c.speaker,
                                              t.statements.c.start, t.statements.c.end)).all())
            did = sorted(conn.execute(select(t.relations.c.article_id, t.relations.c.source, t.relations.c.type,
                                             t.relations.c.target, t.relations.c.start)).all())
        return {"ids": ids, "stats": store.stats(), "actors": actors, "statements": said, "relations": did}


def test_ray_ingest_equals_local_ingest(tmp_path, local_ray):
    local, distributed = f"sqlite:///{tmp_path / 'local.db'}", f"sqlite:///{tmp_path / 'ray.db'}"
    settings = Settings.load()
    with open_store(local) as store:
        report = ingest([str(ARTICLES)], store, settings=settings, published=DATE)
    assert report.ingested == 4 and not report.failed
    with open_store(distributed) as store:
        report = ingest([str(ARTICLES)], store, settings=settings, published=DATE, engine="ray", workers=2)
    assert report.ingested == 4 and not report.failed

    want, got = snapshot(local), snapshot(distributed)
    assert got["ids"] == want["ids"] and len(got["ids"]) == 4
    assert got["stats"] == want["stats"]
    assert got["stats"]["actors"] > 0 and got["stats"]["statements"] > 0 and got["stats"]["relations"] > 0
    assert got == want


def test_cli_ray_engine_is_idempotent(tmp_path, local_ray):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    args = ["ingest", str(ARTICLES), "--db", url, "--date", DATE, "--engine", "ray", "--workers", "2"]
    first = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "ingested 4, skipped 0 as duplicates, failed 0" in first.stderr
    again = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert again.exit_code == 0, again.output
    assert "ingested 0, skipped 4 as duplicates, failed 0" in again.stderr
