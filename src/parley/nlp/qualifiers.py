"""Knowledge-base and NER names read in their context.

- A name several actors of the knowledge base share ("the internationally recognised
  government") goes to the one of the country that qualifies it ("... of Yemen", "Yemen's ..."),
  or that country's government when none fits; else to the countries the text names most.
- A leader's name before "regime", "government" or "administration" is that leader's government.
- A place and a person's name the model ran together after a title ("Minister for the [Middle
  East Tobias Ellwood]") are split apart.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from parley.knowledge.gazetteer import Gazetteer
from parley.knowledge.kb import KBActor, KnowledgeBase, Resolution
from parley.nlp.lexicon import Lexicons


def split_names(doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, day: str | None, lex: Lexicons) -> list[Span]:
    """The NER entities, with a place and a person's name the model ran together after a title
    split apart: "Minister for the [Middle East Tobias Ellwood]" is the place "Middle East" and
    the person "Tobias Ellwood" (a known place, then two or three capitalised words that are no
    place and no group noun, within a few words after a title)."""
    out = []
    for ent in doc.ents:
        cut = None
        if ent.label_ in {"ORG", "GPE", "LOC", "FAC", "NORP"} and len(ent) >= 3:
            for n in (2, 3):
                head, rest = ent[:len(ent) - n], ent[len(ent) - n:]
                if len(head) and all(t.is_title and t.is_alpha and t.lower_ not in lex.nominals
                                       and t.lower_ not in lex.words.organization_words for t in rest) \
                        and _after_portfolio_word(doc, ent.start, lex) \
                        and _known_place(head.text, kb, gazetteer, day) \
                        and not _known_place(rest.text, kb, gazetteer, day):
                    cut = len(ent) - n
                    break
        if cut is None:
            out.append(ent)
        else:
            out += [Span(doc, ent.start, ent.start + cut, label="LOC"), Span(doc, ent.start + cut, ent.end, label="PERSON")]
    return out


def _after_portfolio_word(doc: Doc, start: int, lex: Lexicons) -> bool:
    """Whether the words before ``start`` end a title ("Minister for (the)", "Envoy")."""
    k = start - 1 - (start > 0 and doc[start - 1].lower_ == "the")
    if k >= 0 and doc[k].lower_ in {"for", "of"}:
        k -= 1
    return k >= 0 and k < start - 1 and any(t.lower_ in lex.title_first_words for t in doc[max(0, k - 2):k + 1])


def _known_place(name: str, kb: KnowledgeBase, gazetteer: Gazetteer, day: str | None) -> bool:
    """Whether ``name`` is a state, a continent or a region, as a portfolio names them."""
    return any(p.kind in {"continent", "country", "region"} for p in gazetteer.candidates(name, fuzzy=False, own=True)) \
        or any(h.actor.kind == "state" for h in kb.resolve(name, day=day, fuzzy=False))


def choose(doc: Doc, span: Span, hits: list[Resolution], kb: KnowledgeBase, day: str | None,
            countries: Counter) -> Resolution | None:
    """The resolution of a knowledge-base name in its context. A country qualifier ("the
    internationally recognised government of Yemen", "Yemen's ...") picks the actor of that
    country, or that country's government when no other fits (None: no actor of the KB is
    meant); else an ambiguous name goes with the countries the text names most."""
    qualifier = _qualifier(doc, span, kb, day)
    if qualifier is not None and hits[0].actor.country and hits[0].actor.kind != "state":
        fit = [h for h in hits if h.actor.country == qualifier]
        if fit:
            return fit[0]
        gov = government(kb, qualifier, day, state=False)
        return Resolution(gov, "alias", span.text, f"qualified by {qualifier}") if gov else None
    if len({h.actor.id for h in hits}) > 1 and countries:
        return max(hits, key=lambda h: countries.get(h.actor.country, 0))
    return hits[0]


def government(kb: KnowledgeBase, country: str | None, day: str | None, *, state: bool = True,
                leader: KBActor | None = None) -> KBActor | None:
    """The government of ``country`` on ``day``: the government ``leader`` holds an office of,
    else the one of the state named a government ("Syrian government"), else (if ``state``)
    the state itself."""
    if not country:
        return None
    if leader is not None:
        held = [kb.get(o.of) for o in kb.offices if o.holder == leader.id and o.held_on(day)]
        gov = next((a for a in held if a is not None and a.kind == "government" and a.valid_on(day)), None)
        if gov is not None:
            return gov
    actors = [a for a in kb.actors.values() if a.country == country and a.valid_on(day)]
    states = {a.id for a in actors if a.kind == "state"}
    gov = next((a for a in actors if a.kind == "government" and a.affiliation in states
                and "government" in a.name.lower()), None)
    return gov or (next((a for a in actors if a.kind == "state"), None) if state else None)


def _qualifier(doc: Doc, span: Span, kb: KnowledgeBase, day: str | None) -> str | None:
    """The country of a state named right after ``span`` with "of" ("... of (the) Yemen") or
    right before it with a possessive ("Yemen's ..."), or None."""
    candidates = []
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "of":
        first = span.end + 1 + (doc[span.end + 1].lower_ == "the")
        candidates += [doc[first:first + n] for n in (3, 2, 1) if first + n <= len(doc)]
    if span.start >= 2 and doc[span.start - 1].lower_ in {"'s", "’s"}:
        candidates += [doc[max(0, span.start - 1 - n):span.start - 1] for n in (3, 2, 1)]
    for cand in candidates:
        states = [h.actor for h in kb.resolve(cand.text, day=day, fuzzy=False)
                  if h.actor.kind == "state" and h.rule == "alias"]
        if states:
            return states[0].country
    return None
