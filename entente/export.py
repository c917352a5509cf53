"""Exports of stored events for other tools, streamed so a store of any size fits in memory.

- `parquet`: DuckDB's COPY into a folder with one `month=YYYY-MM` partition per month (Hive
  layout, readable by DuckDB, pandas, Spark, Polars); undated events go to `month=unknown`.
- `csv`: the store's flat event columns (contexts joined by ";", JSON columns as text).
- `jsonl`: the event records of docs/schema.md, items included (`entente import events`
  reads them back).
- `gdelt`: the 61 tab-separated columns of a GDELT 2.0 event file, CAMEO code from the
  event's `cameo` field, for users with GDELT tooling (see `gdelt_row` for each column).
- `plover`: PLOVER records as JSON Lines (`id`, `date`, `event`, `mode`, `context`, `actor`,
  `recipient`, ...), the shape of the PLOVER gold records, for POLECAT users
  (`entente import polecat` reads them back).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from entente.errors import UsageError
from entente.ingest.datasets import tables
from entente.ingest.datasets.gdelt import COLUMNS_V2, QUAD_CLASSES
from entente.knowledge.plover import load_plover
from entente.store import EventFilter, Store

FORMATS = ("parquet", "csv", "jsonl", "gdelt", "plover")
_QUAD_NUMBER = {quad: number for number, quad in QUAD_CLASSES.items()}
_TEXT_BREAKS = r"[\t\r\n]+"


@dataclass
class ExportReport:
    format: str
    path: Path
    events: int


def export_events(store: Store, format: str, out: str | Path,
                  where: EventFilter | None = None) -> ExportReport:
    """Write the events `where` selects to `out` (a folder for parquet, else a file)."""
    out = Path(out)
    where = where or EventFilter()
    if format not in FORMATS:
        raise UsageError(f"unknown export format {format!r}; known: {', '.join(FORMATS)}")
    if format == "parquet":
        if out.exists() and not out.is_dir():
            raise UsageError(f"{out}: Parquet export writes a folder of monthly partitions; "
                             "this is a file")
        out.mkdir(parents=True, exist_ok=True)
        return ExportReport(format, out, store.copy_events_parquet(out, where))
    if out.is_dir():
        raise UsageError(f"{out}: is a folder; give a file name")
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "gdelt": _write_gdelt,
              "plover": _write_plover}[format]
    return ExportReport(format, out, writer(store, where, out))


# --- csv ---------------------------------------------------------------------------------------

def _flat(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Lists (contexts) joined by ';' so every column is CSV-writable."""
    columns = list(batch.columns)
    index = batch.schema.get_field_index("context")
    empty = pa.scalar([], columns[index].type)
    columns[index] = pc.binary_join(pc.fill_null(columns[index], empty), ";")
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def _write_csv(store: Store, where: EventFilter, out: Path) -> int:
    count = 0
    writer = None
    try:
        for batch in store.event_batches(where):
            flat = _flat(batch)
            if writer is None:
                writer = pacsv.CSVWriter(str(out), flat.schema)
            writer.write_batch(flat)
            count += batch.num_rows
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # nothing matched: still a valid CSV with its header
        from entente.store.schema import EVENT_COLUMNS

        out.write_text(",".join(f'"{c}"' for c in EVENT_COLUMNS) + "\n", encoding="utf-8")
    return count


# --- event records ------------------------------------------------------------------------------

def _write_jsonl(store: Store, where: EventFilter, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for events in store.iter_events(where):
            handle.writelines(ev.model_dump_json() + "\n" for ev in events)
            count += len(events)
    return count


# --- GDELT 2.0 ----------------------------------------------------------------------------------

def _reverse(mapping: dict[str, str]) -> dict[str, str]:
    """entente value → first CAMEO code that maps to it."""
    found: dict[str, str] = {}
    for code, value in mapping.items():
        found.setdefault(value, code)
    return found


def _actor_fields(row: dict[str, Any], role: str) -> dict[str, str]:
    """The ten GDELT actor fields for the event's source or target."""
    names = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
             "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
    fields = dict.fromkeys(names, "")
    actor_id = row.get(f"{role}_actor_id")
    if not actor_id:
        return fields
    table = tables.cameo_actors()
    country = row.get(f"{role}_country") or ""
    group = _reverse(table.known_groups).get(actor_id, "")
    region = _reverse(table.regions).get(actor_id, "")
    sector = _reverse(table.types).get(row.get(f"{role}_sector") or "", "")
    country = country or region
    code = country + group + sector if (country or group) else actor_id
    name = row.get(f"{role}_name") or row.get(f"{role}_text") or actor_id
    fields.update(Code=code, Name=name.upper(), CountryCode=country, KnownGroupCode=group,
                  Type1Code=sector)
    return fields


def _numeric_id(event_id: str, provenance: dict[str, Any]) -> str:
    """GLOBALEVENTID: GDELT's own for a GDELT row, else a number from the event id."""
    row = str(provenance.get("row") or "")
    if str(provenance.get("dataset") or "").startswith("gdelt") and row.isdigit():
        return row
    import hashlib

    return str(int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16))


