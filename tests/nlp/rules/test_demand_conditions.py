"""Demands owned by the right party, with what they are a condition of, and conditionals owned
by the actor that threatens: fixed parses of sentences written for these tests."""
from __future__ import annotations

import pytest

from .conftest import chars, facts, only

# The GNA and its ally Ankara reject the plan, and they see that several conditions must be met
# before any ceasefire talks. These conditions were summarised by the analyst Ali Demir with three
# conditions: the withdrawal of the LNA from Sirte and Jufra, the reopening of the oil ports, and
# guarantees that no foreign forces will attack Tripoli.
SUMMARISED = """
    0   The         DT    DET    the         1   det        O
    1   GNA         NNP   PROPN  GNA         6   nsubj      B-ORG
    2   and         CC    CCONJ  and         1   cc         O
    3   its         PRP$  PRON   its         4   poss       O
    4   ally        NN    NOUN   ally        1   conj       O
    5   Ankara      NNP   PROPN  Ankara      4   appos      B-GPE
    6   reject      VBP   VERB   reject      6   ROOT       O
    7   the         DT    DET    the         8   det        O
    8   plan        NN    NOUN   plan        6   dobj       O
    9   ,           ,     PUNCT  ,           6   punct      O
    10  and         CC    CCONJ  and         6   cc         O
    11  they        PRP   PRON   they        12  nsubj      O
    12  see         VBP   VERB   see         6   conj       O
    13  that        IN    SCONJ  that        18  mark       O
    14  several     JJ    ADJ    several     15  amod       O
    15  conditions  NNS   NOUN   condition   18  nsubjpass  O
    16  must        MD    AUX    must        18  aux        O
    17  be          VB    AUX    be          18  auxpass    O
    18  met         VBN   VERB   meet        12  ccomp      O
    19  before      IN    ADP    before      18  prep       O
    20  any         DT    DET    any         22  det        O
    21  ceasefire   NN    NOUN   ceasefire   22  compound   O
    22  talks       NNS   NOUN   talk        19  pobj       O
    23  .           .     PUNCT  .           12  punct      O
    24  These       DT    DET    these       25  det        O
    25  conditions  NNS   NOUN   condition   27  nsubjpass  O
    26  were        VBD   AUX    be          27  auxpass    O
    27  summarised  VBN   VERB   summarise   27  ROOT       O
    28  by          IN    ADP    by          27  agent      O
    29  the         DT    DET    the         30  det        O
    30  analyst     NN    NOUN   analyst     28  pobj       O
    31  Ali         NNP   PROPN  Ali         32  compound   B-PERSON
    32  Demir       NNP   PROPN  Demir       30  appos      I-PERSON
    33  with        IN    ADP    with        27  prep       O
    34  three       CD    NUM    three       35  nummod     B-CARDINAL
    35  conditions  NNS   NOUN   condition   33  pobj       O
    36  :           :     PUNCT  :           27  punct      O
    37  the         DT    DET    the         38  det        O
    38  withdrawal  NN    NOUN   withdrawal  25  appos      O
    39  of          IN    ADP    of          38  prep       O
    40  the         DT    DET    the         41  det        O
    41  LNA         NNP   PROPN  LNA         39  pobj       B-ORG
    42  from        IN    ADP    from        38  prep       O
    43  Sirte       NNP   PROPN  Sirte       42  pobj       B-GPE
    44  and         CC    CCONJ  and         43  cc         O
    45  Jufra       NNP   PROPN  Jufra       43  conj       B-GPE
    46  ,           ,     PUNCT  ,           38  punct      O
    47  the         DT    DET    the         48  det        O
    48  reopening   NN    NOUN   reopening   38  appos      O
    49  of          IN    ADP    of          48  prep       O
    50  the         DT    DET    the         52  det        O
    51  oil         NN    NOUN   oil         52  compound   O
    52  ports       NNS   NOUN   port        49  pobj       O
    53  ,           ,     PUNCT  ,           38  punct      O
    54  and         CC    CCONJ  and         38  cc         O
    55  guarantees  NNS   NOUN   guarantee   38  conj       O
    56  that        IN    SCONJ  that        61  mark       O
    57  no          DT    DET    no          59  det        O
    58  foreign     JJ    ADJ    foreign     59  amod       O
    59  forces      NNS   NOUN   force       61  nsubj      O
    60  will        MD    AUX    will        61  aux        O
    61  attack      VB    VERB   attack      55  acl        O
    62  Tripoli     NNP   PROPN  Tripoli     61  dobj       B-GPE
    63  .           .     PUNCT  .           27  punct      O
"""

