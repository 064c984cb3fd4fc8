"""Generic sources and unresolved speakers in the store: kept with their article, left out of
the actor listings (unless asked), given back by the export."""
from __future__ import annotations

from sqlalchemy import select

from parley.models import Actor, Analysis, Article, Mention, Statement, article_id
from parley.store import schema as t
from parley.store.export import stored_analysis

TEXT = "Witnesses said the shelling went on. Russia said the talks would resume. We will stay, they said."


def _analysis() -> Analysis:
    def m(word):
        i = TEXT.index(word)
        return Mention(word, i, i + len(word))

    actors = (Actor("group:witnesses", "witnesses", "other", mentions=(m("Witnesses"),), unnamed_source=True),
              Actor("russia", "Russia", "state", "RU", mentions=(m("Russia"),)))
    said = Statement("group:witnesses", "say", "the shelling went on", 15, 35)
    resume = Statement("russia", "say", "the talks would resume", 49, 71)
    stay = Statement("pronoun:we", "say", "We will stay", 73, 85, unresolved_speaker="we")
    return Analysis(Article(text=TEXT, id=article_id(TEXT), published="2021-03-01"), actors=actors,
                    statements=(said, resume, stay))


def test_listings_leave_out_unnamed_sources_and_unresolved_speakers(store):
    store.add_analysis(_analysis())
    assert [a["id"] for a in store.actors().items] == ["russia"]
    assert {a["id"] for a in store.actors(unnamed=True).items} == {"russia", "group:witnesses"}
    assert store.stats()["actors"] == 1
    assert len(store.statements().items) == 3, "their statements stay"


def test_a_named_mention_elsewhere_makes_the_actor_named(store):
    store.add_analysis(_analysis())
    text = "The witnesses group, a Geneva charity, said it would publish a report."
    named = Analysis(Article(text=text, id=article_id(text), published="2021-03-02"),
                     actors=(Actor("group:witnesses", "Witnesses", "organization",
                                   mentions=(Mention("witnesses group", 4, 19),)),))
    store.add_analysis(named)
    assert "group:witnesses" in [a["id"] for a in store.actors().items]


def test_export_gives_the_fields_back(store):
    analysis = _analysis()
    store.add_analysis(analysis)
    with store.engine.connect() as conn:
        row = conn.execute(select(t.articles).where(t.articles.c.id == analysis.article.id)).one()
        back = stored_analysis(conn, row)
    assert {a.id: a.unnamed_source for a in back.actors} == {"group:witnesses": True, "russia": False}
    assert [s.unresolved_speaker for s in back.statements] == [None, None, "we"]
