"""`parley positions` over a store of the scenario articles, ingested through the CLI."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from parley.cli import cli

from .test_scenario import SCENARIO, scenario_items


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def scenario_db(store_url, tmp_path):
    records = tmp_path / "scenario.jsonl"
    records.write_text("".join(json.dumps({"text": text, **meta}) + "\n" for text, meta in scenario_items()),
                       encoding="utf-8")
    result = run("ingest", str(records), "--db", store_url, "--kb", str(SCENARIO / "actors.yaml"))
    assert result.exit_code == 0, result.output
    return store_url


def test_positions_lists_filters_and_shifts(scenario_db):
    every = json.loads(run("positions", "--db", scenario_db, "--format", "json").stdout)
    assert len(every) == 7 and all(p["history"] for p in every)
    front = json.loads(run("positions", "Northern Front", "--topic", "withdrawal", "--db", scenario_db,
                           "--format", "json").stdout)
    assert [p["id"] for p in front] == [every[0]["id"]]
    threats = json.loads(run("positions", "--kind", "threat", "--since", "2023-03-27", "--db", scenario_db,
                             "--format", "json").stdout)
    assert [p["holders"] for p in threats] == [["northern-front"], ["velmora"]]
    assert json.loads(run("positions", "--until", "2023-03-06", "--db", scenario_db, "--format", "json").stdout) \
        == every[:2]
    table = run("positions", "velmora", "--db", scenario_db)
    assert table.exit_code == 0 and "reversal" in table.stdout and "history" not in table.stdout
    csv = run("positions", "--db", scenario_db, "--format", "csv").stdout.splitlines()
    assert csv[0].startswith("id,kind,holders,summary") and len(csv) > 7
    shifts = json.loads(run("positions", "Ostmark", "--shifts", "--db", scenario_db, "--format", "json").stdout)
    assert [(s["type"], s["target"]) for s in shifts] == [("stance_shift", "velmora")]
