"""Actor rules on fixed parses: one actor per knowledge-base id, surnames, titles, appositions,
acronyms, pronoun antecedents."""
from __future__ import annotations

import pytest

from .conftest import actor_of, facts

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

# Russian Deputy Foreign Minister Andrei Fedorov met the delegation. Fedorov said the talks were useful.
TITLE_AND_SURNAME = """
    0   Russian     JJ   ADJ    russian     3   amod      B-NORP
    1   Deputy      NNP  PROPN  Deputy      3   compound  O
    2   Foreign     NNP  PROPN  Foreign     3   compound  O
    3   Minister    NNP  PROPN  Minister    5   compound  O
    4   Andrei      NNP  PROPN  Andrei      5   compound  B-PERSON
    5   Fedorov     NNP  PROPN  Fedorov     6   nsubj     I-PERSON
    6   met         VBD  VERB   meet        6   ROOT      O
    7   the         DT   DET    the         8   det       O
    8   delegation  NN   NOUN   delegation  6   dobj      O
    9   .           .    PUNCT  .           6   punct     O
    10  Fedorov     NNP  PROPN  Fedorov     11  nsubj     O
    11  said        VBD  VERB   say         11  ROOT      O
    12  the         DT   DET    the         13  det       O
    13  talks       NNS  NOUN   talk        14  nsubj     O
    14  were        VBD  AUX    be          11  ccomp     O
    15  useful      JJ   ADJ    useful      14  acomp     O
    16  .           .    PUNCT  .           11  punct     O
"""

# The Maritime Rescue Committee (MRC) deployed units in Tripoli. The MRC denied the report.
ACRONYM = """
    0   The        DT     DET    the        3   det       B-ORG
    1   Maritime   NNP    PROPN  Maritime   3   compound  I-ORG
    2   Rescue     NNP    PROPN  Rescue     3   compound  I-ORG
    3   Committee  NNP    PROPN  Committee  7   nsubj     I-ORG
    4   (          -LRB-  PUNCT  (          3   punct     O
    5   MRC        NNP    PROPN  MRC        3   appos     B-ORG
    6   )          -RRB-  PUNCT  )          3   punct     O
    7   deployed   VBD    VERB   deploy     7   ROOT      O
    8   units      NNS    NOUN   unit       7   dobj      O
    9   in         IN     ADP    in         8   prep      O
    10  Tripoli    NNP    PROPN  Tripoli    9   pobj      B-GPE
    11  .          .      PUNCT  .          7   punct     O
    12  The        DT     DET    the        13  det       O
    13  MRC        NNP    PROPN  MRC        14  nsubj     B-ORG
    14  denied     VBD    VERB   deny       14  ROOT      O
    15  the        DT     DET    the        16  det       O
    16  report     NN     NOUN   report     14  dobj      O
    17  .          .      PUNCT  .          14  punct     O
"""

# The Supreme Security Committee (SSC) deployed units. The SSC denied the report.
ACRONYM_LIKE_A_KB_KEY = """
    0   The        DT     DET    the        3   det       B-ORG
    1   Supreme    NNP    PROPN  Supreme    3   compound  I-ORG
    2   Security   NNP    PROPN  Security   3   compound  I-ORG
    3   Committee  NNP    PROPN  Committee  7   nsubj     I-ORG
    4   (          -LRB-  PUNCT  (          3   punct     O
    5   SSC        NNP    PROPN  SSC        3   appos     B-ORG
    6   )          -RRB-  PUNCT  )          3   punct     O
    7   deployed   VBD    VERB   deploy     7   ROOT      O
    8   units      NNS    NOUN   unit       7   dobj      O
    9   .          .      PUNCT  .          7   punct     O
    10  The        DT     DET    the        11  det       O
    11  SSC        NNP    PROPN  SSC        12  nsubj     B-ORG
    12  denied     VBD    VERB   deny       12  ROOT      O
    13  the        DT     DET    the        14  det       O
    14  report     NN     NOUN   report     12  dobj      O
    15  .          .      PUNCT  .          12  punct     O
"""

