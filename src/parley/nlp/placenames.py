"""Place names: which spans of a text name places, and the resolution of one name.

A place name is a mention the NER or the knowledge base found (a country used as an agent
too, marked not literal), a state's demonym (naming its country), a region written with its
kind ("Idlib province"), a dateline in capitals, or the leading place of an organisation's
name; known persons and organisations, a full name's surname, a name after a title and names
of things ("West Nile virus") are not. A name that the gazetteer lacks may still be resolved
by its part that names a place ("East Mosul", "Tabqa Dam", "Idlib province").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from parley.dates import MONTHS
from parley.knowledge.gazetteer import Choice, Gazetteer, GazPlace, GeoContext
from parley.nlp.lexicon import Lexicons, WordLists
from parley.nlp.mentions import PLACE_LABELS, MentionInfo, is_locative, opens_scene

# a name the NER took for a person or organisation is a place only if it is this big (or a
# country, region or landmark) or lies in a region the text is about
REPAIR_POPULATION = 50000
# the capital a seat's name denotes wins over a region of that name unless it scores this much more
SEAT_MARGIN = 2.5
# what the NER calls a language or a nationality is no place ("in English")
_NOT_PLACE_ENTS = {"LANGUAGE", "NORP", "MONEY", "LAW"}


@dataclass
class Named:
    """A place name of the text: its span, how it is used, what it resolves to."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    literal: bool
    repaired: bool = False        # the NER called it a person or organisation
    located: bool = False         # after a locative preposition ("in X", "near X")
    fixed: GazPlace | None = None  # a qualifier's region ("Ind." in "Lafayette, Ind.")
    within: GazPlace | None = None
    choice: Choice | None = None
    seat: str | None = None        # the country the knowledge base knows this name as the seat of
    stray: bool = False            # its only readings lie in countries the text never names


def resolve_name(doc: Doc, n: Named, gazetteer: Gazetteer, words: WordLists, *,
             context: GeoContext | None = None, near: tuple[GazPlace, ...] = ()) -> Choice | None:
    """Resolve a name, or the part of it that names a place: "East Mosul" is in Mosul,
    "Qayyarah Airfield West" and "Tabqa Dam" at the town they are named after, "Idlib
    province" the region (not the town)."""
    if n.fixed is not None:
        return Choice(n.fixed, ((0.0, n.fixed, "the region written after a place"),))
    choice = gazetteer.resolve(n.text, context=context, within=n.within, near=near)
    if choice is not None:
        return _seat_reading(choice, n.seat) if n.seat and n.within is None else choice
    toks = list(doc[n.start:n.end])
    comma = next((i for i, t in enumerate(toks) if 0 < i < len(toks) - 1 and t.text == ","), None)
    if comma is not None and n.within is None:      # "Washington, D.C." written as one name
        within = next((p for p in gazetteer.candidates(doc[toks[comma + 1].i:n.end].text, fuzzy=False, qualifier=True)
                       if p.kind in {"region", "country"}), None)
        choice = gazetteer.resolve(doc[n.start:toks[comma].i].text, context=context, within=within, near=near)
        if choice is not None:
            return choice
    region = len(toks) > 1 and toks[-1].lower_ in words.region_nouns
    cut = next((i for i, t in enumerate(toks) if i and t.lower_ in words.facility_nouns | words.region_nouns),
               len(toks))
    if cut < len(toks) - 1 and toks[cut].lower_ in words.region_nouns:
        # "Harlan County Courthouse": the county named with its kind, not a town called Harlan
        choice = gazetteer.resolve(doc[toks[0].i:toks[cut].i + 1].text, context=context, within=n.within, near=near)
        if choice is not None:
            return choice
        region = True
    toks = toks[:cut]
    while len(toks) > 1 and toks[0].lower_ in words.direction_words:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].lower_ in words.direction_words:
        toks = toks[:-1]
    if not toks or len(toks) == n.end - n.start:
        return None
    part = doc[toks[0].i:toks[-1].i + 1].text
    choice = gazetteer.resolve(part, context=context, within=n.within, near=near)
    regions = [s for s in choice.scored if s[1].kind in {"region", "county"}] if choice and region else []
    return Choice(regions[0][1], tuple(regions)) if regions else choice


