"""Properties over arbitrary inputs (hypothesis): analysis spans quote any text, and the JSONL
reader yields exactly the valid records, in order, naming the line of each bad one."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from parley.errors import InputError
from parley.ingest.sources import Unit, expand_sources

from .generate import ARTICLES, QUOTES, SEPARATORS, ZERO_WIDTH
from .props import contract_json, offset_errors, schema_errors, text_errors

pytestmark = pytest.mark.slow

# Derandomized, with no example database: the same examples on every run and machine.
FUZZ = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# Any code point, lone surrogates included (hypothesis leaves those out unless asked).
ANY_CHAR = st.characters(exclude_categories=["Cn"])
ODD_CHARS = st.sampled_from(list(QUOTES + SEPARATORS + ZERO_WIDTH + "\x00\x01\x1b\x7f\r\n\t\ud800\udfff"))


@st.composite
def texts(draw) -> str:
    """An article with arbitrary text (any code points, odd ones favoured) spliced in."""
    base = draw(st.sampled_from(["", *ARTICLES]))
    noise = draw(st.text(st.one_of(ANY_CHAR, ODD_CHARS), max_size=300))
    at = draw(st.integers(0, len(base)))
    return base[:at] + noise + base[at:]


@settings(FUZZ, max_examples=150)
@given(text=texts())
def test_analysis_spans_quote_any_text(validator, warm, text):
    import parley

    note(f"the text: {text!r}")
    analysis = parley.analyze(text)
    data = contract_json(analysis)
    assert not schema_errors(data, validator)
    assert not offset_errors(data, analysis.article.text)
    assert not text_errors(text, analysis)


# -- the JSONL reader ----------------------------------------------------------------------------
# Record texts keep no control characters: the reader may drop those, and the texts must match.
PLAIN = st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"])
GOOD_TEXT = st.builds(lambda base, tail: f"{base} {tail}", st.sampled_from(ARTICLES),
                      st.text(st.one_of(PLAIN, st.sampled_from(list(SEPARATORS))), max_size=40))
DATES = st.dates().map(lambda d: d.isoformat()).filter(lambda d: len(d) == 10)
BAD_LINES = [b"[1, 2]", b"null", b"5", b'"text"', b"{}", b'{"title": "only a title"}', b'{"text": 5}',
             b'{"text": ["a"]}', b"{'text': 'single quotes'}", b"[" * 5000, b'{"text": "x", "n": ' + b"[" * 5000 + b"}",
             b'{"text": "Russia supports the talks.", "published": "garbage"}',
             b'{"text": "Russia supports the talks.", "published": "2020-02-30"}',
             b'{"text": "Russia supports the talks.", "published": 5}',
             b'{"text": "Russia supports the talks.", "published": NaN}',
             b'{"text": "Russia supports the talks.", "published": 1e999}',
             b'{"text": "Russia supports the talks.", "title": {"a": 1}}',
             b'{"text": "Russia supports the talks.", "url": ["x"]}',
             b'\xff{"text": "Russia supports the talks."}', b"\xc0\xaf"]


@st.composite
def good_record(draw) -> tuple[bytes, dict]:
    record = {"text": draw(GOOD_TEXT)}
    if draw(st.booleans()):
        record["published"] = draw(DATES)
    if draw(st.booleans()):
        record["title"] = draw(st.text(PLAIN, min_size=1, max_size=20))
    return json.dumps(record, ensure_ascii=draw(st.booleans())).encode("utf-8"), record


BAD = st.one_of(st.sampled_from(BAD_LINES),
                st.text(st.characters(codec="utf-8", exclude_characters="\n\r"), max_size=60)
                .map(lambda s: ("#" + s).encode("utf-8")))
LINE = st.one_of(good_record(), BAD.map(lambda b: (b, None)), st.sampled_from([b"", b"  ", b"\t"]).map(lambda b: (b, "")))


def _read(path: Path) -> list:
    """What the reader makes of a JSONL file: a record's text and date, or the error's line number."""
    out = []
    for unit in expand_sources([str(path)]):
        if isinstance(unit, Unit):
            try:
                item = unit.load()
            except InputError as exc:
                unit = exc
            else:
                out.append(("good", item.text, item.published))
                continue
        found = re.search(rf"{re.escape(str(path))}:(\d+)|line (\d+)", str(unit))
        out.append(("bad", int(next(g for g in found.groups() if g)) if found else str(unit)))
    return out


@settings(FUZZ, max_examples=200)
@given(lines=st.lists(LINE, max_size=12), bom=st.booleans(), crlf=st.booleans(), end=st.booleans())
def test_the_jsonl_reader_yields_the_valid_records_in_order(tmp_path_factory, lines, bom, crlf, end):
    path = tmp_path_factory.mktemp("reader") / "input.jsonl"
    body = (b"\r\n" if crlf else b"\n").join(raw for raw, _ in lines) + (b"\n" if end and lines else b"")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body)
    expected = []
    for number, (_, record) in enumerate(lines, 1):
        if record is None:
            expected.append(("bad", number))
        elif record:
            expected.append(("good", record["text"], record.get("published")))
    note(f"the file: {path.read_bytes()[:600]!r}")
    assert _read(path) == expected
