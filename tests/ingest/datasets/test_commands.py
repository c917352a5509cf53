"""`entente import gdelt|icews|acled|polecat FILE...` as a user runs them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from entente.cli import app
from tests.ingest.datasets.conftest import FIXTURES

runner = CliRunner()


def stats(db) -> dict:
    return json.loads(runner.invoke(app, ["stats", "--format", "json", "--db", str(db)]).output)


def problems_of(result) -> str:
    return result.stderr if result.stderr_bytes is not None else result.output


@pytest.mark.parametrize("dataset, files, added, first_bad", [
    ("gdelt", ["gdelt2_events.CSV"], 10, "gdelt2_events.CSV:9"),
    ("icews", ["icews_events.tab"], 6, "icews_events.tab:8"),
    ("acled", ["acled_export.csv"], 8, "acled_export.csv:11"),
    ("polecat", ["polecat_week.txt", "polecat_events.jsonl"], 10, "polecat_week.txt:7"),
])
def test_import_command(tmp_path, dataset, files, added, first_bad):
    db = tmp_path / "s.duckdb"
    args = ["import", dataset, *(str(FIXTURES / f) for f in files), "--db", str(db)]
    first = runner.invoke(app, args)
    assert first.exit_code == 1, first.output  # malformed rows were skipped and named
    assert first_bad in problems_of(first)
    assert stats(db)["events"] == added
    again = runner.invoke(app, args)
    assert stats(db)["events"] == added
    assert f"{added}" in again.output and "already stored" in again.output


def test_import_then_query_a_dyad(tmp_path):
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["import", "gdelt", str(FIXTURES / "gdelt2_events.CSV"), "--db", str(db)])
    result = runner.invoke(app, ["events", "--dyad", "IRN", "RUS", "--format", "jsonl",
                                 "--db", str(db)])
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == 2


def test_unknown_dataset_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["import", "cameo", "x.csv"]).exit_code == 2
