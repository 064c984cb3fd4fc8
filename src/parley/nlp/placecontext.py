"""Which readings of a text's place names fit together: the candidates of different names
that lie near each other.

A local story names places near each other: "Paris" next to "Henry County" is the Paris
inside that county (Tennessee), not the capital of France, and "Henry County" is the county
around that Paris. For every candidate of a name, the other names of the text that have a
candidate near it (within :data:`NEARBY_KM`) are counted; the
gazetteer adds a bonus per such name (:attr:`parley.knowledge.gazetteer.GeoContext.nearby`).
"""
from __future__ import annotations

from parley.knowledge.gazetteer import GazPlace, fold, km

NEARBY_KM = 60   # candidates of two names this close are one local reading
MARGIN = 4.0      # a candidate supports others only if it scores at most this much below its name's best
_LOCAL = {"city", "county", "landmark"}   # (a region the text names is already its context)


def nearby_support(readings: dict[str, list[tuple[float, GazPlace]]]) -> dict[str, dict[int, float]]:
    """For each name, the number of other names that have a plausible candidate near each of
    its candidates.

    Args:
        readings: name -> its scored candidates, best first (each name once).

    Returns:
        name -> {candidate place id: number of other names with a candidate near it}.
    """
    local = {name: [p for s, p in cands if p.kind in _LOCAL and p.lat is not None and s >= cands[0][0] - MARGIN]
             for name, cands in readings.items() if cands}
    keys = {name: f" {fold(name)} " for name in local}
    out: dict[str, dict[int, float]] = {}
    for name, cands in readings.items():
        cands = [p for _, p in cands if p.kind in _LOCAL and p.lat is not None]
        if len(cands) < 2:
            continue
        support: dict[int, float] = {}
        for other, others in local.items():
            if keys[other] in keys[name] or keys[name] in keys[other] or not others:
                continue   # the same name, or one is part of the other ("Mexico", "Mexico City")
            for c in cands:
                if any(_fits(c, d) for d in others):
                    support[c.id] = support.get(c.id, 0.0) + 1.0
        if support:
            out[name] = support
    return out


def _fits(c: GazPlace, d: GazPlace) -> bool:
    """Whether two candidates of different names make one local reading: near each other."""
    return c.id != d.id and km(c, d) <= NEARBY_KM
