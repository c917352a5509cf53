"""The network of actors and its blocs, read as a signed graph (structural balance).

    net = analyse_network(store, since="2023")
    net.blocs, net.frustrated_triangles, net.to_dict(), net.graphml()

Graph: one undirected edge per pair of actors with factual events between them in the window
(either direction; denied, hypothetical and negated events are left out). The edge weight is
the sum of the events' intensities (`weight="intensity"`, the default) or cooperation minus
conflict events (`weight="count"`). A pair whose weight is exactly 0 has no sign and no edge.

Blocs: the split of the actors into two blocs with the least frustration, i.e. the least total
|weight| of frustrated edges (a negative edge inside a bloc, a positive edge across blocs).
Up to 20 actors every split is tried; above that, a local search: the signs of the leading
eigenvector of the weighted adjacency matrix as a start, plus 10 seeded random starts, each
improved by moving one actor at a time to the other bloc while that lowers the frustration;
the best result is kept. Bloc 1 is the larger bloc (on a tie, the one holding the first code).

Frustrated triangles: three actors all linked whose edge signs multiply to a negative number
("my partner cooperates with my adversary"); no split can satisfy all three edges.

Centrality: weighted degree on |weight| (an actor's total absolute weight), divided by the
largest so the busiest actor has 1.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

from entente.analyse.common import (
    CONFLICT, COOPERATION, FACT, SOURCE_CODE, TARGET_CODE, dicts, rounded, window,
)
from entente.errors import UsageError
from entente.store import Store

WEIGHTS = ("intensity", "count")
EXHAUSTIVE_MAX = 20  # nodes; 2^19 splits are scored in well under a second
RESTARTS = 10
SEED = 0


@dataclass
class Network:
    graph: nx.Graph
    blocs: dict[str, int] = field(default_factory=dict)
    centrality: dict[str, float] = field(default_factory=dict)
    frustrated_triangles: list[tuple[str, str, str]] = field(default_factory=list)
    method: str = "exhaustive"  # or "local search"

    def frustrated(self, u: str, v: str) -> bool:
        weight = self.graph[u][v]["weight"]
        return (weight < 0) == (self.blocs[u] == self.blocs[v])

    @property
    def frustration(self) -> float:
        return rounded(sum(abs(w) for u, v, w in self.graph.edges(data="weight")
                           if self.frustrated(u, v)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [{"id": n, "bloc": self.blocs[n], "centrality": self.centrality[n]}
                      for n in sorted(self.graph)],
            "edges": [{"source": u, "target": v, "weight": d["weight"], "events": d["events"],
                       "frustrated": self.frustrated(u, v)} for u, v, d in _sorted_edges(self.graph)],
            "frustrated_triangles": [list(t) for t in self.frustrated_triangles],
        }

    def edge_rows(self) -> list[dict[str, Any]]:
        """Flat, for CSV and tables: each edge with the blocs of its ends."""
        return [{"source": u, "target": v, "weight": d["weight"], "events": d["events"],
                 "source_bloc": self.blocs[u], "target_bloc": self.blocs[v],
                 "frustrated": self.frustrated(u, v)} for u, v, d in _sorted_edges(self.graph)]

    def graphml(self) -> str:
        graph = self.graph.copy()
        for node in graph:
            graph.nodes[node].update(bloc=self.blocs[node], centrality=self.centrality[node])
        for u, v, data in graph.edges(data=True):
            data["frustrated"] = self.frustrated(u, v)
        return "\n".join(nx.generate_graphml(graph)) + "\n"


def _sorted_edges(graph: nx.Graph):
    return sorted((min(u, v), max(u, v), d) for u, v, d in graph.edges(data=True))


_EDGES_SQL = """
WITH raw AS (  -- group on the stored columns first: far fewer rows to compute codes for
    SELECT source_country, source_actor_id, target_country, target_actor_id,
           count(*) AS events, coalesce(sum(intensity), 0) AS intensity,
           count_if(quad IN ({cooperation})) - count_if(quad IN ({conflict})) AS count
    FROM events
    WHERE {fact} AND {window}
    GROUP BY ALL
), coded AS (
    SELECT {source} AS s, {target} AS t, * FROM raw
)
SELECT least(s, t) AS a, greatest(s, t) AS b, sum(events) AS events,
       sum(intensity) AS intensity, sum(count) AS count