# On Monday the Libyan Border Guard (LBG) closed the crossing. LBG cited threats.  (no NER entity)
ACRONYM_WITHOUT_NER = """
    0   On        IN     ADP    on        9   prep      O
    1   Monday    NNP    PROPN  Monday    0   pobj      O
    2   the       DT     DET    the       5   det       O
    3   Libyan    JJ     ADJ    libyan    5   amod      O
    4   Border    NNP    PROPN  Border    5   compound  O
    5   Guard     NNP    PROPN  Guard     9   nsubj     O
    6   (         -LRB-  PUNCT  (         5   punct     O
    7   LBG       NNP    PROPN  LBG       5   appos     O
    8   )         -RRB-  PUNCT  )         5   punct     O
    9   closed    VBD    VERB   close     9   ROOT      O
    10  the       DT     DET    the       11  det       O
    11  crossing  NN     NOUN   crossing  9   dobj      O
    12  .         .      PUNCT  .         9   punct     O
    13  LBG       NNP    PROPN  LBG       14  nsubj     O
    14  cited     VBD    VERB   cite      14  ROOT      O
    15  threats   NNS    NOUN   threat    14  dobj      O
    16  .         .      PUNCT  .         14  punct     O
"""

# The Libyan Border Guard (LBG) closed the crossing.  (sentence-initial, no NER entity)
ACRONYM_WITHOUT_NER_FIRST = """
    0   The       DT     DET    the       3   det       O
    1   Libyan    JJ     ADJ    libyan    3   amod      O
    2   Border    NNP    PROPN  Border    3   compound  O
    3   Guard     NNP    PROPN  Guard     7   nsubj     O
    4   (         -LRB-  PUNCT  (         3   punct     O
    5   LBG       NNP    PROPN  LBG       3   appos     O
    6   )         -RRB-  PUNCT  )         3   punct     O
    7   closed    VBD    VERB   close     7   ROOT      O
    8   the       DT     DET    the       9   det       O
    9   crossing  NN     NOUN   crossing  7   dobj      O
    10  .         .      PUNCT  .         7   punct     O
"""

# Khalifa Haftar arrived in Cairo on Monday. He said his forces would hold Sirte.
PRONOUNS = """
    0   Khalifa  NNP   PROPN  Khalifa  1   compound  B-PERSON
    1   Haftar   NNP   PROPN  Haftar   2   nsubj     I-PERSON
    2   arrived  VBD   VERB   arrive   2   ROOT      O
    3   in       IN    ADP    in       2   prep      O
    4   Cairo    NNP   PROPN  Cairo    3   pobj      B-GPE
    5   on       IN    ADP    on       2   prep      O
    6   Monday   NNP   PROPN  Monday   5   pobj      B-DATE
    7   .        .     PUNCT  .        2   punct     O
    8   He       PRP   PRON   he       9   nsubj     O
    9   said     VBD   VERB   say      9   ROOT      O
    10  his      PRP$  PRON   his      11  poss      O
    11  forces   NNS   NOUN   force    13  nsubj     O
    12  would    MD    AUX    would    13  aux       O
    13  hold     VB    VERB   hold     9   ccomp     O
    14  Sirte    NNP   PROPN  Sirte    13  dobj      B-GPE
    15  .        .     PUNCT  .        9   punct     O
"""

# Turkey said he had left.
NO_PERSON_BEFORE = """
    0  Turkey  NNP  PROPN  Turkey  1  nsubj  B-GPE
    1  said    VBD  VERB   say     1  ROOT   O
    2  he      PRP  PRON   he      4  nsubj  O
    3  had     VBD  AUX    have    4  aux    O
    4  left    VBN  VERB   leave   1  ccomp  O
    5  .       .    PUNCT  .       1  punct  O
"""

# The GNA and its ally Ankara rejected the plan.
COORDINATED_POSSESSIVE = """
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

# The Turkish foreign minister said the ceasefire was fragile.
TITLE_ONLY = """
    0  The        DT   DET    the        3  det    O
    1  Turkish    JJ   ADJ    turkish    3  amod   B-NORP
    2  foreign    JJ   ADJ    foreign    3  amod   O
    3  minister   NN   NOUN   minister   4  nsubj  O
    4  said       VBD  VERB   say        4  ROOT   O
    5  the        DT   DET    the        6  det    O
    6  ceasefire  NN   NOUN   ceasefire  7  nsubj  O
    7  was        VBD  AUX    be         4  ccomp  O
    8  fragile    JJ   ADJ    fragile    7  acomp  O
    9  .          .    PUNCT  .          4  punct  O
