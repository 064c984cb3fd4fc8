"""Places given by coordinates, other names and descriptions of places (parley.nlp.coordinates,
parley.nlp.placealiases), translations of names in parentheses, and a main-clause "it"."""
from __future__ import annotations

import pytest

from parley.nlp.coordinates import find_points, read_coordinates
from .support import actor_of


def _place_with(a, text):
    return next((p for p in a.places if any(m.text == text for m in p.mentions)), None)


# -- reading notations (no model) -----------------------------------------------------------
def test_three_notations_of_one_point_are_one_point():
    text = "Location: 36°20′15″N 43°07′30″E / 36.3375°N 43.125°E / 36.3375; 43.1250 (map)"
    points = find_points(text)
    assert len(points) == 1
    p = points[0]
    assert p.lat == pytest.approx(36.3375, abs=1e-4) and p.lon == pytest.approx(43.125, abs=1e-4)
    assert [m[2] for m in p.mentions] == ["36°20′15″N 43°07′30″E", "36.3375°N 43.125°E", "36.3375; 43.1250"]
    assert all(text[s:e] == w for s, e, w in p.mentions)


def test_southern_and_western_hemispheres_are_negative():
    (_, _, lat, lon), = read_coordinates("The wreck lies at 12°30'S, 45°15'W off the coast.")
    assert (lat, lon) == (-12.5, -45.25)


@pytest.mark.parametrize("text", [
    "Scores were 3.25; 4.50 and 7.75 this week.",     # a semicolon pair without a hemisphere notation
    "The satellite sits at 13° East above the equator.",
    "Temperatures reached 41°C on 3 May.",
    "An angle of 95°61′N 20°00′E is not a position.",  # minutes out of range... and latitude
])
def test_numbers_that_are_not_positions(text):
    assert find_points(text) == []


def test_two_different_points_stay_apart():
    points = find_points("Camp A is at 33°10′N 44°05′E and camp B at 34°10′N 44°05′E.")
    assert len(points) == 2


# -- in the pipeline ------------------------------------------------------------------------
def test_coordinates_are_one_located_place_in_the_nearest_towns_country(analyze):
    a = analyze("The pumping station stands near the river. "
                "Coordinates: 36°20′15″N 43°07′30″E / 36.3375°N 43.125°E / 36.3375; 43.1250")
    p = _place_with(a, "36°20′15″N 43°07′30″E")
    assert p is not None and p.country == "IQ" and p.kind == "point"
    assert [m.text for m in p.mentions] == ["36°20′15″N 43°07′30″E", "36.3375°N 43.125°E", "36.3375; 43.1250"]
    assert p.lat == pytest.approx(36.3375, abs=1e-3)


def test_second_name_of_a_place_after_also_called(analyze):
    a = analyze("Soldiers arrived at Balad Air Base, also called “Camp Anaconda”, north of Baghdad on Monday. "
                "Later, Camp Anaconda came under rocket fire.")
    p = _place_with(a, "Balad Air Base")
    assert p is not None and p.country == "IQ"
    assert [m.text for m in p.mentions].count("Camp Anaconda") == 2
    assert _place_with(a, "Camp Anaconda") is p


def test_apposition_describing_a_place_is_a_mention_of_it(analyze):
    a = analyze("Fighting broke out in Kirkuk, a city the Kurds claim, on Sunday.")
    p = _place_with(a, "Kirkuk")
    assert p is not None and [m.text for m in p.mentions] == ["Kirkuk", "a city"]
    assert len(a.places) == 1


def test_apposition_that_does_not_describe_a_place_is_not_its_mention(analyze):
    a = analyze("Government troops shelled the outskirts of Benghazi, a move the council condemned, on Tuesday.")
    p = _place_with(a, "Benghazi")
    assert p is not None and [m.text for m in p.mentions] == ["Benghazi"]


def test_quoted_translation_in_parentheses_is_the_same_actor(analyze):
    a = analyze('Liwa al-Fajr al-Jadid (Arabic: لواء الفجر الجديد, "Brigade of the New Dawn") is an armed group. '
                "The Brigade of the New Dawn attacked a convoy near Homs.")
    aid = actor_of(a, "Liwa al-Fajr al-Jadid")
    assert aid is not None
    assert actor_of(a, "Brigade of the New Dawn") == aid
    assert actor_of(a, "Brigade of the New Dawn", 1) == aid


def test_main_clause_it_continues_the_organisation_spoken_of(analyze):
    a = analyze("The Levant Relief Society is a charity based in Amman. It was founded by two doctors in 1998.")
    aid = actor_of(a, "Levant Relief Society")
    assert aid is not None and actor_of(a, "It") == aid


