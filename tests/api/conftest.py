"""A small hand-made store with known answers, and the app over it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from entente.extract.pipeline import EXTRACTOR_VERSION
from entente.model import Attribution, Document, Event, Item, Mention
from entente.store import Store

# Starlette's test client warns that it will move to httpx2; the tests use it as it is.
warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")

from fastapi.testclient import TestClient  # noqa: E402

from entente.api import create_app  # noqa: E402

TOKEN = "test-token-0123456789"
MAX_UPLOAD = 50_000
TEXT = ("Officials said Tehran shipped 40 drones to Moscow. "
        "Israel struck Iran in April. Washington sanctioned Iran Air.")
#        0         1         2         3         4         5         6         7         8


def mention(text: str, code: str, start: int, country: bool = True) -> Mention:
    return Mention(text=text, actor_id=code, country=code if country else None, name=code,
                   start=start, end=start + len(text))


def make_events(doc_id: str) -> list[Event]:
    """Six events of one document: types, statuses, dates and items the filters pick apart."""
    base = dict(doc="a.txt", doc_id=doc_id, confidence=0.9)
    tehran, moscow = mention("Tehran", "IRN", 15), mention("Moscow", "RUS", 43)
    drones = Item(text="40 drones", category="drone", quantity=40, start=30, end=39)
    return [
        Event(event_id="e1", sentence=TEXT[:50], span=(22, 29), trigger="shipped",
              date="2023-05-02", date_precision="day", source=tehran, target=moscow, type="AID",
              mode="military", intensity=5.2, quad="material_cooperation", status="reported",
              attribution=[Attribution(text="Officials said", stance="reports")],
              items=[drones], **base),
        Event(event_id="e2", sentence=TEXT[:50], span=(22, 29), trigger="shipped",
              date="2022-10", date_precision="month", source=tehran, target=moscow, type="AID",
              mode="military", intensity=5.2, quad="material_cooperation", status="denied",
              items=[Item(text="drones", name="Shahed-136", category="loitering_munition",
                          start=33, end=39)], **base),
        Event(event_id="e3", sentence=TEXT[51:79], span=(58, 64), trigger="struck",
              date="2024-04-19", date_precision="day", source=mention("Israel", "ISR", 51),
              target=mention("Iran", "IRN", 65), type="ASSAULT", mode="aerial",
              intensity=-9.5, quad="material_conflict", status="asserted", **base),
        Event(event_id="e4", sentence=TEXT[80:], span=(91, 101), trigger="sanctioned",
              date="2024-09-10", date_precision="day", source=mention("Washington", "USA", 80),
              target=mention("Iran Air", "IRAN_AIR", 102, country=False), type="SANCTION",
              intensity=-5.0, quad="material_conflict", status="asserted", **base),
        Event(event_id="e5", sentence=TEXT[:50], span=(22, 29), trigger="shipped",
              date="2024-10-01", date_precision="day", source=tehran, target=moscow, type="AID",
              mode="military", intensity=5.2, quad="material_cooperation", status="asserted",
              items=[Item(text="drones", name="Shahed-136", category="loitering_munition",
                          start=33, end=39)], **base),
        Event(event_id="e6", sentence=TEXT[:50], span=(43, 49), trigger="Moscow",
              date=None, type="CONSULT", source=moscow, target=tehran, intensity=1.0,
              quad="verbal_cooperation", status="planned", **base),
    ]


def build_store(path: Path) -> Path:
    doc = Document(doc_id=Document.make_id(TEXT), text=TEXT, name="a.txt", title="Drones",
                   published="2023-05-02", published_precision="day", language="en",
                   source_format="text")
    with Store(path) as store:
        store.add_documents([doc])
        store.add_events(make_events(doc.doc_id), done_doc_ids=[doc.doc_id],
                         extractor=EXTRACTOR_VERSION)  # so `extract` leaves it alone
    return path


@pytest.fixture
def store_path(tmp_path) -> Path:
    return build_store(tmp_path / "api.duckdb")


@pytest.fixture
def doc_id() -> str:
    return Document.make_id(TEXT)


@pytest.fixture
def client(store_path):
    with TestClient(create_app(store_path, token=TOKEN, max_upload=MAX_UPLOAD)) as client:
        yield client


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}
