"""The JSONL reader: lines end at \\n only, a BOM is skipped, a bad line costs that line alone."""
from __future__ import annotations

import json

import pytest

from parley.errors import InputError
from parley.ingest.sources import expand_sources, jsonl_record

GOOD = "Russia said on Monday that it supports the ceasefire in Libya."


def read(path) -> list[tuple[str, object]]:
    """(unit source, InputText or error message) for each unit of ``path``."""
    out = []
    for unit in expand_sources([str(path)]):
        if isinstance(unit, InputError):
            out.append((None, str(unit)))
            continue
        try:
            out.append((unit.source, unit.load()))
        except InputError as exc:
            out.append((unit.source, str(exc)))
    return out


def write_lines(tmp_path, lines: list[bytes]):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def record(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode("utf-8")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\u0085"])
def test_a_line_separator_inside_a_record_keeps_it_whole(tmp_path, separator):
    text = f"{GOOD}{separator}Turkey rejected the proposal."
    path = write_lines(tmp_path, [record(text=text, title="one"), record(text=GOOD, title="two")])
    units = read(path)
    assert [source for source, _ in units] == [f"{path}:1", f"{path}:2"]
    assert units[0][1].text == text and units[0][1].title == "one"


def test_a_byte_order_mark_keeps_the_first_record(tmp_path):
    path = write_lines(tmp_path, [b"\xef\xbb\xbf" + record(text=GOOD, title="first"), record(text=GOOD + "!")])
    units = read(path)
    assert [item.title for _, item in units] == ["first", None]


def test_an_invalid_utf8_byte_costs_no_other_record(tmp_path):
    bad = record(text=GOOD + " \u00e9").replace("\u00e9".encode(), b"\xe9")
    path = write_lines(tmp_path, [record(text=GOOD, title="one"), bad, b"\xff\xfe{", record(text=GOOD, title="four")])
    units = read(path)
    assert [source for source, _ in units] == [f"{path}:{n}" for n in (1, 2, 3, 4)]
    assert units[0][1].title == "one" and units[3][1].title == "four"
    assert units[1][1].text == GOOD + " \ufffd"
    assert units[1][1].notes == [f"{path}:2: invalid UTF-8 at byte {len(bad) - 2} replaced by U+FFFD"]
    assert units[2][1].startswith(f"{path}:3: not JSON")


HOSTILE = {
    "deeply nested": (b"[" * 100_000, "not JSON (nested too deeply)"),
    "deeply nested object": (b'{"text": ' + b'{"a": ' * 50_000, "not JSON (nested too deeply)"),
    "not JSON": (b"{text: 1}", "not JSON"),
    "huge integer": (b'{"text": ' + b"9" * 5000 + b"}", "not JSON"),
    "a list": (b"[1, 2]", "not a JSON object"),
    "text a number": (record(text=5), "'text' must be a string"),
    "title an object": (record(text=GOOD, title={"a": 1}), "'title' must be a string, not an object"),
    "url a list": (record(text=GOOD, url=["x"]), "'url' must be a string, not a list"),
    "source a number": (record(text=GOOD, source=7), "'source' must be a string, not a number"),
    "published a number": (record(text=GOOD, published=5), "'published' must be an ISO date string"),
    "published NaN": (b'{"text": "' + GOOD.encode() + b'", "published": NaN}', "'published' must be an ISO"),
    "published 1e999": (b'{"text": "' + GOOD.encode() + b'", "published": 1e999}', "'published' must be an ISO"),
    "published garbage": (record(text=GOOD, published="garbage"), "'published' is not a real ISO date"),
    "published 30 February": (record(text=GOOD, published="2020-02-30"), "'published' is not a real ISO date"),
    "no text": (record(title="x"), "no 'text' or 'html' field"),
    "zero-width text": (record(text="\u200b\u200c\u2060\ufeff"), "empty input"),
    "control characters": (record(text="\x01\x02\x03 \x7f"), "empty input"),
    "two letters": (record(text="ab !?"), "empty input"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_bad_line_is_skipped_with_its_number(tmp_path, case):
    line, why = HOSTILE[case]
    path = write_lines(tmp_path, [record(text=GOOD, title="one"), line, b"", record(text=GOOD, title="four")])
    units = read(path)
    assert [source for source, _ in units] == [f"{path}:1", f"{path}:2", f"{path}:4"]
    assert [units[0][1].title, units[2][1].title] == ["one", "four"]
    assert isinstance(units[1][1], str) and units[1][1].startswith(f"{path}:2: "), units[1][1]
    assert why in units[1][1]


def test_nul_and_lone_surrogates_become_replacement_characters():
    line = r'{"text": "Russia said\u0000 it supports \ud800 the ceasefire", "title": "a\u0000b\udc00"}'
    item = jsonl_record(line, "x.jsonl:1")
    assert item.text == "Russia said\ufffd it supports \ufffd the ceasefire"
    assert item.title == "a\ufffdb\ufffd"
    item.text.encode("utf-8")  # hashable and storable


def test_a_surrogate_pair_in_json_is_one_character():
    item = jsonl_record(r'{"text": "Russia said \ud83d\ude00 it agrees."}', "x.jsonl:1")
    assert item.text == "Russia said \U0001f600 it agrees."


def test_dates_are_checked_and_kept_as_days():
    assert jsonl_record(record(text=GOOD, published="2020-07-02"), "x").published == "2020-07-02"
    assert jsonl_record(record(text=GOOD, published="2020-07-02T10:30:00Z"), "x").published == "2020-07-02"
    assert jsonl_record(record(text=GOOD, published=None), "x").published is None
    assert jsonl_record(record(text=GOOD, published=""), "x").published is None