@pytest.mark.parametrize("second", [
    "It is likely that the talks will resume.",
    "It was reported that the talks had failed.",
    "It is important to keep the border open.",
])
def test_empty_it_is_nobody(analyze, second):
    a = analyze("The Levant Relief Society is a charity based in Amman. " + second)
    assert actor_of(a, "It") is None


def test_a_name_opening_a_near_phrase_is_a_place_even_unlisted(analyze):
    a = analyze("Near Umm Tuwaynah, two strikes destroyed a mortar position. "
                "Near Dayr Az Zayr, one strike destroyed an oil pump jack.")
    unlisted = _place_with(a, "Umm Tuwaynah")
    assert unlisted is not None and unlisted.lat is None
    listed = _place_with(a, "Dayr Az Zayr")
    assert listed is not None and listed.country == "SY" and listed.lat is not None
    assert not any(m.text.startswith("Near") for actor in a.actors for m in actor.mentions)
    assert actor_of(a, "Dayr Az Zayr") is None


def test_bare_strikes_without_a_conductor_are_no_actors(analyze):
    a = analyze("Near Mosul, four strikes struck three tactical units.")
    assert actor_of(a, "four strikes") is None


def test_first_person_singular_in_a_quote_is_its_speaker(analyze):
    a = analyze("“I am deeply saddened by the loss of my colleague,” Defense Minister Omar Haddad said on Monday.")
    aid = actor_of(a, "Omar Haddad")
    assert aid is not None and actor_of(a, "I") == aid and actor_of(a, "my") == aid


def test_the_document_said_is_the_body_that_issued_it(analyze):
    a = analyze("The ministers met in Amman on Monday, according to a Foreign Ministry news release. "
                "The two ministers discussed the border crossings, the release said.")
    ministry = actor_of(a, "Foreign Ministry")
    assert ministry is not None
    said = [s for s in a.statements if "border crossings" in s.content]
    assert said and said[0].speaker == ministry


def test_the_secretary_is_the_secretary_named_before(analyze):
    a = analyze("Defense Secretary Tom Reyes visited the base on Monday. "
                "“We will stay as long as we are needed,” the secretary said.")
    said = [s for s in a.statements if "stay as long" in s.content]
    assert said and said[0].speaker == actor_of(a, "Tom Reyes")


def test_the_office_a_naming_verb_gives_is_the_persons_role(analyze):
    a = analyze("Rebel commander Khaled Mansour arrived in Idlib on Monday. "
                "The council appointed Khaled Mansour the new commander of the northern front in 2019.")
    aid = actor_of(a, "Khaled Mansour")
    assert aid is not None and actor_of(a, "Khaled Mansour", 1) == aid
    assert actor_of(a, "commander", 1) == aid


def test_a_language_label_in_parentheses_is_no_role(analyze):
    a = analyze("Hassan Nasrallah (Arabic: حسن نصر الله) spoke on Monday. Nasrallah said the talks had failed.")
    aid = actor_of(a, "Hassan Nasrallah")
    assert aid is not None and actor_of(a, "Arabic") != aid
    actor = a.actor(aid)
    assert not actor.role or "Arabic" not in actor.role


def test_the_city_of_an_unlisted_name_is_that_place_put_at_its_sentences_town(analyze):
    a = analyze("After a week of fighting in Mosul, the troops moved into the city of Ubaydah.")
    p = _place_with(a, "Ubaydah")
    assert p is not None and [m.text for m in p.mentions] == ["city", "Ubaydah"]
    mosul = _place_with(a, "Mosul")
    assert mosul is not None and [m.text for m in mosul.mentions] == ["Mosul"]
    assert (p.country, p.lat, p.lon) == (mosul.country, mosul.lat, mosul.lon)


def test_a_named_site_is_put_at_its_sentences_town_a_common_one_is_not(analyze):
    a = analyze("Soldiers stormed the Al Rahma hospital complex in eastern Mosul. A checkpoint was set up in Mosul.")
    named = _place_with(a, "Al Rahma hospital complex")
    mosul = _place_with(a, "Mosul")
    assert named is not None and named.feature == "site" and (named.lat, named.country) == (mosul.lat, "IQ")
    common = _place_with(a, "checkpoint")
    assert common is not None and common.lat is None


def test_a_lone_small_town_abroad_is_an_unlisted_place_of_the_story(analyze):
    a = analyze("Iraqi troops fought in Ramadi and Fallujah on Monday. Baghdad sent more troops to Anbar. "
                "Near Husaybah and Sadah, two strikes hit a tunnel.")
    sadah = _place_with(a, "Sadah")
    assert sadah is not None and sadah.country == "IQ"


def test_a_name_opening_with_a_town_abroad_is_not_put_there(analyze):
    a = analyze("Kurdish forces held Raqqa and Kobani in Syria. Shelling hit Ayn Issa on Monday.")
    p = _place_with(a, "Ayn Issa")
    assert p is None or p.country in (None, "SY")
