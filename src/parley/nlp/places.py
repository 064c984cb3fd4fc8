"""Places: gazetteer-backed mentions used as locations, grouped by place."""
from __future__ import annotations

from dataclasses import dataclass, field

from parley.knowledge.gazetteer import GazPlace
from parley.nlp.mentions import MentionInfo, is_locative


@dataclass
class PlaceInfo:
    place: GazPlace | None
    name: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)


def find_places(doc, mentions: list[MentionInfo]) -> list[PlaceInfo]:
    """Places mentioned as locations: cities, districts, and countries used locatively."""
    out: dict[str, PlaceInfo] = {}
    for m in mentions:
        if m.place is None and m.agent:
            continue
        if m.agent and not (m.place and m.place.kind == "country" and is_locative(m.span(doc))):
            continue
        key = m.place.name if m.place else m.text
        info = out.setdefault(key, PlaceInfo(m.place, key))
        info.mentions.append((m.start_char, m.end_char, m.text))
    return list(out.values())
