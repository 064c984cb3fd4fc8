"""Names of bodies the small model misses or cuts short: capitalised phrases built on an
organisation or unit word.

The small NER model cuts "Combined Joint Task Force - Operation Inherent Resolve" into pieces
(or misses it: "Combined" is tagged a verb), misses unit names ("3rd Battalion, 6th Marines")
and unit designators ("CTF 50"), and cuts "Jordan Armed Forces – Arab Army" at the state. A
body name here is a run of capitalised words (ordinals allowed) holding an organisation word
of ``words.tsv`` (``organization_words``, ``unit_words``), with:

- "of"/"for" phrases of capitalised words ("Ministry of Foreign Affairs");
- a dash and a capitalised name after the organisation word ("... Task Force - Operation X");
- a comma and a further unit after a unit ("3rd Battalion, 6th Marines");
- a unit designator and its number ("CTF 50", "Task Force 51").

A run stops at a title ("Army Maj. Gen. X" is the Army, then a person), at a person's name
the model found, and never starts with a lone sentence-initial word. Runs of one word are left
to the model and the knowledge base.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from parley.nlp.lexicon import Lexicons

_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_DASHES = {"-", "–", "—"}
_OF = {"of", "for"}
_NAME_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}   # a body name replaces others ("Task Force 51" as a product)
_PLACE_LABELS = {"PERSON", "GPE", "LOC", "FAC"}   # ... but never a person or a place the model found


def body_names(doc: Doc, lex: Lexicons) -> list[Span]:
    """The body names of ``doc`` (label ``ORG``), longest first where they would overlap."""
    words = lex.words
    org = words.organization_words | words.unit_words
    out: list[Span] = []
    i = 0
    while i < len(doc):
        span = _body_at(doc, i, org, lex)
        if span is None:
            i += 1
            continue
        out.append(span)
        i = span.end
    return out


_STOPS: dict[int, frozenset[str]] = {}
_INITIALS = re.compile(r"^([A-Z]\.)+$")


def _person_titles(lex: Lexicons) -> frozenset[str]:
    """One-word titles of persons that are no organisation word ("Commander", "Minister")."""
    key = id(lex.titles)
    if key not in _STOPS:
        org = lex.words.organization_words | lex.words.unit_words
        _STOPS[key] = frozenset(t for t, (kind, _) in lex.titles.items()
                                if kind == "person" and " " not in t and t not in org)
    return _STOPS[key]


def _word(tok: Token, lex: Lexicons) -> bool:
    """A word that may be part of a body's name: capitalised (or an ordinal, or initials
    "U.S."), no abbreviated title ("Maj."), no person's name."""
    if tok.ent_type_ == "PERSON" or _rank(tok, lex):
        return False
    if _ORDINAL.match(tok.text) or _INITIALS.match(tok.text):
        return True
    return tok.is_alpha and (tok.is_title or (tok.is_upper and len(tok) > 1)) \
        and tok.lower_ not in lex.words.articles and tok.lower_ not in lex.words.pronouns


def _rank(tok: Token, lex: Lexicons) -> bool:
    """An abbreviated rank: "Maj." (its full stop a token of its own or not)."""
    if tok.lower_.rstrip(".") not in lex.words.rank_abbreviations:
        return False
    doc = tok.doc
    return tok.text.endswith(".") or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ".")


def _run(doc: Doc, i: int, lex: Lexicons) -> int:
    """The end of the run of name words from ``i``, cut before a person's title that no
    organisation word follows ("Coalition [Commander]"; not "158th Fighter Wing")."""
    j = i
    while j < len(doc) and _word(doc[j], lex):
        j += 1
    org = lex.words.organization_words | lex.words.unit_words
    titles = _person_titles(lex)
    for k in range(i, j):
        if doc[k].lower_ in titles and not any(t.lower_ in org for t in doc[k + 1:j]):
            return k
    return j


def _opener(tok: Token, org: frozenset[str]) -> bool:
    """A sentence's first word capitalised only for being first ("Soldiers of the X Army")."""
    return tok.is_sent_start and tok.pos_ != "PROPN" and tok.lower_ not in org


def _body_at(doc: Doc, i: int, org: frozenset[str], lex: Lexicons) -> Span | None:
    if not _word(doc[i], lex) or _opener(doc[i], org) \
            or (i > 0 and _word(doc[i - 1], lex) and not _opener(doc[i - 1], org)):
        return None
    if i > 1 and doc[i - 1].text in _DASHES and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return None   # inside a hyphenated name ("Wam-Sag-Man Trail")
    end = _run(doc, i, lex)
    while True:   # "of"/"for" [the] + capitalised words
        k = end + (end < len(doc) and doc[end].lower_ in _OF)
        if k == end:
            break
        k += k < len(doc) and doc[k].lower_ == "the"
        nxt = _run(doc, k, lex) if k < len(doc) else k
        if nxt == k:
            break
        end = nxt
    if not any(t.lower_ in org for t in doc[i:end]):
        return _designator(doc, i, end, lex)
    end = _extend(doc, i, end, org, lex)
    start = i
    words = lex.words
    if any(t.lower_ in words.place_heads | words.facility_nouns | words.town_nouns for t in doc[start:end]) \
            or doc[end - 1].lower_ in {"school", "college", "university", "hospital", "jail", "cemetery", "church", "hall"}:
        return None   # "Post Road", "Goose Creek High School": a place, left to the model and the gazetteer
    if end - start < 2 or doc[start].is_sent_start and end - start < 3 and doc[start].pos_ != "PROPN":
        return _designator(doc, i, end, lex)
    return Span(doc, start, end, label="ORG")


