"""Engines for SQLite and PostgreSQL, and the migrations that ``open_store`` applies."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from parley.errors import ParleyError

MIGRATIONS = Path(__file__).parent / "migrations"
WRITE = "parley_write"  # execution option marking a connection that will write
# PostgreSQL advisory lock key held while migrating: any fixed 64-bit number that other
# applications sharing the database are unlikely to use ("parley" in ASCII).
MIGRATION_LOCK = 0x7061726C6579


class StoreError(ParleyError):
    """The database cannot be opened, migrated or written."""


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, foreign keys and real transactions.

    Raises:
        StoreError: the URL is malformed or names an unsupported database.
    """
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (e.g. sqlite:///parley.db)") from None
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).expanduser().parent
            if not folder.exists():
                raise StoreError(f"{url}: folder {folder} does not exist")
        engine = create_engine(parsed, connect_args={"timeout": 30})
        _sqlite_events(engine)
        return engine
    if backend == "postgresql":
        try:
            return create_engine(parsed, pool_pre_ping=True)
        except (ImportError, SQLAlchemyError) as exc:
            raise StoreError(f"cannot use {parsed.render_as_string()}: {exc} "
                             f"(install parley-news[postgres])") from None
    raise StoreError(f"unsupported database {backend!r}: use sqlite:///FILE or postgresql+psycopg://...")


def _sqlite_events(engine: Engine) -> None:
    # pysqlite's own transaction handling skips BEGIN before DDL; take it over so that every
    # `engine.begin()` block (migrations included) is one real transaction.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        # Writers take the write lock up front, so that two writers wait on each other (busy
        # timeout) instead of failing on a lock upgrade; readers never block on a writer (WAL).
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def migrate(engine: Engine) -> None:
    """Apply every pending migration, all in one transaction, one process at a time.

    Several processes may open a fresh database at once; each waits for the one migrating and
    then finds nothing left to do. SQLite's ``BEGIN IMMEDIATE`` already makes them wait; on
    PostgreSQL a transaction-scoped advisory lock does, since two concurrent ``CREATE TABLE``
    of one name fail there instead of waiting.
    """
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.execution_options(**{WRITE: True}).begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
