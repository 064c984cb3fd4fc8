"""The Store: one object over a SQLite or PostgreSQL database holding analysed articles."""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from parley.models import Analysis, content_hash
from parley.store import browse, corrections, export, queries
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

    # -- reading ---------------------------------------------------------------------------
    def _read(self, fn, *args, **kwargs):
        with self.engine.connect() as conn:
            return fn(conn, *args, **kwargs)

    def actors(self, *, kind: str | None = None, country: str | None = None) -> list[dict]:
        return self._read(queries.actors, kind=kind, country=country)

    def actor(self, name_or_id: str) -> dict | None:
        return self._read(queries.actor, name_or_id)

    def statements(self, *, speaker: str | None = None, since: str | None = None, until: str | None = None,
                   search: str | None = None) -> list[dict]:
        return self._read(queries.statements, speaker=speaker, since=since, until=until, search=search)

    def relations(self, *, type: str | None = None, actor: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[dict]:
        return self._read(queries.relations, type=type, actor=actor, since=since, until=until)

    def demands(self, *, by: str | None = None, status: str | None = None, of: str | None = None) -> list[dict]:
        return self._read(queries.demands, by=by, status=status, of=of)

    def timeline(self, actor: str) -> list[dict]:
        return self._read(queries.timeline, actor)

    def search(self, words: str, *, limit: int = 50) -> list[dict]:
        return self._read(queries.search, words, limit=limit)

    def stats(self) -> dict[str, int]:
        return self._read(queries.stats)

    def edges(self) -> list[dict]:
        return self._read(export.edges)

    def network(self):
        return self._read(export.network)

    # -- browsing, page by page (API and web UI); list methods return (rows, total) -------------
    def article(self, article_id: str) -> dict | None:
        """One article with its text and all its facts; None if unknown."""
        return self._read(browse.article, article_id)

    def articles_page(self, **filters) -> browse.Page:
        return self._read(browse.articles, **filters)

    def actors_page(self, **filters) -> browse.Page:
        return self._read(browse.actors, **filters)

    def actor_profile(self, name_or_id: str, *, rows: int = 100) -> dict | None:
        """One actor with counts, aliases, roles and its newest facts of each kind; None if unknown."""
        return self._read(browse.actor_profile, name_or_id, rows=rows)

    def actor_names(self, ids) -> dict[str, str]:
        return self._read(browse.actor_names, ids)

    def demand_summary(self) -> list[dict]:
        return self._read(browse.demand_summary)

    def role_history(self, actor_id: str) -> list[dict]:
        return self._read(browse.role_history, actor_id)

    def statements_page(self, **filters) -> browse.Page:
        return self._read(browse.statements, **filters)

    def relations_page(self, **filters) -> browse.Page:
        return self._read(browse.relations, **filters)

    def demands_page(self, **filters) -> browse.Page:
        return self._read(browse.demands, **filters)

    def conditionals_page(self, **filters) -> browse.Page:
        return self._read(browse.conditionals, **filters)

    def events_page(self, **filters) -> browse.Page:
        return self._read(browse.events, **filters)

    def places_page(self, **filters) -> browse.Page:
        return self._read(browse.places, **filters)

    def place(self, place_id: int) -> dict | None:
        return self._read(browse.place, place_id)

    def graph(self, *, since: str | None = None, until: str | None = None, kinds=(),
              limit: int = browse.GRAPH_EDGES, evidence: int = browse.EDGE_EVIDENCE) -> dict:
        """Actor nodes and the strongest stance edges (with their newest evidence) for a date
        range and actor kinds."""
        return self._read(browse.graph, since=since, until=until, kinds=kinds, limit=limit, evidence=evidence)

    def search_page(self, words: str, *, limit: int = 50, offset: int = 0) -> browse.Page:
        return self._read(browse.search_page, words, limit=limit, offset=offset)

    def overview(self, *, limit: int = 8) -> dict:
        return self._read(browse.overview, limit=limit)

    def export_analyses(self) -> Iterator[dict]:
        with self.engine.connect() as conn:
            yield from export.analyses(conn)
