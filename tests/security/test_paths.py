"""Paths cannot reach outside the store and the UI's files: ids, static paths and upload
names made of dot segments, encoded separators, absolute paths and NUL bytes get 400 or 404
and never a file's content, and an upload is written under a name of the server's making.

Requests go over a real socket to uvicorn with their targets exactly as written (a client
library would normalise `..` away before sending).
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest

from entente.api import create_app
from tests.security.conftest import MAX_UPLOAD, TOKEN, raw_get, store_state

TRAVERSALS = [
    "../../etc/passwd", "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd", "%252e%252e%252f%252e%252e%252fetc%252fpasswd",
    "..%252f..%252fetc%252fpasswd", "%2fetc%2fpasswd", "/etc/passwd", "//etc/passwd",
    "....//....//etc/passwd", "..\\..\\..\\etc\\passwd", "..%5c..%5c..%5cetc%5cpasswd",
    "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "..%c0%af..%c0%afetc%c0%afpasswd",
    "%00", "..%00/etc/passwd", "file:%2f%2f%2fetc%2fpasswd", "~root", "%7eroot",
    "..;/..;/etc/passwd", "%2e%2e", "..", ".", "%2e",
]
# Files a successful traversal would show: the system's users, the package's source and
# the project's own files next to the web folder.
LEAKS = [b"root:x:0:0", b"ENTENTE_MAX_UPLOAD", b"def create_app", b"[build-system]",
         b"import ", b"PRIMARY KEY", b"DUCK"]
TEMPLATES = ["/api/documents/{}", "/api/events/{}", "/api/dyads/{}/RUS", "/api/dyads/IRN/{}",
             "/static/{}", "/static/js/{}", "/{}", "/api/{}", "/docs/{}"]
STATIC_ESCAPES = [
    "/static/../../api/settings.py", "/static/%2e%2e/api/settings.py",
    "/static/..%2fapi%2fsettings.py", "/static/%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/../../../../../../etc/passwd", "/static/..\\..\\api\\settings.py",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/static/index.html%00.py", "/static/./../__init__.py",
    "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
]


@pytest.fixture
def server(store_path, live_server):
    with live_server(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)) as server:
        yield server


def test_traversal_in_ids_and_static_paths_reaches_nothing(server):
    targets = [t.format(p) for t in TEMPLATES for p in TRAVERSALS] + STATIC_ESCAPES
    for target in targets:
        status, body = raw_get(server, target)
        # ".." is a well-formed actor code: /api/dyads/../RUS is a dyad query that finds nothing
        empty = status == 200 and target.startswith("/api/dyads/") and \
            json.loads(body) == {"series": [], "shifts": []}
        assert status in (400, 404) or empty, (target, status, body[:200])
        for leak in LEAKS:
            assert leak not in body, (target, leak, body[:200])


def test_traversal_in_query_parameters_is_just_text(server):
    for name in ("doc", "item", "actor"):
        for payload in ("../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd"):
            status, body = raw_get(server, f"/api/events?{name}={payload}")
            assert (status, body) in ((200, b"[]"),) or status == 400, (name, payload, status, body[:200])


def test_the_ui_files_are_still_served(server):
    """The control: real static files and ids answer 200."""
    for target in ("/", "/static/app.js", "/static/dom.js", "/api/events/e1"):
        assert raw_get(server, target)[0] == 200, target


@pytest.mark.parametrize("filename", [
    "../../../../tmp/{canary}.txt", "/tmp/{canary}.txt", "..\\..\\..\\tmp\\{canary}.txt",
    "%2e%2e%2f%2e%2e%2ftmp%2f{canary}.txt", "\uff0e\uff0e\uff0f{canary}.txt",
    "....//....//tmp/{canary}.txt", "{canary}.txt/../../x.txt", ".{canary}.txt",
    "~/{canary}.txt", "C:\\Windows\\{canary}.txt", "a" * 300 + "{canary}.txt",
])
def test_upload_names_cannot_place_files(client, auth, filename):
    canary = f"entente-canary-{uuid.uuid4().hex}"
    name = filename.format(canary=canary)
    before = store_state(client)
    response = client.post("/api/documents", headers=auth, files={
        "file": (name, b"Iran supplied Russia with 40 drones in May, officials said.")})
    assert response.status_code in (201, 400), response.text
    if response.status_code == 201:
        doc = response.json()["documents"][0]
        assert "/" not in doc["name"] and "\\" not in doc["name"] and not doc["name"].startswith(".")
        assert len(doc["name"]) <= 120
        stored = client.get(f"/api/documents/{doc['doc_id']}").json()
        assert stored["source_path"] == f"upload:{doc['name']}"
        assert store_state(client)["documents"] == before["documents"] + 1
    for folder in (Path("/tmp"), Path.home(), Path.cwd(), Path("/"), client.app.state.settings.db.parent):
        assert not list(folder.glob(f"*{canary}*")), f"the upload landed in {folder}"


def test_a_name_field_is_a_label_not_a_path(client, auth):
    response = client.post("/api/documents", headers=auth, json={
        "text": "Oman hosted talks between Iran and the United States.",
        "name": "../../../../etc/passwd"})
    assert response.status_code == 201
    doc = response.json()["documents"][0]
    stored = client.get(f"/api/documents/{doc['doc_id']}").json()
    assert stored["text"].startswith("Oman hosted") and b"root:x" not in response.content
