"""Place rules on fixed parses: gazetteer places with their country, one place per name, every
mention marked literal (a location) or not (an agent), site nouns as sites."""
from __future__ import annotations

from .conftest import facts, only

# Clashes broke out in Sirte and in Misrata.
TWO_CITIES = """
    0  Clashes  NNS  NOUN   clash    1  nsubj  O
    1  broke    VBD  VERB   break    1  ROOT   O
    2  out      RP   ADP    out      1  prt    O
    3  in       IN   ADP    in       1  prep   O
    4  Sirte    NNP  PROPN  Sirte    3  pobj   B-GPE
    5  and      CC   CCONJ  and      3  cc     O
    6  in       IN   ADP    in       3  conj   O
    7  Misrata  NNP  PROPN  Misrata  6  pobj   B-GPE
    8  .        .    PUNCT  .        1  punct  O
"""

# Fighting continued in Libya, the GNA said.
COUNTRY_AS_LOCATION = """
    0  Fighting   NN   NOUN   fighting  1  nsubj  O
    1  continued  VBD  VERB   continue  7  ccomp  O
    2  in         IN   ADP    in        1  prep   O
    3  Libya      NNP  PROPN  Libya     2  pobj   B-GPE
    4  ,          ,    PUNCT  ,         7  punct  O
    5  the        DT   DET    the       6  det    O
    6  GNA        NNP  PROPN  GNA       7  nsubj  B-ORG
    7  said       VBD  VERB   say       7  ROOT   O
    8  .          .    PUNCT  .         7  punct  O
"""

# Libya rejected the plan.
COUNTRY_AS_AGENT = """
    0  Libya     NNP  PROPN  Libya     1  nsubj  B-GPE
    1  rejected  VBD  VERB   reject    1  ROOT   O
    2  the       DT   DET    the       3  det    O
    3  plan      NN   NOUN   plan      1  dobj   O
    4  .         .    PUNCT  .         1  punct  O
"""

# Shelling hit Sirte. Residents fled Sirte.
SAME_PLACE_TWICE = """
    0  Shelling   NN   NOUN   shelling  1  nsubj  O
    1  hit        VBD  VERB   hit       1  ROOT   O
    2  Sirte      NNP  PROPN  Sirte     1  dobj   B-GPE
    3  .          .    PUNCT  .         1  punct  O
    4  Residents  NNS  NOUN   resident  5  nsubj  O
    5  fled       VBD  VERB   flee      5  ROOT   O
    6  Sirte      NNP  PROPN  Sirte     5  dobj   B-GPE
    7  .          .    PUNCT  .         5  punct  O
"""

# Gunmen attacked the camp.
SITE = """
    0  Gunmen    NNS  NOUN   gunman  1  nsubj  O
    1  attacked  VBD  VERB   attack  1  ROOT   O
    2  the       DT   DET    the     3  det    O
    3  camp      NN   NOUN   camp    1  dobj   O
    4  .         .    PUNCT  .       1  punct  O
"""

# Moscow said the talks in Moscow would resume.
CAPITAL_TWICE = """
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


def _summary(doc):
    return [(p.name, p.place.country if p.place else None, p.place.kind if p.place else None,
             [text for _, _, text in p.mentions]) for p in facts(doc, "places")]


def test_locative_city_names_are_places_with_their_country(run):
    # the place takes the gazetteer's name, the mention keeps the text's spelling
    assert _summary(run(TWO_CITIES)) == [("Sirte", "LY", "city", ["Sirte"]), ("Misratah", "LY", "city", ["Misrata"])]


def test_place_mentions_carry_their_offsets(run):
    doc = run(TWO_CITIES)
    start, end, text = only(facts(doc, "places"), name="Sirte").mentions[0]
    assert doc.text[start:end] == text == "Sirte"


def test_country_used_as_a_location_is_a_place(run):
    assert _summary(run(COUNTRY_AS_LOCATION)) == [("Libya", "LY", "country", ["Libya"])]


def test_country_used_as_an_agent_names_a_place_but_no_location(run):
    p = only(facts(run(COUNTRY_AS_AGENT), "places"))
    assert (p.name, p.literal) == ("Libya", [False])


def test_mentions_of_one_place_are_grouped(run):
    assert _summary(run(SAME_PLACE_TWICE)) == [("Sirte", "LY", "city", ["Sirte", "Sirte"])]


def test_site_noun_is_a_site_without_coordinates(run):
    p = only(facts(run(SITE), "places"))
    assert (p.name, p.place, p.site, p.mentions) == ("camp", None, True, [(20, 24, "camp")])


def test_capital_is_a_location_only_where_it_is_used_as_one(run):
    doc = run(CAPITAL_TWICE)
    assert _summary(doc) == [("Moscow", "RU", "city", ["Moscow", "Moscow"])]
    p = only(facts(doc, "places"))
    assert p.literal == [False, True]
    assert p.mentions[1][0] == doc.text.index("Moscow", 1)
