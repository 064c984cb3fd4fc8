"""The Store over SQLite and PostgreSQL: writes, queries, search, corrections."""
from __future__ import annotations

from sqlalchemy import func, select

from parley.models import article_id
from parley.models import Actor, Analysis, Article, Mention, Relation, Span, Statement
from parley.store import open_store
from parley.store import schema as t
from parley.models import content_hash

STAT_KEYS = {"articles", "actors", "statements", "relations", "demands", "conditionals", "places", "events"}


def test_migrations_run_once(store_url):
    open_store(store_url).close()
    store = open_store(store_url)  # a second open finds the schema at head and changes nothing
    assert store.stats() == dict.fromkeys(STAT_KEYS, 0)
    store.close()


def test_add_is_idempotent(store, analyses):
    assert all(store.add_analysis(a) for a in analyses[:4])
    before = store.stats()
    assert not any(store.add_analysis(a) for a in analyses[:4])
    assert store.stats() == before
    assert store.has_article(content_hash(analyses[0].article.text))
    assert store.has_article(analyses[0].article.id)
    assert not store.has_article(content_hash("never stored"))


def test_stats_and_queries(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    stats = store.stats()
    assert set(stats) == STAT_KEYS
    assert stats["articles"] == len(analyses)
    assert stats["actors"] > 5 and stats["statements"] > 5 and stats["relations"] > 0 and stats["places"] > 0
    assert stats["relations"] == sum(len(a.relations) for a in analyses)

    states = {a["id"] for a in store.actors(kind="state").items}
    assert {"russia", "turkey", "egypt"} <= states
    russian = store.actors(country="ru").items
    assert "russia" in {a["id"] for a in russian} and {a["country"] for a in russian} == {"RU"}

    turkey = store.actor("Turkey")
    assert turkey["id"] == "turkey" and "Turkey" in turkey["aliases"]
    assert turkey["first_seen"] == "2020-06-15" and turkey["last_seen"] >= "2020-07-04"
    assert store.actor("no such actor") is None

    said = store.statements(speaker="turkey", direct=True).items
    assert said and all(s["speaker"] == "turkey" and s["via"] is None for s in said)
    rolled_up = store.statements(speaker="turkey").items  # with its foreign minister's, via him
    assert {s["id"] for s in said} < {s["id"] for s in rolled_up}
    assert all(s["via"] == s["speaker_name"] for s in rolled_up if s["speaker"] != "turkey")
    window = store.statements(since="2020-07-01", until="2020-07-05").items
    assert window and all("2020-07-01" <= s["published"] <= "2020-07-05" for s in window)

    rel = store.relations(actor="Russia", direct=True).items
    assert rel and all("russia" in (r["source"], r["target"]) for r in rel)
    assert all(r["type"] == "accuses" for r in store.relations(type="accuses").items)
    for d in store.demands().items:
        assert d["by"] and d["items"] and d["status"]
    assert {d["id"] for d in store.demands(by="Turkey").items} <= {d["id"] for d in store.demands().items}

    line = store.timeline("Russia")
    assert line and [e["date"] for e in line] == sorted(e["date"] for e in line)


def test_search(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    hits = store.search("ceasefire").items
    assert any(h["kind"] == "article" for h in hits)
    assert all("ceasefire" in h["snippet"].lower() or h["kind"] == "article" for h in hits)
    assert store.search("embargo Libya").items  # both words, anywhere in one text
    assert store.search("zzzunknownword").items == []
    assert store.search('"; DROP TABLE articles; --').items == [] or store.stats()["articles"] == len(analyses)
    matched = store.statements(search="ceasefire").items
    assert all("ceasefire" in s["content"].lower() for s in matched)


def test_each_list_reads_whole_or_page_by_page(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    busy = store.actors(limit=1).items[0]["id"]
    lists = [(store.articles, {}), (store.actors, {}), (store.actors, {"kind": "state"}), (store.statements, {}),
             (store.statements, {"newest_first": True}), (store.relations, {}), (store.relations, {"actor": busy}),
             (store.relations, {"actor": busy, "newest_first": True}), (store.demands, {"newest_first": True}),
             (store.demands, {}), (store.conditionals, {}), (store.events, {}), (store.events, {"actor": busy}),
             (store.places, {}), (store.search, {"words": "ceasefire"}),
             (store.search, {"words": "ceasefire", "spans": True})]
    for read, filters in lists:
        whole = read(**filters)
        assert whole.total == len(whole.items) > 0, (read.__name__, filters)
        pages = [read(**filters, limit=2, offset=k) for k in range(0, whole.total, 2)]
        assert [r for p in pages for r in p.items] == whole.items, (read.__name__, filters)
        assert {p.total for p in pages} == {whole.total}
        assert read(**filters, offset=1) == (whole.items[1:], whole.total)
        assert read(**filters, offset=whole.total + 5) == read(**filters, limit=2, offset=whole.total + 5) \
            == ([], whole.total)


def test_search_spans_add_ids_and_statement_spans(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    plain, spanned = store.search("ceasefire").items, store.search("ceasefire", spans=True).items
    assert set(plain[0]) == {"kind", "ref", "article_id", "published", "title", "source", "speaker", "snippet"}
    assert [{k: h[k] for k in plain[0]} for h in spanned] == plain
    said = next(h for h in spanned if h["kind"] == "statement")
    statement = next(s for s in store.statements(search="ceasefire").items if str(s["id"]) == said["ref"])
    assert said["id"] == f"statement:{said['ref']}" and said["speaker_name"] == statement["speaker_name"]
    assert (said["start"], said["end"]) == (statement["start"], statement["end"])
    assert store.search("ceasefire", limit=1).total == len(plain)

def _article(text: str, day: str) -> Article:
    return Article(text=text, id=article_id(text), published=day, source="test", pipeline="test 1")


def _actor(actor_id: str, name: str, text: str, *aliases: str, kind: str = "organization") -> Actor:
    mentions = tuple(Mention(a, text.index(a), text.index(a) + len(a)) for a in aliases)
    return Actor(actor_id, name, kind, mentions=mentions)


def test_merge_is_kept_by_later_ingests(store):
    text1 = "The GNA said the Al-Wefaq government would talk. Russia accused the Al-Wefaq government."
    wefaq = _actor("organization:al-wefaq", "Al-Wefaq", text1, "Al-Wefaq government")
    first = Analysis(
        article=_article(text1, "2020-06-01"),
        actors=(_actor("gna", "GNA", text1, "GNA"), wefaq, _actor("russia", "Russia", text1, "Russia", kind="state")),
        relations=(Relation("russia", "accuses", "organization:al-wefaq", text1[49:], 49, len(text1)),))
    assert store.add_analysis(first)
    assert store.merge("gna", "Al-Wefaq government") == ("gna", "organization:al-wefaq")
    gna = store.actor("organization:al-wefaq")  # the old id still finds the merged actor
    assert gna["id"] == "gna" and "Al-Wefaq government" in gna["aliases"]
    assert [r["target"] for r in store.relations(actor="gna").items] == ["gna"]

    text2 = "The Al-Wefaq government said it wants talks."
    second = Analysis(
        article=_article(text2, "2020-06-09"),
        actors=(_actor("organization:al-wefaq", "Al-Wefaq", text2, "Al-Wefaq government"),),
        statements=(Statement("organization:al-wefaq", "say", "it wants talks", 31, 45, source_span=Span(4, 23)),))
    assert store.add_analysis(second)
    assert [s["speaker"] for s in store.statements().items] == ["gna"]
    assert "organization:al-wefaq" not in {a["id"] for a in store.actors().items}
    assert store.actor("gna")["last_seen"] == "2020-06-09"


def test_split_is_kept_by_later_ingests(store):
    text1 = "The LNA advanced. Haftar said the army would stop."
    lna = _actor("lna", "Libyan National Army", text1, "LNA", "Haftar", kind="armed_group")
    first = Analysis(article=_article(text1, "2020-06-01"), actors=(lna,),
                     statements=(Statement("lna", "say", "the army would stop", 30, 49, source_span=Span(18, 24)),))
    store.add_analysis(first)
    new_id = store.split("Haftar", "lna")
    assert new_id == "lna~haftar"
    assert store.actor(new_id)["aliases"] == ["Haftar"]
    assert "Haftar" not in store.actor("lna")["aliases"]
    assert [s["speaker"] for s in store.statements().items] == [new_id]

    # Later: an article naming only "Haftar" on that actor is about the new actor, facts and all;
    # one naming both keeps LNA's statements on LNA.
    text2 = "Haftar said he would fight."
    only = Analysis(article=_article(text2, "2020-06-05"), actors=(_actor("lna", "LNA", text2, "Haftar"),),
                    statements=(Statement("lna", "say", "he would fight", 12, 26, source_span=Span(0, 6)),))
    text3 = "The LNA said Haftar is away."
    both = Analysis(article=_article(text3, "2020-06-07"), actors=(_actor("lna", "LNA", text3, "LNA", "Haftar"),),
                    statements=(Statement("lna", "say", "Haftar is away", 13, 27, source_span=Span(4, 7)),))
    store.add_analysis(only)
    store.add_analysis(both)
    by_article = {s["article_id"]: s["speaker"] for s in store.statements().items}
    assert by_article[only.article.id] == new_id and by_article[both.article.id] == "lna"
    with store.engine.connect() as conn:
        owners = dict(conn.execute(select(t.mentions.c.text, func.max(t.mentions.c.actor_id))
                                   .group_by(t.mentions.c.text)).all())
    assert owners == {"LNA": "lna", "Haftar": new_id}


def test_export_network(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    graph = store.network()
    edges = store.edges()
    assert graph.number_of_edges() == len(edges)
    positive = [r for a in analyses for r in a.relations if not r.negated]
    assert sum(e["weight"] for e in edges if not e["negated"]) == len(positive)
    assert sum(e["weight"] for e in edges) == sum(len(a.relations) for a in analyses)
    records = list(store.export_analyses())
    assert len(records) == len(analyses)
    for rec in records:
        txt = rec["article"]["text"]
        for st in rec["statements"]:
            assert txt[st["start"]:st["end"]] == st["content"]
