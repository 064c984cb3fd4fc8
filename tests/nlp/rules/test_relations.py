"""Relation rules on fixed parses: stance verbs and nouns, passive agents, agent nouns,
negation, modality, and whose claim a stance is."""
from __future__ import annotations

import pytest

from .conftest import facts, only

# Turkey and Qatar support the GNA and the Misrata brigades.
COORDINATED = """
    0   Turkey    NNP  PROPN  Turkey   3  nsubj     B-GPE
    1   and       CC   CCONJ  and      0  cc        O
    2   Qatar     NNP  PROPN  Qatar    0  conj      B-GPE
    3   support   VBP  VERB   support  3  ROOT      O
    4   the       DT   DET    the      5  det       O
    5   GNA       NNP  PROPN  GNA      3  dobj      B-ORG
    6   and       CC   CCONJ  and      5  cc        O
    7   the       DT   DET    the      9  det       O
    8   Misrata   NNP  PROPN  Misrata  9  compound  B-GPE
    9   brigades  NNS  NOUN   brigade  5  conj      O
    10  .         .    PUNCT  .        3  punct     O
"""

# Egypt condemned Turkey.
CONDEMNED = """
    0  Egypt      NNP  PROPN  Egypt    1  nsubj  B-GPE
    1  condemned  VBD  VERB   condemn  1  ROOT   O
    2  Turkey     NNP  PROPN  Turkey   1  dobj   B-GPE
    3  .          .    PUNCT  .        1  punct  O
"""

# The GNA accused the UAE of arming Haftar.
ACCUSED_OF = """
    0  The      DT   DET    the     1  det    O
    1  GNA      NNP  PROPN  GNA     2  nsubj  B-ORG
    2  accused  VBD  VERB   accuse  2  ROOT   O
    3  the      DT   DET    the     4  det    O
    4  UAE      NNP  PROPN  UAE     2  dobj   B-ORG
    5  of       IN   ADP    of      2  prep   O
    6  arming   VBG  VERB   arm     5  pcomp  O
    7  Haftar   NNP  PROPN  Haftar  6  dobj   B-PERSON
    8  .        .    PUNCT  .       2  punct  O
"""

# Algeria does not support Haftar.
DOES_NOT_SUPPORT = """
    0  Algeria  NNP  PROPN  Algeria  3  nsubj  B-GPE
    1  does     VBZ  AUX    do       3  aux    O
    2  not      RB   PART   not      3  neg    O
    3  support  VB   VERB   support  3  ROOT   O
    4  Haftar   NNP  PROPN  Haftar   3  dobj   B-PERSON
    5  .        .    PUNCT  .        3  punct  O
"""

# Russia stopped supporting Haftar.
STOPPED_SUPPORTING = """
    0  Russia      NNP  PROPN  Russia   1  nsubj  B-GPE
    1  stopped     VBD  VERB   stop     1  ROOT   O
    2  supporting  VBG  VERB   support  1  xcomp  O
    3  Haftar      NNP  PROPN  Haftar   2  dobj   B-PERSON
    4  .           .    PUNCT  .        1  punct  O
"""

# The UAE will back the LNA.
WILL_BACK = """
    0  The   DT   DET    the   1  det    O
    1  UAE   NNP  PROPN  UAE   3  nsubj  B-ORG
    2  will  MD   AUX    will  3  aux    O
    3  back  VB   VERB   back  3  ROOT   O
    4  the   DT   DET    the   5  det    O
    5  LNA   NNP  PROPN  LNA   3  dobj   B-ORG
    6  .     .    PUNCT  .     3  punct  O
"""

# Russia could back Haftar.
COULD_BACK = """
    0  Russia  NNP  PROPN  Russia  2  nsubj  B-GPE
    1  could   MD   AUX    could   2  aux    O
    2  back    VB   VERB   back    2  ROOT   O
    3  Haftar  NNP  PROPN  Haftar  2  dobj   B-PERSON
    4  .       .    PUNCT  .       2  punct  O
"""

