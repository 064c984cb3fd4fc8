"""Sources that need a network: a web page and an RSS feed, from a local HTTP server (at
127.0.0.1, so the feed's links are fetched with private hosts allowed)."""
from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.errors import InputError
from parley.ingest.fetch import FetchOptions
from parley.ingest.sources import expand_sources

PRIVATE_OK = FetchOptions(allow_private_hosts=True)

PAGE = ("<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p>"
        "</article></body></html>")
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test news</title><link>{base}/</link><description>t</description>
<item><title>Ankara and Sirte</title><link>{base}/a.html</link><pubDate>Mon, 15 Jun 2020 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "a.html").write_text(PAGE.format(
        title="Ankara and Sirte", body="Turkey said it supports the Government of National Accord. Turkish "
                                       "officials demanded the withdrawal of Haftar's forces from Sirte " * 3))
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (tmp_path / "feed.xml").write_text(FEED.format(base=base))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def test_page_and_feed(site):
    [page] = list(expand_sources([f"{site}/a.html"]))
    item = page.load()
    assert "Government of National Accord" in item.text and item.url == f"{site}/a.html"
    units = list(expand_sources([f"{site}/feed.xml", f"{site}/nothing-here"], fetch_options=PRIVATE_OK))
    assert isinstance(units[-1], InputError) and "HTTP 404" in str(units[-1])
    first, gone = units[0], units[1]
    loaded = first.load()
    assert loaded.title == "Ankara and Sirte" and loaded.published == "2020-06-15"
    with pytest.raises(InputError, match="HTTP 404"):
        gone.load()


def test_analyze_reads_a_feed_as_ingest_does(site):
    result = CliRunner().invoke(cli, ["analyze", f"{site}/feed.xml", "--format", "jsonl", "--allow-private-hosts"],
                                catch_exceptions=False)
    assert result.exit_code == 1  # the feed's second entry is gone
    [data] = [json.loads(line) for line in result.stdout.splitlines()]
    assert data["article"]["url"] == f"{site}/a.html" and data["article"]["published"] == "2020-06-15"
    assert "Turkey" in {a["name"] for a in data["actors"]}
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("skipped: ") and "missing.html: HTTP 404" in line
