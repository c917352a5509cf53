"""Writes need the server's token: every write route, every way of getting it wrong, 401 and
nothing stored. The write routes are found from the app itself, so a new one is covered."""

from __future__ import annotations

import pytest

from entente.api import create_app
from tests.security.conftest import MAX_UPLOAD, TOKEN, TestClient, store_state

WRITE_METHODS = {"post", "put", "patch", "delete"}
BODY = {"text": "Iran supplied Russia with 40 drones in May, officials said."}

WRONG = [
    None,  # no header at all
    "",
    "Bearer",
    "Bearer ",
    "Bearer wrong-token",
    f"Basic {TOKEN}",
    f"bearer{TOKEN}",
    f"Token {TOKEN}",
    f"Bearer {TOKEN.upper()}",
    f"Bearer {TOKEN[:-1]}",  # a prefix
    f"Bearer {TOKEN}x",  # an extension
    f"Bearer {TOKEN[:1]}",
    f"Bearer  {TOKEN[:-1]}",
    f"Bearer {TOKEN} {TOKEN}",
    f"Bearer {'x' * 10_000}",
    "Bearer null",
    "Bearer undefined",
    "Bearer ' OR '1'='1",
    "Bearer \u00e9\u00e9",  # not ASCII (sent as latin-1)
]


def write_routes(app) -> list[tuple[str, str]]:
    """Every (METHOD, path) that writes, from the app's own OpenAPI description."""
    found = sorted((method.upper(), path) for path, ops in app.openapi()["paths"].items()
                   for method in ops if method in WRITE_METHODS)
    assert found, "no write routes found: the tests below would check nothing"
    return found


def test_the_write_routes_are_the_documented_two(store_path):
    assert write_routes(create_app(store_path, token=TOKEN)) == [
        ("POST", "/api/documents"), ("POST", "/api/extract")]


@pytest.mark.parametrize("header", WRONG)
def test_every_write_without_the_right_token_is_401(client, header):
    before = store_state(client)
    for method, path in write_routes(client.app):
        headers = {} if header is None else {"Authorization": header.encode("latin-1")}
        for kwargs in ({"json": BODY}, {"files": {"file": ("a.txt", BODY["text"].encode())}},
                       {"data": {"text": BODY["text"]}}):
            response = client.request(method, path, headers=headers, **kwargs)
            assert response.status_code == 401, (method, path, header, response.text)
            assert response.json()["status"] == 401
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert TOKEN not in response.text  # the answer never echoes the secret
    assert store_state(client) == before


@pytest.mark.parametrize("token", [None, "", "   "])
def test_a_server_without_a_token_refuses_every_write(store_path, monkeypatch, token):
    monkeypatch.delenv("ENTENTE_TOKEN", raising=False)
    with TestClient(create_app(store_path, token=token, max_upload=MAX_UPLOAD)) as client:
        before = store_state(client)
        for method, path in write_routes(client.app):
            for header in ("Bearer ", "Bearer   ", f"Bearer {TOKEN}", "Bearer None", None):
                headers = {"Authorization": header} if header else {}
                response = client.request(method, path, json=BODY, headers=headers)
                assert response.status_code == 401, (method, path, header)
                assert "writes are disabled" in response.json()["detail"]
        assert store_state(client) == before


def test_reads_answer_no_write_methods(client):
    """GET routes do not turn into writes under another method."""
    before = store_state(client)
    for path in ("/api/stats", "/api/events", "/api/documents", "/api/network", "/"):
        for method in ("PUT", "PATCH", "DELETE"):
            response = client.request(method, path, json=BODY,
                                      headers={"Authorization": f"Bearer {TOKEN}"})
            assert response.status_code == 405, (method, path)
    assert store_state(client) == before


def test_the_right_token_is_accepted(client):
    """The control: the same request with the token is stored."""
    response = client.post("/api/documents", json=BODY, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 201
