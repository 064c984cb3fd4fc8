"""Columns for the parts of the analysis contract that the store did not keep, so that an
export rebuilds each analysis whole (``Analysis.to_dict()``):

- ``articles.warnings``: the analysis' warnings, a JSON list of strings (NULL when none);
- ``demand_items.start`` and ``demand_items.end``: where each demanded item stands in the text
  (the demand's ``item_spans``).

All are nullable: rows written before this revision read back as no warnings and no item
spans. The downgrade drops them with ALTER TABLE ... DROP COLUMN (SQLite 3.35 or later), which
leaves the tables in place instead of copying them.

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = (('articles', 'warnings', sa.JSON), ('demand_items', 'start', sa.Integer),
           ('demand_items', 'end', sa.Integer))


def upgrade() -> None:
    for table, name, kind in COLUMNS:
        op.add_column(table, sa.Column(name, kind(), nullable=True))


def downgrade() -> None:
    for table, name, _ in reversed(COLUMNS):
        op.drop_column(table, name)
