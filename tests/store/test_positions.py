"""Positions across articles: matching one demanded thing across wordings, status history,
responses, flags (reversal, condition dropped, threat carried out), stance shifts, and the
store's filters, on hand-built analyses (no model)."""
from __future__ import annotations

import pytest

from parley.models import Actor, Analysis, Article, Conditional, Demand, Event, Mention, Relation, article_id
from parley.store.positions import group, same_thing, signature, stem

NAMES = {"gna": ("Government of National Accord", "government", None),
         "lna": ("Libyan National Army", "armed_group", None),
         "turkey": ("Turkey", "state", None), "egypt": ("Egypt", "state", None),
         "person:ali-kamal": ("Ali Kamal", "person", "gna")}


def _analysis(text: str, day: str, **facts) -> Analysis:
    actors = tuple(Actor(key, name, kind, affiliation=aff,
                         mentions=(Mention(name, text.index(name), text.index(name) + len(name)),))
                   for key, (name, kind, aff) in NAMES.items() if name in text)
    return Analysis(article=Article(text, article_id(text), published=day, source=f"{day}.txt", pipeline="test 1"),
                    actors=actors, **facts)


def _demand(text: str, by: tuple, item: str, **extra) -> Demand:
    return Demand(by, extra.pop("of", ()), (item,), text, 0, len(text), **extra)


def test_stems_agree_across_forms():
    assert stem("release") == stem("releases") == stem("released")
    assert stem("withdrawal") == stem("withdraws") == stem("withdraw")
    assert stem("prisoners") == stem("prisoner")


def test_one_demand_in_two_wordings_is_one_thing():
    a = signature("withdrawal from Sirte and Jufra")
    b = signature("forces must leave Sirte and al-Jufra")
    assert a.head == b.head == "withdraw"
    assert a.names == b.names == {"sirte", "jufra"}
    assert same_thing(a, b)
    assert not same_thing(a, signature("withdrawal from Tripoli"))
    assert not same_thing(a, signature("elections in Sirte and Jufra"))


def test_words_inside_an_actor_mention_are_the_actor():
    text = "withdrawal of Turkish troops from Sirte"
    sig = signature(text, 100, [(114, 128, "turkey"), (0, 5, "gna")])
    assert sig.actors == {"turkey"}
    assert sig.names == {"sirte"}


def _fact(kind, status, actors, text, day, start=0, role="holder", condition=None, article="a"):
    return {"kind": kind, "status": status, "role": role, "actors": actors, "named": [], "of": [],
            "sig": signature(text), "text": text, "condition": condition, "condition_for": None,
            "date": day, "article_id": f"{article}{day}", "start": start, "end": start + 10, "evidence": text}


def test_restatements_soften_harden_and_answers_reverse():
    facts = [_fact("demand", "stated", ["gna"], "withdrawal from Sirte", "2020-06-01"),
             _fact("demand", "stated", ["gna"], "withdrawal from Sirte and Jufra", "2020-06-05"),
             _fact("demand", "accepted", ["lna"], "the withdrawal from Sirte", "2020-06-07", role="response"),
             _fact("demand", "reiterated", ["gna"], "forces must leave Jufra", "2020-06-09"),
             _fact("demand", "rejected", ["lna"], "withdrawal from Jufra", "2020-06-10", role="response"),
             _fact("demand", "stated", ["egypt"], "elections in Sirte", "2020-06-11")]
    withdrawal, elections = group(facts)
    assert [h["status"] for h in withdrawal["history"]] == ["stated", "hardened", "accepted", "softened", "rejected"]
    assert withdrawal["holders"] == ["gna"] and withdrawal["status"] == "rejected"
    assert withdrawal["accepted_by"] == [{"actor": "lna", "date": "2020-06-07"}]
    assert [(f["type"], f["date"]) for f in withdrawal["flags"]] == [("reversal", "2020-06-10")]
    assert withdrawal["first_seen"] == "2020-06-01" and withdrawal["last_seen"] == "2020-06-10"
    assert elections["holders"] == ["egypt"] and elections["history"][0]["status"] == "stated"


def test_a_dropped_condition_softens_a_conditional():
    facts = [_fact("conditional", "stated", ["lna"], "we will sign the truce", "2020-06-01",
                   condition="the mercenaries leave and Turkey stops its flights"),
             _fact("conditional", "stated", ["lna"], "it would sign a ceasefire", "2020-06-08",
                   condition="the mercenaries leave")]
    (offer,) = group(facts)
    assert offer["kind"] == "precondition"
    assert [h["status"] for h in offer["history"]] == ["stated", "softened"]
    assert [(f["type"], f["detail"]) for f in offer["flags"]] == [("condition_dropped", "Turkey stops its flights")]


def test_an_added_condition_hardens_a_position():
    facts = [_fact("conditional", "stated", ["lna"], "it would sign the truce", "2020-06-01",
                   condition="the mercenaries leave"),
             _fact("conditional", "stated", ["lna"], "it would sign a ceasefire", "2020-06-08",
                   condition="the mercenaries leave and Turkey stops its flights"),
             _fact("conditional", "stated", ["lna"], "it would sign a ceasefire", "2020-06-09",
                   condition="the mercenaries leave and Turkey stops its flights")]
    (offer,) = group(facts)
    assert [h["status"] for h in offer["history"]] == ["stated", "hardened", "reiterated"]
    assert offer["flags"] == []


