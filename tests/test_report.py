"""The terminal report: each actor's panel lists what the persons who speak for it said,
demanded and threatened, marked "via" them (a hand-built analysis, no model)."""
from __future__ import annotations

from rich.console import Console

from parley.models import Actor, Analysis, Article, Conditional, Demand, Mention, Statement, article_id
from parley.report import render, speakers_for

TEXT = "Ostland's envoy Ivo Marr said the border must stay open. Ostland wants a truce, Lena Dorn said."


def _analysis() -> Analysis:
    def actor(key, name, kind, affiliation=None):
        at = TEXT.index(name)
        return Actor(key, name, kind, affiliation=affiliation, mentions=(Mention(name, at, at + len(name)),))

    said = "the border must stay open"
    return Analysis(
        article=Article(TEXT, article_id(TEXT), pipeline="test 1"),
        actors=(actor("ostland", "Ostland", "state"), actor("person:ivo-marr", "Ivo Marr", "person", "ostland"),
                actor("person:lena-dorn", "Lena Dorn", "person")),
        statements=(Statement("person:ivo-marr", "say", said, TEXT.index(said), TEXT.index(said) + len(said)),),
        demands=(Demand(("person:ivo-marr",), (), ("an open border",), TEXT, 0, 10),),
        conditionals=(Conditional("person:ivo-marr", "the shelling goes on", "sanctions follow", TEXT, 0, 10),))


def _panels(analysis: Analysis) -> dict[str, str]:
    console = Console(record=True, width=200)
    render(analysis, console)
    text = console.export_text()
    out, title = {}, None
    for line in text.splitlines():
        if line.startswith("╭─ "):
            title = line[3:].split(" ─")[0]
            out[title] = ""
        elif title:
            out[title] += line + "\n"
    return out


def test_a_state_panel_lists_its_envoy_via_him():
    panels = _panels(_analysis())
    state = panels["Ostland"]
    assert "the border must stay open (via Ivo Marr)" in state
    assert "demands [stated]: (via Ivo Marr)" in state and "an open border" in state
    assert "sanctions follow (via Ivo Marr)" in state
    assert "via" not in panels["Ivo Marr"]  # his own panel lists them as his
    assert "Lena Dorn" not in panels  # no affiliation, nothing said: no panel, nothing rolled up


def test_only_persons_speak_for_an_actor():
    analysis = _analysis()
    assert speakers_for(analysis) == {"ostland": ["person:ivo-marr"]}
    body = Actor("institute", "Institute", "organization", affiliation="ostland")
    assert speakers_for(Analysis(article=analysis.article, actors=(*analysis.actors, body))) == \
        {"ostland": ["person:ivo-marr"]}
