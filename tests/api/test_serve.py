"""`entente serve`: its defaults, what it tells the user, and a store it cannot open."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from entente.api import Settings, startup_notes
from entente.cli import app

runner = CliRunner()


@pytest.fixture
def served(monkeypatch):
    """uvicorn.run replaced: the command's arguments are recorded instead of served."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: calls.append((app, kwargs)))
    return calls


def test_serve_binds_to_loopback_by_default(tmp_path, served, monkeypatch):
    monkeypatch.delenv("ENTENTE_TOKEN", raising=False)
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 0, result.output
    (application, kwargs), = served
    assert kwargs["host"] == "127.0.0.1" and kwargs["port"] == 8000
    assert application.state.settings.db == tmp_path / "s.duckdb"
    assert "writes are disabled" in result.output


def test_serve_options(tmp_path, served, monkeypatch):
    monkeypatch.setenv("ENTENTE_TOKEN", "secret")
    monkeypatch.setenv("ENTENTE_MAX_UPLOAD", "1234")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), "--host", "0.0.0.0",
                                 "--port", "9001"])
    assert result.exit_code == 0, result.output
    (application, kwargs), = served
    assert (kwargs["host"], kwargs["port"]) == ("0.0.0.0", 9001)
    settings = application.state.settings
    assert settings.token == "secret" and settings.max_upload == 1234
    assert "reachable from other machines" in result.output
    assert "writes are disabled" not in result.output


@pytest.mark.parametrize("args", [["--port", "0"], ["--port", "70000"], ["--port", "http"]])
def test_bad_ports_are_usage_errors(tmp_path, served, args):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb"), *args])
    assert result.exit_code == 2 and not served


def test_a_store_that_cannot_be_opened_fails_before_serving(tmp_path, served):
    bad = tmp_path / "not-a-store.duckdb"
    bad.write_bytes(b"this is not a DuckDB file" * 100)
    result = runner.invoke(app, ["serve", "--db", str(bad)])
    assert result.exit_code == 2 and not served
    assert "cannot open the store" in result.output


def test_a_bad_upload_limit_is_named(tmp_path, served, monkeypatch):
    monkeypatch.setenv("ENTENTE_MAX_UPLOAD", "five megabytes")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 2 and "ENTENTE_MAX_UPLOAD" in result.output and not served


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("localhost", False), ("::1", False),
                                          ("0.0.0.0", True), ("192.168.1.4", True), ("example.org", True)])
def test_notes_warn_about_exposed_hosts(tmp_path, host, warned):
    notes = startup_notes(Settings(db=tmp_path / "s.duckdb", token="t"), host, 8000)
    assert any("reachable from other machines" in n for n in notes) == warned
