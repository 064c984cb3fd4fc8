"""Pydantic models of the HTTP API: request bodies and responses, nothing else uses them."""
from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

ActorKind = Literal["state", "government", "armed_group", "person", "organization", "party",
                    "international_org", "other"]
RelationType = Literal["supports", "opposes", "rejects", "accuses", "mediates", "threatens", "negotiates_with",
                       "calls_on"]
DemandStatus = Literal["stated", "reiterated", "rejected", "accepted", "met"]


class Model(BaseModel):
    model_config = ConfigDict(populate_by_name=True)


class Page(Model, Generic[T]):
    """One page of a list: ``items`` from ``offset``, and how many match in all."""

    items: list[T]
    total: int


class Error(Model):
    error: str = Field(description="short code, e.g. not_found, invalid_request, payload_too_large")
    message: str = Field(description="what went wrong, in one line")


# -- store rows -----------------------------------------------------------------------------
class Spanned(Model):
    article_id: str
    published: str | None = None
    start: int
    end: int


class ArticleSummary(Model):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    length: int
    statements: int = 0
    opening: str = Field("", description="the first 200 characters of the text")


class ActorSummary(Model):
    id: str
    name: str
    kind: str
    country: str | None = None
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


class RelationRow(Spanned):
    id: int
    source: str
    source_name: str
    type: str
    target: str
    target_name: str
    claimed_by: str | None = None
    negated: bool
    modality: str
    evidence: str


class DemandRow(Spanned):
    id: int
    status: str
    condition_for: str | None = None
    claimed_by: str | None = None
    evidence: str
    by: list[str]
    of: list[str]
    items: list[str]


class ConditionalRow(Spanned):
    id: int
    actor: str | None = None
    actor_name: str | None = None
    if_text: str
    then_text: str
    cue: str | None = None
    claimed_by: str | None = None
    evidence: str


class EventRow(Spanned):
    id: int
    type: str
    mode: str | None = None
    source: str | None = None
    source_name: str | None = None
    target: str | None = None
    target_name: str | None = None
    place: str | None = None
    date: str | None = None
    evidence: str


class PlaceRow(Model):
    id: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    mentions: int = 0
    articles: int = 0


class PlaceMention(Spanned):
    id: int
    title: str | None = None
    source: str | None = None
    opening: str = ""
    text: str


class PlaceDetail(Model):
    id: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
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
    actor_kind: str
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


class ArticleDetail(Model):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
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


class EdgeEvidence(Spanned):
    id: int
    claimed_by: str | None = None
    modality: str
    evidence: str


class GraphNode(Model):
    id: str
    name: str
    kind: str
    country: str | None = None
    weight: int = Field(description="evidence count of the node's edges")


class GraphEdge(Model):
    id: str = Field(description="source|type|target")
    source: str
    target: str
    type: str
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


# -- POST /analyze: the analysis contract (parley.analysis/1) ----------------------------------
class AnalyzeRequest(Model):
    text: str = Field(min_length=1, description="the article text; every offset in the answer indexes it")
    published: dt.date | None = Field(None, description="publication date, for time-dependent knowledge")
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=2000, description="file name or URL, echoed back")


class SpanC(Model):
    start: int
    end: int


class MentionC(Model):
    text: str
    start: int
    end: int


class ArticleC(Model):
    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    language: str
    pipeline: str
    url: str | None = None
    length: int


class ActorC(Model):
    id: str
    name: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None
    mentions: list[MentionC]


class StatementC(Model):
    speaker: str
    cue: str | None = None
    content: str
    start: int
    end: int
    direct: bool
    source_span: SpanC | None = None
    cue_span: SpanC | None = None
    role: str | None = None


class RelationC(Model):
    source: str
    type: str
    target: str
    evidence: str
    start: int
    end: int
    claimed_by: str | None = None
    negated: bool
    modality: str
    cue: str | None = None


class DemandC(Model):
    by: list[str]
    of: list[str]
    items: list[str]
    evidence: str
    start: int
    end: int
    condition_for: str | None = None
    status: str
    claimed_by: str | None = None


class ConditionalC(Model):
    actor: str | None = None
    if_: str = Field(alias="if")
    then: str
    evidence: str
    start: int
    end: int
    cue: str | None = None
    claimed_by: str | None = None


class PlaceC(Model):
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    mentions: list[MentionC]


class EventC(Model):
    type: str
    source: str | None = None
    evidence: str
    start: int
    end: int
    mode: str | None = None
    target: str | None = None
    place: str | None = None
    date: str | None = None


class AnalysisC(Model):
    """One article's analysis in the ``parley.analysis/1`` contract."""

    schema_: Literal["parley.analysis/1"] = Field(alias="schema")
    article: ArticleC
    actors: list[ActorC]
    statements: list[StatementC]
    relations: list[RelationC]
    demands: list[DemandC]
    conditionals: list[ConditionalC]
    places: list[PlaceC]
    events: list[EventC]
    warnings: list[str]
