"""The built-in knowledge base: states, organisations, conflict actors and their offices."""
from __future__ import annotations

import collections

import pycountry
import pytest
import yaml

from parley.knowledge import load_kb
from parley.knowledge.kb import DATA_DIR, KINDS

# ISO 3166-1 entries that are not sovereign states (no demonym required), and Dominica,
# whose demonym "Dominican" is left to the Dominican Republic.
NOT_STATES = {
    "AS", "AI", "AQ", "AW", "AX", "BL", "BM", "BQ", "BV", "CC", "CK", "CW", "CX", "EH", "FK", "FO",
    "GF", "GG", "GI", "GL", "GP", "GS", "GU", "HK", "HM", "IM", "IO", "JE", "KY", "MF", "MO", "MP",
    "MQ", "MS", "NC", "NF", "NU", "PF", "PM", "PN", "PR", "RE", "SH", "SJ", "SX", "TC", "TF", "TK",
    "UM", "VG", "VI", "WF", "YT", "TW",
}
NO_ADJECTIVE = {"DM"}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def _first(kb, name, **kw):
    hits = kb.resolve(name, **kw)
    assert hits, f"{name!r} does not resolve"
    return hits[0]


def _state(kb, alpha2):
    return next(a for a in kb.actors.values() if a.kind == "state" and a.country == alpha2)


def test_every_iso_country_resolves_by_its_name(kb):
    missing = []
    for c in pycountry.countries:
        names = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for name in names:
            ids = {r.actor.id for r in kb.resolve(name, fuzzy=False)}
            if _state(kb, c.alpha_2).id not in ids:
                missing.append((c.alpha_2, name))
    assert not missing


def test_every_real_state_has_an_adjective(kb):
    lacking = [c.alpha_2 for c in pycountry.countries
               if c.alpha_2 not in NOT_STATES | NO_ADJECTIVE and not _state(kb, c.alpha_2).adjectives]
    assert not lacking


@pytest.mark.parametrize("name,actor_id", [
    ("Russia", "russia"), ("Russian Federation", "russia"), ("Turkiye", "turkey"), ("Türkiye", "turkey"),
    ("Republic of Turkey", "turkey"), ("U.S.", "united-states"), ("United States of America", "united-states"),
    ("America", "united-states"), ("UK", "united-kingdom"), ("Great Britain", "united-kingdom"),
    ("UAE", "united-arab-emirates"), ("Syrian Arab Republic", "syria"), ("South Korea", "south-korea"),
    ("Iran", "iran"), ("Egypt", "egypt"),
])
def test_state_aliases(kb, name, actor_id):
    hit = _first(kb, name)
    assert (hit.actor.id, hit.rule) == (actor_id, "alias")


@pytest.mark.parametrize("adjective,actor_id", [
    ("Emirati", "united-arab-emirates"), ("Emiratis", "united-arab-emirates"), ("Russians", "russia"),
    ("Turkish", "turkey"), ("Turks", "turkey"), ("American", "united-states"), ("British", "united-kingdom"),
    ("Libyans", "libya"), ("Syrian", "syria"), ("Iraqi", "iraq"), ("Yemeni", "yemen"), ("Saudi", "saudi-arabia"),
    ("Qatari", "qatar"),
])
def test_adjectives(kb, adjective, actor_id):
    hit = _first(kb, adjective)
    assert (hit.actor.id, hit.rule) == (actor_id, "adjective")


def test_seats(kb):
    moscow = _first(kb, "Moscow")
    assert (moscow.actor.id, moscow.rule) == ("russia", "seat")
    assert _first(kb, "the Kremlin").actor.id == "russia"
    assert _first(kb, "the White House").actor.id == "united-states"
    assert _first(kb, "Downing Street").actor.id == "united-kingdom"
    assert _first(kb, "Beijing").actor.id == "china"
    assert _first(kb, "the Elysee").actor.id == "france"


@pytest.mark.parametrize("name", ["Government of Concord", "reconciliation government", "the Accord",
                                  "Al-Wefaq", "GNA", "Government of National Accord"])
def test_gna_names(kb, name):
    assert _first(kb, name, day="2019-05-01").actor.id == "gna"


