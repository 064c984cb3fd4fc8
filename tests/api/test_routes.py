"""Every /api/v1 route through a TestClient over a store of the fixture articles."""
from __future__ import annotations

import pytest

from .support import HTML_NAME, SCRIPT

V1 = "/api/v1"
LISTS = ["articles", "actors", "statements", "relations", "demands", "conditionals", "events", "places"]


def get(client, path: str, expect: int = 200, **params):
    response = client.get(V1 + path, params=params)
    assert response.status_code == expect, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


@pytest.mark.parametrize("name", LISTS)
def test_lists_are_paged_and_every_item_has_an_id(client, name):
    everything = get(client, f"/{name}", limit=500)
    assert set(everything) == {"items", "total"}
    assert everything["total"] == len(everything["items"]) > 0
    assert all("id" in item for item in everything["items"])
    first, second = get(client, f"/{name}", limit=2), get(client, f"/{name}", limit=2, offset=2)
    assert first["total"] == second["total"] == everything["total"]
    assert [i["id"] for i in first["items"] + second["items"]] == [i["id"] for i in everything["items"][:4]]
    assert get(client, f"/{name}", offset=10_000)["items"] == []


def test_articles_newest_first_and_by_date(client):
    items = get(client, "/articles", limit=100)["items"]
    days = [a["published"] for a in items]
    assert days == sorted(days, reverse=True) and len(items) == 9
    assert all("text" not in a for a in items)
    july = get(client, "/articles", since="2020-07-01", until="2020-07-08")
    assert july["total"] == 4 and all("2020-07-01" <= a["published"] <= "2020-07-08" for a in july["items"])


