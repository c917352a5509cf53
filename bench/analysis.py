"""Analysis speed on a large store: dyad series and shifts over synthetic events.

Target: each query under 1 s on 10 million events. `ENTENTE_BENCH_EVENTS=100000 make bench`
scales the store down. The events are made in one SQL statement (hash-based "random" values
over 50 actors, 16 types and 10 years); 5% of them are between IRN and RUS, whose relations
turn from cooperation to conflict at the start of 2020 so the shift search has something to find.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from entente.analyse.dyads import dyad_series
from entente.analyse.network import analyse_network
from entente.analyse.shifts import dyad_shifts, rank_shifts
from entente.model import EVENT_TYPES
from entente.store import Store

CODES = [
    "IRN", "RUS", "USA", "CHN", "GBR", "FRA", "DEU", "ISR", "SAU", "TUR", "SYR", "IRQ", "UKR",
    "BLR", "PRK", "KOR", "JPN", "IND", "PAK", "AFG", "EGY", "JOR", "LBN", "YEM", "ARE", "QAT",
    "OMN", "KWT", "BHR", "AZE", "ARM", "GEO", "KAZ", "UZB", "VEN", "CUB", "BRA", "ZAF", "ETH",
    "SDN", "LBY", "DZA", "MAR", "ITA", "ESP", "POL", "EU", "NATO", "UN", "HEZBOLLAH",
]

FILL_SQL = """
INSERT INTO events (event_id, doc, date, date_precision, day, source_actor_id, source_country,
                    target_actor_id, target_country, type, intensity, quad, status, negated,
                    attribution, confidence)
WITH drawn AS (
    SELECT i,
           DATE '2015-01-01' + CAST(hash(i, 1) % 3650 AS INTEGER) AS day,
           hash(i, 2) % 20 = 0 AS busy,
           CAST(hash(i, 3) % 50 AS INTEGER) AS s,
           CAST(hash(i, 4) % 49 AS INTEGER) AS step,
           (CAST(hash(i, 5) % 201 AS INTEGER) - 100) / 10.0 AS noise,
           CAST(hash(i, 6) % 100 AS INTEGER) AS roll
    FROM range(?) AS r(i)
), coded AS (
    SELECT *,
           CASE WHEN busy THEN (CASE WHEN i % 2 = 0 THEN 'IRN' ELSE 'RUS' END)
                ELSE (?::VARCHAR[])[s + 1] END AS src,
           CASE WHEN busy THEN (CASE WHEN i % 2 = 0 THEN 'RUS' ELSE 'IRN' END)
                ELSE (?::VARCHAR[])[(s + 1 + step) % 50 + 1] END AS tgt,
           CASE WHEN NOT busy THEN noise
                WHEN day < DATE '2020-01-01' THEN greatest(-10, least(10, 5 + noise / 2))
                ELSE greatest(-10, least(10, -5 + noise / 2)) END AS intensity
    FROM drawn
)
SELECT 'b' || i, 'bench-' || (i // 20), strftime(day, '%Y-%m-%d'), 'day', day,
       src, CASE WHEN length(src) = 3 THEN src END, tgt, CASE WHEN length(tgt) = 3 THEN tgt END,
       (?::VARCHAR[])[CAST(hash(i, 7) % 16 AS INTEGER) + 1],
       intensity,
       CASE WHEN intensity >= 0 THEN (CASE WHEN roll % 2 = 0 THEN 'verbal_cooperation'
                                           ELSE 'material_cooperation' END)
            ELSE (CASE WHEN roll % 2 = 0 THEN 'verbal_conflict' ELSE 'material_conflict' END) END,
       CASE WHEN roll < 80 THEN 'asserted' WHEN roll < 92 THEN 'reported'
            WHEN roll < 95 THEN 'alleged' WHEN roll < 97 THEN 'denied'
            WHEN roll < 98 THEN 'promised' WHEN roll < 99 THEN 'planned'
            ELSE 'hypothetical' END,
       hash(i, 8) % 50 = 0, '[]', 1.0
FROM coded
"""


def fill(store: Store, n: int) -> None:
    store.con.execute(FILL_SQL, [n, CODES, CODES, list(EVENT_TYPES)])


def timed(label: str, run):
    start = time.perf_counter()
    result = run()
    print(f"  {label}: {time.perf_counter() - start:.3f} s")
    return result


def main() -> None:
    n = int(os.environ.get("ENTENTE_BENCH_EVENTS", 10_000_000))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        fill(store, n)
        count = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        print(f"analysis: {count} events made in {time.perf_counter() - start:.1f} s "
              f"(target: under 1 s per query)")
        series = timed("dyad_series IRN–RUS by month",
                       lambda: dyad_series(store, "IRN", "RUS", by="month"))
        print(f"    ({sum(r.events for r in series.combined())} events, "
              f"{len(series.combined())} months)")
        timed("dyad_series IRN–RUS by week", lambda: dyad_series(store, "IRN", "RUS", by="week"))
        shifts = timed("shifts IRN–RUS by month (series, PELT, driving events)",
                       lambda: dyad_shifts(store, "IRN", "RUS", by="month"))
        print(f"    ({len(shifts)} shift(s): "
              + ", ".join(f"{s.period} {s.magnitude:+.2f}" for s in shifts) + ")")
        ranked = timed("rank_shifts, every dyad by month (not in the target)",
                       lambda: rank_shifts(store, by="month", since="2015", top=10))
        print(f"    (top: {ranked[0].a}–{ranked[0].b} {ranked[0].period} "
              f"{ranked[0].magnitude:+.2f})" if ranked else "    (none)")
        net = timed("network and blocs (not in the target)", lambda: analyse_network(store))
        print(f"    ({len(net.graph)} actors, {net.graph.number_of_edges()} edges, {net.method})")


if __name__ == "__main__":
    main()
