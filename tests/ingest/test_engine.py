"""Choosing the ingest engine: errors that need no model and no Ray instance."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.errors import ParleyError
from parley.ingest.pipeline import analyse_local, analyser

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_local_is_the_default_engine():
    assert analyser("local") is analyse_local


def test_an_unknown_engine_is_refused():
    with pytest.raises(ParleyError, match="unknown ingest engine 'spark'"):
        analyser("spark")


def test_ray_address_needs_the_ray_engine(tmp_path):
    result = run("ingest", str(ARTICLES), "--db", f"sqlite:///{tmp_path / 'p.db'}", "--ray-address", "auto")
    assert result.exit_code != 0
    assert "--ray-address needs --engine ray" in result.stderr


def test_without_ray_the_ray_engine_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    monkeypatch.setitem(sys.modules, "ray.data", None)
    result = run("ingest", str(ARTICLES), "--db", f"sqlite:///{tmp_path / 'p.db'}", "--engine", "ray")
    assert result.exit_code != 0
    assert "pip install 'parley-news[ray]'" in result.stderr
    assert "Traceback" not in result.output
