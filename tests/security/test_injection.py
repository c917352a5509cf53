"""SQL injection, and anything else, in every parameter of every GET endpoint: a clean 400
(or 404 for a path) or an empty result, never a 500, and the store unchanged afterwards.

The endpoints and their parameters are read from the app's OpenAPI description, so a new
endpoint or filter is covered without touching this file.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entente.model import Document
from tests.api.conftest import TEXT
from tests.reliability.fuzzing import CASES, ODD_CHARACTERS, fuzz_settings
from tests.security.conftest import store_state, tables

CANARY = Path("/tmp") / f"entente-pwned-{uuid.uuid4().hex}"
SQL_INJECTIONS = [
    "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE events; --", "\"; DROP TABLE documents; --",
    "1; DELETE FROM documents", "IRN' --", "IRN') OR ('1'='1", "%' OR '%'='", "*",
    "' UNION SELECT doc_id, text FROM documents --", "'||(SELECT text FROM documents LIMIT 1)||'",
    "1 OR 1=1", "1) OR (1=1", "\\' OR 1=1 --", f"'; COPY events TO '{CANARY}.csv'; --",
    f"'; ATTACH '{CANARY}.db' AS pwned; --", "' AND read_csv('/etc/passwd') IS NOT NULL --",
    "'; INSTALL httpfs; LOAD httpfs; --", "'; PRAGMA database_list; --", "'; CHECKPOINT; --",
    "$1", "?", "??", ":name", "IRN\x00", "' /*", "*/ OR 1=1 /*", "NULL", "null", "true", "-1",
    "99999999999999999999999", "\u02bc OR \u02bc1\u02bc=\u02bc1", "\uff07 OR \uff071\uff07=\uff071",
    "2024-01-01' OR '1'='1", "2024); DROP TABLE events; --", "IRN,RUS' OR '1'='1",
    "IRN,RUS,CHN", ",", "e1' OR '1'='1", "x" * 5000,
]
# What a path parameter is when it is not the one under attack.
PATH_DEFAULTS = {"event_id": "e1", "doc_id": Document.make_id(TEXT), "a": "IRN", "b": "RUS"}


def get_endpoints(app) -> list[tuple[str, list[dict]]]:
    found = [(path, ops["get"].get("parameters", []))
             for path, ops in app.openapi()["paths"].items()
             if path.startswith("/api/") and "get" in ops]
    assert len(found) >= 10, "the API's GET endpoints were not found"
    return found


def targets(app) -> list[tuple[str, str, str]]:
    """(path template, parameter, where) for every parameter of every GET endpoint."""
    found = [(path, p["name"], p["in"]) for path, params in get_endpoints(app) for p in params]
    assert {name for _, name, _ in found} >= {"actor", "dyad", "type", "status", "since", "until",
                                             "item", "doc", "limit", "offset", "event_id", "doc_id",
                                             "supplier", "recipient", "event"}
    return found


def request(client, path: str, name: str, where: str, value: str):
    values = dict(PATH_DEFAULTS)
    params = {}
    if where == "path":
        values[name] = value
    else:
        params[name] = value
    url = path.format(**{k: quote(v, safe="") for k, v in values.items()})
    return client.get(url, params=params)


def is_empty(body) -> bool:
    """An answer that found nothing, in each endpoint's shape."""
    if isinstance(body, list):
        return body == []
    if isinstance(body, dict):
        if {"series", "shifts"} <= set(body):
            return not body["series"] and not body["shifts"]
        if {"nodes", "edges"} <= set(body):
            return not body["nodes"] and not body["edges"]
    return False


def is_check_of(body, name: str, value: str) -> bool:
    """/api/check is not a filter: it checks the parties it is given, whatever they are
    called ("NULL" is an actor code), and the value comes back as data only."""
    results = body if isinstance(body, list) else [body]
    return all(isinstance(r, dict) and {"transfer", "verdicts", "summary"} <= set(r)
               and r["transfer"].get(name) in (value, value.strip().upper()) for r in results)


