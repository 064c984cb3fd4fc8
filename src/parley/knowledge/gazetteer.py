"""An offline world gazetteer: continents, countries, regions, counties, towns and landmarks.

The index (``data/gazetteer.sqlite``) is built from GeoNames-derived PyPI packages by
``tools/build_gazetteer.py`` and opened read-only on first use, so start-up costs nothing.
Names are looked up by an exact key (case, accents and punctuation folded) and, for places
whose names are romanised from another script, by the transliteration key of
``translit.name_key``, so "Jafra" finds the Al-Jufra district.

A name with several candidates is resolved by :meth:`Gazetteer.resolve`: population and
feature class are the prior ("Texas" is the state, not a hamlet), the article's context
moves it (a region or country named after a comma, "Long Beach, CA"; the countries and
regions of the other places of the text; the other names of the text that have a reading near
a candidate, :attr:`GeoContext.nearby`; the kind of the places listed with it, "Oregon, Nevada
and Wyoming"). A city named like its region ("Hama") is put just above that region, not above
the other places of its name.
"""
from __future__ import annotations

import functools
import math
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

# alternate names that are ordinary English words or titles; never read them as places
_STOP = {"the", "of", "can", "police", "mobile", "hope", "deal", "sale", "union", "march", "may", "nice",
         "reading", "bath", "split", "most", "ede", "university", "center", "centre", "center city",
         "victoria", "liberty", "independence", "unity", "progress", "concord", "accord", "president",
         "minister", "government", "state", "republic", "city", "district", "region", "province",
         "military", "army", "forces", "security", "council", "court", "congress", "parliament",
         "house", "senate", "home", "north", "south", "east", "west", "central", "gulf", "bay", "lake",
         "river", "county", "village", "town", "island", "islands", "mount", "valley", "beach", "park",
         "street", "road", "airport", "station", "church", "school", "hospital", "office", "media",
         "news", "post", "times", "star", "sun", "globe", "herald", "tribune", "world", "earth", "ebola",
         "western", "eastern", "northern", "southern", "federal", "metro", "national", "capital", "first",
         "highway", "route", "avenue", "boulevard", "interstate", "exit"}
# apostrophes and the marks that transliterate ayn and hamza ("Tall ‘Afar", "Qaṣr ʿAmra")
_APOSTROPHES = ("\u2019", "\u2018", "\u02bf", "\u02be", "\u02bc", "`", "\u00b4")
# feature classes: the prior a class adds to a candidate (in powers of ten of population)
_CLASS_PRIOR = {"continent": 4.0, "country": 3.0, "region": 2.0, "landmark": 6.0, "county": 0.5, "city": 0.0}
_ROW = "p.id, p.name, p.country, p.admin1, p.feature, p.lat, p.lon, p.population, p.geonames_id"
_NEARBY_BONUS = 1.5   # per other name of the text (at most two) with a candidate near a candidate
_NEAR_KM = 400   # places listed together ("Sirte and Jafra") lie at most this far apart
# for a candidate of the one kind (region or country) of the places listed with it, and one
# more per place listed (at most three), as for the regions of the text
_LISTED_BONUS = 2.0
_AREA_KINDS = {"region", "country"}
MAIN, ALTERNATE, QUALIFIER = 0, 1, 2   # how a name names its place (the index's name.how)
INDEX = Path(str(resources.files("parley.knowledge") / "data" / "gazetteer.sqlite"))


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str            # continent | country | region | county | city | landmark
    population: int = 0
    admin1: str | None = None
    capital: bool = False
    id: int = field(default=0, compare=False)

    @property
    def region(self) -> tuple[str | None, str | None]:
        """(country, admin-1 code): the first-level region the place is in (or is)."""
        return self.country, self.admin1


