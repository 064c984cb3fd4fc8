"""The world gazetteer: coverage, feature classes and the scored resolution of a name."""
from __future__ import annotations

import sqlite3
import time

import pytest

from parley.knowledge.gazetteer import INDEX, GeoContext, Gazetteer, fold, km, load_gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_index_covers_the_world(gaz):
    db = sqlite3.connect(f"file:{INDEX}?mode=ro", uri=True)
    counts = dict(db.execute("SELECT feature, COUNT(*) FROM place GROUP BY feature"))
    assert counts["country"] >= 240 and counts["continent"] >= 6
    assert counts["region"] >= 3000            # first-level subdivisions
    assert counts["county"] >= 20000           # second-level subdivisions
    assert counts["city"] + counts.get("capital", 0) >= 150000   # towns of 1,000 or more


@pytest.mark.parametrize("name, country", [("Syria", "SY"), ("Canada", "CA"), ("China", "CN")])
def test_countries_have_coordinates(gaz, name, country):
    place = gaz.resolve(name).place
    assert (place.kind, place.country) == ("country", country)
    assert place.lat is not None and place.lon is not None


def test_a_state_is_at_its_middle_not_at_its_biggest_city(gaz):
    texas, houston = gaz.resolve("Texas").place, gaz.resolve("Houston").place
    assert texas.kind == "region"
    assert km(texas, houston) > 250


def test_population_is_the_prior(gaz):
    choice = gaz.resolve("Paris")
    assert (choice.place.country, choice.place.kind) == ("FR", "city")
    assert len(choice.scored) > 1 and "population" in choice.scored[0][2]


def test_a_qualifier_region_wins_over_population(gaz):
    texas = gaz.resolve("Texas").place
    choice = gaz.resolve("Paris", within=texas)
    assert (choice.place.country, choice.place.admin1) == ("US", "TX")
    assert "in Texas" in choice.scored[0][2]


def test_the_regions_of_the_text_move_the_choice(gaz):
    ctx = GeoContext()
    ctx.add(gaz.resolve("Austin").place)
    assert gaz.resolve("Gainesville", context=ctx).place.admin1 == "TX"
    assert gaz.resolve("Gainesville").place.admin1 == "FL"


def test_the_place_nearest_to_those_listed_with_it_gains(gaz):
    sirte = gaz.resolve("Sirte").place
    alone, near = gaz.resolve("Jafra"), gaz.resolve("Jafra", near=(sirte,))
    assert near.place.name == "Al Jufrah"
    assert "nearest to Sirte" in near.scored[0][2]
    assert alone.place.name != near.place.name or "nearest" not in alone.scored[0][2]


def test_transliterations_find_places_written_in_other_scripts(gaz):
    assert gaz.resolve("Marib").place.country == "YE"
    assert gaz.resolve("Kobani").place.country == "SY"


def test_a_variant_spelling_of_a_latin_script_name_is_no_match(gaz):
    assert gaz.resolve("Manchestr") is None and gaz.resolve("Liverpol") is None


def test_common_words_are_no_places(gaz):
    for word in ("City", "House", "Police", "Union", "areas"):
        assert gaz.resolve(word) is None, word


def test_landmarks_are_placed_in_their_capital(gaz):
    white_house, washington = gaz.resolve("White House").place, gaz.resolve("Washington, D.C.")
    assert white_house.kind == "landmark" and white_house.country == "US"
    assert km(white_house, gaz.resolve("Pentagon").place) < 50
    assert washington is None or km(white_house, washington.place) < 50


def test_regions_without_an_administration_are_known(gaz):
    darfur = gaz.resolve("Darfur").place
    assert (darfur.kind, darfur.country) == ("region", "SD")
    assert gaz.resolve("Middle East").place.kind == "region"


def test_fold_ignores_case_accents_and_leading_articles():
    assert fold("Al-Ḥasakah") == fold("al hasakah") == "hasakah"
    assert fold("The Hague") == "hague"


def test_opening_the_index_is_fast():
    start = time.perf_counter()
    gaz = Gazetteer()
    gaz.resolve("Tripoli")
    assert time.perf_counter() - start < 0.5
