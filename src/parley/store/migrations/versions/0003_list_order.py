"""Denormalized sort keys and counters so that list pages and the graph stay fast on large stores
(measured with bench/queries.py at 100,000 articles).

- ``sort_date`` on statements, relations, demands, conditionals and events: the article's
  ``published`` ('' when undated), filled in here from the articles and by every later write.
  Lists filter and order on it from the fact table's own index (date, article, position) and
  stop at the page, instead of joining every row to its article and sorting them all.
- ``mention_count`` and ``article_count`` on actors, kept by every write, merge and split: the
  actor list reads them in index order instead of counting a million mentions per page.
- ``stance_edges``: the stance network over all time, one row per (source, target, type) of
  non-negated relations with its weight, first/last date and its two actors' kinds, kept by
  every write: the whole graph (or the part between some kinds of actors) is read strongest
  first from an index instead of aggregating every relation. Each non-negated relation holds
  its edge's id (``edge_id``), so a date range's graph groups by one integer.
- Indexes: per dated table (sort_date, article_id, start, id); statements by speaker and relations
  by source, target and type, each followed by the same date key; relations (edge_id,
  sort_date, article_id, start, id), from which the graph reads each listed edge's first,
  last and newest evidence without reading other rows; relations (negated,
  sort_date, edge_id), from which a date range's graph is aggregated; appearances (actor_id,
  role), from which an actor's roles are read without its role-less rows. The 0001 indexes
  on appearances.actor_id, statements.speaker and relations.source/target/type go: the
  composite ones above start with the same column and serve the same lookups.
  On PostgreSQL ``sort_date`` compares bytewise (COLLATE "C"), as SQLite does.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

DATED = ('statements', 'relations', 'demands', 'conditionals', 'events')
KEYED = (('statements', 'speaker'), ('relations', 'source'), ('relations', 'target'), ('relations', 'type'))
# Indexes of 0001 that the composite ones below start with: dropped, they only slowed writes.
REDUNDANT = (('appearances', 'ix_appearances_actor_id'), ('statements', 'ix_statements_speaker'),
             ('relations', 'ix_relations_source'), ('relations', 'ix_relations_target'),
             ('relations', 'ix_relations_type'))


def upgrade() -> None:
    postgres = op.get_context().dialect.name == 'postgresql'
    sort_type = sa.String(length=32, collation='C') if postgres else sa.String(length=32)
    for table in DATED:
        op.add_column(table, sa.Column('sort_date', sort_type, nullable=False, server_default=''))
        if postgres:
            op.execute(f"UPDATE {table} AS f SET sort_date = a.published FROM articles AS a "
                       f"WHERE a.id = f.article_id AND a.published IS NOT NULL")
        else:
            op.execute(f"UPDATE {table} SET sort_date = (SELECT a.published FROM articles AS a "
                       f"WHERE a.id = {table}.article_id) WHERE article_id IN "
                       f"(SELECT id FROM articles WHERE published IS NOT NULL)")
    for column in ('mention_count', 'article_count'):
        op.add_column('actors', sa.Column(column, sa.Integer(), nullable=False, server_default='0'))
    op.execute("UPDATE actors SET mention_count = (SELECT count(*) FROM mentions AS m WHERE m.actor_id = actors.id), "
               "article_count = (SELECT count(DISTINCT m.article_id) FROM mentions AS m "
               "WHERE m.actor_id = actors.id)")
    op.create_table('stance_edges',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('target', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('source_kind', sa.String(length=40), nullable=False),
    sa.Column('target_kind', sa.String(length=40), nullable=False),
    sa.Column('weight', sa.Integer(), nullable=False),
    sa.Column('first', sa.String(length=32), nullable=True),
    sa.Column('last', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'target', 'type', name='uq_stance_edges_key')
    )
    op.execute("INSERT INTO stance_edges (source, target, type, source_kind, target_kind, weight, first, last) "
               "SELECT r.source, r.target, r.type, min(s.kind), min(t.kind), count(*), min(nullif(r.sort_date, '')), "
               "max(nullif(r.sort_date, '')) FROM relations AS r JOIN actors AS s ON s.id = r.source "
               "JOIN actors AS t ON t.id = r.target WHERE r.negated = false GROUP BY r.source, r.target, r.type")
    op.add_column('relations', sa.Column('edge_id', sa.Integer(), nullable=True))
    if postgres:
        op.execute("UPDATE relations AS r SET edge_id = e.id FROM stance_edges AS e "
                   "WHERE e.source = r.source AND e.target = r.target AND e.type = r.type AND r.negated = false")
    else:
        op.execute("UPDATE relations SET edge_id = (SELECT e.id FROM stance_edges AS e WHERE e.source = "
                   "relations.source AND e.target = relations.target AND e.type = relations.type) "
                   "WHERE negated = false")
    op.create_index('ix_stance_edges_weight', 'stance_edges', [sa.text('weight DESC'), 'source', 'target', 'type'],
                    unique=False)
    op.create_index('ix_stance_edges_kinds', 'stance_edges', ['source_kind', 'target_kind', sa.text('weight DESC')],
                    unique=False)
    op.create_index('ix_actors_mention_count', 'actors', [sa.text('mention_count DESC'), 'id'], unique=False)
    op.create_index('ix_appearances_actor_role', 'appearances', ['actor_id', 'role'], unique=False)
    for table in DATED:
        op.create_index(f'ix_{table}_date', table, ['sort_date', 'article_id', 'start', 'id'], unique=False)
    for table, column in KEYED:
        op.create_index(f'ix_{table}_{column}_date', table, [column, 'sort_date', 'article_id', 'start', 'id'],
                        unique=False)
    op.create_index('ix_relations_edge', 'relations', ['edge_id', 'sort_date', 'article_id', 'start', 'id'],
                    unique=False)
    op.create_index('ix_relations_stance_date', 'relations', ['negated', 'sort_date', 'edge_id'], unique=False)
    for table, name in REDUNDANT:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    op.create_index('ix_appearances_actor_id', 'appearances', ['actor_id'], unique=False)
    op.drop_index('ix_appearances_actor_role', table_name='appearances')
    op.create_index('ix_statements_speaker', 'statements', ['speaker'], unique=False)
    for column in ('source', 'target', 'type'):
        op.create_index(f'ix_relations_{column}', 'relations', [column], unique=False)
    op.drop_index('ix_relations_stance_date', table_name='relations')
    op.drop_index('ix_relations_edge', table_name='relations')
    for table, column in KEYED:
        op.drop_index(f'ix_{table}_{column}_date', table_name=table)
    for table in DATED:
        op.drop_index(f'ix_{table}_date', table_name=table)
    op.drop_index('ix_actors_mention_count', table_name='actors')
    op.drop_index('ix_stance_edges_kinds', table_name='stance_edges')
    op.drop_index('ix_stance_edges_weight', table_name='stance_edges')
    op.drop_table('stance_edges')
    with op.batch_alter_table('relations') as batch:
        batch.drop_column('edge_id')
    with op.batch_alter_table('actors') as batch:
        batch.drop_column('article_count')
        batch.drop_column('mention_count')
    for table in DATED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('sort_date')
