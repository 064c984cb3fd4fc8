"""Places: the gazetteer places a text names, resolved in the context of the whole text.

Every mention of a place name counts, also a capital or country used as an agent ("Moscow
said"): it names the place, but only literal mentions ("fighting in Tripoli") make a place
where something happened (:meth:`parley.nlp.facts.Chunk.place_at`). "The city" or "the
province" is a mention of the town or region named before; other site nouns ("the camp") are
sites, places without coordinates. Which spans name places is :mod:`parley.nlp.placenames`.

Resolution runs twice: first each name alone, with the region or country written after it
("Long Beach, CA", "Sirte, Libya"); then again with the countries and regions of the other
names of the text as context, so "Gainesville" in a story about Texas is in Texas, and with
the readings of the other names that lie near each reading (:mod:`parley.nlp.placecontext`),
so "Paris" next to "Henry County" is the Paris in that county. A name the gazetteer lacks
may still be placed at the town that opens it ("Mount Pleasant Civic Center").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from parley.knowledge.gazetteer import Gazetteer, GazPlace, GeoContext
from parley.models import Mention, Place
from parley.nlp.coordinates import find_points
from parley.nlp.placealiases import add_place_aliases
from parley.nlp.components import Resources, component, doc_attribute, text_of
from parley.nlp.facts import Chunk
from parley.nlp.lexicon import Lexicons, WordLists
from parley.nlp.mentions import MentionInfo
from parley.nlp.placecontext import nearby_support
from parley.nlp.placenames import (REPAIR_POPULATION, Named, after_locatives, datelines, leading_place,
                                   no_persons_or_things, place_names_of, qualify, region_phrases, resolve_name)

# the contract's feature class of each kind of gazetteer entry
_FEATURES = {"continent": "continent", "country": "country", "region": "region", "county": "region",
             "city": "city", "landmark": "landmark"}


@dataclass
class PlaceInfo:
    place: GazPlace | None
    name: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    literal: list[bool] = field(default_factory=list)    # per mention: used as a location
    why: str = ""
    country: str | None = None   # of a place the gazetteer lacks: the country the text puts it in
    site: bool = False           # a site named by a common noun ("the camp")
    near: GazPlace | None = None  # of a place the gazetteer lacks: the place its sentence puts it at

    def add(self, start: int, end: int, text: str, literal: bool) -> None:
        """One more mention of the place."""
        self.mentions.append((start, end, text))
        self.literal.append(literal)

    def to_model(self, chunk: Chunk) -> Place:
        """The contract's Place (coordinates from the gazetteer), mentions at article offsets."""
        mentions = tuple(Mention(chunk.text(s, e), *chunk.chars(s, e)) for s, e, _ in sorted(self.mentions))
        g = self.place
        if g is None:
            near = self.near
            return Place(self.name, self.country or (near.country if near else None), near.lat if near else None,
                         near.lon if near else None, None, None, mentions,
                         feature="site" if self.site else None, literal=any(self.literal))
        return Place(g.name, g.country, g.lat, g.lon, g.geonames_id, g.kind, mentions,
                     feature=_FEATURES.get(g.kind), literal=any(self.literal))


def find_places(doc: Doc, mentions: list[MentionInfo], gazetteer: Gazetteer, lex: Lexicons) -> list[PlaceInfo]:
    """The places the text names, each resolved in the context of the others.

    Args:
        doc: the Doc the mentions are of.
        mentions: its mentions (:func:`parley.nlp.mentions.find_mentions`).
        gazetteer: the places.
        lex: the lexicons (locative prepositions, agent nouns, titles).

    Returns:
        One PlaceInfo a place, with its mentions, in order of first mention.
    """
    words = lex.words
    named = [n for m in mentions for n in place_names_of(doc, m, gazetteer, words)]
    named += region_phrases(doc, named, mentions, gazetteer, words) + datelines(doc, named, gazetteer)
    named += after_locatives(doc, named, mentions, gazetteer, words)
    named = no_persons_or_things(doc, named, mentions, lex)
    named = qualify(doc, named, gazetteer, words)
    for n in named:
        n.choice = resolve_name(doc, n, gazetteer, words)
    partners = _partners(doc, named)
    support = nearby_support(_readings(named))
    for n in named:
        if n.choice is not None:
            near = tuple(p.choice.place for p in partners.get(id(n), ()) if p.choice is not None)
            context = _context(named, n.text)
            context.nearby = support.get(n.text, {})
            n.choice = resolve_name(doc, n, gazetteer, words, context=context, near=near)
            if n.choice is not None and _stray(n, context):
                n.choice, n.stray = None, True
    for n in named:
        if n.choice is None and not n.repaired and _unlisted_place(doc, n, words):
            n.choice = leading_place(doc, n, gazetteer, _context(named, n.text))
    out: dict[str, PlaceInfo] = {}
    for n in named:
        if n.choice is None:
            if not n.repaired and _unlisted_place(doc, n, words):
                # a place name the gazetteer does not have, used as a location: listed, not located
                key = "?" + " ".join(n.text.lower().split())
                country = n.within.country if n.within is not None else None
                info = out.setdefault(key, PlaceInfo(None, n.text, country=country, why="not in the gazetteer"))
                info.add(n.start_char, n.end_char, n.text, n.literal)
            continue
        place = n.choice.place
        if n.repaired and not _plausible(place, named):
            continue
        info = out.setdefault(str(place.id or place.name), PlaceInfo(place, place.name, why=n.choice.scored[0][2]))
        info.add(n.start_char, n.end_char, n.text, n.literal)
    add_place_aliases(doc, out, words)
    _add_sites(doc, mentions, [n for n in named if n.choice is not None and str(n.choice.place.id or n.choice.place.name)
                                in out], out, words)
    _add_points(doc, out, gazetteer)
    _locate_unlisted(doc, out)
    return sorted(out.values(), key=lambda p: p.mentions[0][0])


