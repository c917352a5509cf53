"""The brief's charts as PNG bytes, drawn with matplotlib's Agg backend (no display needed).

- `series_chart`: net cooperation and mean intensity per period, shifts as vertical lines;
- `network_chart`: the signed network, nodes coloured by bloc, positive edges solid green,
  negative edges dashed red, width by |weight|.
"""

from __future__ import annotations

import io
from datetime import date

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from entente.analyse.dyads import DyadSeries  # noqa: E402
from entente.analyse.network import Network  # noqa: E402
from entente.analyse.shifts import Shift  # noqa: E402

BLOC_COLOURS = {1: "#4c72b0", 2: "#dd8452"}
DPI = 110


def _png(fig) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def series_chart(series: DyadSeries, shifts: list[Shift]) -> bytes:
    rows = series.combined()
    days = [date.fromisoformat(r.period) for r in rows]
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.plot(days, [r.net_cooperation for r in rows], marker="o", color="#2a6f97",
            label="net cooperation")
    ax.set_ylim(-1.1, 1.1)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylabel("net cooperation (−1 … +1)")
    twin = ax.twinx()
    twin.bar(days, [r.events for r in rows], width=12, alpha=0.25, color="#888888",
             label="events")
    twin.set_ylabel("events")
    for shift in shifts:
        ax.axvline(date.fromisoformat(shift.period), color="#c0392b", linestyle="--",
                   linewidth=1.4)
        ax.annotate(f"{shift.magnitude:+.1f}", (date.fromisoformat(shift.period), -1.05),
                    color="#c0392b", fontsize=7, rotation=90, xytext=(2, 0),
                    textcoords="offset points", va="bottom")
    handles = [Line2D([], [], color="#2a6f97", marker="o", label="net cooperation"),
               Line2D([], [], color="#c0392b", linestyle="--", label="shift")]
    ax.legend(handles=handles, loc="lower left", fontsize=8)
    ax.set_title(f"{series.a}–{series.b} by {series.by} (shift sizes in mean intensity)")
    ax.grid(alpha=0.3)
    fig.autofmt_xdate()
    return _png(fig)


def network_chart(net: Network) -> bytes:
    graph = net.graph
    fig, ax = plt.subplots(figsize=(7, 5.5))
    pos = nx.spring_layout(graph, seed=0, weight=None)
    largest = max((abs(w) for *_, w in graph.edges(data="weight")), default=1) or 1
    for sign, colour, style in ((1, "#2e8b57", "solid"), (-1, "#c0392b", "dashed")):
        edges = [(u, v) for u, v, w in graph.edges(data="weight") if (w > 0) == (sign > 0)]
        widths = [1 + 3 * abs(graph[u][v]["weight"]) / largest for u, v in edges]
        nx.draw_networkx_edges(graph, pos, edgelist=edges, edge_color=colour, style=style,
                               width=widths, ax=ax)
    nodes = sorted(graph)
    nx.draw_networkx_nodes(graph, pos, nodelist=nodes, ax=ax, node_size=700,
                           node_color=[BLOC_COLOURS.get(net.blocs[n], "#999999") for n in nodes])
    nx.draw_networkx_labels(graph, pos, font_size=8, font_color="white", ax=ax)
    handles = [Line2D([], [], marker="o", linestyle="", color=c, label=f"bloc {b}")
               for b, c in BLOC_COLOURS.items()]
    handles += [Line2D([], [], color="#2e8b57", label="cooperation"),
                Line2D([], [], color="#c0392b", linestyle="--", label="conflict")]
    ax.legend(handles=handles, loc="best", fontsize=8)
    ax.set_title(f"Blocs ({net.method}; frustration {net.frustration:g})")
    ax.axis("off")
    return _png(fig)
