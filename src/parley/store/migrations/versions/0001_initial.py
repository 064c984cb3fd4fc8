"""Initial schema: articles, actors and their facts, analyst merges, full-text search.

Revision ID: 0001
Revises: 
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('affiliation', sa.String(length=200), nullable=True),
    sa.Column('first_seen', sa.String(length=32), nullable=True),
    sa.Column('last_seen', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_actors_country'), 'actors', ['country'], unique=False)
    op.create_index(op.f('ix_actors_kind'), 'actors', ['kind'], unique=False)
    op.create_table('articles',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=32), nullable=True),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('pipeline', sa.String(length=200), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index(op.f('ix_articles_published'), 'articles', ['published'], unique=False)
    op.create_table('merges',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('from_id', sa.String(length=200), nullable=False),
    sa.Column('to_id', sa.String(length=200), nullable=False),
    sa.Column('alias_key', sa.String(length=400), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_merges_from_id'), 'merges', ['from_id'], unique=False)
    op.create_table('places',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('place_key', sa.String(length=400), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geonames_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=40), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('place_key')
    )
    op.create_table('aliases',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.Text(), nullable=False),
    sa.Column('alias_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('alias_key', 'actor_id', name='uq_aliases_key_actor')
    )
    op.create_index(op.f('ix_aliases_actor_id'), 'aliases', ['actor_id'], unique=False)
    op.create_index(op.f('ix_aliases_alias_key'), 'aliases', ['alias_key'], unique=False)
    op.create_table('appearances',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_appearances_actor_id'), 'appearances', ['actor_id'], unique=False)
    op.create_index(op.f('ix_appearances_article_id'), 'appearances', ['article_id'], unique=False)
    op.create_table('conditionals',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('if_text', sa.Text(), nullable=False),
    sa.Column('then_text', sa.Text(), nullable=False),
    sa.Column('cue', sa.String(length=100), nullable=True),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_conditionals_actor'), 'conditionals', ['actor'], unique=False)
    op.create_index(op.f('ix_conditionals_article_id'), 'conditionals', ['article_id'], unique=False)
    op.create_index(op.f('ix_conditionals_claimed_by'), 'conditionals', ['claimed_by'], unique=False)
    op.create_table('demands',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('condition_for', sa.Text(), nullable=True),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_demands_article_id'), 'demands', ['article_id'], unique=False)
    op.create_index(op.f('ix_demands_claimed_by'), 'demands', ['claimed_by'], unique=False)
    op.create_index(op.f('ix_demands_status'), 'demands', ['status'], unique=False)
    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('mode', sa.String(length=40), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('target', sa.String(length=200), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['target'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_events_article_id'), 'events', ['article_id'], unique=False)
    op.create_index(op.f('ix_events_source'), 'events', ['source'], unique=False)
    op.create_index(op.f('ix_events_target'), 'events', ['target'], unique=False)
    op.create_index(op.f('ix_events_type'), 'events', ['type'], unique=False)
    op.create_table('mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('alias_key', sa.String(length=400), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_mentions_actor_id'), 'mentions', ['actor_id'], unique=False)
    op.create_index(op.f('ix_mentions_alias_key'), 'mentions', ['alias_key'], unique=False)
    op.create_index(op.f('ix_mentions_article_id'), 'mentions', ['article_id'], unique=False)
    op.create_table('place_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('place_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_place_mentions_article_id'), 'place_mentions', ['article_id'], unique=False)
    op.create_index(op.f('ix_place_mentions_place_id'), 'place_mentions', ['place_id'], unique=False)
    op.create_table('relations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('claimed_by', sa.String(length=200), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('modality', sa.String(length=20), nullable=False),
    sa.Column('cue', sa.String(length=100), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['claimed_by'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['source'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['target'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_relations_article_id'), 'relations', ['article_id'], unique=False)
    op.create_index(op.f('ix_relations_claimed_by'), 'relations', ['claimed_by'], unique=False)
    op.create_index('ix_relations_pair', 'relations', ['source', 'target'], unique=False)
    op.create_index(op.f('ix_relations_source'), 'relations', ['source'], unique=False)
    op.create_index(op.f('ix_relations_target'), 'relations', ['target'], unique=False)
    op.create_index(op.f('ix_relations_type'), 'relations', ['type'], unique=False)
    op.create_table('statements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('speaker', sa.String(length=200), nullable=False),
    sa.Column('cue', sa.String(length=100), nullable=True),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('direct', sa.Boolean(), nullable=False),
    sa.Column('source_start', sa.Integer(), nullable=True),
    sa.Column('source_end', sa.Integer(), nullable=True),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('role', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_statements_article_id'), 'statements', ['article_id'], unique=False)
    op.create_index(op.f('ix_statements_speaker'), 'statements', ['speaker'], unique=False)
    op.create_table('demand_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('demand_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('item', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['demand_id'], ['demands.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_demand_items_demand_id'), 'demand_items', ['demand_id'], unique=False)
    op.create_table('demand_parties',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('demand_id', sa.Integer(), nullable=False),
    sa.Column('side', sa.String(length=4), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['demand_id'], ['demands.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_demand_parties_actor_id'), 'demand_parties', ['actor_id'], unique=False)
    op.create_index(op.f('ix_demand_parties_demand_id'), 'demand_parties', ['demand_id'], unique=False)
    _create_search()


def downgrade() -> None:
    _drop_search()
    op.drop_index(op.f('ix_demand_parties_demand_id'), table_name='demand_parties')
    op.drop_index(op.f('ix_demand_parties_actor_id'), table_name='demand_parties')
    op.drop_table('demand_parties')
    op.drop_index(op.f('ix_demand_items_demand_id'), table_name='demand_items')
    op.drop_table('demand_items')
    op.drop_index(op.f('ix_statements_speaker'), table_name='statements')
    op.drop_index(op.f('ix_statements_article_id'), table_name='statements')
    op.drop_table('statements')
    op.drop_index(op.f('ix_relations_type'), table_name='relations')
    op.drop_index(op.f('ix_relations_target'), table_name='relations')
    op.drop_index(op.f('ix_relations_source'), table_name='relations')
    op.drop_index('ix_relations_pair', table_name='relations')
    op.drop_index(op.f('ix_relations_claimed_by'), table_name='relations')
    op.drop_index(op.f('ix_relations_article_id'), table_name='relations')
    op.drop_table('relations')
    op.drop_index(op.f('ix_place_mentions_place_id'), table_name='place_mentions')
    op.drop_index(op.f('ix_place_mentions_article_id'), table_name='place_mentions')
    op.drop_table('place_mentions')
    op.drop_index(op.f('ix_mentions_article_id'), table_name='mentions')
    op.drop_index(op.f('ix_mentions_alias_key'), table_name='mentions')
    op.drop_index(op.f('ix_mentions_actor_id'), table_name='mentions')
    op.drop_table('mentions')
    op.drop_index(op.f('ix_events_type'), table_name='events')
    op.drop_index(op.f('ix_events_target'), table_name='events')
    op.drop_index(op.f('ix_events_source'), table_name='events')
    op.drop_index(op.f('ix_events_article_id'), table_name='events')
    op.drop_table('events')
    op.drop_index(op.f('ix_demands_status'), table_name='demands')
    op.drop_index(op.f('ix_demands_claimed_by'), table_name='demands')
    op.drop_index(op.f('ix_demands_article_id'), table_name='demands')
    op.drop_table('demands')
    op.drop_index(op.f('ix_conditionals_claimed_by'), table_name='conditionals')
    op.drop_index(op.f('ix_conditionals_article_id'), table_name='conditionals')
    op.drop_index(op.f('ix_conditionals_actor'), table_name='conditionals')
    op.drop_table('conditionals')
    op.drop_index(op.f('ix_appearances_article_id'), table_name='appearances')
    op.drop_index(op.f('ix_appearances_actor_id'), table_name='appearances')
    op.drop_table('appearances')
    op.drop_index(op.f('ix_aliases_alias_key'), table_name='aliases')
    op.drop_index(op.f('ix_aliases_actor_id'), table_name='aliases')
    op.drop_table('aliases')
    op.drop_table('places')
    op.drop_index(op.f('ix_merges_from_id'), table_name='merges')
    op.drop_table('merges')
    op.drop_index(op.f('ix_articles_published'), table_name='articles')
    op.drop_table('articles')
    op.drop_index(op.f('ix_actors_kind'), table_name='actors')
    op.drop_index(op.f('ix_actors_country'), table_name='actors')
    op.drop_table('actors')


def _create_search() -> None:
    """SQLite: an FTS5 table over article text and statement content, emptied by a trigger when
    an article goes; PostgreSQL: GIN indexes on to_tsvector of the same columns."""
    if op.get_context().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5("
                   "body, kind UNINDEXED, ref UNINDEXED, article_id UNINDEXED, tokenize='porter unicode61')")
        op.execute("CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN "
                   "DELETE FROM search_index WHERE article_id = old.id; END")
    else:
        op.execute("CREATE INDEX ix_articles_text_fts ON articles "
                   "USING GIN (to_tsvector('english', text))")
        op.execute("CREATE INDEX ix_statements_content_fts ON statements "
                   "USING GIN (to_tsvector('english', content))")


def _drop_search() -> None:
    if op.get_context().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS articles_search_delete")
        op.execute("DROP TABLE IF EXISTS search_index")
    else:
        op.execute("DROP INDEX IF EXISTS ix_statements_content_fts")
        op.execute("DROP INDEX IF EXISTS ix_articles_text_fts")
