"""Stance shapes beyond a verb and its object: adjectives, negated permission, held
territory, a clause misparse, helpers of a coordinated aim, datelines."""
from __future__ import annotations

from .support import one_relation, relations


def test_grateful_to_and_for_an_actors_support(analyze):
    a = analyze("Turkey said it was grateful to Qatar for its help. Germany is grateful for the support "
                "provided by France.")
    one_relation(a, "turkey", "supports", "qatar")
    one_relation(a, "germany", "supports", "france")


def test_critical_of_and_hostile_to(analyze):
    a = analyze("Egypt was critical of Turkey. Hamas is hostile to Fatah.")
    one_relation(a, "egypt", "opposes", "turkey")
    assert relations(a, "hamas", "opposes")


def test_critical_to_is_no_stance(analyze):
    a = analyze("Jordan is critical to the success of the talks with Syria.")
    assert not relations(a, "jordan", "opposes")


def test_will_not_allow_opposes_the_one_not_allowed(analyze):
    a = analyze("Israel will not allow Hezbollah to rearm, the minister said.")
    assert relations(a, "israel", "opposes", "hezbollah")
    b = analyze("Israel will allow Hezbollah to withdraw.")
    assert not relations(b, "israel", "opposes", "hezbollah")


def test_retaking_territory_held_by_an_actor_opposes_the_holder(analyze):
    a = analyze("The Syrian Democratic Forces have made progress, retaking villages previously held by ISIL.")
    one_relation(a, "sdf", "opposes", "isis")


def test_welcomed_a_group_parsed_as_a_clause_subject(analyze):
    a = analyze("Kenya welcomed Somali soldiers visiting from Mogadishu for the exercise.")
    assert [r for r in a.relations if r.source == "kenya" and r.type == "supports"]


def test_helping_to_degrade_and_destroy_opposes_the_target_of_both(analyze):
    a = analyze("The coalition is assisting the Iraqi government to degrade and ultimately destroy ISIL.")
    assert [r for r in a.relations if r.type == "opposes" and r.target == "isis" and "coalition" in r.source]


def test_a_dateline_is_no_party_of_the_subject(analyze):
    a = analyze("BAGHDAD - The international coalition provided armoured vehicles to the Peshmerga.")
    assert not [r for r in a.relations if r.source in {"iraq", "iraqi-government"}]
    assert [r for r in a.relations if r.target == "peshmerga" and r.type == "supports"]
