"""Conditional rules on fixed parses: a condition clause before or after its consequence,
multi-word cues, "unless", "otherwise", and conditionals inside statements."""
from __future__ import annotations

import pytest

from .conftest import facts, tokens_text

# If the GNA advances on Sirte, Egypt will intervene.
IF_FIRST = """
    0   If         IN   SCONJ  if         3  mark   O
    1   the        DT   DET    the        2  det    O
    2   GNA        NNP  PROPN  GNA        3  nsubj  B-ORG
    3   advances   VBZ  VERB   advance    9  advcl  O
    4   on         IN   ADP    on         3  prep   O
    5   Sirte      NNP  PROPN  Sirte      4  pobj   B-GPE
    6   ,          ,    PUNCT  ,          9  punct  O
    7   Egypt      NNP  PROPN  Egypt      9  nsubj  B-GPE
    8   will       MD   AUX    will       9  aux    O
    9   intervene  VB   VERB   intervene  9  ROOT   O
    10  .          .    PUNCT  .          9  punct  O
"""

# Egypt will intervene if the GNA advances on Sirte.
IF_LAST = """
    0  Egypt      NNP  PROPN  Egypt      2  nsubj  B-GPE
    1  will       MD   AUX    will       2  aux    O
    2  intervene  VB   VERB   intervene  2  ROOT   O
    3  if         IN   SCONJ  if         6  mark   O
    4  the        DT   DET    the        5  det    O
    5  GNA        NNP  PROPN  GNA        6  nsubj  B-ORG
    6  advances   VBZ  VERB   advance    2  advcl  O
    7  on         IN   ADP    on         6  prep   O
    8  Sirte      NNP  PROPN  Sirte      7  pobj   B-GPE
    9  .          .    PUNCT  .          2  punct  O
"""

# Turkey will keep its troops in Libya as long as Haftar threatens Tripoli.
AS_LONG_AS = """
    0   Turkey     NNP   PROPN  Turkey    2   nsubj   B-GPE
    1   will       MD    AUX    will      2   aux     O
    2   keep       VB    VERB   keep      2   ROOT    O
    3   its        PRP$  PRON   its       4   poss    O
    4   troops     NNS   NOUN   troop     2   dobj    O
    5   in         IN    ADP    in        2   prep    O
    6   Libya      NNP   PROPN  Libya     5   pobj    B-GPE
    7   as         RB    ADV    as        8   advmod  O
    8   long       RB    ADV    long      2   advmod  O
    9   as         IN    SCONJ  as        11  mark    O
    10  Haftar     NNP   PROPN  Haftar    11  nsubj   B-PERSON
    11  threatens  VBZ   VERB   threaten  8   advcl   O
    12  Tripoli    NNP   PROPN  Tripoli   11  dobj    B-GPE
    13  .          .     PUNCT  .         2   punct   O
"""

# Unless Haftar withdraws, Turkey will send troops.
UNLESS = """
    0  Unless     IN   SCONJ  unless    2  mark   O
    1  Haftar     NNP  PROPN  Haftar    2  nsubj  B-PERSON
    2  withdraws  VBZ  VERB   withdraw  6  advcl  O
    3  ,          ,    PUNCT  ,         6  punct  O
    4  Turkey     NNP  PROPN  Turkey    6  nsubj  B-GPE
    5  will       MD   AUX    will      6  aux    O
    6  send       VB   VERB   send      6  ROOT   O
    7  troops     NNS  NOUN   troop     6  dobj   O
    8  .          .    PUNCT  .         6  punct  O
"""

# Haftar must withdraw, otherwise Egypt will act.
OTHERWISE = """
    0  Haftar     NNP  PROPN  Haftar     2  nsubj   B-PERSON
    1  must       MD   AUX    must       2  aux     O
    2  withdraw   VB   VERB   withdraw   7  ccomp   O
    3  ,          ,    PUNCT  ,          7  punct   O
    4  otherwise  RB   ADV    otherwise  7  advmod  O
    5  Egypt      NNP  PROPN  Egypt      7  nsubj   B-GPE
    6  will       MD   AUX    will       7  aux     O
    7  act        VB   VERB   act        7  ROOT    O
    8  .          .    PUNCT  .          7  punct   O
"""

# Sisi said that if the GNA advances on Sirte, Egypt will intervene.
REPORTED = """
    0   Sisi       NNP  PROPN  Sisi       1   nsubj  B-PERSON
    1   said       VBD  VERB   say        1   ROOT   O
    2   that       IN   SCONJ  that       12  mark   O
    3   if         IN   SCONJ  if         6   mark   O
    4   the        DT   DET    the        5   det    O
    5   GNA        NNP  PROPN  GNA        6   nsubj  B-ORG
    6   advances   VBZ  VERB   advance    12  advcl  O
    7   on         IN   ADP    on         6   prep   O
    8   Sirte      NNP  PROPN  Sirte      7   pobj   B-GPE
    9   ,          ,    PUNCT  ,          12  punct  O
    10  Egypt      NNP  PROPN  Egypt      12  nsubj  B-GPE
    11  will       MD   AUX    will       12  aux    O
    12  intervene  VB   VERB   intervene  1   ccomp  O
    13  .          .    PUNCT  .          1   punct  O
"""

