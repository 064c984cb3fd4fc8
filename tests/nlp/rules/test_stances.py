"""Stance constructions on fixed parses: "against"-phrases, hyphenated modifiers, relative and
participle clauses, support given by someone, first-person speakers, mutual nouns, acts done
to someone, helpers, "from"-phrases, and what is not a stance."""
from __future__ import annotations

import pytest

from .conftest import facts, only

# Egypt massed troops against Turkey.
AGAINST = """
    0  Egypt    NNP  PROPN  Egypt    1  nsubj  B-GPE
    1  massed   VBD  VERB   mass     1  ROOT   O
    2  troops   NNS  NOUN   troop    1  dobj   O
    3  against  IN   ADP    against  1  prep   O
    4  Turkey   NNP  PROPN  Turkey   3  pobj   B-GPE
    5  .        .    PUNCT  .        1  punct  O
"""

# Egypt did not mass troops against Turkey.
NOT_AGAINST = """
    0  Egypt    NNP  PROPN  Egypt    3  nsubj  B-GPE
    1  did      VBD  AUX    do       3  aux    O
    2  not      RB   PART   not      3  neg    O
    3  mass     VB   VERB   mass     3  ROOT   O
    4  troops   NNS  NOUN   troop    3  dobj   O
    5  against  IN   ADP    against  3  prep   O
    6  Turkey   NNP  PROPN  Turkey   5  pobj   B-GPE
    7  .        .    PUNCT  .        3  punct  O
"""

# Iran-backed Houthis attacked the port, Iran said.
HYPHEN_BACKED = """
    0   Iran      NNP   PROPN  Iran     2  npadvmod  B-GPE
    1   -         HYPH  PUNCT  -        2  punct     O
    2   backed    VBN   VERB   back     3  amod      O
    3   Houthis   NNP   PROPN  Houthis  4  nsubj     B-PERSON
    4   attacked  VBD   VERB   attack   9  ccomp     O
    5   the       DT    DET    the      6  det       O
    6   port      NN    NOUN   port     4  dobj      O
    7   ,         ,     PUNCT  ,        9  punct     O
    8   Iran      NNP   PROPN  Iran     9  nsubj     B-GPE
    9   said      VBD   VERB   say      9  ROOT      O
    10  .         .     PUNCT  .        9  punct     O
"""

# The pro-Turkish GNA rejected the plan.
PRO_PREFIX = """
    0  The       DT   DET    the      4  det    O
    1  pro       JJ   ADJ    pro      4  amod   O
    2  -         HYPH PUNCT  -        4  punct  O
    3  Turkish   JJ   ADJ    turkish  4  amod   B-NORP
    4  GNA       NNP  PROPN  GNA      5  nsubj  B-ORG
    5  rejected  VBD  VERB   reject   5  ROOT   O
    6  the       DT   DET    the      7  det    O
    7  plan      NN   NOUN   plan     5  dobj   O
    8  .         .    PUNCT  .        5  punct  O
"""

# The regime, which is backed by Moscow, rejected the plan.
RELATIVE_PASSIVE = """
    0   The       DT   DET    the     1   det        O
    1   regime    NN   NOUN   regime  9   nsubj      O
    2   ,         ,    PUNCT  ,       1   punct      O
    3   which     WDT  PRON   which   5   nsubjpass  O
    4   is        VBZ  AUX    be      5   auxpass    O
    5   backed    VBN  VERB   back    1   relcl      O
    6   by        IN   ADP    by      5   agent      O
    7   Moscow    NNP  PROPN  Moscow  6   pobj       B-GPE
    8   ,         ,    PUNCT  ,       1   punct      O
    9   rejected  VBD  VERB   reject  9   ROOT       O
    10  the       DT   DET    the     11  det        O
    11  plan      NN   NOUN   plan    9   dobj       O
    12  .         .    PUNCT  .       9   punct      O
"""

