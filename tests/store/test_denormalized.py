"""The values every write keeps next to the facts (migration 0003) agree with the facts themselves
after ingests, re-analyses, merges and splits; the migration fills them in for an older store;
and the lists and the graph built on them give what the facts give."""
from __future__ import annotations

import dataclasses

from sqlalchemy import create_engine, distinct, false, func, select, text

from parley.store import open_store
from parley.store import schema as t
from parley.store.engine import MIGRATIONS


def _derived(store) -> dict:
    """The kept values next to the same values computed from the facts."""
    A, M, R, E, ART = t.actors, t.mentions, t.relations, t.stance_edges, t.articles
    with store.engine.connect() as conn:
        kept_counts = {r.id: (r.mention_count, r.article_count) for r in conn.execute(select(A))}
        counted = {a: (n, k) for a, n, k in conn.execute(
            select(M.c.actor_id, func.count(), func.count(distinct(M.c.article_id))).group_by(M.c.actor_id))}
        day = func.nullif(R.c.sort_date, "")
        kind = dict(conn.execute(select(A.c.id, A.c.kind)).all())
        edges = {(r.source, r.target, r.type): (r.weight, r.first, r.last, r.source_kind, r.target_kind)
                 for r in conn.execute(select(E))}
        aggregated = {(s, tg, k): (n, lo, hi, kind[s], kind[tg]) for s, tg, k, n, lo, hi in conn.execute(
            select(R.c.source, R.c.target, R.c.type, func.count(), func.min(day), func.max(day))
            .where(R.c.negated == false()).group_by(R.c.source, R.c.target, R.c.type))}
        links = conn.execute(select(R.c.negated, E.c.source == R.c.source, E.c.target == R.c.target,
                                    E.c.type == R.c.type).outerjoin(E, E.c.id == R.c.edge_id)).all()
        bad_links = [x for x in links if (x[0] and x[1] is not None) or (not x[0] and not all(x[1:]))]
        stale = {}
        for table in t.DATED_TABLES:
            stale[table.name] = conn.execute(
                select(func.count()).select_from(table).join(ART, ART.c.id == table.c.article_id)
                .where(table.c.sort_date != func.coalesce(ART.c.published, ""))).scalar_one()
    return {"counts": kept_counts, "counted": {a: counted.get(a, (0, 0)) for a in kept_counts},
            "edges": edges, "aggregated": aggregated, "stale_dates": stale, "bad_links": bad_links}


def _assert_consistent(store) -> None:
    d = _derived(store)
    assert d["counts"] == d["counted"]
    assert d["edges"] == d["aggregated"]
    assert set(d["stale_dates"].values()) == {0}, d["stale_dates"]
    assert d["bad_links"] == [], "a relation points at another edge than its own"


