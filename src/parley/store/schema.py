"""SQLAlchemy Core tables of the Parley store (the migrations create them; this is their shape)."""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, MetaData, String,
                        Table, Text, UniqueConstraint)

metadata = MetaData()

_CASCADE = {"ondelete": "CASCADE"}


def _article_fk() -> Column:
    return Column("article_id", String(32), ForeignKey("articles.id", **_CASCADE), nullable=False, index=True)


def _actor_fk(name: str, nullable: bool = True, index: bool = True) -> Column:
    """``index=False`` where a composite index of migration 0003 starts with the column."""
    return Column(name, String(200), ForeignKey("actors.id"), nullable=nullable, index=index)


def _span() -> list[Column]:
    return [Column("start", Integer, nullable=False), Column("end", Integer, nullable=False)]


def _sort_date() -> Column:
    """The article's ``published`` copied onto a fact ('' when undated; migration 0003), so that
    lists filter and order by date from the fact table's own indexes, without a join."""
    return Column("sort_date", String(32), nullable=False, default="", server_default="")


def _claimed_evidence() -> list[Column]:
    """The last columns of a demand or conditional: who claims it, its evidence and where."""
    return [_actor_fk("claimed_by"), Column("evidence", Text, nullable=False), *_span(), _sort_date()]


articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("published", String(32), index=True),
    Column("language", String(8)),
    Column("pipeline", String(200), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("warnings", JSON),  # the analysis' warnings (a list of strings; NULL when none: migration 0005)
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(40), nullable=False, index=True),
    Column("country", String(8), index=True),
    Column("affiliation", String(200)),
    Column("first_seen", String(32)),
    Column("last_seen", String(32)),
    # Kept up to date by every write (migration 0003): the actor list sorts on them.
    Column("mention_count", Integer, nullable=False, default=0, server_default="0"),
    Column("article_count", Integer, nullable=False, default=0, server_default="0"),
    Column("unnamed", Boolean),  # a generic source no article names ("witnesses"; migration 0008)
)

aliases = Table(
    "aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor_id", String(200), ForeignKey("actors.id", **_CASCADE), nullable=False, index=True),
    Column("alias", Text, nullable=False),
    Column("alias_key", String(400), nullable=False, index=True),
    UniqueConstraint("alias_key", "actor_id", name="uq_aliases_key_actor"),
)

# One row per actor per article: the role it had there (for `parley actor`) and first/last seen.
appearances = Table(
    "appearances", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    _actor_fk("actor_id", nullable=False, index=False),
    Column("role", Text),
    Column("unnamed_source", Boolean),  # the article's Actor.unnamed_source (migration 0008)
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    _actor_fk("actor_id", nullable=False),
    *_span(),
    Column("text", Text, nullable=False),
    Column("alias_key", String(400), nullable=False, index=True),
)

statements = Table(
    "statements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    _actor_fk("speaker", nullable=False, index=False),
    Column("cue", String(100)),
    Column("content", Text, nullable=False),
    *_span(),
    _sort_date(),
    Column("direct", Boolean, nullable=False, default=False),
    Column("source_start", Integer), Column("source_end", Integer),
    Column("cue_start", Integer), Column("cue_end", Integer),
    Column("role", Text),
    Column("unresolved_speaker", Text),  # the pronoun of a speaker no rule resolved (migration 0008)
)

relations = Table(
    "relations", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    _actor_fk("source", nullable=False, index=False),
    Column("type", String(40), nullable=False),
    _actor_fk("target", nullable=False, index=False),
    _actor_fk("claimed_by"),
    Column("negated", Boolean, nullable=False, default=False),
    Column("modality", String(20), nullable=False, default="asserted"),
    Column("cue", String(100)),
    Column("evidence", Text, nullable=False),
    *_span(),
    _sort_date(),
    # The stance_edges row of a non-negated relation (NULL when negated): a date range's graph
    # groups by this integer (migration 0003).
    Column("edge_id", Integer),
)

demands = Table(
    "demands", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("status", String(20), nullable=False, index=True),
    Column("condition_for", Text),
    *_claimed_evidence(),
)

