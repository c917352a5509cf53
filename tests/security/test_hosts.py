"""DNS rebinding: a page elsewhere that points its own name at 127.0.0.1 reaches a local
server with that name in the Host header. The served app answers only to the loopback names
and its own address, so such a page cannot read the store."""

from __future__ import annotations

import pytest

from entente.api import Settings, create_app, default_hosts
from tests.security.conftest import TestClient


@pytest.fixture
def served(store_path):
    settings = Settings.load(store_path, allowed_hosts=default_hosts("127.0.0.1"))
    with TestClient(create_app(settings=settings), base_url="http://127.0.0.1:8000") as client:
        yield client


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost:8000", "127.0.0.1", "localhost"])
def test_loopback_names_are_served(served, host):
    assert served.get("/api/stats", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize("host", ["attacker.example", "attacker.example:8000",
                                  "127.0.0.1.attacker.example", "evil.localhost.example"])
def test_other_names_are_refused(served, host):
    for path in ("/api/stats", "/api/events", "/", "/docs"):
        response = served.get(path, headers={"Host": host})
        assert response.status_code == 400, (host, path)
        assert "events" not in response.text


def test_the_allowed_names_come_from_the_environment(store_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_ALLOWED_HOSTS", "entente.internal, 10.0.0.5")
    settings = Settings.load(store_path)
    assert settings.allowed_hosts == ("entente.internal", "10.0.0.5")
    with TestClient(create_app(settings=settings), base_url="http://entente.internal") as client:
        assert client.get("/api/stats").status_code == 200
        assert client.get("/api/stats", headers={"Host": "localhost"}).status_code == 400


def test_default_names():
    assert default_hosts("127.0.0.1") == ("127.0.0.1", "localhost", "::1")
    assert default_hosts("192.168.1.20") == ("127.0.0.1", "localhost", "::1", "192.168.1.20")
    assert default_hosts("0.0.0.0") == ("*",)
