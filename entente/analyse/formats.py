"""Tables and CSV for the analyses (JSON is each result's `to_dict()`), used by the shells."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from rich.table import Table

from entente.analyse.dyads import ROW_COLUMNS, DyadSeries
from entente.analyse.network import Network
from entente.analyse.shifts import Shift


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else f"{value:.0f}"
    if isinstance(value, (list, tuple, set)):
        return ", ".join(cell(v) for v in value)
    return str(value)


def csv_text(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: cell(row.get(c)) for c in columns})
    return buffer.getvalue()


def table(rows: Iterable[dict[str, Any]], columns: list[str], title: str) -> Table:
    shown = Table(title=title)
    for column in columns:
        shown.add_column(column, overflow="fold")
    for row in rows:
        shown.add_row(*(cell(row.get(c)) for c in columns))
    return shown


# -- dyads and shifts ------------------------------------------------------------------------
DYAD_TABLE = ["period", "direction", "events", "intensity_sum", "intensity_mean",
              "net_cooperation", "types", "shift"]
SHIFT_COLUMNS = ["dyad", "period", "before", "after", "magnitude", "events"]


def dyad_rows(series: DyadSeries, shifts: list[Shift]) -> list[dict[str, Any]]:
    """The series, flat; the combined row of a period where a shift starts carries its size."""
    starts = {s.period: s.magnitude for s in shifts}
    rows = []
    for period in series.rows:
        row = period.to_row()
        row["types"] = ", ".join(f"{t} {n}" for t, n in
                                 sorted(period.counts.items(), key=lambda kv: -kv[1]))
        row["shift"] = starts.get(period.period) if period.direction == "both" else None
        rows.append(row)
    return rows


def dyad_csv(series: DyadSeries, shifts: list[Shift]) -> str:
    return csv_text(dyad_rows(series, shifts), [*ROW_COLUMNS, "shift"])


def dyad_tables(series: DyadSeries, shifts: list[Shift]) -> list[Table]:
    tables = [table(dyad_rows(series, shifts), DYAD_TABLE,
                    f"{series.a}–{series.b} by {series.by} ({len(series.combined())} periods)")]
    tables.append(table((s.to_row() for s in shifts), SHIFT_COLUMNS[1:],
                        f"Shifts ({len(shifts)})"))
    return tables


# -- network ---------------------------------------------------------------------------------
EDGE_COLUMNS = ["source", "target", "weight", "events", "source_bloc", "target_bloc",
                "frustrated"]


def network_tables(net: Network) -> list[Table]:
    nodes = sorted(net.to_dict()["nodes"], key=lambda n: (n["bloc"], -n["centrality"], n["id"]))
    tables = [table(nodes, ["id", "bloc", "centrality"],
                    f"Blocs ({net.method}; frustration {cell(net.frustration)})")]
    frustrated = [r for r in net.edge_rows() if r["frustrated"]]
    tables.append(table(frustrated, EDGE_COLUMNS[:4], f"Frustrated edges ({len(frustrated)})"))
    tables.append(table(({"triangle": " – ".join(t)} for t in net.frustrated_triangles),
                        ["triangle"], f"Frustrated triangles ({len(net.frustrated_triangles)})"))
    return tables


# -- claims and transfers --------------------------------------------------------------------
CLAIM_COLUMNS = ["source", "target", "type", "items", "verdict", "asserted_by", "reported_by",
                 "denied_by", "first", "last", "events"]
CLAIM_TABLE = CLAIM_COLUMNS[:-1]
TRANSFER_COLUMNS = ["supplier", "recipient", "system", "category", "quantity", "status",
                    "first_reported", "last_reported", "sources"]