@dataclass
class GeoContext:
    """What a text says about where it is: its countries and regions, each with a weight."""

    countries: dict[str, float] = field(default_factory=dict)
    regions: dict[tuple[str | None, str | None], float] = field(default_factory=dict)
    nearby: dict[int, float] = field(default_factory=dict)   # place id -> other names with a place near it

    def add(self, place: GazPlace, weight: float = 1.0) -> None:
        """Count ``place``'s country and region (a country counts only as a country)."""
        if place.country:
            self.countries[place.country] = self.countries.get(place.country, 0.0) + weight
        if place.kind in {"region", "county", "city", "landmark"} and place.admin1:
            self.regions[place.region] = self.regions.get(place.region, 0.0) + weight


@dataclass(frozen=True)
class Choice:
    """A resolved name: the chosen place and the scored candidates, best first."""

    place: GazPlace
    scored: tuple[tuple[float, GazPlace, str], ...]   # (score, candidate, why)


def fold(text: str) -> str:
    """Exact-lookup key: lowercase, no accents, hyphens and apostrophes as spaces, no dots,
    no leading article."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    for mark in _APOSTROPHES:
        t = t.replace(mark, "'")
    t = t.replace("-", " ").replace("'", " ").replace(".", "")
    t = " ".join(t.split())
    for art in ("the ", "al ", "el "):
        if t.startswith(art) and len(t) > len(art) + 2:
            t = t[len(art):]
    return t


class _Exact:
    """Mapping-like view of the exact-name index: ``get(key)`` -> places."""

    def __init__(self, gaz: Gazetteer):
        self._gaz = gaz

    def get(self, key: str, default=None) -> list[GazPlace]:
        """The places whose folded name is ``key``."""
        return [p for p, _ in self._gaz._query("name", key)] or (default if default is not None else [])


class Gazetteer:
    """Lookup of place names in the prebuilt index."""

    def __init__(self, path: Path = INDEX):
        self.path = path
        self.db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.exact = _Exact(self)
        self._query = functools.lru_cache(maxsize=65536)(self._query_uncached)
        self._middles: dict[str, tuple[float | None, float | None]] = {}

    def _query_uncached(self, table: str, key: str, qualifier: bool = False) -> tuple[tuple[GazPlace, int], ...]:
        how = "n.how" if table == "name" else str(ALTERNATE)
        extra = f" AND n.how < {QUALIFIER}" if table == "name" and not qualifier else ""
        rows = self.db.execute(f"SELECT {_ROW}, {how} FROM {table} n JOIN place p ON p.id = n.place "
                               f"WHERE n.key = ?{extra}", (key,)).fetchall()
        rows = [r if r[5] is not None or r[4] != "country" else r[:5] + self._middle(r[2]) + r[7:] for r in rows]
        hits = [(GazPlace(r[1], r[2], r[5], r[6], r[8], "city" if r[4] == "capital" else r[4], r[7] or 0,
                          r[3] or None, r[4] == "capital", r[0]), r[9]) for r in rows]
        hits.sort(key=lambda h: _prior(h[0], h[1]), reverse=True)
        return tuple(hits[:12])

    def _middle(self, country: str) -> tuple[float | None, float | None]:
        """The point of a country the index has none for: the middle of its towns."""
        if country not in self._middles:
            lat, lon = self.db.execute("SELECT avg(lat), avg(lon) FROM place WHERE country = ? AND lat IS NOT NULL "
                                       "AND feature IN ('city', 'capital')", (country,)).fetchone()
            self._middles[country] = (None, None) if lat is None else (round(lat, 4), round(lon, 4))
        return self._middles[country]

    def candidates(self, name: str, *, fuzzy: bool = True, qualifier: bool = False,
                   own: bool = False) -> list[GazPlace]:
        """Places ``name`` may denote, by prior: exact name, else the transliteration key.

        Args:
            name: the name as written.
            fuzzy: also try the transliteration key when no exact name matches.
            qualifier: also accept abbreviations valid only after a comma ("TX", "Ind.").
            own: only places whose own name (not an alternate one) this is.

        Returns:
            The candidates, most likely first (population and feature class).
        """
        return [p for p, how in self._hits(name, fuzzy=fuzzy, qualifier=qualifier) if how == MAIN or not own]

    def _hits(self, name: str, *, fuzzy: bool = True, qualifier: bool = False) -> tuple[tuple[GazPlace, int], ...]:
        key = fold(name)
        if key in _STOP or not any(ch.isupper() for ch in name):
            return ()
        if len(key) < 3 and not (name.replace(".", "").isupper() or (qualifier and "." in name)):
            return ()
        hits = self._query("name", key, qualifier)
        if not hits and fuzzy and len(key) >= 4:
            from parley.knowledge.translit import name_key

            nkey = name_key(name)
            # a variant spelling keeps the first sound of the place's own name
            hits = tuple(h for h in self._query("fuzzy", nkey) if name_key(h[0].name)[:1] == nkey[:1])
        return hits

    def country(self, code: str) -> GazPlace | None:
        """The country whose ISO 3166-1 alpha-2 code is ``code``."""
        return next((p for p, _ in self._query("name", fold(code), True) if p.kind == "country" and p.country == code),
                    None)

    def resolve(self, name: str, *, context: GeoContext | None = None, within: GazPlace | None = None,
                near: tuple[GazPlace, ...] = (), fuzzy: bool = True) -> Choice | None:
        """The place ``name`` denotes here, with every candidate's score and why.

        Args:
            name: the name as written.
            context: the countries and regions of the text.
            within: a region or country the text puts the place in ("Austin, Texas").
            near: the places listed together with it ("Sirte and Jafra"): the candidate
                nearest to them gains.
            fuzzy: also try the transliteration key.

        Returns:
            The choice, or None when the gazetteer has no candidate.
        """
        hits = self._hits(name, fuzzy=fuzzy)
        if not hits:
            return None
        scored = [_score(p, how, context, within) for p, how in hits]
        scored = _over_regions(scored, _seats(hits))
        scored = _nearest(scored, near)
        scored = _listed_kind(scored, near)
        scored = sorted(((s - i * 1e-6, p, why) for i, (s, p, why) in enumerate(scored)),
                        key=lambda x: x[0], reverse=True)
        return Choice(scored[0][1], tuple(scored))

    def lookup(self, name: str, *, fuzzy: bool = True, prefer: tuple[str, ...] = ()) -> GazPlace | None:
        """Best place for ``name``, favouring places in the countries ``prefer`` names."""
        context = GeoContext({c: 1.0 for c in prefer}) if prefer else None
        choice = self.resolve(name, context=context, fuzzy=fuzzy)
        return choice.place if choice else None


    def nearest(self, lat: float, lon: float, radius_km: float = 100.0) -> GazPlace | None:
        """The town of the index nearest to a point, if one lies within ``radius_km``."""
        dlat = radius_km / 111.0
        dlon = dlat / max(0.05, math.cos(math.radians(lat)))
        rows = self.db.execute(f"SELECT {_ROW} FROM place p WHERE p.feature IN ('city', 'capital') "
                               "AND p.lat BETWEEN ? AND ? AND p.lon BETWEEN ? AND ?",
                               (lat - dlat, lat + dlat, lon - dlon, lon + dlon)).fetchall()
        towns = [GazPlace(r[1], r[2], r[5], r[6], r[8], "city", r[7] or 0, r[3] or None, r[4] == "capital", r[0])
                 for r in rows]
        best = min(towns, key=lambda t: distance_km(lat, lon, t.lat, t.lon), default=None)
        return best if best is not None and distance_km(lat, lon, best.lat, best.lon) <= radius_km else None

def _seats(hits: tuple[tuple[GazPlace, int], ...]) -> dict[int, int]:
    """Cities named like the region they are the main town of ("Hama", "Idlib"), each with
    that region: the name means the city unless the text says the region."""
    regions = [p for p, _ in hits if p.kind in {"region", "county"}]
    return {p.id: r.id for p, _ in hits if p.kind == "city" for r in regions
            if r.region == p.region and fold(r.name) == fold(p.name) and p.population >= 0.25 * r.population}


def _over_regions(scored: list[tuple[float, GazPlace, str]], seats: dict[int, int]) -> list[tuple[float, GazPlace, str]]:
    """Put each seat just above the region it is named like: the seat wins over its region,
    not over the other places of its name ("Paris" in a text about Illinois)."""
    if not seats:
        return scored
    by_id = {p.id: s for s, p, _ in scored}
    return [(max(s, by_id.get(seats[p.id], s) + 0.5), p, why + ", seat of its region") if p.id in seats
            else (s, p, why) for s, p, why in scored]


def _nearest(scored: list[tuple[float, GazPlace, str]],
             near: tuple[GazPlace, ...]) -> list[tuple[float, GazPlace, str]]:
    """Raise the candidate nearest to the places listed with the name, when it lies within
    ``_NEAR_KM`` of one of them and the candidates are far apart."""
    located = [p for p in near if p.lat is not None]
    if len(scored) < 2 or not located:
        return scored
    dist = [min((km(p, q) for q in located), default=math.inf) if p.lat is not None else math.inf
            for _, p, _ in scored]
    best = min(range(len(scored)), key=dist.__getitem__)
    if dist[best] > _NEAR_KM or sorted(dist)[1] - dist[best] < 100:
        return scored
    s, p, why = scored[best]
    scored[best] = (s + 1.0, p, why + f", nearest to {located[0].name}")
    return scored


def _listed_kind(scored: list[tuple[float, GazPlace, str]],
                 near: tuple[GazPlace, ...]) -> list[tuple[float, GazPlace, str]]:
    """A name listed with regions only (or countries only) is most likely one too: in "Oregon,
    Nevada and Wyoming" Wyoming is the state, not the town of Wyoming, Michigan."""
    kinds = {p.kind for p in near}
    if len(scored) < 2 or len(kinds) != 1 or not kinds <= _AREA_KINDS:
        return scored
    kind, bonus = next(iter(kinds)), _LISTED_BONUS + min(len(near), 3)
    return [(s + bonus, p, why + ", listed with places of its kind") if p.kind == kind else (s, p, why)
            for s, p, why in scored]


