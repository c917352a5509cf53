"""Synthetic event sets with known answers, written as event records and imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente import jobs
from entente.model import Attribution, Event, Item, Mention
from entente.store import Store

QUAD_OF = {True: "material_cooperation", False: "material_conflict"}


def actor(code: str | None) -> Mention | None:
    if code is None:
        return None
    state = len(code) == 3
    return Mention(text=code, actor_id=code, country=code if state else None)


def event(event_id: str, source: str | None, target: str | None, type: str = "CONSULT",
          date: str = "2023-01-15", intensity: float | None = 1.0, quad: str | None = None,
          status: str = "asserted", negated: bool = False, attribution=(), items=(),
          mode: str | None = None, doc: str = "a.txt", sentence: str | None = None) -> Event:
    if quad is None and intensity is not None:
        quad = QUAD_OF[intensity >= 0]
    return Event(
        event_id=event_id, doc=doc, doc_id=doc, sentence=sentence or f"Sentence of {event_id}.",
        date=date, date_precision="day" if date.count("-") == 2 else "month",
        source=actor(source), target=actor(target), type=type, mode=mode,
        intensity=intensity, quad=quad, status=status, negated=negated,
        attribution=[Attribution(**a) for a in attribution],
        items=[Item(**i) for i in items])


def write_jsonl(path: Path, events: list[Event]) -> Path:
    path.write_text("".join(e.to_json() + "\n" for e in events), encoding="utf-8")
    return path


def load(tmp_path: Path, events: list[Event], name: str = "events") -> Path:
    """A store file holding `events`, imported the way `entente import events` does."""
    db = tmp_path / f"{name}.duckdb"
    with Store(db) as store:
        report = jobs.import_events(store, write_jsonl(tmp_path / f"{name}.jsonl", events))
    assert not report.problems and report.added == len(events)
    return db


def planted_shift() -> list[Event]:
    """IRN–RUS: +5 every month of 2022, −5 every month of 2023 (three events a month, both
    ways); plus a denied, a hypothetical and a negated event that must not count."""
    found = []
    for month in range(24):
        year, m = 2022 + month // 12, month % 12 + 1
        value = 5.0 if month < 12 else -5.0
        for k, (s, t) in enumerate((("IRN", "RUS"), ("RUS", "IRN"), ("IRN", "RUS"))):
            found.append(event(f"p{month:02}{k}", s, t, "AID" if value > 0 else "ASSAULT",
                               f"{year}-{m:02}-{10 + k:02}", value))
    found += [
        event("x-denied", "IRN", "RUS", "ASSAULT", "2022-03-05", -10, status="denied"),
        event("x-hypo", "RUS", "IRN", "ASSAULT", "2022-03-06", -10, status="hypothetical"),
        event("x-negated", "IRN", "RUS", "ASSAULT", "2022-03-07", -10, negated=True),
    ]
    return found


@pytest.fixture
def shift_db(tmp_path) -> Path:
    return load(tmp_path, planted_shift())


@pytest.fixture
def open_store():
    stores = []

    def opener(db: Path) -> Store:
        stores.append(Store(db))
        return stores[-1]

    yield opener
    for store in stores:
        store.close()
