"""The API over PostgreSQL (marker `postgres`: needs PARLEY_TEST_PG or 127.0.0.1:5432)."""
from __future__ import annotations

import os
import uuid

import pytest

from .conftest import TestClient
from .support import HTML_NAME, build_store, settings

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("PARLEY_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="module")
def pg_client():
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from parley.api import create_app

    try:
        admin = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with admin.begin() as conn:
            schema = f"parley_api_{uuid.uuid4().hex[:12]}"
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - any failure means: skip
        pytest.skip(f"PostgreSQL unreachable at {PG_URL}: {str(exc).splitlines()[0]}")
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(False)
    try:
        build_store(url)
        app = create_app(url, settings=settings(url))
        with TestClient(app) as client:
            yield client
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/actors?kind=state", "/api/v1/actors?q=accord",
                                  "/api/v1/statements?search=ceasefire", "/api/v1/relations?since=2020-07-01",
                                  "/api/v1/demands?by=Turkey", "/api/v1/conditionals", "/api/v1/events?type=reject",
                                  "/api/v1/places", "/api/v1/search?q=ceasefire"])
def test_lists(pg_client, path):
    body = pg_client.get(path).json()
    assert body["total"] >= len(body["items"]) > 0, path


def test_details_graph_and_pages(pg_client):
    assert pg_client.get("/api/v1/actors/bold-brigade").json()["name"] == HTML_NAME
    graph = pg_client.get("/api/v1/graph", params={"kind": "state", "since": "2020-06-01"}).json()
    assert graph["edges"] and {n["kind"] for n in graph["nodes"]} == {"state"}
    first = pg_client.get("/api/v1/articles").json()["items"][0]
    assert pg_client.get(f"/api/v1/articles/{first['id']}").json()["text"]
    for path in ("/", "/actors/turkey", f"/articles/{first['id']}", "/demands", "/map", "/search?q=Sirte"):
        assert pg_client.get(path).status_code == 200, path