def check_answer(response, where: str, path: str = "", name: str = "", value: str = "") -> None:
    status = response.status_code
    assert status in (200, 400, 404), (status, response.text[:300])
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    if status == 200 and path == "/api/check":
        assert is_check_of(body, name, value), f"an unexpected check: {json.dumps(body)[:300]}"
    elif status == 200:
        assert is_empty(body), f"a non-empty answer: {json.dumps(body)[:300]}"
    else:
        assert body["status"] == status and body["detail"], body
        assert status == 400 or where == "path" or "no event" in body["detail"], body


def test_sql_injection_in_every_parameter_changes_nothing(client, store_path):
    before, schema = store_state(client), tables(store_path)
    checked = 0
    for path, name, where in targets(client.app):
        for payload in SQL_INJECTIONS:
            response = request(client, path, name, where, payload)
            try:
                check_answer(response, where, path, name, payload)
            except AssertionError as exc:
                raise AssertionError(f"GET {path} {name}={payload!r}: {exc}") from None
            checked += 1
    assert checked > 500
    assert store_state(client) == before
    assert tables(store_path) == schema
    assert not list(CANARY.parent.glob(CANARY.name + "*")), "a payload wrote a file"


def test_repeated_and_unknown_parameters(client):
    before = store_state(client)
    for query in ("actor=IRN&actor=' OR '1'='1", "actor=' OR '1'='1&actor=IRN",
                  "doc=a.txt&doc=' OR 1=1 --", "nosuch=' OR '1'='1",
                  "limit=1&limit=' OR 1=1", "actor[]=IRN", "actor=IRN%00' OR '1'='1",
                  "item=%25' OR '%25'='", "since=2023&since=' OR 1=1"):
        response = client.get(f"/api/events?{query}")
        assert response.status_code in (200, 400), (query, response.text)
        if response.status_code == 200:  # the first value counts, or the parameter is ignored
            assert all(e["event_id"].startswith("e") for e in response.json())
    assert store_state(client) == before


# Was a bug (fixed in 2e8ebd7): the value's own % and _ were LIKE wildcards, so item=% or
# item=_ matched every event with an item.
@pytest.mark.parametrize("wildcard", ["%", "_", "__", "%%"])
def test_like_wildcards_in_item_match_nothing_special(client, wildcard):
    assert client.get("/api/events", params={"item": wildcard}).json() == []


# -- anything at all, in any parameter ------------------------------------------------------------

@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):
    from entente.api import create_app
    from tests.api.conftest import MAX_UPLOAD, TOKEN, TestClient, build_store

    path = build_store(tmp_path_factory.mktemp("fuzz-api") / "fuzz.duckdb")
    with TestClient(create_app(path, token=TOKEN, max_upload=MAX_UPLOAD)) as client:
        before = store_state(client)
        yield client
        assert store_state(client) == before


def _all_targets() -> list[tuple[str, str, str]]:
    from entente.api import create_app

    return targets(create_app(":memory:"))


hostile_values = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(ODD_CHARACTERS + "%_-.,:;/?#[]@!$&()*+=~"), max_size=80),
    st.sampled_from(SQL_INJECTIONS),
    st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
    st.integers().map(str),
    st.builds(lambda d, x: d + x, st.sampled_from(["2024", "2024-02", "2024-02-29", "IRN,RUS", "e1"]),
              st.text(max_size=10)),
)


@fuzz_settings()
@given(target=st.sampled_from(_all_targets()), value=hostile_values)
def test_any_value_in_any_parameter_is_answered_cleanly(fuzz_client, target, value):
    CASES["api GET parameters"] += 1
    path, name, where = target
    response = request(fuzz_client, path, name, where, value)
    assert response.status_code in (200, 400, 404), (path, name, value, response.text[:300])
    body = response.json()
    if response.status_code != 200:
        assert body["status"] == response.status_code and body["detail"]
