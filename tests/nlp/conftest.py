"""Shared fixture of the rule-based NLP tests: one warm pipeline per test module."""
from __future__ import annotations

import pytest

import parley


@pytest.fixture(scope="module")
def analyze():
    """``parley.analyze``, after one warm-up call (the first call loads the model, the KB and
    the gazetteer; later calls in the process reuse them)."""
    parley.analyze("Moscow said on Monday that the talks in Geneva would resume.")
    return parley.analyze
