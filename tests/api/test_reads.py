"""Read endpoints: filters, paging, the document view, errors, and the CLI's JSON shapes."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from entente.api import create_app
from entente.cli import app as cli
from entente.web import STATIC
from tests.api.conftest import MAX_UPLOAD, TEXT, TOKEN, TestClient, build_store

runner = CliRunner()


# Reads change nothing: one store and one app serve the whole module.
@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("reads") / "api.duckdb")


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)) as client:
        yield client


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()]


def cli_json(store_path, *args):
    result = runner.invoke(cli, [*args, "--db", str(store_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_stats_is_the_cli_stats(client, store_path):
    assert client.get("/api/stats").json() == cli_json(store_path, "stats")


@pytest.mark.parametrize("query, expected", [
    ("", ["e2", "e1", "e3", "e4", "e5", "e6"]),
    ("type=AID", ["e2", "e1", "e5"]),
    ("type=aid&status=denied", ["e2"]),
    ("actor=ISR", ["e3"]),
    ("actor=iran_air", ["e4"]),
    ("dyad=RUS,IRN", ["e2", "e1", "e5", "e6"]),
    ("since=2024&until=2024-09-30", ["e3", "e4"]),
    ("since=2024-10", ["e5"]),
    ("item=Shahed-136", ["e2", "e5"]),
    ("item=40%20drones", ["e1"]),
    ("status=planned", ["e6"]),
    ("type=AID&actor=USA", []),
])
def test_event_filters(client, query, expected):
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_events_are_the_cli_event_records(client, store_path):
    result = runner.invoke(cli, ["events", "--db", str(store_path), "--format", "jsonl"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert client.get("/api/events").json() == records


def test_paging_walks_every_event_once(client):
    every = ids(client.get("/api/events"))
    seen, url, pages = [], "/api/events?limit=4", 0
    while url:
        response = client.get(url)
        seen += ids(response)
        pages += 1
        next_offset = response.headers.get("x-next-offset")
        link = response.headers.get("link")
        if next_offset:
            assert link and 'rel="next"' in link and f"offset={next_offset}" in link
            url = re.match(r"<([^>]+)>", link).group(1)
        else:
            assert link is None
            url = None
    assert seen == every and pages == 2


def test_paging_keeps_the_filters(client):
    response = client.get("/api/events?type=AID&limit=1&offset=1")
    assert ids(response) == ["e1"]
    assert "type=AID" in response.headers["link"] and response.headers["x-next-offset"] == "2"
    assert ids(client.get("/api/events?type=AID&limit=1&offset=2")) == ["e5"]
    assert ids(client.get("/api/events?type=AID&offset=50")) == []


@pytest.mark.parametrize("query, named", [
    ("type=FOO", "type"), ("status=maybe", "status"), ("since=2024-13", "since"),
    ("since=2024-02-30", "since"), ("until=yesterday", "until"), ("limit=0", "limit"),
    ("limit=5000", "limit"), ("limit=abc", "limit"), ("offset=-1", "offset"),
    ("dyad=IRN", "dyad"), ("actor=IRN';DROP TABLE events;--", "actor"),
    ("since=2025&until=2024", "since"), ("item=" + "x" * 300, "item"),
])
def test_bad_parameters_get_400_naming_the_parameter(client, query, named):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400 and body["error"] == "Bad Request"
    assert body["detail"].startswith(named), body["detail"]


def test_document_with_spans(client, doc_id):
    response = client.get(f"/api/documents/{doc_id}")
    assert response.status_code == 200
    doc = response.json()
    assert doc["text"] == TEXT and doc["doc_id"] == doc_id and doc["title"] == "Drones"
    assert [e["event_id"] for e in doc["events"]] == ["e2", "e1", "e3", "e4", "e5", "e6"]
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds == {"trigger", "actor", "item"}
    for span in doc["spans"]:
        assert TEXT[span["start"]:span["end"]] == span["text"]
    shipped = [s for s in doc["spans"] if s["kind"] == "trigger" and s["text"] == "shipped"]
    assert {e for s in shipped for e in s["events"]} == {"e1", "e2", "e5"}
    tehran = next(s for s in doc["spans"] if s["text"] == "Tehran")
    assert tehran["label"] == "IRN" and set(tehran["roles"]) == {"source", "target"}


def test_documents_list(client, doc_id):
    listed = client.get("/api/documents").json()
    assert [d["doc_id"] for d in listed] == [doc_id] and "text" not in listed[0]


@pytest.mark.parametrize("path, status", [
    ("/api/documents/0123456789abcdef", 404),
    ("/api/documents/not-a-document-id", 400),
    ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404),
    ("/api/documents/%2Fetc%2Fpasswd", 404),
    ("/api/events/no-such-event", 404),
    ("/api/nothing/here", 404),
])
def test_missing_and_malformed_ids(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.json()["status"] == status and response.json()["detail"]


def test_event_by_id(client):
    assert client.get("/api/events/e3").json()["type"] == "ASSAULT"


@pytest.mark.parametrize("api, cli_args", [
    ("/api/dyads/IRN/RUS", ["dyad", "IRN", "RUS"]),
    ("/api/dyads/irn/rus?by=year&since=2023", ["dyad", "irn", "rus", "--by", "year", "--since", "2023"]),
    ("/api/shifts?min_events=1&since=2020", ["shifts", "--min-events", "1", "--since", "2020"]),
    ("/api/network", ["network"]),
    ("/api/network?weight=count&until=2023", ["network", "--weight", "count", "--until", "2023"]),
    ("/api/claims", ["claims"]),
    ("/api/claims?dyad=IRN,RUS&type=AID", ["claims", "--dyad", "IRN", "RUS", "--type", "AID"]),
    ("/api/transfers", ["transfers"]),
    ("/api/transfers?supplier=IRN&since=2024", ["transfers", "--supplier", "IRN", "--since", "2024"]),
    ("/api/check?supplier=IRN&recipient=RUS&item=Fath-360&date=2024-09",
     ["check", "--supplier", "IRN", "--recipient", "RUS", "--item", "Fath-360", "--date", "2024-09"]),
    ("/api/check?event=e5", ["check", "--event", "e5"]),
])
def test_analyses_answer_as_the_cli_does(client, store_path, api, cli_args):
    response = client.get(api)
    assert response.status_code == 200, response.text
    assert response.json() == cli_json(store_path, *cli_args)


@pytest.mark.parametrize("path, named", [
    ("/api/dyads/IRN/IRN", "a dyad needs two different actors"),
    ("/api/dyads/IRN/RUS?by=decade", "by"),
    ("/api/network?weight=mass", "weight"),
    ("/api/claims?type=NOPE", "type"),
    ("/api/check", "give supplier and recipient"),
    ("/api/check?event=e5&supplier=IRN", "give event"),
    ("/api/check?supplier=IRN&recipient=RUS&date=someday", "'someday' is not a date"),
])
def test_analysis_errors_are_400(client, path, named):
    response = client.get(path)
    assert response.status_code == 400
    assert named in response.json()["detail"]


def test_check_of_an_unknown_event_is_404(client):
    assert client.get("/api/check?event=nope").status_code == 404


def test_top_dyads(client):
    assert client.get("/api/dyads?top=2").json() == [
        {"a": "IRN", "b": "RUS", "events": 4}, {"a": "IRAN_AIR", "b": "USA", "events": 1}]


def test_openapi_and_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/documents/{doc_id}", "/api/dyads/{a}/{b}", "/api/network",
                 "/api/claims", "/api/transfers", "/api/check", "/api/stats", "/api/documents",
                 "/api/extract"):
        assert path in spec["paths"], path
    assert spec["paths"]["/api/extract"]["post"]["security"] == [{"HTTPBearer": []}]
    assert client.get("/docs").status_code == 200


def test_the_ui_is_served_with_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    for asset in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert asset.startswith(("/static/", "#/", "/api/")), f"outside asset: {asset}"
        if asset.startswith("/static/"):
            assert client.get(asset).status_code == 200, asset


def test_the_ui_never_parses_data_as_html():
    """Data reaches the page as text only: no HTML-parsing sink anywhere in the UI's code."""
    for path in STATIC.rglob("*"):
        if path.suffix in (".js", ".html"):
            code = path.read_text(encoding="utf-8")
            code = re.sub(r"/\*.*?\*/", "", code, flags=re.S)  # comments may name the sinks
            for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                         "eval(", "new Function", "DOMParser"):
                assert sink not in code, f"{path.name} uses {sink}"
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)[\w-]+\.[\w.-]+", code), \
                f"{path.name} refers to another site"