def _extend(doc: Doc, start: int, end: int, org: frozenset[str], lex: Lexicons) -> int:
    """A dash and a name after an organisation word; a comma and a further unit after a unit;
    a number after a unit designator ("Task Force 51")."""
    units = lex.words.unit_words
    while end < len(doc):
        tok = doc[end]
        if tok.text in _DASHES and doc[end - 1].lower_ in org | units or (
                tok.text in _DASHES and _ends_with_org_phrase(doc, start, end, org)):
            nxt = _run(doc, end + 1, lex) if end + 1 < len(doc) else end + 1
            if nxt - (end + 1) >= 2 or (nxt > end + 1 and doc[nxt - 1].lower_ in org):
                end = nxt
                continue
        if tok.text == "," and end + 1 < len(doc) and _ORDINAL.match(doc[end + 1].text) \
                and any(t.lower_ in units for t in doc[start:end]):
            nxt = _run(doc, end + 1, lex)
            if any(t.lower_ in units for t in doc[end + 2:nxt]):
                end = nxt
                continue
        if tok.like_num and not _ORDINAL.match(tok.text) and doc[end - 1].lower_ in lex.words.unit_designators:
            end += 1
        break
    return end


def _ends_with_org_phrase(doc: Doc, start: int, end: int, org: frozenset[str]) -> bool:
    """Whether an organisation word is among the last three words before ``end``."""
    return any(t.lower_ in org for t in doc[max(start, end - 3):end])


def _designator(doc: Doc, i: int, end: int, lex: Lexicons) -> Span | None:
    """A unit designator and its number: "CTF 50", "TF-51" (one upper-case word ending in a
    designator, then a number)."""
    tok = doc[i]
    if end != i + 1 or not tok.is_upper or i + 1 >= len(doc):
        return None
    if not any(tok.lower_.endswith(d) for d in lex.words.unit_designators if d.isalpha() and d.islower()):
        return None
    k = i + 1 + (doc[i + 1].text in _DASHES)
    if k < len(doc) and doc[k].like_num and not _ORDINAL.match(doc[k].text):
        return Span(doc, i, k + 1, label="ORG")
    return None


def places_in(body: Span, ents: list[Span]) -> list[Span]:
    """The place names the model found inside a body's name ("[Athens] Police Department"):
    they stay places of the text."""
    return [e for e in ents if e.label_ in {"GPE", "LOC"} and body.start <= e.start and e.end <= body.end
            and (e.start, e.end) != (body.start, body.end)]


def with_bodies(ents: list[Span], bodies: list[Span]) -> list[Span]:
    """The entities with the body names put in: a body name replaces the entities it overlaps
    when it is longer than each of them (a person or a place only when it lies inside the
    body's name); entities no body name overlaps are kept."""
    out: list[Span] = []
    used: set[int] = set()
    for ent in ents:
        body = next((b for b in bodies if b.start < ent.end and ent.start < b.end), None)
        inside = body is not None and body.start <= ent.start and ent.end <= body.end
        if body is None or (len(body) <= len(ent) and ent.label_ in _NAME_LABELS) \
                or (ent.label_ in _PLACE_LABELS and not inside):
            out.append(ent)
            continue
        if body.start not in used:
            used.add(body.start)
            out.append(body)
    for body in bodies:
        if body.start not in used and not any(b.start < e.end and e.start < b.end for e in out for b in (body,)):
            out.append(body)
    out.sort(key=lambda s: s.start)
    return out


def joined_persons(ents: list[Span]) -> list[Span]:
    """A person's name the model cut in two ("[Sajida Mubarak] Atrous [al-Rishawi]"): two
    person names with at most two capitalised proper nouns between them, in one sentence, are
    one name."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and ent.label_ == "PERSON" and _joinable(prev, ent):
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _joinable(a: Span, b: Span) -> bool:
    doc = a.doc
    between = doc[a.end:b.start]
    if len(between) > 2 or doc[a.start].sent.start != doc[b.start].sent.start:
        return False
    if any(t.whitespace_ != " " for t in doc[a.end - 1:b.start]):
        return False   # a line break or no space: two names
    return all(t.pos_ == "PROPN" and t.is_title and t.is_alpha for t in between)
