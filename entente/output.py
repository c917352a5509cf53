"""Formatting for the shells (CLI, API): the library returns data, this turns it into text."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from rich.table import Table

from entente.model import Event

EVENT_TABLE_COLUMNS = ["date", "source", "type", "mode", "target", "status", "items", "doc"]


def _actor(m) -> str:
    return "" if m is None else (m.country or m.actor_id) + (f" ({m.text})" if m.text else "")


def _items(ev: Event) -> str:
    return "; ".join(
        (f"{i.quantity_qualifier + ' ' if i.quantity_qualifier else ''}"
         f"{i.quantity:g} " if i.quantity is not None else "") + (i.name or i.text)
        for i in ev.items)


def event_summary(ev: Event) -> dict[str, str]:
    """The short, flat view of an event used by the table and CSV formats."""
    return {
        "event_id": ev.event_id, "date": ev.date or "", "source": _actor(ev.source),
        "type": ev.type, "mode": ev.mode or "", "target": _actor(ev.target),
        "status": ev.status + (" (negated)" if ev.negated else ""), "items": _items(ev),
        "doc": ev.doc or "", "sentence": ev.sentence or "",
    }


def events_jsonl(events: Iterable[Event]) -> str:
    return "".join(ev.model_dump_json() + "\n" for ev in events)


def events_csv(events: Iterable[Event]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["event_id", *EVENT_TABLE_COLUMNS, "sentence"])
    writer.writeheader()
    for ev in events:
        writer.writerow(event_summary(ev))
    return buffer.getvalue()


def events_table(events: Iterable[Event], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False)
    for column in EVENT_TABLE_COLUMNS:
        table.add_column(column, overflow="fold")
    for ev in events:
        row = event_summary(ev)
        table.add_row(*(row[c] for c in EVENT_TABLE_COLUMNS))
    return table


def mapping_table(data: dict[str, Any], title: str) -> Table:
    table = Table(title=title)
    table.add_column("what")
    table.add_column("value", justify="right")
    for key, value in data.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items()) or "-"
        table.add_row(key, str(value))
    return table


def to_json(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)
