"""Bodies over the upload limit get 413 without being read whole: over a real socket, with a
declared length and with an endless chunked stream, counting what the application pulls and
watching the server process's memory. And hostile bodies within the limit are answered 4xx.

(tests/api/test_writes.py checks the same caps by calling the ASGI app directly.)
"""

from __future__ import annotations

import json
import select
import socket
import time
from pathlib import Path

import pytest

from entente.api import create_app
from entente.api.settings import ENVELOPE_BYTES
from tests.security.conftest import MAX_UPLOAD, TOKEN, raw_request, store_state

CAP = MAX_UPLOAD + ENVELOPE_BYTES  # the body bytes the app may read before it refuses
CHUNK = 64 * 1024
# The app refuses after the first message that takes it over the cap; one message from uvicorn
# holds what it buffered: up to its 64 KiB high-water mark plus one 256 KiB socket read.
ONE_MESSAGE = 64 * 1024 + 256 * 1024


class Counting:
    """Around the app: how many body bytes it pulled, and the status it answered."""

    def __init__(self, app):
        self.app, self.received, self.status = app, 0, None

    async def __call__(self, scope, receive, send):
        async def counting_receive():
            message = await receive()
            if message["type"] == "http.request":
                self.received += len(message.get("body", b""))
            return message

        async def recording_send(message):
            if message["type"] == "http.response.start":
                self.status = message["status"]
            await send(message)

        await self.app(scope, counting_receive, recording_send)


def headers(host: str, port: int, *extra: str) -> bytes:
    lines = ["POST /api/documents HTTP/1.1", f"Host: {host}:{port}",
             f"Authorization: Bearer {TOKEN}", *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def stream_chunked(host: str, port: int, total: int, content_type: str, first: bytes = b"",
                   timeout: float = 10) -> tuple[int, bytes]:
    """Send up to `total` bytes as chunks; stop when the server answers, stops reading or
    hangs up. Returns (bytes sent, what came back)."""
    sent = 0
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(headers(host, port, f"Content-Type: {content_type}", "Transfer-Encoding: chunked"))
        payload = first + b"x" * (CHUNK - len(first))
        answer = b""
        try:
            while sent < total:
                sock.sendall(f"{len(payload):x}\r\n".encode() + payload + b"\r\n")
                sent += len(payload)
                payload = b"x" * CHUNK
                if select.select([sock], [], [], 0)[0]:
                    break  # the server has answered
        except (BrokenPipeError, ConnectionResetError, TimeoutError, socket.timeout):
            pass
        try:
            sock.settimeout(3)
            while not _complete(answer) and (chunk := sock.recv(65536)):
                answer += chunk
        except (ConnectionResetError, TimeoutError, socket.timeout):
            pass
    return sent, answer


def _complete(answer: bytes) -> bool:
    head, found, body = answer.partition(b"\r\n\r\n")
    if not found:
        return False
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


@pytest.mark.parametrize("content_type, first", [
    ("application/json", b'{"text": "'),
    ("multipart/form-data; boundary=XyZ",
     b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
     b"Content-Type: text/plain\r\n\r\n"),
    ("application/x-www-form-urlencoded", b"text="),
])
def test_an_endless_chunked_upload_is_cut_at_the_limit(store_path, live_server, content_type, first):
    app = Counting(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD))
    with live_server(app) as server:
        sent, answer = stream_chunked(server.host, server.port, 50 * CAP, content_type, first)
    assert app.status == 413, (app.status, answer[:300])
    assert app.received <= CAP + ONE_MESSAGE, f"the app read {app.received} bytes; the cap is {CAP}"
    assert sent < 50 * CAP, "the server read the whole endless upload"
    if answer:  # the answer may be lost to the reset when the server hangs up
        assert b" 413 " in answer.split(b"\r\n", 1)[0]


def test_a_declared_length_over_the_limit_is_refused_before_any_body(store_path, live_server):
    app = Counting(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD))
    with live_server(app) as server:
        began = time.monotonic()
        status, body = raw_request(server.host, server.port, headers(
            server.host, server.port, "Content-Type: application/json",
            "Content-Length: 100000000000", "Connection: close"))
        took = time.monotonic() - began
    assert status == 413 and "ENTENTE_MAX_UPLOAD" in json.loads(body)["detail"]
    assert app.received == 0 and took < 5


