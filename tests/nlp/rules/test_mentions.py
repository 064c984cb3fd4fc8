"""Mention rules on fixed parses: knowledge-base names over NER, capitals as agents or places,
NER typing repair, nominal groups."""
from __future__ import annotations

import pytest

from .conftest import facts, only

# The Government of National Accord rejected the offer, and the GNA said the talks were over.
ALIAS_AND_NAME = """
    0   The         DT   DET    the         1   det       B-ORG
    1   Government  NNP  PROPN  Government  5   nsubj     I-ORG
    2   of          IN   ADP    of          1   prep      I-ORG
    3   National    NNP  PROPN  National    4   compound  I-ORG
    4   Accord      NNP  PROPN  Accord      2   pobj      I-ORG
    5   rejected    VBD  VERB   reject      5   ROOT      O
    6   the         DT   DET    the         7   det       O
    7   offer       NN   NOUN   offer       5   dobj      O
    8   ,           ,    PUNCT  ,           5   punct     O
    9   and         CC   CCONJ  and         5   cc        O
    10  the         DT   DET    the         11  det       O
    11  GNA         NNP  PROPN  GNA         12  nsubj     B-ORG
    12  said        VBD  VERB   say         5   conj      O
    13  the         DT   DET    the         14  det       O
    14  talks       NNS  NOUN   talk        15  nsubj     O
    15  were        VBD  AUX    be          12  ccomp     O
    16  over        RB   ADV    over        15  advmod    O
    17  .           .    PUNCT  .           12  punct     O
"""

# Moscow said the talks in Moscow would resume.
MOSCOW_TWICE = """
    0  Moscow  NNP  PROPN  Moscow  1  nsubj  B-GPE
    1  said    VBD  VERB   say     1  ROOT   O
    2  the     DT   DET    the     3  det    O
    3  talks   NNS  NOUN   talk    7  nsubj  O
    4  in      IN   ADP    in      3  prep   O
    5  Moscow  NNP  PROPN  Moscow  4  pobj   B-GPE
    6  would   MD   AUX    would   7  aux    O
    7  resume  VB   VERB   resume  1  ccomp  O
    8  .       .    PUNCT  .       1  punct  O
"""

# Haftar ordered his forces to advance on Sirte.  (NER calls Haftar an organisation here)
HAFTAR_AS_ORG = """
    0  Haftar   NNP   PROPN  Haftar   1  nsubj  B-ORG
    1  ordered  VBD   VERB   order    1  ROOT   O
    2  his      PRP$  PRON   his      3  poss   O
    3  forces   NNS   NOUN   force    1  dobj   O
    4  to       TO    PART   to       5  aux    O
    5  advance  VB    VERB   advance  1  xcomp  O
    6  on       IN    ADP    on       5  prep   O
    7  Sirte    NNP   PROPN  Sirte    6  pobj   B-PERSON
    8  .        .     PUNCT  .        1  punct  O
"""

# Tripoli rejected the proposal.
TRIPOLI_AGENT = """
    0  Tripoli   NNP  PROPN  Tripoli   1  nsubj  B-GPE
    1  rejected  VBD  VERB   reject    1  ROOT   O
    2  the       DT   DET    the       3  det    O
    3  proposal  NN   NOUN   proposal  1  dobj   O
    4  .         .    PUNCT  .         1  punct  O
"""

# Delegates attended the Berlin conference.
BERLIN_CONFERENCE = """
    0  Delegates   NNS  NOUN   delegate    1  nsubj     O
    1  attended    VBD  VERB   attend      1  ROOT      O
    2  the         DT   DET    the         4  det       O
    3  Berlin      NNP  PROPN  Berlin      4  compound  B-GPE
    4  conference  NN   NOUN   conference  1  dobj      O
    5  .           .    PUNCT  .           1  punct     O
"""

# Berlin officials welcomed the truce.
BERLIN_OFFICIALS = """
    0  Berlin     NNP  PROPN  Berlin     1  compound  B-GPE
    1  officials  NNS  NOUN   official   2  nsubj     O
    2  welcomed   VBD  VERB   welcome    2  ROOT      O
    3  the        DT   DET    the        4  det       O
    4  truce      NN   NOUN   truce      2  dobj      O
    5  .          .    PUNCT  .          2  punct     O
"""

# Shelling was reported south of Tripoli.
SOUTH_OF_TRIPOLI = """
    0  Shelling  NN   NOUN   shelling  2  nsubjpass  O
    1  was       VBD  AUX    be        2  auxpass    O
    2  reported  VBN  VERB   report    2  ROOT       O
    3  south     RB   ADV    south     2  advmod     O
    4  of        IN   ADP    of        3  prep       O
    5  Tripoli   NNP  PROPN  Tripoli   4  pobj       B-GPE
    6  .         .    PUNCT  .         2  punct      O
"""

# Interior Minister Omar Belkheir visited Misrata.  (NER: "Interior" an ORG, Misrata a PERSON)
MINISTER_VISITED = """
    0  Interior  NNP  PROPN  Interior  1  compound  B-ORG
    1  Minister  NNP  PROPN  Minister  3  compound  O
    2  Omar      NNP  PROPN  Omar      3  compound  B-PERSON
    3  Belkheir  NNP  PROPN  Belkheir  4  nsubj     I-PERSON
    4  visited   VBD  VERB   visit     4  ROOT      O
    5  Misrata   NNP  PROPN  Misrata   4  dobj      B-PERSON
    6  .         .    PUNCT  .         4  punct     O
"""

