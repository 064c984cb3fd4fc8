"""The accuracy gate's comparisons: a figure below its floor fails, floors never fall."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

GATE_PATH = Path(__file__).resolve().parents[2] / "bench" / "gate.py"
spec = importlib.util.spec_from_file_location("parley_gate", GATE_PATH)
gate = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = gate   # dataclasses look their module up there
spec.loader.exec_module(gate)

FLOORS = {"example": {"statements.f1": 0.866, "relations.f1": 1.0}}


def test_a_figure_at_its_floor_passes():
    assert gate.compare(FLOORS, {"example": {"statements.f1": 0.8667, "relations.f1": 1.0}}) == []


def test_a_lowered_figure_fails():
    failures = gate.compare(FLOORS, {"example": {"statements.f1": 0.80, "relations.f1": 1.0}})
    assert failures == ["example statements.f1: 0.800 is below the floor 0.866"]


def test_a_missing_figure_fails():
    assert gate.compare(FLOORS, {"example": {"relations.f1": 1.0}}) == [
        "example statements.f1: not measured (floor 0.866)"]


def test_suites_not_run_are_not_judged():
    assert gate.compare(FLOORS, {}) == []


def test_raising_never_lowers_a_floor():
    new = gate.raised(FLOORS, {"example": {"statements.f1": 0.91, "relations.f1": 0.5}})
    assert new == {"example": {"statements.f1": 0.91, "relations.f1": 1.0}}
    assert FLOORS["example"]["statements.f1"] == 0.866


def test_scores_are_flattened_to_named_figures():
    raw = {"documents": 3, "content_overlap": {"f1": 0.5, "gold": 10}, "source_accuracy_on_matched": 0.9}
    assert gate.flatten(raw) == {"content_overlap.f1": 0.5, "source_accuracy_on_matched": 0.9}


def test_the_checked_in_baseline_names_known_suites_and_figures():
    data = json.loads(gate.BASELINE.read_text())
    known = {s.name for s in gate.SUITES}
    assert set(data["floors"]) <= known
    for figures in data["floors"].values():
        assert figures and all(0.0 <= v <= 1.0 for v in figures.values())


def test_no_commit_lowered_a_floor():
    assert gate.lowered_floors() == []


def test_a_commit_that_lowers_or_drops_a_floor_is_found():
    newest, older = {"example": {"relations.f1": 0.9}}, {"example": {"relations.f1": 1.0, "statements.f1": 0.8}}
    assert gate.lowered_between([newest, older]) == [
        "example relations.f1: floor 1.0 became 0.9", "example statements.f1: floor 0.8 became None"]
    assert gate.lowered_between([older, newest]) == []
