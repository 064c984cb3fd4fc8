"""Names of bodies the small model misses or cuts short, strikes that stand for who strikes,
and descriptions that refer back to an armed group."""
from __future__ import annotations

from .support import actor_of, mentions_of, one_relation, relations


def test_a_task_force_named_after_an_operation_is_one_body(analyze):
    a = analyze("AMMAN - Combined Joint Task Force - Operation Steadfast Shield provided 3,000 gas masks "
                "to the Iraqi security forces. CJTF-OSS trains the brigades.")
    aid = actor_of(a, "Combined Joint Task Force - Operation Steadfast Shield")
    assert aid is not None and aid.startswith("organization:")
    assert "CJTF-OSS" in mentions_of(a, aid)   # the acronym with its hyphen is the same body
    one_relation(a, aid, "supports", "iraqi-security-forces")   # "provided X to Y": the dative


def test_unit_names_and_designators_are_bodies(analyze):
    a = analyze("Marines from 2nd Battalion, 7th Marines cleared the town. The French navy led CTF 64 "
                "and Task Force 52 in the Gulf. Later the 2nd Battalion returned.")
    unit = actor_of(a, "2nd Battalion, 7th Marines")
    assert unit is not None
    assert actor_of(a, "2nd Battalion", 1) == unit   # the first part of a unit's name stands for it
    assert actor_of(a, "CTF 64") is not None
    assert actor_of(a, "Task Force 52") is not None


def test_a_body_named_after_its_state_belongs_to_it(analyze):
    a = analyze("Soldiers of the Kuwait Armed Forces – Land Force trained with the visitors.")
    aid = actor_of(a, "Kuwait Armed Forces – Land Force")
    assert aid is not None
    assert a.actor(aid).affiliation == "kuwait"


def test_a_title_ends_a_body_name(analyze):
    a = analyze("Army Brig. Gen. Walter Pine, commander of the Joint Logistics Command, spoke at the base.")
    assert actor_of(a, "Joint Logistics Command") is not None
    assert not [x for x in a.actors if "Pine" in x.name and x.kind != "person"]


def test_bare_strikes_are_mentions_of_who_conducts_them(analyze):
    a = analyze("Coalition military forces conducted 12 strikes against ISIL in Iraq.\n\n"
                "Near Tikrit, three strikes engaged an ISIL tactical unit.")
    forces = actor_of(a, "Coalition military forces")
    assert actor_of(a, "three strikes") == forces
    assert not [x for x in a.actors if "strikes" in x.name]
    assert relations(a, forces, "opposes", "isis")


def test_strikes_nobody_is_said_to_conduct_stay_as_they_are(analyze):
    a = analyze("Two strikes hit the depot near Mosul.")
    assert not [r for r in a.relations]


def test_the_terrorist_group_refers_back_to_the_armed_group(analyze):
    a = analyze("Ministers met in Baghdad to discuss the fight against ISIL. Iraq vowed to destroy "
                "the terrorist group.")
    assert actor_of(a, "terrorist group") == "isis"
    one_relation(a, "iraq", "opposes", "isis")


def test_a_description_does_not_refer_back_to_a_states_forces(analyze):
    a = analyze("The Iraqi security forces entered the city. Residents said the militant group had fled.")
    assert actor_of(a, "militant group") != "iraqi-security-forces"


def test_a_reference_mark_neither_cuts_a_name_nor_speaks(analyze):
    a = analyze("He was killed by the Islamic State of Iraq and the Levant.[1] Karbouly denied it.[2][3]")
    assert actor_of(a, "Islamic State of Iraq and the Levant") == "isis"
    assert not [x for x in a.actors if "[" in x.name]


def test_a_persons_name_cut_in_two_by_the_model_is_one(analyze):
    a = analyze("He was hanged along with failed suicide bomber Sajida Mubarak Atrous al-Rishawi in 2015.")
    assert actor_of(a, "Sajida Mubarak Atrous al-Rishawi") is not None


def test_every_spelling_of_a_kb_name_is_matched(analyze):
    # the knowledge base spells it "al-Qaeda in Iraq" and "al Qaeda in Iraq": both match whole
    a = analyze("Marines fought al Qaeda in Iraq near the border. Later al-Qaeda in Iraq withdrew.")
    assert actor_of(a, "al Qaeda in Iraq") == actor_of(a, "al-Qaeda in Iraq") == "al-qaeda-in-iraq"
    # a typographic apostrophe
    b = analyze("The airmen fought Da\u2019esh near the base.")
    assert actor_of(b, "Da\u2019esh") == "isis"


def test_a_demonym_and_another_countrys_kb_name_make_a_new_body(analyze):
    # "Arab coalition" names the Saudi-led coalition; "Syrian Arab Coalition" is another body
    a = analyze("The SDF, which includes the Syrian Arab Coalition, advanced on Raqqa.")
    aid = actor_of(a, "Syrian Arab Coalition")
    assert aid is not None and aid != "saudi-led-coalition"
    assert a.actor(aid).country == "SY"


def test_a_rank_is_no_part_of_the_body_before_it(analyze):
    a = analyze("The briefing was given by Army Maj. Gen. Gary Volesky in Baghdad.")
    assert not [x for x in a.actors if x.name.endswith("Maj")]
    assert actor_of(a, "Gary Volesky") is not None


def test_an_invisible_direction_mark_does_not_hide_a_place(analyze):
    a = analyze("Iraqi forces fought ISIL after the liberation of Mosul\u200e, officials said.")
    assert [p for p in a.places if p.name == "Mosul"]
