"""GDELT 1.0 and 2.0 event files (tab-separated, no header, plain or zipped) as entente events.

The layout is told by the number of fields on the first line: 61 for GDELT 2.0, 58 for
GDELT 1.0 daily files (from April 2013, with SOURCEURL) and 57 for the 1.0 historical files
(no SOURCEURL); 1.0 has no ADM2 codes. Columns are those of the GDELT Event codebooks
(V1.03, V2.0). Each row becomes one event: CAMEO EventCode → PLOVER type and mode
(`plover.yaml`, longest prefix), GoldsteinScale → intensity (clipped to −10..10),
QuadClass → quad, SQLDATE → date, the actor codes → entente actors (`cameo_actors.yaml`),
ActionGeo_FullName → location, SOURCEURL → provenance url. The event id is a hash of the
dataset ("gdelt1"/"gdelt2") and GLOBALEVENTID, so importing a file again adds nothing.
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
    NO_ACTOR, ActorTuple, DatasetReport, Lookup, actor_tuple, any_of, blank_to_null, clip,
    drop_blank_rows, event_ids, event_table, first_line, is_number, joined, mention_columns,
    organisation, parse_stamps, provenance_json, read_delimited, report_rows, state_name,
    to_float, value_map,
)
from entente.knowledge.actors import ISO_CODES
from entente.knowledge.plover import load_plover

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_EVENT = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
_GEO_2 = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_GEO_1 = [c for c in _GEO_2 if c != "ADM2Code"]


def _layout(geo: list[str], tail: list[str]) -> list[str]:
    return (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
            + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR] + _EVENT
            + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in geo] + tail)


COLUMNS_V2 = _layout(_GEO_2, ["DATEADDED", "SOURCEURL"])
COLUMNS_V1_DAILY = _layout(_GEO_1, ["DATEADDED", "SOURCEURL"])
COLUMNS_V1_HISTORICAL = _layout(_GEO_1, ["DATEADDED"])
LAYOUTS: dict[int, tuple[str, list[str]]] = {
    61: ("gdelt2", COLUMNS_V2),
    58: ("gdelt1", COLUMNS_V1_DAILY),
    57: ("gdelt1", COLUMNS_V1_HISTORICAL),
}
QUAD_CLASSES = {"1": "verbal_cooperation", "2": "material_cooperation",
                "3": "verbal_conflict", "4": "material_conflict"}
_ACTOR_KEYS = ["Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code"]


def layout(path: Path) -> tuple[str, list[str]]:
    """(dataset, columns) for a file, from the number of fields on its first line."""
    line = first_line(path)
    fields = line.count("\t") + 1 if line else 0
    if fields not in LAYOUTS:
        raise InputError(InputProblem(
            str(path), f"{fields} tab-separated fields on the first line; a GDELT event file "
            "has 61 (2.0), 58 (1.0 daily) or 57 (1.0 historical)", line=1))
    return LAYOUTS[fields]


def normalise_cameo(code: str) -> str | None:
    """A CAMEO event code as digits with its leading zero ("42" → "042"); None if not one."""
    code = (code or "").strip()
    if not code.isdigit() or not 2 <= len(code) <= 4:
        return None
    if int(code[:2]) > 20:  # root codes are 01-20: a lost leading zero
        code = "0" + code
    return code if len(code) <= 4 else None


def cameo_target(code: str | None) -> tuple:
    """(cameo, type, mode, quad, intensity, state) where state is ok, unmapped or bad."""
    cameo = normalise_cameo(code or "")
    if cameo is None:
        return (None, None, None, None, None, "bad")
    onto = load_plover()
    target = onto.from_cameo(cameo)
    if target is None:
        return (cameo, None, None, None, None, "unmapped")
    type_name, mode = target
    return (cameo, type_name, mode, onto.quad_for(type_name),
            onto.intensity_for(type_name, mode), "ok")


def cameo_actor(key: str) -> ActorTuple:
    """An entente actor from GDELT's actor fields (Code, Name, CountryCode, KnownGroupCode,
    Type1Code joined by U+001F): a known group, else a state, else a region, else the code."""
    code, name, country, group, type1 = (key.split("\x1f") + [""] * 5)[:5]
    if not (code or name or country or group):
        return NO_ACTOR
    table = tables.cameo_actors()
    text = name or code
    org_id = table.known_groups.get(group)
    org = organisation(org_id) if org_id else None
    if org is not None:
        return actor_tuple(text, org.actor_id, org.country, org.sector, org.name)
    if country in ISO_CODES:
        return actor_tuple(text, country, country, table.types.get(type1), state_name(country))
    region = table.regions.get(country)
    if region:
        known = organisation(region)
        return actor_tuple(text, region, None, table.types.get(type1),
                           known.name if known else None)
    return actor_tuple(text, code or group or country, None, table.types.get(type1), name or None)


class GdeltReader:
    """Reads one GDELT file into Arrow event tables; look-ups are kept across batches."""

    def __init__(self) -> None:
        self.codes = Lookup(cameo_target, [pa.string(), pa.string(), pa.string(), pa.string(),
                                           pa.float64(), pa.string()])
        self.actors = Lookup(cameo_actor, [pa.string()] * 5)

    def read(self, path: Path, report: DatasetReport, batch_rows: int | None = None
             ) -> Iterator[pa.Table]:
        dataset, columns = layout(path)
        keep = ["GLOBALEVENTID", "SQLDATE", "EventCode", "QuadClass", "GoldsteinScale",
                "ActionGeo_FullName", *(c for c in ("SOURCEURL",) if c in columns),
                *(f"Actor{i}{k}" for i in (1, 2) for k in _ACTOR_KEYS)]
        extra = {"batch_rows": batch_rows} if batch_rows else {}
        for batch, lines in read_delimited(path, report, columns, keep=keep, **extra):
            table = self.events(batch, lines, dataset, path, report)
            if table is not None:
                yield table

    def events(self, batch: pa.RecordBatch, lines: np.ndarray, dataset: str, path: Path,
               report: DatasetReport) -> pa.Table | None:
        col = batch.column
        names = batch.schema.names
        ids = pc.utf8_trim_whitespace(col(names.index("GLOBALEVENTID")))
        batch, lines, ids = drop_blank_rows(batch, lines, ids)
        col = batch.column
        report.rows += batch.num_rows
        sqldate = col(names.index("SQLDATE"))
        stamps = parse_stamps(sqldate, "%Y%m%d")
        codes = self.codes(col(names.index("EventCode")))
        cameo, type_, mode, quad, default_intensity, state = codes
        goldstein_raw = pc.utf8_trim_whitespace(col(names.index("GoldsteinScale")))
        problems = {
            "missing or non-numeric GLOBALEVENTID":
                pc.invert(pc.match_substring_regex(ids, r"^\d+$")),
            "SQLDATE is not a date (YYYYMMDD)": pc.is_null(stamps),
            "EventCode is not a CAMEO code": pc.equal(state, "bad"),
            "GoldsteinScale is not a number": pc.and_(pc.not_equal(goldstein_raw, ""),
                                                      pc.invert(is_number(goldstein_raw))),
        }
        bad = any_of(problems.values(), batch.num_rows)
        if pc.any(bad).as_py():
            report_rows(report, path, lines, problems)
        unmapped = pc.and_(pc.invert(bad), pc.equal(state, "unmapped"))
        report.unmapped += pc.sum(unmapped).as_py() or 0
        keep = pc.and_(pc.invert(bad), pc.equal(state, "ok"))
        n = pc.sum(keep).as_py() or 0
        if n == 0:
            return None

        def kept(array: pa.Array) -> pa.Array:
            return array.filter(keep)

        ids, stamps = kept(ids), kept(stamps)
        quad_given = kept(col(names.index("QuadClass")))
        quads = pc.coalesce(value_map(quad_given, QUAD_CLASSES), kept(quad))
        intensity = pc.coalesce(clip(to_float(kept(goldstein_raw))), kept(default_intensity))
        urls = blank_to_null(kept(col(names.index("SOURCEURL")))) if "SOURCEURL" in names else None
        columns = {
            "event_id": event_ids(dataset, ids),
            "date": _iso(kept(sqldate)), "date_precision": "day",
            "day": stamps.cast(pa.date32()),
            "type": kept(type_), "mode": kept(mode), "context": [],
            "cameo": kept(cameo), "intensity": intensity, "quad": quads,
            "status": "asserted", "negated": False, "attribution": "[]",
            "location_text": blank_to_null(kept(col(names.index("ActionGeo_FullName")))),
            "provenance": provenance_json(n, dataset, path.name, ids, urls),
        }
        for role, i in (("source", 1), ("target", 2)):
            key = joined(*(kept(col(names.index(f"Actor{i}{k}"))) for k in _ACTOR_KEYS))
            columns |= mention_columns(role, self.actors(key))
        return event_table(n, columns)


def read(path: Path, report: DatasetReport, **options) -> Iterator[pa.Table]:
    yield from GdeltReader().read(path, report, **options)


def _iso(sqldate: pa.Array) -> pa.Array:
    """YYYYMMDD → YYYY-MM-DD by slicing (already validated; much cheaper than strftime)."""
    return pc.binary_join_element_wise(
        pc.utf8_slice_codeunits(sqldate, 0, 4), pc.utf8_slice_codeunits(sqldate, 4, 6),
        pc.utf8_slice_codeunits(sqldate, 6, 8), "-")