# Turkish troops fighting the Kurdish militia entered the town.
PARTICIPLE = """
    0  Turkish   JJ   ADJ    turkish  1  amod   B-NORP
    1  troops    NNS  NOUN   troop    6  nsubj  O
    2  fighting  VBG  VERB   fight    1  acl    O
    3  the       DT   DET    the      5  det    O
    4  Kurdish   JJ   ADJ    kurdish  5  amod   B-NORP
    5  militia   NN   NOUN   militia  2  dobj   O
    6  entered   VBD  VERB   enter    6  ROOT   O
    7  the       DT   DET    the      8  det    O
    8  town      NN   NOUN   town     6  dobj   O
    9  .         .    PUNCT  .        6  punct  O
"""

# With the support of Turkey, the GNA pushed back the LNA.
WITH_SUPPORT_OF = """
    0   With     IN   ADP    with     8   prep    O
    1   the      DT   DET    the      2   det     O
    2   support  NN   NOUN   support  0   pobj    O
    3   of       IN   ADP    of       2   prep    O
    4   Turkey   NNP  PROPN  Turkey   3   pobj    B-GPE
    5   ,        ,    PUNCT  ,        8   punct   O
    6   the      DT   DET    the      7   det     O
    7   GNA      NNP  PROPN  GNA      8   nsubj   B-ORG
    8   pushed   VBD  VERB   push     8   ROOT    O
    9   back     RB   ADV    back     8   advmod  O
    10  the      DT   DET    the      11  det     O
    11  LNA      NNP  PROPN  LNA      8   dobj    B-ORG
    12  .        .    PUNCT  .        8   punct   O
"""

# "We will fight the LNA," the GNA said.
WE_IN_A_QUOTE = """
    0   "      ``   PUNCT  "      10  punct  O
    1   We     PRP  PRON   we     3   nsubj  O
    2   will   MD   AUX    will   3   aux    O
    3   fight  VB   VERB   fight  10  ccomp  O
    4   the    DT   DET    the    5   det    O
    5   LNA    NNP  PROPN  LNA    3   dobj   B-ORG
    6   ,      ,    PUNCT  ,      10  punct  O
    7   "      ''   PUNCT  "      10  punct  O
    8   the    DT   DET    the    9   det    O
    9   GNA    NNP  PROPN  GNA    10  nsubj  B-ORG
    10  said   VBD  VERB   say    10  ROOT   O
    11  .      .    PUNCT  .      10  punct  O
"""

# The GNA met in Tripoli. We will continue to strike the LNA.
WE_OF_THE_PUBLISHER = """
    0   The       DT   DET    the       1   det    O
    1   GNA       NNP  PROPN  GNA       2   nsubj  B-ORG
    2   met       VBD  VERB   meet      2   ROOT   O
    3   in        IN   ADP    in        2   prep   O
    4   Tripoli   NNP  PROPN  Tripoli   3   pobj   B-GPE
    5   .         .    PUNCT  .         2   punct  O
    6   We        PRP  PRON   we        8   nsubj  O
    7   will      MD   AUX    will      8   aux    O
    8   continue  VB   VERB   continue  8   ROOT   O
    9   to        TO   PART   to        10  aux    O
    10  strike    VB   VERB   strike    8   xcomp  O
    11  the       DT   DET    the       12  det    O
    12  LNA       NNP  PROPN  LNA       10  dobj   B-ORG
    13  .         .    PUNCT  .         8   punct  O
"""

# He fought in the Iran-Iraq war.
MUTUAL_WAR = """
    0  He      PRP   PRON   he     1  nsubj     O
    1  fought  VBD   VERB   fight  1  ROOT      O
    2  in      IN    ADP    in     1  prep      O
    3  the     DT    DET    the    7  det       O
    4  Iran    NNP   PROPN  Iran   6  compound  B-GPE
    5  -       HYPH  PUNCT  -      6  punct     O
    6  Iraq    NNP   PROPN  Iraq   7  compound  B-GPE
    7  war     NN    NOUN   war    2  pobj      O
    8  .       .     PUNCT  .      1  punct     O
"""

