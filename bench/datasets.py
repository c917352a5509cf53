"""Datasets at scale: extraction on 1 and 2 workers (local and Dask), GDELT import rate and
memory, and the dyad series of a large store against pandas over the same Parquet.

Targets (issue: datasets, export, scale): import ≥ 300,000 rows/s with peak memory flat in
file size; the dyad series ≥ 20× faster than pandas. Sizes shrink with ENTENTE_BENCH_SCALE
(e.g. 0.1), the dyad stores also with ENTENTE_BENCH_DYAD_SCALE; each measurement whose memory
is reported runs in its own process, so one peak does not hide another.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

ROOT = Path(__file__).resolve().parents[1]
SCALE = float(os.environ.get("ENTENTE_BENCH_SCALE", "1"))
# The dyad stores (10 and 50 million events) take minutes to build: their own knob.
DYAD_SCALE = float(os.environ.get("ENTENTE_BENCH_DYAD_SCALE", str(SCALE)))

# A spread of actors and CAMEO codes like GDELT's: mostly states, some with a type code,
# some known groups, a share of CAMEO 01 statements (which have no PLOVER type).
_STATES = ["USA", "RUS", "CHN", "IRN", "ISR", "UKR", "GBR", "FRA", "DEU", "TUR", "IND", "PAK",
           "SYR", "IRQ", "SAU", "EGY", "PRK", "KOR", "JPN", "AFG", "LBN", "YEM", "QAT", "ARE",
           "BLR", "POL", "ITA", "ESP", "BRA", "MEX", "CAN", "AUS", "NGA", "ZAF", "ETH", "SDN",
           "VEN", "CUB", "AZE", "ARM"]
_TYPES = ["", "", "GOV", "MIL", "COP", "JUD", "MED", "BUS", "OPP", "REB", "CVL"]
_CODES = ["010", "010", "012", "020", "036", "040", "042", "043", "046", "051", "057", "061",
          "071", "072", "084", "090", "100", "111", "112", "120", "130", "138", "141", "145",
          "154", "163", "173", "180", "183", "190", "193", "195"]


def generate_gdelt(path: Path, rows: int, seed: int = 7) -> int:
    """A GDELT 2.0 event file (61 tab-separated columns) of `rows` generated rows, written
    in vectorised chunks. Returns its size in bytes."""
    from entente.ingest.datasets.gdelt import COLUMNS_V2

    rng = np.random.default_rng(seed)
    options = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    chunk = 250_000
    with pacsv.CSVWriter(path, _schema(COLUMNS_V2), write_options=options) as writer:
        for start in range(0, rows, chunk):
            n = min(chunk, rows - start)
            writer.write_table(_chunk(rng, start, n, COLUMNS_V2))
    return path.stat().st_size


def _schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, pa.string()) for c in columns])


def _pick(rng, values: list[str], n: int) -> np.ndarray:
    return np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]


def _chunk(rng, start: int, n: int, columns: list[str]) -> pa.Table:
    days = np.datetime64("2022-01-01") + rng.integers(0, 1000, n).astype("timedelta64[D]")
    sqldate = np.char.replace(np.datetime_as_string(days, unit="D"), "-", "")
    data: dict[str, np.ndarray] = {c: np.full(n, "", dtype=object) for c in columns}
    data["GLOBALEVENTID"] = np.char.mod("%d", np.arange(1_100_000_000 + start,
                                                        1_100_000_000 + start + n))
    data["SQLDATE"] = sqldate
    data["MonthYear"] = np.char.ljust(sqldate.astype("U6"), 6)
    data["Year"] = sqldate.astype("U4")
    data["FractionDate"] = np.char.add(sqldate.astype("U4"), ".5000")
    for i in (1, 2):
        states = _pick(rng, _STATES, n)
        types = _pick(rng, _TYPES, n)
        data[f"Actor{i}Code"] = np.char.add(states.astype(str), types.astype(str))
        data[f"Actor{i}Name"] = np.char.add("ACTOR ", states.astype(str))
        data[f"Actor{i}CountryCode"] = states
        data[f"Actor{i}Type1Code"] = types
        data[f"Actor{i}Geo_FullName"] = np.char.add("Capital city, ", states.astype(str))
        data[f"Actor{i}Geo_Type"] = np.full(n, "4", dtype=object)
        data[f"Actor{i}Geo_Lat"] = np.char.mod("%.4f", rng.uniform(-60, 60, n))
        data[f"Actor{i}Geo_Long"] = np.char.mod("%.4f", rng.uniform(-180, 180, n))
    codes = _pick(rng, _CODES, n)
    data["IsRootEvent"] = np.full(n, "1", dtype=object)
    data["EventCode"] = codes
    data["EventBaseCode"] = codes
    data["EventRootCode"] = codes.astype("U2")
    data["QuadClass"] = _pick(rng, ["1", "2", "3", "4"], n)
    data["GoldsteinScale"] = np.char.mod("%.1f", rng.uniform(-10, 10, n))
    data["NumMentions"] = np.char.mod("%d", rng.integers(1, 50, n))
    data["NumSources"] = np.full(n, "1", dtype=object)
    data["NumArticles"] = data["NumMentions"]
    data["AvgTone"] = np.char.mod("%.3f", rng.uniform(-8, 8, n))
    data["ActionGeo_Type"] = np.full(n, "4", dtype=object)
    data["ActionGeo_FullName"] = data["Actor2Geo_FullName"]
    data["DATEADDED"] = np.char.add(sqldate.astype(str), "101500")
    data["SOURCEURL"] = np.char.add("https://news.example.org/story/",
                                    data["GLOBALEVENTID"].astype(str))
    return pa.table({c: pa.array(data[c].astype(str), pa.string()) for c in columns})


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB: VmHWM, which (unlike ru_maxrss, kept
    across exec on Linux) starts afresh in each child process."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_child(function: str, *args: str) -> dict:
    """Run `bench.datasets.<function>(*args)` in a fresh process; it prints one JSON line."""
    result = subprocess.run(
        [sys.executable, "-c", f"from bench.datasets import {function} as f; f(*{args!r})"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- import ------------------------------------------------------------------------------------

def import_child(file: str, db: str) -> None:
    """Import one file, timing apart the start-up a process pays once (the importer's modules
    and its look-up tables) from the file's own import."""
    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    start = time.perf_counter()
    from entente import jobs
    from entente.ingest.datasets import gdelt
    from entente.store import Store

    gdelt._lookup_tables_cached()
    startup = time.perf_counter() - start
    with Store(db) as store:
        start, cpu_start = time.perf_counter(), cpu()
        report = jobs.import_dataset(store, "gdelt", [file])
        seconds, cpu_seconds = time.perf_counter() - start, cpu() - cpu_start
    print(json.dumps({"rows": report.rows, "added": report.added, "unmapped": report.unmapped,
                      "seconds": seconds, "cpu_seconds": cpu_seconds, "startup": startup,
                      "peak_mb": peak_rss_mb()}))


