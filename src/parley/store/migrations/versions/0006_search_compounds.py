"""Hyphenated words for search: ``search_compounds`` holds each hyphenated word of the stored
texts once, joined ("ceasefire") and as its parts ("cease fire"), so that a search for the
joined spelling also finds the hyphenated one ("ceasefire" finds "cease-fire"), stems included
("ceasefires" finds "cease-fire").

SQLite: an FTS5 table (porter stemmer, like ``search_index``), matched on ``joined``;
PostgreSQL: a table keyed by ``joined``, matched through the English configuration. Filled here
from the texts already stored and by every later write; rows are never removed (one whose
article is gone only adds a phrase that matches nothing).

Revision ID: 0006
Revises: 0005
"""
from alembic import op
from sqlalchemy import text

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    from parley.store.fulltext import add_compounds, compounds

    conn = op.get_bind()
    if conn.dialect.name == 'sqlite':
        op.execute("CREATE VIRTUAL TABLE search_compounds USING fts5("
                   "joined, parts UNINDEXED, tokenize='porter unicode61')")
        texts = text("SELECT body FROM search_index WHERE kind = 'article'")
    else:
        op.execute("CREATE TABLE search_compounds (joined TEXT PRIMARY KEY, parts TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_search_compounds_stem ON search_compounds "
                   "USING GIN (to_tsvector('english', joined))")
        texts = text("SELECT text FROM articles")
    found: dict[str, str] = {}
    for (body,) in conn.execute(texts).all():
        found.update(compounds(body))
    add_compounds(conn, found)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_compounds")