# Haftar was targeted in a raid by the GNA.
PASSIVE_IN_A_RAID_BY = """
    0  Haftar    NNP  PROPN  Haftar  2  nsubjpass  B-PERSON
    1  was       VBD  AUX    be      2  auxpass    O
    2  targeted  VBN  VERB   target  2  ROOT       O
    3  in        IN   ADP    in      2  prep       O
    4  a         DT   DET    a       5  det        O
    5  raid      NN   NOUN   raid    3  pobj       O
    6  by        IN   ADP    by      5  prep       O
    7  the       DT   DET    the     8  det        O
    8  GNA       NNP  PROPN  GNA     6  pobj       B-ORG
    9  .         .    PUNCT  .       2  punct      O
"""

# The arrest of Haftar by the GNA angered Egypt.
ACT_DONE_TO = """
    0  The      DT   DET    the     1  det    O
    1  arrest   NN   NOUN   arrest  7  nsubj  O
    2  of       IN   ADP    of      1  prep   O
    3  Haftar   NNP  PROPN  Haftar  2  pobj   B-PERSON
    4  by       IN   ADP    by      1  prep   O
    5  the      DT   DET    the     6  det    O
    6  GNA      NNP  PROPN  GNA     4  pobj   B-ORG
    7  angered  VBD  VERB   anger   7  ROOT   O
    8  Egypt    NNP  PROPN  Egypt   7  dobj   B-GPE
    9  .        .    PUNCT  .       7  punct  O
"""

# Turkey is helping the GNA to defeat the LNA.
HELPING = """
    0  Turkey   NNP  PROPN  Turkey  2  nsubj  B-GPE
    1  is       VBZ  AUX    be      2  aux    O
    2  helping  VBG  VERB   help    2  ROOT   O
    3  the      DT   DET    the     4  det    O
    4  GNA      NNP  PROPN  GNA     6  nsubj  B-ORG
    5  to       TO   PART   to      6  aux    O
    6  defeat   VB   VERB   defeat  2  ccomp  O
    7  the      DT   DET    the     8  det    O
    8  LNA      NNP  PROPN  LNA     6  dobj   B-ORG
    9  .        .    PUNCT  .       2  punct  O
"""

# The GNA liberated the city from the LNA.
LIBERATED_FROM = """
    0  The        DT   DET    the       1  det    O
    1  GNA        NNP  PROPN  GNA       2  nsubj  B-ORG
    2  liberated  VBD  VERB   liberate  2  ROOT   O
    3  the        DT   DET    the       4  det    O
    4  city       NN   NOUN   city      2  dobj   O
    5  from       IN   ADP    from      2  prep   O
    6  the        DT   DET    the       7  det    O
    7  LNA        NNP  PROPN  LNA       5  pobj   B-ORG
    8  .          .    PUNCT  .         2  punct  O
"""

# Armenia recognised Karabakh as part of Azerbaijan.
RECOGNISED_AS_PART = """
    0  Armenia     NNP  PROPN  Armenia     1  nsubj  B-GPE
    1  recognised  VBD  VERB   recognise   1  ROOT   O
    2  Karabakh    NNP  PROPN  Karabakh    1  dobj   B-GPE
    3  as          IN   ADP    as          1  prep   O
    4  part        NN   NOUN   part        3  pobj   O
    5  of          IN   ADP    of          4  prep   O
    6  Azerbaijan  NNP  PROPN  Azerbaijan  5  pobj   B-GPE
    7  .           .    PUNCT  .           1  punct  O
"""

# Egypt condemned the attack by the Houthis.
CONDEMNED_ATTACK_BY = """
    0  Egypt      NNP  PROPN  Egypt    1  nsubj  B-GPE
    1  condemned  VBD  VERB   condemn  1  ROOT   O
    2  the        DT   DET    the      3  det    O
    3  attack     NN   NOUN   attack   1  dobj   O
    4  by         IN   ADP    by       3  prep   O
    5  the        DT   DET    the      6  det    O
    6  Houthis    NNP  PROPN  Houthis  4  pobj   B-ORG
    7  .          .    PUNCT  .        1  punct  O
"""

