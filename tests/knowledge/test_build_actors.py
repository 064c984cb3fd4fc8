"""The conflict-actor build (tools/build_actors.py), its filters, and the actors it adds."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from parley.knowledge.kb import build_kb, load_kb

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_actors  # noqa: E402

COLUMNS = ["ActorId", "NameData", "NameOrig", "NameOrigFull", "NameOrigFullEng", "NameChange",
           "NewName", "NewNameFullMotherTongue", "NewNameFullEng", "Org", "Location", "GWNOLoc"]


def _row(actor_id, short, orig_full, eng, org="1", location="Chad", **extra):
    row = dict.fromkeys(COLUMNS, "")
    row.update(ActorId=actor_id, NameData=short, NameOrig=short, NameOrigFull=orig_full,
               NameOrigFullEng=eng, NameChange="0", Org=org, Location=location, GWNOLoc="483")
    row.update(extra)
    return row


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Actors built from a small invented UCDP table and PETRARCH file."""
    folder = tmp_path_factory.mktemp("sources")
    rows = [
        _row("1", "Government of Chad", "n/a", "Government of Chad", org="4"),
        _row("2", "Zorvani Ridge Liberation Front", "Front de libération de la crête Zorvani",
             "Zorvani Ridge Liberation Front"),
        _row("3", "QXR", "Qalendri Xeno Rally", "Qalendri Xeno Rally", location="Niger"),
        _row("4", "QXR", "Qurmat Xantal Resistance", "Qurmat Xantal Resistance", location="Mali"),
        _row("5", "Forces of Tavrin Oslo", "n/a", "Forces of Tavrin Oslo"),
        _row("6", "Eastern Shield", "n/a", "Eastern Shield"),
        _row("7", "Vostrani", "Vostrani", "Vostrani", org="3"),
        _row("8", "KB", "Kelvashi Brotherhood", "Kelvashi Brotherhood", location="Sudan"),
        _row("9", "PMNV", "Parti Mobilisé Nord Vellani", "Mobilised Party of North Vellani",
             NameChange="1", NewName="UNV", NewNameFullMotherTongue="Union Nord Vellani",
             NewNameFullEng="Union of North Vellani"),
    ]
    ucdp = folder / "actors.csv"
    with ucdp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    petrarch = folder / "petrarch"
    petrarch.mkdir()
    (petrarch / "Phoenix.MilNonState.actors.txt").write_text(
        "# test file\n\n"
        "ZORVANI_RIDGE_LIBERATION_FRONT_ [TCDREB]\n"
        "+ZRLF_\n+ZORVANI_RIDGE_ARMED_FRONT_\n+DARMO_KELTISS\n\n"
        "OSTRAVEL_PEOPLES_ARMY_ [NERREB]\n+OPA_\n", encoding="utf-8")
    (petrarch / "Phoenix.International.actors.txt").write_text(
        "# test file\n\n"
        "TRANS-VELLANI_ORGANIZATION_FOR_COOPERATION_ [IGOAFR]\n+TVOC_\n\n"
        "SECRETARY_GENERAL_MARLO_VENN_ [IGOAFR]\n\n"
        "VELLANI_RELIEF_SOCIETY_ [NGOHLH]\n", encoding="utf-8")
    actors = build_actors.build(ucdp, petrarch, folder / "out.yaml")
    return {a["name"]: a for a in actors}


def _all_names(built):
    return {n for a in built.values() for n in [a["name"], *a.get("aliases", [])]}


def test_non_state_group_with_names_and_country(built):
    a = built["Zorvani Ridge Liberation Front"]
    assert a["kind"] == "armed_group" and a["country"] == "TD"
    assert "Front de libération de la crête Zorvani" in a["aliases"]


def test_petrarch_entry_adds_aliases_to_the_same_group(built):
    a = built["Zorvani Ridge Liberation Front"]
    assert {"ZRLF", "Zorvani Ridge Armed Front"} <= set(a["aliases"])
    assert "Darmo Keltiss" not in _all_names(built)          # a person among the synonyms


def test_petrarch_group_without_match_is_a_new_actor(built):
    a = built["Ostravel Peoples Army"]
    assert a["country"] == "NE" and a["aliases"] == ["OPA"]


