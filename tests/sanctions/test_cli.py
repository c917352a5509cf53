"""`entente sanctions load | match | actors` as a user runs them."""

import json
from pathlib import Path

from typer.testing import CliRunner

from entente.cli import app
from entente.model import Mention
from entente.store import Store
from tests.conftest import make_event

runner = CliRunner()
DATA = Path(__file__).parent / "data"


def run(*args, db):
    return runner.invoke(app, ["sanctions", *args, "--db", str(db)])


def flat(text):
    return " ".join(text.split())


def test_load_names_bad_lines_and_loads_the_rest(tmp_path):
    db = tmp_path / "s.duckdb"
    result = run("load", str(DATA / "entities.ftm.json"), db=db)
    assert result.exit_code == 1  # some lines failed
    out = flat(result.output)
    assert "entities.ftm.json:10: malformed JSON" in out and "entities.ftm.json:11" in out
    assert "read: 8, added: 8" in out
    again = run("load", str(DATA / "entities.ftm.json"), db=db)
    assert "added: 0, replaced: 8" in flat(again.output)


def test_load_csv(tmp_path):
    result = run("load", str(DATA / "list.csv"), db=tmp_path / "s.duckdb")
    assert result.exit_code == 1
    assert "list.csv:4: no name" in flat(result.output) and "read: 3" in flat(result.output)


def test_load_unknown_file_fails_clearly(tmp_path):
    result = run("load", str(tmp_path / "nope.csv"), db=tmp_path / "s.duckdb")
    assert result.exit_code == 2 and "no such file" in flat(result.output)


def test_match_table_and_json(tmp_path):
    db = tmp_path / "s.duckdb"
    run("load", str(DATA / "entities.ftm.json"), db=db)
    table = run("match", "Iran Air", db=db)
    assert table.exit_code == 0 and "test-co-iranair" in table.output and "Aseman" not in table.output
    found = json.loads(run("match", "Mahan Airlines", "--format", "json", db=db).output)
    assert [(m["entity_id"], m["matched_name"], m["score"]) for m in found] == [("test-co-mahan", "Mahan Air", 100.0)]
    variant = json.loads(run("match", "Hosein Amirabdolahian", "--format", "json", db=db).output)
    assert variant[0]["name"] == "Hossein Amir-Abdollahian"
    loose = json.loads(run("match", "Iran Air Tours", "--threshold", "70", "--format", "json", db=db).output)
    assert loose and loose[0]["entity_id"] == "test-co-iranair"


def test_actors(tmp_path):
    db = tmp_path / "s.duckdb"
    run("load", str(DATA / "entities.ftm.json"), db=db)
    with Store(db) as store:
        store.add_events([make_event(target=Mention(text="Iran Air", actor_id="IRAN_AIR", country="IRN"))])
    data = json.loads(run("actors", "--format", "json", db=db).output)
    assert [(a["words"], a["matches"][0]["entity_id"]) for a in data] == [("Iran Air", "test-co-iranair")]
    assert "Iran Air" in run("actors", db=db).output
