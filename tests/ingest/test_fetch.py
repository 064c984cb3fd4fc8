"""Fetching pages and feeds: only public addresses unless allowed, redirects re-checked, size and
time bounded.

Every request goes to a local server at 127.0.0.1. Host names resolve through a stand-in table,
and where a test needs a public server, 127.0.0.1 plays one; the other addresses in the table
are only ever checked and refused, never connected to (a guard fails the test if one would be).
"""
from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.errors import InputError
from parley.ingest import fetch as fetching
from parley.ingest.fetch import FetchOptions, fetch
from parley.ingest.sources import expand_sources

STAND_IN = "127.0.0.1"
NAMES = {"news.example": [STAND_IN], "intranet.example": ["10.0.0.7"], "mixed.example": [STAND_IN, "192.168.1.20"]}
PAGE = (b"<html><head><title>Ankara and Sirte</title></head><body><article><h1>Ankara and Sirte</h1><p>"
        + b"Turkey said it supports the Government of National Accord. " * 4 + b"</p></article></body></html>")


def _feed(*links: str) -> bytes:
    items = "".join(f"<item><title>t{n}</title><link>{link}</link></item>" for n, link in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><link>http://news.example/</link>'
            f"<description>d</description>{items}</channel></rss>").encode()


class _Handler(BaseHTTPRequestHandler):
    feed = b""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path, query = urlsplit(self.path).path, parse_qs(urlsplit(self.path).query)
        if path == "/redirect":
            self._send(302, b"", location=query["to"][0])
        elif path == "/loop":
            self._send(302, b"", location="/loop")
        elif path == "/feed.xml":
            self._send(200, self.feed, ctype="application/rss+xml")
        elif path == "/big":
            self._send(200, b"x" * 5000)
        elif path == "/big-unsized":  # no Content-Length: the body ends when the connection closes
            self._send(200, b"x" * 5000, sized=False)
        elif path == "/slow":
            self._send(200, b"late", pause=1.5)
        elif path == "/trickle":
            self._trickle()
        else:
            self._send(200, PAGE, ctype="text/html")

    def _send(self, status: int, body: bytes, *, ctype: str = "text/plain", location: str | None = None,
              sized: bool = True, pause: float = 0) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if location:
            self.send_header("Location", location)
        if sized:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        time.sleep(pause)
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the client gave up first, as the timeout tests expect

    def _trickle(self) -> None:
        self.send_response(200)
        self.end_headers()
        try:
            for _ in range(15):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer((STAND_IN, 0), _Handler)
    httpd.handle_error = lambda *args: None  # a client that gave up is not an error here
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch):
    """Resolve the stand-in names, and fail any request to an address other than 127.0.0.1."""
    real_resolve = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host in NAMES:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port)) for address in NAMES[host]]
        return real_resolve(host, port, *args, **kwargs)

    real_at = fetching._at

    def at(url: str, address: str) -> str:
        assert address == STAND_IN, f"a request to {address} was about to be made"
        return real_at(url, address)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    monkeypatch.setattr(fetching, "_at", at)


@pytest.fixture
def public(monkeypatch):
    """127.0.0.1 counts as a public address: the test server plays a news site."""
    real = fetching._non_public
    monkeypatch.setattr(fetching, "_non_public", lambda address: None if address == STAND_IN else real(address))


