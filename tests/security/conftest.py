"""Hostile-request tests: the API's hand-made store (tests/api/conftest.py), an in-process
client, a real uvicorn on a free loopback port, and a raw HTTP client for requests no
well-behaved client library would send (dot segments, bad encodings, lying lengths)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from entente.api import create_app
from entente.store import Store

# TestClient comes through tests/api/conftest.py, which silences its httpx warning first.
from tests.api.conftest import MAX_UPLOAD, TOKEN, TestClient, build_store  # noqa: F401


@pytest.fixture
def store_path(tmp_path) -> Path:
    return build_store(tmp_path / "security.duckdb")


@pytest.fixture
def client(store_path) -> Iterator[TestClient]:
    with TestClient(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)) as client:
        yield client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


def store_state(client: TestClient) -> dict:
    """What a request must never change: the counts, the tables, every document's id."""
    stats = client.get("/api/stats").json()
    return {k: stats[k] for k in ("documents", "events", "event_items", "documents_extracted",
                                  "events_by_type", "schema_version")}


def tables(path: Path) -> set[str]:
    with Store(path) as store:  # the app holds it open: the same configuration
        return {r[0] for r in store.con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}


# -- a real server -------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    def __init__(self, app, port: int):
        import uvicorn

        self.host, self.port = "127.0.0.1", port
        self.base = f"http://{self.host}:{port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host=self.host, port=port,
                                                    log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, name="entente-security-server",
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server() -> Callable[[object], LiveServer]:
    """live_server(app) -> a context manager serving `app` on a free loopback port."""
    return lambda app: LiveServer(app, free_port())


def raw_request(host: str, port: int, request: bytes, timeout: float = 10) -> tuple[int, bytes]:
    """Send bytes as they are; return the status and the body (headers dropped)."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request)
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


def raw_get(server: LiveServer, target: str) -> tuple[int, bytes]:
    request = (f"GET {target} HTTP/1.1\r\nHost: {server.host}:{server.port}\r\n"
               "Connection: close\r\n\r\n").encode("latin-1")
    return raw_request(server.host, server.port, request)
