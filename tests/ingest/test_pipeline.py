"""The one loop from units to results: reading, duplicates, notes, a bad article isolated, order.

The analysis itself is replaced by a stand-in, so these tests need no model.
"""
from __future__ import annotations

import pytest

import parley.analyzer
from parley.config import Settings
from parley.errors import InputError, ParleyError
from parley.ingest.files import InputText
from parley.ingest.pipeline import analyse_units
from parley.ingest.sources import Unit
from parley.models import content_hash


@pytest.fixture
def calls(monkeypatch) -> list[list[str]]:
    """analyze_many as a stand-in: each text's analysis is ("analysed", text, metadata); a batch
    with a text containing BOOM fails as a whole. Returns the texts of each call."""
    seen: list[list[str]] = []

    def analyze_many(items, **_options):
        items = list(items)
        seen.append([text for text, _ in items])
        if any("BOOM" in text for text, _ in items):
            raise ValueError("cannot parse")
        return iter([("analysed", text, meta) for text, meta in items])

    monkeypatch.setattr(parley.analyzer, "analyze_many", analyze_many)
    return seen


def unit(source: str, text: str | None = None, **fields) -> Unit:
    def load() -> InputText:
        if text is None:
            raise InputError(f"{source}: no such file or folder")
        return InputText(text=text, source=source, **fields)

    return Unit(source, load)


SETTINGS = Settings(batch_size=4)


def test_results_in_order_with_a_bad_article_isolated(calls):
    units = [unit("a", "one"), unit("b", "BOOM"), unit("c", "two"), unit("d", "three")]
    results = list(analyse_units(units, settings=SETTINGS))
    assert [r.analysis[1] if r.analysis else r.error for r in results] == [
        "one", "b: analysis failed: ValueError: cannot parse", "two", "three"]
    assert calls == [["one", "BOOM", "two", "three"], ["one"], ["BOOM"], ["two"], ["three"]]


def test_unreadable_units_and_failed_sources_are_results(calls):
    units = [InputError("x/*.txt: no file matches this pattern"), unit("a", "one"), unit("missing")]
    results = list(analyse_units(units, settings=SETTINGS))
    errors = sorted(r.error for r in results if r.error)
    assert errors == ["missing: no such file or folder", "x/*.txt: no file matches this pattern"]
    assert [r.analysis[1] for r in results if r.analysis] == ["one"]


def test_duplicates_are_not_analysed_when_asked(calls):
    stored = {content_hash("old")}
    units = [unit("a", "old"), unit("b", "new"), unit("c", "new")]
    results = list(analyse_units(units, settings=SETTINGS, known=stored.__contains__))
    assert sum(r.duplicate for r in results) == 2
    assert [r.analysis[1] for r in results if r.analysis] == ["new"]
    assert calls == [["new"]]
    assert len(list(analyse_units(units, settings=SETTINGS))) == 3  # without ``known`` each is analysed


def test_metadata_date_and_notes(calls):
    units = [unit("a.txt", "one", notes=["a.txt: not UTF-8; decoded as cp1252"]),
             unit("b.html", "two", title="T", url="https://example.org/b", published="2020-01-02")]
    first, second = analyse_units(units, settings=SETTINGS, published="2020-06-18")
    assert first.notes == ("a.txt: not UTF-8; decoded as cp1252",) and second.notes == ()
    assert first.analysis[2] == {"source": "a.txt", "title": None, "url": None, "published": "2020-06-18"}
    assert second.analysis[2] == {"source": "b.html", "title": "T", "url": "https://example.org/b",
                                  "published": "2020-01-02"}


def test_a_model_that_cannot_load_stops_the_run(monkeypatch):
    def analyze_many(items, **_options):
        raise ParleyError("no such spaCy pipeline")

    monkeypatch.setattr(parley.analyzer, "analyze_many", analyze_many)
    with pytest.raises(ParleyError, match="no such spaCy pipeline"):
        list(analyse_units([unit("a", "one")], settings=SETTINGS))
