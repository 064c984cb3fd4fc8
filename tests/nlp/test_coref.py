"""In-text aliases (parley.nlp.coref): short forms, alias markers, appositions, spellings."""
from __future__ import annotations

from parley.nlp.namekeys import abbreviation_like, fold, initials, name_key, spells
from parley.nlp.table import slug
from .support import actor_of


# -- pure helpers ---------------------------------------------------------------------------
def test_short_form_letters_must_occur_in_the_name_in_order():
    assert spells("GULFMARCOM", "Gulf Maritime Patrol Command")
    assert spells("TH-West", "Tal Hamra West Airbase")
    assert spells("JBF-OCS", "Joint Border Force - Operation Calm Shield")
    assert not spells("CTF", "Task Force")
    assert not spells("XYZ", "Naval Forces Central Command")


def test_abbreviation_like_needs_two_capitals():
    assert abbreviation_like("DoE") and abbreviation_like("TH-West") and abbreviation_like("JBF-OCS")
    assert not abbreviation_like("Arabic") and not abbreviation_like("a") and not abbreviation_like("ABCDEFGHIJKLMN")


def test_name_key_ignores_word_order_case_the_and_apostrophes():
    assert name_key("the Energy Department") == name_key("Department of Energy")
    assert name_key("the Iraqi army") == name_key("Iraqi Army")
    assert name_key("Da\u2019esh") == name_key("Daesh") == name_key("Da'esh")
    assert name_key("Iraqi Army") != name_key("Free Iraqi Army")


def test_initials_include_the_reordered_institution_name():
    assert "doe" in initials("Energy Department")
    assert "kpf" in initials("Kurdish police forces")


def test_fold_and_slug_drop_diacritics_and_apostrophes():
    assert fold("Erdoğan") == "erdogan"
    assert slug("Recep Tayyip Erdoğan") == "recep-tayyip-erdogan"
    assert slug("Da\u2019esh") == slug("Da'esh") == "daesh"


# -- whole pipeline -------------------------------------------------------------------------
def test_parenthesised_short_form_after_a_possessive_name(analyze):
    a = analyze("Troops joined the Gulf Maritime Patrol Command's (GULFMARCOM) exercise on Monday. "
                "GULFMARCOM said the drills went well.")
    aid = actor_of(a, "GULFMARCOM")
    assert aid is not None and aid == actor_of(a, "GULFMARCOM", 1)
    assert "Gulf Maritime Patrol Command" in a.actor(aid).name


def test_hyphenated_short_form_is_one_mention_of_the_long_name(analyze):
    a = analyze("The Joint Border Force - Operation Calm Shield (JBF-OCS) opened a base. "
                "Later JBF-OCS said it had trained 300 guards.")
    first = actor_of(a, "JBF-OCS")
    assert first is not None and first == actor_of(a, "JBF-OCS", 1)
    assert not any(x.name == "OCS" for x in a.actors)


def test_also_known_as_merges_two_names(analyze):
    a = analyze("The Northern Valley Brigade, also known as the Valley Lions, attacked a checkpoint. "
                "The Valley Lions later withdrew.")
    aid = actor_of(a, "Northern Valley Brigade")
    assert aid is not None
    assert actor_of(a, "Valley Lions") == aid


def test_standalone_acronym_of_a_named_force(analyze):
    a = analyze("Mountain Rescue Security Forces repelled an attack on Monday. "
                "Officials said the MRSF had lost two men.")
    aid = actor_of(a, "Mountain Rescue Security Forces")
    assert aid is not None and actor_of(a, "MRSF") == aid


def test_mixed_case_acronym_of_a_reordered_department(analyze):
    a = analyze("The Energy Department announced new sanctions on Tuesday. "
                "A DoE statement said the measures would take effect at once.")
    aid = actor_of(a, "Energy Department")
    assert aid is not None and actor_of(a, "DoE") == aid


def test_word_order_variants_are_one_actor(analyze):
    a = analyze("The Energy Department announced new sanctions on Tuesday. "
                "The Department of Energy said the measures would take effect at once.")
    assert actor_of(a, "Energy Department") == actor_of(a, "Department of Energy") is not None


def test_title_before_a_named_person_is_that_person(analyze):
    a = analyze("The envoy met with the Minister of Water Resources of Jordan, Dr Omar Haddad, in Amman.")
    aid = actor_of(a, "Omar Haddad")
    assert aid is not None
    assert any("Minister of Water Resources" in m.text for m in a.actor(aid).mentions)


def test_a_fronted_title_phrase_is_not_moved_to_the_next_subject(analyze):
    a = analyze("Echoing the words of the Jordanian minister, Haddad stressed that talks must go on.")
    aid = actor_of(a, "Haddad")
    assert aid is None or not any("minister" in m.text for m in a.actor(aid).mentions)


def test_two_listed_organisations_are_not_merged(analyze):
    a = analyze("Fighters of the Northern Valley Brigade, the Southern Hills Front, and the Eastern "
                "Desert Army met on Monday.")
    ids = {actor_of(a, "Northern Valley Brigade"), actor_of(a, "Southern Hills Front")}
    assert None not in ids and len(ids) == 2


def test_title_subject_of_be_is_the_named_person(analyze):
    a = analyze("Omar Haddad commands the northern garrison. His Chief of Staff is Major General Salim Nouri.")
    aid = actor_of(a, "Salim Nouri")
    assert aid is not None
    assert any("Chief of Staff" in m.text for m in a.actor(aid).mentions)


def test_alternative_names_after_a_marker_join_with_or(analyze):
    a = analyze("The Northern Valley Brigade, also known as NVB or the Valley Lions, attacked a checkpoint.")
    aid = actor_of(a, "Northern Valley Brigade")
    assert aid is not None and actor_of(a, "NVB") == aid and actor_of(a, "Valley Lions") == aid


def test_unit_and_parent_unit_in_apposition_are_one_mention(analyze):
    a = analyze("Jordanian troops welcomed Soldiers visiting from 4th Squadron, 212th Cavalry Regiment "
                "for a live-fire exercise on Monday.")
    aid = actor_of(a, "4th Squadron, 212th Cavalry Regiment")
    assert aid is not None


def test_short_form_spelling_a_name_the_ner_missed_makes_it_an_actor(analyze):
    a = analyze("AMMAN - Combined Desert Patrol Group - Northern Sector trained 300 guards this month. "
                "CDPG-NS has four training sites.")
    aid = actor_of(a, "Combined Desert Patrol Group - Northern Sector")
    assert aid is not None and actor_of(a, "CDPG-NS") == aid


def test_operation_names_do_not_become_actors_through_a_short_form(analyze):
    a = analyze("Jets flew in support of Operation Silent Harbor on Monday. "
                "Crews supporting OSH returned safely.")
    assert actor_of(a, "Operation Silent Harbor") is None


def test_kb_name_continued_into_a_longer_spelling_is_one_mention(analyze):
    a = analyze("Aid groups fled the Islamic State of Iraq and Levant fighters on Monday, and ISIL lost ground.")
    assert actor_of(a, "Islamic State of Iraq and Levant") == actor_of(a, "ISIL") is not None
    assert actor_of(a, "Iraq") is None


def test_a_surname_without_its_diacritics_is_the_same_person(analyze):
    a = analyze("The mayor Kemal Özdemir spoke on Monday. Later Ozdemir said talks would go on.")
    aid = actor_of(a, "Kemal Özdemir")
    assert aid == "person:kemal-ozdemir" and actor_of(a, "Ozdemir") == aid
