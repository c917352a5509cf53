"""`entente export`: each format written, readable by the tools it is for, and filters kept."""

from __future__ import annotations

import csv
import json

import pyarrow.dataset as ds
import pytest
from typer.testing import CliRunner

from entente import jobs
from entente.cli import app
from entente.export import export_events
from entente.ingest.datasets.gdelt import COLUMNS_V2
from entente.model import Event
from entente.store import EventFilter, Store
from tests.conftest import make_event
from tests.ingest.datasets.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    """A store with GDELT and ACLED rows (Jan and Feb 2024) and one extracted-style event."""
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        jobs.import_dataset(store, "gdelt", [FIXTURES / "gdelt2_events.CSV"])
        jobs.import_dataset(store, "acled", [FIXTURES / "acled_export.csv"])
        store.add_events([make_event("ev1")])  # IRN -> RUS AID, 2023-05, with an item
    return path


def export(db, format, out, *filters):
    result = runner.invoke(app, ["export", "--format", format, "--out", str(out),
                                 "--db", str(db), *filters])
    assert result.exit_code == 0, result.output
    return result


def test_parquet_is_partitioned_by_month(db, tmp_path):
    out = tmp_path / "parquet"
    result = export(db, "parquet", out)
    assert "exported 19 events" in result.output
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2023-05", "month=2024-01", "month=2024-02"]
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 19
    assert {"event_id", "source_country", "type", "month"} <= set(table.column_names)


def test_csv_has_the_event_columns(db, tmp_path):
    out = tmp_path / "events.csv"
    export(db, "csv", out, "--type", "ASSAULT")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and all(r["type"] == "ASSAULT" for r in rows)
    assert {"event_id", "source_country", "target_country", "provenance", "context"} <= set(rows[0])


def test_jsonl_records_round_trip(db, tmp_path):
    out = tmp_path / "events.jsonl"
    export(db, "jsonl", out, "--dyad", "IRN", "RUS")
    records = [Event.from_json(line) for line in out.read_text().splitlines()]
    assert {e.event_id for e in records} == {"ev1", "gdelt2:1160000001", "gdelt2:1160000008"}
    assert next(e for e in records if e.event_id == "ev1") == make_event("ev1")
    again = tmp_path / "again.duckdb"
    assert runner.invoke(app, ["import", "events", str(out), "--db", str(again)]).exit_code == 0


def test_gdelt_layout_reimports(db, tmp_path):
    out = tmp_path / "export.CSV"
    export(db, "gdelt", out, "--since", "2024-01", "--until", "2024-01-31")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 10
    assert all(len(line.split("\t")) == len(COLUMNS_V2) == 61 for line in lines)
    first = dict(zip(COLUMNS_V2, lines[0].split("\t")))
    assert (first["GLOBALEVENTID"], first["SQLDATE"], first["EventCode"], first["QuadClass"]) == (
        "1160000001", "20240115", "072", "2")
    actors = (first["Actor1Code"], first["Actor1CountryCode"], first["Actor2CountryCode"])
    assert actors == ("IRNGOV", "IRN", "RUS")
    assert first["SOURCEURL"] == "https://news.example.org/1"
    with Store(tmp_path / "other.duckdb") as other:
        report = jobs.import_dataset(other, "gdelt", [out])
        assert (report.added, report.malformed) == (10, 0)
        back = {e.provenance.row: e for e in other.events()}
        assert (back["1160000001"].type, back["1160000001"].mode) == ("AID", "military")


def test_plover_records_reimport_as_polecat(db, tmp_path):
    out = tmp_path / "events.jsonl"
    export(db, "plover", out)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 19
    first = next(r for r in records if r["id"] == "gdelt2:1160000001")
    assert (first["event"], first["mode"], first["date"]) == ("AID", "military", "2024-01-15")
    assert first["actor"][0]["code"] == "IRN" and first["recipient"][0]["code"] == "RUS"
    with Store(tmp_path / "other.duckdb") as other:
        report = jobs.import_dataset(other, "polecat", [out])
        assert (report.added, report.malformed) == (19, 0)
        assert len(other.events(EventFilter(dyad=("IRN", "RUS")))) == 3


def test_plover_record_reads_a_promise_as_an_intention_and_reimports_the_act(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.add_events([make_event("ev2", status="promised", cameo="0332")])
    out = tmp_path / "events.jsonl"
    export(path, "plover", out)
    (record,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert (record["event"], record["mode"]) == ("AGREE", None)
    assert record["act"] == {"type": "AID", "mode": "military"}
    with Store(tmp_path / "other.duckdb") as other:
        jobs.import_dataset(other, "polecat", [out])
        (back,) = other.events()
        assert (back.type, back.mode, back.status, back.cameo) == ("AID", "military", "promised", "0332")


def test_export_library_refuses_a_file_for_parquet(db, tmp_path):
    target = tmp_path / "file.parquet"
    target.write_text("x")
    with Store(db) as store:
        from entente.errors import UsageError

        with pytest.raises(UsageError):
            export_events(store, "parquet", target)
    result = runner.invoke(app, ["export", "--format", "parquet", "--out", str(target),
                                 "--db", str(db)])
    assert result.exit_code == 2


def test_an_empty_selection_writes_an_empty_file(db, tmp_path):
    out = tmp_path / "none.csv"
    result = export(db, "csv", out, "--actor", "FRA")
    assert "exported 0 events" in result.output
    assert out.read_text().startswith('"event_id"')
