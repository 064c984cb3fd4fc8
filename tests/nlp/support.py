"""Small lookups over an Analysis, so that tests read as expectations."""
from __future__ import annotations

from parley.models import Analysis, Relation, Statement


def actor_of(a: Analysis, mention: str, occurrence: int = 0) -> str | None:
    """Id of the actor having the ``occurrence``-th mention ``mention`` (text order)."""
    start = _nth(a.article.text, mention, occurrence)
    for actor in a.actors:
        if any(m.start == start and m.text == mention for m in actor.mentions):
            return actor.id
    return None


def mentions_of(a: Analysis, actor_id: str) -> list[str]:
    actor = a.actor(actor_id)
    return [m.text for m in actor.mentions] if actor else []


def place(a: Analysis, name: str):
    return next((p for p in a.places if p.name == name), None)


def location(a: Analysis, name: str):
    """The place ``name`` when the text uses it as a location at least once."""
    p = place(a, name)
    return p if p is not None and p.literal else None


def statements_by(a: Analysis, speaker: str) -> list[Statement]:
    return [s for s in a.statements if s.speaker == speaker]


def statement_with(a: Analysis, fragment: str) -> Statement | None:
    """The statement whose content contains ``fragment`` (shortest first)."""
    hits = sorted((s for s in a.statements if fragment in s.content), key=lambda s: s.end - s.start)
    return hits[0] if hits else None


def assert_offsets(a: Analysis, st: Statement) -> None:
    text = a.article.text
    assert text[st.start:st.end] == st.content
    if st.source_span is not None:
        assert 0 <= st.source_span.start < st.source_span.end <= len(text)
    if st.cue_span is not None:
        assert 0 <= st.cue_span.start <= st.cue_span.end <= len(text)


def span_text(a: Analysis, span) -> str | None:
    return None if span is None else a.article.text[span.start:span.end]


def relations(a: Analysis, source: str | None = None, type: str | None = None,
              target: str | None = None) -> list[Relation]:
    return [r for r in a.relations if (source is None or r.source == source)
            and (type is None or r.type == type) and (target is None or r.target == target)]


def one_relation(a: Analysis, source: str, type: str, target: str) -> Relation:
    found = relations(a, source, type, target)
    assert len(found) == 1, (source, type, target, a.relations)
    return found[0]


def events(a: Analysis, type: str | None = None, source: str | None = None, target: str | None = None):
    return [e for e in a.events if (type is None or e.type == type) and (source is None or e.source == source)
            and (target is None or e.target == target)]


def _nth(text: str, sub: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.index(sub, pos + 1)
    return pos