@pytest.mark.parametrize("address, why", [
    ("127.0.0.1", "loopback"), ("127.9.9.9", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("fd00::1", "private"),
    ("169.254.169.254", "private"), ("fe80::1%eth0", "private"), ("224.0.0.1", "multicast"),
    ("ff02::1", "multicast"), ("240.0.0.1", "private"), ("0.0.0.0", "private"), ("::", "private"),
    ("100.64.0.1", "non-global"), ("93.184.216.34", None), ("2606:4700::1111", None),
])
def test_public_and_non_public_addresses(address, why):
    # Python counts 169.254/16, 240/4 and 0.0.0.0 as private too; the message names the first that applies.
    assert fetching._non_public(address) == why


def test_feed_links_to_non_public_hosts_are_refused_and_the_rest_fetched(server, public):
    base = f"http://news.example:{server}"
    _Handler.feed = _feed(f"{base}/a.html", f"http://intranet.example:{server}/admin",
                          f"http://mixed.example:{server}/a.html", f"http://169.254.169.254:{server}/latest/meta-data",
                          f"http://[::1]:{server}/a.html", "file:///etc/passwd")
    units = list(expand_sources([f"{base}/feed.xml"]))
    assert "Government of National Accord" in units[0].load().text
    reasons = []
    for unit in units[1:]:
        with pytest.raises(InputError) as refused:
            unit.load()
        reasons.append(str(refused.value))
    assert [r.split(": ", 1)[0] for r in reasons] == [u.source for u in units[1:]]
    assert "10.0.0.7, a private address" in reasons[0] and "--allow-private-hosts" in reasons[0]
    assert "192.168.1.20, a private address" in reasons[1]
    assert "169.254.169.254, a private address" in reasons[2]
    assert "::1, a loopback address" in reasons[3]
    assert "not an http(s) URL" in reasons[4]


def test_a_redirect_is_checked_at_every_hop(server, public):
    base = f"http://news.example:{server}"
    with pytest.raises(InputError, match=r"a redirect to 10\.0\.0\.7, a private address"):
        fetch(f"{base}/redirect?to=http://intranet.example/", given=True)
    with pytest.raises(InputError, match="a redirect to 10.0.0.7"):  # two hops: public, then private
        fetch(f"{base}/redirect?to={base}/redirect%3Fto%3Dhttp://intranet.example/")
    body, ctype = fetch(f"{base}/redirect?to={base}/a.html")
    assert body == PAGE and ctype == "text/html"


def test_a_given_loopback_url_is_fetched_but_not_the_links_it_serves(server):
    base = f"http://127.0.0.1:{server}"
    _Handler.feed = _feed(f"{base}/a.html")
    [unit] = list(expand_sources([f"{base}/redirect?to=/feed.xml"]))  # a redirect to the same host is fine
    with pytest.raises(InputError, match="refused: 127.0.0.1, a loopback address"):
        unit.load()
    with pytest.raises(InputError, match="a redirect to 127.0.0.1"):  # another host: checked
        fetch(f"{base}/redirect?to=http://localhost:{server}/a.html", given=True)
    [unit] = list(expand_sources([f"{base}/feed.xml"], fetch_options=FetchOptions(allow_private_hosts=True)))
    assert "Government of National Accord" in unit.load().text


def test_ingest_reports_a_refused_link_and_goes_on(server, public, tmp_path):
    base = f"http://news.example:{server}"
    _Handler.feed = _feed(f"{base}/a.html", f"http://intranet.example:{server}/admin")
    result = CliRunner().invoke(cli, ["ingest", f"{base}/feed.xml", "--db", f"sqlite:///{tmp_path / 'p.db'}",
                                      "--date", "2020-06-18"], catch_exceptions=False)
    assert result.exit_code == 1
    [failed] = [line for line in result.stderr.splitlines() if line.startswith("failed: ")]
    assert "intranet.example" in failed and "10.0.0.7, a private address" in failed
    assert "ingested 1, skipped 0 as duplicates, failed 1" in result.stderr


@pytest.mark.parametrize("path", ["/big", "/big-unsized"])
def test_a_response_over_the_size_limit_is_refused(server, path):
    with pytest.raises(InputError, match="over the limit"):
        fetch(f"http://127.0.0.1:{server}{path}", FetchOptions(max_bytes=1000), given=True)
    assert len(fetch(f"http://127.0.0.1:{server}{path}", FetchOptions(max_bytes=5000), given=True)[0]) == 5000


def test_time_is_bounded(server):
    started = time.monotonic()
    with pytest.raises(InputError, match="ReadTimeout"):
        fetch(f"http://127.0.0.1:{server}/slow", FetchOptions(read_timeout=0.2), given=True)
    with pytest.raises(InputError, match="not fetched within"):
        fetch(f"http://127.0.0.1:{server}/trickle", FetchOptions(deadline=0.4), given=True)
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(f"http://127.0.0.1:{server}/loop", given=True)
    assert time.monotonic() - started < 5
