"""Fixtures for the API tests: one analysed store per session and a TestClient over it."""
from __future__ import annotations

import warnings

import pytest

from .support import build_store, settings

with warnings.catch_warnings():  # this Starlette asks for httpx2; httpx works the same here
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("api") / "parley.db")


@pytest.fixture(scope="session")
def app(store_url):
    from parley.api import create_app

    return create_app(store_url, settings=settings(store_url))


@pytest.fixture(scope="session")
def client(app):
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="session")
def article_ids(client) -> dict[str, str]:
    """Article ids by source file name."""
    items = client.get("/api/v1/articles", params={"limit": 100}).json()["items"]
    return {a["source"]: a["id"] for a in items}
