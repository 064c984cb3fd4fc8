"""The roll-up to the actors that matter: what a person says, demands or threatens while
speaking for a state or body counts for it too, marked "via" the person, in the store's lists,
the actor's profile and timeline, and the CLI; unknown actor names are errors with suggestions.
On hand-built analyses of sentences written for these tests (no model)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.models import Actor, Analysis, Article, Conditional, Demand, Mention, Relation, Statement, article_id
from parley.store import voices
from parley.store.voices import UnknownActorError

# id: (name, kind, affiliation)
NAMES = {"ostland": ("Ostland", "state", None), "westmark": ("Westmark", "state", None),
         "person:ivo-marr": ("Ivo Marr", "person", "ostland"),
         "person:lena-dorn": ("Lena Dorn", "person", None),
         "ostland-institute": ("Ostland Institute", "organization", "ostland")}
FIRST = ("Ostland's foreign minister Ivo Marr said the border must stay open. Ostland Institute said the "
         "talks were useful. Westmark said Ivo Marr was wrong. Ostland said it backs the plan.")
SECOND = "Lena Dorn, the chancellor, said Ostland wants a truce. Ivo Marr warned of sanctions."


def _analysis(text: str, day: str, **facts) -> Analysis:
    actors = tuple(Actor(key, name, kind, affiliation=aff, mentions=(Mention(name, text.index(name),
                                                                             text.index(name) + len(name)),))
                   for key, (name, kind, aff) in NAMES.items() if name in text)
    return Analysis(article=Article(text, article_id(text), published=day, source=f"{day}.txt", pipeline="test 1"),
                    actors=actors, **facts)


def _said(text: str, speaker: str, content: str) -> Statement:
    start = text.index(content)
    return Statement(speaker, "say", content, start, start + len(content))


def _analyses() -> list[Analysis]:
    first = _analysis(FIRST, "2021-03-01", statements=(
        _said(FIRST, "person:ivo-marr", "the border must stay open"),
        _said(FIRST, "ostland-institute", "the talks were useful"),
        _said(FIRST, "westmark", "Ivo Marr was wrong"),
        _said(FIRST, "ostland", "it backs the plan")),
        relations=(Relation("person:ivo-marr", "opposes", "westmark", FIRST, 0, 60, claimed_by="person:ivo-marr"),
                   Relation("westmark", "accuses", "person:ivo-marr", FIRST, 120, 150)),
        demands=(Demand(("person:ivo-marr",), ("westmark",), ("an open border",), FIRST, 0, 60),
                 Demand((), (), ("a second round of talks",), FIRST, 61, 100, claimed_by="person:ivo-marr")))
    second = _analysis(SECOND, "2022-05-02", statements=(
        _said(SECOND, "person:lena-dorn", "Ostland wants a truce"),),
        conditionals=(Conditional("person:ivo-marr", "the shelling goes on", "sanctions follow", SECOND, 54, 82),
                      Conditional(None, "talks fail", "Ostland walks out", SECOND, 0, 53,
                                  claimed_by="person:lena-dorn")))
    return [first, second]


@pytest.fixture
def filled(store, monkeypatch):
    # Lena Dorn holds an office of Ostland from 2022 on: only her later words speak for it
    monkeypatch.setattr(voices, "_kb_offices", lambda: (("ostland", "person:lena-dorn", "2022-01-01", None),))
    for a in _analyses():
        store.add_analysis(a)
    return store


def _vias(rows, key):
    return sorted((r[key], r["via"]) for r in rows)


def test_statements_count_for_the_actor_a_person_speaks_for(filled):
    rows = filled.statements(speaker="Ostland").items
    assert _vias(rows, "content") == [("Ostland wants a truce", "Lena Dorn"), ("it backs the plan", None),
                                      ("the border must stay open", "Ivo Marr")]
    # a body affiliated with the state is no person speaking for it
    assert "the talks were useful" not in {r["content"] for r in rows}
    own = filled.statements(speaker="Ostland", direct=True).items
    assert [(r["content"], r["via"]) for r in own] == [("it backs the plan", None)]
    assert all(r["via"] is None for r in filled.statements().items)
    assert filled.statements(speaker="Ostland", limit=1, newest_first=True).total == 3


def test_an_office_counts_only_on_the_days_it_is_held(filled, monkeypatch):
    monkeypatch.setattr(voices, "_kb_offices", lambda: (("ostland", "person:lena-dorn", "2023-01-01", None),))
    assert "Ostland wants a truce" not in {r["content"] for r in filled.statements(speaker="ostland").items}


def test_stances_of_a_person_at_the_source_end_count(filled):
    rows = filled.relations(actor="Ostland").items
    assert [(r["source"], r["type"], r["target"], r["via"]) for r in rows] == [
        ("person:ivo-marr", "opposes", "westmark", "Ivo Marr")]  # a stance against him is not one against it
    assert filled.relations(actor="Ostland", limit=10).items == rows  # the paged reading agrees
    assert filled.relations(actor="Ostland", direct=True).items == []
    assert filled.relations(actor="westmark").items[0]["via"] is None


def test_demands_and_conditionals_count_through_their_maker_or_claimant(filled):
    made = filled.demands(by="Ostland").items
    assert sorted((d["items"][0], d["via"]) for d in made) == [("a second round of talks", "Ivo Marr"),
                                                               ("an open border", "Ivo Marr")]
    assert filled.demands(by="Ostland", direct=True).items == []
    assert filled.demands(by="Ostland", limit=1).total == 2
    threats = filled.conditionals(actor="Ostland").items
    assert _vias(threats, "then_text") == [("Ostland walks out", "Lena Dorn"), ("sanctions follow", "Ivo Marr")]
    assert filled.conditionals(actor="Ostland", direct=True).items == []


def test_profile_and_timeline_roll_up(filled):
    profile = filled.actor_profile("Ostland")
    assert profile["statements"]["total"] == 3 and profile["conditionals"]["total"] == 2
    assert filled.actor_profile("Ostland", direct=True)["statements"]["total"] == 1
    line = filled.timeline("Ostland")
    assert ("conditional", "Ivo Marr") in {(e["kind"], e["via"]) for e in line}
    assert {e["via"] for e in filled.timeline("Ostland", direct=True)} == {None}


def test_an_unknown_actor_is_an_error_with_suggestions(filled):
    with pytest.raises(UnknownActorError) as err:
        filled.statements(speaker="Ostlend")
    assert err.value.suggestions == ["Ostland"] and str(err.value) == "no actor 'Ostlend'; did you mean: Ostland?"
    for call in (lambda: filled.relations(actor="Ostlend"), lambda: filled.demands(of="Ostlend"),
                 lambda: filled.conditionals(actor="Ostlend"), lambda: filled.events(actor="Ostlend")):
        with pytest.raises(UnknownActorError):
            call()
    assert str(UnknownActorError("Zzyzx", [])) == "no actor 'Zzyzx' in the store (see `parley actors`)"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_lists_via_and_direct(filled, store_url):
    rows = json.loads(run("statements", "--speaker", "Ostland", "--format", "json", "--db", store_url).stdout)
    assert {r["via"] for r in rows} == {None, "Ivo Marr", "Lena Dorn"}
    csv = run("statements", "--speaker", "Ostland", "--format", "csv", "--db", store_url).stdout.splitlines()
    assert csv[0] == "published,speaker,via,cue,content,article_id" and len(csv) == 4
    own = run("statements", "--speaker", "Ostland", "--direct", "--format", "csv", "--db", store_url).stdout
    assert own.splitlines()[0] == "published,speaker,cue,content,article_id" and len(own.splitlines()) == 2
    demands = run("demands", "--by", "Ostland", "--format", "csv", "--db", store_url).stdout
    assert demands.count("Ivo Marr") == 2
    card = run("actor", "Ostland", "--db", store_url).stdout
    assert "Ivo Marr" in card and "sanctions follow" in card


@pytest.mark.parametrize("args", [["statements", "--speaker"], ["relations", "--actor"], ["demands", "--by"],
                                  ["demands", "--of"]])
def test_cli_unknown_actor_is_exit_2_with_suggestions(filled, store_url, args):
    result = run(*args, "Ostlend", "--db", store_url)
    assert result.exit_code == 2 and result.stdout == ""
    assert "no actor 'Ostlend'; did you mean: Ostland?" in result.stderr


def test_cli_unknown_actor_by_name_suggests(filled, store_url):
    for command in ("actor", "timeline"):
        result = run(command, "Westmrak", "--db", store_url)
        assert result.exit_code == 1 and "did you mean: Westmark?" in result.stderr
