"""The last step of assembly (parley.assembly) and publication dates from the text (parley.dates)."""
from __future__ import annotations

import pytest

from parley.assembly import in_agreement_name, is_dateline, tidy, with_affiliations
from parley.dates import text_date
from parley.knowledge.kb import load_kb
from parley.models import Actor, Analysis, Article, Conditional, Mention, Relation, Statement, article_id


def _analysis(text: str, actors=(), statements=(), relations=(), conditionals=()) -> Analysis:
    return Analysis(Article(text=text, id=article_id(text)), actors=tuple(actors), statements=tuple(statements),
                    relations=tuple(relations), conditionals=tuple(conditionals))


def _mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(word, start, start + len(word))


@pytest.mark.parametrize("text, name, expected", [
    ("AMMAN — The minister spoke.", "AMMAN", True),
    ("CAIRO (Reuters) - Talks resumed.", "CAIRO", True),
    ("Intro.\nKYIV, March 3 — Shelling went on.", "KYIV", True),
    ("Amman said on Monday it would reply.", "Amman", False),
    ("The talks in CAIRO went on.", "CAIRO", False),
])
def test_datelines(text, name, expected):
    m = _mention(text, name)
    assert is_dateline(text, m.start, m.end) is expected


def test_agreement_names():
    text = "Both sides signed the Stockholm Agreement while Sweden watched."
    assert in_agreement_name(text, _mention(text, "Stockholm").end)
    assert not in_agreement_name(text, _mention(text, "Sweden").end)


def test_tidy_drops_unresolved_speakers_and_datelines_keeping_their_statements():
    text = "AMMAN — We will not accept this, they said. Jordan rejected the plan. Jordan will act if it fails."
    jordan = Actor("jordan", "Jordan", "state", "JO",
                   mentions=(_mention(text, "AMMAN"), _mention(text, "Jordan"), _mention(text, "Jordan", 1)))
    only_dateline = Actor("amman-city", "Amman", "other", mentions=(_mention(text, "AMMAN"),))
    we = Actor("pronoun:we", "we (unresolved)", "other", mentions=(_mention(text, "We"),))
    said = Statement("pronoun:we", "say", "We will not accept this", 8, 31)
    rejected = Relation("jordan", "rejects", "pronoun:we", "Jordan rejected the plan", 44, 68)
    threat = Conditional("pronoun:we", "it fails", "Jordan will act", "Jordan will act if it fails", 70, 97)
    out = tidy(_analysis(text, [jordan, only_dateline, we], [said], [rejected], [threat]))
    assert [a.id for a in out.actors] == ["jordan", "pronoun:we"], "listed while a statement names it"
    assert [m.text for m in out.actors[0].mentions] == ["Jordan", "Jordan"], "the dateline is no mention"
    assert out.statements[0].unresolved_speaker == "we" and out.statements[0].speaker == "pronoun:we"
    assert out.relations == (), "a relation with an actor that is gone goes too"
    assert out.conditionals[0].actor is None


def test_affiliations_name_an_actor_of_the_output():
    kb = load_kb()
    person = Actor("person:a-b", "A B", "person", affiliation="russia")
    stray = Actor("person:c-d", "C D", "person", affiliation="no-such-actor-id")
    out = with_affiliations([person, stray], kb)
    ids = [a.id for a in out]
    assert "russia" in ids and out[ids.index("russia")].mentions == ()
    assert out[1].affiliation is None


@pytest.mark.parametrize("text, expected", [
    ("CAIRO, 13 July 2021 — The talks resumed.", "2021-07-13"),
    ("The government said on Tuesday, July 13, 2021 that it would talk.", "2021-07-13"),
    ("The movement was founded in 2004 and its leader died 4 February 2015 in exile.", None),
    ("Officials met on 31 February 2021 to talk.", None),
    ("Nothing dated here.", None),
])
def test_text_dates(text, expected):
    assert text_date(text) == expected


def test_a_date_far_into_the_text_is_no_publication_date():
    assert text_date("x " * 300 + "on 13 July 2021 the talks resumed.") is None
