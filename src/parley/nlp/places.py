"""Places: gazetteer-backed mentions used as locations, grouped by place."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from parley.knowledge.gazetteer import GazPlace
from parley.models import Mention, Place
from parley.nlp.components import Resources, component, doc_attribute
from parley.nlp.facts import Chunk
from parley.nlp.mentions import MentionInfo


@dataclass
class PlaceInfo:
    place: GazPlace | None
    name: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)

    def to_model(self, chunk: Chunk) -> Place:
        """The contract's Place (coordinates from the gazetteer), mentions at article offsets."""
        mentions = tuple(Mention(chunk.text(s, e), *chunk.chars(s, e)) for s, e, _ in self.mentions)
        g = self.place
        if g is None:
            return Place(self.name, None, None, None, None, None, mentions)
        return Place(g.name, g.country, g.lat, g.lon, g.geonames_id, g.kind, mentions)


def find_places(doc: Doc, mentions: list[MentionInfo]) -> list[PlaceInfo]:
    """Places mentioned as locations: cities, districts, and countries used locatively.

    Args:
        doc: the Doc the mentions are of.
        mentions: its mentions (:func:`parley.nlp.mentions.find_mentions`).

    Returns:
        One PlaceInfo a place, with its mentions, in order of first mention.
    """
    out: dict[str, PlaceInfo] = {}
    for m in mentions:
        if m.place is None and m.agent:
            continue
        if m.agent and not (m.place and m.place.kind == "country" and m.locative):
            continue
        key = m.place.name if m.place else m.text
        info = out.setdefault(key, PlaceInfo(m.place, key))
        info.mentions.append((m.start_char, m.end_char, m.text))
    return list(out.values())


def _run(doc: Doc, r: Resources) -> list[PlaceInfo]:
    return find_places(doc, doc._.parley_mentions)


# the spaCy component of find_places(): what it reads from the Doc and where it stores its result
Language.factory("parley_places", default_config={"kb": None},
                 requires=["doc._.parley_mentions"],
                 assigns=[doc_attribute("parley_places")],
                 func=component("parley_places", _run))