# Hama said Syria had agreed.  (a PERSON that is also a Syrian city name, speaking)
HAMA_SPEAKS = """
    0  Hama    NNP  PROPN  Hama   1  nsubj  B-PERSON
    1  said    VBD  VERB   say    1  ROOT   O
    2  Syria   NNP  PROPN  Syria  4  nsubj  B-GPE
    3  had     VBD  AUX    have   4  aux    O
    4  agreed  VBN  VERB   agree  1  ccomp  O
    5  .       .    PUNCT  .      1  punct  O
"""

# Syria shelled Hama.  (the same PERSON, as an object)
HAMA_SHELLED = """
    0  Syria    NNP  PROPN  Syria  1  nsubj  B-GPE
    1  shelled  VBD  VERB   shell  1  ROOT   O
    2  Hama     NNP  PROPN  Hama   1  dobj   B-PERSON
    3  .        .    PUNCT  .      1  punct  O
"""

# Yazidis fled the fighting.
YAZIDIS = """
    0  Yazidis   NNPS  PROPN  Yazidis   1  nsubj  B-NORP
    1  fled      VBD   VERB   flee      1  ROOT   O
    2  the       DT    DET    the       3  det    O
    3  fighting  NN    NOUN   fighting  1  dobj   O
    4  .         .     PUNCT  .         1  punct  O
"""

# Turkish forces shelled positions near Sirte.
TURKISH_FORCES = """
    0  Turkish    JJ   ADJ    turkish   1  amod   B-NORP
    1  forces     NNS  NOUN   force     2  nsubj  O
    2  shelled    VBD  VERB   shell     2  ROOT   O
    3  positions  NNS  NOUN   position  2  dobj   O
    4  near       IN   ADP    near      2  prep   O
    5  Sirte      NNP  PROPN  Sirte     4  pobj   B-GPE
    6  .          .    PUNCT  .         2  punct  O
"""


def _mention(doc, text, occurrence=0):
    return [m for m in facts(doc, "mentions") if m.text == text][occurrence]


def test_kb_name_is_matched_without_its_article(run):
    doc = run(ALIAS_AND_NAME)
    m = _mention(doc, "Government of National Accord")
    assert (m.start, m.end, m.kb.id, m.rule, m.label, m.agent) == (1, 5, "gna", "alias", "ORG", True)
    assert _mention(doc, "GNA").kb.id == "gna"


def test_kb_match_wins_over_the_ner_type(run):
    m = _mention(run(HAFTAR_AS_ORG), "Haftar")
    assert (m.kb.id, m.label, m.rule) == ("khalifa-haftar", "PERSON", "alias")


def test_capital_as_subject_is_its_state_and_as_locative_a_place(run):
    doc = run(MOSCOW_TWICE)
    agent, where = _mention(doc, "Moscow", 0), _mention(doc, "Moscow", 1)
    assert (agent.kb.id, agent.rule, agent.label, agent.agent) == ("russia", "seat", "GPE", True)
    assert (where.kb.id, where.rule, where.agent) == ("russia", "seat", False)
    assert (where.place.name, where.place.country, where.place.kind) == ("Moscow", "RU", "city")


@pytest.mark.parametrize("published, actor", [("2020-06-01", "gna"), ("2022-01-10", "gnu")],
                         ids=["accord-era", "unity-era"])
def test_seat_stands_for_the_government_valid_on_the_publication_date(run, published, actor):
    m = _mention(run(TRIPOLI_AGENT, published=published), "Tripoli")
    assert (m.kb.id, m.rule, m.agent) == (actor, "seat", True)


def test_seat_as_compound_of_an_event_noun_is_not_an_agent(run):
    m = _mention(run(BERLIN_CONFERENCE), "Berlin")
    assert (m.kb.id, m.agent) == ("germany", False)


def test_seat_as_compound_of_an_agent_noun_is_an_agent(run):
    m = _mention(run(BERLIN_OFFICIALS), "Berlin")
    assert (m.kb.id, m.agent) == ("germany", True)


def test_seat_after_a_compass_word_and_of_is_a_place(run):
    m = _mention(run(SOUTH_OF_TRIPOLI), "Tripoli")
    assert m.agent is False
    assert m.place.country == "LY"


def test_ner_person_the_gazetteer_knows_as_a_place_is_retyped(run):
    m = _mention(run(HAFTAR_AS_ORG), "Sirte")
    assert (m.label, m.agent, m.kb) == ("GPE", False, None)
    assert (m.place.name, m.place.country) == ("Sirte", "LY")


def test_ner_person_speaking_is_not_retyped_as_a_place(run):
    m = _mention(run(HAMA_SPEAKS), "Hama")
    assert (m.label, m.agent, m.place) == ("PERSON", True, None)
    shelled = _mention(run(HAMA_SHELLED), "Hama")   # the same name, not speaking, is a place
    assert (shelled.label, shelled.agent, shelled.place.country) == ("GPE", False, "SY")


def test_organisation_before_an_office_word_is_no_mention(run):
    doc = run(MINISTER_VISITED)
    texts = [m.text for m in facts(doc, "mentions")]
    assert "Interior" not in texts
    assert _mention(doc, "Omar Belkheir").label == "PERSON"


def test_ner_person_is_retyped_only_near_an_actor_of_the_places_country(run):
    misrata = _mention(run(MINISTER_VISITED), "Misrata")   # no Libyan actor in the text
    assert (misrata.label, misrata.agent, misrata.place) == ("PERSON", True, None)


def test_unknown_norp_is_a_nominal_group(run):
    m = _mention(run(YAZIDIS), "Yazidis")
    assert (m.label, m.kb, m.agent) == ("NOM_GROUP", None, True)


def test_demonym_and_group_noun_are_one_affiliated_group(run):
    doc = run(TURKISH_FORCES)
    m = only(facts(doc, "mentions"), start=0)
    assert (m.text, m.end, m.label, m.rule, m.affiliated.id) == ("Turkish forces", 2, "NOM_GROUP", "nominal", "turkey")
