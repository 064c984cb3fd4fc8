"""POST /api/v1/analyze, the body limit (413) and the error handler (never a traceback)."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from .support import settings

TEXT = ("Turkish Foreign Minister Mevlut Cavusoglu said Ankara supports the Government of National Accord. "
        "Turkey demands the withdrawal of Haftar's forces from Sirte before any ceasefire talks.")


def test_analyze_answers_the_contract_and_stores_nothing(client):
    before = client.get("/api/v1/stats").json()
    response = client.post("/api/v1/analyze", json={"text": TEXT, "published": "2020-06-18", "source": "x.txt"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["schema"] == "parley.analysis/1"
    assert body["article"]["published"] == "2020-06-18" and body["article"]["source"] == "x.txt"
    assert body["article"]["length"] == len(TEXT)
    assert {"turkey", "gna"} <= {a["id"] for a in body["actors"]}
    for s in body["statements"]:
        assert TEXT[s["start"]:s["end"]] == s["content"]
    assert any(r["type"] == "supports" for r in body["relations"])
    assert body["demands"] and all("if" in c for c in body["conditionals"])
    assert client.get("/api/v1/stats").json() == before


@pytest.mark.parametrize("payload", [{}, {"text": ""}, {"text": 42}, {"text": "x", "published": "soon"}])
def test_analyze_rejects_bad_bodies(client, payload):
    response = client.post("/api/v1/analyze", json=payload)
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"


def test_analyze_rejects_malformed_json(client):
    response = client.post("/api/v1/analyze", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422 and "body" in response.json()["message"]


@pytest.fixture(scope="module")
def small(store_url):
    from parley.api import create_app

    with TestClient(create_app(store_url, max_body=1000, settings=settings(store_url))) as c:
        yield c


def test_declared_oversized_body_is_413(small, client):
    big = json.dumps({"text": "word " * 400})
    response = small.post("/api/v1/analyze", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert response.json() == {"error": "payload_too_large", "message": "request body over the limit of 1000 bytes"}
    # the default limit is 2 MB
    huge = b'{"text": "' + b"a" * (2 * 1024 * 1024) + b'"}'
    response = client.post("/api/v1/analyze", content=huge, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_streamed_oversized_body_is_413(small):
    def chunks():  # no Content-Length: sent chunked, caught by its streamed size
        for _ in range(20):
            yield b"x" * 100

    response = small.post("/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_streamed_body_under_the_limit_is_read(small):
    def chunks():
        yield b'{"text": '
        yield b'"Egypt supports the Libyan National Army."}'

    response = small.post("/api/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 200 and response.json()["schema"] == "parley.analysis/1"


def test_bad_content_length_is_400(small):
    response = small.post("/api/v1/analyze", content=b"{}", headers={"content-length": "abc",
                                                                      "content-type": "application/json"})
    assert response.status_code == 400


def test_crash_is_a_json_500_without_traceback(store_url, monkeypatch):
    from parley.api import create_app

    app = create_app(store_url, settings=settings(store_url))

    def boom(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.state.store, "stats", boom)
    monkeypatch.setattr(app.state.store, "overview", boom)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/v1/stats")
        assert response.status_code == 500
        assert response.json() == {"error": "internal", "message": "internal server error"}
        page = c.get("/")
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
        assert "secret internals" not in page.text and "Traceback" not in page.text


def test_database_failure_is_503(store_url, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from parley.api import create_app

    app = create_app(store_url, settings=settings(store_url))

    def down(*args, **kwargs):
        raise OperationalError("SELECT", {}, Exception("disk I/O error at /secret/path"))

    monkeypatch.setattr(app.state.store, "articles", down)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/v1/articles")
    assert response.status_code == 503 and "/secret/path" not in response.text


def test_analysis_waits_for_a_free_worker_only_within_the_budget():
    from parley.api.analysis_pool import AnalysisPool, AnalysisTimeout
    from parley.config import Settings

    pool = AnalysisPool(Settings(), workers=1, budget=0.2)
    pool._idle.get()   # the one worker is busy
    with pytest.raises(AnalysisTimeout, match="busy"):
        pool.analyze(TEXT)


@pytest.mark.slow
def test_analysis_over_the_time_budget_is_503_and_the_next_one_succeeds(app, client, monkeypatch):
    client.post("/api/v1/analyze", json={"text": TEXT})   # a worker has loaded its pipeline
    monkeypatch.setattr(app.state.analysis_pool, "budget", 1.0)
    response = client.post("/api/v1/analyze", json={"text": "a " * 200_000})
    assert response.status_code == 503, response.text
    assert response.json()["error"] == "unavailable" and "time budget of 1 s" in response.json()["message"]
    monkeypatch.setattr(app.state.analysis_pool, "budget", 30.0)
    assert client.post("/api/v1/analyze", json={"text": TEXT}).status_code == 200


@pytest.mark.slow
def test_a_slow_analysis_does_not_block_another(store_url):
    import threading
    from dataclasses import replace

    from parley.api import create_app

    app = create_app(store_url, settings=replace(settings(store_url), analyze_workers=2, analyze_budget_s=20))
    with TestClient(app) as c:
        done = {}
        slow = threading.Thread(target=lambda: done.update(r=c.post("/api/v1/analyze", json={"text": "a " * 900_000})))
        slow.start()
        response = c.post("/api/v1/analyze", json={"text": TEXT})
        assert response.status_code == 200 and slow.is_alive()
        slow.join()
    assert done["r"].status_code == 503
