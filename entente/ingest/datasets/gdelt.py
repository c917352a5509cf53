"""GDELT 1.0 and 2.0 event files (tab-separated, no header, plain or zipped) as entente events.

The layout is told by the number of fields on the first line: 61 for GDELT 2.0, 58 for
GDELT 1.0 daily files (from April 2013, with SOURCEURL) and 57 for the 1.0 historical files
(no SOURCEURL); 1.0 has no ADM2 codes. Columns are those of the GDELT Event codebooks
(V1.03, V2.0). Each row becomes one event: CAMEO EventCode → PLOVER type and mode
(`plover.yaml`, longest prefix), GoldsteinScale → intensity (clipped to −10..10),
QuadClass → quad, SQLDATE → date, the actor codes → entente actors (`cameo_actors.yaml`),
ActionGeo_FullName → location, SOURCEURL → provenance url. The event id is a hash of the
dataset ("gdelt1"/"gdelt2") and GLOBALEVENTID, so importing a file again adds nothing.

`entente import gdelt` uses `import_file`, which does all of this inside DuckDB (SQL over
`read_csv`, see below); `read` gives the same events as Arrow tables.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from entente.errors import InputError, InputProblem
from entente.ingest.datasets import tables
from entente.ingest.datasets.common import (
    ActorTuple, DatasetReport, Lookup, NO_ACTOR, actor_tuple, blank_to_null, clip,
    drop_blank_rows, event_ids, event_table, first_line, is_number, joined, kept_rows,
    mention_columns, open_binary, organisation, parse_stamps, provenance_json, read_delimited,
    state_name, to_float, value_map,
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
        keep = kept_rows(report, path, lines, problems, state, batch.num_rows)
        if keep is None:
            return None
        n = pc.sum(keep).as_py()

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


# --- the SQL path: parsing and mapping inside DuckDB ----------------------------------------------
#
# `import_file` is what `entente import gdelt` runs. DuckDB reads the file (`read_csv`, in
# parallel, streaming), maps it by joining small look-up tables built once from the same data
# as `cameo_target` and `cameo_actor` (plover.yaml, cameo_actors.yaml, the actor dictionary),
# and inserts the events with `INSERT OR IGNORE` in one transaction: no row passes through
# Python. Rows with the wrong number of fields come from DuckDB's reject table with their line
# numbers; rows DuckDB rejects as not UTF-8 are decoded in Python (bad bytes → U+FFFD) and go
# through the same SQL. `read` above (Arrow) stays for callers that want event tables.

_NUMBER_SQL = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_PROBLEMS = [  # (reason, SQL true when the row has this problem), in the Arrow path's order
    ("missing or non-numeric GLOBALEVENTID",
     "NOT coalesce(regexp_full_match(trim(GLOBALEVENTID), '[0-9]+'), false)"),
    ("SQLDATE is not a date (YYYYMMDD)", "_day IS NULL"),
    ("EventCode is not a CAMEO code", "_state IS NULL"),
    ("GoldsteinScale is not a number",
     f"coalesce(trim(GoldsteinScale) <> '' AND NOT regexp_matches(trim(GoldsteinScale), "
     f"'{_NUMBER_SQL}'), false)"),
]
_BAD = " OR ".join(f"({sql})" for _, sql in _PROBLEMS)


def _lookup_tables() -> dict[str, pa.Table]:
    """The mapping tables registered in DuckDB for the SQL path (small: thousands of rows)."""
    codes = [str(n).zfill(width) for width in (2, 3, 4) for n in range(10 ** width)]
    codes = [c for c in codes if normalise_cameo(c) == c]
    targets = [cameo_target(c) for c in codes]
    table = tables.cameo_actors()
    groups = [(g, organisation(org_id)) for g, org_id in table.known_groups.items()]
    groups = [(g, org) for g, org in groups if org is not None]
    places = {code: (code, state_name(code), "state") for code in ISO_CODES}
    for code, region in table.regions.items():
        if code not in places:
            known = organisation(region)
            places[code] = (region, known.name if known else None, "region")
    return {
        "_gdelt_cameo": pa.table({
            "code": [t[0] for t in targets], "type": [t[1] for t in targets],
            "mode": [t[2] for t in targets], "quad": [t[3] for t in targets],
            "intensity": pa.array([t[4] for t in targets], pa.float64()),
            "state": [t[5] for t in targets]}),
        "_gdelt_groups": pa.table({
            "code": [g for g, _ in groups], "actor_id": [o.actor_id for _, o in groups],
            "country": pa.array([o.country for _, o in groups], pa.string()),
            "sector": pa.array([o.sector for _, o in groups], pa.string()),
            "name": pa.array([o.name for _, o in groups], pa.string())}),
        "_gdelt_places": pa.table({
            "code": list(places), "actor_id": [p[0] for p in places.values()],
            "name": pa.array([p[1] for p in places.values()], pa.string()),
            "kind": [p[2] for p in places.values()]}),
        "_gdelt_types": pa.table({"code": list(table.types),
                                  "sector": list(table.types.values())}),
        "_gdelt_quads": pa.table({"code": list(QUAD_CLASSES),
                                  "quad": list(QUAD_CLASSES.values())}),
    }


def _mapped_sql(source: str, columns: list[str], actors: bool = True) -> str:
    """SELECT the raw columns of `source` with the look-ups joined (the actor ones only with
    `actors`: counting rows needs only the event code)."""
    joins = []
    for i in (1, 2) if actors else ():
        joins.append(
            f"LEFT JOIN _gdelt_groups _g{i} ON _g{i}.code = s.Actor{i}KnownGroupCode "
            f"LEFT JOIN _gdelt_places _p{i} ON _p{i}.code = s.Actor{i}CountryCode "
            f"LEFT JOIN _gdelt_types _t{i} ON _t{i}.code = s.Actor{i}Type1Code")
    return f"""
        SELECT s.*, _cameo.code AS _code, _cameo.state AS _state, _cameo.type AS _type,
               _cameo.mode AS _mode, _cameo.intensity AS _default_intensity,
               coalesce(_q.quad, _cameo.quad) AS _quad
               {''.join(f', _g{i}.actor_id AS _g{i}_id, _g{i}.country AS _g{i}_country, '
                        f'_g{i}.sector AS _g{i}_sector, _g{i}.name AS _g{i}_name, '
                        f'_p{i}.actor_id AS _p{i}_id, _p{i}.name AS _p{i}_name, '
                        f'_p{i}.kind AS _p{i}_kind, _t{i}.sector AS _t{i}_sector'
                        for i in ((1, 2) if actors else ()))}
        FROM (SELECT *, CASE WHEN regexp_full_match(trim(SQLDATE), '[0-9]{{8}}')
                             THEN try_strptime(trim(SQLDATE), '%Y%m%d')::DATE END AS _day,
                        CASE WHEN regexp_full_match(trim(EventCode), '[0-9]{{2,4}}')
                             THEN CASE WHEN trim(EventCode)[1:2]::INT > 20
                                       THEN '0' || trim(EventCode) ELSE trim(EventCode) END
                        END AS _norm
              FROM {source}
              WHERE {_touched(columns)}) s
        LEFT JOIN _gdelt_cameo _cameo ON _cameo.code = s._norm
        LEFT JOIN _gdelt_quads _q ON _q.code = trim(s.QuadClass)
        {' '.join(joins)}"""


def _touched(columns: list[str]) -> str:
    """A condition always true that reads every column an event is made from: DuckDB checks
    UTF-8 only in the columns a query reads, so every query over a file must read the same
    ones to accept (and number) the same rows."""
    used = ["GLOBALEVENTID", "SQLDATE", "EventCode", "QuadClass", "GoldsteinScale",
            "ActionGeo_FullName", *(c for c in ("SOURCEURL",) if c in columns),
            *(f"Actor{i}{k}" for i in (1, 2) for k in _ACTOR_KEYS)]
    return f"coalesce({', '.join(used)}, '') IS NOT NULL"


def _actor_sql(role: str, i: int) -> str:
    """The five mention columns of Actor{i}, as `cameo_actor` makes them."""
    a = f"Actor{i}"
    actor_id = (f"CASE WHEN _g{i}_id IS NOT NULL THEN _g{i}_id "
                f"WHEN _p{i}_id IS NOT NULL THEN _p{i}_id "
                f"ELSE coalesce(nullif({a}Code, ''), nullif({a}KnownGroupCode, ''), "
                f"nullif({a}CountryCode, '')) END")
    name = (f"CASE WHEN _g{i}_id IS NOT NULL THEN _g{i}_name "
            f"WHEN _p{i}_id IS NOT NULL THEN _p{i}_name ELSE nullif({a}Name, '') END")
    country = (f"CASE WHEN _g{i}_id IS NOT NULL THEN _g{i}_country "
               f"WHEN _p{i}_kind = 'state' THEN _p{i}_id END")
    sector = f"CASE WHEN _g{i}_id IS NOT NULL THEN _g{i}_sector ELSE _t{i}_sector END"
    return (f"coalesce(nullif({a}Name, ''), nullif({a}Code, ''), {name}, {actor_id}) "
            f"AS {role}_text, {actor_id} AS {role}_actor_id, {country} AS {role}_country, "
            f"CASE WHEN {actor_id} IS NOT NULL THEN {sector} END AS {role}_sector, "
            f"CASE WHEN {actor_id} IS NOT NULL THEN {name} END AS {role}_name")


def _events_sql(dataset: str, file: str, columns: list[str], source: str,
                tally: str | None = None) -> str:
    """The event columns of the good, mapped rows of `source` (for INSERT INTO events).

    With `tally` (the name of a `_Tally` registered as a function), every row's kind (ok,
    unmapped, bad) passes through it on the way, so the insert's own pass over the file
    also counts the rows: no second pass."""
    file = file.replace("'", "''")
    mapped = _mapped_sql(source, columns)
    if tally:
        mapped = (f"SELECT *, {tally}(CASE WHEN {_BAD} THEN 'bad' WHEN _state = 'ok' "
                  f"THEN 'ok' ELSE 'unmapped' END) AS _kind FROM ({mapped})")
        keep = "_kind = 'ok'"
    else:
        keep = f"NOT ({_BAD}) AND _state = 'ok'"
    url = "nullif(trim(SOURCEURL), '')" if "SOURCEURL" in columns else "NULL::VARCHAR"
    return f"""
        SELECT '{dataset}:' || trim(GLOBALEVENTID) AS event_id,
               strftime(_day, '%Y-%m-%d') AS date, 'day' AS date_precision, _day AS day,
               {_actor_sql('source', 1)}, {_actor_sql('target', 2)},
               _type AS type, _mode AS mode, []::VARCHAR[] AS context, _code AS cameo,
               coalesce(CASE WHEN TRY_CAST(trim(GoldsteinScale) AS DOUBLE) IS NOT NULL
                             THEN least(greatest(TRY_CAST(trim(GoldsteinScale) AS DOUBLE),
                                                 -10), 10) END,
                        _default_intensity) AS intensity,
               _quad AS quad, 'asserted' AS status, false AS negated, '[]'::JSON AS attribution,
               nullif(trim(ActionGeo_FullName), '') AS location_text,
               json_object('extractor', NULL, 'dataset', '{dataset}', 'file', '{file}',
                           'row', trim(GLOBALEVENTID), 'url', {url}) AS provenance
        FROM ({mapped})
        WHERE {keep}"""


def _stats_sql(source: str, columns: list[str]) -> str:
    return f"""SELECT count(*), count(*) FILTER (WHERE {_BAD}),
                      count(*) FILTER (WHERE NOT ({_BAD}) AND _state = 'unmapped')
               FROM ({_mapped_sql(source, columns, actors=False)})"""


def _problems_sql(source: str, columns: list[str], line: str | None = None) -> str:
    """The bad rows' line and one flag per problem, in order. `line` is an expression for
    it (the row's ordinal); without it, `source` has a `_line` column."""
    flags = ", ".join(f"coalesce({sql}, true)" for _, sql in _PROBLEMS)
    numbered = f"(SELECT *, {line} AS _line FROM {source})" if line else source
    return (f"SELECT _line, {flags} FROM ({_mapped_sql(numbered, columns, actors=False)}) "
            f"WHERE {_BAD} ORDER BY _line")


def _read_csv_sql(path: Path, columns: list[str], rejects: str | None) -> str:
    typed = ", ".join(f"'{c}': 'VARCHAR'" for c in columns)
    keep = (f", store_rejects = true, rejects_table = '{rejects}', "
            f"rejects_scan = '{rejects}_scan'" if rejects else "")
    return (f"read_csv('{str(path).replace(chr(39), chr(39) * 2)}', delim = '\t', "
            f"header = false, quote = '', escape = '', auto_detect = false, "
            f"columns = {{{typed}}}, ignore_errors = true, parallel = true{keep})")


def import_file(store, path: Path, report: DatasetReport) -> None:
    """Import one GDELT file into the store inside DuckDB; counts and problems go to `report`."""
    dataset, columns = layout(path)
    with _import_settings(store), _plain_file(path) as plain:
        _import_plain(store, path, plain, dataset, columns, report)


IMPORT_MEMORY_MB = 300  # DuckDB's own memory during an import (it spills beyond)


@contextmanager
def _import_settings(store):
    """DuckDB settings for the length of an import, then the previous ones again.

    - DuckDB cannot tell how many rows a CSV file holds, and would otherwise hash the whole
      file to join it with a look-up table of a few hundred rows (memory growing with the
      file, time doubled): with these optimizers off, the look-ups stay the build side.
    - A memory limit keeps the buffer pool (blocks just written stay cached) from growing
      with the file: peak memory stays flat.
    - No DuckDB progress bar on the terminal (the CLI shows its own).
    """
    names = ["disabled_optimizers", "memory_limit", "enable_progress_bar"]
    before = store.scan("SELECT " + ", ".join(f"current_setting('{n}')" for n in names))[0]
    store.scan("SET disabled_optimizers = 'join_order,build_side_probe_side'")
    store.scan(f"SET memory_limit = '{IMPORT_MEMORY_MB}MB'")
    store.scan("SET enable_progress_bar = false")
    try:
        yield
    finally:
        for name, value in zip(names, before):
            store.scan(f"SET {name} = '{value}'" if value not in (None, "") else f"RESET {name}")


@contextmanager
def _plain_file(path: Path):
    """A path DuckDB can read: the file itself (plain or .gz), or a zip's member unpacked to a
    temporary file (streamed: memory stays flat)."""
    if path.suffix.lower() != ".zip":
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="entente-gdelt-") as tmp:
        plain = Path(tmp) / "events.tsv"
        with open_binary(path) as source, plain.open("wb") as out:
            shutil.copyfileobj(source, out, 1 << 20)
        yield plain


