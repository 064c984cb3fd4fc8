"""Frozen dataclasses for everything Parley extracts; ``Analysis.to_dict()`` is the contract."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "parley.analysis/1"


def content_hash(text: str) -> str:
    """The SHA-256 of the stored text, in hex: what the store keeps to find duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    """The contract's article id: the first 16 hex digits of :func:`content_hash`."""
    return content_hash(text)[:16]


@dataclass(frozen=True)
class Span:
    """A character span into the article text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True)
class Article:
    """The text as Parley stores it, with its metadata."""

    text: str
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str = "en"
    pipeline: str = ""
    url: str | None = None


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Statement:
    speaker: str
    cue: str
    content: str
    start: int
    end: int
    direct: bool = False
    source_span: Span | None = None
    cue_span: Span | None = None
    role: str | None = None


@dataclass(frozen=True)
class Relation:
    source: str
    type: str
    target: str
    evidence: str
    start: int
    end: int
    claimed_by: str | None = None
    negated: bool = False
    modality: str = "asserted"
    cue: str | None = None


@dataclass(frozen=True)
class Demand:
    by: tuple[str, ...]
    of: tuple[str, ...]
    items: tuple[str, ...]
    evidence: str
    start: int
    end: int
    condition_for: str | None = None
    status: str = "stated"
    claimed_by: str | None = None
    item_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Conditional:
    actor: str | None
    if_: str
    then: str
    evidence: str
    start: int
    end: int
    cue: str | None = None
    claimed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["if"] = d.pop("if_")
        return d


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    kind: str | None = None
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Event:
    type: str
    source: str | None
    evidence: str
    start: int
    end: int
    mode: str | None = None
    target: str | None = None
    place: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    demands: tuple[Demand, ...] = ()
    conditionals: tuple[Conditional, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = field(default=())

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
                "url": art.url, "length": len(art.text),
            },
            "actors": [asdict(a) for a in self.actors],
            "statements": [_statement_dict(s) for s in self.statements],
            "relations": [asdict(r) for r in self.relations],
            "demands": [asdict(d) for d in self.demands],
            "conditionals": [c.to_dict() for c in self.conditionals],
            "places": [asdict(p) for p in self.places],
            "events": [asdict(e) for e in self.events],
            "warnings": list(self.warnings),
        }


def _statement_dict(st: Statement) -> dict[str, Any]:
    d = asdict(st)
    for key in ("source_span", "cue_span"):
        if d[key] is None:
            d[key] = None
    return d