def gdelt_row(row: dict[str, Any]) -> dict[str, str]:
    """One event as GDELT 2.0 columns. EventCode is the event's CAMEO code (or the PLOVER
    type's, `plover.yaml`); GoldsteinScale its intensity; QuadClass 1–4 from its quad; the
    actors' codes are ISO3 + CAMEO type code (IRNGOV) or the known-group code (NAT);
    mention counts are 1 and AvgTone 0, which entente does not measure; geography has the
    location's text only (GDELT wants FIPS codes and coordinates, which entente does not keep)."""
    provenance = json.loads(row["provenance"]) if row.get("provenance") else {}
    day = row.get("day")
    values = dict.fromkeys(COLUMNS_V2, "")
    cameo = row.get("cameo") or load_plover().cameo_for(row["type"], row.get("mode"),
                                                      row.get("context") or [])
    if day is not None:
        values.update(SQLDATE=day.strftime("%Y%m%d"), MonthYear=day.strftime("%Y%m"),
                      Year=str(day.year),
                      FractionDate=f"{day.year + (day.month * 30 + day.day) / 365:.4f}",
                      DATEADDED=day.strftime("%Y%m%d") + "000000")
    for role, prefix in (("source", "Actor1"), ("target", "Actor2")):
        values.update({prefix + k: v for k, v in _actor_fields(row, role).items()})
    intensity = row.get("intensity")
    values.update(
        GLOBALEVENTID=_numeric_id(row["event_id"], provenance), IsRootEvent="0",
        EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2],
        QuadClass=_QUAD_NUMBER.get(row.get("quad") or "", ""),
        GoldsteinScale="" if intensity is None else f"{intensity:g}",
        NumMentions="1", NumSources="1", NumArticles="1", AvgTone="0",
        ActionGeo_FullName=row.get("location_text") or "",
        SOURCEURL=provenance.get("url") or row.get("doc") or "")
    return values


def _write_gdelt(store: Store, where: EventFilter, out: Path) -> int:
    count = 0
    options = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    schema = pa.schema([(c, pa.string()) for c in COLUMNS_V2])
    with pacsv.CSVWriter(str(out), schema, write_options=options) as writer:
        for batch in store.event_batches(where):
            rows = [gdelt_row(r) for r in batch.to_pylist()]
            columns = [pc.replace_substring_regex(pa.array([r[c] for r in rows], pa.string()),
                                                  _TEXT_BREAKS, " ") for c in COLUMNS_V2]
            writer.write_table(pa.Table.from_arrays(columns, schema=schema))
            count += len(rows)
    return count


# --- PLOVER -------------------------------------------------------------------------------------

def _plover_actor(row: dict[str, Any], role: str) -> list[dict[str, Any]]:
    if not row.get(f"{role}_actor_id"):
        return []
    return [{"text": row.get(f"{role}_text"), "code": row.get(f"{role}_actor_id"),
             "country": row.get(f"{role}_country"), "sector": row.get(f"{role}_sector"),
             "name": row.get(f"{role}_name")}]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER record: the gold records' fields (`id`, `date`, `text`,
    `event`, `mode`, `context`, `actor`, `recipient`, `event_text`) plus entente's
    (`act`, `intensity`, `quad`, `cameo`, `status`, `negated`, `location`, `url`, `source`).

    `event` is PLOVER's reading: a cooperative act promised or planned is AGREE (with no
    mode), an agreement signed SUPPORT, and `act` keeps the type and mode of the act itself,
    which a re-import reads."""
    provenance = json.loads(row["provenance"]) if row.get("provenance") else None
    # PLOVER codes a cooperative act promised or planned as an intention, AGREE, and an
    # agreement signed as SUPPORT (plover.yaml)
    event = load_plover().plover_type(row["type"], row.get("status"), bool(row.get("negated")),
                                      row.get("mode"))
    location = ({"text": row["location_text"], "country": row.get("location_country")}
                if row.get("location_text") else None)
    return {
        "id": row["event_id"], "date": row.get("date"), "text": row.get("sentence"),
        "event": event, "act": {"type": row["type"], "mode": row.get("mode")},
        "mode": row.get("mode") if event == row["type"] else None,
        "context": row.get("context") or [],
        "actor": _plover_actor(row, "source"), "recipient": _plover_actor(row, "target"),
        "event_text": row.get("trigger"), "intensity": row.get("intensity"),
        "quad": row.get("quad"), "cameo": row.get("cameo"), "status": row.get("status"),
        "negated": bool(row.get("negated")), "location": location,
        "url": (provenance or {}).get("url"), "doc": row.get("doc"), "source": provenance,
    }


def _write_plover(store: Store, where: EventFilter, out: Path) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for batch in store.event_batches(where):
            for row in batch.to_pylist():
                handle.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
                count += 1
    return count
