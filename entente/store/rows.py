"""Conversions between the data model and table rows: the only place that knows both shapes."""

from __future__ import annotations

import json
from datetime import date as Date
from typing import Any

from entente.model import Attribution, Document, Event, Item, Location, Mention, Provenance
from entente.store.schema import DOCUMENT_COLUMNS, EVENT_COLUMNS, ITEM_COLUMNS

_MENTION_FIELDS = ("text", "actor_id", "country", "sector", "name", "start", "end")


def first_day(iso: str | None) -> Date | None:
    """The first day of an ISO date of any precision ('2024', '2024-09', '2024-09-12')."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return Date(year, month, day)
    except (ValueError, IndexError):
        return None


def document_row(doc: Document) -> list[Any]:
    data = doc.model_dump()
    return [data[c] for c in DOCUMENT_COLUMNS]


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(**{c: row[c] for c in DOCUMENT_COLUMNS})


def _mention_values(m: Mention | None) -> list[Any]:
    if m is None:
        return [None] * len(_MENTION_FIELDS)
    return [getattr(m, f) for f in _MENTION_FIELDS]


def event_row(ev: Event) -> list[Any]:
    values: dict[str, Any] = {
        "event_id": ev.event_id, "doc_id": ev.doc_id, "doc": ev.doc, "sentence": ev.sentence,
        "span_start": ev.span[0] if ev.span else None,
        "span_end": ev.span[1] if ev.span else None,
        "trigger": ev.trigger, "date": ev.date, "date_precision": ev.date_precision,
        "day": first_day(ev.date),
        "type": ev.type, "mode": ev.mode, "context": list(ev.context), "cameo": ev.cameo,
        "intensity": ev.intensity, "quad": ev.quad, "status": ev.status, "negated": ev.negated,
        "attribution": json.dumps([a.model_dump() for a in ev.attribution]),
        "location_text": ev.location.text if ev.location else None,
        "location_country": ev.location.country if ev.location else None,
        "confidence": ev.confidence,
        "provenance": ev.provenance.model_dump_json() if ev.provenance else None,
    }
    for role, mention in (("source", ev.source), ("target", ev.target)):
        for field, value in zip(_MENTION_FIELDS, _mention_values(mention)):
            values[f"{role}_{field}"] = value
    return [values[c] for c in EVENT_COLUMNS]


def item_rows(ev: Event) -> list[list[Any]]:
    rows = []
    for position, item in enumerate(ev.items):
        data = item.model_dump()
        data.update(event_id=ev.event_id, position=position)
        rows.append([data[c] for c in ITEM_COLUMNS])
    return rows


def _mention_from(row: dict[str, Any], role: str) -> Mention | None:
    if row.get(f"{role}_actor_id") is None and row.get(f"{role}_text") is None:
        return None
    values = {f: row.get(f"{role}_{f}") for f in _MENTION_FIELDS}
    values["text"] = values["text"] or values["actor_id"] or ""
    values["actor_id"] = values["actor_id"] or ""
    return Mention(**values)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def event_from_row(row: dict[str, Any], items: list[dict[str, Any]] | None = None) -> Event:
    span = (row["span_start"], row["span_end"]) if row.get("span_start") is not None else None
    location = None
    if row.get("location_text"):
        location = Location(text=row["location_text"], country=row.get("location_country"))
    provenance = _json(row.get("provenance"))
    return Event(
        event_id=row["event_id"], doc=row.get("doc"), doc_id=row.get("doc_id"),
        sentence=row.get("sentence"), span=span, trigger=row.get("trigger"),
        date=row.get("date"), date_precision=row.get("date_precision"),
        source=_mention_from(row, "source"), target=_mention_from(row, "target"),
        type=row["type"], mode=row.get("mode"), context=list(row.get("context") or []),
        cameo=row.get("cameo"), intensity=row.get("intensity"), quad=row.get("quad"),
        status=row["status"], negated=bool(row.get("negated")),
        attribution=[Attribution(**a) for a in _json(row.get("attribution")) or []],
        items=[Item(**{k: v for k, v in it.items() if k not in ("event_id", "position")})
               for it in items or []],
        location=location,
        confidence=row["confidence"] if row.get("confidence") is not None else 1.0,
        provenance=Provenance(**provenance) if provenance else None,
    )
