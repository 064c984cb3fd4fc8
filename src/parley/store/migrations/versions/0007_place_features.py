"""Columns for the place fields of the contract that the store did not keep:

- ``places.feature``: the feature class (continent, country, region, city or landmark);
- ``place_mentions.literal``: whether the article uses the place as a location (the same for
  every mention of the place in that article).

Both are nullable: rows written before this revision read back as no feature and literal.
The downgrade drops them with ALTER TABLE ... DROP COLUMN (SQLite 3.35 or later).

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

COLUMNS = (('places', 'feature', sa.String(20)), ('place_mentions', 'literal', sa.Boolean))


def upgrade() -> None:
    for table, name, kind in COLUMNS:
        op.add_column(table, sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    for table, name, _ in reversed(COLUMNS):
        op.drop_column(table, name)
