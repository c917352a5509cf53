"""The analysis commands as a user runs them: imported events in, JSON/CSV/tables out."""

import csv
import io
import json

import networkx as nx
import pytest
from typer.testing import CliRunner

from entente.cli import app
from tests.analyse.conftest import planted_shift, write_jsonl
from tests.analyse.test_claims import world as claim_world
from tests.analyse.test_network import planted_blocs
from tests.analyse.test_transfers import world as transfer_world

runner = CliRunner()


def run(db, *args):
    return runner.invoke(app, [*args, "--db", str(db)])


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    """A store per synthetic set, each loaded through `entente import events`."""
    folder = tmp_path_factory.mktemp("analyse")
    sets = {"shift": planted_shift(), "blocs": planted_blocs(), "claims": claim_world(),
            "transfers": transfer_world()}
    for name, events in sets.items():
        result = run(folder / f"{name}.duckdb", "import", "events",
                     str(write_jsonl(folder / f"{name}.jsonl", events)))
        assert result.exit_code == 0, result.output
    return {name: folder / f"{name}.duckdb" for name in sets}


def as_json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def as_csv(result):
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_dyad_json_contract(stores):
    db = stores["shift"]
    data = as_json(run(db, "dyad", "IRN", "RUS", "--format", "json"))
    assert set(data) == {"series", "shifts"}
    row = data["series"][0]
    assert {"period", "source", "target", "counts", "intensity", "net_cooperation"} <= set(row)
    assert {r["direction"] for r in data["series"]} == {"forward", "backward", "both"}
    [shift] = data["shifts"]
    assert set(shift) == {"period", "before", "after", "magnitude", "events"}
    assert shift["period"] == "2023-01-01" and shift["magnitude"] == -10


def test_dyad_csv_and_table(stores):
    db = stores["shift"]
    rows = as_csv(run(db, "dyad", "IRN", "RUS", "--by", "quarter", "--format", "csv"))
    both = [r for r in rows if r["direction"] == "both"]
    assert len(both) == 8 and [r["shift"] for r in both].count("-10") == 1
    assert "count_AID" in rows[0] and "net_cooperation" in rows[0]
    table = run(db, "dyad", "IRN", "RUS", "--by", "year")
    assert table.exit_code == 0 and "IRN–RUS by year (2 periods)" in table.stdout
    assert "Shifts (0)" in table.stdout


def test_a_quiet_dyad_gives_empty_output(stores):
    db = stores["shift"]
    assert as_json(run(db, "dyad", "FRA", "DEU", "--format", "json")) == {"series": [],
                                                                          "shifts": []}
    header = run(db, "dyad", "FRA", "DEU", "--format", "csv").stdout
    assert header.startswith("period,direction,source,target,events,") and header.count("\n") == 1


def test_shifts_command(stores):
    db = stores["shift"]
    data = as_json(run(db, "shifts", "--since", "2022", "--top", "3", "--format", "json"))
    assert data[0]["dyad"] == ["IRN", "RUS"] and data[0]["magnitude"] == -10
    assert {"period", "before", "after", "magnitude", "events"} <= set(data[0])
    assert as_csv(run(db, "shifts", "--since", "2022", "--format", "csv"))[0]["dyad"] == "IRN–RUS"
    assert run(db, "shifts", "--since", "2022").exit_code == 0


def test_network_formats(stores):
    db = stores["blocs"]
    data = as_json(run(db, "network", "--until", "2023-03", "--format", "json"))
    assert set(data) == {"nodes", "edges", "frustrated_triangles"}
    assert ["RUS", "TUR", "USA"] in data["frustrated_triangles"]
    edges = as_csv(run(db, "network", "--format", "csv"))
    assert {"source", "target", "weight", "source_bloc", "target_bloc"} <= set(edges[0])
    graphml = run(db, "network", "--format", "graphml")
    assert graphml.exit_code == 0
    assert "IRN" in nx.read_graphml(io.BytesIO(graphml.stdout.encode()))
    assert "Blocs" in run(db, "network").stdout


def test_claims_formats(stores):
    db = stores["claims"]
    data = as_json(run(db, "claims", "--dyad", "IRN", "RUS", "--type", "AID", "--format", "json"))
    contested = [c for c in data if c["verdict"] == "contested"]
    assert len(contested) == 1 and contested[0]["denied_by"] == ["IRN"]
    assert {"source", "target", "type", "items", "verdict", "asserted_by", "reported_by",
            "denied_by", "events"} <= set(data[0])
    rows = as_csv(run(db, "claims", "--actor", "SYR", "--format", "csv"))
    assert rows and all("SYR" in (r["source"], r["target"]) for r in rows)
    assert f"Claims ({len(data)})" in run(db, "claims", "--dyad", "IRN", "RUS", "--type", "AID").stdout


def test_transfers_formats(stores):
    db = stores["transfers"]
    data = as_json(run(db, "transfers", "--supplier", "IRN", "--recipient", "RUS",
                       "--format", "json"))
    shahed = [r for r in data if r["system"] == "Shahed-136"]
    assert len(shahed) == 1 and shahed[0]["quantity"] == 400
    rows = as_csv(run(db, "transfers", "--format", "csv"))
    assert {"supplier", "recipient", "system", "status", "sources"} <= set(rows[0])
    assert f"Arms transfers ({len(rows)})" in run(db, "transfers").stdout


@pytest.mark.parametrize("args", [
    ["dyad", "IRN", "RUS", "--by", "fortnight"],
    ["shifts", "--by", "decade"],
    ["dyad", "IRN", "RUS", "--since", "2023-13-01"],
    ["dyad", "IRN", "IRN"],
    ["network", "--until", "yesterday"],
    ["network", "--weight", "mood"],
    ["claims", "--type", "GOSSIP"],
    ["transfers", "--since", "May"],
    ["dyad", "IRN", "RUS", "--format", "xml"],
])
def test_bad_arguments_exit_two(stores, args):
    result = run(stores["claims"], *args)
    assert result.exit_code == 2, result.output