# Moscow would support Haftar if the GNA advanced on Sirte.
WOULD_SUPPORT_IF = """
    0   Moscow    NNP  PROPN  Moscow   2  nsubj  B-GPE
    1   would     MD   AUX    would    2  aux    O
    2   support   VB   VERB   support  2  ROOT   O
    3   Haftar    NNP  PROPN  Haftar   2  dobj   B-PERSON
    4   if        IN   SCONJ  if       7  mark   O
    5   the       DT   DET    the      6  det    O
    6   GNA       NNP  PROPN  GNA      7  nsubj  B-ORG
    7   advanced  VBD  VERB   advance  2  advcl  O
    8   on        IN   ADP    on       7  prep   O
    9   Sirte     NNP  PROPN  Sirte    8  pobj   B-GPE
    10  .         .    PUNCT  .        2  punct  O
"""

# If Turkey backs the GNA, Egypt will intervene.
INSIDE_IF = """
    0  If         IN   SCONJ  if         2  mark   O
    1  Turkey     NNP  PROPN  Turkey     2  nsubj  B-GPE
    2  backs      VBZ  VERB   back       8  advcl  O
    3  the        DT   DET    the        4  det    O
    4  GNA        NNP  PROPN  GNA        2  dobj   B-ORG
    5  ,          ,    PUNCT  ,          8  punct  O
    6  Egypt      NNP  PROPN  Egypt      8  nsubj  B-GPE
    7  will       MD   AUX    will       8  aux    O
    8  intervene  VB   VERB   intervene  8  ROOT   O
    9  .          .    PUNCT  .          8  punct  O
"""

# Lavrov said that Turkey supports the GNA.
REPORTED = """
    0  Lavrov    NNP  PROPN  Lavrov   1  nsubj  B-PERSON
    1  said      VBD  VERB   say      1  ROOT   O
    2  that      IN   SCONJ  that     4  mark   O
    3  Turkey    NNP  PROPN  Turkey   4  nsubj  B-GPE
    4  supports  VBZ  VERB   support  1  ccomp  O
    5  the       DT   DET    the      6  det    O
    6  GNA       NNP  PROPN  GNA      4  dobj   B-ORG
    7  .         .    PUNCT  .        1  punct  O
"""

# Turkish support for the GNA angered Cairo.
STANCE_NOUN = """
    0  Turkish  JJ   ADJ    turkish  1  amod   B-NORP
    1  support  NN   NOUN   support  5  nsubj  O
    2  for      IN   ADP    for      1  prep   O
    3  the      DT   DET    the      4  det    O
    4  GNA      NNP  PROPN  GNA      2  pobj   B-ORG
    5  angered  VBD  VERB   anger    5  ROOT   O
    6  Cairo    NNP  PROPN  Cairo    5  dobj   B-GPE
    7  .        .    PUNCT  .        5  punct  O
"""

# Haftar thanked his backers in Moscow and Abu Dhabi.
AGENT_NOUN = """
    0  Haftar   NNP   PROPN  Haftar  1  nsubj     B-PERSON
    1  thanked  VBD   VERB   thank   1  ROOT      O
    2  his      PRP$  PRON   his     3  poss      O
    3  backers  NNS   NOUN   backer  1  dobj      O
    4  in       IN    ADP    in      3  prep      O
    5  Moscow   NNP   PROPN  Moscow  4  pobj      B-GPE
    6  and      CC    CCONJ  and     5  cc        O
    7  Abu      NNP   PROPN  Abu     8  compound  B-GPE
    8  Dhabi    NNP   PROPN  Dhabi   5  conj      I-GPE
    9  .        .     PUNCT  .       1  punct     O
"""

# The GNA and its ally Ankara rejected the plan.
ITS_ALLY = """
    0  The       DT    DET    the     1  det    O
    1  GNA       NNP   PROPN  GNA     6  nsubj  B-ORG
    2  and       CC    CCONJ  and     1  cc     O
    3  its       PRP$  PRON   its     4  poss   O
    4  ally      NN    NOUN   ally    1  conj   O
    5  Ankara    NNP   PROPN  Ankara  4  appos  B-GPE
    6  rejected  VBD   VERB   reject  6  ROOT   O
    7  the       DT    DET    the     8  det    O
    8  plan      NN    NOUN   plan    6  dobj   O
    9  .         .     PUNCT  .       6  punct  O
"""