def _seat_reading(choice: Choice, country: str) -> Choice:
    """A name the knowledge base knows as a state's seat ("Washington") is that capital
    rather than a region of the name, unless the region is much more likely here (the text
    is about Washington state)."""
    best = choice.scored[0]
    seat = next((s for s in choice.scored if s[1].capital and s[1].country == country), None)
    if seat is None or seat is best or best[1].kind not in {"region", "county"} or seat[0] < best[0] - SEAT_MARGIN:
        return choice
    return Choice(seat[1], (seat,) + tuple(s for s in choice.scored if s is not seat))


def leading_place(doc: Doc, n: Named, gazetteer: Gazetteer, context: GeoContext | None = None) -> Choice | None:
    """The town or region that opens a longer name the gazetteer lacks ("Mount Pleasant
    Civic Center", "Richmond Olympic Oval"): the longest leading part that is a place's own
    name, in a country the text names (when it names any)."""
    for end in range(n.end - 1, n.start, -1):
        part = doc[n.start:end]
        if part[-1].is_punct or not gazetteer.candidates(part.text, fuzzy=False, own=True):
            continue
        choice = gazetteer.resolve(part.text, context=context, fuzzy=False)
        if choice is None or choice.place.kind not in {"city", "region", "county"}:
            continue
        if context is not None and context.countries and choice.place.country not in (None, *context.countries):
            continue   # "Ayn Issa" in a story about Syria does not open with a town abroad
        return choice
    return None


def region_phrases(doc: Doc, named: list[Named], mentions: list[MentionInfo], gazetteer: Gazetteer,
                    words: WordLists) -> list[Named]:
    """Region names written with their kind that the NER missed ("Syria's Idlib province",
    "the Al Qa'im region"): proper nouns before a region noun that the gazetteer has."""
    taken = {i for n in named for i in range(n.start, n.end)}
    taken |= {i for m in mentions for i in range(m.start, m.end) if m.kb is not None or m.label in {"PERSON", "ORG"}}
    out = []
    for tok in doc:
        if tok.lower_ not in words.region_nouns or tok.i in taken or tok.i == 0:
            continue
        start = tok.i
        while start > 0 and tok.i - start < 3 and doc[start - 1].tag_ == "NNP" and start - 1 not in taken:
            start -= 1
        if start == tok.i or gazetteer.resolve(doc[start:tok.i].text, fuzzy=False) is None:
            continue
        span = doc[start:tok.i + 1]
        out.append(Named(span.start, span.end, span.start_char, span.end_char, span.text, True))
        taken.update(range(span.start, span.end))
    return out


