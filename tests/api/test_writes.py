"""Write endpoints: the token, documents as text and as files, limits, extraction."""

from __future__ import annotations

import asyncio
import itertools
import json

import pytest

from entente.api import create_app
from entente.api.settings import ENVELOPE_BYTES
from tests.api.conftest import MAX_UPLOAD, TOKEN, TestClient

ARTICLE = ("Title: Drones for Moscow\nDate: 2024-03-02\n\n"
           "Iran supplied Russia with 40 Shahed-136 drones in March.\n")


# -- the token ---------------------------------------------------------------------------------
def test_without_a_server_token_every_write_is_refused(store_path, monkeypatch):
    monkeypatch.delenv("ENTENTE_TOKEN", raising=False)
    with TestClient(create_app(store_path)) as client:
        for path in ("/api/documents", "/api/extract"):
            response = client.post(path, json={"text": "x"},
                                   headers={"Authorization": "Bearer anything"})
            assert response.status_code == 401
            assert "ENTENTE_TOKEN" in response.json()["detail"]
        assert client.get("/api/stats").json()["documents"] == 1


def test_the_server_token_may_come_from_the_environment(store_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_TOKEN", "from-env")
    with TestClient(create_app(store_path)) as client:
        body = {"text": "Iran and Oman held talks in Muscat."}
        assert client.post("/api/documents", json=body).status_code == 401
        response = client.post("/api/documents", json=body, headers={"Authorization": "Bearer from-env"})
        assert response.status_code == 201


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer", f"bearer{TOKEN}"])
def test_missing_or_wrong_token_is_401(client, header):
    headers = {"Authorization": header} if header else {}
    for path in ("/api/documents", "/api/extract"):
        response = client.post(path, json={"text": "Iran met Russia."}, headers=headers)
        assert response.status_code == 401, (header, response.text)
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/api/stats").json()["documents"] == 1


def test_the_token_is_compared_in_constant_time(client, auth, monkeypatch):
    import entente.api.deps as deps

    calls = []
    real = deps.hmac.compare_digest
    monkeypatch.setattr(deps.hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    assert client.post("/api/documents", json={"text": "Iran met Oman."}, headers=auth).status_code == 201
    assert calls == [(TOKEN.encode(), TOKEN.encode())]


def test_an_unauthorised_upload_is_not_read(client):
    """The token is checked before the body: an anonymous 100 kB upload is refused as such."""
    response = client.post("/api/documents", files={"file": ("a.txt", b"x" * 100_000)})
    assert response.status_code == 401


# -- documents ---------------------------------------------------------------------------------
def test_text_is_ingested_once(client, auth):
    body = {"text": "Russia and China held talks in Beijing on Monday.", "title": "Talks",
            "url": "https://example.org/talks", "date": "2024-05-02"}
    first = client.post("/api/documents", json=body, headers=auth)
    assert first.status_code == 201, first.text
    data = first.json()
    assert data["added"] == 1 and data["already_stored"] == 0 and data["extracted"] is None
    doc = data["documents"][0]
    assert doc["title"] == "Talks" and doc["published"] == "2024-05-02" and doc["language"] == "en"
    stored = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert stored["text"] == body["text"] and stored["url"] == body["url"]
    again = client.post("/api/documents", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    assert client.get("/api/stats").json()["documents"] == 2


def test_a_file_is_read_by_its_reader(client, auth):
    response = client.post("/api/documents", headers=auth,
                           files={"file": ("../../etc/drones.txt", ARTICLE.encode())})
    assert response.status_code == 201, response.text
    doc = response.json()["documents"][0]
    assert doc["name"] == "drones.txt" and doc["title"] == "Drones for Moscow"
    assert doc["published"] == "2024-03-02" and doc["source_format"] == "text"
    stored = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert stored["text"].startswith("Iran supplied") and stored["source_path"] == "upload:drones.txt"


def test_form_fields_override_a_single_article(client, auth):
    response = client.post("/api/documents", headers=auth,
                           files={"file": ("a.html", b"<html><body><p>Iran met Russia in Moscow "
                                  b"to discuss trade and security on Tuesday.</p></body></html>")},
                           data={"title": "Given title", "date": "2024-06-01", "name": "given"})
    assert response.status_code == 201, response.text
    doc = response.json()["documents"][0]
    assert (doc["title"], doc["published"], doc["name"]) == ("Given title", "2024-06-01", "given")


def test_a_jsonl_file_gives_several_documents_and_names_bad_lines(client, auth):
    lines = ('{"text": "The council adopted a resolution on maritime security."}\n'
             '{"text": "broken\n'
             '{"text": "Ministers agreed to meet again in June.", "published": "2024-06-01"}\n')
    response = client.post("/api/documents", headers=auth, files={"file": ("feed.jsonl", lines.encode())})
    assert response.status_code == 201
    data = response.json()
    assert data["added"] == 2
    assert len(data["problems"]) == 1 and data["problems"][0].startswith("feed.jsonl:2")


def test_text_as_a_form_field(client, auth):
    response = client.post("/api/documents", headers=auth,
                           data={"text": "Iran and Oman held talks in Muscat.", "title": "Muscat"})
    assert response.status_code == 201 and response.json()["documents"][0]["title"] == "Muscat"


@pytest.mark.parametrize("kwargs, status, named", [
    ({"files": {"file": ("blob.txt", b"\x00\x01\x02binary\x00" * 20)}}, 400, "blob.txt: binary file"),
    ({"files": {"file": ("empty.txt", b"   ")}}, 400, "empty.txt: empty"),
    ({"files": {"file": ("tool.exe", b"MZ")}}, 400, "unknown file type (.exe)"),
    ({"files": {"file": ("noext", b"text")}}, 400, "unknown file type (no extension)"),
    ({"files": {"file": ("a.txt", b"Iran met Russia.")}, "data": {"colour": "red"}}, 400, "unknown form fields: colour"),
    ({"data": {"title": "no text"}}, 400, "neither a 'file' nor a 'text' field"),
    ({"json": {"text": "   "}}, 400, "text: empty"),
    ({"json": {"text": "a\x00b\x01c\x02d\x03e\x04" * 30}}, 400, "text: binary"),
    ({"json": {"title": "no text"}}, 400, "text: Field required"),
    ({"json": {"text": "Iran met Russia.", "colour": "red"}}, 400, "colour: Extra inputs are not permitted"),
    ({"json": {"text": "Iran met Russia.", "url": "javascript:alert(1)"}}, 400, "url: must be an http"),
    ({"json": {"text": "Iran met Russia.", "date": "someday soon"}}, 400, "date: cannot read"),
    ({"json": ["not", "an", "object"]}, 400, "Input should be an object"),
    ({"content": b"{\"text\": ", "headers": {"Content-Type": "application/json"}}, 400, "malformed JSON"),
    ({"content": b"Iran met Russia.", "headers": {"Content-Type": "text/plain"}}, 415, "application/json"),
])
def test_bad_documents_are_refused_with_the_reason(client, auth, kwargs, status, named):
    headers = {**auth, **kwargs.pop("headers", {})}
    response = client.post("/api/documents", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert named in response.json()["detail"]
    assert client.get("/api/stats").json()["documents"] == 1


# -- size limits -------------------------------------------------------------------------------
def test_a_file_over_the_limit_is_413(client, auth):
    response = client.post("/api/documents", headers=auth,
                           files={"file": ("big.txt", b"word " * (MAX_UPLOAD // 5 + 10))})
    assert response.status_code == 413
    assert f"{MAX_UPLOAD} bytes" in response.json()["detail"]


def test_a_text_over_the_limit_is_413(client, auth):
    response = client.post("/api/documents", headers=auth, json={"text": "word " * (MAX_UPLOAD // 5 + 10)})
    assert response.status_code == 413


def test_a_body_over_the_limit_is_413(client, auth):
    response = client.post("/api/documents", headers=auth,
                           files={"file": ("big.txt", b"x" * (MAX_UPLOAD + ENVELOPE_BYTES + 1))})
    assert response.status_code == 413
    assert response.json()["detail"].startswith("the request is larger than the upload limit")


def run_asgi(app, headers: list[tuple[bytes, bytes]], chunks) -> tuple[int, dict, int]:
    """Call the app as a server would; returns status, JSON body and body messages read."""
    reads = 0

    async def receive():
        nonlocal reads
        reads += 1
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        return {"type": "http.request", "body": chunk, "more_body": True}

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/api/documents", "raw_path": b"/api/documents",
             "query_string": b"", "root_path": "", "client": ("127.0.0.1", 50000),
             "server": ("127.0.0.1", 8000),
             "headers": [(b"host", b"testserver"), (b"authorization", f"Bearer {TOKEN}".encode()),
                         *headers]}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), reads


def test_a_declared_length_over_the_limit_is_refused_unread(store_path):
    app = create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)
    status, body, reads = run_asgi(app, [(b"content-type", b"application/json"),
                                         (b"content-length", b"1000000000")], iter([]))
    assert status == 413 and reads == 0
    assert "ENTENTE_MAX_UPLOAD" in body["detail"]


@pytest.mark.parametrize("content_type, first", [
    (b"application/json", b'{"text": "'),
    (b"multipart/form-data; boundary=XyZ",
     b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
     b"Content-Type: text/plain\r\n\r\n"),
])
def test_an_endless_stream_is_cut_at_the_limit(store_path, content_type, first):
    """No Content-Length (chunked): the body is counted as it comes and refused at the cap."""
    app = create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)
    chunk = b"x" * 16_384
    endless = itertools.chain([first], itertools.repeat(chunk))
    status, body, reads = run_asgi(app, [(b"content-type", content_type)], endless)
    assert status == 413
    cap_reads = (MAX_UPLOAD + ENVELOPE_BYTES) // len(chunk) + 2
    assert reads <= cap_reads, f"read {reads} chunks, the cap allows {cap_reads}"


def test_a_malformed_content_length_is_400(store_path):
    app = create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)
    status, body, reads = run_asgi(app, [(b"content-type", b"application/json"),
                                         (b"content-length", b"12abc")], iter([]))
    assert status == 400 and "Content-Length" in body["detail"] and reads == 0


def test_the_upload_limit_comes_from_the_environment(store_path, monkeypatch):
    monkeypatch.setenv("ENTENTE_MAX_UPLOAD", "100")
    with TestClient(create_app(store_path, token=TOKEN)) as client:
        response = client.post("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"},
                               json={"text": "Iran " * 30})
        assert response.status_code == 413


# -- extraction --------------------------------------------------------------------------------
def test_extract_stores_the_events_of_new_documents(client, auth):
    added = client.post("/api/documents", headers=auth, files={"file": ("drones.txt", ARTICLE.encode())})
    doc_id = added.json()["documents"][0]["doc_id"]
    assert client.get("/api/events", params={"doc": doc_id}).json() == []
    report = client.post("/api/extract", headers=auth)
    assert report.status_code == 200
    assert report.json()["documents"] == 1 and report.json()["events_added"] >= 1
    events = client.get("/api/events", params={"doc": doc_id}).json()
    assert events and all(e["doc_id"] == doc_id for e in events)
    assert any(e["source"] and e["source"]["country"] == "IRN" for e in events)
    view = client.get(f"/api/documents/{doc_id}").json()
    assert {s["kind"] for s in view["spans"]} >= {"trigger", "actor"}
    again = client.post("/api/extract", headers=auth).json()
    assert again == {"documents": 0, "events_added": 0, "events_already_stored": 0}
