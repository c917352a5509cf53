"""`entente check` as a user runs it: table and JSON, a transfer or a stored event."""

import json

from typer.testing import CliRunner

from entente.cli import app
from entente.model import Item
from entente.store import Store
from tests.conftest import make_event

runner = CliRunner()


def flat(text):
    return " ".join(text.split())
FATH = ["check", "--supplier", "IRN", "--recipient", "RUS", "--item", "Fath-360", "--date", "2024-09"]


def test_table():
    result = runner.invoke(app, FATH)
    assert result.exit_code == 0, result.output
    assert "UNSCR 2231 (2015) Annex B para 4" in result.output
    assert "ended on 2023-10-18" in result.output
    assert "< 300 km, not an MTCR Category I or II" in result.output
    assert "out of scope:" in result.output and "unscr1718-8" in result.output
    assert "Not restricted by any Security Council provision" in flat(result.output)


def test_json():
    result = runner.invoke(app, [*FATH, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["item"]["mtcr_category"] == "none"
    b4 = next(v for v in data["verdicts"] if v["id"] == "unscr2231-b4")
    assert (b4["applies"], b4["in_force"], b4["covered"], b4["result"]) == (True, False, False, "not_restricted")


def test_names_instead_of_codes():
    result = runner.invoke(app, ["check", "--supplier", "North Korea", "--recipient", "Russia",
                                 "--item", "KN-23", "--date", "2024", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["transfer"]["supplier"] == "PRK"
    assert "Restricted by UNSCR 1718" in data["summary"]


def test_stored_event(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.add_events([make_event(date="2022-10", items=[Item(text="Shahed-136 drones", name="Shahed-136")])])
    result = runner.invoke(app, ["check", "--event", "ev1", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["transfer"]["event_id"] == "ev1"
    assert next(v for v in data["verdicts"] if v["id"] == "unscr2231-b4")["result"] == "restricted"
    table = runner.invoke(app, ["check", "--event", "ev1", "--db", str(db)])
    assert table.exit_code == 0 and "event ev1" in table.output


def test_event_with_several_items_prints_a_list(tmp_path):
    db = tmp_path / "s.duckdb"
    items = [Item(text="Shahed-136", name="Shahed-136"), Item(text="Fath-360", name="Fath-360")]
    with Store(db) as store:
        store.add_events([make_event(date="2024-10", items=items)])
    result = runner.invoke(app, ["check", "--event", "ev1", "--db", str(db), "--format", "json"])
    assert [r["item"]["name"] for r in json.loads(result.output)] == ["Shahed-136", "Fath-360"]


def test_errors_are_named(tmp_path):
    for args, words in [
        (["check", "--supplier", "Narnia", "--recipient", "RUS"], "Narnia"),
        (["check", "--supplier", "IRN", "--recipient", "RUS", "--date", "someday"], "not a date"),
        (["check"], "--supplier"),
        (["check", "--event", "x", "--supplier", "IRN"], "not both"),
        (["check", "--event", "x", "--db", str(tmp_path / "missing.duckdb")], "no such store"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        assert words in " ".join(result.output.split()), (args, result.output)