# On Monday, the GNA requested support from Turkey.
REQUESTED_FROM = """
    0  On         IN   ADP    on       5  prep   O
    1  Monday     NNP  PROPN  Monday   0  pobj   B-DATE
    2  ,          ,    PUNCT  ,        5  punct  O
    3  the        DT   DET    the      4  det    O
    4  GNA        NNP  PROPN  GNA      5  nsubj  B-ORG
    5  requested  VBD  VERB   request  5  ROOT   O
    6  support    NN   NOUN   support  5  dobj   O
    7  from       IN   ADP    from     6  prep   O
    8  Turkey     NNP  PROPN  Turkey   7  pobj   B-GPE
    9  .          .    PUNCT  .        5  punct  O
"""

# Many residents are seeking to join the GNA.
SEEKING_TO = """
    0  Many       JJ   ADJ    many      1  amod   O
    1  residents  NNS  NOUN   resident  3  nsubj  O
    2  are        VBP  AUX    be        3  aux    O
    3  seeking    VBG  VERB   seek      3  ROOT   O
    4  to         TO   PART   to        5  aux    O
    5  join       VB   VERB   join      3  xcomp  O
    6  the        DT   DET    the       7  det    O
    7  GNA        NNP  PROPN  GNA       5  dobj   B-ORG
    8  .          .    PUNCT  .         3  punct  O
"""

# The offensive set the conditions for the liberation of Sirte.
SET_THE_CONDITIONS = """
    0   The         DT   DET    the         1  det    O
    1   offensive   NN   NOUN   offensive   2  nsubj  O
    2   set         VBD  VERB   set         2  ROOT   O
    3   the         DT   DET    the         4  det    O
    4   conditions  NNS  NOUN   condition   2  dobj   O
    5   for         IN   ADP    for         4  prep   O
    6   the         DT   DET    the         7  det    O
    7   liberation  NN   NOUN   liberation  5  pobj   O
    8   of          IN   ADP    of          7  prep   O
    9   Sirte       NNP  PROPN  Sirte       8  pobj   B-GPE
    10  .           .    PUNCT  .           2  punct  O
"""

# Egypt insisted on their terms.
THEIR_TERMS = """
    0  Egypt     NNP   PROPN  Egypt   1  nsubj  B-GPE
    1  insisted  VBD   VERB   insist  1  ROOT   O
    2  on        IN    ADP    on      1  prep   O
    3  their     PRP$  PRON   their   4  poss   O
    4  terms     NNS   NOUN   term    2  pobj   O
    5  .         .     PUNCT  .       1  punct  O
"""

# The GNA called on Russia to withdraw its fighters as a condition for talks.
AS_A_CONDITION_FOR = """
    0   The        DT    DET    the        1   det    B-ORG
    1   GNA        NNP   PROPN  GNA        2   nsubj  I-ORG
    2   called     VBD   VERB   call       2   ROOT   O
    3   on         IN    ADP    on         2   prep   O
    4   Russia     NNP   PROPN  Russia     3   pobj   B-GPE
    5   to         TO    PART   to         6   aux    O
    6   withdraw   VB    VERB   withdraw   2   xcomp  O
    7   its        PRP$  PRON   its        8   poss   O
    8   fighters   NNS   NOUN   fighter    6   dobj   O
    9   as         IN    ADP    as         6   prep   O
    10  a          DT    DET    a          11  det    O
    11  condition  NN    NOUN   condition  9   pobj   O
    12  for        IN    ADP    for        11  prep   O
    13  talks      NNS   NOUN   talk       12  pobj   O
    14  .          .     PUNCT  .          2   punct  O
"""

