"""The commands as a user runs them: exit codes, named problems, idempotent counts."""

import json

import pytest
from typer.testing import CliRunner

from entente.cli import app

runner = CliRunner()

GOOD_ONE = "Title: Talks in Oman\nDate: 2024-05-02\n\nDiplomats from two states met in Muscat on Tuesday to discuss shipping.\n"
GOOD_TWO = "Officials announced a new grain agreement between the two governments last week.\n"


def run(*args, db=None):
    extra = ["--db", str(db)] if db else []
    return runner.invoke(app, [*args, *extra])


def stats(db) -> dict:
    result = run("stats", "--format", "json", db=db)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def mixed_folder(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.txt").write_text(GOOD_ONE)
    (folder / "two.md").write_text(GOOD_TWO)
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text(
        '{"text": "The council adopted a resolution on maritime security."}\n'
        '{"text": "broken line\n'
        '{"text": "Ministers agreed to meet again in June.", "published": "2024-06-01"}\n')
    return folder


def test_bad_inputs_are_named_and_the_rest_is_stored(mixed_folder, tmp_path):
    db = tmp_path / "s.duckdb"
    result = run("ingest", str(mixed_folder), db=db)
    assert result.exit_code == 1
    problems = result.stderr if result.stderr_bytes is not None else result.output
    assert "blob.txt" in problems and "binary" in problems
    assert "empty.txt" in problems and "empty" in problems
    assert "feed.jsonl:2" in problems and "malformed JSON" in problems
    assert stats(db)["documents"] == 4  # two articles and two good JSON lines


def test_ingest_twice_gives_the_same_counts(mixed_folder, tmp_path):
    db = tmp_path / "s.duckdb"
    run("ingest", str(mixed_folder), db=db)
    first = stats(db)
    again = run("ingest", str(mixed_folder), db=db)
    assert "already stored" in again.output
    assert stats(db) == first


def test_all_good_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD_ONE)
    assert run("ingest", str(tmp_path / "a.txt"), db=tmp_path / "s.duckdb").exit_code == 0


def test_usage_errors_exit_two(tmp_path):
    assert runner.invoke(app, ["ingest"]).exit_code == 2
    assert runner.invoke(app, ["stats", "--format", "xml"]).exit_code == 2


def test_db_from_environment(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD_ONE)
    monkeypatch.setenv("ENTENTE_DB", str(tmp_path / "env.duckdb"))
    runner.invoke(app, ["ingest", str(tmp_path / "a.txt")])
    assert (tmp_path / "env.duckdb").exists()


def test_import_events_round_trips(tmp_path):
    from tests.conftest import make_event

    events = [make_event("e1"), make_event("e2", type="ASSAULT", mode=None)]
    source = tmp_path / "events.jsonl"
    source.write_text("".join(e.to_json() + "\n" for e in events) + "{not json\n")
    db = tmp_path / "s.duckdb"
    first = run("import", "events", str(source), db=db)
    assert first.exit_code == 1 and "events.jsonl:3" in first.output
    run("import", "events", str(source), db=db)
    assert stats(db)["events"] == 2
    out = run("events", "--format", "jsonl", db=db)
    from entente.model import Event
    assert [Event.from_json(line) for line in out.output.splitlines()] == events


def test_events_filters_and_formats(tmp_path):
    from tests.conftest import make_event

    source = tmp_path / "events.jsonl"
    source.write_text(make_event("e1").to_json() + "\n")
    db = tmp_path / "s.duckdb"
    run("import", "events", str(source), db=db)
    assert "e1" in run("events", "--actor", "IRN", "--format", "csv", db=db).output
    assert run("events", "--actor", "FRA", "--format", "jsonl", db=db).output == ""
    table = run("events", "--dyad", "RUS", "IRN", db=db)
    assert table.exit_code == 0 and "AID" in table.output
