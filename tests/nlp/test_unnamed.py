"""Generic sources the text does not name, datelines and agreement names, end to end."""
from __future__ import annotations


def _actor(a, name):
    return next((x for x in a.actors if x.name.lower() == name.lower()), None)


def test_a_generic_source_is_marked_unnamed(analyze):
    a = analyze("Witnesses said the shelling continued overnight in the north of the country. "
                "Russia said the talks would resume.")
    assert _actor(a, "witnesses").unnamed_source is True
    assert _actor(a, "Russia").unnamed_source is False


def test_a_dateline_is_no_mention_of_the_state(analyze):
    a = analyze("AMMAN — Jordan said on Monday it would reopen the border crossing.")
    jordan = _actor(a, "Jordan")
    assert [m.text for m in jordan.mentions] == ["Jordan"]


def test_a_place_in_an_agreement_name_is_no_state(analyze):
    a = analyze("The Stockholm Agreement was signed in December, the United Nations said.")
    assert all(x.country != "SE" for x in a.actors)


def test_the_opening_date_is_the_publication_date(analyze):
    a = analyze("CAIRO, 13 July 2021 — Egypt said on Tuesday that the talks would resume.")
    assert a.article.published == "2021-07-13"
    assert analyze("Egypt said the talks would resume.").article.published is None


def test_officials_of_a_state_are_the_source_not_the_state(analyze):
    a = analyze("The talks will resume on Monday, according to Egyptian officials.")
    speaker = next(x for x in a.actors if x.id == a.statements[0].speaker)
    assert speaker.affiliation == "egypt" and speaker.unnamed_source
