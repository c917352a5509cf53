"""Sanctions reads: a name's matches and the stored actors that are listed, as the CLI's JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from entente.api import create_app
from entente.cli import app as cli
from entente.sanctions import load_file
from entente.store import Store
from tests.api.conftest import MAX_UPLOAD, TOKEN, TestClient, build_store

runner = CliRunner()
DATA = Path(__file__).resolve().parents[1] / "sanctions" / "data"


@pytest.fixture(scope="module")
def listed_store(tmp_path_factory):
    """The API test store (its event e4 targets "Iran Air") with the test FtM list loaded."""
    path = build_store(tmp_path_factory.mktemp("sanctions") / "api.duckdb")
    with Store(path) as store:
        report = load_file(store, DATA / "entities.ftm.json")
    assert report.added == 8  # two lines of the file are broken on purpose
    return path


@pytest.fixture(scope="module")
def client(listed_store):
    with TestClient(create_app(listed_store, token=TOKEN, max_upload=MAX_UPLOAD)) as client:
        yield client


def cli_json(store_path, *args):
    result = runner.invoke(cli, ["sanctions", *args, "--db", str(store_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_match_finds_iran_air(client):
    response = client.get("/api/sanctions/match", params={"name": "Iran Air"})
    assert response.status_code == 200, response.text
    found = response.json()
    assert found[0]["entity_id"] == "test-co-iranair" and found[0]["score"] == 100.0
    assert found[0]["programs"] == ["TEST-IRAN-RUSSIA-2024"]
    assert response.headers["x-sanctioned-entities"] == "8"


@pytest.mark.parametrize("args", [
    ("Iran Air",), ("Mahan Airlines",), ("Hosein Amirabdolahian",),
    ("Iran Air Tours", "--threshold", "70"), ("Iran", "--threshold", "50", "--limit", "2"),
])
def test_match_is_the_cli_json(client, listed_store, args):
    query = {"name": args[0]}
    for flag, value in zip(args[1::2], args[2::2]):
        query[flag.lstrip("-")] = value
    assert client.get("/api/sanctions/match", params=query).json() == cli_json(listed_store, "match", *args)


def test_actors_is_the_cli_json(client, listed_store):
    found = client.get("/api/sanctions/actors").json()
    # both the words in the sentence and the actor's name ("IRAN_AIR" here) are matched
    assert {(a["words"], a["actor_id"], a["matches"][0]["entity_id"]) for a in found} == {
        ("Iran Air", "IRAN_AIR", "test-co-iranair"), ("IRAN_AIR", "IRAN_AIR", "test-co-iranair")}
    assert found == cli_json(listed_store, "actors")
    loose = client.get("/api/sanctions/actors", params={"threshold": 60}).json()
    assert loose == cli_json(listed_store, "actors", "--threshold", "60")


@pytest.mark.parametrize("query, detail", [
    ("", "name: Field required"),
    ("name=", "name: give a name to match"),
    ("name=%20%20", "name: give a name to match"),
    ("name=" + "x" * 201, "name: longer than 200 characters"),
    ("name=Iran%00Air", "name: control characters are not allowed"),
    ("name=Iran&threshold=101", "threshold:"),
    ("name=Iran&limit=0", "limit:"),
])
def test_match_refuses_bad_parameters(client, query, detail):
    response = client.get(f"/api/sanctions/match?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["detail"].startswith(detail)


def test_actors_refuses_a_bad_threshold(client):
    response = client.get("/api/sanctions/actors?threshold=-1")
    assert response.status_code == 400 and response.json()["detail"].startswith("threshold:")


def test_without_a_list_both_are_empty(tmp_path):
    path = build_store(tmp_path / "bare.duckdb")
    with TestClient(create_app(path, token=TOKEN)) as bare:
        match = bare.get("/api/sanctions/match", params={"name": "Iran Air"})
        actors = bare.get("/api/sanctions/actors")
    assert match.status_code == actors.status_code == 200
    assert match.json() == actors.json() == []
    assert match.headers["x-sanctioned-entities"] == actors.headers["x-sanctioned-entities"] == "0"
    assert cli_json(path, "actors") == []


def test_endpoints_are_in_the_openapi_description(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/sanctions/match" in paths and "/api/sanctions/actors" in paths
