"""Mentions: knowledge-base names, NER entities and gazetteer places, typed and linked.

The small spaCy model mistypes names (Sirte as a person, Haftar as an organisation): a KB
match always wins over NER, and a NER name that the gazetteer knows and the KB does not is
retyped as a place. A capital used as an agent ("Moscow stressed") becomes its state.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from parley.knowledge.gazetteer import Gazetteer, GazPlace
from parley.knowledge.kb import KBActor, KnowledgeBase, Resolution
from parley.nlp.components import KBMatcher, Resources, component, day_of, doc_attribute
from parley.nlp.bodies import body_names, joined_persons, places_in, with_bodies
from parley.nlp.lexicon import Lexicons, WordLists
from parley.nlp.qualifiers import choose, government, split_names

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
    """Drop a leading determiner or preposition (also one the NER took into a name: "Near
    Dayr Az Zayr, five strikes ...") and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in words.articles or doc[start].pos_ == "ADP"
                               or doc[start].lower_ in words.locative_preps and doc[start].lower_ not in words.compass_words):
        start += 1
    while end > start + 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def opens_scene(doc: Doc, start: int, end: int, words: WordLists) -> bool:
    """Whether tokens start..end are the name in a sentence opening "Near X, ..." or "In X, ...":
    a phrase that sets the scene, so X is a place, listed in the gazetteer or not."""
    if start == 0 or end >= len(doc) or doc[end].text != ",":
        return False
    prep = doc[start - 1]
    return prep.is_sent_start and prep.lower_ in words.locative_preps and prep.lower_ not in words.compass_words \
        and all(t.is_title or t.is_upper or t.lower_ in words.name_connectors for t in doc[start:end])


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
    out += _place_qualifiers(doc, out, gazetteer)
    bodies = _free_bodies(doc, out, kb, day, lex)
    owners = {b.start: m for b in bodies for m in out if m.kb is not None and m.kb.kind == "state"
              and b.start <= m.start and m.end < b.end}
    taken = {i for m in out if m not in owners.values() for i in range(m.start, m.end)}
    prefer = tuple({m.kb.country for m in out if m.kb and m.kb.country})
    ents = joined_persons(split_names(doc, kb, gazetteer, day, lex))
    for ent in with_bodies(ents, bodies):
        if ent.label_ not in NER_LABELS or taken.intersection(range(ent.start, ent.end)):
            continue
        span = _trim(ent, words)
        while ent.label_ == "ORG" and len(span) > 1 and _abbreviated_title(doc, span.end - 1, words):
            span = doc[span.start:span.end - 1]   # "[Army] Maj. Gen. X": the rank is no part of the body
        owner = next((o for o in owners.values() if span.start <= o.start and o.end < span.end), None)
        if owner is None and any(o.start < span.end and span.start < o.end for o in owners.values()):
            continue   # the state in a body's name is no entity of its own
        if not span.text.strip() or not any(t.is_alpha for t in span):
            continue
        if span.text.lower().removesuffix("s") in words.equipment_words:
            continue   # "a VBIED": a weapon, not an organisation
        if ent.label_ == "ORG" and ent.end < len(doc) and doc[ent.end].lemma_.lower() in words.office_words:
            continue   # "Interior Minister X": a portfolio, not an organisation
        label = "GPE" if ent.label_ in {"PERSON", "ORG"} and opens_scene(doc, span.start, span.end, words) else ent.label_
        m = _resolve_entity(span, label, kb, gazetteer, day, prefer)
        if m is not None and owner is not None and m.kb is None:
            m.affiliated = owner.kb
            owner.agent = False   # "Jordan" of "Jordan Armed Forces": a place, the body acts
            if owner.place is None:   # "Canadian" of "the Canadian Food Inspection Agency": Canada
                owner.place = gazetteer.lookup(owner.kb.name, fuzzy=False)
        if m is not None:
            out.append(m)
            taken.update(range(span.start, span.end))
            if ent in bodies and m.kb is None:   # "[Athens] Police Department": Athens is still a place
                out += [p for p in (_resolve_entity(e, e.label_, kb, gazetteer, day, prefer)
                                    for e in places_in(ent, ents)) if p is not None and not p.agent]
    if lex.nominals:
        out = _nominals(doc, out, taken, lex.nominals, words)
    out.sort(key=lambda m: m.start)
    return out


