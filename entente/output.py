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


# -- evaluation reports ----------------------------------------------------------------------
def _pct(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def report_summary(report) -> dict[str, Any]:
    """A JSON-ready summary of a gold, PETRARCH or PLOVER report."""
    if hasattr(report, "totals"):
        return {"totals": report.totals(), "documents": [
            {"doc": d.doc, "system": d.n_system, "gold": d.n_gold, "precision": d.precision,
             "recall": d.recall, "key_recall": d.key_recall} for d in report.documents]}
    parts = {"news": getattr(report, "news", None), "unit": getattr(report, "unit", None),
             "plover": getattr(report, "parts", None)}
    return {group: {name: {"correct": p.correct, "total": p.total, "rate": p.rate}
                    for name, p in found.items()}
            for group, found in parts.items() if found}


def report_tables(report, shown: int) -> list[Table]:
    if not hasattr(report, "totals"):
        summary = report_summary(report)
        tables = []
        for group, parts in summary.items():
            table = Table(title=f"{group} ({report.n_records} records)")
            for column in ("figure", "correct", "total", "rate"):
                table.add_column(column, justify="right" if column != "figure" else "left")
            for name, p in parts.items():
                table.add_row(name, str(p["correct"]), str(p["total"]), _pct(p["rate"]))
            tables.append(table)
        return tables
    return [_totals_table(report), _documents_table(report), *_error_tables(report, shown)]


def _totals_table(report) -> Table:
    table = Table(title="Extraction against gold")
    for name in ("precision", "recall", "f1", "key_recall", "status_accuracy", "item_recall"):
        table.add_column(name, justify="right")
    totals = report.totals()
    table.add_row(*(_pct(totals[n]) for n in ("precision", "recall", "f1", "key_recall",
                                               "status_accuracy", "item_recall")))
    return table


def _documents_table(report) -> Table:
    table = Table(title="Per document")
    for column in ("doc", "system", "gold", "precision", "recall", "key recall"):
        table.add_column(column, justify="left" if column == "doc" else "right")
    for d in report.documents:
        table.add_row(d.doc, str(d.n_system), str(d.n_gold), _pct(d.precision),
                      _pct(d.recall), _pct(d.key_recall))
    return table


def _error_tables(report, shown: int) -> list[Table]:
    misses = Table(title=f"Misses (first {shown} of {len(report.misses)})")
    for column in ("doc", "gold event", "quote"):
        misses.add_column(column, overflow="fold")
    for m in report.misses[:shown]:
        g = m.event
        misses.add_row(m.doc, f"{g.source} {g.type} {g.target} [{g.status}]"
                       + (" KEY" if g.key else ""), (m.quote or "")[:160])
    false = Table(title=f"False events (first {shown} of {len(report.false_events)})")
    for column in ("doc", "system event", "sentence"):
        false.add_column(column, overflow="fold")
    for f in report.false_events[:shown]:
        e = f.event
        false.add_row(f.doc, f"{e.source.code if e.source else '-'} {e.type} "
                      f"{e.target.code if e.target else '-'} [{e.status}] ({e.trigger})",
                      (f.sentence or "")[:160])
    return [misses, false]
