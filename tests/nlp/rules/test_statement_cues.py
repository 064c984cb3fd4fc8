"""Statement cue spans on fixed parses: every cue span covers reporting words, and a quote that
goes on with the last speaker (no reporting verb of its own) has none."""
from __future__ import annotations

from .conftest import chars, content, facts, only

# Lavrov said the talks had failed. “We will leave Geneva tomorrow.”
QUOTE_GOING_ON = """
    0   Lavrov    NNP  PROPN  Lavrov    1   nsubj     B-PERSON
    1   said      VBD  VERB   say       1   ROOT      O
    2   the       DT   DET    the       3   det       O
    3   talks     NNS  NOUN   talk      5   nsubj     O
    4   had       VBD  AUX    have      5   aux       O
    5   failed    VBN  VERB   fail      1   ccomp     O
    6   .         .    PUNCT  .         1   punct     O
    7   “         ``   PUNCT  "         10  punct     O
    8   We        PRP  PRON   we        10  nsubj     O
    9   will      MD   AUX    will      10  aux       O
    10  leave     VB   VERB   leave     10  ROOT      O
    11  Geneva    NNP  PROPN  Geneva    10  dobj      B-GPE
    12  tomorrow  NN   NOUN   tomorrow  10  npadvmod  O
    13  .         .    PUNCT  .         10  punct     O
    14  ”         ''   PUNCT  "         10  punct     O
"""


def test_quote_going_on_with_the_last_speaker_has_no_cue_span(run):
    doc = run(QUOTE_GOING_ON)
    said = only(facts(doc, "statements"), direct=False)
    assert (said.speaker, chars(doc, said.cue_span)) == ("sergey-lavrov", "said")
    quote = only(facts(doc, "statements"), direct=True)
    assert (quote.speaker, quote.cue, content(doc, quote)) == ("sergey-lavrov", "say", "We will leave Geneva tomorrow.")
    assert quote.cue_span is None


def test_no_statement_has_an_empty_cue_span(run):
    spans = [st.cue_span for st in facts(run(QUOTE_GOING_ON), "statements")]
    assert all(span is None or span[0] < span[1] for span in spans), spans