def test_haftar_spellings(kb):
    assert _first(kb, "Hifter").actor.id == "khalifa-haftar"
    assert _first(kb, "Field Marshal Haftar").actor.id == "khalifa-haftar"
    key_hit = _first(kb, "Khalifa Heftar")          # not an alias: found by transliteration key
    assert (key_hit.actor.id, key_hit.rule) == ("khalifa-haftar", "name-key")


def test_tripoli_seat_by_date(kb):
    assert kb.resolve_seat("Tripoli", day="2020-06-18")[0].actor.id == "gna"
    assert kb.resolve_seat("Tripoli", day="2022-01-01")[0].actor.id == "gnu"
    assert _first(kb, "Tripoli", day="2022-01-01").actor.id == "gnu"
    assert _first(kb, "Damascus", day="2020-01-01").actor.id == "syrian-government"
    assert _first(kb, "Damascus", day="2025-06-01").actor.id == "syrian-transitional-government"


def test_offices(kb):
    assert kb.holder("Foreign Minister", "russia", "2020-01-01").id == "sergey-lavrov"
    assert kb.holder("Foreign Minister", "turkey", "2020-01-01").id == "mevlut-cavusoglu"
    assert kb.holder("Foreign Minister", "turkey", "2024-01-01").id == "hakan-fidan"
    assert kb.holder("Secretary of State", "united-states", "2019-01-01").id == "mike-pompeo"
    assert kb.holder("President", "united-states", "2022-01-01").id == "joe-biden"
    assert kb.holder("Secretary-General", "un", "2015-01-01").id == "ban-ki-moon"
    assert kb.holder("Prime Minister", "gna", "2019-04-04").id == "fayez-al-sarraj"
    assert kb.holder("Prime Minister", "iraq", "2021-01-01").id == "mustafa-al-kadhimi"
    assert kb.holder("President", "syria", "2010-01-01").id == "bashar-al-assad"


def test_assads_are_separate(kb):
    ids = {"bashar-al-assad", "hafez-al-assad", "maher-al-assad", "asma-al-assad"}
    assert ids <= set(kb.actors)
    assert _first(kb, "Assad").actor.id == "bashar-al-assad"
    assert _first(kb, "Hafez al-Assad").actor.id == "hafez-al-assad"


def test_ids_unique_across_files():
    counts = collections.Counter()
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        counts.update(str(a["id"]) for a in data.get("actors") or [])
    assert [i for i, n in counts.items() if n > 1] == []


def test_references_and_kinds(kb):
    bad = []
    for actor in kb.actors.values():
        if actor.kind not in KINDS:
            bad.append(("kind", actor.id, actor.kind))
        if actor.affiliation and actor.affiliation not in kb.actors:
            bad.append(("affiliation", actor.id, actor.affiliation))
        if actor.country and not (pycountry.countries.get(alpha_2=actor.country) or actor.country == "XK"):
            bad.append(("country", actor.id, actor.country))
        if actor.valid_from and actor.valid_to:
            assert actor.valid_from <= actor.valid_to, actor.id
    for office in kb.offices:
        for ref in (office.of, office.holder):
            if ref not in kb.actors:
                bad.append(("office", office.title, ref))
        if office.holder in kb.actors and kb.actors[office.holder].kind != "person":
            bad.append(("holder not a person", office.title, office.holder))
        if office.start and office.end:
            assert office.start <= office.end, office
    assert bad == []


def test_person_ids_are_slugs_of_names(kb):
    import re
    import unicodedata

    def slug(text):
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
        return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")

    wrong = [(a.id, a.name) for a in kb.actors.values() if a.kind == "person" and a.id != slug(a.name)]
    assert wrong == []


def test_no_alias_is_shared_by_two_actors_unless_dated(kb):
    """A shared form must be told apart by dates or be a known ambiguity."""
    known = {"congo", "congolese"}
    clashes = []
    for key, entries in kb.by_alias.items():
        actors = {a.id: a for a, _, _ in entries}
        if len(actors) < 2 or key in known:
            continue
        undated = [a for a in actors.values() if not (a.valid_from or a.valid_to) and a.kind != "state"]
        if len(undated) > 1:
            clashes.append((key, sorted(actors)))
    assert clashes == []