# Haftar demanded the release of his fighters in exchange for a truce.
IN_EXCHANGE_FOR = """
    0   Haftar    NNP   PROPN  Haftar    1   nsubj  B-PERSON
    1   demanded  VBD   VERB   demand    1   ROOT   O
    2   the       DT    DET    the       3   det    O
    3   release   NN    NOUN   release   1   dobj   O
    4   of        IN    ADP    of        3   prep   O
    5   his       PRP$  PRON   his       6   poss   O
    6   fighters  NNS   NOUN   fighter   4   pobj   O
    7   in        IN    ADP    in        3   prep   O
    8   exchange  NN    NOUN   exchange  7   pobj   O
    9   for       IN    ADP    for       8   prep   O
    10  a         DT    DET    a         11  det    O
    11  truce     NN    NOUN   truce     9   pobj   O
    12  .         .     PUNCT  .         1   punct  O
"""

# Egypt urged the LNA to withdraw in order to reach a deal.
IN_ORDER_TO = """
    0   Egypt     NNP  PROPN  Egypt     1   nsubj  B-GPE
    1   urged     VBD  VERB   urge      1   ROOT   O
    2   the       DT   DET    the       3   det    O
    3   LNA       NNP  PROPN  LNA       1   dobj   B-ORG
    4   to        TO   PART   to        5   aux    O
    5   withdraw  VB   VERB   withdraw  1   xcomp  O
    6   in        IN   ADP    in        5   prep   O
    7   order     NN   NOUN   order     6   pobj   O
    8   to        TO   PART   to        9   aux    O
    9   reach     VB   VERB   reach     7   acl    O
    10  a         DT   DET    a         11  det    O
    11  deal      NN   NOUN   deal      9   dobj   O
    12  .         .    PUNCT  .         1   punct  O
"""

# The Members of the Security Council urge the rebels to leave the city ("urge" misread as a noun).
URGE_READ_AS_NOUN = """
    0   The       DT   DET    the      1   det       O
    1   Members   NNPS PROPN  Members  6   nsubj     O
    2   of        IN   ADP    of       1   prep      O
    3   the       DT   DET    the      5   det       B-ORG
    4   Security  NNP  PROPN  Security 5   compound  I-ORG
    5   Council   NNP  PROPN  Council  2   pobj      I-ORG
    6   urge      NN   NOUN   urge     6   ROOT      O
    7   the       DT   DET    the      8   det       O
    8   rebels    NNS  NOUN   rebel    6   dobj      O
    9   to        TO   PART   to       10  aux       O
    10  leave     VB   VERB   leave    6   xcomp     O
    11  the       DT   DET    the      12  det       O
    12  city      NN   NOUN   city     10  dobj      O
    13  .         .    PUNCT  .        6   punct     O
"""

# The analyst Ali Demir said that his country would send more troops if Haftar attacked Tripoli,
# and that Turkey backs the GNA.
HIS_COUNTRY_WOULD_IF = """
    0   The       DT    DET    the      1   det       O
    1   analyst   NN    NOUN   analyst  4   nsubj     O
    2   Ali       NNP   PROPN  Ali      3   compound  B-PERSON
    3   Demir     NNP   PROPN  Demir    1   appos     I-PERSON
    4   said      VBD   VERB   say      4   ROOT      O
    5   that      IN    SCONJ  that     9   mark      O
    6   his       PRP$  PRON   his      7   poss      O
    7   country   NN    NOUN   country  9   nsubj     O
    8   would     MD    AUX    would    9   aux       O
    9   send      VB    VERB   send     4   ccomp     O
    10  more      JJR   ADJ    more     11  amod      O
    11  troops    NNS   NOUN   troop    9   dobj      O
    12  if        IN    SCONJ  if       14  mark      O
    13  Haftar    NNP   PROPN  Haftar   14  nsubj     B-PERSON
    14  attacked  VBD   VERB   attack   9   advcl     O
    15  Tripoli   NNP   PROPN  Tripoli  14  dobj      B-GPE
    16  ,         ,     PUNCT  ,        9   punct     O
    17  and       CC    CCONJ  and      9   cc        O
    18  that      IN    SCONJ  that     20  mark      O
    19  Turkey    NNP   PROPN  Turkey   20  nsubj     B-GPE
    20  backs     VBZ   VERB   back     9   conj      O
    21  the       DT    DET    the      22  det       O
    22  GNA       NNP   PROPN  GNA      20  dobj      B-ORG
    23  .         .     PUNCT  .        4   punct     O
"""

