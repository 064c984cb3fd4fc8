"""Place resolution in context: qualifiers, the regions of the text, feature classes, parts of a
name, landmarks, known persons and places the gazetteer lacks."""
from __future__ import annotations

import pytest

from .support import location, place


def _at(p, lat: float, lon: float, tol: float = 1.0) -> bool:
    return p.lat == pytest.approx(lat, abs=tol) and p.lon == pytest.approx(lon, abs=tol)


def test_region_after_a_comma_picks_the_town_in_it(analyze):
    a = analyze("A tornado tore through Gainesville, Texas, on Sunday night.")
    town = place(a, "Gainesville")
    assert town.country == "US" and _at(town, 33.6, -97.1)
    assert place(a, "Texas").feature == "region"


def test_abbreviated_state_after_a_comma_is_a_qualifier(analyze):
    a = analyze("The council met in Long Beach, Calif., to discuss the port.")
    assert _at(place(a, "Long Beach"), 33.8, -118.2)


def test_regions_of_the_text_move_an_ambiguous_town(analyze):
    a = analyze("Roads were closed around Austin and Waco after the storm. "
                "Later that day the floods hit homes in Gainesville.")
    assert _at(place(a, "Gainesville"), 33.6, -97.1)


def test_the_largest_town_wins_without_context(analyze):
    a = analyze("Students returned to Gainesville after the hurricane.")
    assert _at(place(a, "Gainesville"), 29.65, -82.3)


def test_a_region_name_is_the_region_not_a_city_in_it(analyze):
    texas = place(analyze("Voters in Texas went to the polls on Tuesday."), "Texas")
    assert (texas.feature, texas.country) == ("region", "US")
    assert _at(texas, 31.0, -99.5, tol=2.0)      # the middle of the state, not Houston


def test_new_jersey_is_the_state_not_the_island(analyze):
    a = analyze("Heavy snow closed schools across New Jersey.")
    p = place(a, "New Jersey")
    assert (p.country, p.feature) == ("US", "region")


def test_a_country_named_as_a_place_has_coordinates(analyze):
    syria = place(analyze("Aid convoys crossed into Syria on Friday."), "Syria")
    assert syria.feature == "country" and _at(syria, 35.0, 38.5, tol=1.5)


def test_a_landmark_of_a_capital_is_placed_in_the_capital(analyze):
    a = analyze("Reporters gathered outside the Kremlin before dawn.")
    kremlin = next(p for p in a.places if "Kremlin" in p.mentions[0].text)
    assert kremlin.feature == "landmark" and _at(kremlin, 55.75, 37.62, tol=0.2)


def test_a_part_of_a_city_is_placed_at_the_city(analyze):
    a = analyze("Residents fled West Mosul as the fighting spread.")
    p = next(p for p in a.places if p.mentions[0].text == "West Mosul")
    assert (p.name, p.country) == ("Mosul", "IQ")


def test_a_facility_is_placed_at_the_town_it_is_named_after(analyze):
    a = analyze("Engineers were flown to Kirkuk Air Base on Monday.")
    p = next(p for p in a.places if "Kirkuk" in p.mentions[0].text)
    assert p.country == "IQ" and _at(p, 35.47, 44.39, tol=0.5)


def test_a_known_person_is_no_place(analyze):
    a = analyze("Erdogan told reporters that the talks would go on.")
    assert a.places == ()


def test_a_place_the_gazetteer_lacks_keeps_the_country_the_text_gives(analyze):
    a = analyze("Shelling struck the village of Tell Qaramoun, Syria, on Monday.")
    p = next((p for p in a.places if p.name == "Tell Qaramoun"), None)
    assert p is not None and (p.country, p.lat, p.lon, p.feature) == ("SY", None, None, None)


def test_places_listed_together_are_resolved_near_each_other(analyze):
    a = analyze("The army withdrew from Sirte and Jafra before the talks.")
    jufra = place(a, "Al Jufrah")
    assert jufra is not None and jufra.country == "LY"


def test_a_capital_used_as_an_agent_is_no_event_place(analyze):
    a = analyze("Moscow condemned the attack on the convoy.", published="2020-03-02")
    assert location(a, "Moscow") is None
    assert all(e.place != "Moscow" for e in a.events)


def test_a_capital_used_literally_is_the_event_place(analyze):
    a = analyze("The Libyan National Army attacked the Government of National Accord in Tripoli.",
                published="2020-03-02")
    assert location(a, "Tripoli") is not None
    assert any(e.place == "Tripoli" for e in a.events)


def test_a_demonym_names_its_country_but_no_location(analyze):
    a = analyze("Russian troops and Egyptian officials arrived on Monday.")
    russia, egypt = place(a, "Russia"), place(a, "Egypt")
    assert [m.text for m in russia.mentions] == ["Russian"] and not russia.literal
    assert egypt.feature == "country" and not egypt.literal


def test_a_dateline_in_capitals_is_a_place(analyze):
    a = analyze("AMMAN (Reuters) - Talks between the two delegations resumed on Sunday.")
    amman = place(a, "Amman")
    assert amman is not None and amman.country == "JO"
    assert amman.mentions[0].text == "AMMAN"


def test_an_abbreviated_qualifier_is_the_region_the_town_is_in(analyze):
    a = analyze("A warehouse burned in Greer, S.C., on Tuesday.")
    assert place(a, "South Carolina") is not None and place(a, "Seychelles") is None


def test_a_street_the_gazetteer_lacks_is_listed_without_coordinates(analyze):
    a = analyze("Police closed Maple Avenue after the crash.")
    street = next((p for p in a.places if p.name == "Maple Avenue"), None)
    assert street is not None and (street.lat, street.feature) == (None, None)


def test_a_place_name_in_a_disease_name_is_no_place(analyze):
    a = analyze("Two horses tested positive for West Nile virus last week.")
    assert not any("Nile" in m.text for p in a.places for m in p.mentions)


def test_a_surname_of_a_person_named_in_full_is_no_place(analyze):
    a = analyze("Mayor Henry Lyndon opened the bridge. Lyndon said the work took two years.")
    assert not any(m.text == "Lyndon" for p in a.places for m in p.mentions)


def test_the_city_refers_back_to_the_town_named_before(analyze):
    a = analyze("Fighting raged in Mosul on Monday. Troops entered the city at dawn.")
    mosul = place(a, "Mosul")
    assert [m.text for m in mosul.mentions] == ["Mosul", "city"]
    assert place(a, "city") is None


def test_a_town_after_a_locative_preposition_is_a_place_without_the_ner(analyze):
    a = analyze("Near Rawah, two strikes destroyed a fighting position.")
    p = next((p for p in a.places if p.mentions[0].text == "Rawah"), None)
    assert p is not None and p.country == "IQ"