def _add_sites(doc: Doc, mentions: list[MentionInfo], located: list[Named], out: dict[str, PlaceInfo],
               words: WordLists) -> None:
    """Site nouns ("the camp", "a checkpoint"): a definite town or region noun refers back to
    the last place of that kind named before it ("Mosul ... the city"); any other site is a
    place of its own, a site without coordinates."""
    spans = [(s, e) for info in out.values() for s, e, _ in info.mentions]
    for m in mentions:
        if m.label != "NOM_SITE" or any(s <= m.start_char and m.end_char <= e for s, e in spans):
            continue
        span = doc[m.start:m.end]
        if span.end + 1 < len(doc) and _kind_of(doc, span.end + 1, words) is not None:
            named = next((info for info in out.values() for s, _, _ in info.mentions if s == doc[span.end + 1].idx), None)
            if named is not None:   # "the city of Ubaydi": the noun names the place after it
                named.add(m.start_char, m.end_char, m.text, True)
                continue
        head = span.root.lemma_.lower()
        kind = "city" if head in words.town_nouns else "region" if head in words.region_nouns else None
        definite = any(t.lower_ in words.definite_words for t in doc[max(0, m.start - 1):m.start + 1])
        before = [n for n in located if n.start < m.start and _FEATURES.get(n.choice.place.kind) == kind]
        if kind and definite and before:
            place = before[-1].choice.place
            info = out[str(place.id or place.name)]
        else:
            info = out.setdefault("~" + " ".join(m.text.lower().split()),
                                  PlaceInfo(None, m.text, why="a site named by a common noun", site=True))
        info.add(m.start_char, m.end_char, m.text, True)


# the more specific of two places in one country that a sentence names
_SPECIFIC = {"landmark": 0, "city": 1, "county": 2, "region": 3, "country": 4}


def _locate_unlisted(doc: Doc, out: dict[str, PlaceInfo]) -> None:
    """A place the gazetteer lacks, or a named site, is put at the located place its sentence names
    ("seized the X hospital complex ... in East Mosul"; "into the city of Ubaydi" after
    "fighting in Husaybah"): the most specific one, when all the sentence's places lie in one
    country (and in the country the text gives the place, if any)."""
    located = [(s, info.place) for info in out.values() if info.place is not None and info.place.lat is not None
               and info.place.kind in _SPECIFIC for (s, _, _), lit in zip(info.mentions, info.literal) if lit]
    if not located:
        return
    sents = {}
    for s, place in located:
        sent = doc.char_span(s, s + 1, alignment_mode="expand")
        if sent is not None:
            sents.setdefault(sent[0].sent.start_char, []).append(place)
    for info in out.values():
        first = doc.char_span(info.mentions[0][0], info.mentions[0][1], alignment_mode="expand") if info.mentions else None
        if info.place is not None or first is None or info.site and not any(
                t.is_title and not t.is_sent_start for t in first):
            continue   # a common-noun site ("the camp", "Battle positions") stays a site without coordinates
        places = sents.get(first[0].sent.start_char, [])
        if not places or len({p.country for p in places}) > 1 or info.country not in (None, places[0].country):
            continue
        info.near = min(places, key=lambda p: _SPECIFIC[p.kind])
        info.why += f"; placed at {info.near.name}, named in its sentence"