# A series of Turkish airstrikes against the LNA killed ten fighters ("airstrikes" misread as a verb).
NOUN_READ_AS_VERB = """
    0   A           DT   DET    a          1  det       O
    1   series      NN   NOUN   series     8  nsubj     O
    2   of          IN   ADP    of         1  prep      O
    3   Turkish     JJ   ADJ    turkish    4  amod      B-NORP
    4   airstrikes  VBZ  VERB   airstrike  2  pobj      O
    5   against     IN   ADP    against    4  prep      O
    6   the         DT   DET    the        7  det       O
    7   LNA         NNP  PROPN  LNA        5  pobj      B-ORG
    8   killed      VBD  VERB   kill       8  ROOT      O
    9   ten         CD   NUM    ten        10 nummod    B-CARDINAL
    10  fighters    NNS  NOUN   fighter    8  dobj      O
    11  .           .    PUNCT  .          8  punct     O
"""

# GNA strikes destroyed an LNA-held depot.
DESTROYED_X_HELD = """
    0  GNA        NNP   PROPN  GNA      1  compound  B-ORG
    1  strikes    NNS   NOUN   strike   2  nsubj     O
    2  destroyed  VBD   VERB   destroy  2  ROOT      O
    3  an         DT    DET    an       7  det       O
    4  LNA        NNP   PROPN  LNA      6  npadvmod  B-ORG
    5  -          HYPH  PUNCT  -        6  punct     O
    6  held       VBN   VERB   hold     7  amod      O
    7  depot      NN    NOUN   depot    2  dobj      O
    8  .          .     PUNCT  .        2  punct     O
"""

# Haftar was bombed and killed by Turkish aircraft.
CONJOINED_PASSIVE = """
    0  Haftar    NNP  PROPN  Haftar    2  nsubjpass  B-PERSON
    1  was       VBD  AUX    be        2  auxpass    O
    2  bombed    VBN  VERB   bomb      2  ROOT       O
    3  and       CC   CCONJ  and       2  cc         O
    4  killed    VBN  VERB   kill      2  conj       O
    5  by        IN   ADP    by        4  agent      O
    6  Turkish   JJ   ADJ    turkish   7  amod       B-NORP
    7  aircraft  NN   NOUN   aircraft  5  pobj       O
    8  .         .    PUNCT  .         2  punct      O
"""

# On Monday, the GNA tried to seize the airport from the LNA.
DATE_BEFORE_CONTROL = """
    0   On       IN   ADP    on       5   prep   O
    1   Monday   NNP  PROPN  Monday   0   pobj   B-DATE
    2   ,        ,    PUNCT  ,        5   punct  O
    3   the      DT   DET    the      4   det    O
    4   GNA      NNP  PROPN  GNA      5   nsubj  B-ORG
    5   tried    VBD  VERB   try      5   ROOT   O
    6   to       TO   PART   to       7   aux    O
    7   seize    VB   VERB   seize    5   xcomp  O
    8   the      DT   DET    the      9   det    O
    9   airport  NN   NOUN   airport  7   dobj   O
    10  from     IN   ADP    from     7   prep   O
    11  the      DT   DET    the      12  det    O
    12  LNA      NNP  PROPN  LNA      10  pobj   B-ORG
    13  .        .    PUNCT  .        5   punct  O
"""