"""

# Ali Mansour, a spokesman for the GNA, said the airport was closed.
APPOSITION = """
    0   Ali        NNP  PROPN  Ali        1   compound  B-PERSON
    1   Mansour    NNP  PROPN  Mansour    9   nsubj     I-PERSON
    2   ,          ,    PUNCT  ,          1   punct     O
    3   a          DT   DET    a          4   det       O
    4   spokesman  NN   NOUN   spokesman  1   appos     O
    5   for        IN   ADP    for        4   prep      O
    6   the        DT   DET    the        7   det       O
    7   GNA        NNP  PROPN  GNA        5   pobj      B-ORG
    8   ,          ,    PUNCT  ,          1   punct     O
    9   said       VBD  VERB   say        9   ROOT      O
    10  the        DT   DET    the        11  det       O
    11  airport    NN   NOUN   airport    12  nsubj     O
    12  was        VBD  AUX    be         13  auxpass   O
    13  closed     VBN  VERB   close      9   ccomp     O
    14  .          .    PUNCT  .          9   punct     O
"""

# Ali Mansour, a veteran of the LNA, said the airport was closed.
APPOSITION_WITHOUT_TITLE = """
    0   Ali        NNP  PROPN  Ali        1   compound  B-PERSON
    1   Mansour    NNP  PROPN  Mansour    9   nsubj     I-PERSON
    2   ,          ,    PUNCT  ,          1   punct     O
    3   a          DT   DET    a          4   det       O
    4   veteran    NN   NOUN   veteran    1   appos     O
    5   of         IN   ADP    of         4   prep      O
    6   the        DT   DET    the        7   det       O
    7   LNA        NNP  PROPN  LNA        5   pobj      B-ORG
    8   ,          ,    PUNCT  ,          1   punct     O
    9   said       VBD  VERB   say        9   ROOT      O
    10  the        DT   DET    the        11  det       O
    11  airport    NN   NOUN   airport    12  nsubj     O
    12  was        VBD  AUX    be         13  auxpass   O
    13  closed     VBN  VERB   close      9   ccomp     O
    14  .          .    PUNCT  .          9   punct     O
"""

# Mevlut Cavusoglu said his country would not abandon the GNA.
HIS_COUNTRY = """
    0   Mevlut     NNP   PROPN  Mevlut     1  compound  B-PERSON
    1   Cavusoglu  NNP   PROPN  Cavusoglu  2  nsubj     I-PERSON
    2   said       VBD   VERB   say        2  ROOT      O
    3   his        PRP$  PRON   his        4  poss      O
    4   country    NN    NOUN   country    7  nsubj     O
    5   would      MD    AUX    would      7  aux       O
    6   not        RB    PART   not        7  neg       O
    7   abandon    VB    VERB   abandon    2  ccomp     O
    8   the        DT    DET    the        9  det       O
    9   GNA        NNP   PROPN  GNA        7  dobj      B-ORG
    10  .          .     PUNCT  .          2  punct     O
"""

# Analysts said the offensive had stalled.
PLURAL_TITLE = """
    0  Analysts   NNS  NOUN   analyst    1  nsubj  O
    1  said       VBD  VERB   say        1  ROOT   O
    2  the        DT   DET    the        3  det    O
    3  offensive  NN   NOUN   offensive  5  nsubj  O
    4  had        VBD  AUX    have       5  aux    O
    5  stalled    VBN  VERB   stall      1  ccomp  O
    6  .          .    PUNCT  .          1  punct  O
