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
from parley.nlp.components import Resources, component, doc_attribute
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

    def add(self, start: int, end: int, text: str, literal: bool) -> None:
        """One more mention of the place."""
        self.mentions.append((start, end, text))
        self.literal.append(literal)

    def to_model(self, chunk: Chunk) -> Place:
        """The contract's Place (coordinates from the gazetteer), mentions at article offsets."""
        mentions = tuple(Mention(chunk.text(s, e), *chunk.chars(s, e)) for s, e, _ in self.mentions)
        g = self.place
        if g is None:
            return Place(self.name, self.country, None, None, None, None, mentions,
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
    _add_sites(doc, mentions, [n for n in named if n.choice is not None and str(n.choice.place.id or n.choice.place.name)
                                in out], out, words)
    return sorted(out.values(), key=lambda p: p.mentions[0][0])


def _add_sites(doc: Doc, mentions: list[MentionInfo], located: list[Named], out: dict[str, PlaceInfo],
               words: WordLists) -> None:
    """Site nouns ("the camp", "a checkpoint"): a definite town or region noun refers back to
    the last place of that kind named before it ("Mosul ... the city"); any other site is a
    place of its own, a site without coordinates."""
    for m in mentions:
        if m.label != "NOM_SITE":
            continue
        span = doc[m.start:m.end]
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


def _unlisted_place(doc: Doc, n: Named, words: WordLists) -> bool:
    """Whether a name the gazetteer lacks is still a place: the text puts it in a region
    ("Ayn Issa, Syria"), uses it after a locative preposition ("fighting in X"), or its first
    or last word says what sort of place it is ("Elm Street", "Lake Erie")."""
    last = doc[n.end - 1]
    if not any(t.is_title or t.is_upper for t in doc[n.start:n.end]) or last.lower_ in words.direction_words:
        return False
    first = doc[n.start]
    return (n.within is not None or n.located or last.lower_.rstrip(".") in words.place_heads
            or (n.end - n.start > 1 and first.lower_ in words.place_heads))


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
