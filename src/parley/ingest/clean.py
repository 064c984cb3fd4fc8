"""Texts and metadata made safe at the edge: one set of rules for every reader and for the API.

A text may hold characters no store keeps alike (NUL, which PostgreSQL refuses) or that cannot
be encoded at all (lone surrogates, which JSON allows); each becomes U+FFFD, one character for
one, so offsets still index the caller's text and the same text gets the same id everywhere.
"""
from __future__ import annotations

import datetime as dt
import re
from itertools import islice

MIN_LETTERS = 3  # fewer letters than this is no article: whitespace, zero-width or control characters
META_FIELDS = ("title", "url", "source")

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_LETTER = re.compile(r"[^\W\d_]")


def clean_text(text: str) -> str:
    """``text`` with each NUL and lone surrogate replaced by U+FFFD (lengths and offsets kept)."""
    return _UNSTORABLE.sub("\ufffd", text)


def is_empty(text: str) -> bool:
    """Whether ``text`` has fewer than :data:`MIN_LETTERS` letters, so there is nothing to analyse."""
    return sum(1 for _ in islice(_LETTER.finditer(text), MIN_LETTERS)) < MIN_LETTERS


def check_date(value: object) -> str | None:
    """A publication date as ``YYYY-MM-DD``; None for None or an empty string.

    Args:
        value: an ISO 8601 date, or a date and time (its date is kept), as a string.

    Returns:
        The date, or None.

    Raises:
        ValueError: the value is not a string, or not a real ISO date (``2020-02-30``).
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"'published' must be an ISO date string (YYYY-MM-DD), not {_kind(value)}")
    text = value.strip()
    try:
        day = dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"'published' is not a real ISO date (YYYY-MM-DD): {value[:40]!r}") from None
    return day.isoformat()


def clean_meta(meta: dict) -> dict:
    """``meta`` with its title, url and source cleaned as texts and its date checked.

    Args:
        meta: an article's metadata (``title``, ``url``, ``source``, ``published``; others kept).

    Returns:
        A new dict; the given one is not changed.

    Raises:
        ValueError: a title, url or source that is not a string, or a bad date.
    """
    out = dict(meta)
    for name in META_FIELDS:
        value = out.get(name)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{name}' must be a string, not {_kind(value)}")
        if value:
            out[name] = clean_text(value)
    if "published" in out:
        out["published"] = check_date(out["published"])
    return out


def clean_item(item: tuple[str, dict]) -> tuple[str, dict]:
    """A (text, metadata) pair for analysis, cleaned and checked by :func:`clean_text` and
    :func:`clean_meta`.

    Raises:
        ValueError: as :func:`clean_meta`, or the text is not a string.
    """
    text, meta = item
    if not isinstance(text, str):
        raise ValueError(f"the text must be a string, not {_kind(text)}")
    return clean_text(text), clean_meta(meta)


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")
