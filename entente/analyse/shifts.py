"""Shifts: the periods where relations between two actors changed level.

    dyad_shifts(store, "IRN", "RUS", by="month")     # one dyad
    rank_shifts(store, by="month", top=10)           # the largest recent shifts, all dyads

The signal is, per period, the mean intensity of the factual events between the two actors in
either direction (`signal="net_cooperation"` uses net cooperation instead; see `dyads`).
Periods without events are *no data*: they are left out rather than filled with zeros, which
would pull a quiet dyad towards neutral and invent shifts. A shift is therefore dated at the
first period with events after the change.

Change points come from PELT (ruptures) on the squared-error (l2) cost, segments of at least
2 periods (a one-period spike is not a shift), with the penalty

    pen = 4 · σ̂² · ln n

where n is the number of periods and σ̂ the noise level estimated robustly from the first
differences: σ̂ = 1.4826 · MAD(Δx) / √2. A level shift moves one difference only, so it barely
changes σ̂. When the MAD is 0 (most differences equal) σ̂ falls back to the standard deviation of
the differences / √2; a constant series has no shifts. The factor 4 (twice the BIC-style
2σ̂² ln n) keeps false shifts rare on noisy, heavy-tailed news series: about one per ten series
of pure noise.

Each shift gives `period` (first period of the new segment), `before` and `after` (the means
of the segments either side), `magnitude` (after − before) and `events`: up to 5 events of the
first two periods of the new segment whose intensity points the way of the change, largest
|intensity| first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import ruptures
from ruptures.base import BaseCost

from entente.analyse.common import (
    CONFLICT, COOPERATION, FACT, QUADS, SOURCE_CODE, TARGET_CODE, check_period, rounded,
    window_start,
)
from entente.analyse.dyads import DyadSeries, dyad_series, quad_counts_sql
from entente.errors import UsageError
from entente.store import Store

PENALTY_FACTOR = 4.0
MIN_SIZE = 2  # periods in a segment
DRIVING_EVENTS = 5
DRIVING_PERIODS = 2
MIN_EVENTS = 20  # a dyad needs this many factual events to be ranked by `rank_shifts`
RECENT_DAYS = 365  # `rank_shifts` default window: the year before the latest event
SIGNALS = ("intensity", "net_cooperation")


@dataclass
class Shift:
    a: str
    b: str
    period: str  # first period of the new segment, ISO
    before: float
    after: float
    magnitude: float  # after − before
    events: list[str] = field(default_factory=list)
    driving_periods: list[str] = field(default_factory=list, repr=False)

    def to_dict(self, with_dyad: bool = False) -> dict[str, Any]:
        found = {"period": self.period, "before": self.before, "after": self.after,
                 "magnitude": self.magnitude, "events": self.events}
        return {"dyad": [self.a, self.b], **found} if with_dyad else found

    def to_row(self) -> dict[str, Any]:
        return {"dyad": f"{self.a}–{self.b}", "period": self.period, "before": self.before,
                "after": self.after, "magnitude": self.magnitude,
                "events": " ".join(self.events)}


# -- change points ---------------------------------------------------------------------------
class _MeanShiftCost(BaseCost):
    """ruptures' l2 cost (squared deviations from the segment mean) read off cumulative sums:
    O(1) per segment instead of O(length), so the same segmentation comes ~10x faster."""

    model = "l2_cumulative"
    min_size = 1

    def fit(self, signal):
        x = np.asarray(signal, dtype=float).ravel()
        self.signal = x.reshape(-1, 1)
        self._sum = np.concatenate([[0.0], np.cumsum(x)]).tolist()
        self._squares = np.concatenate([[0.0], np.cumsum(x * x)]).tolist()
        return self

    def error(self, start: int, end: int) -> float:
        total = self._sum[end] - self._sum[start]
        return (self._squares[end] - self._squares[start]) - total * total / (end - start)


def noise_level(values) -> float:
    """σ̂ from first differences: MAD-based, else their standard deviation (see module doc)."""
    diffs = np.diff(np.asarray(values, dtype=float))
    if diffs.size == 0:
        return 0.0
    sigma = 1.4826 * float(np.median(np.abs(diffs - np.median(diffs)))) / math.sqrt(2)
    return sigma if sigma > 0 else float(diffs.std()) / math.sqrt(2)


def penalty(values, factor: float = PENALTY_FACTOR) -> float:
    """pen = factor · σ̂² · ln n."""
    n = len(values)
    return factor * noise_level(values) ** 2 * math.log(n) if n > 1 else 0.0


def change_points(values, factor: float = PENALTY_FACTOR) -> list[int]:
    """Indices where a new segment starts (empty for a series too short or constant)."""
    x = np.asarray(values, dtype=float)
    pen = penalty(x, factor)
    if len(x) < 2 * MIN_SIZE or pen <= 0:
        return []
    ends = ruptures.Pelt(custom_cost=_MeanShiftCost(), min_size=MIN_SIZE, jump=1).fit(x).predict(pen=pen)
    return ends[:-1]


def find_shifts(a: str, b: str, periods: list[str], values, factor: float = PENALTY_FACTOR
                ) -> list[Shift]:
    """Shifts of one series, without their driving events (see `attach_events`)."""
    x = np.asarray(values, dtype=float)
    bounds = [0, *change_points(x, factor), len(x)]
    shifts = []
    for start, cut, end in zip(bounds, bounds[1:], bounds[2:]):
        before, after = float(x[start:cut].mean()), float(x[cut:end].mean())
        shifts.append(Shift(a, b, periods[cut], rounded(before), rounded(after),
                            rounded(after - before),
                            driving_periods=periods[cut:min(cut + DRIVING_PERIODS, end)]))
    return shifts


# -- one dyad --------------------------------------------------------------------------------
def dyad_shifts(store: Store, a: str, b: str, by: str = "month", since: str | None = None,
                until: str | None = None, signal: str = "intensity",
                series: DyadSeries | None = None) -> list[Shift]:
    """Shifts in the combined series of `a` and `b` (pass `series` if already computed)."""
    _check_signal(signal)
    series = series or dyad_series(store, a, b, by, since, until)
    rows = [r for r in series.combined() if _value(r, signal) is not None]
    shifts = find_shifts(series.a, series.b, [r.period for r in rows],
                         [_value(r, signal) for r in rows])
    attach_events(store, shifts, series.by)
    return shifts


def _value(row, signal: str) -> float | None:
    return row.intensity_mean if signal == "intensity" else row.net_cooperation


def _check_signal(signal: str) -> None:
    if signal not in SIGNALS:
        raise UsageError(f"unknown signal {signal!r}: use one of {', '.join(SIGNALS)}")


# -- every dyad ------------------------------------------------------------------------------
_ALL_DYADS_SQL = """
WITH raw AS (  -- group on the stored columns first: far fewer rows to compute codes for
    SELECT source_country, source_actor_id, target_country, target_actor_id,
           CAST(date_trunc(?, day) AS DATE) AS period, count(*) AS events,
           sum(intensity) AS intensity_sum, count(intensity) AS with_intensity,
           {quad_counts}, count(quad) AS with_quad
    FROM events
    WHERE day IS NOT NULL AND {fact}
    GROUP BY ALL
), coded AS (
    SELECT {source} AS s, {target} AS t, * FROM raw
), pairs AS (
    SELECT least(s, t) AS a, greatest(s, t) AS b, period, sum(events) AS events,
           sum(intensity_sum) / nullif(sum(with_intensity), 0) AS intensity_mean,
           {quad_sums}, sum(with_quad) AS with_quad
    FROM coded
    WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
    GROUP BY a, b, period
)
SELECT * FROM (SELECT *, sum(events) OVER (PARTITION BY a, b) AS dyad_events FROM pairs)
WHERE dyad_events >= ?
ORDER BY a, b, period
"""


def default_since(store: Store) -> date | None:
    """The start of the recent window: a year before the latest factual event."""
    latest = store.con.execute(f"SELECT max(day) FROM events WHERE {FACT}").fetchone()[0]
    return None if latest is None else latest - timedelta(days=RECENT_DAYS)


def rank_shifts(store: Store, by: str = "month", since: str | None = None, top: int = 10,
                min_events: int = MIN_EVENTS, signal: str = "intensity") -> list[Shift]:
    """The largest shifts (by |magnitude|) dated on or after `since`, over every dyad with at
    least `min_events` factual events. Change points are found on each dyad's whole history,
    so `before` has its full context; `since` defaults to a year before the latest event."""
    check_period(by)
    _check_signal(signal)
    start = window_start(since) or default_since(store)
    if start is None:
        return []
    sql = _ALL_DYADS_SQL.format(source=SOURCE_CODE, target=TARGET_CODE, fact=FACT,
                                quad_counts=quad_counts_sql(),
                                quad_sums=", ".join(f"sum({q}) AS {q}" for q in QUADS))
    data = store.con.execute(sql, [by, min_events]).fetchnumpy()
    if len(data["a"]) == 0:
        return []
    values = _signal_values(data, signal)
    periods = np.datetime_as_string(data["period"], unit="D")
    a, b = data["a"], data["b"]
    starts = np.flatnonzero((a[1:] != a[:-1]) | (b[1:] != b[:-1])) + 1
    cutoff = start.isoformat()
    found: list[Shift] = []
    for lo, hi in zip([0, *starts], [*starts, len(a)]):  # one dyad's periods, in order
        keep = ~np.isnan(values[lo:hi])
        dyad_periods = periods[lo:hi][keep]
        if np.count_nonzero(dyad_periods >= cutoff) < MIN_SIZE:
            continue  # no new segment can start on or after the cutoff
        found += find_shifts(str(a[lo]), str(b[lo]), dyad_periods.tolist(), values[lo:hi][keep])
    found = [s for s in found if s.period >= cutoff]
    found.sort(key=lambda s: (-abs(s.magnitude), _desc(s.period), s.a, s.b))
    found = found[:top]
    attach_events(store, found, by)
    return found


def _desc(period: str) -> tuple[int, ...]:
    return tuple(-int(p) for p in period.split("-"))


def _signal_values(data: dict[str, Any], signal: str) -> np.ndarray:
    if signal == "intensity":
        return _floats(data["intensity_mean"])
    cooperation = sum(_floats(data[q]) for q in COOPERATION)
    conflict = sum(_floats(data[q]) for q in CONFLICT)
    with_quad = _floats(data["with_quad"])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(with_quad > 0, (cooperation - conflict) / with_quad, np.nan)


def _floats(column) -> np.ndarray:
    """A DuckDB numpy column as floats, NULL (masked) as NaN."""
    return np.ma.filled(np.ma.asarray(column).astype(float), np.nan)


# -- the events behind a shift ---------------------------------------------------------------
_DRIVING_SQL = """
WITH wanted AS (
    SELECT unnest(?, recursive := true)
), candidates AS (
    SELECT event_id, day, intensity, {source} AS s, {target} AS t,
           CAST(date_trunc(?, day) AS DATE) AS period
    FROM events
    WHERE {fact} AND day >= ? AND day < ? AND intensity IS NOT NULL AND intensity <> 0
), ranked AS (
    SELECT w.shift, c.event_id,
           row_number() OVER (PARTITION BY w.shift
                              ORDER BY abs(c.intensity) DESC, c.day, c.event_id) AS rank
    FROM candidates c JOIN wanted w
      ON least(c.s, c.t) = w.a AND greatest(c.s, c.t) = w.b AND c.period = w.period
     AND sign(c.intensity) = w.sign
)
SELECT shift, list(event_id ORDER BY rank) AS events FROM ranked WHERE rank <= ? GROUP BY shift
"""


def attach_events(store: Store, shifts: list[Shift], by: str) -> None:
    """Fill each shift's `events`, for all shifts in one query."""
    wanted = [{"shift": n, "a": min(s.a, s.b), "b": max(s.a, s.b),
               "period": date.fromisoformat(p), "sign": 1 if s.magnitude > 0 else -1}
              for n, s in enumerate(shifts) if s.magnitude for p in s.driving_periods]
    if not wanted:
        return
    first = min(w["period"] for w in wanted)
    end = _next_period(max(w["period"] for w in wanted), by)
    sql = _DRIVING_SQL.format(source=SOURCE_CODE, target=TARGET_CODE, fact=FACT)
    for n, events in store.con.execute(sql, [wanted, by, first, end, DRIVING_EVENTS]).fetchall():
        shifts[n].events = list(events)


def _next_period(start: date, by: str) -> date:
    if by == "week":
        return start + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)
