"""What every analysis shares: actor codes, the "fact" rule, periods and date windows.

The analyses read the store's public tables (docs/schema.md) with their own aggregate SQL,
always with `?` parameters; only fixed fragments from this module are pasted into queries.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from typing import Any

from entente.errors import UsageError
from entente.store import Store

PERIODS = ("week", "month", "quarter", "year")

# An actor's code for analysis: its state when it has one, else its own code (Mention.code).
SOURCE_CODE = "upper(coalesce(source_country, source_actor_id))"
TARGET_CODE = "upper(coalesce(target_country, target_actor_id))"

# Denied, hypothetical and negated events say what did *not* (or may not) happen: they are
# left out of dyad series, shifts and the network. Claims and transfers read them on purpose.
FACT = "(status NOT IN ('denied', 'hypothetical') AND NOT negated)"

COOPERATION = ("verbal_cooperation", "material_cooperation")
CONFLICT = ("verbal_conflict", "material_conflict")
QUADS = (*COOPERATION, *CONFLICT)

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def dyad_clause(a: str, b: str) -> tuple[str, list[Any]]:
    """Events between two codes, either direction, and the parameters.

    The ILIKE tests on the raw country column are a cheap superset of the exact test (a code
    is its country, upper-cased, when there is one) that lets DuckDB drop most rows before it
    computes codes: about three times faster on a large store.
    """
    sql = (f"(source_country ILIKE ? OR source_country ILIKE ? OR source_country IS NULL)"
           f" AND {SOURCE_CODE} IN (?, ?) AND {TARGET_CODE} IN (?, ?)"
           f" AND {SOURCE_CODE} <> {TARGET_CODE}")
    return sql, [a, b, a, b, a, b]


def check_period(by: str) -> str:
    if by not in PERIODS:
        raise UsageError(f"unknown period {by!r}: use one of {', '.join(PERIODS)}")
    return by


def code(value: str, what: str = "actor") -> str:
    value = (value or "").strip().upper()
    if not value:
        raise UsageError(f"an {what} code is needed, e.g. IRN")
    return value


def window_start(iso: str | None, option: str = "--since") -> date | None:
    """The first day an ISO date of any precision covers: '2024' → 2024-01-01."""
    parts = _parts(iso, option)
    return None if parts is None else date(parts[0], parts[1] or 1, parts[2] or 1)


def window_end(iso: str | None, option: str = "--until") -> date | None:
    """The last day it covers, so `--until 2024` includes all of 2024."""
    parts = _parts(iso, option)
    if parts is None:
        return None
    year, month, day = parts
    if day:
        return date(year, month, day)
    month = month or 12
    return date(year, month, calendar.monthrange(year, month)[1])


def _parts(iso: str | None, option: str) -> tuple[int, int | None, int | None] | None:
    if iso is None or iso == "":
        return None
    found = _ISO.fullmatch(iso.strip())
    problem = f"{option}: expected an ISO date YYYY, YYYY-MM or YYYY-MM-DD, got {iso!r}"
    if not found:
        raise UsageError(problem)
    year, month, day = (int(p) if p else None for p in found.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise UsageError(problem) from None
    return year, month, day


def window(since: str | None, until: str | None, column: str = "day") -> tuple[str, list[Any]]:
    """A SQL condition (`TRUE` when open) and its parameters for a --since/--until window."""
    start, end = window_start(since), window_end(until)
    if start and end and start > end:
        raise UsageError(f"--since {since} is after --until {until}")
    clauses, params = [], []
    if start:
        clauses.append(f"{column} >= ?")
        params.append(start)
    if end:
        clauses.append(f"{column} <= ?")
        params.append(end)
    return (" AND ".join(clauses) or "TRUE"), params


def dicts(store: Store, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def iso(value: Any) -> str | None:
    """A DATE or TIMESTAMP from DuckDB as an ISO date string."""
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def rounded(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)