def _abbreviated_title(doc: Doc, i: int, words: WordLists) -> bool:
    """An abbreviated rank ("Maj.", "Gen.", "Lt."), its full stop a token of its own or not."""
    tok = doc[i]
    if tok.lower_.rstrip(".") not in words.rank_abbreviations or not tok.is_title:
        return False
    return tok.text.endswith(".") or (i + 1 < len(doc) and doc[i + 1].text == ".")


def _free_bodies(doc: Doc, found: list[MentionInfo], kb: KnowledgeBase, day: str | None,
                 lex: Lexicons) -> list[Span]:
    """The body names (``nlp/bodies.py``) that no knowledge-base name overlaps, except a
    state's name that opens them ("[Jordan] Armed Forces – Arab Army"): that state stays a
    place of the text and is who the body belongs to; a name of another country's actor after
    it is only part of the body's name ("Syrian [Arab Coalition]" is not the Saudi-led "Arab
    coalition"), and is dropped. A body the knowledge base knows by its whole name is left to
    the knowledge-base match."""
    out = []
    for body in body_names(doc, lex):
        inside = [m for m in found if m.start < body.end and body.start < m.end]
        if any(m.start <= body.start and body.end <= m.end for m in inside) or kb.resolve(body.text, day=day, fuzzy=False):
            continue
        owner = next((m for m in inside if m.kb is not None and m.kb.kind == "state" and body.start <= m.start
                      and m.end < body.end), None)   # "[Jordan] Armed Forces", "Royal [Jordanian] Air Force"
        rest = [m for m in inside if m is not owner]
        if rest and (owner is None or not all(
                m.kb is not None and m.kb.kind != "state" and m.kb.country != owner.kb.country
                and owner.end <= m.start and m.end <= body.end for m in rest)):
            continue
        for m in rest:
            found.remove(m)
        out.append(body)
    return out


def _place_qualifiers(doc: Doc, found: list[MentionInfo], gazetteer: Gazetteer) -> list[MentionInfo]:
    """The place that opens a name the knowledge base knows the rest of ("the [Florida]
    Democratic Party", "[Gaza] Hamas"): a place mention of its own, not an actor."""
    out = []
    by_start: dict[int, list[MentionInfo]] = {}
    for m in found:
        if m.kb is not None:
            by_start.setdefault(m.start, []).append(m)
    for ent in doc.ents:
        for m in (m for k in range(ent.start + 1, ent.end) for m in by_start.get(k, ())):
            start = ent.start + (doc[ent.start].lower_ == "the")
            if start >= m.start or any(o.start < m.start and o.end > start for o in found if o is not m):
                continue
            head = doc[start:m.start]
            place = gazetteer.lookup(head.text, fuzzy=False)
            if place is not None and all(t.is_title for t in head):
                out.append(MentionInfo(head.start, head.end, head.start_char, head.end_char, head.text, "GPE",
                                       place=place, agent=False))
    return out


def _inside_place_name(places: list[Span], span: Span, kb: KnowledgeBase, gazetteer: Gazetteer,
                       day: str | None) -> bool:
    """Whether a knowledge-base name is only part of a longer place name the NER found and
    the gazetteer has ("Jersey" in "New Jersey", "Mexico" in "New Mexico"); ``places``: the
    Doc's GPE and LOC entities."""
    for ent in places:
        if ent.start <= span.start and span.end <= ent.end and len(ent) > len(span):
            return bool(gazetteer.candidates(ent.text, fuzzy=False, own=True)) and not kb.resolve(
                ent.text, day=day, fuzzy=False)
    return False


def _kb_mentions(doc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer, matcher: KBMatcher, day: str | None,
                 words: WordLists) -> list[MentionInfo]:
    """Knowledge-base names; a capital used as a location is a place, not its state."""
    out, found = [], []
    places = [e for e in doc.ents if e.label_ in {"GPE", "LOC"}]   # doc.ents builds every span anew
    for span in matcher(doc):
        span = _trim(span, words)
        hits = kb.resolve(span.text, day=day, fuzzy=False)
        if hits and not _inside_place_name(places, span, kb, gazetteer, day):
            found.append((span, hits))
    # the countries the text's unambiguous names belong to: an ambiguous name goes with them
    countries = Counter(hits[0].actor.country for _, hits in found
                        if hits[0].actor.country and len({h.actor.id for h in hits}) == 1)
    for span, hits in found:
        res = choose(doc, span, hits, kb, day, countries)
        if res is None:
            continue
        if res.actor.kind == "person" and span.end < len(doc) and doc[span.end].lemma_.lower() in words.regime_nouns:
            gov = government(kb, res.actor.country, day, leader=res.actor)
            if gov is not None:   # "the Obama administration": the leader's government
                span = doc[span.start:span.end + 1]
                res = Resolution(gov, "alias", span.text, f"government of {res.actor.name}")
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


