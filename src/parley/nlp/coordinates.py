"""Places given by their coordinates: "33°47′N 44°30′E", "33.783°N 44.500°E", "33.783; 44.500".

Encyclopaedia pages and military releases often give a site's position instead of (or beside)
its name, usually in several notations at once. Each notation is read to decimal degrees, and
notations of one point (within a kilometre or two: the rounding of minutes) are mentions of one
place. The place is named by its first notation and put in the country of the nearest town of
the gazetteer.

Notations read: degrees, minutes and seconds with hemispheres (the minute and second marks
straight or typographic); decimal degrees with hemispheres; and the signed decimal pair of the
geographic microformat, separated by a semicolon ("33.783; 44.500", at least two decimals each),
when it follows a notation with hemispheres (as pages print the same point three ways). A bare pair
of numbers is too ambiguous (figures, scores) and is not read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley.knowledge.gazetteer import distance_km

_MIN = "[′'’]"
_SEC = "(?:″|\"|”|′′|'')"
_DMS = (rf"(\d{{1,3}}(?:\.\d+)?)\s?°\s?(?:(\d{{1,2}}(?:\.\d+)?)\s?{_MIN}\s?)?(?:(\d{{1,2}}(?:\.\d+)?)\s?{_SEC}\s?)?")
# one axis in degrees (minutes, seconds) and a hemisphere; then the other axis
_HEMI_PAIR = re.compile(rf"(?<![\w.]){_DMS}([NS])\b[,;]?\s{{0,2}}{_DMS}([EW])\b")
# the microformat's signed decimal pair
_DECIMAL_PAIR = re.compile(r"(?<![\w.°-])(-?\d{1,2}\.\d{2,})\s?;\s?(-?\d{1,3}\.\d{2,})(?![\w.°])")

# how far after a notation with hemispheres the decimal pair may come
_MICROFORMAT_GAP = 60

# notations of one point differ by the rounding of their minutes (1′ is about 1.85 km)
SAME_POINT_KM = 2.5


@dataclass
class Point:
    """A position the text gives, with every notation of it (character offsets)."""

    lat: float
    lon: float
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The first notation, as written."""
        return self.mentions[0][2]


def _degrees(deg: str, minutes: str | None, seconds: str | None, hemisphere: str) -> float:
    value = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
    return -value if hemisphere in "SW" else value


def _valid(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180 and (lat, lon) != (0.0, 0.0)


def read_coordinates(text: str) -> list[tuple[int, int, float, float]]:
    """Every coordinate notation in ``text``: (start, end, latitude, longitude), in text order."""
    if "°" not in text and ";" not in text:
        return []
    found = []
    for m in _HEMI_PAIR.finditer(text):
        g = m.groups()
        if g[1] is None and g[2] is not None or g[5] is None and g[6] is not None:
            continue   # seconds without minutes: not a notation
        lat, lon = _degrees(g[0], g[1], g[2], g[3]), _degrees(g[4], g[5], g[6], g[7])
        if _valid(lat, lon) and (g[1] is None or float(g[1]) < 60) and (g[5] is None or float(g[5]) < 60):
            found.append((m.start(), m.end(), lat, lon))
    for m in _DECIMAL_PAIR.finditer(text):
        lat, lon = float(m.group(1)), float(m.group(2))
        after = any(0 <= m.start() - e <= _MICROFORMAT_GAP for _, e, _, _ in found)
        if after and _valid(lat, lon) and not any(s < m.end() and m.start() < e for s, e, _, _ in found):
            found.append((m.start(), m.end(), lat, lon))
    return sorted(found)


def find_points(text: str) -> list[Point]:
    """The positions ``text`` gives, notations of one point merged, in order of first notation."""
    points: list[Point] = []
    for start, end, lat, lon in read_coordinates(text):
        words = text[start:end].rstrip(" ,;")
        same = next((p for p in points if distance_km(p.lat, p.lon, lat, lon) <= SAME_POINT_KM), None)
        if same is None:
            same = Point(lat, lon)
            points.append(same)
        same.mentions.append((start, start + len(words), words))
    return points
