"""The properties every hostile input must keep, and a tally of the inputs that break them."""
from __future__ import annotations

import json
import re
from collections import defaultdict

from click.testing import CliRunner

from parley.models import article_id

from .generate import Case

# CPU seconds an analysis may take: a constant (start-up of a call) plus so much per KB of input.
# Ordinary news costs about 0.04 s per KB on one core, so this leaves six times that.
CPU_CONSTANT_S = 0.5
CPU_PER_KB_S = 0.25


def cpu_budget(size: int) -> float:
    """The CPU seconds allowed for an input of ``size`` characters or bytes."""
    return CPU_CONSTANT_S + CPU_PER_KB_S * size / 1024


def contract_json(analysis) -> dict:
    """The analysis as a consumer reads it (JSON arrays, not tuples)."""
    return json.loads(json.dumps(analysis.to_dict(), ensure_ascii=False))


def schema_errors(data: dict, validator) -> list[str]:
    """What in ``data`` breaks the shipped JSON Schema (at most five messages)."""
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in errors[:5]]


def quoted_spans(data: dict) -> list[tuple[str, int, int, str | None]]:
    """Every span of an analysis: (what, start, end, the text it must quote or None)."""
    spans = []
    for actor in data.get("actors", []):
        spans += [(f"mention of {actor.get('id')}", m["start"], m["end"], m["text"]) for m in actor["mentions"]]
    for place in data.get("places", []):
        spans += [(f"mention of place {place.get('name')}", m["start"], m["end"], m["text"])
                  for m in place["mentions"]]
    for st in data.get("statements", []):
        spans.append(("statement", st["start"], st["end"], st["content"]))
        for key in ("source_span", "cue_span"):
            if st.get(key) is not None:
                spans.append((f"statement {key}", st[key]["start"], st[key]["end"], None))
    for section in ("relations", "demands", "conditionals", "events"):
        spans += [(section, f["start"], f["end"], f["evidence"]) for f in data.get(section, [])]
    return spans


def offset_errors(data: dict, text: str | None = None) -> list[str]:
    """Spans that are empty, outside the text, or do not quote it (``text`` None: the length only)."""
    n = data["article"]["length"] if text is None else len(text)
    bad = []
    for what, start, end, quote in quoted_spans(data):
        if not 0 <= start < end <= n:
            bad.append(f"{what[:60]}: span {start}:{end} empty or outside 0:{n}")
        elif quote is not None and (text[start:end] != quote if text is not None else end - start != len(quote)):
            bad.append(f"{what[:60]}: {start}:{end} does not quote {quote[:60]!r}")
    if text is not None and data["article"]["length"] != len(text):
        bad.append(f"article.length {data['article']['length']} != {len(text)}")
    return bad[:5]


_SANITISED = re.compile("[\x00\ud800-\udfff\ufffd]")


def text_errors(given: str, analysis) -> str | None:
    """Whether the analysed text is the text given, but for NUL and lone surrogates (which may be
    removed or replaced by U+FFFD), and the article's id and length are the analysed text's."""
    stored = analysis.article.text
    if _SANITISED.sub("", stored) != _SANITISED.sub("", given):
        return f"analysed text differs from the input: {stored[:80]!r}"
    if analysis.article.id != article_id(stored) or len(stored) != analysis.to_dict()["article"]["length"]:
        return "article id or length is not the analysed text's"
    return None


def cli(args: list[str]):
    """Run the parley CLI in this process; exceptions are caught and returned, as a user would see."""
    from parley.cli import cli as parley_cli

    return CliRunner().invoke(parley_cli, args, catch_exceptions=True)


def crash(result) -> str | None:
    """Why a CLI run counts as a crash: an exception escaped, a traceback, or exit 2 (usage only)."""
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        return f"{type(exc).__name__}: {str(exc)[:200]}"
    if "Traceback (most recent call last)" in result.output:
        return "traceback printed"
    if result.exit_code not in (0, 1):
        return f"exit {result.exit_code}: {result.stderr.strip()[-200:]}"
    return None


class Tally:
    """Inputs that broke each property, reported with the smallest offender of each kind."""

    def __init__(self) -> None:
        self.broken: dict[str, dict[str, list[tuple[Case, str]]]] = defaultdict(lambda: defaultdict(list))
        self.checked: dict[str, int] = defaultdict(int)

    def check(self, prop: str, case: Case, problem: str | list[str] | None) -> None:
        """Count ``case`` under ``prop``; a non-empty ``problem`` marks it broken."""
        self.checked[prop] += 1
        if problem:
            self.broken[prop][case.kind].append((case, problem if isinstance(problem, str) else "; ".join(problem)))

    def report(self, prop: str) -> str:
        """One paragraph for ``prop``: how many inputs broke it, and the smallest of each kind."""
        kinds = self.broken.get(prop, {})
        total = sum(len(v) for v in kinds.values())
        lines = [f"{prop}: {total} of {self.checked[prop]} inputs break it"]
        for kind, found in sorted(kinds.items()):
            case, problem = min(found, key=lambda f: f[0].size)
            lines.append(f"  {kind}: {len(found)}; smallest: {case.preview()}\n    -> {problem[:300]}")
        return "\n".join(lines)

    def assert_holds(self, prop: str) -> None:
        """Fail, with the report, if any input broke ``prop``."""
        assert self.checked[prop], f"{prop}: no input was checked"
        assert not self.broken.get(prop), self.report(prop)
