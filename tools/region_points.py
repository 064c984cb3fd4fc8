"""Reference points of first-level regions: the area centre of the land each region covers.

GeoNames puts a state or province at about the middle of its area ("Ontario" near Lake
Nipigon, not among the towns of the south). The sources name no region outlines, only which
region each populated place lies in, and each country's outline (countryinfo's ``geoJSON``).
So the country's land is cut into cells of ``CELL`` degrees, each cell goes to the region of
the nearest populated place, and a region's point is the mean of its cells: the empty north
of a province counts as much as its crowded south. A small region (a few cells) is left to
the caller, who places it by its towns, and so is one whose area centre lies near the centre
of its towns (:data:`APART_KM`).
"""
from __future__ import annotations

import ast
import math
from collections import defaultdict

from parley.knowledge.gazetteer import distance_km

CELL = 0.5       # degrees: cell size of the land grid
MIN_CELLS = 10   # a region covering fewer cells is too small for the grid to place it
# the outlines are coarse: the area centre is worth taking only where it lies this far from the
# centre of the region's towns
APART_KM = 100
_REACH = 40      # degrees: search no further for a cell's nearest place


def polygons(entry: dict) -> list[list[tuple[float, float]]]:
    """The rings (outer rings and holes, as lon/lat pairs) of a countryinfo entry's outline."""
    shapes = entry.get("geoJSON")
    shapes = ast.literal_eval(shapes) if isinstance(shapes, str) else shapes
    rings = []
    for feature in (shapes or {}).get("features", []):
        geom = feature["geometry"]
        for poly in geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]:
            rings.extend([(float(pt[0]), float(pt[1])) for pt in ring] for ring in poly)
    return rings


def land_cells(rings: list[list[tuple[float, float]]], cell: float = CELL) -> list[tuple[float, float]]:
    """Centres (lat, lon) of the grid cells inside the rings (even-odd rule, one scanline a row)."""
    edges = [(x1, y1, x2, y2) for ring in rings for (x1, y1), (x2, y2) in zip(ring, ring[1:])]
    if not edges:
        return []
    low, high = min(min(e[1], e[3]) for e in edges), max(max(e[1], e[3]) for e in edges)
    out = []
    y = math.floor(low / cell) * cell + cell / 2
    while y < high:
        xs = sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1) for x1, y1, x2, y2 in edges if (y1 <= y) != (y2 <= y))
        for a, b in zip(xs[::2], xs[1::2]):
            x = math.ceil((a - cell / 2) / cell) * cell + cell / 2
            while x < b:
                out.append((y, x))
                x += cell
        y += cell
    return out


def area_centres(cells: list[tuple[float, float]], places: list[tuple[float, float, int]]) -> dict[int, tuple[float, float]]:
    """Each region's point: the mean of the cells whose nearest place lies in it.

    Args:
        cells: the country's land cells (lat, lon).
        places: its populated places as (lat, lon, region key).

    Returns:
        region key -> (lat, lon), for the regions that got at least ``MIN_CELLS`` cells.
    """
    buckets: dict[tuple[int, int], list[tuple[float, float, int]]] = defaultdict(list)
    for p in places:
        buckets[(math.floor(p[0]), math.floor(p[1]))].append(p)
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for lat, lon in cells:
        region = _nearest(buckets, lat, lon)
        if region is not None:
            s = sums[region]
            s[0], s[1], s[2] = s[0] + lat, s[1] + lon, s[2] + 1
    return {r: (s[0] / s[2], s[1] / s[2]) for r, s in sums.items() if s[2] >= MIN_CELLS}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points, in kilometres."""
    return distance_km(a[0], a[1], b[0], b[1])


def _nearest(buckets: dict, lat: float, lon: float) -> int | None:
    """The region of the place nearest to (lat, lon), searching rings of 1-degree buckets."""
    bi, bj, best = math.floor(lat), math.floor(lon), None
    scale = math.cos(math.radians(lat))
    for r in range(_REACH):
        for i in range(bi - r, bi + r + 1):
            for j in range(bj - r, bj + r + 1):
                if max(abs(i - bi), abs(j - bj)) != r:
                    continue
                for p in buckets.get((i, j), ()):
                    d = (p[0] - lat) ** 2 + ((p[1] - lon) * scale) ** 2
                    if best is None or d < best[0]:
                        best = (d, p[2])
        if best is not None and math.sqrt(best[0]) < r * scale:
            break   # no place in a farther ring can be nearer
    return None if best is None else best[1]
