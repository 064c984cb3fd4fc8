"""PostgreSQL full-text search from stored vectors (SQLite's FTS5 table is unchanged).

``search_vector``, a stored generated column (PostgreSQL 12 or later) holding
``to_tsvector('english', ...)`` of articles.text and statements.content, with a GIN index on
each, replaces the GIN indexes on the expression: matching used those, but ranking re-parsed
the text of every match, so a common word took seconds on a large store. Ranking now reads
the stored vector, and snippets are made for the page's hits only.

Revision ID: 0004
Revises: 0003
"""
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

COLUMNS = (('articles', 'text'), ('statements', 'content'))


def upgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector "
                   f"GENERATED ALWAYS AS (to_tsvector('english', {column})) STORED")
        op.execute(f"CREATE INDEX ix_{table}_search_vector ON {table} USING GIN (search_vector)")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_{column}_fts")


def downgrade() -> None:
    if op.get_context().dialect.name != 'postgresql':
        return
    for table, column in COLUMNS:
        op.execute(f"CREATE INDEX ix_{table}_{column}_fts ON {table} USING GIN (to_tsvector('english', {column}))")
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_vector")
        op.execute(f"ALTER TABLE {table} DROP COLUMN search_vector")