def test_international_organisations_but_not_people_or_ngos(built):
    assert built["Trans-Vellani Organization for Cooperation"]["kind"] == "international_org"
    names = _all_names(built)
    assert not any("Venn" in n for n in names)
    assert "Vellani Relief Society" not in names


def test_governments_and_identity_groups_are_left_out(built):
    names = _all_names(built)
    assert "Government of Chad" not in names and "Vostrani" not in names


def test_ambiguous_short_form_is_dropped_from_both(built):
    assert "QXR" not in _all_names(built)
    assert "Qalendri Xeno Rally" in built and "Qurmat Xantal Resistance" in built


def test_descriptions_ordinary_phrases_and_two_letter_forms_are_dropped(built):
    names = _all_names(built)
    assert "Forces of Tavrin Oslo" not in names
    assert "Eastern Shield" not in names
    assert "KB" not in names and "Kelvashi Brotherhood" in built


def test_name_change_gives_latest_english_name_first(built):
    a = built["Union of North Vellani"]
    assert {"UNV", "Union Nord Vellani", "Mobilised Party of North Vellani", "PMNV"} <= set(a["aliases"])


def test_name_of_a_hand_written_actor_is_not_repeated(tmp_path):
    kb = load_kb()
    name = kb.get("hts").name
    with (tmp_path / "a.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(_row("1", "HTSX", name, name, location="Syria"))
    actors = build_actors.build(tmp_path / "a.csv", tmp_path / "none", tmp_path / "out.yaml")
    assert actors == []


@pytest.mark.skipif(not build_actors.DEFAULT_UCDP.exists(), reason="UCDP actor table not available")
def test_committed_file_is_up_to_date():
    assert build_actors.main(["--check"]) == 0


@pytest.mark.skipif(not build_actors.DEFAULT_UCDP.exists(), reason="UCDP actor table not available")
def test_check_fails_on_a_stale_file(tmp_path):
    stale = tmp_path / "conflict_actors.yaml"
    stale.write_text("actors: []\n", encoding="utf-8")
    assert build_actors.main(["--check", "--out", str(stale)]) == 1


# -- the actors in the knowledge base ---------------------------------------------------------
@pytest.mark.parametrize("name, actor_id", [
    ("Revolutionary Armed Forces of Colombia", "revolutionary-armed-forces-of-colombia"),
    ("FARC", "revolutionary-armed-forces-of-colombia"),
    ("Boko Haram", "boko-haram"),
    ("Taliban", "taliban"),
    ("Taleban", "taliban"),
    ("Hamas", "hamas"),
    ("GOP", "us-republican-party"),
    ("the Republican Party", "us-republican-party"),
    ("Republicans", "us-republican-party"),
    ("Democrats", "us-democratic-party"),
    ("Tories", "uk-conservative-party"),
    ("Labour", "uk-labour-party"),
])
def test_kb_resolves(name, actor_id):
    assert load_kb().resolve(name)[0].actor.id == actor_id


def test_party_adjectives_are_not_aliases():
    rules = {(r.actor.id, r.rule) for r in load_kb().resolve("Democratic")}
    assert rules == {("us-democratic-party", "adjective")}
    assert load_kb().get("us-republican-party").kind == "party"


def test_short_forms_are_not_matched_by_transliteration_key(tmp_path):
    path = tmp_path / "kb.yaml"
    path.write_text("actors:\n"
                    "  - {id: gxm, name: Gorvak Xeltan Movement, kind: armed_group, aliases: [GAM]}\n"
                    "  - {id: zoui, name: Gabriel Al-Zoui, kind: person}\n", encoding="utf-8")
    kb = build_kb([path])
    assert kb.resolve("Qaim") == []                      # "GAM" and "Qaim" share a key
    assert kb.resolve("Gabriel Al-Zawi")[0].actor.id == "zoui"


def test_generated_actors_match_only_as_written():
    from parley.knowledge.kb import load_kb

    kb = load_kb()
    generated = [a for a in kb.actors.values() if a.origin == "conflict_actors.yaml"]
    assert generated, "the generated list is loaded"
    assert not any(a.origin == "conflict_actors.yaml" for h in kb.resolve("Laconia") for a in [h.actor])
