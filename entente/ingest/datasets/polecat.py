"""POLECAT (PLOVER-coded) event files as entente events: the tab-separated weekly release or
JSON Lines.

The TSV columns are those of the POLECAT release on Dataverse (Event ID, Event Date, Event
Type, Event Mode, Intensity, Quad Code, Contexts, Actor Name, Actor Country, ..., Primary
Actor Sector, Recipient Name, Recipient Country, ..., Placename, City, ..., Country,
Source, ...). JSON Lines may use the same names in snake_case (`event_id`, `event_type`,
`actor_country`...) or the PLOVER record shape that `entente export --format plover` writes
(`id`, `date`, `event`, `mode`, `context`, `actor`/`recipient` as lists of
`{text, code, country, sector, name}`; its `act`, the type and mode of an act PLOVER reads
as an intention, wins over `event`). Types are PLOVER already (draft names such as DEMAND
are renamed, `polecat.yaml`); actors become entente's (a known name, else the actor's country
as a state). The event id is a hash of "polecat" and the record's id.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from entente.errors import InputError, InputProblem
from entente.ingest.datasets import tables
from entente.ingest.datasets.common import (
    CSV_BATCH_ROWS, NO_ACTOR, ActorTuple, DatasetReport, actor_tuple, country_code, event_ids,
    event_table, mapped_events, open_binary, organisation, provenance_json, read_csv_rows, resolve_name,
    rows_to_columns, slug, state_name,
)
from entente.knowledge.actors import ISO_CODES, SECTORS
from entente.knowledge.plover import load_plover
from entente.model import EVENT_TYPES, STATUSES

DATASET = "polecat"
_DATE = re.compile(r"^(\d{4})-?(\d{2})(?:-?(\d{2}))?")
_NONE = {"", "none", "null", "nan", "n/a"}
_SPLIT = re.compile(r"[;,|]")


def _key(name: str) -> str:
    """"Event ID" and "event_id" are the same field."""
    return re.sub(r"[\s\-]+", "_", name.strip().lower())


def _value(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return None if value.casefold() in _NONE else value
    return value


def _first(value: Any) -> Any:
    """POLECAT lists several countries or names separated by ';': the first one stands."""
    value = _value(value)
    if isinstance(value, list):
        return _first(value[0]) if value else None
    if isinstance(value, str) and ";" in value:
        return _value(value.split(";")[0])
    return value


@lru_cache(maxsize=1000)
def _sector(value: str | None) -> str | None:
    if not value:
        return None
    word = value.strip().casefold()
    return word if word in SECTORS else tables.icews_sectors().get(word)


@lru_cache(maxsize=50_000)
def polecat_actor(name: str | None, code: str | None, country: str | None,
                  sector: str | None) -> ActorTuple:
    """An entente actor from a name, an actor code, a country and a sector."""
    if not (name or code or country):
        return NO_ACTOR
    role = _sector(sector)
    code = (code or "").strip().upper() or None
    if code and code in ISO_CODES:
        return actor_tuple(name or code, code, code, role, state_name(code))
    known = organisation(code) if code else None
    if known is not None:
        return actor_tuple(name or known.name, known.actor_id, known.country,
                           known.sector or role, known.name)
    entry = resolve_name(name) if name else None
    if entry is not None and not entry.adjective and (entry.kind != "person" or entry.country):
        return actor_tuple(name, entry.actor_id, entry.country, entry.sector or role, entry.name)
    state = country_code(country)
    if state:
        return actor_tuple(name or state, state, state, role, state_name(state))
    if code:
        return actor_tuple(name or code, code, None, role, name)
    return actor_tuple(name, slug(name or ""), None, role, name)


def _actor(record: dict[str, Any], role: str) -> ActorTuple:
    """`role` is actor or recipient: a PLOVER-record list of objects, or flat columns."""
    value = record.get(role)
    if isinstance(value, list) or isinstance(value, dict):
        first = value[0] if isinstance(value, list) and value else value
        if not isinstance(first, dict):
            return NO_ACTOR
        return polecat_actor(_value(first.get("name")) or _value(first.get("text")),
                             _value(first.get("code")) or _value(first.get("actor_id")),
                             _value(first.get("country")), _value(first.get("sector")))
    return polecat_actor(_first(record.get(f"{role}_name")) or _value(value),
                         _first(record.get(f"{role}_code")),
                         _first(record.get(f"{role}_country")),
                         _first(record.get(f"primary_{role}_sector"))
                         or _first(record.get(f"{role}_sector")))


def _date(value: Any) -> tuple[str, str, date] | None:
    found = _DATE.match(str(value or "").strip())
    if not found:
        return None
    year, month, day = found.groups()
    try:
        first = date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    if day:
        return first.isoformat(), "day", first
    return first.isoformat()[:7], "month", first


def _type(value: Any) -> tuple[str, str | None] | None:
    name = str(_value(value) or "").upper()
    if name in EVENT_TYPES:
        return name, None
    return tables.polecat().renamed_types.get(name)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else max(-10.0, min(10.0, number))


def record_event(record: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
    """(event columns, None), (None, None) for a record with no PLOVER type, or (None, why)."""
    row_id = _value(record.get("event_id")) or _value(record.get("id"))
    if row_id is None:
        return None, "missing event id (Event ID / id)"
    when = _date(record.get("event_date") or record.get("date") or record.get("story_date"))
    if when is None:
        return None, "missing or malformed event date"
    act = record.get("act") if isinstance(record.get("act"), dict) else {}
    raw_type = act.get("type") or record.get("event_type") or record.get("event")
    if _value(raw_type) is None:
        return None, None  # POLECAT keeps rows the classifier gave no event type
    found = _type(raw_type)
    if found is None:
        return None, f"event type {raw_type!r} is not a PLOVER type"
    onto = load_plover()
    type_name, mode = found
    raw_mode = str(_value(act.get("mode") or record.get("event_mode") or record.get("mode"))
                   or "").lower() or None
    if raw_mode in onto.types[type_name].modes:
        mode = raw_mode
    contexts = record.get("contexts", record.get("context")) or []
    if isinstance(contexts, str):
        contexts = [c for c in (_value(c) for c in _SPLIT.split(contexts)) if c]
    contexts = [str(c).strip().lower() for c in contexts]
    quad = str(_value(record.get("quad_code") or record.get("quad")) or "").casefold()
    intensity = _number(record.get("intensity", record.get("event_intensity")))
    status = _value(record.get("status"))
    location = record.get("location") if isinstance(record.get("location"), dict) else {}
    event: dict[str, Any] = {
        "_row": str(row_id), "date": when[0], "date_precision": when[1], "day": when[2],
        "type": type_name, "mode": mode, "context": contexts,
        "cameo": _value(record.get("cameo")) or onto.cameo_for(type_name, mode, contexts),
        "intensity": intensity if intensity is not None else onto.intensity_for(type_name, mode),
        "quad": tables.polecat().quads.get(quad, quad if quad in tables.QUADS
                                           else onto.quad_for(type_name)),
        "status": status if status in STATUSES else "asserted",
        "negated": record.get("negated") is True,
        "sentence": _value(record.get("text")) or _value(record.get("sentence")),
        "trigger": _value(record.get("event_text")) or _value(record.get("trigger")),
        "location_text": _value(location.get("text")) or _value(record.get("placename"))
        or _value(record.get("city")),
        "location_country": country_code(_value(location.get("country"))
                                         or _first(record.get("country"))),
        "_url": _value(record.get("url")) or _url(record.get("source")),
    }
    for role, who in (("source", "actor"), ("target", "recipient")):
        event |= {f"{role}_{f}": v for f, v in
                  zip(("text", "actor_id", "country", "sector", "name"), _actor(record, who))}
    return event, None


def _url(value: Any) -> str | None:
    value = _value(value)
    if isinstance(value, dict):
        value = value.get("url")
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def _records_tsv(path: Path, report: DatasetReport) -> Iterator[list[tuple[int, dict]]]:
    for header, batch in read_csv_rows(path, report, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = [_key(h) for h in header]
        if "event_id" not in names:
            raise InputError(InputProblem(str(path), "not a POLECAT file: no Event ID column", 1))
        rows = []
        for line, fields in batch:
            extra = fields[len(names):]
            if len(fields) < len(names) or any(f.strip() for f in extra):
                report.rows += 1
                report.bad_row(path, line, f"expected {len(names)} tab-separated fields, "
                                           f"found {len(fields)}")
                continue
            rows.append((line, dict(zip(names, fields))))
        yield rows


def _records_jsonl(path: Path, report: DatasetReport) -> Iterator[list[tuple[int, dict]]]:
    batch: list[tuple[int, dict]] = []
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8", errors="replace").lstrip("\ufeff"))
            except json.JSONDecodeError as exc:
                report.rows += 1
                report.bad_row(path, number, f"malformed JSON: {exc.msg} at column {exc.colno}")
                continue
            if not isinstance(record, dict):
                report.rows += 1
                report.bad_row(path, number, "expected a JSON object")
                continue
            batch.append((number, {_key(k): v for k, v in record.items()}))
            if len(batch) >= CSV_BATCH_ROWS:
                yield batch
                batch = []
    if batch:
        yield batch


def _is_jsonl(path: Path) -> bool:
    name = path.name.lower().removesuffix(".gz").removesuffix(".zip")
    return name.endswith((".jsonl", ".ndjson", ".json"))


def read(path: Path, report: DatasetReport, **_: Any) -> Iterator[pa.Table]:
    records = _records_jsonl(path, report) if _is_jsonl(path) else _records_tsv(path, report)
    for batch in records:
        events = mapped_events(report, path, batch, record_event)
        if events:
            yield _table(events, path)


def _table(events: list[dict[str, Any]], path: Path) -> pa.Table:
    n = len(events)
    rows = pa.array([e.pop("_row") for e in events], pa.string())
    urls = pa.array([e.pop("_url") for e in events], pa.string())
    columns = rows_to_columns(events) | {
        "event_id": event_ids(DATASET, rows), "attribution": "[]",
        "provenance": provenance_json(n, DATASET, path.name, rows, urls),
    }
    return event_table(n, columns)