def _import_plain(store, path: Path, plain: Path, dataset: str, columns: list[str],
                  report: DatasetReport) -> None:
    """One pass over the file: the insert reads it with DuckDB's reject table on, and every
    row's kind (ok, unmapped, bad) goes through a tally on its way to the insert's filter,
    so the counts and the rejected lines come from the same parse as the events."""
    lookups = _lookup_tables_cached()
    rejects = f"_gdelt_rejects_{uuid.uuid4().hex[:12]}"
    source = _read_csv_sql(plain, columns, rejects)
    tally = _Tally()
    function = f"_gdelt_tally_{uuid.uuid4().hex[:12]}"
    store.con.create_function(function, tally, [duckdb.sqltype("VARCHAR")],
                              duckdb.sqltype("VARCHAR"), type="arrow", side_effects=True,
                              null_handling="special")
    try:
        added = store.add_event_query(_events_sql(dataset, path.name, columns, source, function),
                                      tables=lookups, attempt=tally.reset)
        rejected = store.scan(f"SELECT line, max(error_type), any_value(csv_line) FROM {rejects} "
                              "GROUP BY line ORDER BY line")
    finally:
        store.con.remove_function(function)
        store.scan(f"DROP TABLE IF EXISTS {rejects}")
        store.scan(f"DROP TABLE IF EXISTS {rejects}_scan")
    rows, bad, unmapped = tally.rows, tally.counts.get("bad", 0), tally.counts.get("unmapped", 0)
    report.rows += rows
    report.unmapped += unmapped
    report.added += added
    report.already_stored += rows - bad - unmapped - added
    skipped = [line for line, _, _ in rejected]
    for line, kind, text in rejected:
        if kind != "INVALID ENCODING":
            report.rows += 1
            found = (text or "").count("\t") + 1
            report.bad_row(path, line, f"expected {len(columns)} tab-separated fields, "
                                       f"found {found}")
    if bad:
        quiet = _read_csv_sql(plain, columns, None)
        ordinals = store.scan(_problems_sql(quiet, columns, "row_number() OVER ()"),
                              tables=lookups)
        lines = _physical_lines(plain, [r[0] for r in ordinals], skipped)
        # a row DuckDB counts that the line finder does not (a line of nothing but tabs) is
        # still reported, without its line number rather than not at all
        _report_problems(report, path, [(lines.get(r[0]), *r[1:]) for r in ordinals])
    undecoded = [line for line, kind, _ in rejected if kind == "INVALID ENCODING"]
    if undecoded:
        _import_repaired(store, path, plain, dataset, columns, undecoded, report, lookups)


