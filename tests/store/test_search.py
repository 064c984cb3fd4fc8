"""Search that forgives spelling, on SQLite and PostgreSQL: hyphens both ways, plurals and
stems, "quoted phrases", ranked hits with the matched words highlighted."""
from __future__ import annotations

import re

import pytest

from parley.models import Actor, Analysis, Article, Mention, Statement, article_id
from parley.store.fulltext import compounds, terms

TEXTS = {
    "hyphen": "Both sides agreed to a cease-fire along the front line on Monday.",
    "plural": "Earlier ceasefires collapsed within days, the envoy said.",
    "joined": "The ceasefire held overnight, and talks resumed in the capital.",
    "other": "Fire crews put out a blaze; officials urged residents to cease travel.",
}
SPOKEN = "the cease-fire must hold"  # a statement inside the "hyphen" text's article


def _analysis(key: str, day: str) -> Analysis:
    body = TEXTS[key] + (f" The envoy said {SPOKEN}." if key == "hyphen" else "")
    article = Article(text=body, id=article_id(body), published=day, source=f"{key}.txt", pipeline="test 1")
    if key != "hyphen":
        return Analysis(article=article)
    start = body.index(SPOKEN)
    envoy = Actor("envoy", "Envoy", "person", mentions=(Mention("envoy", body.index("envoy"),
                                                                body.index("envoy") + 5),))
    return Analysis(article=article, actors=(envoy,),
                    statements=(Statement("envoy", "say", SPOKEN, start, start + len(SPOKEN)),))


@pytest.fixture
def filled(store):
    for n, key in enumerate(TEXTS):
        assert store.add_analysis(_analysis(key, f"2021-03-0{n + 1}"))
    return store


def _articles(store, query: str) -> set[str]:
    return {h["source"] for h in store.search(query).items if h["kind"] == "article"}


def test_query_terms_and_compounds():
    assert terms('cease-fire "peace talks" Geneva') == [["cease-fire"], ["peace", "talks"], ["geneva"]]
    assert terms('"unclosed phrase') == [["unclosed", "phrase"]]
    assert terms('"" ; --') == []
    assert compounds("A cease-fire and a Pro\u2011Government rally on 2020-06-18") == {
        "ceasefire": "cease fire", "progovernment": "pro government"}


def test_ceasefire_finds_hyphenated_and_plural(filled):
    assert _articles(filled, "ceasefire") == {"hyphen.txt", "plural.txt", "joined.txt"}
    assert _articles(filled, "ceasefires") == {"hyphen.txt", "plural.txt", "joined.txt"}
    assert _articles(filled, "cease-fire") == {"hyphen.txt", "plural.txt", "joined.txt"}
    assert _articles(filled, "fire cease") == {"hyphen.txt", "other.txt"}  # two words, anywhere
    said = [h for h in filled.search("ceasefire").items if h["kind"] == "statement"]
    assert [h["speaker"] for h in said] == ["envoy"]
    assert [s["content"] for s in filled.statements(search="ceasefire").items] == [SPOKEN]


def test_phrases_and_stems(filled):
    assert _articles(filled, '"talks resumed"') == {"joined.txt"}
    assert _articles(filled, '"resumed talks"') == set()  # a phrase keeps its order
    assert _articles(filled, '"talk resume"') == {"joined.txt"}  # stems inside a phrase
    assert _articles(filled, '"agreed to a ceasefire"') == {"hyphen.txt"}
    assert _articles(filled, "collapse envoys") == {"plural.txt"}
    assert _articles(filled, "ceasefire zzzunknownword") == set()
    assert filled.search('"; DROP TABLE articles; --').items == []
    assert filled.stats()["articles"] == len(TEXTS)


def test_hits_are_ranked_and_highlighted(filled):
    hits = filled.search("ceasefire").items
    assert filled.search("ceasefire").total == len(hits) == 4  # three articles, one statement
    for hit in hits:
        marked = [w.lower() for w in re.findall(r"\[([^\]]+)\]", hit["snippet"])]
        assert marked and all(w in {"cease", "fire", "cease-fire", "ceasefire", "ceasefires"} for w in marked), hit
    hyphen = next(h for h in hits if h["source"] == "hyphen.txt" and h["kind"] == "article")
    assert "[cease]-[fire]" in hyphen["snippet"] or "[cease-fire]" in hyphen["snippet"]
    assert filled.search("ceasefire", limit=2, offset=2).items == hits[2:]


def test_more_matches_rank_first(store):
    texts = {"once.txt": "The truce talks opened in Geneva while delegates argued about maps and lists.",
             "thrice.txt": "The truce held; a truce monitor said the truce would be extended next week."}
    for name, body in texts.items():
        store.add_analysis(Analysis(article=Article(text=body, id=article_id(body), published="2021-04-01",
                                                    source=name, pipeline="test 1")))
    assert [h["source"] for h in store.search("truce").items] == ["thrice.txt", "once.txt"]


def test_upgrade_fills_compounds_from_stored_texts(store_url):
    from alembic import command
    from alembic.config import Config

    from parley.store import open_store
    from parley.store.engine import MIGRATIONS, WRITE

    store = open_store(store_url)
    store.add_analysis(_analysis("hyphen", "2021-03-01"))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.execution_options(**{WRITE: True}).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")  # as written before hyphenated words were kept
        command.upgrade(cfg, "head")
    assert _articles(store, "ceasefire") == {"hyphen.txt"}
    store.close()