# Lavrov stressed that in the event that Ankara insisted on its terms, Moscow would continue to
# support Haftar.  (the parser makes the condition a ccomp of the reporting verb)
IN_THE_EVENT_THAT = """
    0   Lavrov    NNP   PROPN  Lavrov    1   nsubj  B-PERSON
    1   stressed  VBD   VERB   stress    1   ROOT   O
    2   that      IN    SCONJ  that      8   mark   O
    3   in        IN    ADP    in        8   prep   O
    4   the       DT    DET    the       5   det    O
    5   event     NN    NOUN   event     3   pobj   O
    6   that      WDT   PRON   that      8   dobj   O
    7   Ankara    NNP   PROPN  Ankara    8   nsubj  B-GPE
    8   insisted  VBD   VERB   insist    1   ccomp  O
    9   on        IN    ADP    on        8   prep   O
    10  its       PRP$  PRON   its       11  poss   O
    11  terms     NNS   NOUN   term      9   pobj   O
    12  ,         ,     PUNCT  ,         15  punct  O
    13  Moscow    NNP   PROPN  Moscow    15  nsubj  B-GPE
    14  would     MD    AUX    would     15  aux    O
    15  continue  VB    VERB   continue  1   ccomp  O
    16  to        TO    PART   to        17  aux    O
    17  support   VB    VERB   support   15  xcomp  O
    18  Haftar    NNP   PROPN  Haftar    17  dobj   B-PERSON
    19  .         .     PUNCT  .         1   punct  O
"""

# The talks resumed, if briefly.
IF_WITHOUT_A_CLAUSE = """
    0  The      DT   DET    the      1  det     O
    1  talks    NNS  NOUN   talk     2  nsubj   O
    2  resumed  VBD  VERB   resume   2  ROOT    O
    3  ,        ,    PUNCT  ,        2  punct   O
    4  if       IN   SCONJ  if       5  mark    O
    5  briefly  RB   ADV    briefly  2  advmod  O
    6  .        .    PUNCT  .        2  punct   O
"""

# Otherwise, the talks went well.
OTHERWISE_FIRST = """
    0  Otherwise  RB   ADV    otherwise  4  advmod  O
    1  ,          ,    PUNCT  ,          4  punct   O
    2  the        DT   DET    the        3  det     O
    3  talks      NNS  NOUN   talk       4  nsubj   O
    4  went       VBD  VERB   go         4  ROOT    O
    5  well       RB   ADV    well       4  advmod  O
    6  .          .    PUNCT  .          4  punct   O
"""

# Egypt asked if the talks would resume.
ASKED_IF = """
    0  Egypt   NNP  PROPN  Egypt   1  nsubj  B-GPE
    1  asked   VBD  VERB   ask     1  ROOT   O
    2  if      IN   SCONJ  if      6  mark   O
    3  the     DT   DET    the     4  det    O
    4  talks   NNS  NOUN   talk    6  nsubj  O
    5  would   MD   AUX    would   6  aux    O
    6  resume  VB   VERB   resume  1  ccomp  O
    7  .       .    PUNCT  .       1  punct  O
"""


def _one(doc):
    found = facts(doc, "conditionals")
    assert len(found) == 1, found
    return found[0]


def _parts(doc, c):
    return c.actor, tokens_text(doc, c.if_), tokens_text(doc, c.then), c.cue


def test_if_clause_before_its_consequence(run):
    doc = run(IF_FIRST, published="2020-06-01")
    c = _one(doc)
    assert _parts(doc, c) == ("egypt", "the GNA advances on Sirte", "Egypt will intervene", "if")
    assert (c.claimed_by, c.token, c.start, c.end) == (None, 3, 0, len(doc.text))


def test_if_clause_after_its_consequence(run):
    doc = run(IF_LAST, published="2020-06-01")
    assert _parts(doc, _one(doc)) == ("egypt", "the GNA advances on Sirte", "Egypt will intervene", "if")


def test_multi_word_cue(run):
    doc = run(AS_LONG_AS)
    assert _parts(doc, _one(doc)) == ("turkey", "Haftar threatens Tripoli", "Turkey will keep its troops in Libya",
                                      "as long as")


def test_unless(run):
    doc = run(UNLESS)
    assert _parts(doc, _one(doc)) == ("turkey", "Haftar withdraws", "Turkey will send troops", "unless")


def test_otherwise_takes_the_clause_before_as_the_condition(run):
    doc = run(OTHERWISE)
    c = _one(doc)
    assert _parts(doc, c) == ("egypt", "Haftar must withdraw,", "Egypt will act", "otherwise")
    assert c.token == 4


def test_conditional_inside_a_statement_is_claimed_by_its_speaker(run):
    doc = run(REPORTED, published="2020-06-01")
    c = _one(doc)
    assert _parts(doc, c) == ("egypt", "the GNA advances on Sirte", "Egypt will intervene", "if")
    assert c.claimed_by == "abdel-fattah-el-sisi"


def test_condition_parsed_as_a_sibling_clause_takes_the_next_clause_as_consequence(run):
    doc = run(IN_THE_EVENT_THAT)
    c = _one(doc)
    assert _parts(doc, c) == ("russia", "Ankara insisted on its terms", "Moscow would continue to support Haftar",
                              "in the event that")
    assert c.claimed_by == "sergey-lavrov"


@pytest.mark.parametrize("table", [IF_WITHOUT_A_CLAUSE, OTHERWISE_FIRST], ids=["if-briefly", "otherwise-first"])
def test_cue_without_a_condition_clause_is_no_conditional(run, table):
    assert facts(run(table), "conditionals") == []


@pytest.mark.xfail(strict=True, reason='an "if" that opens an indirect question (the object of "ask") is '
                   "read as a condition")
def test_if_after_asked_is_no_conditional(run):
    assert facts(run(ASKED_IF), "conditionals") == []
