"""Names read in their context: a name several actors of the knowledge base share goes to the one
its context names (a country qualifier, else the countries the text is about); a leader's regime
is the government; a group is named with its state, or with what it is against; an action names
the group whose action it is."""
from __future__ import annotations

from .support import actor_of


def _owner(a, words: str) -> str | None:
    """The actor of the mention that holds ``words``."""
    return next((x.id for x in a.actors for m in x.mentions if words in m.text), None)


def test_of_a_country_picks_that_countrys_actor(analyze):
    a = analyze("The internationally recognised government of Yemen said it would attend.")
    assert _owner(a, "internationally recognised government") == "yemeni-government"


def test_a_possessive_country_picks_it_too(analyze):
    a = analyze("Yemen's internationally recognised government said it would attend.")
    assert _owner(a, "internationally recognised government") == "yemeni-government"


def test_without_a_qualifier_the_texts_countries_decide(analyze):
    a = analyze("The internationally recognized government, based in Aden, said the Houthis must "
                "withdraw from Hodeidah.")
    assert _owner(a, "internationally recognized government") == "yemeni-government"
    b = analyze("The internationally recognised government said it would meet Khalifa Haftar in Libya.")
    assert _owner(b, "internationally recognised government") == "gna"


def test_a_leaders_regime_or_administration_is_the_government(analyze):
    a = analyze("The Dbeibah government said it would attend.", published="2022-03-01")
    assert actor_of(a, "Dbeibah government") == "gnu", "the government whose office the leader holds"
    b = analyze("The Obama administration said it would impose sanctions.")
    assert actor_of(b, "Obama administration") == "united-states", "no government in the KB: the state"
    c = analyze("Putin said the government would act.")
    assert actor_of(c, "Putin") == "vladimir-putin"


def test_a_group_premodified_by_its_state_or_its_enemy(analyze):
    a = analyze("U.S. forces and the Counter-ISIL coalition struck ISIL near Mosul.")
    us_forces = next(x for x in a.actors if [m.text for m in x.mentions] == ["U.S. forces"])
    assert us_forces.affiliation == "united-states"
    coalition = next(x for x in a.actors if [m.text for m in x.mentions] == ["Counter-ISIL coalition"])
    assert coalition.affiliation is None, "a coalition against ISIL is no part of it"
    assert actor_of(a, "ISIL") not in {us_forces.id, coalition.id}


def test_the_possessor_of_an_action_is_the_group(analyze):
    a = analyze("In the past day, the U.S.-led coalition's four airstrikes hit ISIL targets.")
    names = [m.text for x in a.actors for m in x.mentions]
    assert "U.S.-led coalition" in names and not any("airstrikes" in n for n in names)


def test_a_place_opening_a_known_name_stays_a_place(analyze):
    a = analyze("The ads became a target for the Florida Democratic Party, which says they cross the line.")
    assert [p.name for p in a.places] == ["Florida"]
    assert _owner(a, "Democratic Party") is not None


def test_weapons_are_no_actors(analyze):
    a = analyze("Near Raqqa, two strikes destroyed a VBIED and two UAVs, the coalition said.")
    assert not any(m.text.startswith(("VBIED", "UAV")) for x in a.actors for m in x.mentions)


def test_a_capitalised_group_noun_before_a_noun_is_the_group(analyze):
    a = analyze("In support of the Iraqi forces, Coalition aircraft conducted a strike near Mosul.")
    assert _owner(a, "Coalition") is not None
