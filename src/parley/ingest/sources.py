"""Sources for `parley analyze` and `parley ingest`: files, folders, globs, ``-`` (standard input),
JSONL files, web pages and RSS/Atom feeds.

Each source expands into units (one article each) whose text is read only when asked for, so a
large folder or feed never sits in memory at once.
"""
from __future__ import annotations

import codecs
import functools
import glob
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from parley.errors import InputError
from parley.ingest.fetch import FetchOptions, fetch
from parley.ingest.files import FOLDER_SUFFIXES, InputText, checked, html_to_text, read_bytes, read_path

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml")


@dataclass
class Unit:
    """One article to come: where it is from, and how to read it."""

    source: str
    load: Callable[[], InputText]


def expand_sources(sources: list[str], *, fetch_options: FetchOptions = FetchOptions()
                   ) -> Iterator[Unit | InputError]:
    """Every article unit the sources name, or the error that stopped a source.

    Args:
        sources: files, folders, glob patterns, ``-``, JSONL files, http(s) pages or feeds.
        fetch_options: which addresses URLs and feed links may reach, and the size and time
            limits of each fetch (``parley.ingest.fetch``).

    Returns:
        Units in the order the sources name them, and an InputError for each source that failed.
    """
    for source in sources:
        try:
            yield from _expand(source, fetch_options)
        except InputError as exc:
            yield exc


def _expand(source: str, fetch_options: FetchOptions) -> Iterator[Unit]:
    if source.startswith(("http://", "https://")):
        yield from _expand_url(source, fetch_options)
        return
    path = Path(source)
    if path.is_dir():
        found = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith(".")
                 and p.suffix.lower() in FOLDER_SUFFIXES | JSONL_SUFFIXES]
        if not found:
            raise InputError(f"{source}: folder has no .txt, .md, .html or .jsonl files")
        for p in found:
            yield from _expand_file(str(p))
    elif not path.exists() and glob.has_magic(source):
        matches = sorted(m for m in glob.glob(source, recursive=True) if Path(m).is_file())
        if not matches:
            raise InputError(f"{source}: no file matches this pattern")
        for m in matches:
            yield from _expand_file(m)
    else:
        yield from _expand_file(source)


def _expand_file(path: str) -> Iterator[Unit]:
    if Path(path).suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(path)
    else:
        yield Unit(path, lambda: read_path(path))


def read_jsonl(path: str) -> Iterator[Unit]:
    """One unit per non-blank line of a JSONL file, named ``PATH:LINE``; see :func:`jsonl_record`.

    Lines end at ``\\n`` only, so a record may hold U+2028, U+2029 or U+0085 (JSON allows them
    unescaped); a leading byte-order mark is skipped. A line's bytes are kept, not decoded, until
    its unit is read, so a bad line costs that line alone.

    Raises:
        InputError: the file cannot be opened or read.
    """
    try:
        with open(path, "rb") as stream:
            for number, line in enumerate(stream, 1):
                if number == 1:
                    line = line.removeprefix(codecs.BOM_UTF8)
                if line.strip():
                    where = f"{path}:{number}"
                    yield Unit(where, functools.partial(jsonl_record, line, where))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def jsonl_record(line: bytes | str, where: str) -> InputText:
    """One JSONL line: ``text`` or ``html``, and optional title, url, published, source.

    Args:
        line: the line, as bytes (UTF-8; a bad byte becomes U+FFFD, with a note) or text.
        where: how errors and notes name the line, e.g. ``file.jsonl:3``.

    Returns:
        The record's text and metadata, cleaned and checked as ``parley.ingest.files.checked`` does.

    Raises:
        InputError: the line is not a JSON object with a text or html string, is nested too
            deeply, or has a field of the wrong type or a date that is not a real ISO date.
    """
    notes = []
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            notes.append(f"{where}: invalid UTF-8 at byte {exc.start + 1} replaced by U+FFFD")
            line = line.decode("utf-8", errors="replace")
    record = _json_object(line, where)
    for name in ("text", "html"):
        if record.get(name) is not None and not isinstance(record[name], str):
            raise InputError(f"{where}: '{name}' must be a string")
    source = _given(record, "source", None) or _given(record, "url", where)
    if (record.get("text") or "").strip():
        item = InputText(text=record["text"], source=source)
    elif (record.get("html") or "").strip():
        item = html_to_text(record["html"], str(source))
    else:
        raise InputError(f"{where}: no 'text' or 'html' field")
    item.title = _given(record, "title", item.title)
    item.url = _given(record, "url", item.url)
    item.published = _given(record, "published", item.published)
    item.notes.extend(notes)
    return checked(item, where)


def _json_object(line: str, where: str) -> dict:
    """The JSON object on ``line``.

    The decoder gives up at the interpreter's recursion limit, which bounds the nesting a line
    may have (a record needs one level); past it, the line is refused like any other bad one.
    """
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        raise InputError(f"{where}: not JSON ({getattr(exc, 'msg', exc)})") from None
    except RecursionError:
        raise InputError(f"{where}: not JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    return record


def _given(record: dict, name: str, default):
    """``record[name]`` unless it is missing, null or empty."""
    value = record.get(name)
    return default if value is None or value == "" else value


def _is_feed(body: bytes, ctype: str) -> bool:
    head = body[:2000].lstrip().lower()
    return ctype in FEED_TYPES or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))


def _expand_url(url: str, options: FetchOptions) -> Iterator[Unit]:
    body, ctype = fetch(url, options, given=True)
    if not _is_feed(body, ctype):
        yield Unit(url, lambda: _page(url, body))
        return
    import feedparser

    feed = feedparser.parse(body)
    if not feed.entries:
        raise InputError(f"{url}: a feed with no entries" if not feed.bozo else f"{url}: unreadable feed")
    for entry in feed.entries:
        link = entry.get("link")
        if link:
            yield Unit(link, lambda entry=entry, link=link: _feed_entry(entry, link, options))


def _page(url: str, body: bytes) -> InputText:
    item = read_bytes(body, url, html=True)
    item.url = item.url or url
    return item


def _feed_entry(entry, link: str, options: FetchOptions) -> InputText:
    body, _ = fetch(link, options)
    item = _page(link, body)
    item.title = item.title or entry.get("title")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not item.published and parsed:
        item.published = time.strftime("%Y-%m-%d", parsed)
    return item