def _possessor_phrase(span: Span, words: WordLists) -> Span | None:
    """The possessor of an action phrase ("the U.S.-led coalition" of "the U.S.-led
    coalition's four airstrikes"), without its possessive mark, or None."""
    if span.root.lemma_.lower() not in words.action_nouns:
        return None
    poss = next((c for c in span.root.children if c.dep_ == "poss" and c.i >= span.start), None)
    if poss is None or poss.pos_ == "PRON":
        return None
    doc = span.doc
    start = max(span.start, poss.left_edge.i)
    while start < poss.i and doc[start].pos_ == "DET":
        start += 1
    return doc[start:poss.i + 1]


def _of_state(m: MentionInfo, head: Token) -> bool:
    """Whether a premodifier names the state a group belongs to: "Turkish" forces, or a state's
    name before a plural or common group noun ("U.S. forces", "U.S. Marines"; not the name of
    a body, "U.S. Central Command")."""
    if m.rule == "adjective":
        return True
    return m.kb is not None and m.kb.kind == "state" and m.rule == "alias" and (head.pos_ == "NOUN" or head.tag_ == "NNPS")


_AGAINST = frozenset({"counter", "anti"})


def _against(doc: Doc, m: MentionInfo) -> bool:
    """Whether a premodifier names what a group is against ("the Counter-ISIL coalition")."""
    if m.text.lower() in _AGAINST and m.end < len(doc) and doc[m.end].text == "-":
        return True   # the prefix itself, taken for a name ("Counter" as a person)
    return m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ in _AGAINST


def _nominals(doc: Doc, out: list[MentionInfo], taken: set[int], nominals: dict[str, str],
              words: WordLists) -> list[MentionInfo]:
    """Noun phrases headed by a group or site noun. A group phrase absorbs a premodifying
    demonym ("Turkish forces" is one group actor, affiliated to Turkey, not the state)."""
    for chunk in doc.noun_chunks:
        kind = nominals.get(chunk.root.lemma_.lower())
        if kind is None or chunk.root.ent_type_ in {"PERSON", "GPE"}:
            continue
        if chunk.root.lemma_.lower() in words.container_nouns and not any(
                c.dep_ == "compound" and nominals.get(c.lemma_.lower()) == "site" for c in chunk.root.children):
            continue   # "an apartment complex" is no site; "the hospital complex" is
        span = _trim(chunk, words)
        while len(span) > 1 and span[0].pos_ in {"PRON", "DET"}:
            span = doc[span.start + 1:span.end]
        owner = _possessor_phrase(span, words)
        if owner is not None:   # "the coalition's airstrikes": the coalition is the group
            span, kind = owner, nominals.get(owner.root.lemma_.lower())
            if kind is None:
                continue
        inside = [m for m in out if span.start <= m.start and m.end <= span.end]
        if inside and span.root.lemma_.lower() in words.action_nouns:
            continue   # "a U.S. strike": the state named is who acts
        if any(t.i in taken for t in span) and not (kind == "group" and inside and all(
                m.end <= span.root.i and (_of_state(m, span.root) or _against(doc, m)) for m in inside)):
            continue
        affiliated = inside[0].kb if inside and _of_state(inside[0], span.root) else None
        for m in inside:
            if m.rule == "alias" and m.place is not None:
                m.agent = False   # "U.S. forces": the group is the actor, "U.S." still a place
            else:
                out.remove(m)
        m = MentionInfo(span.start, span.end, span.start_char, span.end_char, span.text,
                        "NOM_GROUP" if kind == "group" else "NOM_SITE", agent=kind == "group")
        m.rule = "nominal"
        m.affiliated = affiliated
        out.append(m)
        taken.update(range(span.start, span.end))
    for tok in doc:   # a capitalised group noun before another noun: "Coalition aircraft", "Coalition nations"
        if tok.dep_ == "compound" and tok.is_title and tok.i not in taken and tok.i > tok.sent.start \
                and nominals.get(tok.lemma_.lower()) == "group" and tok.head.pos_ == "NOUN":
            m = MentionInfo(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text, "NOM_GROUP")
            m.rule = "nominal"
            out.append(m)
            taken.add(tok.i)
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