def test_kept_values_follow_writes_reanalyses_merges_and_splits(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    _assert_consistent(store)
    assert any(n for n, _ in _derived(store)["counts"].values())
    assert _derived(store)["edges"], "the fixtures have stances"

    # a re-analysis with another date and fewer facts replaces the old counts and edges
    first = analyses[0]
    moved = dataclasses.replace(first, article=dataclasses.replace(first.article, published="2021-01-05"),
                                relations=first.relations[1:], actors=first.actors[:-1])
    store.replace_analysis(moved)
    _assert_consistent(store)

    store.merge("Turkey", "Russia")
    _assert_consistent(store)
    with store.engine.connect() as conn:  # split off the least used alias of the most mentioned actor
        owner = conn.execute(select(t.actors.c.id).order_by(t.actors.c.mention_count.desc())).scalars().first()
        alias = conn.execute(select(t.mentions.c.text).where(t.mentions.c.actor_id == owner)
                             .group_by(t.mentions.c.text).order_by(func.count(), t.mentions.c.text)).scalars().first()
    assert store.actor(owner)["aliases"][1:], "the actor has several names"
    store.split(alias, owner)
    _assert_consistent(store)


def test_lists_and_graph_agree_with_the_facts(store, analyses):
    for a in analyses:
        store.add_analysis(a)
    actors, total = store.actors(limit=1000)
    assert total == len(actors) == store.stats()["actors"]
    assert [a["mentions"] for a in actors] == sorted((a["mentions"] for a in actors), reverse=True)

    statements = store.statements().items
    page1, n = store.statements(limit=3)
    page2, _ = store.statements(limit=3, offset=3)
    assert n == len(statements) and [s["id"] for s in page1 + page2] == [s["id"] for s in statements[:6]]
    dates = [s["published"] for s in statements]
    assert dates == sorted(dates)
    newest, _ = store.statements(limit=len(statements), newest_first=True)
    assert [s["id"] for s in newest] == [s["id"] for s in reversed(statements)]

    # an actor at either end: the two ends merged page by page, in the order of the full list
    ends = [(r["source"], r["target"]) for r in store.relations().items]
    both_ends = {s for s, _ in ends} & {t_ for _, t_ in ends}
    busy = max(sorted(both_ends), key=lambda a: sum(a in pair for pair in ends))
    theirs = [r["id"] for r in store.relations(actor=busy).items]
    assert len(theirs) >= 3
    paged = [r["id"] for k in range(0, len(theirs), 2) for r in store.relations(actor=busy, limit=2, offset=k).items]
    assert paged == theirs and store.relations(actor=busy, limit=2).total == len(theirs)
    newest_first, _ = store.relations(actor=busy, limit=1000, newest_first=True)
    assert [r["id"] for r in newest_first] == theirs[::-1]

    whole = store.graph(limit=1000, evidence=100)
    ranged = store.graph(since="1900-01-01", until="2100-12-31", limit=1000, evidence=100)
    assert not whole["truncated"] and whole["edges_total"] == len(whole["edges"]) > 2
    assert whole == {**ranged, "edges_total": whole["edges_total"]}  # every fixture article is dated
    weights = [e["weight"] for e in whole["edges"]]
    assert weights == sorted(weights, reverse=True)
    assert all(len(e["evidence"]) == e["weight"] for e in whole["edges"])

    for kinds in [("state",), ("state", "person", "organization")]:
        whole_kinds = store.graph(kinds=kinds, limit=1000)
        ranged_kinds = store.graph(kinds=kinds, since="1900-01-01", until="2100-12-31", limit=1000)
        assert whole_kinds["edges"] == ranged_kinds["edges"]
        assert {n["kind"] for n in whole_kinds["nodes"]} <= set(kinds)
    top = store.graph(limit=2, evidence=1)
    assert top["truncated"] and top["edges_total"] == len(whole["edges"])
    assert [e["id"] for e in top["edges"]] == [e["id"] for e in whole["edges"][:2]]
    assert all(len(e["evidence"]) == 1 for e in top["edges"])
    assert {n["id"] for n in top["nodes"]} == {x for e in top["edges"] for x in (e["source"], e["target"])}
    newest_evidence = max(whole["edges"][0]["evidence"], key=lambda ev: (ev["published"], ev["start"]))
    assert top["edges"][0]["evidence"][0]["id"] == newest_evidence["id"]
    assert store.graph(since="2020-07-06", until="2020-07-06")["edges"] == []


def test_migration_fills_an_older_store(tmp_path):
    """A store made at revision 0002, with rows in it, gets its dates, counts and edges."""
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(text(
            "INSERT INTO articles (id, content_hash, text, published, pipeline, ingested_at) VALUES "
            "('a1', 'h1', 'Russia backs Turkey.', '2020-05-01', 'p', '2024-01-01 00:00:00'),"
            "('a2', 'h2', 'Russia backs Turkey again.', NULL, 'p', '2024-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO actors (id, name, kind) VALUES ('russia', 'Russia', 'state'),"
                          " ('turkey', 'Turkey', 'state')"))
        conn.execute(text(
            "INSERT INTO mentions (article_id, actor_id, start, \"end\", text, alias_key) VALUES "
            "('a1', 'russia', 0, 6, 'Russia', 'russia'), ('a1', 'turkey', 13, 19, 'Turkey', 'turkey'),"
            "('a2', 'russia', 0, 6, 'Russia', 'russia'), ('a2', 'russia', 0, 6, 'Russia', 'russia')"))
        conn.execute(text(
            "INSERT INTO relations (article_id, source, type, target, negated, modality, evidence, start, \"end\")"
            " VALUES ('a1', 'russia', 'supports', 'turkey', 0, 'asserted', 'Russia backs Turkey.', 0, 20),"
            " ('a2', 'russia', 'supports', 'turkey', 0, 'asserted', 'Russia backs Turkey again.', 0, 26),"
            " ('a2', 'russia', 'opposes', 'turkey', 1, 'asserted', 'x', 0, 1)"))
    engine.dispose()

    store = open_store(url)  # migrates to the head
    try:
        _assert_consistent(store)
        d = _derived(store)
        assert d["counts"] == {"russia": (3, 2), "turkey": (1, 1)}
        assert d["edges"] == {("russia", "turkey", "supports"): (2, "2020-05-01", "2020-05-01", "state", "state")}
        assert [r["published"] for r in store.relations().items] == [None, None, "2020-05-01"]
        assert store.relations(since="2020-01-01").items == store.relations(until="2020-12-31").items != []
    finally:
        store.close()
    with engine.begin() as conn:  # and the migration can be undone, and done again
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        assert "stance_edges" not in {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
        command.upgrade(cfg, "head")
    engine.dispose()
    with open_store(url) as store:
        _assert_consistent(store)
        assert _derived(store)["counts"] == {"russia": (3, 2), "turkey": (1, 1)}
