"""Sanctions files into the store and names out of it: FollowTheMoney and CSV, bad lines named."""

from pathlib import Path

import pytest

from entente.errors import InputError
from entente.model import Mention
from entente.sanctions import load_file, match_name, match_store_actors
from entente.sanctions.readers import read_sanctions
from entente.store import Store
from entente.store import sanctions as table
from tests.conftest import make_event

DATA = Path(__file__).parent / "data"
FTM, CSV = DATA / "entities.ftm.json", DATA / "list.csv"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


@pytest.fixture
def loaded(store):
    load_file(store, FTM)
    load_file(store, CSV)
    return store


def by_id(path):
    return {e.entity_id: e for e in read_sanctions(path) if hasattr(e, "entity_id")}


def test_ftm_parties_with_their_sanction_records():
    found = by_id(FTM)
    iran_air = found["test-co-iranair"]
    assert (iran_air.entity_schema, iran_air.countries) == ("Company", ["IRN"])
    assert iran_air.programs == ["TEST-IRAN-RUSSIA-2024"]          # from the separate Sanction record
    assert (iran_air.listed_on, iran_air.listed_precision) == ("2024-09-10", "day")
    assert "Homa" in iran_air.aliases
    assert found["test-co-mahan"].listed_on == "2024-10-14"         # createdAt
    assert found["test-co-nested"].programs == ["TEST-EU-2024"]     # nested Sanction
    assert found["test-vessel-1"].countries == ["RUS"]              # flag
    assert {e.entity_schema for e in found.values()} >= {"Person", "Company", "Vessel", "Airplane"}


def test_csv_rows():
    found = {e.name: e for e in read_sanctions(CSV) if hasattr(e, "name")}
    irisl = found["Islamic Republic of Iran Shipping Lines"]
    assert irisl.aliases == ["IRISL", "IRISL Group"] and irisl.countries == ["IRN"]
    assert found["Qeshm Fars Air"].aliases == ["Qeshm Fars Air Co.", "Fars Air Qeshm"]
    assert found["Qeshm Fars Air"].listed_precision == "year"
    assert found["Sergei Lavrov"].countries == ["RUS"]              # a country name, not a code


def test_bad_lines_are_named_and_the_rest_loads(store):
    report = load_file(store, FTM)
    assert report.read == 8 and report.added == 8 and report.other_schemata == 1
    assert [(p.path, p.line) for p in report.problems] == [(str(FTM), 10), (str(FTM), 11)]
    assert "malformed JSON" in report.problems[0].reason
    assert "without a name" in report.problems[1].reason
    report = load_file(store, CSV)
    assert report.read == 3
    assert [(p.line, p.reason.split(" ")[0]) for p in report.problems] == [(4, "no"), (5, "listed_on")]


def test_reloading_replaces_without_duplicates(store):
    load_file(store, FTM)
    again = load_file(store, FTM)
    assert (again.added, again.replaced) == (0, 8)
    assert table.count(store) == 8


@pytest.mark.parametrize("path, problem", [
    (DATA / "missing.json", "no such file"),
    (DATA / "README.md", "unknown format"),
])
def test_unreadable_file_is_an_input_error(store, path, problem):
    with pytest.raises(InputError, match=problem):
        load_file(store, path)


def test_csv_without_a_name_column(store, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("who,country\nIran Air,IR\n")
    report = load_file(store, path)
    assert report.read == 0 and report.problems[0].line == 1 and "name" in report.problems[0].reason


@pytest.mark.parametrize("query, entity_id", [
    ("Iran Air", "test-co-iranair"),
    ("Mahan Airlines", "test-co-mahan"),
    ("Hosein Amirabdolahian", "test-person-fm"),
    ("Hamzeh Qalandari, Seyyed", "test-person-hamzeh"),
    ("IRISL", None),  # matched through a CSV alias; id is a content hash
])
def test_match_name_finds_the_party(loaded, query, entity_id):
    found = match_name(query, loaded)
    assert found, query
    assert found[0].score >= 85
    if entity_id:
        assert found[0].entity_id == entity_id
    else:
        assert found[0].name == "Islamic Republic of Iran Shipping Lines" and found[0].matched_name == "IRISL"


def test_a_similar_name_of_another_party_stays_out(loaded):
    assert [m.entity_id for m in match_name("Iran Air", loaded)] == ["test-co-iranair"]
    assert [m.entity_id for m in match_name("Iran Aseman Airlines", loaded)] == ["test-co-aseman"]


def test_threshold(loaded):
    assert match_name("Iran Air Tours", loaded) == []
    assert match_name("Iran Air Tours", loaded, threshold=70)[0].entity_id == "test-co-iranair"


def test_empty_store_and_short_names(tmp_path, loaded):
    with Store(tmp_path / "empty.duckdb") as empty:
        assert match_name("Iran Air", empty) == []
    assert match_name("EU", loaded, threshold=0) == []  # too short to match anything


def test_match_store_actors(loaded):
    mahan = Mention(text="Mahan Airlines", actor_id="MAHAN_AIR", country="IRN", name="Mahan Air")
    events = [make_event("e1", target=mahan), make_event("e2", source=mahan, target=None)]
    loaded.add_events(events)
    found = match_store_actors(loaded)
    names = {(a.words, a.matches[0].entity_id) for a in found}
    assert ("Mahan Airlines", "test-co-mahan") in names and ("Mahan Air", "test-co-mahan") in names
    mahan_words = next(a for a in found if a.words == "Mahan Airlines")
    assert mahan_words.events == 2 and mahan_words.actor_id == "MAHAN_AIR"
    assert all(a.words not in ("Tehran", "Moscow", "Iran") for a in found)
