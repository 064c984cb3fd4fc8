"""Where regions and countries are placed, and names that read as regions: a region named with
its kind inside a longer name, and a name listed with regions only."""
from __future__ import annotations

import pytest

import parley
from parley.knowledge.gazetteer import km, load_gazetteer


@pytest.fixture(scope="module")
def analyze():
    parley.analyze("Moscow said on Monday that the talks in Geneva would resume.")
    return parley.analyze


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _place(analysis, text):
    return next(p for p in analysis.places if any(m.text == text for m in p.mentions))


def test_a_province_sits_at_the_middle_of_its_land_not_among_its_southern_towns(gaz):
    ontario = gaz.resolve("Ontario").place
    assert ontario.kind == "region" and ontario.lat > 48.5      # north of Lake Superior's shore
    assert km(ontario, gaz.resolve("Toronto").place) > 400


def test_a_country_sits_at_its_gazetteer_point(gaz):
    vietnam = gaz.resolve("Vietnam").place
    assert (vietnam.lat, vietnam.lon) == pytest.approx((16.17, 107.83), abs=0.05)


def test_a_country_name_without_its_article_inside():
    choice = load_gazetteer().resolve("Democratic Republic of Congo")
    assert choice is not None and choice.place.country == "CD"


def test_an_unambiguous_state_abbreviation_names_the_state(gaz):
    place = gaz.resolve("NSW").place
    assert (place.kind, place.country, place.name) == ("region", "AU", "New South Wales")


def test_a_county_named_with_its_kind_in_a_longer_name_is_the_county(analyze):
    a = analyze("The hearing was held at the Harlan County Courthouse on Friday morning.")
    county = _place(a, "Harlan County Courthouse")
    assert county.kind == "county" and county.name == "Harlan County"


def test_a_name_listed_with_states_is_a_state(analyze):
    a = analyze("Health officials in Columbus, Ohio, and Grand Rapids, Michigan, said cases were also "
                "confirmed in Delaware, Oregon, Nevada and Wyoming.")
    for name in ("Delaware", "Wyoming"):
        assert _place(a, name).kind == "region"


def test_a_town_qualified_by_its_state_stays_a_town(analyze):
    a = analyze("She grew up in Delaware, Ohio, and later moved to Wyoming, Michigan.")
    assert _place(a, "Delaware").kind == "city"
    assert _place(a, "Wyoming").kind == "city"