# Egypt met Turkey to reaffirm our commitment to combating the LNA.
OUR_COMMITMENT_TO = """
    0   Egypt       NNP   PROPN  Egypt       1   nsubj  B-GPE
    1   met         VBD   VERB   meet        1   ROOT   O
    2   Turkey      NNP   PROPN  Turkey      1   dobj   B-GPE
    3   to          TO    PART   to          4   aux    O
    4   reaffirm    VB    VERB   reaffirm    1   advcl  O
    5   our         PRP$  PRON   our         6   poss   O
    6   commitment  NN    NOUN   commitment  4   dobj   O
    7   to          IN    ADP    to          6   prep   O
    8   combating   VBG   VERB   combat      7   pcomp  O
    9   the         DT    DET    the         10  det    O
    10  LNA         NNP   PROPN  LNA         8   dobj   B-ORG
    11  .           .     PUNCT  .           1   punct  O
"""

# Egypt praised Turkey's fight against terrorism, in particular against ISIS.
IN_PARTICULAR_AGAINST = """
    0   Egypt       NNP  PROPN  Egypt       1   nsubj  B-GPE
    1   praised     VBD  VERB   praise      1   ROOT   O
    2   Turkey      NNP  PROPN  Turkey      4   poss   B-GPE
    3   's          POS  PART   's          2   case   O
    4   fight       NN   NOUN   fight       1   dobj   O
    5   against     IN   ADP    against     4   prep   O
    6   terrorism   NN   NOUN   terrorism   5   pobj   O
    7   ,           ,    PUNCT  ,           4   punct  O
    8   in          IN   ADP    in          10  prep   O
    9   particular  JJ   ADJ    particular  8   amod   O
    10  against     IN   ADP    against     1   prep   O
    11  ISIS        NNP  PROPN  ISIS        10  pobj   B-ORG
    12  .           .    PUNCT  .           1   punct  O
"""

# Turkey is ready to defend the GNA.
READY_TO = """
    0  Turkey  NNP  PROPN  Turkey  1  nsubj  B-GPE
    1  is      VBZ  AUX    be      1  ROOT   O
    2  ready   JJ   ADJ    ready   1  acomp  O
    3  to      TO   PART   to      4  aux    O
    4  defend  VB   VERB   defend  2  xcomp  O
    5  the     DT   DET    the     6  det    O
    6  GNA     NNP  PROPN  GNA     4  dobj   B-ORG
    7  .       .    PUNCT  .       1  punct  O
"""


def _relations(doc):
    return sorted((r.source, r.type, r.target) for r in facts(doc, "relations") if not r.negated)


def test_against_phrase_makes_the_subject_oppose_its_object(run):
    r = only(facts(run(AGAINST), "relations"))
    assert (r.source, r.type, r.target, r.cue, r.negated, r.modality) == (
        "egypt", "opposes", "turkey", "against", False, "asserted")


def test_negated_clause_negates_the_against_phrase(run):
    r = only(facts(run(NOT_AGAINST), "relations"))
    assert (r.source, r.type, r.target, r.negated) == ("egypt", "opposes", "turkey", True)


def test_hyphenated_participle_backs_the_noun_it_modifies(run):
    assert _relations(run(HYPHEN_BACKED)) == [("iran", "supports", "houthis")]


def test_pro_prefix_makes_the_noun_support_the_name(run):
    assert _relations(run(PRO_PREFIX)) == [("gna", "supports", "turkey")]


def test_relative_pronoun_stands_for_the_noun_its_clause_modifies(run):
    doc = run(RELATIVE_PASSIVE)
    r = only(facts(doc, "relations"), type="supports")
    assert r.source == "russia" and r.target == facts(doc, "table").by_token[1]


def test_participle_clause_holds_the_stance_of_the_noun_it_modifies(run):
    doc = run(PARTICIPLE)
    table = facts(doc, "table")
    r = only(facts(doc, "relations"))
    assert (r.source, r.type, r.target) == (table.by_token[1], "opposes", table.by_token[4])


def test_with_the_support_of_x_is_x_supporting_the_subject(run):
    assert _relations(run(WITH_SUPPORT_OF)) == [("turkey", "supports", "gna")]