# Egypt will intervene if the Turkish-backed forces cross the line.
IF_WITH_A_PARTICIPLE = """
    0   Egypt      NNP   PROPN  Egypt      2   nsubj     B-GPE
    1   will       MD    AUX    will       2   aux       O
    2   intervene  VB    VERB   intervene  2   ROOT      O
    3   if         IN    SCONJ  if         9   mark      O
    4   the        DT    DET    the        8   det       O
    5   Turkish    NNP   PROPN  Turkish    7   npadvmod  B-NORP
    6   -          HYPH  PUNCT  -          7   punct     O
    7   backed     VBN   VERB   back       8   amod      O
    8   forces     NNS   NOUN   force      9   nsubj     O
    9   cross      VBP   VERB   cross      2   advcl     O
    10  the        DT    DET    the        11  det       O
    11  line       NN    NOUN   line       9   dobj      O
    12  .          .     PUNCT  .          2   punct     O
"""


def _items(doc, d):
    return [chars(doc, it) for it in d.items]


def test_summarised_conditions_belong_to_the_party_named_before(run):
    doc = run(SUMMARISED)
    d = only(facts(doc, "demands"))
    analyst = facts(doc, "table").by_token[32]
    assert (d.by, d.claimed_by, d.cue) == (["gna", "turkey"], analyst, "condition")
    assert d.condition_for == "any ceasefire talks"
    assert _items(doc, d) == ["the withdrawal of the LNA from Sirte and Jufra", "the reopening of the oil ports",
                              "guarantees that no foreign forces will attack Tripoli"]


def test_requested_from_x_is_asked_of_x_and_a_date_is_no_item(run):
    doc = run(REQUESTED_FROM)
    d = only(facts(doc, "demands"))
    assert (d.by, d.of) == (["gna"], ["turkey"])
    assert _items(doc, d) == ["support from Turkey"]


@pytest.mark.parametrize("table", [SEEKING_TO, SET_THE_CONDITIONS, THEIR_TERMS],
                         ids=["seeking-to", "set-the-conditions-for", "their-terms"])
def test_no_demanded_thing_no_demand(run, table):
    assert facts(run(table), "demands") == []


@pytest.mark.parametrize("table, items, condition", [
    (AS_A_CONDITION_FOR, ["withdraw its fighters"], "talks"),
    (IN_EXCHANGE_FOR, ["the release of his fighters"], "a truce"),
    (IN_ORDER_TO, ["withdraw"], "reach a deal"),
], ids=["as-a-condition-for", "in-exchange-for", "in-order-to"])
def test_what_a_demand_is_for_is_its_condition_not_an_item(run, table, items, condition):
    doc = run(table)
    d = only(facts(doc, "demands"))
    assert (_items(doc, d), d.condition_for) == (items, condition)


def test_demand_verb_misread_as_a_noun_asks_its_object(run):
    doc = run(URGE_READ_AS_NOUN)
    d = only(facts(doc, "demands"))
    assert (d.by, d.cue) == (["unsc"], "urge")
    assert _items(doc, d) == ["leave the city"]


def test_his_country_would_if_is_the_states_threat_claimed_by_the_speaker(run):
    doc = run(HIS_COUNTRY_WOULD_IF)
    c = only(facts(doc, "conditionals"))
    speaker = facts(doc, "table").by_token[3]
    assert (c.actor, c.claimed_by) == ("turkey", speaker)
    assert doc[c.if_[0]:c.if_[1]].text == "Haftar attacked Tripoli"
    assert doc[c.then[0]:c.then[1]].text == "his country would send more troops"


def test_condition_clause_is_the_whole_clause_not_a_modifier_inside_it(run):
    doc = run(IF_WITH_A_PARTICIPLE)
    c = only(facts(doc, "conditionals"))
    assert c.actor == "egypt"
    assert doc[c.if_[0]:c.if_[1]].text == "the Turkish-backed forces cross the line"
    assert doc[c.then[0]:c.then[1]].text == "Egypt will intervene"
