"""Dyad series: what two actors did to each other, period by period.

    series = dyad_series(store, "IRN", "RUS", by="month", since="2022")
    for row in series.rows: ...          # one per period and direction
    series.combined()                    # the "both" rows, which shifts are found in

Each period has three rows: `forward` (a → b), `backward` (b → a) and `both` (either way).
Only facts count: denied, hypothetical and negated events are left out (see `common.FACT`).
Periods without any event have no row (no data, not zero).

Net cooperation of a set of events is (cooperation events − conflict events) / events with
a QuadClass, from −1 (all conflict) to +1 (all cooperation); cooperation is
verbal_cooperation or material_cooperation, conflict verbal_conflict or material_conflict.
It counts events, so a thousand statements of support do not hide one air strike less than a
sum of intensities would; the intensity sum and mean are given beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from entente.analyse.common import (
    CONFLICT, COOPERATION, FACT, QUADS, SOURCE_CODE, check_period, code, dicts, dyad_clause,
    iso, rounded, window,
)
from entente.errors import UsageError
from entente.model import EVENT_TYPES
from entente.store import Store

DIRECTIONS = ("forward", "backward", "both")
ROW_COLUMNS = ["period", "direction", "source", "target", "events", "intensity_sum",
               "intensity_mean", "net_cooperation", *(f"share_{q}" for q in QUADS),
               *(f"count_{t}" for t in EVENT_TYPES)]


@dataclass
class DyadPeriod:
    """The events of one period in one direction, summed up."""

    period: str  # first day of the period, ISO
    direction: str  # forward (a → b), backward (b → a) or both
    source: str
    target: str
    events: int
    counts: dict[str, int]  # PLOVER type → events
    intensity_sum: float | None
    intensity_mean: float | None
    quad: dict[str, float | None]  # QuadClass → share of the events with a QuadClass
    net_cooperation: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period, "direction": self.direction, "source": self.source,
            "target": self.target, "events": self.events, "counts": self.counts,
            "intensity": {"sum": self.intensity_sum, "mean": self.intensity_mean},
            "quad": self.quad, "net_cooperation": self.net_cooperation,
        }

    def to_row(self) -> dict[str, Any]:
        """Flat, for CSV and tables (`ROW_COLUMNS`): a column per QuadClass share and type."""
        return {
            "period": self.period, "direction": self.direction, "source": self.source,
            "target": self.target, "events": self.events,
            "intensity_sum": self.intensity_sum, "intensity_mean": self.intensity_mean,
            "net_cooperation": self.net_cooperation,
            **{f"share_{q}": self.quad[q] for q in QUADS},
            **{f"count_{t}": self.counts.get(t, 0) for t in EVENT_TYPES},
        }


@dataclass
class DyadSeries:
    a: str
    b: str
    by: str
    rows: list[DyadPeriod] = field(default_factory=list)

    def combined(self) -> list[DyadPeriod]:
        return [r for r in self.rows if r.direction == "both"]


_SERIES_SQL = """
WITH dyad AS (
    SELECT CAST(date_trunc(?, day) AS DATE) AS period, {source} AS src, type, intensity, quad
    FROM events
    WHERE day IS NOT NULL AND {fact} AND {window} AND {dyad}
)
SELECT period,
       CASE WHEN grouping(src) = 1 THEN 'both' WHEN src = ? THEN 'forward' ELSE 'backward' END
           AS direction,
       count(*) AS events,
       histogram(type) AS counts,
       sum(intensity) AS intensity_sum,
       avg(intensity) AS intensity_mean,
       {quad_counts},
       count(quad) AS with_quad
FROM dyad
GROUP BY GROUPING SETS ((period, src), (period))
"""


def quad_counts_sql() -> str:
    """`count_if(quad = 'verbal_cooperation') AS verbal_cooperation, ...` (fixed names only)."""
    return ", ".join(f"count_if(quad = '{q}') AS {q}" for q in QUADS)


def dyad_series(store: Store, a: str, b: str, by: str = "month", since: str | None = None,
                until: str | None = None) -> DyadSeries:
    """Per period and direction: counts by type, intensity sum and mean, QuadClass shares and
    net cooperation of the factual events between `a` and `b` (codes as in `Mention.code`)."""
    a, b = code(a), code(b)
    if a == b:
        raise UsageError(f"a dyad needs two different actors, got {a} twice")
    check_period(by)
    where, window_params = window(since, until)
    between, dyad_params = dyad_clause(a, b)
    sql = _SERIES_SQL.format(source=SOURCE_CODE, fact=FACT, window=where, dyad=between,
                             quad_counts=quad_counts_sql())
    found = dicts(store, sql, [by, *window_params, *dyad_params, a])
    ends = {"forward": (a, b), "backward": (b, a), "both": (a, b)}
    rows = [_period_row(r, *ends[r["direction"]]) for r in found]
    rows.sort(key=lambda r: (r.period, DIRECTIONS.index(r.direction)))
    return DyadSeries(a, b, by, rows)


def _period_row(r: dict[str, Any], source: str, target: str) -> DyadPeriod:
    with_quad = r["with_quad"]
    return DyadPeriod(
        period=iso(r["period"]), direction=r["direction"], source=source, target=target,
        events=r["events"],
        counts={t: int(r["counts"][t]) for t in EVENT_TYPES if t in (r["counts"] or {})},
        intensity_sum=rounded(r["intensity_sum"]), intensity_mean=rounded(r["intensity_mean"]),
        quad={q: rounded(r[q] / with_quad) if with_quad else None for q in QUADS},
        net_cooperation=net_cooperation(sum(r[q] for q in COOPERATION),
                                        sum(r[q] for q in CONFLICT), with_quad),
    )


def net_cooperation(cooperation: int, conflict: int, with_quad: int) -> float | None:
    """(cooperation − conflict) / events with a QuadClass; None when no event has one."""
    return rounded((cooperation - conflict) / with_quad) if with_quad else None
