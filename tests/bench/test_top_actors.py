"""The most active actors of a store are named actors with their identity (bench/top_actors.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

import top_actors  # noqa: E402

PRONOUNS = frozenset({"we", "they", "he"})
STATES = {"libya": "LY"}


def _row(**values) -> dict:
    return {"id": "russia", "name": "Russia", "kind": "state", "country": "RU", "mentions": 3, **values}


@pytest.mark.parametrize("row, flaw", [
    (_row(id="pronoun:we", name="we (unresolved)"), "pronoun"),
    (_row(id="group:violations", name="violations", kind="other", country=None), "common noun"),
    (_row(id="hor", name="hor", mentions=0), "placeholder"),
    (_row(id="libya", name="Libya", kind="other", country=None), "state as other/None"),
])
def test_each_flaw_is_named(row, flaw):
    assert flaw in top_actors.flaws(row, PRONOUNS, STATES)


def test_a_named_state_has_no_flaw():
    assert top_actors.flaws(_row(id="libya", name="Libya", country="LY"), PRONOUNS, STATES) == []


@pytest.mark.slow
@pytest.mark.skipif(not top_actors.DEFAULT_TEXTS[0].is_dir(), reason="no ../shared/bench beside the checkout")
def test_the_fifty_most_active_actors_of_the_news_store_are_clean(tmp_path):
    out = tmp_path / "top.json"
    proc = subprocess.run([sys.executable, str(REPO / "bench" / "top_actors.py"), "--json", str(out)], cwd=REPO,
                          capture_output=True, text=True, timeout=1200, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["top"] == 50 and figures["flagged"] == 0, figures["flags"]
