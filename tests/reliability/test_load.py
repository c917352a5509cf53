"""A small load test (10 clients for 5 s on the read endpoints while one client adds
documents, some with extraction) against a real uvicorn on 127.0.0.1: no errors at all, and
a consistent store afterwards. `make bench` runs the full one (bench/load.py: 50 x 60 s)."""

from __future__ import annotations

from bench.load import EXAMPLES, Server, check_store, prepare_store, report, run_load

ARTICLES = ["02_iran_fath360_russia_2024.txt", "04_dprk_shells_missiles_russia_2024.txt",
            "08_israel_iran_april_2024.txt", "12_houthis_red_sea_2024.txt"]


def test_ten_clients_for_five_seconds_get_no_errors(tmp_path):
    db = tmp_path / "load.duckdb"
    known = prepare_store(db, [EXAMPLES / name for name in ARTICLES])
    server = Server(db, log=tmp_path / "server.log")
    try:
        result = run_load(server.base, known, clients=10, seconds=5, extract_every=3)
    finally:
        server.stop()
    problems, stats = check_store(db, known["stats"], result)
    print("\n" + report(result, problems, stats, known["stats"]))
    assert not result.errors, result.errors[:10]
    assert not problems, problems
    assert len(result.read_latencies) >= 50 and result.documents_added >= 2
    assert result.extractions >= 1 and stats["events"] > known["stats"]["events"]
