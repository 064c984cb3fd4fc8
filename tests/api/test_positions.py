"""/api/v1/positions, /api/v1/positions/{id} and /api/v1/shifts over a store of the scenario
articles (tests/data/scenario)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .conftest import TestClient

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "scenario"


@pytest.fixture(scope="module")
def scenario_client(tmp_path_factory):
    from parley.analyzer import analyze_many
    from parley.api import create_app
    from parley.config import Settings
    from parley.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('positions') / 'parley.db'}"
    settings = Settings.load(db=url, kb=str(SCENARIO / "actors.yaml"))
    paths = sorted((SCENARIO / "articles").glob("*.txt"))
    items = [(p.read_text(encoding="utf-8"), {"source": p.name,
                                              "published": (dt.date(2023, 3, 6) + dt.timedelta(weeks=i)).isoformat()})
             for i, p in enumerate(paths)]
    with open_store(url) as store:
        for analysis in analyze_many(items, settings=settings):
            store.add_analysis(analysis)
    with TestClient(create_app(url, settings=settings)) as client:
        yield client


def test_positions_are_paged_and_filtered(scenario_client):
    page = scenario_client.get("/api/v1/positions", params={"limit": 2}).json()
    assert page["total"] == 7 and len(page["items"]) == 2
    rest = scenario_client.get("/api/v1/positions", params={"limit": 50, "offset": 2}).json()
    assert len(rest["items"]) == 5
    front = scenario_client.get("/api/v1/positions", params={"actor": "Northern Front", "kind": "threat"}).json()
    assert [p["status"] for p in front["items"]] == ["carried_out"]
    topic = scenario_client.get("/api/v1/positions", params={"topic": "border"}).json()
    assert [p["holders"] for p in topic["items"]] == [["velmora"]]
    dated = scenario_client.get("/api/v1/positions", params={"since": "2023-04-15", "until": "2023-04-20"}).json()
    assert dated["total"] == 2


def test_one_position_has_its_evidence(scenario_client):
    first = scenario_client.get("/api/v1/positions").json()["items"][0]
    detail = scenario_client.get(f"/api/v1/positions/{first['id']}").json()
    assert detail == first
    steps = detail["history"]
    assert [s["status"] for s in steps][:3] == ["stated", "rejected", "reiterated"]
    for step in steps:
        text = scenario_client.get(f"/api/v1/articles/{step['article_id']}").json()["text"]
        assert text[step["start"]:step["end"]] == step["evidence"]


def test_unknown_or_invalid_positions(scenario_client):
    assert scenario_client.get("/api/v1/positions/p0123456789").status_code == 404
    assert scenario_client.get("/api/v1/positions/nothing").status_code == 422
    assert scenario_client.get("/api/v1/positions", params={"kind": "wish"}).status_code == 422
    assert scenario_client.get("/api/v1/positions", params={"since": "2023-05-01", "until": "2023-04-01"}
                               ).status_code == 422


def test_shifts(scenario_client):
    shifts = scenario_client.get("/api/v1/shifts").json()
    assert [s["type"] for s in shifts["items"]] == ["carried_out", "condition_dropped", "reversal", "stance_shift",
                                                    "reversal"]
    assert scenario_client.get("/api/v1/shifts", params={"actor": "Ostmark"}).json()["total"] == 1