# Russia cannot accept the terms of Ankara.
CANNOT_ACCEPT = """
    0  Russia  NNP  PROPN  Russia  3  nsubj  B-GPE
    1  can     MD   AUX    can     3  aux    O
    2  not     RB   PART   not     3  neg    O
    3  accept  VB   VERB   accept  3  ROOT   O
    4  the     DT   DET    the     5  det    O
    5  terms   NNS  NOUN   term    3  dobj   O
    6  of      IN   ADP    of      5  prep   O
    7  Ankara  NNP  PROPN  Ankara  6  pobj   B-GPE
    8  .       .    PUNCT  .       3  punct  O
"""

# Haftar is backed by Russia.
PASSIVE = """
    0  Haftar  NNP  PROPN  Haftar  2  nsubjpass  B-PERSON
    1  is      VBZ  AUX    be      2  auxpass    O
    2  backed  VBN  VERB   back    2  ROOT       O
    3  by      IN   ADP    by      2  agent      O
    4  Russia  NNP  PROPN  Russia  3  pobj       B-GPE
    5  .       .    PUNCT  .       2  punct      O
"""

# Haftar suffered heavy losses at the hands of the GNA.
AT_THE_HANDS = """
    0   Haftar    NNP  PROPN  Haftar  1  nsubj  B-PERSON
    1   suffered  VBD  VERB   suffer  1  ROOT   O
    2   heavy     JJ   ADJ    heavy   3  amod   O
    3   losses    NNS  NOUN   loss    1  dobj   O
    4   at        IN   ADP    at      1  prep   O
    5   the       DT   DET    the     6  det    O
    6   hands     NNS  NOUN   hand    4  pobj   O
    7   of        IN   ADP    of      6  prep   O
    8   the       DT   DET    the     9  det    O
    9   GNA       NNP  PROPN  GNA     7  pobj   B-ORG
    10  .         .    PUNCT  .       1  punct  O
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

# The UN called for talks with Haftar.
CALLED_FOR = """
    0  The     DT   DET    the     1  det    O
    1  UN      NNP  PROPN  UN      2  nsubj  B-ORG
    2  called  VBD  VERB   call    2  ROOT   O
    3  for     IN   ADP    for     2  prep   O
    4  talks   NNS  NOUN   talk    3  pobj   O
    5  with    IN   ADP    with    4  prep   O
    6  Haftar  NNP  PROPN  Haftar  5  pobj   B-PERSON
    7  .       .    PUNCT  .       2  punct  O
"""

# The UAE launched an attack on the GNA.
NOUN_WITH_LIGHT_VERB = """
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

# Turkey supports the ceasefire.
NO_ACTOR_TARGET = """
    0  Turkey     NNP  PROPN  Turkey     1  nsubj  B-GPE
    1  supports   VBZ  VERB   support    1  ROOT   O
    2  the        DT   DET    the        3  det    O
    3  ceasefire  NN   NOUN   ceasefire  1  dobj   O
    4  .          .    PUNCT  .          1  punct  O
"""


def _relations(doc):
    return [(r.source, r.type, r.target) for r in facts(doc, "relations")]


def test_stance_verb_relates_each_subject_to_each_object(run):
    doc = run(COORDINATED)
    assert sorted(_relations(doc)) == [
        ("qatar", "supports", "gna"), ("qatar", "supports", "misrata-brigades"),
        ("turkey", "supports", "gna"), ("turkey", "supports", "misrata-brigades")]
    r = only(facts(doc, "relations"), source="turkey", target="gna")
    assert (r.cue, r.token, r.negated, r.modality, r.claimed_by) == ("support", 3, False, "asserted", None)
    assert (r.start, r.end) == (0, len(doc.text))


