"""Event rules on fixed parses: PLOVER types derived from relations, demands, conditionals and
reporting cues; what did not or may not happen gives no event."""
from __future__ import annotations

import pytest

from .conftest import facts

# Turkey supports the GNA.
SUPPORTS = """
    0  Turkey    NNP  PROPN  Turkey   1  nsubj  B-GPE
    1  supports  VBZ  VERB   support  1  ROOT   O
    2  the       DT   DET    the      3  det    O
    3  GNA       NNP  PROPN  GNA      1  dobj   B-ORG
    4  .         .    PUNCT  .        1  punct  O
"""

# The UAE armed Haftar.
ARMED = """
    0  The     DT   DET    the     1  det    O
    1  UAE     NNP  PROPN  UAE     2  nsubj  B-ORG
    2  armed   VBD  VERB   arm     2  ROOT   O
    3  Haftar  NNP  PROPN  Haftar  2  dobj   B-PERSON
    4  .       .    PUNCT  .       2  punct  O
"""

# The UAE launched an attack on the GNA.
ATTACK = """
    0  The       DT   DET    the     1  det    O
    1  UAE       NNP  PROPN  UAE     2  nsubj  B-ORG
    2  launched  VBD  VERB   launch  2  ROOT   O
    3  an        DT   DET    an      4  det    O
    4  attack    NN   NOUN   attack  2  dobj   O
    5  on        IN   ADP    on      4  prep   O
    6  the       DT   DET    the     7  det    O
    7  GNA       NNP  PROPN  GNA     5  pobj   B-ORG
    8  .         .    PUNCT  .       2  punct  O
"""

# Algeria does not support Haftar.
NEGATED = """
    0  Algeria  NNP  PROPN  Algeria  3  nsubj  B-GPE
    1  does     VBZ  AUX    do       3  aux    O
    2  not      RB   PART   not      3  neg    O
    3  support  VB   VERB   support  3  ROOT   O
    4  Haftar   NNP  PROPN  Haftar   3  dobj   B-PERSON
    5  .        .    PUNCT  .        3  punct  O
"""

# Russia could back Haftar.
HYPOTHETICAL = """
    0  Russia  NNP  PROPN  Russia  2  nsubj  B-GPE
    1  could   MD   AUX    could   2  aux    O
    2  back    VB   VERB   back    2  ROOT   O
    3  Haftar  NNP  PROPN  Haftar  2  dobj   B-PERSON
    4  .       .    PUNCT  .       2  punct  O
"""

# The UAE will back the LNA.
FUTURE = """
    0  The   DT   DET    the   1  det    O
    1  UAE   NNP  PROPN  UAE   3  nsubj  B-ORG
    2  will  MD   AUX    will  3  aux    O
    3  back  VB   VERB   back  3  ROOT   O
    4  the   DT   DET    the   5  det    O
    5  LNA   NNP  PROPN  LNA   3  dobj   B-ORG
    6  .     .    PUNCT  .     3  punct  O
"""

# The UN called on Haftar to withdraw.
CALLED_ON = """
    0  The       DT   DET    the       1  det    O
    1  UN        NNP  PROPN  UN        2  nsubj  B-ORG
    2  called    VBD  VERB   call      2  ROOT   O
    3  on        IN   ADP    on        2  prep   O
    4  Haftar    NNP  PROPN  Haftar    3  pobj   B-PERSON
    5  to        TO   PART   to        6  aux    O
    6  withdraw  VB   VERB   withdraw  2  xcomp  O
    7  .         .    PUNCT  .         2  punct  O
"""

# If the GNA advances on Sirte, Egypt will intervene.
CONDITIONAL = """
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

# The GNA denied that its forces shelled the port.
DENIED = """
    0  The      DT    DET    the    1  det    O
    1  GNA      NNP   PROPN  GNA    2  nsubj  B-ORG
    2  denied   VBD   VERB   deny   2  ROOT   O
    3  that     IN    SCONJ  that   6  mark   O
    4  its      PRP$  PRON   its    5  poss   O
    5  forces   NNS   NOUN   force  6  nsubj  O
    6  shelled  VBD   VERB   shell  2  ccomp  O
    7  the      DT    DET    the    8  det    O
    8  port     NN    NOUN   port   6  dobj   O
    9  .        .     PUNCT  .      2  punct  O
"""

# The GNA did not deny that its forces shelled the port.
DID_NOT_DENY = """
    0   The      DT    DET    the    1   det    O
    1   GNA      NNP   PROPN  GNA    4   nsubj  B-ORG
    2   did      VBD   AUX    do     4   aux    O
    3   not      RB    PART   not    4   neg    O
    4   deny     VB    VERB   deny   4   ROOT   O
    5   that     IN    SCONJ  that   8   mark   O
    6   its      PRP$  PRON   its    7   poss   O
    7   forces   NNS   NOUN   force  8   nsubj  O
    8   shelled  VBD   VERB   shell  4   ccomp  O
    9   the      DT    DET    the    10  det    O
    10  port     NN    NOUN   port   8   dobj   O
    11  .        .     PUNCT  .      4   punct  O
"""


def _events(doc):
    return [(e.type, e.mode, e.source, e.target) for e in facts(doc, "events")]


@pytest.mark.parametrize("table, event", [
    (SUPPORTS, ("SUPPORT", None, "turkey", "gna")),
    (ARMED, ("AID", "military", "united-arab-emirates", "khalifa-haftar")),
    (ATTACK, ("ASSAULT", None, "united-arab-emirates", "gna")),
    (FUTURE, ("SUPPORT", None, "united-arab-emirates", "lna")),
], ids=["supports", "arm", "attack", "future"])
def test_relation_gives_the_event_of_its_type_and_cue(run, table, event):
    assert _events(run(table)) == [event]


def test_event_keeps_the_relations_evidence_and_cue_token(run):
    doc = run(SUPPORTS)
    (e,), (r,) = facts(doc, "events"), facts(doc, "relations")
    assert (e.start, e.end, e.token) == (r.start, r.end, r.token) == (0, len(doc.text), 1)


@pytest.mark.parametrize("table", [NEGATED, HYPOTHETICAL], ids=["negated", "hypothetical"])
def test_negated_or_hypothetical_relation_gives_no_event(run, table):
    doc = run(table)
    assert facts(doc, "relations")   # the relation is there, the event is not
    assert facts(doc, "events") == []


def test_demand_gives_a_demand_event_from_its_holder_to_its_addressee(run):
    events = _events(run(CALLED_ON))
    assert ("DEMAND", None, "un", "khalifa-haftar") in events
    assert {e[0] for e in events} == {"DEMAND"}


def test_conditional_gives_a_conditional_threat_by_its_actor(run):
    events = _events(run(CONDITIONAL, published="2020-06-01"))
    assert events == [("THREATEN", "conditional", "egypt", None)]


def test_reporting_cue_with_a_plover_type_gives_a_statement_event(run):
    doc = run(DENIED)
    (e,) = facts(doc, "events")
    (st,) = facts(doc, "statements")
    assert (e.type, e.mode, e.source, e.target) == ("REJECT", None, "gna", None)
    assert (e.start, e.token) == (st.start, st.tokens[0])


def test_negated_statement_gives_no_event(run):
    doc = run(DID_NOT_DENY)
    assert [st.negated for st in facts(doc, "statements")] == [True]
    assert facts(doc, "events") == []