def _rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_the_server_process_memory_stays_flat_under_oversized_uploads(store_path, monkeypatch):
    """`entente serve`'s app in its own process: ten 20 MB uploads, streamed and declared,
    leave its memory where it was (within 40 MB)."""
    from bench.load import Server

    monkeypatch.setenv("ENTENTE_MAX_UPLOAD", str(MAX_UPLOAD))
    server = Server(store_path, token=TOKEN)
    try:
        host, port = "127.0.0.1", server.port
        stream_chunked(host, port, CAP, "application/json", b'{"text": "')  # warm up
        before = _rss_kb(server.proc.pid)
        for _ in range(5):
            stream_chunked(host, port, 20_000_000, "application/json", b'{"text": "')
            with socket.create_connection((host, port), timeout=10) as sock:
                sock.sendall(headers(host, port, "Content-Type: application/json",
                                     "Content-Length: 20000000"))
                try:
                    for _ in range(300):
                        sock.sendall(b"x" * CHUNK)
                except (BrokenPipeError, ConnectionResetError, TimeoutError, socket.timeout):
                    pass
        grown = _rss_kb(server.proc.pid) - before
    finally:
        server.stop()
    assert grown < 40_000, f"the server grew by {grown} kB"


# -- hostile bodies within the limit --------------------------------------------------------------

BODIES = [
    ({"content": b"[" * 50_000 + b"]" * 50_000}, "application/json"),
    ({"content": b'{"text": ' + b"[" * 50_000}, "application/json"),
    ({"content": b'{"text": "Iran met Russia.", "title": ' + b"9" * 20_000 + b"}"}, "application/json"),
    ({"content": b'{"text": "\\ud800 Iran met Russia."}'}, "application/json"),
    ({"content": b'{"text": "\xff\xfe Iran met Russia."}'}, "application/json"),
    ({"content": b'{"text": 1e999}'}, "application/json"),
    ({"content": b'{"text": null}'}, "application/json"),
    ({"content": b'{"text": {"$gt": ""}}'}, "application/json"),
    ({"content": b'{"text": "x", "date": "' + b"2024-" * 30 + b'"}'}, "application/json"),
    ({"content": b'{"text": "Iran met Russia.", "url": "javascript:alert(1)"}'}, "application/json"),
    ({"content": b'{"text": "Iran met Russia.", "url": "file:///etc/passwd"}'}, "application/json"),
    ({"content": b'{"text": "Iran met Russia.", "__proto__": {"admin": true}}'}, "application/json"),
    ({"content": b"\x00" * 1000}, "application/json"),
    ({"content": b""}, "application/json"),
    ({"content": b"text=" + b"%00" * 1000}, "application/x-www-form-urlencoded"),
    ({"content": b"&".join(b"f%d=1" % i for i in range(500))}, "application/x-www-form-urlencoded"),
    ({"content": b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nIran\r\n"
                 b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n\r\nOman\r\n"
                 b"--XyZ--\r\n"}, "multipart/form-data; boundary=XyZ"),
    ({"content": b"--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + b"w " * 40_000
                 + b"\r\n--XyZ--\r\n"}, "multipart/form-data; boundary=XyZ"),
    ({"content": b"--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nunterminated"},
     "multipart/form-data; boundary=XyZ"),
    ({"content": b"--XyZ\r\n\r\n\r\n--XyZ--"}, "multipart/form-data; boundary=XyZ"),
    ({"content": b"anything"}, "multipart/form-data"),  # no boundary
    ({"content": b"<?xml version='1.0'?><x/>"}, "application/xml"),
    ({"content": b"Iran met Russia."}, "application/json; charset=utf-7"),
]


@pytest.mark.parametrize("kwargs, content_type", BODIES, ids=range(len(BODIES)))
def test_hostile_bodies_are_refused_cleanly(client, auth, kwargs, content_type):
    before = store_state(client)
    response = client.post("/api/documents", headers={**auth, "Content-Type": content_type}, **kwargs)
    assert response.status_code in (400, 413, 415), (response.status_code, response.text[:300])
    body = response.json()
    assert body["status"] == response.status_code and body["detail"]
    assert store_state(client) == before


@pytest.mark.parametrize("kwargs", [
    {"data": {"text": "w " * 40_000}},
    {"content": b"text=" + b"w" * 80_000, "headers": {"Content-Type": "application/x-www-form-urlencoded"}},
    {"content": b"--XyZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n" + b"w " * 40_000
                + b"\r\n--XyZ--\r\n", "headers": {"Content-Type": "multipart/form-data; boundary=XyZ"}},
    {"json": {"text": "w " * 40_000}},
    {"files": {"file": ("big.txt", b"w " * 40_000)}},
], ids=["form", "urlencoded", "multipart-field", "json", "file"])
def test_text_over_the_limit_is_413_however_it_is_sent(client, auth, kwargs):
    """The same 80 kB of text over a 50 kB limit: 413 naming the limit, as JSON, form or file."""
    headers = {**auth, **kwargs.pop("headers", {})}
    response = client.post("/api/documents", headers=headers, **kwargs)
    assert response.status_code == 413, response.text
    assert str(MAX_UPLOAD) in response.json()["detail"]