def test_article_has_text_and_facts_with_offsets(client, article_ids):
    art = get(client, f"/articles/{article_ids['01-ankara-sirte.txt']}")
    text = art["text"]
    assert art["published"] == "2020-06-15" and art["statements"] and art["mentions"]
    for key in ("statements",):
        for s in art[key]:
            assert text[s["start"]:s["end"]] == s["content"]
    for m in art["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for r in art["relations"] + art["demands"]:
        assert text[r["start"]:r["end"]] == r["evidence"]
    assert {p["name"] for p in art["places"]} >= {"Sirte"}
    get(client, "/articles/0000000000000000", 404)


def test_html_looking_text_comes_back_verbatim(client, article_ids):
    art = get(client, f"/articles/{article_ids['html-looking.txt']}")
    assert SCRIPT in art["text"]
    assert get(client, "/actors/bold-brigade")["name"] == HTML_NAME


def test_actors_filters(client):
    states = get(client, "/actors", kind="state", limit=500)["items"]
    assert states and all(a["kind"] == "state" for a in states)
    assert {"russia", "turkey", "egypt"} <= {a["id"] for a in states}
    russian = get(client, "/actors", country="ru")["items"]
    assert russian and {a["country"] for a in russian} == {"RU"}
    named = get(client, "/actors", q="national accord")["items"]
    assert "gna" in {a["id"] for a in named} and all("accord" in a["name"].lower() or a["id"] == "gna" for a in named)
    mentions = [a["mentions"] for a in get(client, "/actors", limit=500)["items"]]
    assert mentions == sorted(mentions, reverse=True)


def test_actor_detail(client):
    turkey = get(client, "/actors/turkey")
    assert turkey["id"] == "turkey" and "Turkey" in turkey["aliases"] and turkey["mentions"] > 0
    for key in ("statements", "relations", "demands", "demands_received", "conditionals"):
        assert set(turkey[key]) == {"items", "total"}
    assert turkey["relations"]["total"] > 0 and turkey["demands"]["total"] > 0
    assert get(client, "/actors/Turkey")["id"] == "turkey"  # by name too
    haftar = get(client, "/actors/Haftar")
    assert haftar["kind"] == "person" and haftar["role_history"] is not None
    assert get(client, "/actors/no-such-actor", 404)["error"] == "not_found"
    misspelt = get(client, "/actors/Turky", 404)
    assert misspelt["suggestions"] == ["Turkey"] and misspelt["message"] == "no actor 'Turky'; did you mean: Turkey?"
    rolled_up, own = get(client, "/actors/turkey"), get(client, "/actors/turkey", direct="true")
    assert own["statements"]["total"] < rolled_up["statements"]["total"]
    assert {s["via"] for s in rolled_up["statements"]["items"]} == {None, "Mevlut Cavusoglu"}


def test_statements_filters(client):
    by_turkey = get(client, "/statements", speaker="Turkey", direct="true", limit=500)
    assert by_turkey["total"] > 0 and {s["speaker"] for s in by_turkey["items"]} == {"turkey"}
    with_minister = get(client, "/statements", speaker="Turkey", limit=500)["items"]
    assert {(s["speaker"], s["via"]) for s in with_minister} == {("turkey", None),
                                                                   ("mevlut-cavusoglu", "Mevlut Cavusoglu")}
    unknown = get(client, "/statements", 404, speaker="Turky")
    assert unknown["suggestions"] == ["Turkey"] and "did you mean: Turkey?" in unknown["message"]
    hits = get(client, "/statements", search="ceasefire", limit=500)["items"]
    assert hits and all("ceasefire" in s["content"].lower() for s in hits)
    july = get(client, "/statements", since="2020-07-01", limit=500)["items"]
    assert july and all(s["published"] >= "2020-07-01" for s in july)
    assert get(client, "/statements", search="!!!")["total"] == 0


def test_relations_filters(client):
    supports = get(client, "/relations", type="supports", limit=500)["items"]
    assert supports and all(r["type"] == "supports" for r in supports)
    russia = get(client, "/relations", actor="Russia", direct="true", limit=500)["items"]
    assert russia and all("russia" in (r["source"], r["target"]) and r["via"] is None for r in russia)
    late = get(client, "/relations", since="2020-07-09", limit=500)["items"]
    assert all(r["published"] >= "2020-07-09" for r in late)


def test_demands_filters(client):
    everything = get(client, "/demands", limit=500)["items"]
    assert [d["published"] for d in everything] == sorted((d["published"] for d in everything), reverse=True)
    turkey = get(client, "/demands", by="Turkey")["items"]
    assert turkey and all("turkey" in d["by"] for d in turkey)
    stated = get(client, "/demands", status="stated", limit=500)["items"]
    assert stated and all(d["status"] == "stated" for d in stated)
    assert all(d["items"] for d in everything)


def test_events_conditionals_and_places(client):
    events = get(client, "/events", limit=500)["items"]
    kind = events[0]["type"]
    assert all(e["type"] == kind for e in get(client, "/events", type=kind.lower(), limit=500)["items"])
    assert get(client, "/conditionals")["total"] > 0
    places = get(client, "/places", limit=500)["items"]
    sirte = next(p for p in places if p["name"] == "Sirte")
    assert sirte["country"] == "LY" and abs(sirte["lat"] - 31.2) < 0.5 and sirte["mentions"] > 0
    detail = get(client, f"/places/{sirte['id']}")
    assert len(detail["mentions"]) == sirte["mentions"]
    get(client, "/places/999999", 404)


def test_search(client):
    found = get(client, "/search", q="ceasefire")
    assert found["total"] >= len(found["items"]) > 0
    assert {h["kind"] for h in found["items"]} <= {"article", "statement"}
    assert all(h["id"].startswith(h["kind"] + ":") for h in found["items"])
    statement = next(h for h in found["items"] if h["kind"] == "statement")
    assert statement["start"] < statement["end"] and statement["speaker_name"]
    assert get(client, "/search", q="zzzunknownword") == {"items": [], "total": 0}


def test_graph(client):
    whole = get(client, "/graph")
    ids = {n["id"] for n in whole["nodes"]}
    assert whole["edges"] and all(e["source"] in ids and e["target"] in ids for e in whole["edges"])
    assert not whole["truncated"] and whole["edges_total"] == len(whole["edges"])
    for e in whole["edges"]:
        assert min(e["weight"], 3) == len(e["evidence"]) >= 1 and e["id"] == f"{e['source']}|{e['type']}|{e['target']}"
        # the relations list gives all of an edge's evidence
        every = get(client, "/relations", source=e["source"], target=e["target"], type=e["type"], negated="false",
                    newest_first="true")
        assert every["total"] == e["weight"]
        assert [r["id"] for r in every["items"][:len(e["evidence"])]] == [ev["id"] for ev in e["evidence"]]
    weights = [e["weight"] for e in whole["edges"]]
    assert weights == sorted(weights, reverse=True)
    top = get(client, "/graph", limit=2, evidence=0)
    assert top["truncated"] and top["edges_total"] == len(whole["edges"])
    assert [e["id"] for e in top["edges"]] == [e["id"] for e in whole["edges"][:2]]
    assert all(e["evidence"] == [] for e in top["edges"]) and len(top["nodes"]) <= 4
    states = get(client, "/graph", kind="state")
    kinds = {n["id"]: n["kind"] for n in states["nodes"]}
    assert states["edges"] and set(kinds.values()) == {"state"}
    late = get(client, "/graph", since="2020-07-05")
    assert 0 < len(late["edges"]) < len(whole["edges"])
    assert all(ev["published"] >= "2020-07-05" for e in late["edges"] for ev in e["evidence"])
    two = client.get(V1 + "/graph", params=[("kind", "state"), ("kind", "government")]).json()
    assert len(two["edges"]) >= len(states["edges"])


def test_stats(client):
    stats = get(client, "/stats")
    assert stats["articles"] == 9 and stats["actors"] > 5


@pytest.mark.parametrize("path, params, where", [
    ("/articles", {"limit": 0}, "limit"),
    ("/articles", {"limit": 501}, "limit"),
    ("/statements", {"offset": -1}, "offset"),
    ("/statements", {"since": "yesterday"}, "since"),
    ("/relations", {"type": "likes"}, "type"),
    ("/actors", {"kind": "alien"}, "kind"),
    ("/actors", {"country": "Russia"}, "country"),
    ("/demands", {"status": "maybe"}, "status"),
    ("/events", {"type": "<script>"}, "type"),
    ("/search", {}, "q"),
    ("/search", {"q": ""}, "q"),
    ("/places/abc", {}, "place_id"),
    ("/graph", {"kind": "alien"}, "kind"),
    ("/graph", {"limit": 0}, "limit"),
    ("/graph", {"evidence": 101}, "evidence"),
    ("/relations", {"negated": "perhaps"}, "negated"),
])
def test_invalid_parameters_give_422_with_a_clear_message(client, path, params, where):
    body = get(client, path, 422, **params)
    assert body["error"] == "invalid_request"
    assert where in body["message"] and body["detail"]
    assert "Traceback" not in str(body)


def test_since_after_until_is_422(client):
    body = get(client, "/graph", 422, since="2020-07-10", until="2020-06-01")
    assert "after" in body["message"]


def test_unknown_route_is_json_404(client):
    assert get(client, "/nothing-here", 404)["error"] == "not_found"


def test_openapi_and_docs(client):
    schema = get(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {f"{V1}/{name}" for name in LISTS} <= paths
    assert {f"{V1}/analyze", f"{V1}/search", f"{V1}/graph", f"{V1}/actors/{{actor_id}}"} <= paths
    assert not any(p.startswith(("/actors", "/network")) for p in paths)  # web pages stay out
    docs = client.get(V1 + "/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower()
