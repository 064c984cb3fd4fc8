"""Reading a list page by page: a ``Page`` of rows, counted and cut where the indexes can
answer; ``limit=None`` reads every row."""
from __future__ import annotations

from typing import NamedTuple, Sequence

from sqlalchemy import Connection, Select, func, select


class Page(NamedTuple):
    """Rows of a list from an offset (``items``), and how many rows the list has in all."""

    items: list[dict]
    total: int


def grouped_page(conn: Connection, q: Select, order: Sequence, limit: int | None, offset: int) -> Page:
    """Rows of ``q`` (an aggregate, counted as a subquery) in ``order`` from ``offset``."""
    total = select(func.count()).select_from(q.order_by(None).subquery())
    if limit is None:
        return _every(conn, q.order_by(*order), offset, total)
    return Page(dicts(conn, q.order_by(*order).limit(limit).offset(offset)), conn.execute(total).scalar_one())


def table_page(conn: Connection, table, rows: Select, where: Sequence, order: Sequence, limit: int | None,
               offset: int) -> Page:
    """Rows of ``table`` passing ``where``, in ``order``, as selected by ``rows`` (a select over
    ``table`` with its article, actor names...). A page is counted, filtered and ordered on the
    table alone (so its indexes answer and the scan stops at the page), then only the page's
    rows are joined by ``rows``; ``limit=None`` is one plain select of every row."""
    total = select(func.count()).select_from(table).where(*where)
    if limit is None:
        return _every(conn, rows.where(*where).order_by(*order), offset, total)
    ids = select(table.c.id).where(*where).order_by(*order).limit(limit).offset(offset)
    return rows_of(conn, table, rows, ids, order, conn.execute(total).scalar_one(), offset)


def rows_of(conn: Connection, table, rows: Select, ids, order: Sequence, total: int, offset: int) -> Page:
    """The page whose ``table`` ids ``ids`` selects, joined by ``rows``, in ``order``."""
    if not total or offset >= total:
        return Page([], total)
    return Page(dicts(conn, rows.where(table.c.id.in_(ids)).order_by(*order)), total)


def _every(conn: Connection, q: Select, offset: int, total: Select) -> Page:
    """Every row of the ordered ``q`` from ``offset``, counted as they are read (unless
    ``offset`` skipped them all)."""
    rows = dicts(conn, q.offset(offset or None))
    if rows or not offset:
        return Page(rows, offset + len(rows))
    return Page(rows, conn.execute(total).scalar_one())


def dicts(conn: Connection, q) -> list[dict]:
    """The rows of ``q`` as plain dicts."""
    return [dict(r._mapping) for r in conn.execute(q)]