# Who makes a demand (side 'by') and of whom (side 'of').
demand_parties = Table(
    "demand_parties", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("demand_id", Integer, ForeignKey("demands.id", **_CASCADE), nullable=False, index=True),
    Column("side", String(4), nullable=False),
    _actor_fk("actor_id", nullable=False),
)

demand_items = Table(
    "demand_items", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("demand_id", Integer, ForeignKey("demands.id", **_CASCADE), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("item", Text, nullable=False),
    Column("start", Integer), Column("end", Integer),  # where the item stands in the text (migration 0005)
)

conditionals = Table(
    "conditionals", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    _actor_fk("actor"),
    Column("if_text", Text, nullable=False),
    Column("then_text", Text, nullable=False),
    Column("cue", String(100)),
    *_claimed_evidence(),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("place_key", String(400), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("country", String(8)),
    Column("lat", Float), Column("lon", Float),
    Column("geonames_id", Integer),
    Column("kind", String(40)),
    Column("feature", String(20)),
)

place_mentions = Table(
    "place_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("place_id", Integer, ForeignKey("places.id", **_CASCADE), nullable=False, index=True),
    *_span(),
    Column("text", Text, nullable=False),
    Column("literal", Boolean),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _article_fk(),
    Column("type", String(40), nullable=False, index=True),
    Column("mode", String(40)),
    _actor_fk("source"),
    _actor_fk("target"),
    Column("place", Text),
    Column("date", String(32)),
    Column("evidence", Text, nullable=False),
    *_span(),
    _sort_date(),
)

# The stance network over all time: one row per (source, target, type) of non-negated relations,
# kept by every write, delete, merge and split (migration 0003), so that the whole graph is read
# strongest first without aggregating every relation.
stance_edges = Table(
    "stance_edges", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("target", String(200), nullable=False),
    Column("type", String(40), nullable=False),
    Column("source_kind", String(40), nullable=False),  # the actors' kinds, for the graph's kind filter
    Column("target_kind", String(40), nullable=False),
    Column("weight", Integer, nullable=False),
    Column("first", String(32)),
    Column("last", String(32)),
    UniqueConstraint("source", "target", "type", name="uq_stance_edges_key"),
)

# Analyst corrections, replayed on every later ingest: kind 'merge' maps from_id -> to_id;
# kind 'split' sends mentions of alias_key found on from_id to to_id.
merges = Table(
    "merges", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("from_id", String(200), nullable=False, index=True),
    Column("to_id", String(200), nullable=False),
    Column("alias_key", String(400)),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Migration 0002: the actor list's counts and the lookup by name, from the index alone.
Index("ix_mentions_actor_article", mentions.c.actor_id, mentions.c.article_id)
Index("ix_mentions_alias_actor", mentions.c.alias_key, mentions.c.actor_id, mentions.c.id)
# Migration 0003: lists ordered by date (then article and position) read their index in order
# and stop at the page; the graph aggregates stances from one covering index.
Index("ix_actors_mention_count", actors.c.mention_count.desc(), actors.c.id)
Index("ix_appearances_actor_role", appearances.c.actor_id, appearances.c.role)
Index("ix_stance_edges_weight", stance_edges.c.weight.desc(), stance_edges.c.source, stance_edges.c.target,
      stance_edges.c.type)
Index("ix_stance_edges_kinds", stance_edges.c.source_kind, stance_edges.c.target_kind, stance_edges.c.weight.desc())
DATED_TABLES = (statements, relations, demands, conditionals, events)
for _table in DATED_TABLES:
    Index(f"ix_{_table.name}_date", _table.c.sort_date, _table.c.article_id, _table.c.start, _table.c.id)
for _table, _column in ((statements, "speaker"), (relations, "source"), (relations, "target"),
                        (relations, "type")):
    Index(f"ix_{_table.name}_{_column}_date", _table.c[_column], _table.c.sort_date, _table.c.article_id,
          _table.c.start, _table.c.id)
Index("ix_relations_pair", relations.c.source, relations.c.target)
Index("ix_relations_edge", relations.c.edge_id, relations.c.sort_date, relations.c.article_id, relations.c.start,
      relations.c.id)
Index("ix_relations_stance_date", relations.c.negated, relations.c.sort_date, relations.c.edge_id)

FACT_TABLES = ("mentions", "appearances", "statements", "relations", "demands", "conditionals",
               "place_mentions", "events")
