"""Shapes the API adds to the library's own: a document with its events' spans, a document
summary, paging headers. Everything else is the `to_dict()` the CLI prints."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from entente.model import Document, Event

KIND_ORDER = {"trigger": 0, "actor": 1, "item": 2}


def document_summary(doc: Document) -> dict[str, Any]:
    return {"doc_id": doc.doc_id, "name": doc.name, "title": doc.title, "url": doc.url,
            "published": doc.published, "language": doc.language,
            "source_format": doc.source_format, "extractable": doc.extractable,
            "characters": len(doc.text)}


def document_view(doc: Document, events: list[Event]) -> dict[str, Any]:
    """The document's fields, its events (event records) and the spans to highlight."""
    return {**doc.model_dump(mode="json"),
            "events": [e.model_dump(mode="json") for e in events],
            "spans": spans(events, len(doc.text))}


def spans(events: list[Event], length: int) -> list[dict[str, Any]]:
    """One entry per distinct (start, end, kind, label): the trigger of each event, its source
    and target actors and its items, with the events that share it. Offsets are characters
    (code points) of the document text; spans outside the text are left out."""
    found: dict[tuple, dict[str, Any]] = {}

    def add(start, end, kind: str, label: str, event: Event, role: str, text: str | None) -> None:
        if start is None or end is None or not 0 <= start < end <= length:
            return
        key = (start, end, kind, label)
        span = found.setdefault(key, {"start": start, "end": end, "kind": kind, "label": label,
                                      "text": text, "roles": [], "events": []})
        if role not in span["roles"]:
            span["roles"].append(role)
        if event.event_id not in span["events"]:
            span["events"].append(event.event_id)

    for ev in events:
        if ev.span:
            label = ev.type + (f" · {ev.mode}" if ev.mode else "")
            add(ev.span[0], ev.span[1], "trigger", label, ev, "trigger", ev.trigger)
        for role, mention in (("source", ev.source), ("target", ev.target)):
            if mention is not None:
                add(mention.start, mention.end, "actor", mention.country or mention.actor_id,
                    ev, role, mention.text)
        for item in ev.items:
            add(item.start, item.end, "item", item.name or item.category or "item", ev, "item",
                item.text)
    return sorted(found.values(), key=lambda s: (s["start"], -s["end"], KIND_ORDER[s["kind"]]))


def paging_headers(path: str, params: dict[str, Any], limit: int, offset: int,
                   more: bool) -> dict[str, str]:
    """X-Next-Offset and a Link rel="next" when there is a next page."""
    if not more:
        return {}
    query = {k: v for k, v in params.items() if v not in (None, "")}
    query.update(limit=limit, offset=offset + limit)
    return {"X-Next-Offset": str(offset + limit),
            "Link": f'<{path}?{urlencode(query)}>; rel="next"'}