def _add_points(doc: Doc, out: dict[str, PlaceInfo], gazetteer: Gazetteer) -> None:
    """Positions given by coordinates, each notation of a point one mention of it, in the
    country of the nearest town."""
    for point in find_points(text_of(doc)):
        town = gazetteer.nearest(point.lat, point.lon)
        place = GazPlace(point.name, town.country if town else None, round(point.lat, 6), round(point.lon, 6), None,
                         "point", admin1=town.admin1 if town else None)
        info = out.setdefault(f"@{point.lat:.3f},{point.lon:.3f}", PlaceInfo(place, point.name, why="coordinates"))
        for start, end, text in point.mentions:
            info.add(start, end, text, True)


def _unlisted_place(doc: Doc, n: Named, words: WordLists) -> bool:
    """Whether a name the gazetteer lacks is still a place: the text puts it in a region
    ("Ayn Issa, Syria"), uses it after a locative preposition ("fighting in X"), or its first
    or last word says what sort of place it is ("Elm Street", "Lake Erie")."""
    last = doc[n.end - 1]
    if not any(t.is_title or t.is_upper for t in doc[n.start:n.end]) or last.lower_ in words.direction_words:
        return False
    first = doc[n.start]
    return (n.within is not None or n.located or n.stray or last.lower_.rstrip(".") in words.place_heads
            or (n.end - n.start > 1 and first.lower_ in words.place_heads) or _kind_of(doc, n.start, words) is not None)


def _kind_of(doc: Doc, start: int, words: WordLists) -> str | None:
    """The town or region noun of "the city of X", "the province of X" before token ``start``."""
    if start < 2 or doc[start - 1].lower_ != "of":
        return None
    noun = doc[start - 2].lemma_.lower()
    return "city" if noun in words.town_nouns else "region" if noun in words.region_nouns else None


# a town this small, alone abroad, is more likely a place the gazetteer lacks
_STRAY_POPULATION = 100_000


def _stray(n: Named, context: GeoContext) -> bool:
    """Whether a name's only readings are small towns in countries the text never names, while
    it names others often ("Sadah" in a story about western Iraq is no town in Yemen): the name
    is a place the gazetteer lacks."""
    if n.within is not None or n.fixed is not None or not context.countries:
        return False
    return max(context.countries.values()) >= 2 and all(
        p.kind == "city" and p.population < _STRAY_POPULATION and p.country not in context.countries
        for _, p, _ in n.choice.scored)


def _partners(doc: Doc, named: list[Named]) -> dict[int, list[Named]]:
    """Names coordinated with each name ("Sirte and Jafra"): places listed together are
    near each other."""
    groups: dict[int, list[Named]] = {}
    for n in named:
        tok = doc[n.start:n.end].root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        groups.setdefault(tok.i, []).append(n)
    return {id(n): [m for m in group if m is not n] for group in groups.values() if len(group) > 1
            for n in group}


def _readings(named: list[Named]) -> dict[str, list[tuple[float, GazPlace]]]:
    """Each name's scored candidates after the first pass (only the chosen one where the
    text says where the place is)."""
    out: dict[str, list[tuple[float, GazPlace]]] = {}
    for n in named:
        if n.choice is not None and n.text not in out:
            fixed = n.fixed is not None or n.within is not None
            out[n.text] = [(s, p) for s, p, _ in n.choice.scored[:1 if fixed else None]]
    return out


def _context(named: list[Named], own: str) -> GeoContext:
    """The countries and regions of the text's other names (each name counted once)."""
    ctx = GeoContext()
    seen = {own}
    for n in named:
        if n.choice is None or n.text in seen:
            continue
        seen.add(n.text)
        place = n.within or n.choice.place
        scored = n.choice.scored
        sure = len(scored) == 1 or scored[0][0] - scored[1][0] >= 1.0 or n.within is not None
        ctx.add(place, 1.0 if sure else 0.5)
        if n.within is not None:
            ctx.add(n.choice.place, 1.0)
    return ctx


def _plausible(place: GazPlace, named: list[Named]) -> bool:
    """Whether a name the NER took for a person or organisation is likely this place."""
    if place.kind in {"country", "region", "county", "continent", "landmark"} or place.population >= REPAIR_POPULATION:
        return True
    regions = {(n.choice.place.country, n.choice.place.admin1) for n in named
               if n.choice is not None and not n.repaired and n.choice.place.kind != "country"}
    return place.region in regions


def _run(doc: Doc, r: Resources) -> list[PlaceInfo]:
    return find_places(doc, doc._.parley_mentions, r.gazetteer, r.lexicons)


# the spaCy component of find_places(): what it reads from the Doc and where it stores its result
Language.factory("parley_places", default_config={"kb": None},
                 requires=["doc._.parley_mentions"],
                 assigns=[doc_attribute("parley_places")],
                 func=component("parley_places", _run))
