"""`parley ingest` of hostile records: each costs its own line, the good ones are stored alike on
SQLite and PostgreSQL, and the run goes on to the next source."""
from __future__ import annotations

import json

from click.testing import CliRunner

from parley.cli import cli
from parley.models import article_id
from parley.store import open_store
from parley.store.store import Store

TEXTS = [
    "Russia said on Monday that it supports the ceasefire in Libya.",
    "Turkey rejected the proposal \ud800 and called on Haftar to withdraw.",
    "Egypt said\u0000 it backs the Cairo Declaration.",
    "Italy said it supports the Government of National Accord.",
]
LAST = "Qatar accused the United Arab Emirates of arming Haftar in Libya.\n"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def record(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields})


def stored(url: str) -> dict[str, dict]:
    store = open_store(url)
    try:
        return {row["article"]["id"]: row["article"] for row in store.export_analyses()}
    finally:
        store.close()


def test_bad_records_cost_only_their_line(store_url, tmp_path):
    bad = ["[" * 100_000, record("Syria said no.", published=5), '{"text": "Syria said no.", "published": NaN}',
           '{"text": "Syria said yes.", "published": 1e999}', record("Syria said maybe.", published="garbage"),
           record("Syria said so.", published="2020-02-30"), record("Syria said it.", title={"a": 1})]
    lines = [record(TEXTS[0], published="2020-07-01"), *bad[:4], record(TEXTS[1]), record(TEXTS[2]), *bad[4:]]
    feed = tmp_path / "hostile.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    nul = tmp_path / "nul.txt"
    nul.write_bytes(TEXTS[3].encode() + b" " * 9000 + b"\x00 Tripoli welcomed it.")
    last = tmp_path / "last.txt"
    last.write_text(LAST, encoding="utf-8")

    result = run("ingest", str(feed), str(nul), str(last), "--db", store_url)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert "ingested 5, skipped 0 as duplicates, failed 7" in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    assert [line.split(": ")[1] for line in failed] == [f"{feed}:{n}" for n in (2, 3, 4, 5, 8, 9, 10)]

    texts = [t.replace("\ud800", "\ufffd").replace("\x00", "\ufffd") for t in TEXTS[:3]]
    texts += [nul.read_bytes().decode().replace("\x00", "\ufffd"), LAST]
    articles = stored(store_url)
    assert set(articles) == {article_id(t) for t in texts}
    assert articles[article_id(texts[0])]["published"] == "2020-07-01"


def test_a_store_failure_costs_one_article(store_url, tmp_path, monkeypatch):
    add = Store.add_analysis

    def failing(self, analysis):
        if "Turkey" in analysis.article.text:
            raise RuntimeError("disk on fire")
        return add(self, analysis)

    monkeypatch.setattr(Store, "add_analysis", failing)
    for n, text in enumerate([TEXTS[0], TEXTS[1].replace("\ud800", ""), LAST]):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    result = run("ingest", str(tmp_path / "0.txt"), str(tmp_path / "1.txt"), str(tmp_path / "2.txt"),
                 "--db", store_url)
    assert result.exit_code == 1
    assert "ingested 2, skipped 0 as duplicates, failed 1" in result.stderr
    assert f"failed: {tmp_path / '1.txt'}: cannot store: RuntimeError: disk on fire" in result.stderr
    assert len(stored(store_url)) == 2


def test_a_date_that_is_no_date_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(LAST, encoding="utf-8")
    for date in ("not-a-date", "2020-02-30"):
        result = run("ingest", str(tmp_path / "a.txt"), "--db", f"sqlite:///{tmp_path / 'p.db'}", "--date", date)
        assert result.exit_code == 2
        assert "--date" in result.stderr and "not a real date" in result.stderr
    assert not (tmp_path / "p.db").exists()


def test_a_nul_past_the_binary_check_is_stored_alike(store_url, tmp_path):
    nul = tmp_path / "nul.txt"
    nul.write_bytes(TEXTS[3].encode() + b" " * 9000 + b"\x00 Tripoli welcomed it.")
    titled = tmp_path / "titled.jsonl"
    titled.write_text(record(TEXTS[0], title="Moscow\u0000 speaks") + "\n", encoding="utf-8")
    last = tmp_path / "last.txt"
    last.write_text(LAST, encoding="utf-8")
    result = run("ingest", str(nul), str(titled), str(last), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert "ingested 3, skipped 0 as duplicates, failed 0" in result.stderr
    articles = stored(store_url)
    text = nul.read_bytes().decode().replace("\x00", "\ufffd")
    assert articles[article_id(text)]["length"] == len(text)
    assert articles[article_id(TEXTS[0])]["title"] == "Moscow\ufffd speaks"
