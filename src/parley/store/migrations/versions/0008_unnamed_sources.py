"""Columns for the contract's ``unnamed_source`` and ``unresolved_speaker`` fields:

- ``actors.unnamed``: the actor is a generic source no article names ("witnesses",
  "officials"); listings leave such actors out unless asked;
- ``appearances.unnamed_source``: the same, as the article gave it;
- ``statements.unresolved_speaker``: the pronoun naming a speaker no rule resolved.

All nullable: rows written before this revision read back as named and resolved.

It also repairs placeholders: an actor an earlier article stored only because a fact named it
(name = id, kind ``other``) gets the knowledge base's name, kind and country when it knows the id.
The downgrade drops them with ALTER TABLE ... DROP COLUMN (SQLite 3.35 or later).

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

COLUMNS = (('actors', 'unnamed', sa.Boolean), ('appearances', 'unnamed_source', sa.Boolean),
           ('statements', 'unresolved_speaker', sa.Text))


def upgrade() -> None:
    for table, name, kind in COLUMNS:
        op.add_column(table, sa.Column(name, kind, nullable=True))
    _repair_placeholders(op.get_bind())


def _repair_placeholders(conn) -> None:
    from parley.errors import KnowledgeBaseError
    from parley.knowledge.kb import load_kb

    ids = conn.execute(sa.text("SELECT id FROM actors WHERE name = id AND kind = 'other'")).scalars().all()
    if not ids:
        return
    try:
        kb = load_kb()
    except KnowledgeBaseError:
        return
    known = [a for a in map(kb.get, ids) if a is not None]
    if known:
        conn.execute(sa.text("UPDATE actors SET name = :name, kind = :kind, country = :country WHERE id = :id"),
                     [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country} for a in known])


def downgrade() -> None:
    for table, name, _ in reversed(COLUMNS):
        op.drop_column(table, name)
