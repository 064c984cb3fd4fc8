"""A store made once per test session from the fixture articles (through the real pipeline),
shared by the API and the browser tests."""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
EXTRA_KB = HERE / "data" / "html-names-kb.yaml"
HTML_ARTICLE = HERE / "data" / "html-looking.txt"
# (file, publication date): the fixture articles of tests/data, then one whose text and actor
# name look like HTML.
ARTICLES = list(zip(sorted((DATA / "articles").glob("*.txt")) + sorted((DATA / "articles_extra").glob("*.txt")),
                    ["2020-06-15", "2020-06-18", "2020-06-21", "2020-07-01", "2020-07-04", "2020-07-05",
                     "2020-07-08", "2020-07-10"], strict=True)) + [(HTML_ARTICLE, "2020-07-12")]
HTML_NAME = "<b>Bold</b> Brigade"
SCRIPT = "<script>alert(1)</script>"


def settings(url: str):
    """Settings with the test knowledge base (which adds the HTML-named actor)."""
    from parley.config import Settings

    return Settings.load(db=url, kb=str(EXTRA_KB))


def build_store(path: Path | str) -> str:
    """Analyse the fixture articles into a new store (a SQLite file at ``path``, or a database
    URL); returns its URL."""
    from parley.analyzer import analyze_many
    from parley.store import open_store

    url = path if isinstance(path, str) and "://" in path else f"sqlite:///{path}"
    items = [(p.read_text(encoding="utf-8"), {"source": p.name, "published": day}) for p, day in ARTICLES]
    with open_store(url) as store:
        for analysis in analyze_many(items, settings=settings(url)):
            assert store.add_analysis(analysis)
    return url
