"""`parley.analyze` at the edge: unstorable characters are replaced, bad metadata refused."""
from __future__ import annotations

import pytest

import parley
from parley.models import article_id

GOOD = "Russia said on Monday that it supports the ceasefire in Libya. Turkey rejected the proposal."


@pytest.mark.parametrize("text", ["a\ud800", "\udfff", GOOD.replace("Monday", "Mon\x00day\ud83d")])
def test_unstorable_characters_are_replaced_in_place(text):
    analysis = parley.analyze(text)
    clean = text.replace("\x00", "\ufffd").replace("\ud800", "\ufffd").replace("\udfff", "\ufffd") \
        .replace("\ud83d", "\ufffd")
    assert analysis.article.text == clean and len(clean) == len(text)
    assert analysis.article.id == article_id(clean)
    for actor in analysis.actors:
        for mention in actor.mentions:
            assert clean[mention.start:mention.end] == mention.text


@pytest.mark.parametrize("options, why", [({"published": "2020-02-30"}, "'published' is not a real ISO date"),
                                          ({"published": 5}, "'published' must be an ISO date string"),
                                          ({"title": {"a": 1}}, "'title' must be a string")])
def test_bad_metadata_is_refused(options, why):
    with pytest.raises(ValueError, match=why):
        parley.analyze(GOOD, **options)


def test_dates_and_times_become_days():
    assert parley.analyze(GOOD, published="2020-06-18T10:00:00Z").article.published == "2020-06-18"
