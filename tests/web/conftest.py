"""Fixtures for the browser tests: a real uvicorn server on a free localhost port over a store
of the fixture articles (and another over a generated store of a few hundred articles), and
Debian's Chromium driven by Playwright. Skipped cleanly when /usr/bin/chromium or Playwright is
missing. Screenshots go to $PARLEY_ARTIFACTS/screenshots (default: test-artifacts/screenshots)."""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from api.support import build_store, settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("PARLEY_ARTIFACTS") or Path(__file__).resolve().parents[2] / "test-artifacts")
SCREENSHOTS = ARTIFACTS / "screenshots"


def pytest_collection_modifyitems(items):
    why = None
    if not CHROMIUM.exists():
        why = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            why = "playwright is not installed (pip install playwright)"
    for item in items:
        if why and "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=why))


@pytest.fixture(scope="session")
def store_url(tmp_path_factory) -> str:
    return build_store(tmp_path_factory.mktemp("web") / "parley.db")


@pytest.fixture(scope="session")
def app(store_url):
    from parley.api import create_app

    return create_app(store_url, settings=settings(store_url))


@pytest.fixture(scope="session")
def server(app):
    """The base URL of a uvicorn server serving the app over a freshly ingested store."""
    with serve(app) as url:
        yield url


@pytest.fixture(scope="session")
def big_server(tmp_path_factory):
    """The base URL of a server over the generated store of ``corpus.ARTICLES`` articles."""
    from parley.api import create_app
    from parley.config import Settings

    from web import corpus

    url = corpus.build(f"sqlite:///{tmp_path_factory.mktemp('big') / 'parley.db'}")
    with serve(create_app(url, settings=Settings.load(db=url))) as base:
        yield base


@contextlib.contextmanager
def serve(app):
    """Run ``app`` under uvicorn on a free localhost port; yields its base URL."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page that records dialogs (dismissing them), script errors and failed requests."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("requestfailed", self._failed)
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status}: {r.url}"))

    def _failed(self, request) -> None:
        if "ERR_ABORTED" not in (request.failure or ""):  # aborted by leaving the page: not an error
            self.errors.append(f"request failed: {request.url} ({request.failure})")

    def open(self, path: str):
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        return self.page

    def shot(self, name: str, *, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path


@contextlib.contextmanager
def watched_page(browser, base: str, width: int = 1366, height: int = 900):
    """A fresh browser context at ``width`` x ``height`` on ``base``; fails if a dialog fired or
    an error was seen."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15_000)
    watched = Watched(page, base)
    try:
        yield watched
    finally:
        context.close()
    assert not watched.dialogs, f"a dialog fired: {watched.dialogs}"
    assert not watched.errors, f"errors in the page: {watched.errors}"


@pytest.fixture
def web(browser, server):
    with watched_page(browser, server) as watched:
        yield watched
