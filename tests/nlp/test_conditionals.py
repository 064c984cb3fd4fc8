"""Conditionals: if / unless / as long as / in the event that / otherwise."""
from __future__ import annotations

import pytest


def _one(a):
    assert len(a.conditionals) == 1, a.conditionals
    return a.conditionals[0]


@pytest.mark.parametrize("text", [
    "If Turkish forces advance on Sirte, Egypt will intervene militarily.",
    "Egypt will intervene militarily if Turkish forces advance on Sirte.",
], ids=["if-first", "if-last"])
def test_if(analyze, text):
    a = analyze(text)
    c = _one(a)
    assert (c.actor, c.cue, c.claimed_by) == ("egypt", "if", None)
    assert c.if_ == "Turkish forces advance on Sirte"
    assert c.then == "Egypt will intervene militarily"
    assert c.evidence == text


def test_unless(analyze):
    a = analyze("Egypt will not intervene unless Turkish forces cross the Sirte-Jufra line.")
    c = _one(a)
    assert (c.actor, c.cue) == ("egypt", "unless")
    assert c.if_ == "Turkish forces cross the Sirte-Jufra line"
    assert c.then == "Egypt will not intervene"


def test_as_long_as(analyze):
    text = ("Russia will keep its advisers in Libya as long as the Government of National Accord "
            "refuses to negotiate.")
    a = analyze(text, published="2020-06-01")
    c = _one(a)
    assert (c.actor, c.cue) == ("russia", "as long as")
    assert c.if_ == "the Government of National Accord refuses to negotiate"
    assert c.then == "Russia will keep its advisers in Libya"


def test_in_the_event_that_inside_a_statement(analyze):
    text = ("Sergey Lavrov stressed that in the event that Ankara insisted on its terms, Moscow would "
            "have no choice but to continue supporting Haftar.")
    a = analyze(text)
    c = _one(a)
    assert (c.actor, c.cue, c.claimed_by) == ("russia", "in the event that", "sergey-lavrov")
    assert c.if_ == "Ankara insisted on its terms"
    assert c.then == "Moscow would have no choice but to continue supporting Haftar"


def test_otherwise_actor_and_consequence(analyze):
    text = "Haftar must withdraw his forces from Sirte, otherwise Ankara will support a new offensive."
    a = analyze(text)
    c = _one(a)
    assert (c.actor, c.cue) == ("turkey", "otherwise")
    assert c.then == "Ankara will support a new offensive"
    assert c.if_.startswith("Haftar must withdraw his forces from Sirte")


@pytest.mark.xfail(strict=True, reason=(
    "_otherwise() takes the whole clause before the cue as the condition, punctuation "
    "included: if == 'Haftar must withdraw his forces from Sirte,' (trailing comma)"))
def test_otherwise_condition_has_no_trailing_punctuation(analyze):
    text = "Haftar must withdraw his forces from Sirte, otherwise Ankara will support a new offensive."
    a = analyze(text)
    assert _one(a).if_ == "Haftar must withdraw his forces from Sirte"


@pytest.mark.xfail(strict=True, reason=(
    "_otherwise() runs the consequence to the end of the sentence, so a trailing attribution "
    "is swallowed: then == 'the army will resume its offensive, Ahmed Al-Mismari warned' and "
    "if ends with a comma"))
def test_otherwise_with_trailing_attribution(analyze):
    text = ("The mercenaries must leave Sirte by the end of the month, otherwise the army will resume "
            "its offensive, Ahmed Al-Mismari warned.")
    a = analyze(text)
    c = _one(a)
    assert c.claimed_by == "person:ahmed-al-mismari"
    assert c.then == "the army will resume its offensive"
    assert c.if_ == "The mercenaries must leave Sirte by the end of the month"
