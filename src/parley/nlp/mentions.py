"""Mentions: knowledge-base names, NER entities and gazetteer places, typed and linked.

The small spaCy model mistypes names (Sirte as a person, Haftar as an organisation): a KB
match always wins over NER, and a NER name that the gazetteer knows and the KB does not is
retyped as a place. A capital used as an agent ("Moscow stressed") becomes its state.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from parley.knowledge.gazetteer import Gazetteer, GazPlace
from parley.knowledge.kb import KBActor, KnowledgeBase, surface_key

NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
LOCATIVE_PREPS = {"in", "at", "from", "to", "into", "near", "across", "around", "outside", "inside",
                  "toward", "towards", "through", "throughout", "within", "via", "off",
                  "beyond", "along", "south", "north", "east", "west"}
_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
            "centre", "center", "heart", "edge", "suburbs", "outside", "west", "east"}
AGENT_NOUNS = {"supporter", "ally", "backer", "patron", "friend", "partner", "sponsor", "official",
               "government", "spokesman", "spokeswoman", "minister", "ministry", "authorities",
               "leader", "government", "authority", "counterpart", "diplomat", "envoy", "delegation"}


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
    affiliated: KBActor | None = None   # a nominal group's state ("Turkish forces")

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


class KBMatcher:
    """Phrase matchers over every KB surface form: single capitalised words case-sensitively,
    longer or lowercase forms case-insensitively."""

    def __init__(self, nlp, kb: KnowledgeBase):
        self.kb = kb
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms: dict[str, list[tuple[KBActor, str]]] = {}
        exact, folded = set(), set()
        for form, actor, rule in kb.surface_forms():
            text = form[4:] if form.lower().startswith("the ") and len(form) > 6 else form
            self.forms.setdefault(surface_key(text), []).append((actor, rule))
            tokens = nlp.make_doc(text)
            if len(tokens) == 1 and text != text.lower():
                exact.add(text)
            else:
                folded.add(text)
        self.exact.add("KB", [nlp.make_doc(t) for t in sorted(exact)])
        self.folded.add("KB", [nlp.make_doc(t) for t in sorted(folded)])

    def __call__(self, doc: Doc) -> list[Span]:
        spans = [doc[s:e] for _, s, e in self.exact(doc)] + [doc[s:e] for _, s, e in self.folded(doc)]
        return filter_spans(spans)


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in {"the", "a", "an"} or doc[start].pos_ == "ADP"):
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def is_locative(span: Span) -> bool:
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
        if prep.lower_ in LOCATIVE_PREPS:
            owner = prep.head
            if owner.lemma_.lower() in AGENT_NOUNS:
                return False
            # "thanked his supporters in Moscow": the parser hangs "in" on the verb
            before = owner.doc[prep.i - 1] if prep.i > 0 else None
            return not (owner.pos_ == "VERB" and before is not None and before.dep_ == "dobj"
                        and before.head.i == owner.i and before.lemma_.lower() in AGENT_NOUNS)
        if prep.lower_ == "of" and prep.head.lower_ in _COMPASS:   # "south of Tripoli"
            return True
        return False
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        return is_locative(tok.doc[tok.head.i:tok.head.i + 1])
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
        return tok.head.lemma_.lower() not in AGENT_NOUNS   # "the Berlin process", not "Tripoli officials"
    return tok.dep_ == "npadvmod"


def find_mentions(doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, matcher: KBMatcher,
                  *, day: str | None = None, nominals: dict[str, str] | None = None) -> list[MentionInfo]:
    """All actor and place mentions of ``doc`` in text order: knowledge-base names, NER names,
    then nominal groups ("coalition forces") and sites ("the camp") from ``nominals``."""
    out: list[MentionInfo] = []
    taken = set()
    for span in matcher(doc):
        span = _trim(span)
        hits = kb.resolve(span.text, day=day, fuzzy=False)
        if not hits:
            continue
        res = hits[0]
        m = MentionInfo(span.start, span.end, span.start_char, span.end_char, span.text,
                        _label(res.actor), res.actor, res.rule)
        if res.rule == "seat":
            m.place = gazetteer.lookup(span.text, fuzzy=False)
            m.label = "GPE"
            m.agent = not is_locative(span)
        elif res.actor.kind == "state" and res.rule == "alias":
            m.place = gazetteer.lookup(span.text, fuzzy=False)
        out.append(m)
        taken.update(range(span.start, span.end))
    prefer = tuple({m.kb.country for m in out if m.kb and m.kb.country})
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        span = _trim(ent)
        if not span.text.strip() or not any(t.is_alpha for t in span):
            continue
        if ent.label_ == "ORG" and ent.end < len(doc) and doc[ent.end].lemma_.lower() in _OFFICE_WORDS:
            continue   # "Interior Minister X": a portfolio, not an organisation
        m = _resolve_entity(span, ent.label_, kb, gazetteer, day, prefer)
        if m is not None:
            out.append(m)
            taken.update(range(span.start, span.end))
    if nominals:
        out = _nominals(doc, out, taken, nominals)
    out.sort(key=lambda m: m.start)
    return out


def _nominals(doc: Doc, out: list[MentionInfo], taken: set[int], nominals: dict[str, str]) -> list[MentionInfo]:
    """Noun phrases headed by a group or site noun. A group phrase absorbs a premodifying
    demonym ("Turkish forces" is one group actor, affiliated to Turkey, not the state)."""
    by_start = {m.start: m for m in out}
    for chunk in doc.noun_chunks:
        kind = nominals.get(chunk.root.lemma_.lower())
        if kind is None or chunk.root.ent_type_ in {"PERSON", "GPE"}:
            continue
        span = _trim(chunk)
        while len(span) > 1 and span[0].pos_ in {"PRON", "DET"}:
            span = doc[span.start + 1:span.end]
        inside = [m for m in out if span.start <= m.start and m.end <= span.end]
        if any(t.i in taken for t in span) and not (kind == "group" and inside and all(
                m.rule == "adjective" and m.end <= span.root.i for m in inside)):
            continue
        affiliated = inside[0].kb if inside else None
        for m in inside:
            out.remove(m)
            by_start.pop(m.start, None)
        m = MentionInfo(span.start, span.end, span.start_char, span.end_char, span.text,
                        "NOM_GROUP" if kind == "group" else "NOM_SITE", agent=kind == "group")
        m.rule = "nominal"
        m.affiliated = affiliated
        out.append(m)
        taken.update(range(span.start, span.end))
    return out


_OFFICE_WORDS = {"minister", "ministry", "secretary", "spokesman", "spokeswoman", "spokesperson", "minster"}


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
        return MentionInfo(**base, label="GPE" if place.kind != "district" else "LOC",
                           place=place, agent=False)
    if label in PLACE_LABELS:
        return MentionInfo(**base, label=label, agent=False)
    return MentionInfo(**base, label=label)


def _kind_fits(label: str, actor: KBActor) -> bool:
    return (label == "PERSON") == (actor.kind == "person")


def _personal_context(span: Span) -> bool:
    """A name used like a person's: a subject of speech, or after a title or given name."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ == "VERB":
        return True
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return bool(prev is not None and prev.ent_type_ == "PERSON" and prev.ent_iob_ != "O")
