"""The parsed copy of hostile text: marks and overlong words masked, offsets kept, time linear."""
from __future__ import annotations

import time

import pytest

from parley.nlp.guard import MAX_MARKS, MAX_WORD, defuse

PROSE = 'Turkey said: "We will not accept any deal..." (The talks resume on Monday.) -- AFP'


def test_normal_text_is_the_same_string():
    assert defuse(PROSE) is PROSE


@pytest.mark.parametrize("text", ['"' * 5000, "\u201c\u201d" * 999, '" ' * 700, "((((" * 300, "a" * 5000,
                                  "He said " + "!?" * 400 + " and left.\n\n" + "-\n" * 50])
def test_masked_copy_keeps_length_and_whitespace(text):
    out = defuse(text)
    assert len(out) == len(text)
    assert all(o == t for o, t in zip(out, text) if o != " ")   # only spaces were put in
    assert all(o == t for o, t in zip(out, text) if t.isspace())
    assert max(map(len, out.split())) <= MAX_WORD
    assert out.count('"') <= MAX_MARKS and out.count("(") <= MAX_MARKS


def test_runs_of_quotation_marks_cost_linear_time(analyze):
    costs = {}
    for n in (4_000, 32_000):
        text = '"' * n
        t0 = time.process_time()
        result = analyze(text)
        costs[n] = time.process_time() - t0
        assert result.article.length == n
    assert costs[32_000] < 3.0, costs   # was about 75 s: quadratic in the tokenizer
