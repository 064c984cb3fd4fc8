"""The Store: one object over a SQLite or PostgreSQL database holding analysed articles."""
from __future__ import annotations

import functools
from typing import Iterator

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from parley.models import Analysis, content_hash
from parley.store import browse, corrections, export, fulltext, negotiation, queries, voices
from parley.store import schema as t
from parley.store.engine import WRITE, StoreError, make_engine, migrate
from parley.store.writer import delete_article, write_analysis

DEFAULT_URL = "sqlite:///parley.db"


def open_store(url: str = DEFAULT_URL) -> "Store":
    """Open (creating and migrating as needed) the store at ``url``.

    Args:
        url: ``sqlite:///FILE`` or ``postgresql+psycopg://user@host/db``.

    Raises:
        StoreError: the database cannot be reached or migrated.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise StoreError(f"cannot open {_safe(url)}: {str(exc.orig).strip().splitlines()[0]}") from None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot migrate {_safe(url)}: {str(exc).splitlines()[0]}") from None
    return Store(engine)


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def _reading(fn):
    """A Store method calling ``fn`` on a connection of its own with the method's arguments."""
    @functools.wraps(fn)
    def read(self, *args, **kwargs):
        with self.engine.connect() as conn:
            return fn(conn, *args, **kwargs)
    return read


class Store:
    """Analysed articles and what they say, with the queries the CLI and API need."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def has_article(self, hash_or_id: str) -> bool:
        """Whether an article with this content hash (full sha256 hex) or article id is stored."""
        col = t.articles.c.content_hash if len(hash_or_id) == 64 else t.articles.c.id
        with self.engine.connect() as conn:
            return conn.execute(select(t.articles.c.id).where(col == hash_or_id)).first() is not None

    def add_analysis(self, analysis: Analysis) -> bool:
        """Store one article and its facts in one transaction.

        Returns:
            True if stored; False if an article with the same text is already there.
        """
        digest = content_hash(analysis.article.text)
        try:
            with self._writer.begin() as conn:
                if conn.execute(select(t.articles.c.id).where(t.articles.c.content_hash == digest)).first():
                    return False
                write_analysis(conn, analysis)
        except IntegrityError as exc:
            if self.has_article(digest):  # a concurrent writer got there first
                return False
            raise StoreError(f"cannot store article {analysis.article.id}: {str(exc.orig).splitlines()[0]}") \
                from None
        return True

    def replace_analysis(self, analysis: Analysis) -> None:
        """Delete the article's stored facts and write the new analysis, in one transaction."""
        with self._writer.begin() as conn:
            delete_article(conn, analysis.article.id)
            write_analysis(conn, analysis)

    def stale_articles(self, pipeline: str) -> Iterator[dict]:
        """Stored articles analysed by another pipeline than ``pipeline`` (text and metadata)."""
        A = t.articles
        with self.engine.connect() as conn:
            ids = list(conn.execute(select(A.c.id).where(A.c.pipeline != pipeline).order_by(A.c.id)).scalars())
        for article_id in ids:
            with self.engine.connect() as conn:
                row = conn.execute(select(A.c.id, A.c.text, A.c.title, A.c.url, A.c.source, A.c.published)
                                   .where(A.c.id == article_id)).first()
            if row is not None:
                yield dict(row._mapping)

    def merge(self, keep: str, drop: str) -> tuple[str, str]:
        """Merge actor ``drop`` into ``keep`` (now and in later ingests); returns both ids."""
        with self._writer.begin() as conn:
            return corrections.merge(conn, keep, drop)

    def split(self, alias: str, source: str) -> str:
        """Split ``alias`` off actor ``source`` into a new actor (now and later); returns its id."""
        with self._writer.begin() as conn:
            return corrections.split(conn, alias, source)

    # -- reading: each list is a Page (items, total); limit=None, the default, gives every row --
    articles = _reading(queries.articles)
    actors = _reading(queries.actors)
    statements = _reading(queries.statements)
    relations = _reading(queries.relations)
    demands = _reading(queries.demands)
    conditionals = _reading(queries.conditionals)
    events = _reading(queries.events)
    places = _reading(queries.places)
    search = _reading(fulltext.search)
    article = _reading(browse.article)
    actor = _reading(browse.actor)
    actor_profile = _reading(browse.actor_profile)
    actor_names = _reading(queries.actor_names)
    find_actor = _reading(voices.find_actor)
    suggest_actors = _reading(voices.suggest)
    role_history = _reading(browse.role_history)
    timeline = _reading(browse.timeline)
    demand_summary = _reading(browse.demand_summary)
    place = _reading(browse.place)
    graph = _reading(browse.graph)
    overview = _reading(browse.overview)
    stats = _reading(browse.stats)
    edges = _reading(export.edges)
    network = _reading(export.network)
    positions = _reading(negotiation.positions)
    position = _reading(negotiation.position)
    shifts = _reading(negotiation.shifts)
    negotiation = _reading(negotiation.negotiation)

    def export_analyses(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            yield from export.analyses(conn)
