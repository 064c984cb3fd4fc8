"""The Negotiation page over a store of the scenario articles (tests/data/scenario), without a
browser: the sides, each side's demands, preconditions, threats and rejections, the timeline,
and evidence links that all land on a marked span of their article."""
from __future__ import annotations

import datetime as dt
import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "scenario"


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    from parley.analyzer import analyze_many
    from parley.api import create_app
    from parley.config import Settings
    from parley.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('negotiation') / 'parley.db'}"
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


def _sections(page: str) -> dict[str, str]:
    """The side panels by heading text (tags removed)."""
    panels = re.findall(r'<section class="panel side-panel">\s*<h2>(.*?)</h2>(.*?)</section>', page, re.S)
    return {re.sub(r"<[^>]+>", "", head).strip(): body for head, body in panels}


def test_the_page_shows_each_side_and_its_positions(scenario):
    page = scenario.get("/negotiation")
    assert page.status_code == 200 and "<title>Negotiation · Parley</title>" in page.text
    assert 'href="/negotiation" class="active"' in page.text
    sides = _sections(page.text)
    assert set(sides) == {"Side 1: Ostmark, Velmora", "Coastal League", "Northern Front"}
    government, front = sides["Side 1: Ostmark, Velmora"], sides["Northern Front"]
    assert "<h3>Demands</h3>" in government and "<h3>Conditional threats</h3>" in government
    assert "<h3>Rejects</h3>" in government and "close the border" in government
    assert "<h3>Preconditions</h3>" in front and "— if Velmora withdraws its troops from Halden" in front
    assert "condition dropped: Velmora releases all political prisoners" in front
    assert "carried out: The Northern Front attacked Velmoran troops near Brenna." in front
    timeline = page.text.split("Timeline of changes", 1)[1]
    days = re.findall(r"<tr><td>(\d{4}-\d\d-\d\d)</td>", timeline)
    assert days == sorted(days) and len(days) > 15
    assert "stance_shift" in timeline and "supports on 2023-03-06, accuses on 2023-04-24" in timeline


def test_every_evidence_link_lands_on_a_marked_span(scenario):
    page = scenario.get("/negotiation").text
    links = set(re.findall(r'href="/articles/(\w+)#(s-\d+-\d+)"', page))
    assert len(links) > 15
    texts: dict[str, str] = {}
    for article, anchor in sorted(links):
        texts.setdefault(article, scenario.get(f"/articles/{article}").text)
        assert f'id="{anchor}"' in texts[article], (article, anchor)


def test_an_empty_store_says_so(tmp_path):
    from parley.api import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}")) as client:
        page = client.get("/negotiation").text
    assert "No positions yet" in page and "Nothing has changed yet." in page
