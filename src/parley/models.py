"""Frozen dataclasses for everything Parley extracts; ``Analysis.to_dict()`` is the contract.

These classes are the only definition of the ``parley.analysis/1`` contract: the closed sets
are the ``Literal`` types below, each field's docstring is its description, and the
``Annotated`` constraints are those of the JSON Schema. The API's response model, the shipped
JSON Schema (``python -m parley.schema``) and the store's exports are derived from them.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import ConfigDict, Field, WithJsonSchema, computed_field, with_config

SchemaId = Literal["parley.analysis/1"]
ActorKind = Literal["state", "government", "armed_group", "person", "organization", "party",
                    "international_org", "other"]
RelationType = Literal["supports", "opposes", "rejects", "accuses", "mediates", "threatens", "negotiates_with",
                       "calls_on"]
Modality = Literal["asserted", "hypothetical", "conditional", "future"]
DemandStatus = Literal["stated", "reiterated", "rejected", "accepted", "met"]
PlaceFeature = Literal["continent", "country", "region", "city", "landmark", "site"]

SCHEMA: str = get_args(SchemaId)[0]
ACTOR_KINDS: tuple[str, ...] = get_args(ActorKind)
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)
MODALITIES: tuple[str, ...] = get_args(Modality)
DEMAND_STATUSES: tuple[str, ...] = get_args(DemandStatus)

# Constraints that the JSON Schema states and pydantic derives from the annotations.
Offset = Annotated[int, Field(ge=0)]
ActorId = Annotated[str, Field(min_length=1)]
Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
Day = Annotated[str, WithJsonSchema({"type": "string", "format": "date"})]
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]

# Every field is emitted by to_dict(), so the serialization schema marks them all required.
_contract = with_config(ConfigDict(use_attribute_docstrings=True, json_schema_serialization_defaults_required=True))


def content_hash(text: str) -> str:
    """The SHA-256 of the stored text, in hex: what the store keeps to find duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """The contract's article id: the first 16 hex digits of :func:`content_hash`."""
    return content_hash(text)[:16]


@_contract
@dataclass(frozen=True)
class Span:
    """A character span into the article text."""

    start: Offset
    """Index of the first character."""
    end: Offset
    """Index one past the last character."""

    def to_dict(self) -> dict[str, int]:
        """The span as ``{"start": ..., "end": ...}``."""
        return {"start": self.start, "end": self.end}


@_contract
@dataclass(frozen=True)
class Article:
    """The text as Parley stores it, with its metadata."""

    text: Annotated[str, Field(exclude=True)]
    """The stored text that every offset indexes (not part of the contract JSON)."""
    id: Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]
    """sha256 of the stored text (UTF-8), first 16 hex digits."""
    title: str | None = None
    """The headline, or null."""
    published: Day | None = None
    """Publication date (YYYY-MM-DD), or null."""
    source: str | None = None
    """File name (as given) or URL."""
    language: Annotated[str, Field(min_length=2)] = "en"
    """Language code of the text."""
    pipeline: str = ""
    """Parley version + model name/version."""
    url: str | None = None
    """The URL the text was fetched from, or null."""

    @computed_field
    @property
    def length(self) -> Offset:
        """Length of the stored text in characters."""
        return len(self.text)


@_contract
@dataclass(frozen=True)
class Mention:
    """Where an actor or a place is named in the text."""

    text: Annotated[str, Field(min_length=1)]
    """The words as they stand: text[start:end]."""
    start: Offset
    """Index of the first character."""
    end: Offset
    """Index one past the last character."""


@_contract
@dataclass(frozen=True)
class Actor:
    """A state, group or person that the article names, with all its mentions."""

    id: ActorId
    """Stable id within one store, e.g. 'gna', 'russia' or 'person:andrei-fedorov'."""
    name: Annotated[str, Field(min_length=1)]
    """Canonical name."""
    kind: ActorKind
    """What sort of actor it is."""
    country: Country | None = None
    """ISO 3166-1 alpha-2 code, or null."""
    affiliation: ActorId | None = None
    """Id of the actor this actor belongs to or speaks for, or null."""
    role: str | None = None
    """The actor's title here, e.g. Deputy Foreign Minister, or null."""
    mentions: tuple[Mention, ...] = ()
    """Every place in the text that names the actor."""
    unnamed_source: bool = False
    """A generic source the text does not name ("witnesses", "officials"), not a named actor."""


@_contract
@dataclass(frozen=True)
class Statement:
    """Something an actor is reported to have said."""

    speaker: ActorId
    """Id of the actor who said it."""
    cue: str
    """Lemma of the reporting verb or noun."""
    content: str
    """What was said, as it stands in the text: text[start:end]."""
    start: Offset
    """Index of the content's first character."""
    end: Offset
    """Index one past the content's last character."""
    direct: bool = False
    """A direct (quoted) statement."""
    source_span: Span | None = None
    """The words naming the speaker (a name, a title or a pronoun)."""
    cue_span: Span | None = None
    """The reporting words."""
    role: str | None = None
    """The speaker's title in this article, or null."""
    unresolved_speaker: str | None = None
    """The pronoun of a speaker no rule resolved ("we"; the speaker is then pronoun:we), or null."""


