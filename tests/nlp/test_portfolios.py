"""A title with a portfolio before a name ("Minister for the Middle East Tobias Ellwood"): the
person, with the whole title as role, even where the model runs the place and name together."""
from __future__ import annotations

from .support import actor_of


def test_a_portfolio_title_gives_the_person_and_role(analyze):
    a = analyze("Minister for the Middle East Tobias Ellwood said the talks must resume. "
                "Ellwood added that Britain would help.")
    aid = actor_of(a, "Tobias Ellwood")
    assert aid == actor_of(a, "Ellwood", 1) and aid.startswith("person:")
    person = next(x for x in a.actors if x.id == aid)
    assert person.role == "Minister for the Middle East"
    assert {s.speaker for s in a.statements} == {aid}


def test_of_state_for_a_region(analyze):
    a = analyze("Minister of State for Africa Harriett Baldwin said the vote was fair.")
    person = next(x for x in a.actors if x.id == actor_of(a, "Harriett Baldwin"))
    assert person.role == "Minister of State for Africa"


def test_a_council_named_after_a_country_is_not_split(analyze):
    a = analyze("The chairman said the Syria Democratic Council would attend.")
    assert not any(x.kind == "person" and x.name == "Democratic Council" for x in a.actors)


def test_an_indefinite_title_names_no_one_the_text_comes_back_to(analyze):
    a = analyze("Ziad Hamid was a former Iraqi officer and the son of an Iraqi tribal sheikh. "
                "He was captured in May.")
    assert actor_of(a, "He") == actor_of(a, "Ziad Hamid")
    assert not any(x.id.startswith("title:") for x in a.actors)
