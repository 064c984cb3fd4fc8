"""Sources for `parley analyze` and `parley ingest`: files, folders, globs, ``-`` (standard input),
JSONL files, web pages and RSS/Atom feeds.

Each source expands into units (one article each) whose text is read only when asked for, so a
large folder or feed never sits in memory at once.
"""
from __future__ import annotations

import glob
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from parley.errors import InputError
from parley.ingest.files import FOLDER_SUFFIXES, InputText, html_to_text, read_bytes, read_path

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml")
USER_AGENT = "parley/0.1 (+https://github.com/parley-news)"


@dataclass
class Unit:
    """One article to come: where it is from, and how to read it."""

    source: str
    load: Callable[[], InputText]


def expand_sources(sources: list[str], *, timeout: float = 30.0) -> Iterator[Unit | InputError]:
    """Every article unit the sources name, or the error that stopped a source."""
    for source in sources:
        try:
            yield from _expand(source, timeout)
        except InputError as exc:
            yield exc


def _expand(source: str, timeout: float) -> Iterator[Unit]:
    if source.startswith(("http://", "https://")):
        yield from _expand_url(source, timeout)
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
        yield from _expand_jsonl(path)
    else:
        yield Unit(path, lambda: read_path(path))


def _expand_jsonl(path: str) -> Iterator[Unit]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            where = f"{path}:{number}"
            yield Unit(where, lambda line=line, where=where: jsonl_record(line, where))


def jsonl_record(line: str, where: str) -> InputText:
    """One JSONL line: ``text`` or ``html``, and optional title, url, published, source.

    Raises:
        InputError: the line is not a JSON object with a text or html field.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    source = str(record.get("source") or record.get("url") or where)
    if isinstance(record.get("text"), str) and record["text"].strip():
        item = InputText(text=record["text"], source=source)
    elif isinstance(record.get("html"), str) and record["html"].strip():
        item = html_to_text(record["html"], source)
    else:
        raise InputError(f"{where}: no 'text' or 'html' field")
    item.title = record.get("title") or item.title
    item.url = record.get("url") or item.url
    item.published = record.get("published") or item.published
    return item


def fetch(url: str, timeout: float) -> tuple[bytes, str]:
    """The body and content type at ``url``.

    Raises:
        InputError: the request failed or answered with an error status.
    """
    import httpx

    try:
        response = httpx.get(url, follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT})
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: cannot fetch: {exc.__class__.__name__}: {exc}") from None
    if response.status_code >= 400:
        raise InputError(f"{url}: HTTP {response.status_code}")
    return response.content, response.headers.get("content-type", "").split(";")[0].strip().lower()


def _is_feed(body: bytes, ctype: str) -> bool:
    head = body[:2000].lstrip().lower()
    return ctype in FEED_TYPES or (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head))


def _expand_url(url: str, timeout: float) -> Iterator[Unit]:
    body, ctype = fetch(url, timeout)
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
            yield Unit(link, lambda entry=entry, link=link: _feed_entry(entry, link, timeout))


def _page(url: str, body: bytes) -> InputText:
    item = read_bytes(body, url, html=True)
    item.url = item.url or url
    return item


def _feed_entry(entry, link: str, timeout: float) -> InputText:
    body, _ = fetch(link, timeout)
    item = _page(link, body)
    item.title = item.title or entry.get("title")
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not item.published and parsed:
        item.published = time.strftime("%Y-%m-%d", parsed)
    return item