"""


def _actor(doc, aid):
    return facts(doc, "table").actors[aid]


def test_kb_alias_and_full_name_are_one_actor(run):
    doc = run(ALIAS_AND_NAME)
    gna = _actor(doc, "gna")
    assert [text for _, _, text in gna.mentions] == ["Government of National Accord", "GNA"]
    assert (gna.name, gna.kind, gna.country) == ("Government of National Accord", "government", "LY")
    assert list(facts(doc, "table").actors) == ["gna"]


def test_surname_links_to_the_person_named_before(run):
    doc = run(TITLE_AND_SURNAME)
    assert actor_of(doc, "Fedorov", 1) == actor_of(doc, "Fedorov", 0) == "person:andrei-fedorov"


def test_title_before_a_name_gives_role_and_country(run):
    doc = run(TITLE_AND_SURNAME)
    fedorov = _actor(doc, "person:andrei-fedorov")
    assert (fedorov.role, fedorov.country, fedorov.affiliation) == ("Deputy Foreign Minister", "RU", "russia")
    assert actor_of(doc, "Deputy") == actor_of(doc, "Minister") == fedorov.id   # the title names him too
    assert actor_of(doc, "Russian") == "russia"


def test_acronym_in_parentheses_names_the_organisation_later(run):
    doc = run(ACRONYM)
    aid = actor_of(doc, "Committee")
    assert aid == "organization:maritime-rescue-committee"
    assert actor_of(doc, "MRC", 0) == actor_of(doc, "MRC", 1) == aid
    assert [a for a in facts(doc, "table").actors if a.startswith("organization:")] == [aid]


def test_acronym_defined_in_parentheses_wins_over_a_fuzzy_kb_key(run):
    doc = run(ACRONYM_LIKE_A_KB_KEY)
    aid = actor_of(doc, "Committee")
    assert aid == "organization:supreme-security-committee"
    assert actor_of(doc, "SSC", 0) == actor_of(doc, "SSC", 1) == aid


def test_acronym_in_parentheses_makes_the_capitalised_name_before_it_an_organisation(run):
    doc = run(ACRONYM_WITHOUT_NER)
    aid = actor_of(doc, "LBG", 1)
    assert aid == "organization:libyan-border-guard"
    assert _actor(doc, aid).name == "Libyan Border Guard"
    assert actor_of(doc, "Guard") == actor_of(doc, "LBG", 0) == aid


def test_name_before_an_acronym_leaves_out_a_sentence_initial_article(run):
    doc = run(ACRONYM_WITHOUT_NER_FIRST)
    assert actor_of(doc, "LBG") == "organization:libyan-border-guard"


def test_pronouns_point_to_the_person_named_before(run):
    doc = run(PRONOUNS)
    assert actor_of(doc, "He") == actor_of(doc, "his") == "khalifa-haftar"


def test_person_pronoun_does_not_point_to_a_state(run):
    assert actor_of(run(NO_PERSON_BEFORE), "he") in (None, "pronoun:he")


def test_possessive_in_a_coordination_points_to_the_first_conjunct(run):
    doc = run(COORDINATED_POSSESSIVE)
    assert actor_of(doc, "its") == "gna"
    assert actor_of(doc, "Ankara") == "turkey"


def test_title_only_phrase_is_the_office_holder_on_the_publication_date(run):
    doc = run(TITLE_ONLY, published="2020-06-01")
    assert actor_of(doc, "minister") == actor_of(doc, "foreign") == "mevlut-cavusoglu"
    assert _actor(doc, "mevlut-cavusoglu").role == "foreign minister"


def test_title_only_phrase_without_a_holder_is_a_titled_person(run):
    doc = run(TITLE_ONLY, published="1990-01-01")
    aid = actor_of(doc, "minister")
    assert aid == "title:turkey-foreign-minister"
    assert (_actor(doc, aid).name, _actor(doc, aid).country) == ("Turkey Foreign Minister", "TR")


def test_title_in_apposition_gives_role_and_affiliation(run):
    doc = run(APPOSITION)
    person = _actor(doc, "person:ali-mansour")
    assert (person.role, person.affiliation, person.country) == ("spokesman", "gna", "LY")
    assert actor_of(doc, "spokesman") == person.id
    assert actor_of(doc, "GNA") == "gna"


def test_apposition_without_a_title_is_the_role(run):
    doc = run(APPOSITION_WITHOUT_TITLE)
    person = _actor(doc, "person:ali-mansour")
    assert (person.role, person.affiliation, person.country) == ("a veteran of the LNA", "lna", "LY")
    assert actor_of(doc, "veteran") == person.id


def test_his_country_is_the_state_of_the_person(run):
    doc = run(HIS_COUNTRY, published="2020-06-01")
    assert actor_of(doc, "Cavusoglu") == "mevlut-cavusoglu"
    assert actor_of(doc, "his") == actor_of(doc, "country") == "turkey"


def test_plural_title_is_not_one_person(run):
    doc = run(PLURAL_TITLE)
    assert not [a for a in facts(doc, "table").actors if a.startswith(("title:", "person:"))]