class _Tally:
    """A DuckDB function (Arrow, one call per vector of rows) that counts the values passing
    through it and returns them unchanged: counting inside the insert's own query."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        self.rows, self.counts = 0, {}

    def __call__(self, kinds: pa.Array) -> pa.Array:
        found = pc.value_counts(kinds)
        with self.lock:
            self.rows += len(kinds)
            for value, count in zip(found.field(0).to_pylist(), found.field(1).to_pylist()):
                self.counts[value] = self.counts.get(value, 0) + count
        return kinds


_LOOKUPS: dict[str, pa.Table] = {}


def _lookup_tables_cached() -> dict[str, pa.Table]:
    if not _LOOKUPS:
        _LOOKUPS.update(_lookup_tables())
    return _LOOKUPS


def _report_problems(report: DatasetReport, path: Path, rows: list[tuple]) -> None:
    for line, *flags in rows:
        report.bad_row(path, line, "; ".join(
            reason for (reason, _), flag in zip(_PROBLEMS, flags) if flag))


def _physical_lines(path: Path, ordinals: list[int], skipped: list[int]) -> dict[int, int]:
    """Line numbers of the rows DuckDB returned as `ordinals` (1-based), given the lines it
    rejected: the n-th row is the n-th non-blank line not rejected. Only run when a file has
    bad rows (one pass over it)."""
    wanted, found = set(ordinals), {}
    skip = set(skipped)
    last = max(ordinals)
    n = 0
    with open_binary(path) as handle:
        for number, raw in enumerate(handle, 1):
            if number in skip or not raw.strip():
                continue
            n += 1
            if n in wanted:
                found[n] = number
                if n >= last:
                    break
    return found


def _import_repaired(store, path: Path, plain: Path, dataset: str, columns: list[str],
                     lines: list[int], report: DatasetReport, lookups: dict) -> None:
    """Rows DuckDB rejected as not UTF-8: decoded with U+FFFD for bad bytes, then the same SQL."""
    wanted, rows = set(lines), []
    with open_binary(plain) as handle:
        for number, raw in enumerate(handle, 1):
            if number in wanted:
                text = raw.decode("utf-8", "replace").rstrip("\r\n")
                rows.append((number, text.split("\t")))
    fields = [r for _, r in rows if len(r) == len(columns)]
    table = pa.table({"_line": [n for n, r in rows if len(r) == len(columns)]}
                     | {c: pa.array([f[i] or None for f in fields], pa.string())
                        for i, c in enumerate(columns)})
    for number, row in rows:
        if len(row) != len(columns):
            report.rows += 1
            report.bad_row(path, number, f"expected {len(columns)} tab-separated fields, "
                                         f"found {len(row)}")
    tables_ = lookups | {"_gdelt_repaired": table}
    n, _bad, unmapped = store.scan(_stats_sql("_gdelt_repaired", columns), tables=tables_)[0]
    report.rows += n
    report.unmapped += unmapped
    problems = store.scan(_problems_sql("_gdelt_repaired", columns), tables=tables_)
    _report_problems(report, path, problems)
    added = store.add_event_query(
        _events_sql(dataset, path.name, columns, "_gdelt_repaired"), tables=tables_)
    report.added += added
    report.already_stored += n - len(problems) - unmapped - added
