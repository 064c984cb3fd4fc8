"""`parley serve`: options, and a clean error for a bad database."""
from __future__ import annotations

from click.testing import CliRunner

from parley.cli import cli


def test_serve_help():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--max-body", "--model", "--kb"):
        assert option in result.output


def test_serve_starts_uvicorn_with_the_app(monkeypatch, store_url):
    import uvicorn

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    result = CliRunner().invoke(cli, ["serve", "--db", store_url, "--port", "8123", "--max-body", "512k"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.max_body == 512 * 1024
    assert "http://127.0.0.1:8123" in result.stderr


def test_serve_passes_model_and_kb_to_the_analyze_route(monkeypatch, store_url, tmp_path):
    import uvicorn

    kb = tmp_path / "extra.yaml"
    kb.write_text("actors: []\n", encoding="utf-8")
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app))
    result = CliRunner().invoke(cli, ["serve", "--db", store_url, "--kb", str(kb), "--model", "en_core_web_sm"])
    assert result.exit_code == 0, result.output
    settings = seen["app"].state.settings
    assert settings.kb == str(kb) and settings.model == "en_core_web_sm" and settings.db == store_url


def test_serve_bad_database_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", f"sqlite:///{tmp_path}/missing/dir/x.db"])
    assert result.exit_code == 2
    assert "error:" in result.stderr and "Traceback" not in result.output


def test_serve_bad_size():
    result = CliRunner().invoke(cli, ["serve", "--max-body", "lots"])
    assert result.exit_code == 2 and "not a size" in result.output
