"""Every generated file through `parley analyze`, and every generated JSONL line through
`parley ingest`, in this process: no crash, CPU within budget, valid output, nothing good lost."""
from __future__ import annotations

import json
import re
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from parley.models import content_hash

from .generate import ARTICLES, Case
from .props import Tally, cli, cpu_budget, crash, offset_errors, schema_errors

pytestmark = pytest.mark.slow

BOM = b"\xef\xbb\xbf"


def _outputs(result) -> list[dict]:
    """The JSONL on stdout, split on newlines only (records may hold U+2028 and the like)."""
    return [json.loads(line) for line in result.stdout.split("\n") if line.strip()]


def _check_file(tally: Tally, case: Case, path: Path, validator) -> bool:
    """Analyse one file alone and check it; whether it gave an analysis."""
    started = time.process_time()
    result = cli(["analyze", str(path), "--format", "jsonl"])
    spent = time.process_time() - started
    tally.check("analyze: no crash", case, crash(result))
    tally.check("analyze: CPU within budget", case,
                f"{spent:.2f} s CPU > {cpu_budget(case.size):.2f} s" if spent > cpu_budget(case.size) else None)
    try:
        found = _outputs(result)
    except json.JSONDecodeError as exc:
        tally.check("analyze: schema", case, f"stdout is not JSONL: {exc}")
        return False
    for data in found:
        tally.check("analyze: schema", case, schema_errors(data, validator))
        tally.check("analyze: offsets", case, offset_errors(data))
    if case.trivial:
        tally.check("analyze: nothing to analyse is skipped", case,
                    f"analysed (exit {result.exit_code}, length {found[0]['article']['length']})" if found else None)
    if case.kind == "deep-html":
        tally.check("analyze: nested HTML keeps its text", case,
                    None if found and found[0]["article"]["length"] > 100 else f"no text: {result.stderr[-200:]}")
    return bool(found)


@pytest.fixture(scope="module")
def file_tally(cases, validator, warm, tmp_path_factory) -> Tally:
    """Each file case alone, then all of them as one folder: the folder gives every analysis."""
    folder = tmp_path_factory.mktemp("files")
    tally = Tally()
    analysed = 0
    for i, case in enumerate(c for c in cases if c.channel == "file"):
        path = folder / f"{i:04d}-{case.kind}{case.suffix}"
        path.write_bytes(case.data)
        analysed += _check_file(tally, case, path, validator)
    batch = Case("whole folder", "file", str(folder).encode())
    result = cli(["analyze", str(folder), "--format", "jsonl"])
    tally.check("analyze: no crash", batch, crash(result))
    got = len([line for line in result.stdout.split("\n") if line.strip()])
    tally.check("analyze: a folder gives what its files give", batch,
                None if got == analysed else f"{got} analyses, {analysed} from the files one by one")
    return tally


@pytest.mark.parametrize("prop", ["analyze: no crash", "analyze: CPU within budget", "analyze: schema",
                                  "analyze: offsets", "analyze: nothing to analyse is skipped",
                                  "analyze: nested HTML keeps its text", "analyze: a folder gives what its files give"])
def test_every_file_keeps(file_tally, prop):
    file_tally.assert_holds(prop)


def _stored(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as conn:
        return {row[0]: row[1:] for row in conn.execute("SELECT id, published, title, url FROM articles")}


def _field_errors(row: tuple) -> str | None:
    published, title, url = row
    if published is not None:
        if not isinstance(published, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            return f"published stored as {published!r}"
        try:
            date.fromisoformat(published)
        except ValueError:
            return f"published stored as {published!r}"
    if not all(v is None or isinstance(v, str) for v in (title, url)):
        return f"title/url stored as {title!r}, {url!r}"
    return None


def _summary_total(stderr: str) -> int | None:
    line = next((ln for ln in stderr.splitlines() if ln.startswith("ingested ")), None)
    return None if line is None else sum(int(n) for n in re.findall(r"\d+", line))


@pytest.fixture(scope="module")
def jsonl_tally(cases, warm, tmp_path_factory) -> Tally:
    """All JSONL lines as one file (with a BOM) in one ingest run, then each hostile line alone."""
    folder = tmp_path_factory.mktemp("jsonl")
    lines = [c for c in cases if c.channel == "jsonl"]
    assert lines[0].good, "the first line must be a good record: a BOM before it must not lose it"
    mixed = folder / "mixed.jsonl"
    mixed.write_bytes(BOM + b"\n".join(c.data for c in lines) + b"\n")
    db = folder / "mixed.db"
    result = cli(["ingest", str(mixed), "--db", f"sqlite:///{db}"])
    tally = Tally()
    whole = Case("whole file", "jsonl", mixed.read_bytes())
    tally.check("ingest: no crash", whole, crash(result))
    total = _summary_total(result.stderr)
    tally.check("ingest: the summary counts every line", whole,
                None if total == len(lines) else f"summary counts {total} of {len(lines)} lines")
    stored = _stored(db) if db.exists() else {}
    for case in lines:
        if case.good:
            text = json.loads(case.data)["text"]
            tally.check("ingest: every good record is stored", case,
                        None if content_hash(text)[:16] in stored else "not stored")
    _alone(tally, [c for c in lines if not c.good], folder)
    return tally


def _alone(tally: Tally, hostile: list[Case], folder: Path) -> None:
    """Each hostile line in a file of its own, after a good record, into one database."""
    db = folder / "alone.db"
    seen = set()
    for i, case in enumerate(hostile):
        good = f"{ARTICLES[i % len(ARTICLES)]} Run {i}."
        path = folder / "one.jsonl"
        path.write_bytes(json.dumps({"text": good}).encode() + b"\n" + case.data + b"\n")
        result = cli(["ingest", str(path), "--db", f"sqlite:///{db}"])
        tally.check("ingest: no crash", case, crash(result))
        stored = _stored(db) if db.exists() else {}
        tally.check("ingest: every good record is stored", case,
                    None if content_hash(good)[:16] in stored else "the good record before it is lost")
        tally.check("ingest: stored fields are well-typed", case,
                    [e for key, row in stored.items() if key not in seen and (e := _field_errors(row))])
        seen |= set(stored)


@pytest.mark.parametrize("prop", ["ingest: no crash", "ingest: the summary counts every line",
                                  "ingest: every good record is stored", "ingest: stored fields are well-typed"])
def test_every_jsonl_line_keeps(jsonl_tally, prop):
    jsonl_tally.assert_holds(prop)


@pytest.mark.parametrize("value", ["not-a-date", "2020-02-30", "2020-13-01", "5"])
def test_a_bad_date_option_is_a_usage_error(tmp_path, warm, value):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLES[0], encoding="utf-8")
    analysed = cli(["analyze", str(path), "--format", "jsonl", "--date", value])
    assert analysed.exit_code == 2 and not analysed.stdout.strip(), analysed.output
    db = tmp_path / "a.db"
    stored = cli(["ingest", str(path), "--db", f"sqlite:///{db}", "--date", value])
    assert stored.exit_code == 2 and not (db.exists() and _stored(db)), stored.output