FROM coded
WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
GROUP BY a, b
HAVING sum(events) >= ?
ORDER BY a, b
"""


def signed_graph(store: Store, since: str | None = None, until: str | None = None,
                 weight: str = "intensity", min_events: int = 1) -> nx.Graph:
    """The undirected signed graph of factual events (see the module doc for the weight)."""
    if weight not in WEIGHTS:
        raise UsageError(f"unknown edge weight {weight!r}: use one of {', '.join(WEIGHTS)}")
    where, params = window(since, until)
    quoted = lambda names: ", ".join(f"'{n}'" for n in names)  # noqa: E731 (fixed names)
    sql = _EDGES_SQL.format(source=SOURCE_CODE, target=TARGET_CODE, fact=FACT, window=where,
                            cooperation=quoted(COOPERATION), conflict=quoted(CONFLICT))
    graph = nx.Graph()
    for row in dicts(store, sql, [*params, min_events]):
        if row[weight]:
            graph.add_edge(row["a"], row["b"], weight=rounded(row[weight]), events=row["events"])
    return graph


def analyse_network(store: Store, since: str | None = None, until: str | None = None,
                    weight: str = "intensity", min_events: int = 1) -> Network:
    graph = signed_graph(store, since, until, weight, min_events)
    blocs, method = balance_blocs(graph)
    return Network(graph, blocs, centrality(graph), frustrated_triangles(graph), method)


# -- blocs -----------------------------------------------------------------------------------
def balance_blocs(graph: nx.Graph, exhaustive_max: int = EXHAUSTIVE_MAX,
                  restarts: int = RESTARTS, seed: int = SEED) -> tuple[dict[str, int], str]:
    """Bloc (1 or 2) per node for the least frustration, and the method used."""
    nodes = sorted(graph)
    if not nodes:
        return {}, "exhaustive"
    matrix = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
    if len(nodes) <= exhaustive_max:
        sides, method = _exhaustive(matrix), "exhaustive"
    else:
        sides, method = _local_search(matrix, restarts, seed), "local search"
    return _label(nodes, sides), method


def _exhaustive(matrix: np.ndarray, chunk: int = 1 << 16) -> np.ndarray:
    """Every split with the first node on side +1; the one maximising xᵀWx (the agreement)
    has the least frustration, since frustration = (Σ|w| − xᵀWx / 2) / 2 over the edges."""
    n = len(matrix)
    best, best_score = np.ones(n), -np.inf
    bits = np.arange(n - 1)
    for lo in range(0, 1 << (n - 1), chunk):
        codes = np.arange(lo, min(lo + chunk, 1 << (n - 1)))
        others = np.where((codes[:, None] >> bits) & 1, -1.0, 1.0)
        sides = np.hstack([np.ones((len(codes), 1)), others])
        scores = np.einsum("ij,jk,ik->i", sides, matrix, sides)
        top = int(np.argmax(scores))
        if scores[top] > best_score + 1e-9:
            best, best_score = sides[top], scores[top]
    return best


def _local_search(matrix: np.ndarray, restarts: int, seed: int) -> np.ndarray:
    """Greedy single-node moves from a spectral start and `restarts` seeded random starts."""
    n = len(matrix)
    values, vectors = np.linalg.eigh(matrix)
    spectral = np.where(vectors[:, np.argmax(values)] >= 0, 1.0, -1.0)
    rng = np.random.default_rng(seed)
    starts = [spectral] + [rng.choice([-1.0, 1.0], size=n) for _ in range(restarts)]
    best, best_score = None, -np.inf
    for start in starts:
        sides = _improve(matrix, start.copy())
        score = sides @ matrix @ sides
        if score > best_score + 1e-9:
            best, best_score = sides, score
    return best


def _improve(matrix: np.ndarray, sides: np.ndarray) -> np.ndarray:
    """Move the node whose move lowers the frustration most, until no move does."""
    while True:
        # moving node i changes xᵀWx by −4·x_i·(Wx)_i: worth it when x_i·(Wx)_i < 0
        gains = sides * (matrix @ sides)
        worst = int(np.argmin(gains))
        if gains[worst] >= -1e-9:
            return sides
        sides[worst] = -sides[worst]


def _label(nodes: list[str], sides: np.ndarray) -> dict[str, int]:
    plus = [n for n, s in zip(nodes, sides) if s > 0]
    minus = [n for n, s in zip(nodes, sides) if s <= 0]
    first, second = sorted([plus, minus], key=lambda group: (-len(group), group[:1] or ["~"]))
    return {**{n: 1 for n in first}, **{n: 2 for n in second}}


# -- triangles and centrality ----------------------------------------------------------------
def frustrated_triangles(graph: nx.Graph) -> list[tuple[str, str, str]]:
    """Triangles whose edge signs multiply to a negative number, each sorted, in order."""
    found = []
    for u in sorted(graph):
        later = sorted(v for v in graph[u] if v > u)
        for i, v in enumerate(later):
            for w in later[i + 1:]:
                if w in graph[v]:
                    product = graph[u][v]["weight"] * graph[u][w]["weight"] * graph[v][w]["weight"]
                    if product < 0:
                        found.append((u, v, w))
    return found


def centrality(graph: nx.Graph) -> dict[str, float]:
    """Weighted degree on |weight|, scaled so the largest is 1."""
    strength = {n: sum(abs(d["weight"]) for _, _, d in graph.edges(n, data=True)) for n in graph}
    top = max(strength.values(), default=0) or 1
    return {n: rounded(s / top) for n, s in strength.items()}