@_contract
@dataclass(frozen=True)
class Relation:
    """A stance of one actor towards another."""

    source: ActorId
    """Id of the actor who takes the stance."""
    type: RelationType
    """The stance."""
    target: ActorId
    """Id of the actor the stance is towards."""
    evidence: str
    """The sentence that states it: text[start:end]."""
    start: Offset
    """Index of the evidence's first character."""
    end: Offset
    """Index one past the evidence's last character."""
    claimed_by: ActorId | None = None
    """The speaker whose claim this is; null when the article itself asserts it."""
    negated: bool = False
    """The text says the stance does not hold."""
    modality: Modality = "asserted"
    """Whether the stance is asserted, hypothetical, conditional or future."""
    cue: str | None = None
    """Lemma of the word that signals the stance, or null."""


@_contract
@dataclass(frozen=True)
class Demand:
    """What some actors demand of others."""

    by: tuple[ActorId, ...]
    """Ids of the actors who make the demand."""
    of: tuple[ActorId, ...]
    """Ids of the actors it is made of."""
    items: tuple[str, ...]
    """One entry per demanded thing."""
    evidence: str
    """The sentence(s) stating the demand: text[start:end]."""
    start: Offset
    """Index of the evidence's first character."""
    end: Offset
    """Index one past the evidence's last character."""
    condition_for: str | None = None
    """What the demand is a precondition of, or null."""
    status: DemandStatus = "stated"
    """Where the demand stands."""
    claimed_by: ActorId | None = None
    """The speaker whose claim this is; null when the article itself asserts it."""
    item_spans: tuple[Span, ...] = ()
    """Where each of ``items`` stands in the text, in the same order."""


@_contract
@dataclass(frozen=True)
class Conditional:
    """A threat or promise: if something happens, an actor will do something."""

    actor: ActorId | None
    """The actor who sets the condition; null when none is identified."""
    if_: Annotated[str, Field(alias="if")]
    """The condition (``if`` in the JSON)."""
    then: str
    """The consequence."""
    evidence: str
    """The sentence stating it: text[start:end]."""
    start: Offset
    """Index of the evidence's first character."""
    end: Offset
    """Index one past the evidence's last character."""
    cue: str | None = None
    """The word that introduces the condition, or null."""
    claimed_by: ActorId | None = None
    """The speaker whose claim this is; null when the article itself asserts it."""

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON of the conditional (``if_`` written as ``if``)."""
        d = asdict(self)
        d["if"] = d.pop("if_")
        return d


@_contract
@dataclass(frozen=True)
class Place:
    """A place the article names, located by the gazetteer."""

    name: Annotated[str, Field(min_length=1)]
    """The gazetteer's name of the place."""
    country: Country | None
    """ISO 3166-1 alpha-2 code, or null."""
    lat: Latitude | None
    """Latitude in degrees, or null."""
    lon: Longitude | None
    """Longitude in degrees, or null."""
    geonames_id: int | None = None
    """GeoNames id, or null."""
    kind: str | None = None
    """What sort of place it is (e.g. city, country), or null."""
    mentions: tuple[Mention, ...] = ()
    """Every place in the text that names it."""
    feature: PlaceFeature | None = None
    """Continent, country, region, city (any town), landmark, or site ("the camp"); null if unknown."""
    literal: bool = True
    """Whether the text uses it as a location ("fighting in Tripoli"), not only as an actor ("Moscow said")."""


@_contract
@dataclass(frozen=True)
class Event:
    """A PLOVER event derived from the other facts."""

    type: Annotated[str, Field(pattern=r"^[A-Z_]+$")]
    """PLOVER event type, e.g. SUPPORT, REJECT, DEMAND, THREATEN, ACCUSE, CONSULT, AGREE, AID, FIGHT."""
    source: ActorId
    """Id of the acting actor."""
    evidence: str
    """The sentence it is derived from: text[start:end]."""
    start: Offset
    """Index of the evidence's first character."""
    end: Offset
    """Index one past the evidence's last character."""
    mode: str | None = None
    """PLOVER mode, or null."""
    target: ActorId | None = None
    """Id of the actor acted upon, or null."""
    place: str | None = None
    """Place name, or null."""
    date: Day | None = None
    """YYYY-MM-DD, or null."""


@_contract
@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article."""

    article: Article
    """The article and its metadata."""
    actors: tuple[Actor, ...] = ()
    """Every actor named, each once."""
    statements: tuple[Statement, ...] = ()
    """Who said what."""
    relations: tuple[Relation, ...] = ()
    """Who stands how towards whom."""
    demands: tuple[Demand, ...] = ()
    """Who demands what of whom."""
    conditionals: tuple[Conditional, ...] = ()
    """Threats and promises."""
    places: tuple[Place, ...] = ()
    """Every place named, each once."""
    events: tuple[Event, ...] = ()
    """PLOVER events derived from the facts above."""
    warnings: tuple[str, ...] = ()
    """Problems met while analysing this article (not part of the contract's core)."""

    @computed_field
    @property
    def schema(self) -> SchemaId:
        """The contract version."""
        return SCHEMA

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON (``parley.analysis/1``) as plain Python data."""
        art = self.article
        return {
            "schema": SCHEMA,
            "article": {
                "id": art.id, "title": art.title, "published": art.published,
                "source": art.source, "language": art.language, "pipeline": art.pipeline,
                "url": art.url, "length": art.length,
            },
            "actors": [asdict(a) for a in self.actors],
            "statements": [asdict(s) for s in self.statements],
            "relations": [asdict(r) for r in self.relations],
            "demands": [asdict(d) for d in self.demands],
            "conditionals": [c.to_dict() for c in self.conditionals],
            "places": [asdict(p) for p in self.places],
            "events": [asdict(e) for e in self.events],
            "warnings": list(self.warnings),
        }
