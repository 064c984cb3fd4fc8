"""Readings of place names that fit the rest of the text: homonyms near each other, a seat
over its own region only, names that are not places, common nouns that refer to places."""
from __future__ import annotations

import pytest

from parley.knowledge.gazetteer import GazPlace, GeoContext, load_gazetteer
from parley.nlp.placecontext import nearby_support

from .support import place


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _town(pid: int, name: str, lat: float, lon: float, kind: str = "city") -> GazPlace:
    return GazPlace(name, "XX", lat, lon, None, kind, 1000, "01", id=pid)


def test_candidates_of_different_names_near_each_other_support_each_other():
    big, small, county = _town(1, "Avon", 10.0, 10.0), _town(2, "Avon", 40.0, 40.0), \
        _town(3, "Lee County", 40.1, 40.1, "county")
    support = nearby_support({"Avon": [(6.0, big), (4.0, small)], "Lee County": [(5.0, county)]})
    assert support["Avon"] == {2: 1.0}
    assert "Lee County" not in support            # a name with one reading needs no support


def test_a_name_is_no_support_for_a_name_it_is_part_of():
    city, country_city = _town(1, "Avon City", 40.0, 40.0), _town(2, "Avon", 40.0, 40.01)
    other = _town(3, "Avon", 10.0, 10.0)
    assert nearby_support({"Avon": [(5.0, other), (5.0, country_city)], "Avon City": [(5.0, city)]}) == {}


def test_an_implausible_reading_supports_nothing():
    near, far = _town(1, "Avon", 40.0, 40.0), _town(2, "Avon", 10.0, 10.0)
    tiny = _town(3, "Bree", 40.05, 40.05)
    best = _town(4, "Bree", 0.0, 0.0)
    support = nearby_support({"Avon": [(5.0, far), (5.0, near)], "Bree": [(12.0, best), (5.0, tiny)]})
    assert 1 not in support.get("Avon", {})


def test_a_seat_wins_over_its_region_not_over_the_context(gaz):
    ctx = GeoContext()
    ctx.add(gaz.resolve("Illinois").place)
    choice = gaz.resolve("Paris", context=ctx)
    assert (choice.place.country, choice.place.admin1) == ("US", "IL")
    assert gaz.resolve("Paris").place.country == "FR"


def test_a_county_named_with_a_town_puts_the_town_in_it(analyze):
    a = analyze("Residents of Paris and Henry County will receive a letter from the rescue squad.")
    paris = place(a, "Paris")
    assert (paris.country, round(paris.lat), round(paris.lon)) == ("US", 36, -88)


def test_a_month_after_a_preposition_is_no_place(analyze):
    a = analyze("The commissioners were appointed in August and met in Springfield.")
    assert not any(m.text == "August" for p in a.places for m in p.mentions)


def test_a_common_noun_is_a_site_or_the_place_it_refers_to(analyze):
    a = analyze("Displaced families returned to the camp near Idlib. The city was quiet.")
    camp = place(a, "camp")
    assert camp is not None and camp.feature == "site" and camp.lat is None
    assert [m.text for m in camp.mentions] == ["camp"]


def test_a_capital_named_like_a_region_is_the_capital(analyze):
    a = analyze("Officials in Washington said the talks would resume next week.")
    washington = next(p for p in a.places if any(m.text == "Washington" for m in p.mentions))
    assert (washington.country, round(washington.lat), round(washington.lon)) == ("US", 39, -77)


def test_a_town_and_its_region_written_as_one_name(analyze):
    a = analyze("The watchdog group is based in Washington, D.C. and has offices elsewhere.")
    p = next(p for p in a.places if any("Washington" in m.text for m in p.mentions))
    assert p.lat is not None and abs(p.lat - 38.9) < 0.5 and abs(p.lon + 77.0) < 0.5


def test_a_country_without_a_point_of_its_own_is_at_the_middle_of_its_towns(gaz):
    ps = gaz.country("PS")
    assert ps is not None and 31 < ps.lat < 33 and 34 < ps.lon < 36


def test_a_name_the_gazetteer_lacks_is_placed_at_the_town_that_opens_it(analyze):
    a = analyze("Heavy snow closed roads near Richmond on Monday. Crews cleared the lot at the "
                "Richmond Olympic Oval by noon.")
    oval = next(p for p in a.places if any(m.text.startswith("Richmond Olympic") for m in p.mentions))
    assert oval.lat is not None
