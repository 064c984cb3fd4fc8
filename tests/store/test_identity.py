"""One identity per actor in the store: a placeholder (an actor a fact named before any article
listed it) takes the real actor's name, kind and country; a real actor is never overwritten."""
from __future__ import annotations

from parley.models import Actor, Analysis, Article, Mention, Relation, article_id


def _article(text: str, day: str, actors=(), relations=()) -> Analysis:
    return Analysis(Article(text=text, id=article_id(text), published=day), actors=tuple(actors),
                    relations=tuple(relations))


def _m(text: str, word: str) -> Mention:
    i = text.index(word)
    return Mention(word, i, i + len(word))


FIRST = "Egypt backs the eastern side."
SECOND = "Libya said on Monday that it would talk."


def test_a_placeholder_takes_the_real_actors_identity(store):
    first = _article(FIRST, "2021-01-01", [Actor("egypt", "Egypt", "state", "EG", mentions=(_m(FIRST, "Egypt"),))],
                     [Relation("egypt", "supports", "libya", FIRST, 0, len(FIRST))])
    store.add_analysis(first)
    assert store.actor("libya")["kind"] == "other"
    store.add_analysis(_article(SECOND, "2021-01-02",
                                [Actor("libya", "Libya", "state", "LY", mentions=(_m(SECOND, "Libya"),))]))
    libya = store.actor("libya")
    assert (libya["name"], libya["kind"], libya["country"]) == ("Libya", "state", "LY")
    assert [a["id"] for a in store.actors(kind="state").items] == ["egypt", "libya"]


def test_a_placeholder_never_overwrites_a_real_actor(store):
    store.add_analysis(_article(SECOND, "2021-01-02",
                                [Actor("libya", "Libya", "state", "LY", mentions=(_m(SECOND, "Libya"),))]))
    store.add_analysis(_article(FIRST, "2021-01-01",
                                [Actor("egypt", "Egypt", "state", "EG", mentions=(_m(FIRST, "Egypt"),))],
                                [Relation("egypt", "supports", "libya", FIRST, 0, len(FIRST))]))
    libya = store.actor("libya")
    assert (libya["name"], libya["kind"], libya["country"]) == ("Libya", "state", "LY")


def test_the_migration_repairs_placeholders_the_knowledge_base_knows(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, text

    from parley.store import open_store
    from parley.store.engine import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
        conn.execute(text("INSERT INTO actors (id, name, kind) VALUES ('libya', 'libya', 'other'),"
                          " ('group:x', 'group:x', 'other'), ('russia', 'Russia', 'state')"))
    engine.dispose()
    with open_store(url) as store, store.engine.connect() as conn:
        rows = {r.id: (r.name, r.kind, r.country) for r in conn.execute(text("SELECT * FROM actors"))}
    assert rows == {"libya": ("Libya", "state", "LY"), "group:x": ("group:x", "other", None),
                    "russia": ("Russia", "state", None)}
