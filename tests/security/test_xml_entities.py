"""Uploaded feeds and pages are parsed on the server: external entities must not read local
files, nothing may be fetched from the network, and entity bombs must not expand.

A small HTTP server on loopback records any request a parser makes; there must be none.
"""

from __future__ import annotations

import http.server
import socketserver
import threading
import time
from pathlib import Path

import pytest

from entente.errors import InputProblem
from entente.ingest.feeds import read_feed
from entente.ingest.html import read_html
from tests.security.conftest import store_state

LOCAL_SECRET = Path("/etc/passwd")
LAUGHS = '<!ENTITY lol "lol">' + "".join(
    f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10))
QUADRATIC = '<!ENTITY a "' + "A" * 50_000 + '">'
ARTICLE = "Iran met Russia in Geneva on Monday to discuss trade and security, officials said."


@pytest.fixture(scope="module")
def recorder():
    """A loopback HTTP server that answers anything and remembers what was asked."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY x "FETCHED-REMOTELY">')

        def log_message(self, *args):
            pass

    server = socketserver.TCPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", asked
    server.shutdown()
    server.server_close()


def feeds(url: str) -> dict[str, str]:
    rss = '<rss version="2.0"><channel><item><title>t</title><description>{}</description></item></channel></rss>'
    return {
        "external entity": f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{LOCAL_SECRET}">]>'
                           + rss.format(f"&xxe; {ARTICLE}"),
        "parameter entity": f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>'
                            + rss.format(f"&x; {ARTICLE}"),
        "external DTD": f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{url}/ext.dtd">'
                        f'<?xml-stylesheet href="{url}/style.xsl"?>' + rss.format(f"&x; {ARTICLE}"),
        "remote links": '<?xml version="1.0"?>' + rss.format(
            f"{ARTICLE} &lt;img src=&quot;{url}/img&quot;&gt;").replace("<title>t</title>", f"<link>{url}/link</link>"),
        "billion laughs": f'<?xml version="1.0"?><!DOCTYPE rss [{LAUGHS}]>' + rss.format(f"&lol9; {ARTICLE}"),
        "quadratic blowup": f'<?xml version="1.0"?><!DOCTYPE rss [{QUADRATIC}]>' + rss.format("&a;" * 20_000 + ARTICLE),
    }


def pages(url: str) -> dict[str, str]:
    body = f"<html><body><article><p>{{}} {ARTICLE}</p></article></body></html>"
    return {
        "external entity": f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{LOCAL_SECRET}">]>' + body.format("&xxe;"),
        "remote resources": f'<!DOCTYPE html SYSTEM "{url}/x.dtd"><html><head><link rel="stylesheet" '
                            f'href="{url}/css"><meta http-equiv="refresh" content="0;url={url}/refresh">'
                            f'<script src="{url}/js"></script><base href="{url}/"></head><body><article>'
                            f'<p>{ARTICLE}<img src="{url}/img"><iframe src="{url}/frame"></iframe>'
                            f'<object data="{url}/obj"></object></p></article></body></html>',
        "billion laughs": f"<!DOCTYPE html [{LAUGHS}]>" + body.format("&lol9;"),
        "quadratic blowup": f"<!DOCTYPE html [{QUADRATIC}]>" + body.format("&a;" * 20_000),
        "xinclude": '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><article><p>'
                    f'<xi:include href="file://{LOCAL_SECRET}" parse="text"/> {ARTICLE}</p></article></body></html>',
    }


def check(found, asked: list[str], took: float) -> None:
    secret = LOCAL_SECRET.read_text() if LOCAL_SECRET.exists() else "root:x:0:0"
    for item in found:
        text = item.reason if isinstance(item, InputProblem) else item.text + (item.title or "")
        assert secret.splitlines()[0] not in text and "root:x:0:0" not in text
        assert "FETCHED-REMOTELY" not in text
        assert "lol" * 1000 not in text and "A" * 1_000_000 not in text  # nothing expanded
    assert not asked, f"the reader fetched {asked}"
    assert took < 10


@pytest.mark.parametrize("case", list(feeds("")))
def test_feeds_resolve_no_entities_and_fetch_nothing(recorder, case):
    url, asked = recorder
    began = time.monotonic()
    found = list(read_feed(Path("feed.xml"), feeds(url)[case].encode()))
    check(found, asked, time.monotonic() - began)


@pytest.mark.parametrize("case", list(pages("")))
def test_pages_resolve_no_entities_and_fetch_nothing(recorder, case):
    url, asked = recorder
    began = time.monotonic()
    found = list(read_html(Path("page.html"), pages(url)[case].encode()))
    check(found, asked, time.monotonic() - began)


def test_uploads_of_hostile_xml_store_no_secret(client, auth, recorder):
    url, asked = recorder
    before = store_state(client)["documents"]
    uploads = [(f"f{i}.xml", text) for i, text in enumerate(feeds(url).values())] + \
              [(f"p{i}.html", text) for i, text in enumerate(pages(url).values())]
    for name, text in uploads:
        response = client.post("/api/documents", headers=auth, files={"file": (name, text.encode())})
        assert response.status_code in (200, 201, 400, 413), (name, response.text[:300])
        for doc in response.json().get("documents", []):
            stored = client.get(f"/api/documents/{doc['doc_id']}").json()
            assert "root:x:0:0" not in stored["text"] and "FETCHED-REMOTELY" not in stored["text"]
    assert not asked
    assert store_state(client)["documents"] > before