def after_locatives(doc: Doc, named: list[Named], mentions: list[MentionInfo], gazetteer: Gazetteer,
                    words: WordLists) -> list[Named]:
    """Capitalised names after a locative preposition that the NER missed and the gazetteer
    has as a town or region ("Near Rawah, two strikes ...")."""
    taken = {i for n in named for i in range(n.start, n.end)} | {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for prep in doc:
        if prep.lower_ not in words.locative_preps or prep.i + 1 >= len(doc) or prep.i + 1 in taken:
            continue
        end = prep.i + 1
        while end < len(doc) and end - prep.i <= 4 and end not in taken and (doc[end].is_title or doc[end].is_upper) \
                and doc[end].is_alpha and not _not_a_place(doc[end]):
            end += 1
        if end == prep.i + 1 or (end < len(doc) and doc[end].text == "'s"):
            continue
        span = doc[prep.i + 1:end]
        scene = opens_scene(doc, prep.i + 1, end, words)
        choice = gazetteer.resolve(span.text, fuzzy=scene)
        if not scene and (choice is None or choice.place.kind not in {"city", "region", "county"}):
            continue
        out.append(Named(span.start, span.end, span.start_char, span.end_char, span.text, True, located=True))
        taken.update(range(span.start, span.end))
    return out


def _not_a_place(tok: Token) -> bool:
    """Whether a capitalised word after a locative preposition is a month ("in August"), a
    language or a nationality ("in English"), not a place name."""
    return tok.lower_ in MONTHS or tok.ent_type_ in _NOT_PLACE_ENTS


def datelines(doc: Doc, named: list[Named], gazetteer: Gazetteer) -> list[Named]:
    """The place of a dateline, in capitals at the start of a line ("BEIRUT (Reuters) -",
    "COLUMBUS, Ohio --"), which the NER often misses."""
    taken = {i for n in named for i in range(n.start, n.end)}
    out = []
    for tok in doc:
        if tok.i in taken or not (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws) or not tok.is_upper:
            continue
        end = tok.i
        while end < len(doc) and end - tok.i < 3 and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if end == tok.i or end >= len(doc) or doc[end].text not in {",", "-", "--", "\u2014", "\u2013", "("}:
            continue
        span = doc[tok.i:end]
        if len(span.text) < 3 or gazetteer.resolve(span.text.title(), fuzzy=False) is None:
            continue
        out.append(Named(span.start, span.end, span.start_char, span.end_char, span.text.title(), True))
    return out


def no_persons_or_things(doc: Doc, named: list[Named], mentions: list[MentionInfo],
                          lex: Lexicons) -> list[Named]:
    """Leave out names that the text shows to be persons or things: the surname of a person it
    names in full ("Henry Farrin ... Farrin"), a name after a person's title ("President X"),
    a name before a thing it names ("West Nile virus", "Marburg fever")."""
    surnames = {doc[m.end - 1].lower_ for m in mentions
                if m.end - m.start >= 2 and (m.ner_label == "PERSON" or (m.kb is not None and m.kb.kind == "person"))}
    out = []
    for n in named:
        before = doc[n.start - 1] if n.start > 0 else None
        after = doc[n.end] if n.end < len(doc) else None
        if n.end - n.start == 1 and doc[n.start].lower_ in surnames:
            continue
        if before is not None and before.is_title and before.lower_ in lex.titles:
            continue
        if after is not None and after.lemma_.lower() in lex.words.thing_nouns:
            continue
        out.append(n)
    return out


def place_names_of(doc: Doc, m: MentionInfo, gazetteer: Gazetteer, words: WordLists) -> list[Named]:
    """The place names of a mention: none for known persons and organisations, demonyms and
    site nouns; the leading place of an organisation's name ("the Ohio Department of
    Transportation"); a short name the NER took for a person or organisation, as a candidate."""
    if m.rule in {"nominal", "adjective"}:
        return _demonym(doc, m, gazetteer)
    if m.kb is not None and m.kb.kind != "state" and m.rule != "seat":
        return []
    literal = m.locative or not m.agent
    if m.kb is not None or m.place is not None or m.label in PLACE_LABELS:
        return [Named(m.start, m.end, m.start_char, m.end_char, m.text, literal,
                       repaired=m.kb is None and m.place is None and m.ner_label not in PLACE_LABELS,
                       located=is_locative(doc[m.start:m.end], words),
                       seat=m.kb.country if m.rule == "seat" and m.kb is not None else None)]
    if m.label not in {"PERSON", "ORG"}:
        return []
    span = doc[m.start:m.end]
    if m.end + 2 < len(doc) and doc[m.end].lower_ == "in" and doc[m.end + 1].lower_ in words.direction_words \
            and doc[m.end + 2].ent_type_ in {"GPE", "LOC"}:       # "Ayn Issa in northern Syria"
        return [Named(m.start, m.end, m.start_char, m.end_char, m.text, True)]
    if opens_scene(doc, m.start, m.end, words):   # "Near Dayr Az Zayr, five strikes ..."
        return [Named(m.start, m.end, m.start_char, m.end_char, m.text, True, repaired=True, located=True)]
    if m.end - m.start <= 2 and is_locative(span, words) and _known(doc, span, gazetteer, words):
        return [Named(m.start, m.end, m.start_char, m.end_char, m.text, True, repaired=True)]
    if m.label == "ORG":
        for width in (3, 2, 1):
            span = doc[m.start:m.start + width]
            if width < m.end - m.start and span[-1].tag_ == "NNP" and doc[span.end].tag_ in {"NNP", "NNPS"} \
                    and gazetteer.candidates(span.text, fuzzy=False, own=True):
                return [Named(span.start, span.end, span.start_char, span.end_char, span.text, False,
                               repaired=True)]
    return []


def _known(doc: Doc, span, gazetteer: Gazetteer, words: WordLists) -> bool:
    """Whether a name the NER took for a person or organisation is a gazetteer place: a town's
    own name, a part of a town ("East Aleppo"), or a variant spelling of a region's name."""
    if gazetteer.candidates(span.text, fuzzy=False, own=True):
        return True
    n = Named(span.start, span.end, span.start_char, span.end_char, span.text, True)
    choice = resolve_name(doc, n, gazetteer, words)
    if choice is None:
        return False
    if gazetteer.candidates(span.text, fuzzy=True):     # a variant spelling: of a region only
        return any(p.kind in {"country", "region"} for _, p, _ in choice.scored)
    return True


def _demonym(doc: Doc, m: MentionInfo, gazetteer: Gazetteer) -> list[Named]:
    """A state's adjective or demonym ("American", "Palestinians", "Sri Lankan forces") names
    its country, as a place name, not a location."""
    state = m.kb if m.rule == "adjective" else m.affiliated
    if state is None or state.kind != "state" or not state.country:
        return []
    country = gazetteer.country(state.country)
    if country is None:
        return []
    end = m.start
    while end < m.end and doc[end].is_title:
        end += 1
    if m.rule == "adjective":
        end = m.end
    if end == m.start:
        return []
    span = doc[m.start:end]
    return [Named(span.start, span.end, span.start_char, span.end_char, span.text, False, fixed=country)]


def qualify(doc: Doc, named: list[Named], gazetteer: Gazetteer, words: WordLists) -> list[Named]:
    """Attach the region or country written after a comma ("Austin, Texas", "Lafayette,
    Ind.") or after "in" ("Ayn Issa in northern Syria"); the qualifier is a place name of the
    text too."""
    taken = {i for n in named for i in range(n.start, n.end)}
    out = list(named)
    for n in named:
        first = _qualifier_start(doc, n.end, words)
        if first is None:
            continue
        for width in (3, 2, 1):
            span = doc[first:min(first + width, len(doc))]
            if not span.text or any(t.is_punct and t.text != "." for t in span):
                continue
            hits = [p for p in gazetteer.candidates(span.text, fuzzy=False, qualifier=doc[n.end].text == ",")
                    if p.kind in {"region", "country"}]
            if hits:
                hits = [h for h in hits if _inside(gazetteer, n.text, h)] or hits
                n.within = hits[0]
                if not taken.intersection(range(span.start, span.end)):
                    q = Named(span.start, span.end, span.start_char, span.end_char, span.text, n.literal,
                               fixed=hits[0])
                    out.append(q)
                    taken.update(range(span.start, span.end))
                break
    return out


def _inside(gazetteer: Gazetteer, name: str, region: GazPlace) -> bool:
    """Whether the gazetteer has a place called ``name`` inside ``region`` ("Greer, S.C." is in
    South Carolina, not the Seychelles)."""
    choice = gazetteer.resolve(name, within=region)
    return choice is not None and (choice.place.country == region.country if region.kind == "country"
                                   else choice.place.region == region.region)


def _qualifier_start(doc: Doc, end: int, words: WordLists) -> int | None:
    """Where a qualifier of the name ending at token ``end`` may start: after a comma, or
    after "in" and a direction word."""
    if end + 1 >= len(doc):
        return None
    if doc[end].text == ",":
        return end + 1
    if doc[end].lower_ == "in" and doc[end + 1].lower_ in words.direction_words and end + 2 < len(doc):
        return end + 2
    return None
