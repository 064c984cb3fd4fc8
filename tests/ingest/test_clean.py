"""Cleaning at the edge: unstorable characters, empty texts, dates, metadata types."""
from __future__ import annotations

import pytest

from parley.ingest.clean import check_date, clean_meta, clean_text, is_empty

GOOD = "Russia said on Monday that it supports the ceasefire in Libya. Turkey rejected the proposal."


def test_unstorable_characters_are_replaced_one_for_one():
    text = "a\x00b\ud800c\udfffd"
    assert clean_text(text) == "a\ufffdb\ufffdc\ufffdd"
    assert len(clean_text(text)) == len(text)
    assert clean_text(GOOD) == GOOD


@pytest.mark.parametrize("text", ["", "   \n\t", "\u200b\u200c\u200d\u2060\ufeff", "\x01\x02\x1f\x7f", "ab", "12 345 !?",
                                  "\u00a0\u3000a\u0301"])
def test_texts_without_a_few_letters_are_empty(text):
    assert is_empty(text)


@pytest.mark.parametrize("text", ["abc", "Lyon", "\u5317\u4eac\u5e02", GOOD])
def test_texts_with_letters_are_not_empty(text):
    assert not is_empty(text)


@pytest.mark.parametrize("value, day", [(None, None), ("", None), ("2020-07-02", "2020-07-02"),
                                        (" 2020-07-02 ", "2020-07-02"), ("2020-07-02T23:59:00+05:00", "2020-07-02"),
                                        ("2020-02-29", "2020-02-29")])
def test_real_dates_are_days(value, day):
    assert check_date(value) == day


@pytest.mark.parametrize("value", ["2020-02-30", "garbage", "not-a-date", "2020-13-01", "20", 5, 1e999,
                                   float("nan"), True, {"y": 2020}])
def test_other_dates_are_refused(value):
    with pytest.raises(ValueError, match="'published'"):
        check_date(value)


def test_metadata_must_be_strings_and_is_cleaned():
    assert clean_meta({"title": "a\x00", "url": None, "source": "s", "extra": 1}) == {
        "title": "a\ufffd", "url": None, "source": "s", "extra": 1}
    with pytest.raises(ValueError, match="'title' must be a string, not an object"):
        clean_meta({"title": {"a": 1}})