def test_a_threat_is_carried_out_by_a_later_event_only():
    threat = _fact("conditional", "stated", ["lna"], "it would attack the airport", "2020-06-01",
                   condition="talks fail")
    event = {"source": "lna", "target": None, "date": "2020-06-04", "article_id": "b", "start": 0, "end": 30,
             "evidence": "LNA forces attacked the airport.", "sig": signature("LNA forces attacked the airport.")}
    (carried,) = group([threat], [event])
    assert carried["kind"] == "threat" and carried["status"] == "carried_out"
    earlier = {**event, "date": "2020-05-20"}
    other = {**event, "source": "gna"}
    (idle,) = group([threat], [earlier, other])
    assert idle["status"] == "stated" and idle["flags"] == []


# -- through the store -------------------------------------------------------------------------
ONE = "The Government of National Accord demanded the withdrawal from Sirte and Jufra before talks."
TWO = "Ali Kamal said the Libyan National Army forces must leave Sirte and al-Jufra."
THREE = "The Libyan National Army rejected the withdrawal from Sirte and Jufra. Turkey supports the Government of National Accord."
FOUR = "Turkey opposes the Government of National Accord. Egypt said it would close the border if the Libyan National Army attacked."


@pytest.fixture
def negotiation(store):
    store.add_analysis(_analysis(ONE, "2020-06-01", demands=(
        _demand(ONE, ("gna",), "the withdrawal from Sirte and Jufra", condition_for="talks"),)))
    store.add_analysis(_analysis(TWO, "2020-06-08", demands=(
        _demand(TWO, ("person:ali-kamal",), "the Libyan National Army forces must leave Sirte and al-Jufra",
                of=("lna",)),)))
    store.add_analysis(_analysis(THREE, "2020-06-15", demands=(
        _demand(THREE, ("lna",), "the withdrawal from Sirte and Jufra", status="rejected", claimed_by="lna"),),
        relations=(Relation("turkey", "supports", "gna", THREE, 0, len(THREE)),)))
    store.add_analysis(_analysis(FOUR, "2020-06-22", relations=(Relation("turkey", "opposes", "gna", FOUR, 0, 50),),
                                 conditionals=(Conditional("egypt", "the Libyan National Army attacked",
                                                           "it would close the border", FOUR, 51, len(FOUR)),),
                                 events=(Event("ASSAULT", "egypt", FOUR, 0, 10),)))
    return store


def test_the_store_groups_demands_across_articles(negotiation):
    page = negotiation.positions()
    assert page.total == 2
    withdrawal, threat = page.items
    assert withdrawal["kind"] == "precondition" and withdrawal["holders"] == ["gna", "person:ali-kamal"]
    assert withdrawal["of"] == ["lna"]
    assert [(h["date"], h["status"], h["actors"]) for h in withdrawal["history"]] == [
        ("2020-06-01", "stated", ["gna"]), ("2020-06-08", "softened", ["person:ali-kamal"]),
        ("2020-06-15", "rejected", ["lna"])]
    assert [f["type"] for f in withdrawal["flags"]] == ["condition_dropped"]
    assert withdrawal["articles"] == 3 and withdrawal["rejected_by"] == [{"actor": "lna", "date": "2020-06-15"}]
    assert threat["kind"] == "threat" and threat["holders"] == ["egypt"] and threat["status"] == "stated"
    assert negotiation.position(withdrawal["id"]) == withdrawal
    assert negotiation.position("p0000000000") is None


def test_the_store_filters_positions(negotiation):
    assert [p["holders"] for p in negotiation.positions(actor="Egypt").items] == [["egypt"]]
    # an official's demand counts for the government it serves
    assert negotiation.positions(actor="gna").total == 1
    assert negotiation.positions(actor="lna").total == 1  # asked, and answered
    assert negotiation.positions(topic="withdrawals").total == 1
    assert negotiation.positions(topic="border").total == 1
    assert negotiation.positions(since="2020-06-20").total == 1
    assert negotiation.positions(until="2020-06-01").total == 1
    assert negotiation.positions(kind="threat").total == 1
    assert negotiation.positions(limit=1, offset=1).items[0]["kind"] == "threat"


def test_stance_shifts_and_sides(negotiation):
    (shift,) = [s for s in negotiation.shifts() if s["type"] == "stance_shift"]
    assert shift["actors"] == ["turkey"] and shift["target"] == "gna" and shift["date"] == "2020-06-22"
    picture = negotiation.negotiation()
    held = {tuple(s["actors"]): s for s in picture["sides"]}
    assert ("gna", "turkey") in held and held[("gna", "turkey")]["side"] == 1
    assert held[("gna", "turkey")]["positions"]["precondition"][0]["summary"].endswith("al-Jufra")
    assert held[("lna",)]["rejects"] and held[("egypt",)]["positions"]["threat"]
    assert [c["date"] for c in picture["changes"]] == sorted(c["date"] for c in picture["changes"])


def test_positions_follow_a_reanalysed_article(negotiation):
    before = negotiation.positions().items[0]
    negotiation.replace_analysis(_analysis(THREE, "2020-06-15", demands=(
        _demand(THREE, ("lna",), "the withdrawal from Sirte and Jufra", status="accepted", claimed_by="lna"),)))
    after = negotiation.positions().items[0]
    assert after["id"] == before["id"]
    assert after["status"] == "accepted" and after["rejected_by"] == []
