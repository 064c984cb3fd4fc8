"""The last step of assembly: an article's actors as the contract lists them.

- A speaker no rule resolved ("pronoun:we") is no named actor: its statements say so in their
  ``unresolved_speaker`` (and keep it as ``speaker``, which stays an id of the output's actors,
  so that it is listed only while a statement names it); the other facts drop it (a
  conditional's actor becomes null). Listings and counts of actors leave it out.
- A dateline ("AMMAN —", "CAIRO (Reuters) -") and a name inside an agreement's name ("the
  Stockholm Agreement") are no mentions of an actor; an actor named only so is dropped with the
  facts that name it.
- An ``affiliation`` names an actor of the output: the knowledge base's actor, added without
  mentions, or null.
"""
from __future__ import annotations

import re
from dataclasses import replace

from parley.knowledge.kb import KnowledgeBase
from parley.models import Actor, Analysis, Mention
from parley.nlp.lexicon import load_lexicons

UNRESOLVED = "pronoun:"

# a dateline's place: capitals (and slashes between places) from the start of its line ...
_DATELINE_LEAD = re.compile(r"[A-Z .,'/]*")
# ... then more places, a news agency, a date, and a dash
_DATELINE_TAIL = re.compile(r"(?:/[A-Z .'/]+)?\s*(?P<agency>\([^)\n]{1,30}\))?\s*(?:,[^\n—–]{1,40}?)?\s*[—–-]{1,2}\s")


def agreement_words() -> frozenset[str]:
    """Words that make a preceding place name part of an agreement's name (``words.tsv``)."""
    return load_lexicons().words.agreement_words


def is_dateline(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is (part of) the place of a dateline: "AMMAN —", "CAIRO (Reuters) -"."""
    line = text.rfind("\n", 0, start) + 1
    if not _DATELINE_LEAD.fullmatch(text[line:start]):
        return False
    tail = _DATELINE_TAIL.match(text, end)
    if tail is None:
        return False
    name = text[start:end]
    return bool(tail.group("agency")) or (name.isupper() and sum(c.isalpha() for c in name) >= 3)


def in_agreement_name(text: str, end: int) -> bool:
    """Whether the word after a name makes it part of an agreement's name ("Stockholm Agreement")."""
    m = re.match(r"[ \t]+([^\W\d_]+)", text[end:end + 40])
    return bool(m) and m.group(1) in agreement_words()


def _names(mention: Mention, text: str) -> bool:
    return not (is_dateline(text, mention.start, mention.end) or in_agreement_name(text, mention.end))


def tidy(analysis: Analysis, *, kb: KnowledgeBase | None = None) -> Analysis:
    """The analysis without unresolved speakers, datelines and agreement names among its
    actors, every affiliation naming one of its actors (see the module docstring)."""
    text = analysis.article.text
    speaking = {s.speaker for s in analysis.statements}
    actors, gone = [], {s for s in speaking if s.startswith(UNRESOLVED)}
    for actor in analysis.actors:
        kept = tuple(m for m in actor.mentions if _names(m, text))
        if actor.id.startswith(UNRESOLVED):
            gone.add(actor.id)
            if actor.id in speaking:
                actors.append(actor)
        elif actor.mentions and not kept:
            gone.add(actor.id)
        else:
            actors.append(replace(actor, mentions=kept))
    facts = _without(analysis, gone) if gone else {}
    return replace(analysis, actors=tuple(with_affiliations(actors, kb)), **facts)


def _without(analysis: Analysis, gone: set[str]) -> dict:
    """The facts of ``analysis`` without the actors ``gone`` (see the module docstring)."""
    def out(aid: str | None) -> str | None:
        return None if aid in gone else aid

    statements = tuple(replace(s, unresolved_speaker=s.speaker[len(UNRESOLVED):])
                       if s.speaker.startswith(UNRESOLVED) else s
                       for s in analysis.statements if s.speaker.startswith(UNRESOLVED) or s.speaker not in gone)
    relations = tuple(r for r in analysis.relations if not {r.source, r.target, r.claimed_by} & gone)
    demands = []
    for d in analysis.demands:
        by, of = tuple(x for x in d.by if x not in gone), tuple(x for x in d.of if x not in gone)
        if by and (of or not d.of) and d.claimed_by not in gone:
            demands.append(replace(d, by=by, of=of))
    conditionals = tuple(replace(c, actor=out(c.actor), claimed_by=out(c.claimed_by)) for c in analysis.conditionals)
    events = tuple(replace(e, target=out(e.target)) for e in analysis.events if e.source not in gone)
    return {"statements": statements, "relations": relations, "demands": tuple(demands),
            "conditionals": conditionals, "events": events}


def with_affiliations(actors: list[Actor], kb: KnowledgeBase | None) -> list[Actor]:
    """The actors, with each affiliation that names none of them added from the knowledge base
    (without mentions) or, when it does not know it, set to null."""
    out = list(actors)
    ids = {a.id for a in out}
    i = 0
    while i < len(out):
        aff = out[i].affiliation
        if aff and aff not in ids:
            known = kb.get(aff) if kb is not None else None
            if known is None:
                out[i] = replace(out[i], affiliation=None)
            else:
                out.append(Actor(known.id, known.name, known.kind, known.country, known.affiliation))
                ids.add(known.id)
        i += 1
    return out