def test_condemn_is_an_accusation(run):
    r = only(facts(run(CONDEMNED), "relations"))
    assert (r.source, r.type, r.target, r.cue) == ("egypt", "accuses", "turkey", "condemn")


def test_accused_of_arming_accuses_the_object(run):
    doc = run(ACCUSED_OF)
    r = only(facts(doc, "relations"), type="accuses")
    assert (r.source, r.target) == ("gna", "united-arab-emirates")


def test_not_negates_the_stance(run):
    r = only(facts(run(DOES_NOT_SUPPORT), "relations"))
    assert (r.source, r.type, r.target, r.negated, r.modality) == (
        "algeria", "supports", "khalifa-haftar", True, "asserted")


def test_ending_verb_negates_the_stance_it_governs(run):
    r = only(facts(run(STOPPED_SUPPORTING), "relations"))
    assert (r.source, r.type, r.target, r.negated) == ("russia", "supports", "khalifa-haftar", True)


@pytest.mark.parametrize("table, source, target, modality", [
    (WILL_BACK, "united-arab-emirates", "lna", "future"),
    (COULD_BACK, "russia", "khalifa-haftar", "hypothetical"),
    (WOULD_SUPPORT_IF, "russia", "khalifa-haftar", "conditional"),
    (INSIDE_IF, "turkey", "gna", "hypothetical"),
], ids=["will", "could", "would-if", "inside-if"])
def test_modality_from_auxiliaries_and_if_clauses(run, table, source, target, modality):
    r = only(facts(run(table, published="2020-06-01"), "relations"), source=source, target=target)
    assert (r.type, r.negated, r.modality) == ("supports", False, modality)


def test_stance_inside_a_statement_is_claimed_by_its_speaker(run):
    r = only(facts(run(REPORTED), "relations"))
    assert (r.source, r.type, r.target, r.claimed_by) == ("turkey", "supports", "gna", "sergey-lavrov")


def test_stance_noun_with_a_demonym_owner(run):
    assert _relations(run(STANCE_NOUN)) == [("turkey", "supports", "gna")]


def test_agent_noun_makes_the_listed_places_support_the_possessor(run):
    assert sorted(_relations(run(AGENT_NOUN))) == [
        ("russia", "supports", "khalifa-haftar"), ("united-arab-emirates", "supports", "khalifa-haftar")]


def test_its_ally_supports_the_possessor(run):
    assert _relations(run(ITS_ALLY)) == [("turkey", "supports", "gna")]


def test_cannot_accept_the_terms_of_x_rejects_x(run):
    r = only(facts(run(CANNOT_ACCEPT), "relations"))
    assert (r.source, r.type, r.target, r.negated, r.cue) == ("russia", "rejects", "turkey", False, "accept")


def test_passive_agent_is_the_source(run):
    assert _relations(run(PASSIVE)) == [("russia", "supports", "khalifa-haftar")]


def test_at_the_hands_of_opposes_the_subject(run):
    r = only(facts(run(AT_THE_HANDS, published="2020-06-01"), "relations"))
    assert (r.source, r.type, r.target, r.cue) == ("gna", "opposes", "khalifa-haftar", "hand")


def test_called_on_x_calls_on_x(run):
    r = only(facts(run(CALLED_ON), "relations"))
    assert (r.source, r.type, r.target) == ("un", "calls_on", "khalifa-haftar")


def test_called_for_is_no_call_on_anyone(run):
    assert not [r for r in facts(run(CALLED_FOR), "relations") if r.type == "calls_on"]


def test_stance_noun_under_a_light_verb_takes_the_verbs_subject(run):
    r = only(facts(run(NOUN_WITH_LIGHT_VERB), "relations"))
    assert (r.source, r.type, r.target, r.cue) == ("united-arab-emirates", "opposes", "gna", "attack")


def test_stance_toward_something_that_is_no_actor_is_no_relation(run):
    assert facts(run(NO_ACTOR_TARGET), "relations") == []
