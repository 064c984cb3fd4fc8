"""/api/v1/graph over a generated store of a few hundred articles: only what the network view
needs (a minimum of evidence, a limit, no isolated actors unless asked), and each actor's side."""
from __future__ import annotations

import warnings

import pytest

from web import corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    from parley.api import create_app
    from parley.config import Settings

    url = corpus.build(f"sqlite:///{tmp_path_factory.mktemp('graph') / 'parley.db'}")
    with TestClient(create_app(url, settings=Settings.load(db=url))) as client:
        yield client


def graph(client, **params) -> dict:
    response = client.get("/api/v1/graph", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ends(g: dict) -> set[str]:
    return {e[k] for e in g["edges"] for k in ("source", "target")}


@pytest.mark.parametrize("dates", [{}, {"since": "2021-01-01", "until": "2022-12-31"}])
def test_minimum_evidence_keeps_only_strong_edges_and_their_ends(big, dates):
    everything = graph(big, limit=2000, **dates)
    strong = graph(big, limit=2000, min_weight=2, **dates)
    assert everything["edges"] and strong["edges"]
    assert min(e["weight"] for e in strong["edges"]) >= 2
    expected = {e["id"] for e in everything["edges"] if e["weight"] >= 2}
    assert {e["id"] for e in strong["edges"]} == expected
    assert {n["id"] for n in strong["nodes"]} == ends(strong)  # no isolated actors
    assert len(strong["nodes"]) < len(everything["nodes"])


def test_limit_and_counts_respect_the_minimum(big):
    strong = graph(big, limit=5, min_weight=2)
    assert len(strong["edges"]) == 5 and strong["truncated"]
    assert strong["edges_total"] == len(graph(big, limit=2000, min_weight=2)["edges"])
    assert graph(big, min_weight=1000)["edges"] == []


def test_isolated_actors_only_when_asked(big):
    few = graph(big, limit=3)
    assert {n["id"] for n in few["nodes"]} == ends(few)
    more = graph(big, limit=3, isolated="true")
    extra = [n for n in more["nodes"] if n["id"] not in ends(more)]
    assert 0 < len(extra) <= 3
    assert all(n["weight"] == 0 and n["side"] is None for n in extra)


def test_nodes_carry_sides_from_supporting_edges(big):
    g = graph(big, limit=2000)
    side = {n["id"]: n["side"] for n in g["nodes"]}
    numbered = sorted({s for s in side.values() if s})
    assert numbered[:2] == [1, 2]
    supports = [e for e in g["edges"] if e["type"] == "supports"]
    together = sum(side[e["source"]] == side[e["target"]] is not None for e in supports)
    assert together / len(supports) > 0.9  # backers sit on one side
    assert all(side[a["id"]] is None for a in g["nodes"] if a["id"].startswith("mediator"))
    assert graph(big, limit=2000) == g  # the same every time


@pytest.mark.parametrize("params", [{"min_weight": 0}, {"min_weight": "x"}, {"isolated": "maybe"}])
def test_bad_graph_parameters_are_refused(big, params):
    assert big.get("/api/v1/graph", params=params).status_code == 422
