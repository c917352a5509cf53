"""Browser tests: a real uvicorn server on a free loopback port over a small store, and
Debian's chromium driven by Playwright. The page may reach nothing but that server.

The store: three example articles and an article carrying script and onerror payloads,
ingested and extracted; plus a planted NOR–SWE series with one clear shift for the dyad chart,
and the test sanctions list (tests/sanctions/data/entities.ftm.json), which lists Iran Air.
Screenshots go to test-artifacts/web/ (gitignored).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from entente import jobs
from entente.model import Event, Mention
from entente.sanctions import load_file
from entente.store import Store

from tests.conftest import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"
ARTEFACTS = ROOT / "test-artifacts" / "web"
SANCTIONS = ROOT / "tests" / "sanctions" / "data" / "entities.ftm.json"
TOKEN = "web-test-token"
CHOSEN = ("02_iran_fath360_russia_2024.txt", "04_dprk_shells_missiles_russia_2024.txt",
          "05_russia_dprk_partnership_2024.txt")

SCRIPT_PAYLOAD = "<script>window.__xss=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__xss=1">'
XSS_ARTICLE = f"""Title: Drone deliveries {IMG_PAYLOAD} under scrutiny
Date: 2024-09-12

TEHRAN - Iran supplied Russia with 40 Shahed-136 drones in August, U.S. officials said. {SCRIPT_PAYLOAD}

A reader comment pasted into the wire copy read {IMG_PAYLOAD} and was published unedited.
"""

if not CHROMIUM.exists():
    pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}, which is not installed "
                "(`make test` installs it when run as root: apt-get install chromium)",
                allow_module_level=True)

def planted_shift() -> list[Event]:
    """NOR–SWE: cooperation for six months, then conflict for six: one shift, 2023-07."""
    found = []
    for month in range(12):
        value = (6.0, 5.6, 6.3, 5.9, 6.1, 5.7)[month % 6] * (1 if month < 6 else -1)
        for k, (s, t) in enumerate((("NOR", "SWE"), ("SWE", "NOR"))):
            found.append(Event(
                event_id=f"planted-{month:02}-{k}", doc="planted.jsonl", date=f"2023-{month + 1:02}-15",
                date_precision="day", type="COOPERATE" if value > 0 else "ASSAULT",
                source=Mention(text=s, actor_id=s, country=s), target=Mention(text=t, actor_id=t, country=t),
                intensity=value, quad="material_cooperation" if value > 0 else "material_conflict",
                sentence=f"Planted event {month}-{k}."))
    return found


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    inbox = folder / "inbox"
    inbox.mkdir()
    for name in CHOSEN:
        (inbox / name).write_bytes((ARTICLES / name).read_bytes())
    (inbox / "zz_payload.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    db = folder / "web.duckdb"
    with Store(db) as store:
        report = jobs.ingest_paths(store, [inbox])
        assert report.added == len(CHOSEN) + 1 and not report.problems
        extracted = jobs.extract_pending(store)
        assert extracted.documents == len(CHOSEN) + 1 and extracted.events_added > 0
        store.add_events(planted_shift())
        # The test sanctions list: article 02 names Iran Air, which it lists.
        listed = load_file(store, SANCTIONS)
        assert listed.added > 0
    return db


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(web_store):
    """uvicorn in a background thread; yields the base URL."""
    import uvicorn

    from entente.api import create_app

    port = free_port()
    config = uvicorn.Config(create_app(web_store, token=TOKEN), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, name="entente-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)


class Page:
    """A page on the test server that records what it tried to reach elsewhere and its errors."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", self._console)
        page.route("**/*", self._only_the_server)

    def _console(self, msg) -> None:
        # A refused request (401, 404) is logged by the browser; the UI shows it, the tests
        # that cause one check what is shown. Anything else logged as an error fails the test.
        if msg.type == "error" and not msg.text.startswith("Failed to load resource: the server "
                                                           "responded with a status of 4"):
            self.errors.append(msg.text)

    def _only_the_server(self, route):
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith("data:"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, hash_route: str = "#/", view: str | None = None):
        self.page.goto(f"{self.base}/{hash_route}")
        return self.ready(view)

    def ready(self, view: str | None = None):
        selector = 'main[data-ready="1"]' + (f'[data-view="{view}"]' if view else "")
        self.page.wait_for_selector(selector, timeout=15_000)
        return self.page

    def shot(self, name: str) -> Path:
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTEFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def open_page(browser, server, **context_options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    return context, Page(context.new_page(), server)


def check_page(context, wrapped: Page) -> None:
    context.close()
    assert not wrapped.outside, f"the UI tried to reach other hosts: {wrapped.outside}"
    assert not wrapped.errors, f"errors in the page: {wrapped.errors}"


@pytest.fixture
def page(browser, server):
    """A page under the server's Content-Security-Policy, as users get it."""
    context, wrapped = open_page(browser, server)
    yield wrapped
    check_page(context, wrapped)


@pytest.fixture
def page_without_csp(browser, server):
    """A page that ignores the Content-Security-Policy: what the UI's own escaping does alone."""
    context, wrapped = open_page(browser, server, bypass_csp=True)
    yield wrapped
    check_page(context, wrapped)
