"""Bulk loading: many rows into one table fast (COPY on PostgreSQL, executemany on SQLite).

For loaders and benchmarks that write rows directly, without analyses: the rows are taken as
given (no actor get-or-create, no corrections), so the caller keeps them consistent. Rows are
streamed in chunks, never all held at once.
"""
from __future__ import annotations

from itertools import islice
from typing import Iterable, Sequence

from sqlalchemy import Connection, Table, text

SEARCH_COLUMNS = ("body", "kind", "ref", "article_id")  # SQLite's FTS5 table (migration 0001)


def bulk_insert(conn: Connection, table: Table | str, rows: Iterable[Sequence], columns: Sequence[str],
                *, chunk: int = 5000) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``; returns the count.

    Args:
        conn: a connection inside the caller's transaction.
        table: a table of ``parley.store.schema`` or a table name (e.g. ``search_index``).
        rows: tuples of values, one per row.
        columns: the column names the tuples fill.
        chunk: rows sent per round trip (SQLite).
    """
    name = table if isinstance(table, str) else table.name
    cols = ", ".join(_quote(c) for c in columns)
    if conn.dialect.name == "postgresql":
        return _copy(conn, name, cols, rows)
    sql = f"INSERT INTO {_quote(name)} ({cols}) VALUES ({', '.join('?' * len(columns))})"
    count, it = 0, iter(rows)
    while batch := list(islice(it, chunk)):
        conn.exec_driver_sql(sql, batch)
        count += len(batch)
    return count


def _copy(conn: Connection, name: str, cols: str, rows: Iterable[Sequence]) -> int:
    count = 0
    cursor = conn.connection.driver_connection.cursor()  # psycopg 3: the same transaction
    try:
        with cursor.copy(f"COPY {_quote(name)} ({cols}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
                count += 1
    finally:
        cursor.close()
    return count


def reset_sequences(conn: Connection, tables: Iterable[str]) -> None:
    """After rows were loaded with explicit integer ids, move PostgreSQL's id sequences past
    them so that later ordinary inserts get fresh ids (SQLite needs nothing)."""
    if conn.dialect.name != "postgresql":
        return
    for name in tables:
        conn.execute(text(f"SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                          f"COALESCE((SELECT max(id) FROM {_quote(name)}), 0) + 1, false)"), {"t": name})


def _quote(identifier: str) -> str:
    # Column names such as "end" are reserved words: always quote.
    return '"' + identifier.replace('"', '""') + '"'
