"""Event filters as SQL with `?` parameters only: no user text is ever pasted into SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from entente.store.schema import EVENT_COLUMNS


@dataclass
class EventFilter:
    """What `entente events` and the API can filter on. Codes match state or actor id."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    item: str | None = None
    doc: str | None = None
    limit: int | None = None
    offset: int = 0


def _actor_clause(role: str) -> str:
    return f"(upper({role}_country) = ? OR upper({role}_actor_id) = ?)"


def event_query(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        code = f.actor.upper()
        clauses.append(f"({_actor_clause('source')} OR {_actor_clause('target')})")
        params += [code] * 4
    if f.dyad:
        a, b = (x.upper() for x in f.dyad)
        clauses.append(
            f"(({_actor_clause('source')} AND {_actor_clause('target')}) OR "
            f"({_actor_clause('source')} AND {_actor_clause('target')}))")
        params += [a, a, b, b, b, b, a, a]
    for column, value in (("type", f.type), ("status", f.status)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value.upper() if column == "type" else value.lower())
    if f.since:
        clauses.append("day >= CAST(? AS DATE)")
        params.append(_pad(f.since))
    if f.until:
        clauses.append("day <= CAST(? AS DATE)")
        params.append(_pad(f.until))
    if f.item:
        clauses.append(
            "event_id IN (SELECT event_id FROM event_items "
            "WHERE lower(name) = lower(?) OR contains(lower(text), lower(?)))")  # no LIKE wildcards
        params += [f.item, f.item]
    if f.doc:
        clauses.append("(doc = ? OR doc_id = ?)")
        params += [f.doc, f.doc]
    columns = ", ".join(f'"{c}"' for c in EVENT_COLUMNS)
    sql = f"SELECT {columns} FROM events"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY day NULLS LAST, doc, span_start, event_id"
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [int(f.limit), int(f.offset)]
    return sql, params


def _pad(iso: str) -> str:
    """'2024' → '2024-01-01', '2024-09' → '2024-09-01': filters accept any precision."""
    parts = iso.split("-")
    while len(parts) < 3:
        parts.append("01")
    return "-".join(parts[:3])
