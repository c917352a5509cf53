"""ACLED CSV exports as entente events.

Columns used, as in the ACLED codebook: event_id_cnty, event_date (YYYY-MM-DD, or "15 January
2024" in older exports), time_precision, event_type, sub_event_type, actor1, inter1, actor2,
inter2, iso (numeric ISO 3166) or iso3, country, admin1, location, notes. event_type and
sub_event_type → PLOVER type and mode through `acled.yaml` (Battles, explosions and violence
against civilians are ASSAULT, protests PROTEST, riots PROTEST or ASSAULT, strategic
developments per sub-event); intensity, quad and CAMEO code follow from the type and mode
(`plover.yaml`). "Military Forces of X" and other state forces become the state; names the
actor dictionary knows become its actors; other actors keep their name as a code. `notes`
becomes the event's sentence. The event id is a hash of "acled" and event_id_cnty.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from entente.errors import InputError, InputProblem
from entente.ingest.datasets import tables
from entente.ingest.datasets.common import (
    NO_ACTOR, ActorTuple, DatasetReport, actor_tuple, country_code, event_ids, event_table,
    mapped_events, provenance_json, read_csv_rows, resolve_name, rows_to_columns, slug, state_name,
)
from entente.knowledge.plover import load_plover

DATASET = "acled"
REQUIRED = ["event_id_cnty", "event_date", "event_type", "actor1"]
_PERIOD = re.compile(r"\s*\(\d{4}-(\d{4})?\)\s*$")
_PARENS = re.compile(r"\s*\([^)]*\)\s*$")
_GENERIC = (" Movement", " Group", " Militia")


@lru_cache(maxsize=20_000)
def acled_actor(name: str, inter: str) -> ActorTuple:
    """An entente actor from an ACLED actor name and its inter code."""
    name = name.strip()
    if not name:
        return NO_ACTOR
    table = tables.acled()
    base = _PERIOD.sub("", name).strip()
    sector = table.inter.get(inter.strip())
    for prefix, prefix_sector in table.state_prefixes.items():
        if base.startswith(prefix):
            state = country_code(_PARENS.sub("", base[len(prefix):]))
            if state:
                return actor_tuple(name, state, state, prefix_sector, state_name(state))
    for candidate in _candidates(base):
        entry = resolve_name(candidate)
        if entry is not None and not entry.adjective and (entry.kind != "person" or entry.country):
            return actor_tuple(name, entry.actor_id, entry.country, entry.sector or sector,
                               entry.name)
    return actor_tuple(name, slug(base), None, sector, base)


def _candidates(base: str) -> list[str]:
    """"Hamas Movement" is Hamas; "Islamic State (Syria)" is Islamic State."""
    found = [base, _PARENS.sub("", base)]
    found += [c[: -len(g)] for c in list(found) for g in _GENERIC if c.endswith(g)]
    return list(dict.fromkeys(c for c in found if c))


@lru_cache(maxsize=10_000)
def acled_date(text: str) -> str | None:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@lru_cache(maxsize=1000)
def event_country(iso: str, iso3: str, country: str) -> str | None:
    """The ISO3 code of the event's country: `iso` is numeric ISO 3166 in ACLED exports."""
    if iso.strip().isdigit():
        import pycountry

        found = pycountry.countries.get(numeric=iso.strip().zfill(3))
        if found:
            return found.alpha_3
    return country_code(iso3) or country_code(country)


def row_event(row: dict[str, str]) -> tuple[dict[str, Any] | None, str | None]:
    """(event columns, None), (None, None) for a row with no PLOVER type, or (None, why)."""
    row_id = row.get("event_id_cnty", "").strip()
    if not row_id:
        return None, "missing event_id_cnty"
    day = acled_date(row.get("event_date", ""))
    if day is None:
        return None, f"event_date {row.get('event_date', '')!r} is not a date"
    event_type = row.get("event_type", "").strip()
    known, target = tables.acled().target(event_type, row.get("sub_event_type", ""))
    if not known:
        return None, f"event_type {event_type!r} is not an ACLED event type (acled.yaml)"
    if target is None:
        return None, None
    type_name, mode = target
    onto = load_plover()
    month_only = row.get("time_precision", "").strip() == "3"
    event: dict[str, Any] = {
        "_row": row_id, "date": day[:7] if month_only else day,
        "date_precision": "month" if month_only else "day",
        "day": datetime.fromisoformat(day).date().replace(day=1) if month_only
        else datetime.fromisoformat(day).date(),
        "type": type_name, "mode": mode, "cameo": onto.cameo_for(type_name, mode),
        "intensity": onto.intensity_for(type_name, mode), "quad": onto.quad_for(type_name),
        "sentence": row.get("notes", "").strip() or None,
    }
    for role, n in (("source", 1), ("target", 2)):
        values = acled_actor(row.get(f"actor{n}", ""), row.get(f"inter{n}", ""))
        event |= {f"{role}_{f}": v for f, v in
                  zip(("text", "actor_id", "country", "sector", "name"), values)}
    place = [row.get(k, "").strip() for k in ("location", "admin1", "country")]
    event["location_text"] = ", ".join(dict.fromkeys(p for p in place if p)) or None
    event["location_country"] = event_country(row.get("iso", ""), row.get("iso3", ""),
                                              row.get("country", ""))
    return event, None


def read(path: Path, report: DatasetReport, batch_rows: int | None = None,
         **_: Any) -> Iterator[pa.Table]:
    checked = False
    options = {"batch_rows": batch_rows} if batch_rows else {}
    for header, batch in read_csv_rows(path, report, **options):
        names = [h.strip().lower() for h in header]
        if not checked:
            missing = [c for c in REQUIRED if c not in names]
            if missing:
                raise InputError(InputProblem(
                    str(path), f"not an ACLED export: no column {', '.join(missing)}", line=1))
            checked = True
        def to_event(fields: list[str]):
            if len(fields) != len(names):
                return None, f"expected {len(names)} fields, found {len(fields)}"
            return row_event(dict(zip(names, fields)))

        events = mapped_events(report, path, batch, to_event)
        if events:
            yield _table(events, path)


def _table(events: list[dict[str, Any]], path: Path) -> pa.Table:
    n = len(events)
    rows = pa.array([e.pop("_row") for e in events], pa.string())
    columns = rows_to_columns(events) | {
        "event_id": event_ids(DATASET, rows), "context": [], "status": "asserted",
        "negated": False, "attribution": "[]",
        "provenance": provenance_json(n, DATASET, path.name, rows),
    }
    return event_table(n, columns)
