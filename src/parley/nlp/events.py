"""PLOVER events derived from relations, demands, conditionals and statements."""
from __future__ import annotations

from dataclasses import dataclass

from parley.nlp.conditionals import ConditionalInfo
from parley.nlp.demands import DemandInfo
from parley.nlp.lexicon import read_tsv
from parley.nlp.relations import RelationInfo

_MAP = {r["fact"]: (r["plover"], None if r["mode"] in ("", "-") else r["mode"]) for r in read_tsv("events.tsv")}


@dataclass
class EventInfo:
    type: str
    mode: str | None
    source: str | None
    target: str | None
    start: int
    end: int
    token: int


def plover_for(fact: str, cue: str | None = None) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a fact kind, most specific first."""
    return _MAP.get(f"{fact}:{cue}") or _MAP.get(fact)


def derive_events(relations: list[RelationInfo], demands: list[DemandInfo],
                  conditionals: list[ConditionalInfo], statements, plover_of_cue) -> list[EventInfo]:
    """Events from the other facts; negated or hypothetical relations give none."""
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
    seen, uniq = set(), []
    for e in out:
        key = (e.type, e.source, e.target, e.start)
        if key not in seen:
            seen.add(key)
            uniq.append(e)
    return uniq
