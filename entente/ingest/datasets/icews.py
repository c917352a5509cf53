"""ICEWS event files (tab-separated with a header row, plain or zipped) as entente events.

Columns, as in the ICEWS Coded Event Data on Dataverse: Event ID, Event Date, Source Name,
Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target Name, Target
Sectors, Target Country, Story ID, Sentence Number, Publisher, City, District, Province,
Country, Latitude, Longitude. CAMEO Code → PLOVER type and mode (`plover.yaml`; a lost
leading zero is put back), Intensity → intensity (clipped to −10..10), the actor's name →
entente's actor when the dictionary knows it, else the actor's country as a state (sector from
`icews.yaml`). ICEWS repeats an Event ID on different dates, so the event id is a hash of
"icews", the Event ID and the Event Date.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from entente.errors import InputError, InputProblem
from entente.ingest.datasets import tables
from entente.ingest.datasets.common import (
    ActorTuple, DatasetReport, Lookup, NO_ACTOR, actor_tuple, blank_to_null, clip,
    country_code, drop_blank_rows, event_ids, event_table, first_line, is_number, joined,
    kept_rows, mention_columns, parse_stamps, provenance_json, read_delimited, resolve_name,
    slug, state_name, to_float,
)
from entente.ingest.datasets.gdelt import cameo_target

DATASET = "icews"
REQUIRED = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
            "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country"]
OPTIONAL = ["City", "District", "Province", "Country"]


def sector(sectors: str) -> str | None:
    """The first of an actor's listed sectors that entente distinguishes."""
    known = tables.icews_sectors()
    for word in sectors.split(","):
        found = known.get(word.strip().casefold())
        if found:
            return found
    return None


def icews_actor(key: str) -> ActorTuple:
    """An entente actor from (Name, Sectors, Country) joined by U+001F."""
    name, sectors, country_name = (key.split("\x1f") + [""] * 3)[:3]
    if not name and not country_name:
        return NO_ACTOR
    country = country_code(country_name)
    role = sector(sectors)
    entry = resolve_name(name) if name else None
    if entry is not None and not entry.adjective and (entry.kind != "person" or entry.country):
        return actor_tuple(name, entry.actor_id, entry.country, entry.sector or role, entry.name)
    if country:
        return actor_tuple(name or country_name, country, country, role, state_name(country))
    return actor_tuple(name, slug(name), None, role, name)


def place(key: str) -> tuple[str | None, str | None]:
    """(location text, ISO3) from City, District, Province, Country joined by U+001F."""
    parts = [p.strip() for p in key.split("\x1f")]
    text = ", ".join(dict.fromkeys(p for p in parts if p)) or None
    return text, country_code(parts[-1]) if parts else None


class IcewsReader:
    def __init__(self) -> None:
        self.codes = Lookup(cameo_target, [pa.string(), pa.string(), pa.string(), pa.string(),
                                           pa.float64(), pa.string()])
        self.actors = Lookup(icews_actor, [pa.string()] * 5)
        self.places = Lookup(place, [pa.string(), pa.string()])

    def read(self, path: Path, report: DatasetReport, batch_rows: int | None = None
             ) -> Iterator[pa.Table]:
        header = [h.strip() for h in first_line(path).split("\t")]
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise InputError(InputProblem(
                str(path), f"not an ICEWS event file: no column {', '.join(missing)}", line=1))
        keep = REQUIRED + [c for c in OPTIONAL if c in header]
        extra = {"batch_rows": batch_rows} if batch_rows else {}
        for batch, lines in read_delimited(path, report, header, skip_lines=1, keep=keep, **extra):
            table = self.events(batch, lines, path, report)
            if table is not None:
                yield table

    def events(self, batch: pa.RecordBatch, lines: np.ndarray, path: Path,
               report: DatasetReport) -> pa.Table | None:
        names = batch.schema.names
        ids = pc.utf8_trim_whitespace(batch.column(names.index("Event ID")))
        batch, lines, ids = drop_blank_rows(batch, lines, ids)

        def col(name: str) -> pa.Array:
            return batch.column(names.index(name))

        report.rows += batch.num_rows
        dates = pc.utf8_trim_whitespace(col("Event Date"))
        stamps = parse_stamps(dates, "%Y-%m-%d")
        cameo, type_, mode, quad, default_intensity, state = self.codes(col("CAMEO Code"))
        given = pc.utf8_trim_whitespace(col("Intensity"))
        problems = {
            "missing Event ID": pc.equal(ids, ""),
            "Event Date is not a date (YYYY-MM-DD)": pc.is_null(stamps),
            "CAMEO Code is not a CAMEO code": pc.equal(state, "bad"),
            "Intensity is not a number": pc.and_(pc.not_equal(given, ""),
                                                 pc.invert(is_number(given))),
        }
        keep = kept_rows(report, path, lines, problems, state, batch.num_rows)
        if keep is None:
            return None
        n = pc.sum(keep).as_py()

        def kept(array: pa.Array) -> pa.Array:
            return array.filter(keep)

        ids, stamps = kept(ids), kept(stamps)
        iso = kept(dates)
        columns = {
            "event_id": event_ids(DATASET, ids, iso),
            "date": iso, "date_precision": "day", "day": stamps.cast(pa.date32()),
            "type": kept(type_), "mode": kept(mode), "context": [], "cameo": kept(cameo),
            "intensity": pc.coalesce(clip(to_float(kept(given))), kept(default_intensity)),
            "quad": kept(quad), "status": "asserted", "negated": False, "attribution": "[]",
            "provenance": provenance_json(n, DATASET, path.name, ids),
        }
        for role, who in (("source", "Source"), ("target", "Target")):
            key = joined(*(kept(col(f"{who} {k}")) for k in ("Name", "Sectors", "Country")))
            columns |= mention_columns(role, self.actors(key))
        parts = [kept(col(c)) if c in names else pa.repeat(pa.scalar(""), n) for c in OPTIONAL]
        text, country = self.places(joined(*parts))
        columns |= {"location_text": blank_to_null(text), "location_country": country}
        return event_table(n, columns)


def read(path: Path, report: DatasetReport, **options) -> Iterator[pa.Table]:
    yield from IcewsReader().read(path, report, **options)
