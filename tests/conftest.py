"""Shared fixtures: small hand-made records and paths to the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente.model import Attribution, Document, Event, Item, Location, Mention, Provenance

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium under Playwright, one for the whole run: Playwright's sync API
    allows a single session per thread, so browser tests in any folder share this one."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}, which is not installed "
                    "(`make test` installs it when run as root: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def make_event(event_id: str = "ev1", **changes) -> Event:
    """A fully populated event; tests change only what they are about."""
    base = dict(
        event_id=event_id, doc="a.txt", doc_id="d1",
        sentence="Officials said Tehran shipped 40 drones to Moscow.", span=(22, 29),
        trigger="shipped", date="2023-05", date_precision="month",
        source=Mention(text="Tehran", actor_id="IRN", country="IRN", sector="government",
                       name="Iran", start=15, end=21),
        target=Mention(text="Moscow", actor_id="RUS", country="RUS", name="Russia",
                       start=43, end=49),
        type="AID", mode="military", context=["military"], cameo="072", intensity=5.2,
        quad="material_cooperation", status="reported", negated=False,
        attribution=[Attribution(text="Officials said", actors=[], stance="reports")],
        items=[Item(text="40 drones", name=None, category="drone", quantity=40, start=30, end=39)],
        location=Location(text="the Caspian Sea", country=None), confidence=0.8,
        provenance=Provenance(extractor="test"),
    )
    base.update(changes)
    return Event(**base)


@pytest.fixture
def event() -> Event:
    return make_event()


@pytest.fixture
def document() -> Document:
    text = "Officials said Tehran shipped 40 drones to Moscow."
    return Document(doc_id=Document.make_id(text), text=text, name="a.txt", language="en",
                    published="2023-05-02", published_precision="day")
