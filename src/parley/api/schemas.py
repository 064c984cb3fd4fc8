"""Pydantic models of the HTTP API: request bodies and store rows, nothing else uses them.

The analysis contract itself (``POST /analyze``) is answered with the dataclasses of
:mod:`parley.models`, and the closed sets (actor kinds, relation types, ...) come from there.
Rows that share fields share a base class, so that each field is declared once.
"""
from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from parley.ingest.clean import check_date
from parley.models import ActorKind, DemandStatus, Modality, RelationType

T = TypeVar("T")


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Page(Model, Generic[T]):
    """One page of a list: ``items`` from ``offset``, and how many match in all."""

    items: list[T]
    total: int


class Error(Model):
    error: str = Field(description="short code, e.g. not_found, invalid_request, payload_too_large")
    message: str = Field(description="what went wrong, in one line")
    suggestions: list[str] | None = Field(None, description="for an unknown actor: the names of the closest ones")


# -- store rows -----------------------------------------------------------------------------
class Spanned(Model):
    """A row that quotes an article: which one, its date, and where in its text."""

    article_id: str
    published: str | None = None
    start: int
    end: int


class Fact(Spanned):
    """A stored fact with the sentence that attests it."""

    id: int
    evidence: str


class Claimed(Fact):
    """A fact that may be a speaker's claim rather than the article's own."""

    claimed_by: str | None = None


class ArticleHead(Model):
    """What every article row shows: its id and metadata."""

    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None


class ArticleSummary(ArticleHead):
    length: int
    statements: int = 0
    opening: str = Field("", description="the first 200 characters of the text")


class ActorHead(Model):
    """What every actor row shows."""

    id: str
    name: str
    kind: ActorKind
    country: str | None = None


class ActorSummary(ActorHead):
    affiliation: str | None = None
    mentions: int = 0
    articles: int = 0
    first_seen: str | None = None
    last_seen: str | None = None


class StatementRow(Spanned):
    id: int
    speaker: str
    speaker_name: str
    role: str | None = None
    cue: str | None = None
    content: str
    direct: bool
    via: str | None = Field(None, description="the person through whom the row counts for the actor asked for "
                                              "(NULL: the actor's own)")


class EdgeEvidence(Claimed):
    modality: Modality


class RelationRow(EdgeEvidence):
    source: str
    source_name: str
    type: RelationType
    target: str
    target_name: str
    negated: bool
    via: str | None = Field(None, description="the person through whom the row counts for the actor asked for "
                                              "(NULL: the actor's own)")


class DemandRow(Claimed):
    status: DemandStatus
    condition_for: str | None = None
    by: list[str]
    of: list[str]
    items: list[str]
    via: str | None = Field(None, description="the person through whom the row counts for the actor asked for "
                                              "(NULL: the actor's own)")


class ConditionalRow(Claimed):
    actor: str | None = None
    actor_name: str | None = None
    if_text: str
    then_text: str
    cue: str | None = None
    via: str | None = Field(None, description="the person through whom the row counts for the actor asked for "
                                              "(NULL: the actor's own)")


class EventRow(Fact):
    type: str
    mode: str | None = None
    source: str | None = None
    source_name: str | None = None
    target: str | None = None
    target_name: str | None = None
    place: str | None = None
    date: str | None = None


class PlaceHead(Model):
    """What every place row shows: the gazetteer's record."""

    id: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    feature: str | None = None


class PlaceRow(PlaceHead):
    mentions: int = 0
    articles: int = 0


class PlaceMention(Spanned):
    id: int
    title: str | None = None
    source: str | None = None
    opening: str = ""
    text: str


class PlaceDetail(PlaceHead):
    mentions: list[PlaceMention]


class RoleRow(Model):
    id: int
    article_id: str
    published: str | None = None
    role: str


class ActorDetail(ActorSummary):
    aliases: list[str]
    roles: list[str]
    role_history: list[RoleRow]
    statements: Page[StatementRow]
    relations: Page[RelationRow]
    demands: Page[DemandRow]
    demands_received: Page[DemandRow]
    conditionals: Page[ConditionalRow]


class ActorMention(Model):
    id: int
    actor_id: str
    actor_name: str
    actor_kind: ActorKind
    text: str
    start: int
    end: int


