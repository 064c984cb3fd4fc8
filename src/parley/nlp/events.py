"""PLOVER events derived from relations, demands, conditionals and statements (``events.tsv``
and the plover column of ``reporting.tsv``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from parley.models import Event
from parley.nlp.components import Resources, component, doc_attribute
from parley.nlp.conditionals import ConditionalInfo
from parley.nlp.demands import DemandInfo
from parley.nlp.facts import Chunk, unique
from parley.nlp.lexicon import Lexicons
from parley.nlp.relations import RelationInfo
from parley.nlp.statements import StatementInfo


@dataclass
class EventInfo:
    type: str
    mode: str | None
    source: str | None
    target: str | None
    start: int
    end: int
    token: int

    def to_model(self, chunk: Chunk) -> Event:
        """The contract's Event: evidence at article offsets, the place mentioned in it, the
        article's date."""
        return Event(self.type, self.source, chunk.text(self.start, self.end), *chunk.chars(self.start, self.end),
                     self.mode, self.target, chunk.place_at(self.start, self.end), chunk.article.published)


def derive_events(relations: list[RelationInfo], demands: list[DemandInfo], conditionals: list[ConditionalInfo],
                  statements: list[StatementInfo], plover_of_cue: Callable[[str], str | None],
                  *, lex: Lexicons) -> list[EventInfo]:
    """Events from the other facts; negated or hypothetical relations give none.

    Args:
        relations, demands, conditionals, statements: the Doc's facts.
        plover_of_cue: the PLOVER type a reporting cue expresses (``Lexicons.plover_of``).
        lex: the lexicons (the event types of ``events.tsv``).

    Returns:
        The events, each (type, source, target, start) once.
    """
    def plover_for(fact: str, cue: str | None = None) -> tuple[str, str | None] | None:
        return lex.events.get(f"{fact}:{cue}") or lex.events.get(fact)   # most specific first

    out: list[EventInfo] = []
    for r in relations:
        if r.negated or r.modality == "hypothetical":
            continue   # what did not or may not happen is not an event
        hit = plover_for(f"relation:{r.type}", r.cue)
        if hit:
            out.append(EventInfo(hit[0], hit[1], r.source, r.target, r.start, r.end, r.token))
    for d in demands:
        t, mode = plover_for("demand")
        for by in d.by[:1]:
            out.append(EventInfo(t, mode, by, d.of[0] if d.of else None, d.start, d.end, d.token))
    for c in conditionals:
        if c.actor:
            t, mode = plover_for("conditional")
            out.append(EventInfo(t, mode, c.actor, None, c.start, c.end, c.token))
    for s in statements:
        plover = None if s.negated else plover_of_cue(s.cue)
        if plover:
            out.append(EventInfo(plover, None, s.speaker, None, s.start, s.end, s.tokens[0]))
    return unique(out, key=lambda e: (e.type, e.source, e.target, e.start))


def _run(doc: Doc, r: Resources) -> list[EventInfo]:
    lex = r.lexicons
    return derive_events(doc._.parley_relations, doc._.parley_demands, doc._.parley_conditionals,
                         doc._.parley_statements, lex.plover_of, lex=lex)


# the spaCy component of derive_events(): what it reads from the Doc and where it stores its result
Language.factory("parley_events", default_config={"kb": None},
                 requires=["doc._.parley_statements", "doc._.parley_relations", "doc._.parley_demands",
                           "doc._.parley_conditionals"],
                 assigns=[doc_attribute("parley_events")],
                 func=component("parley_events", _run))
