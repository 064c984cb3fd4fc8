"""Region reference points (tools/region_points.py): the land of a country is split among its
regions by nearest town, and a region sits at the middle of its land, not of its towns."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = next(p for p in Path(__file__).resolve().parents if (p / "tools" / "region_points.py").exists())
sys.path.insert(0, str(ROOT / "tools"))
import region_points  # noqa: E402

# an invented square country, 10 degrees a side, as a countryinfo entry would give its outline
SQUARE = {"geoJSON": {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
    "type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}}]}}


def test_land_cells_fill_the_outline():
    cells = region_points.land_cells(region_points.polygons(SQUARE), cell=1.0)
    assert len(cells) == 100
    assert min(cells) == (0.5, 0.5) and max(cells) == (9.5, 9.5)


def test_a_hole_in_the_outline_is_no_land():
    holed = {"geoJSON": {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
        "type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
                                           [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]]}}]}}
    cells = region_points.land_cells(region_points.polygons(holed), cell=1.0)
    assert len(cells) == 96 and (5.5, 5.5) not in cells


def test_a_region_whose_towns_crowd_its_south_sits_at_the_middle_of_its_land():
    # region 1 holds the southern half, its towns all near the southern edge; region 2 the north
    towns = [(0.5, x + 0.5, 1) for x in range(10)] + [(9.5, x + 0.5, 2) for x in range(10)]
    cells = region_points.land_cells(region_points.polygons(SQUARE), cell=0.5)
    centres = region_points.area_centres(cells, towns)
    south, north = centres[1], centres[2]
    assert south[0] == pytest.approx(2.5, abs=0.3) and north[0] == pytest.approx(7.5, abs=0.3)
    assert south[1] == pytest.approx(5.0, abs=0.3)


def test_a_region_of_a_few_cells_is_left_to_its_towns():
    towns = [(y + 0.5, x + 0.5, 1) for y in range(10) for x in range(10)] + [(0.2, 0.2, 2)]
    cells = region_points.land_cells(region_points.polygons(SQUARE), cell=0.5)
    centres = region_points.area_centres(cells, towns)
    assert 1 in centres and 2 not in centres     # region 2 gets only a corner cell


def test_distance_in_kilometres():
    assert region_points.km((0.0, 0.0), (1.0, 0.0)) == pytest.approx(111.2, abs=0.5)