class ArticleStatement(StatementRow):
    source_start: int | None = None
    source_end: int | None = None
    cue_start: int | None = None
    cue_end: int | None = None


class ArticlePlace(Model):
    id: int
    place_id: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    text: str
    start: int
    end: int


class ArticleDetail(ArticleHead):
    pipeline: str
    text: str
    mentions: list[ActorMention]
    statements: list[ArticleStatement]
    relations: list[RelationRow]
    demands: list[DemandRow]
    conditionals: list[ConditionalRow]
    events: list[EventRow]
    places: list[ArticlePlace]


class SearchHit(Model):
    id: str = Field(description="'article:<id>' or 'statement:<id>'")
    kind: Literal["article", "statement"]
    article_id: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    speaker: str | None = None
    speaker_name: str | None = None
    snippet: str = Field(description="text around the match; matched words in [brackets]")
    start: int | None = None
    end: int | None = None


class GraphNode(ActorHead):
    weight: int = Field(description="evidence count of the node's edges")
    side: int | None = Field(None, description="the group of actors that back one another it is in (numbered "
                                               "from 1, the largest first; null when on none)")


class GraphEdge(Model):
    id: str = Field(description="source|type|target")
    source: str
    target: str
    type: RelationType
    weight: int = Field(description="how many relations attest this stance")
    first: str | None = None
    last: str | None = None
    evidence: list[EdgeEvidence] = Field(description="the newest relations attesting it (up to `evidence`)")


class Graph(Model):
    nodes: list[GraphNode]
    edges: list[GraphEdge] = Field(description="the strongest stances, at most `limit` of them")
    truncated: bool = Field(description="whether stances beyond `limit` were left out")
    edges_total: int | None = Field(description="how many stance edges there are in all (null for a date "
                                                "range with more than `limit`: not counted)")


class Stats(Model):
    articles: int
    actors: int
    statements: int
    relations: int
    demands: int
    conditionals: int
    places: int
    events: int



# -- positions across articles ------------------------------------------------------------------
PositionKind = Literal["demand", "precondition", "threat"]
StepStatus = Literal["stated", "reiterated", "softened", "hardened", "rejected", "accepted", "met", "carried_out"]


class PositionStep(Model):
    """One piece of evidence of a position, and what it did to it."""

    date: str | None = None
    status: StepStatus
    actors: list[str] = Field(description="who stated it, or who answered it (rejected, accepted)")
    text: str = Field(description="the demanded thing or threatened consequence, as worded here")
    condition: str | None = Field(None, description="what it was a condition for, or the condition of a threat")
    article_id: str
    start: int
    end: int
    evidence: str


class PositionFlag(Model):
    """A contradiction or shift: a stance that turned, an answer reversed, a condition dropped,
    a threat carried out."""

    type: Literal["stance_shift", "reversal", "condition_dropped", "carried_out"]
    actors: list[str]
    target: str | None = Field(None, description="the actor a stance shift is towards")
    position: str | None = Field(None, description="the position it concerns (none for a stance shift)")
    date: str | None = None
    detail: str
    article_id: str
    start: int
    end: int


class PositionAnswer(Model):
    actor: str
    date: str | None = None


class Position(Model):
    """The same demand, precondition or threat made in one or more articles."""

    id: str = Field(description="stable while its first evidence stays stored")
    kind: PositionKind
    form: Literal["demand", "conditional"] = Field(description="whether it is stated as a demand or as "
                                                               "a conditional (if ..., then ...)")
    summary: str = Field(description="its latest wording by a holder")
    condition: str | None = None
    holders: list[str]
    of: list[str] = Field(description="the actors it is made of")
    status: StepStatus = Field(description="the status of its last step")
    first_seen: str | None = None
    last_seen: str | None = None
    articles: int
    rejected_by: list[PositionAnswer]
    accepted_by: list[PositionAnswer]
    flags: list[PositionFlag]
    history: list[PositionStep] = Field(description="every piece of evidence, oldest first")

# -- POST /analyze: text in, the analysis contract (parley.models.Analysis) out -----------------
class AnalyzeRequest(Model):
    text: str = Field(min_length=1, description="the article text; every offset in the answer indexes it")
    published: dt.date | None = Field(None, description="publication date, for time-dependent knowledge")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=2000, description="file name or URL, echoed back")

    _real_date = field_validator("published", mode="before")(check_date)  # as the CLI and JSONL readers
