"""An export gives every stored analysis back whole: each record is ``Analysis.to_dict()`` of
the analysis that was written, plus the article's text; and migration 0005, which added the
columns this needs, upgrades an older store and can be undone."""
from __future__ import annotations

import json

from sqlalchemy import create_engine, select, text

from parley.models import (Actor, Analysis, Article, Conditional, Demand, Event, Mention, Place, Relation, Span,
                           Statement, article_id)
from parley.store import open_store
from parley.store import schema as t
from parley.store.engine import MIGRATIONS

TEXT = ("The GNA demanded that Haftar withdraw from Sirte and free the prisoners, the Turkish minister said. "
        "If the LNA attacks, Turkey will respond.")


def contract(analysis: Analysis) -> dict:
    """The contract JSON as a consumer reads it (arrays, not tuples)."""
    return json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False))


def exported(store) -> dict[str, dict]:
    """The exported records by article id, each checked to carry the article's text (which
    ``to_dict()`` leaves out) and then without it."""
    records = {}
    for record in json.loads(json.dumps(list(store.export_analyses()), ensure_ascii=False)):
        art = record["article"]
        assert len(art.pop("text")) == art["length"]
        records[art["id"]] = record
    return records


def _at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def _mention(phrase: str) -> Mention:
    return Mention(phrase, *_at(phrase))


def every_field() -> Analysis:
    """An analysis that sets every field of the contract, including those the analyser leaves
    empty on the fixture articles (warnings) and parties listed out of alphabetical order."""
    sentence, second = TEXT[:TEXT.index(" If")], TEXT[TEXT.index("If"):]
    items = ("withdraw from Sirte", "free the prisoners")
    return Analysis(
        article=Article(TEXT, article_id(TEXT), title="Sirte", published="2020-06-18", source="every.txt",
                        language="en", pipeline="test 1", url="https://example.invalid/sirte"),
        actors=(Actor("gna", "Government of National Accord", "government", "LY", None, None, (_mention("GNA"),)),
                Actor("lna", "Libyan National Army", "armed_group", "LY", None, None, (_mention("LNA"),)),
                Actor("haftar", "Khalifa Haftar", "person", "LY", "lna", "Field Marshal", (_mention("Haftar"),)),
                Actor("turkey", "Turkey", "state", "TR", None, None,
                      (_mention("Turkish"), _mention("Turkey")))),
        statements=(Statement("turkey", "say", sentence[:sentence.index(", the")], 0, sentence.index(", the"),
                              direct=False, source_span=Span(*_at("the Turkish minister")),
                              cue_span=Span(*_at("said")), role="minister"),),
        relations=(Relation("gna", "opposes", "haftar", sentence, 0, len(sentence), claimed_by="turkey",
                            negated=True, modality="future", cue="demand"),),
        demands=(Demand(("lna", "gna"), ("haftar",), items, sentence, 0, len(sentence), condition_for="talks",
                        status="reiterated", claimed_by="turkey", item_spans=tuple(Span(*_at(i)) for i in items)),),
        conditionals=(Conditional("turkey", "the LNA attacks", "Turkey will respond", second, len(sentence) + 1,
                                  len(TEXT), cue="if", claimed_by="gna"),),
        places=(Place("Sirte", "LY", 31.21, 16.59, 2210554, "city", (_mention("Sirte"),)),),
        events=(Event("DEMAND", "gna", sentence, 0, len(sentence), mode="policy", target="haftar", place="Sirte",
                      date="2020-06-18"),),
        warnings=("one chunk could not be parsed",),
    )


def test_export_gives_back_every_field(store):
    analysis = every_field()
    store.add_analysis(analysis)
    assert exported(store) == {analysis.article.id: contract(analysis)}


def test_export_gives_back_each_fixture_analysis(tmp_path, analyses):
    """Field for field, in the order written (one store per article, so that its actors and
    places are the store's records as this article wrote them)."""
    for n, analysis in enumerate(analyses):
        with open_store(f"sqlite:///{tmp_path / f'{n}.db'}") as store:
            assert store.add_analysis(analysis)
            assert exported(store) == {analysis.article.id: contract(analysis)}, analysis.article.source


ACTOR_RECORD = ("name", "kind", "country", "affiliation")  # one row per actor in the store, for all articles


def test_export_of_a_shared_store(store, analyses):
    """With all the articles in one store, each article's facts still come back as written;
    its actors' name, kind, country and affiliation are the store's record of the actor (the
    first article to name an actor, or only to refer to it, wrote that record)."""
    for analysis in analyses:
        assert store.add_analysis(analysis)
    records = exported(store)
    assert list(records) == [a.article.id for a in analyses]  # oldest first; the fixtures are in date order
    with store.engine.connect() as conn:  # the store's own rows, read without its query functions
        kept = {a.id: a._mapping for a in conn.execute(select(t.actors))}
    for analysis in analyses:
        want, got = contract(analysis), records[analysis.article.id]
        for actor in got["actors"]:
            assert {k: actor[k] for k in ACTOR_RECORD} == {k: kept[actor["id"]][k] for k in ACTOR_RECORD}
        for actor in want["actors"] + got["actors"]:
            for key in ACTOR_RECORD:
                del actor[key]
        for key in want:
            assert got[key] == want[key], (analysis.article.source, key)
        assert got == want


def test_migration_0005_upgrades_an_older_store(tmp_path):
    """Rows written before the columns existed read back as no warnings and no item spans."""
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
        conn.execute(text("INSERT INTO articles (id, content_hash, text, published, pipeline, ingested_at) VALUES "
                          "('a1', 'h1', 'Turkey demands a ceasefire.', '2020-05-01', 'p', '2024-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO actors (id, name, kind) VALUES ('turkey', 'Turkey', 'state')"))
        conn.execute(text("INSERT INTO demands (article_id, status, evidence, start, \"end\") "
                          "VALUES ('a1', 'stated', 'Turkey demands a ceasefire.', 0, 27)"))
        conn.execute(text("INSERT INTO demand_parties (demand_id, side, actor_id) VALUES (1, 'by', 'turkey')"))
        conn.execute(text("INSERT INTO demand_items (demand_id, position, item) VALUES (1, 0, 'a ceasefire')"))
    engine.dispose()

    with open_store(url) as store:  # migrates to the head
        [record] = store.export_analyses()
    assert record["warnings"] == []
    assert [(d["by"], d["items"], d["item_spans"]) for d in record["demands"]] == [(("turkey",), ("a ceasefire",),
                                                                                     ())]
    with engine.begin() as conn:  # and the migration can be undone, and done again
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
        columns = {r[1] for r in conn.execute(text("PRAGMA table_info(demand_items)"))}
        assert {"start", "end"}.isdisjoint(columns)
        assert conn.execute(text("SELECT count(*) FROM demand_items")).scalar_one() == 1
        command.upgrade(cfg, "head")
    engine.dispose()
