"""Network: a planted two-bloc world is split correctly and its frustrated triangle named."""

import io

import networkx as nx
import pytest

from entente.analyse.network import analyse_network, balance_blocs, signed_graph
from entente.errors import UsageError
from tests.analyse.conftest import event, load

FRIENDS = [("IRN", "RUS"), ("IRN", "SYR"), ("RUS", "SYR"), ("ISR", "USA")]
ENEMIES = [("IRN", "USA"), ("RUS", "USA"), ("IRN", "ISR"), ("SYR", "ISR")]


def planted_blocs():
    """IRN, RUS, SYR cooperate; ISR, USA cooperate; conflict across. TUR cooperates with
    RUS (strongly) and with USA (weakly): TUR–RUS–USA is the one frustrated triangle."""
    found = []
    for n, (a, b) in enumerate(FRIENDS):
        found += [event(f"f{n}{k}", a, b, "AID", f"2023-0{k + 1}-01", 4) for k in range(3)]
    for n, (a, b) in enumerate(ENEMIES):
        found += [event(f"x{n}{k}", a, b, "ASSAULT", f"2023-0{k + 1}-02", -6) for k in range(3)]
    found += [event("t1", "TUR", "RUS", "AID", "2023-02-03", 6),
              event("t2", "RUS", "TUR", "AID", "2023-02-04", 6),
              event("t3", "USA", "TUR", "CONSULT", "2023-02-05", 1),
              # not facts: these would make USA and IRN allies if they counted
              event("n1", "USA", "IRN", "AID", "2023-02-06", 10, status="denied"),
              event("n2", "USA", "IRN", "AID", "2023-02-06", 10, negated=True)]
    return found


@pytest.fixture
def world(tmp_path, open_store):
    return open_store(load(tmp_path, planted_blocs()))


def test_two_blocs_and_the_frustrated_triangle(world):
    net = analyse_network(world)
    assert net.method == "exhaustive"
    assert {n for n, b in net.blocs.items() if b == 1} == {"IRN", "RUS", "SYR", "TUR"}
    assert {n for n, b in net.blocs.items() if b == 2} == {"ISR", "USA"}
    assert net.frustrated_triangles == [("RUS", "TUR", "USA")]
    assert net.frustration == 1  # only the weak TUR–USA edge crosses the blocs positively
    assert net.graph["IRN"]["USA"]["weight"] == -18
    assert max(net.centrality.values()) == 1 and net.centrality["TUR"] < net.centrality["RUS"]


def test_local_search_finds_the_same_blocs(world):
    graph = signed_graph(world)
    exhaustive, _ = balance_blocs(graph)
    searched, method = balance_blocs(graph, exhaustive_max=0)
    assert method == "local search" and searched == exhaustive


def test_count_weight_and_window(world):
    graph = signed_graph(world, weight="count")
    assert graph["IRN"]["RUS"]["weight"] == 3 and graph["IRN"]["USA"]["weight"] == -3
    assert set(signed_graph(world, since="2023-03").nodes) == {"IRN", "RUS", "SYR", "ISR", "USA"}
    with pytest.raises(UsageError):
        signed_graph(world, weight="mood")


def test_json_shape_and_graphml(world):
    net = analyse_network(world)
    data = net.to_dict()
    assert set(data) == {"nodes", "edges", "frustrated_triangles"}
    assert {"id", "bloc", "centrality"} <= set(data["nodes"][0])
    assert {"source", "target", "weight"} <= set(data["edges"][0])
    assert data["frustrated_triangles"] == [["RUS", "TUR", "USA"]]
    back = nx.read_graphml(io.BytesIO(net.graphml().encode()))
    assert back.nodes["USA"]["bloc"] == 2 and back["IRN"]["RUS"]["weight"] == 12


def test_empty_store_gives_an_empty_network(tmp_path, open_store):
    net = analyse_network(open_store(tmp_path / "empty.duckdb"))
    assert net.to_dict() == {"nodes": [], "edges": [], "frustrated_triangles": []}


def test_exhaustive_split_has_the_least_frustration():
    import itertools
    import random

    rng = random.Random(3)
    graph = nx.Graph()
    for u, v in itertools.combinations("ABCDEFG", 2):
        if rng.random() < 0.7:
            graph.add_edge(u, v, weight=rng.choice([-1, 1]) * rng.randint(1, 9))

    def frustration(blocs):
        return sum(abs(w) for u, v, w in graph.edges(data="weight")
                   if (w < 0) == (blocs[u] == blocs[v]))

    best, _ = balance_blocs(graph)
    nodes = sorted(graph)
    every = (dict(zip(nodes, sides)) for sides in itertools.product([1, 2], repeat=len(nodes)))
    assert frustration(best) == min(frustration(b) for b in every)
