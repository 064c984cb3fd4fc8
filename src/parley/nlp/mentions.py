"""Mentions: knowledge-base names, NER entities and gazetteer places, typed and linked.

The small spaCy model mistypes names (Sirte as a person, Haftar as an organisation): a KB
match always wins over NER, and a NER name that the gazetteer knows and the KB does not is
retyped as a place. A capital used as an agent ("Moscow stressed") becomes its state.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from parley.knowledge.gazetteer import Gazetteer, GazPlace
from parley.knowledge.kb import KBActor, KnowledgeBase
from parley.nlp.components import KBMatcher, Resources, component, day_of, doc_attribute
from parley.nlp.lexicon import Lexicons, WordLists

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass
class MentionInfo:
    """One mention: a span of the Doc with what it was resolved to."""

    start: int                  # token indices in the Doc
    end: int
    start_char: int
    end_char: int
    text: str
    label: str                  # PERSON ORG GPE NORP LOC FAC (after repair)
    kb: KBActor | None = None
    rule: str = "ner"           # alias | adjective | seat | name-key | ner
    place: GazPlace | None = None
    agent: bool = True          # an actor mention (False: only a place)
    locative: bool = False      # a place name used as a location ("fighting in Tripoli")
    affiliated: KBActor | None = None   # a nominal group's state ("Turkish forces")
    ner_label: str = ""         # the NER's own label, before any repair


def _trim(span: Span, words: WordLists) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in words.articles or doc[start].pos_ == "ADP"):
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def is_locative(span: Span, words: WordLists) -> bool:
    """Whether a place name is used as a location ("fighting in Tripoli"), not as an agent.

    A name governed by a locative preposition is a location, unless the preposition hangs on
    an agent noun ("his supporters in Moscow, Cairo and Abu Dhabi"). Compounds ("Tripoli
    residents") and subjects or possessors are agents.
    """
    root = span.root
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj":
        prep = tok.head
        if prep.lower_ in words.locative_preps:
            owner = prep.head
            if owner.lemma_.lower() in words.agent_nouns:
                return False
            # "thanked his supporters in Moscow": the parser hangs "in" on the verb
            before = owner.doc[prep.i - 1] if prep.i > 0 else None
            return not (owner.pos_ == "VERB" and before is not None and before.dep_ == "dobj"
                        and before.head.i == owner.i and before.lemma_.lower() in words.agent_nouns)
        if prep.lower_ == "of" and prep.head.lower_ in words.compass_words:   # "south of Tripoli"
            return True
        return False
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        return is_locative(tok.doc[tok.head.i:tok.head.i + 1], words)
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return tok.head.lemma_.lower() not in words.agent_nouns   # "the Berlin process", not "Tripoli officials"
    return tok.dep_ == "npadvmod"


def find_mentions(doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, matcher: KBMatcher,
                  *, lex: Lexicons, day: str | None = None) -> list[MentionInfo]:
    """All actor and place mentions of ``doc`` in text order.

    Args:
        doc: the parsed Doc, with NER entities.
        kb: the knowledge base its names are resolved in.
        gazetteer: the places.
        matcher: the knowledge base's names as phrase matchers.
        lex: the lexicons (nominal heads and word lists).
        day: the publication day (ISO), for time-dependent names.

    Returns:
        Knowledge-base names, then NER names, then nominal groups ("coalition forces") and
        sites ("the camp"), sorted by their first token.
    """
    words = lex.words
    out = _kb_mentions(doc, kb, gazetteer, matcher, day, words)
    taken = {i for m in out for i in range(m.start, m.end)}
    prefer = tuple({m.kb.country for m in out if m.kb and m.kb.country})
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        span = _trim(ent, words)
        if not span.text.strip() or not any(t.is_alpha for t in span):
            continue
        if ent.label_ == "ORG" and ent.end < len(doc) and doc[ent.end].lemma_.lower() in words.office_words:
            continue   # "Interior Minister X": a portfolio, not an organisation
        m = _resolve_entity(span, ent.label_, kb, gazetteer, day, prefer)
        if m is not None:
            out.append(m)
            taken.update(range(span.start, span.end))
    if lex.nominals:
        out = _nominals(doc, out, taken, lex.nominals, words)
    out.sort(key=lambda m: m.start)
    return out


def _inside_place_name(doc: Doc, span: Span, kb: KnowledgeBase, gazetteer: Gazetteer, day: str | None) -> bool:
    """Whether a knowledge-base name is only part of a longer place name the NER found and
    the gazetteer has ("Jersey" in "New Jersey", "Mexico" in "New Mexico")."""
    for ent in doc.ents:
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span) and ent.label_ in {"GPE", "LOC"}:
            return bool(gazetteer.candidates(ent.text, fuzzy=False, own=True)) and not kb.resolve(
                ent.text, day=day, fuzzy=False)
    return False


def _kb_mentions(doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, matcher: KBMatcher, day: str | None,
                 words: WordLists) -> list[MentionInfo]:
    """Knowledge-base names; a capital used as a location is a place, not its state."""
    out = []
    for span in matcher(doc):
        span = _trim(span, words)
        hits = kb.resolve(span.text, day=day, fuzzy=False)
        if not hits or _inside_place_name(doc, span, kb, gazetteer, day):
            continue
        res = hits[0]
        m = MentionInfo(span.start, span.end, span.start_char, span.end_char, span.text,
                        _label(res.actor), res.actor, res.rule)
        if res.rule == "seat":
            m.place = gazetteer.lookup(span.text, fuzzy=False)
            m.label = "GPE"
            m.locative = is_locative(span, words)
            m.agent = not m.locative
        elif res.actor.kind == "state" and res.rule == "alias":
            m.place = gazetteer.lookup(span.text, fuzzy=False)
            m.locative = m.place is not None and is_locative(span, words)
        out.append(m)
    return out


def _nominals(doc: Doc, out: list[MentionInfo], taken: set[int], nominals: dict[str, str],
              words: WordLists) -> list[MentionInfo]:
    """Noun phrases headed by a group or site noun. A group phrase absorbs a premodifying
    demonym ("Turkish forces" is one group actor, affiliated to Turkey, not the state)."""
    for chunk in doc.noun_chunks:
        kind = nominals.get(chunk.root.lemma_.lower())
        if kind is None or chunk.root.ent_type_ in {"PERSON", "GPE"}:
            continue
        span = _trim(chunk, words)
        while len(span) > 1 and span[0].pos_ in {"PRON", "DET"}:
            span = doc[span.start + 1:span.end]
        inside = [m for m in out if span.start <= m.start and m.end <= span.end]
        if any(t.i in taken for t in span) and not (kind == "group" and inside and all(
                m.rule == "adjective" and m.end <= span.root.i for m in inside)):
            continue
        affiliated = inside[0].kb if inside else None
        for m in inside:
            out.remove(m)
        m = MentionInfo(span.start, span.end, span.start_char, span.end_char, span.text,
                        "NOM_GROUP" if kind == "group" else "NOM_SITE", agent=kind == "group")
        m.rule = "nominal"
        m.affiliated = affiliated
        out.append(m)
        taken.update(range(span.start, span.end))
    return out


def _label(actor: KBActor) -> str:
    return {"person": "PERSON", "state": "GPE"}.get(actor.kind, "ORG")


def _resolve_entity(span: Span, label: str, kb: KnowledgeBase, gazetteer: Gazetteer,
                    day: str | None, prefer: tuple[str, ...]) -> MentionInfo | None:
    base = dict(start=span.start, end=span.end, start_char=span.start_char, end_char=span.end_char,
                text=span.text)
    hits = kb.resolve(span.text, day=day, fuzzy=label in {"PERSON", "ORG"})
    hits = [h for h in hits if h.rule != "name-key" or _kind_fits(label, h.actor)]
    if hits:
        res = hits[0]
        return MentionInfo(**base, label=_label(res.actor), kb=res.actor, rule=res.rule)
    if label == "NORP":   # a people or creed the KB does not know ("Yazidis", "Sunni")
        return MentionInfo(**base, label="NOM_GROUP", rule="ner")
    place = None
    if label in PLACE_LABELS:
        place = gazetteer.lookup(span.text, prefer=prefer)
        if place is not None and place.kind != "country" and place.country not in prefer:
            place = gazetteer.lookup(span.text, fuzzy=False, prefer=prefer) or place
    elif len(span) <= 3 and not _personal_context(span):
        # NER typing repair: a "person" or "organisation" the gazetteer knows as a place nearby
        cand = gazetteer.lookup(span.text, fuzzy=False, prefer=prefer)
        if cand is None or (cand.country not in prefer and cand.kind != "country"):
            cand = next((p for p in gazetteer.candidates(span.text) if p.country in prefer), None)
        place = cand
    if place is not None:
        return MentionInfo(**base, label="GPE" if place.kind in {"city", "country"} else "LOC",
                           place=place, agent=False, ner_label=label)
    if label in PLACE_LABELS:
        return MentionInfo(**base, label=label, agent=False, ner_label=label)
    return MentionInfo(**base, label=label, ner_label=label)


def _kind_fits(label: str, actor: KBActor) -> bool:
    return (label == "PERSON") == (actor.kind == "person")


def _personal_context(span: Span) -> bool:
    """A name used like a person's: a subject of speech, or after a title or given name."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ == "VERB":
        return True
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return bool(prev is not None and prev.ent_type_ == "PERSON" and prev.ent_iob_ != "O")


def _run(doc: Doc, r: Resources) -> list[MentionInfo]:
    return find_mentions(doc, r.kb, r.gazetteer, r.matcher, lex=r.lexicons, day=day_of(doc))


# the spaCy component of find_mentions(): what it reads from the Doc and where it stores its result
Language.factory("parley_mentions", default_config={"kb": None},
                 requires=["doc.ents", "token.dep", "token.lemma"],
                 assigns=[doc_attribute("parley_mentions")],
                 func=component("parley_mentions", _run))