def bench_import() -> None:
    sizes = [int(250_000 * SCALE), int(1_000_000 * SCALE)]
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            file = Path(tmp) / f"gdelt_{rows}.export.CSV"
            start = time.perf_counter()
            size = generate_gdelt(file, rows)
            made = time.perf_counter() - start
            found = _run_child("import_child", str(file), str(Path(tmp) / f"s{rows}.duckdb"))
            cold = found["seconds"] + found["startup"]
            print(f"import gdelt: {rows:,} rows ({size / 1e6:.0f} MB, generated in {made:.1f} s): "
                  f"{found['rows'] / found['seconds']:,.0f} rows/s into the store "
                  f"(target >= 300,000); with the process start-up ({found['startup']:.2f} s: "
                  f"modules, look-up tables) {found['rows'] / cold:,.0f} rows/s; "
                  f"{found['added']:,} events stored, {found['unmapped']:,} without a PLOVER "
                  f"type; peak memory {found['peak_mb']:.0f} MB; {found['cpu_seconds']:.1f} s "
                  f"of CPU in {found['seconds']:.1f} s")
            file.unlink()


# --- extraction: 1 and 2 workers, local processes and Dask --------------------------------------

def bench_extraction() -> None:
    """Words per second on 1 and 2 workers: with start-up (processes, model loads) counted,
    and steady (workers already up and loaded: a second run on the same pool or cluster)."""
    from concurrent.futures import ProcessPoolExecutor

    from bench.extraction import corpus, words
    from entente.extract import parallel
    from entente.scale import run_corpus
    from entente.scale.runner import dask_client
    from entente.store import Store

    docs = corpus(repeat=max(1, round(8 * SCALE)))
    n_words = words(docs)
    print(f"extraction: {len(docs)} documents, {n_words:,} words (examples/articles repeated)")

    def line(engine: str, workers: int, cold: float, warm: float) -> None:
        print(f"  {engine:5} {workers} worker(s): {n_words / warm:7,.0f} words/s steady, "
              f"{n_words / cold:7,.0f} words/s with start-up ({cold:.1f} s)")

    for workers in (1, 2):
        start = time.perf_counter()
        with ProcessPoolExecutor(workers, initializer=parallel._init_worker) as pool:
            list(pool.map(parallel._extract_batch, parallel._chunks(docs, 8)))
            cold = time.perf_counter() - start
            start = time.perf_counter()
            list(pool.map(parallel._extract_batch, parallel._chunks(docs, 8)))
            warm = time.perf_counter() - start
        line("local", workers, cold, warm)
    for workers in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            with dask_client(None, workers) as client:
                address = client.scheduler.address
                with Store(Path(tmp) / "a.duckdb") as store:
                    store.add_documents(docs)
                    run_corpus(store, None, scheduler=address, partition_size=8)
                cold = time.perf_counter() - start
                with Store(Path(tmp) / "b.duckdb") as store:
                    store.add_documents(docs)
                    start = time.perf_counter()
                    run_corpus(store, None, scheduler=address, partition_size=8)
                    warm = time.perf_counter() - start
        line("dask", workers, cold, warm)


# --- dyad series: DuckDB against pandas over the same Parquet ---------------------------------

_PAIR = ("IRN", "RUS")


