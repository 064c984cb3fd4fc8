"""The multi-article scenario (tests/data/scenario): nine short articles of one invented
negotiation, a week apart, analysed with the scenario's actors and stored; the positions the
store computes must be exactly those of ``expected.json``, written by hand from the story."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "scenario"
FIRST_DAY = dt.date(2023, 3, 6)


def scenario_items() -> list[tuple[str, dict]]:
    """The scenario's articles with their dates: one a week, in file order."""
    paths = sorted((SCENARIO / "articles").glob("*.txt"))
    return [(p.read_text(encoding="utf-8"), {"source": p.name, "published": (FIRST_DAY + dt.timedelta(weeks=i))
                                             .isoformat()}) for i, p in enumerate(paths)]


@pytest.fixture(scope="module")
def scenario_analyses():
    from parley.analyzer import analyze_many
    from parley.config import Settings

    return list(analyze_many(scenario_items(), settings=Settings.load(kb=str(SCENARIO / "actors.yaml"))))


def observed(position: dict, about: str) -> dict:
    """A position as the expected file writes it."""
    return {"about": about, "kind": position["kind"], "holders": position["holders"], "status": position["status"],
            "first_seen": position["first_seen"], "last_seen": position["last_seen"],
            "history": [f"{h['date']} {h['status']} {' '.join(h['actors'])}" for h in position["history"]],
            "rejected_by": [f"{r['actor']} {r['date']}" for r in position["rejected_by"]],
            "accepted_by": [f"{r['actor']} {r['date']}" for r in position["accepted_by"]],
            "flags": [f"{f['type']} {' '.join(f['actors'])} {f['date']}" for f in position["flags"]]}


def _flag_matches(expected: str, got: str, detail: str) -> bool:
    """An expected flag may end with words its detail must contain."""
    words = expected.split()
    return got == " ".join(words[:3]) and " ".join(words[3:]) in detail


def test_the_scenario_has_at_least_eight_articles():
    assert len(scenario_items()) >= 8


def test_scenario_positions_are_exactly_the_expected_ones(store, scenario_analyses):
    for analysis in scenario_analyses:
        assert store.add_analysis(analysis)
    expected = json.loads((SCENARIO / "expected.json").read_text(encoding="utf-8"))
    got = store.positions().items
    assert len(got) == len(expected["positions"]), [p["summary"] for p in got]
    for want, position in zip(expected["positions"], got):
        assert want["about"] in position["summary"], (want["about"], position["summary"])
        seen = observed(position, want["about"])
        flags = seen.pop("flags")
        assert seen == {k: v for k, v in want.items() if k != "flags"}
        assert len(flags) == len(want["flags"])
        assert all(_flag_matches(w, g, f["detail"]) for w, g, f in zip(want["flags"], flags, position["flags"]))
    shifts = [f"{s['actors'][0]} {s['target']} {s['date']} {s['detail'].split()[0]} {s['detail'].split()[-3]}"
              for s in store.shifts() if s["type"] == "stance_shift"]
    assert shifts == expected["stance_shifts"]