def km(a: GazPlace, b: GazPlace) -> float:
    """Great-circle distance between two located places, in kilometres."""
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points (degrees), in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _prior(place: GazPlace, how: int = MAIN) -> float:
    """Population (powers of ten) and, for a place's own name or abbreviation, its feature
    class: an alternate name counts less ("Augusta" is Augusta, not Augsburg; "Moscow" the
    city, not the region), a capital more than a town."""
    own = how != ALTERNATE
    return (math.log10(place.population + 10) + (_CLASS_PRIOR.get(place.kind, 0.0) + 1.0 if own else 0.0)
            + (1.0 if place.capital else 0.0))


def _score(place: GazPlace, how: int, context: GeoContext | None,
           within: GazPlace | None) -> tuple[float, GazPlace, str]:
    score = _prior(place, how)
    why = [f"population {place.population:,}", "capital" if place.capital else place.kind]
    if how != MAIN:
        why.append("alternate name")
    if within is not None and place.id != within.id:
        if within.kind == "country" and place.country == within.country:
            score, why = score + 8, why + [f"in {within.name}"]
        elif within.kind in {"region", "county"} and place.region == within.region:
            score, why = score + 10, why + [f"in {within.name}"]
    if context is not None:
        weight = context.regions.get(place.region, 0.0) if place.kind != "country" else 0.0
        if weight:
            score, why = score + 2 + min(weight, 3), why + ["region of the text"]
        weight = context.countries.get(place.country or "", 0.0)
        if weight:
            score, why = score + 2.0 + min(weight, 3) / 2, why + ["country of the text"]
        weight = context.nearby.get(place.id, 0.0)
        if weight:
            score, why = score + _NEARBY_BONUS * min(weight, 2), why + ["near other places of the text"]
    return score, place, ", ".join(why)


@functools.lru_cache(maxsize=2)
def load_gazetteer(path: Path = INDEX) -> Gazetteer:
    """The built-in gazetteer (opened once per process)."""
    return Gazetteer(path)