def test_we_in_a_quote_is_the_speaker(run):
    doc = run(WE_IN_A_QUOTE)
    r = only(facts(doc, "relations"))
    assert (r.source, r.type, r.target, r.claimed_by, r.modality) == ("gna", "opposes", "lna", "gna", "future")
    assert facts(doc, "table").by_token[1] == "gna"


def test_we_outside_any_statement_is_the_organisation_speaking_before(run):
    assert _relations(run(WE_OF_THE_PUBLISHER)) == [("gna", "opposes", "lna")]


def test_war_between_two_named_parties_opposes_both_ways(run):
    assert _relations(run(MUTUAL_WAR)) == [("iran", "opposes", "iraq"), ("iraq", "opposes", "iran")]


def test_passive_done_in_a_raid_by_x_is_x_opposing_the_subject(run):
    assert _relations(run(PASSIVE_IN_A_RAID_BY)) == [("gna", "opposes", "khalifa-haftar")]


def test_arrest_of_x_by_y_is_y_opposing_x(run):
    assert _relations(run(ACT_DONE_TO)) == [("gna", "opposes", "khalifa-haftar")]


def test_who_helps_shares_the_aim(run):
    assert _relations(run(HELPING)) == [("gna", "opposes", "lna"), ("turkey", "opposes", "lna")]


def test_liberated_from_x_opposes_x_not_the_place(run):
    assert _relations(run(LIBERATED_FROM)) == [("gna", "opposes", "lna")]


def test_recognised_as_part_of_is_no_support_for_the_object(run):
    assert [r for r in facts(run(RECOGNISED_AS_PART), "relations") if r.type == "supports"] == []


def test_condemning_an_attack_by_x_accuses_x(run):
    assert _relations(run(CONDEMNED_ATTACK_BY)) == [("egypt", "accuses", "houthis")]


def test_stance_noun_misread_as_a_verb_is_read_as_a_noun(run):
    assert ("turkey", "opposes", "lna") in _relations(run(NOUN_READ_AS_VERB))


@pytest.mark.parametrize("table", [AGAINST, HYPHEN_BACKED, WITH_SUPPORT_OF, ACT_DONE_TO])
def test_constructions_give_the_sentence_as_evidence(run, table):
    doc = run(table)
    for r in facts(doc, "relations"):
        assert (r.start, r.end) == (doc[r.token].sent.start_char, doc[r.token].sent.end_char)


def test_destroying_what_x_holds_opposes_x(run):
    doc = run(DESTROYED_X_HELD)
    r = only(facts(doc, "relations"))
    assert (r.source, r.type, r.target) == ("gna", "opposes", "lna")


def test_strikes_nobody_conducts_are_no_actor(run):
    doc = run(DESTROYED_X_HELD.replace("0  GNA        NNP   PROPN  GNA      1  compound  B-ORG",
                                       "0  Two        CD    NUM    two      1  nummod    B-CARDINAL"))
    assert 1 not in facts(doc, "table").by_token
    assert facts(doc, "relations") == []


def test_conjoined_passive_shares_its_subject(run):
    assert ("turkey", "opposes", "khalifa-haftar") in _relations(run(CONJOINED_PASSIVE))


def test_a_date_before_the_subject_is_no_controller(run):
    assert _relations(run(DATE_BEFORE_CONTROL)) == [("gna", "opposes", "lna")]


def test_commitment_to_combating_x_is_its_owners_stance(run):
    doc = run(OUR_COMMITMENT_TO)
    assert _relations(doc) == [("egypt", "opposes", "lna")]
    assert facts(doc, "table").by_token[5] == "egypt"


def test_in_particular_against_narrows_the_earlier_phrase_and_backs_no_one(run):
    assert _relations(run(IN_PARTICULAR_AGAINST)) == [("egypt", "supports", "turkey"), ("turkey", "opposes", "isis")]


def test_ready_to_defend_x_is_the_subjects_stance(run):
    assert _relations(run(READY_TO)) == [("turkey", "supports", "gna")]