def make_store(db: str, parquet: str, events: int) -> None:
    """A store of `events` generated events (40 states, 16 types, three years), and the same
    events exported to one Parquet file."""
    from entente.model import EVENT_TYPES
    from entente.store import Store

    states = "[" + ", ".join(f"'{s}'" for s in _STATES) + "]"
    types = "[" + ", ".join(f"'{t}'" for t in EVENT_TYPES) + "]"
    quads = "['verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict']"
    chunk = 5_000_000
    with Store(db) as store:
        store.con.execute("SET enable_progress_bar = false")
        for start in range(0, events, chunk):
            stop = min(events, start + chunk)
            store.con.execute(f"""
                INSERT INTO events (event_id, date, date_precision, day, source_actor_id,
                    source_country, target_actor_id, target_country, type, intensity, quad,
                    status, negated, context, attribution)
                SELECT 'bench:' || i, strftime(d, '%Y-%m-%d'), 'day', d, s, s, t, t,
                       list_element({types}, 1 + (hash(i * 3) % 16)::INT),
                       round(((hash(i * 5) % 2001)::DOUBLE - 1000) / 100, 1),
                       list_element({quads}, 1 + (hash(i * 7) % 4)::INT),
                       CASE WHEN hash(i * 11) % 20 = 0 THEN 'reported' ELSE 'asserted' END,
                       hash(i * 13) % 50 = 0, [], '[]'
                FROM (SELECT i, DATE '2022-01-01' + (hash(i) % 1096)::INT AS d,
                             list_element({states}, 1 + (hash(i * 17) % 40)::INT) AS s,
                             list_element({states}, 1 + (hash(i * 19) % 40)::INT) AS t
                      FROM range({start}, {stop}) r(i))""")
        store.copy_events_parquet(parquet, by_month=False)


def dyad_duckdb_child(db: str) -> None:
    from entente.analyse.dyads import dyad_series
    from entente.store import Store

    with Store(db, read_only=True) as store:
        start = time.perf_counter()
        series = dyad_series(store, *_PAIR, by="month")
        seconds = time.perf_counter() - start
    events = sum(r.events for r in series.combined())
    print(json.dumps({"seconds": seconds, "events": events, "peak_mb": peak_rss_mb()}))


def dyad_pandas_child(parquet: str) -> None:
    """The same series with pandas: read the Parquet's columns, filter, group by month."""
    import pandas as pd

    start = time.perf_counter()
    frame = pd.read_parquet(parquet, columns=[
        "source_country", "source_actor_id", "target_country", "target_actor_id", "day",
        "type", "intensity", "quad", "status", "negated"])
    source = frame["source_country"].fillna(frame["source_actor_id"]).str.upper()
    target = frame["target_country"].fillna(frame["target_actor_id"]).str.upper()
    a, b = _PAIR
    keep = (frame["day"].notna() & ~frame["status"].isin(["denied", "hypothetical"])
            & ~frame["negated"].astype(bool)
            & (((source == a) & (target == b)) | ((source == b) & (target == a))))
    dyad = frame[keep].assign(source=source[keep],
                              period=pd.to_datetime(frame.loc[keep, "day"]).dt.to_period("M"))
    rows = []
    for keys in (["period", "source"], ["period"]):
        grouped = dyad.groupby(keys)
        summary = grouped["intensity"].agg(["count", "sum", "mean"])
        summary = summary.join(pd.crosstab([dyad[k] for k in keys], dyad["type"]))
        summary = summary.join(pd.crosstab([dyad[k] for k in keys], dyad["quad"]))
        rows.append(summary)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "events": int(rows[1]["count"].sum()),
                      "peak_mb": peak_rss_mb()}))


def bench_dyads() -> None:
    for events in (int(10_000_000 * DYAD_SCALE), int(50_000_000 * DYAD_SCALE)):
        with tempfile.TemporaryDirectory() as tmp:
            db, parquet = str(Path(tmp) / "s.duckdb"), str(Path(tmp) / "events.parquet")
            start = time.perf_counter()
            make_store(db, parquet, events)
            made = time.perf_counter() - start
            duck = _run_child("dyad_duckdb_child", db)
            pandas = _run_child("dyad_pandas_child", parquet)
        ratio = pandas["seconds"] / duck["seconds"]
        print(f"dyad series {_PAIR[0]}-{_PAIR[1]} by month over {events:,} events (built in "
              f"{made:.0f} s): entente/DuckDB {duck['seconds']:.2f} s, "
              f"peak {duck['peak_mb']:.0f} MB; "
              f"pandas on the same Parquet {pandas['seconds']:.2f} s, peak "
              f"{pandas['peak_mb']:.0f} MB; {ratio:.1f}x faster (target >= 20x); "
              f"{duck['events']:,} = {pandas['events']:,} events")


def main() -> None:
    print(f"datasets benchmark (ENTENTE_BENCH_SCALE={SCALE:g}, "
          f"ENTENTE_BENCH_DYAD_SCALE={DYAD_SCALE:g})")
    bench_import()
    bench_extraction()
    bench_dyads()


if __name__ == "__main__":
    main()
