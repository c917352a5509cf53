"""Extraction on a Dask LocalCluster of two worker processes gives the single-process events,
and a re-run recomputes only the partitions whose Parquet file is missing."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from entente.cli import app
from entente.scale import run_corpus
from entente.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
ARTICLES = len(list(EXAMPLES.glob("*.txt")))  # 14 English articles


def partitions_of(size: int) -> int:
    return -(-ARTICLES // size)
SINGLE_PROCESS = """
import json
from entente.extract.pipeline import Extractor
from entente.ingest import iter_inputs
from entente.model import Document
docs = [d for d in iter_inputs([{folder!r}]) if isinstance(d, Document) and d.extractable]
print(json.dumps(sorted(ev.event_id for _, evs in Extractor().extract_many(docs) for ev in evs)))
"""


def single_process_run() -> subprocess.Popen:
    """The reference run, in a fresh process started beside the cluster's workers, so both
    load the extraction code at the same moment."""
    return subprocess.Popen([sys.executable, "-c", SINGLE_PROCESS.format(folder=str(EXAMPLES))],
                            cwd=ROOT, stdout=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def cluster():
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as running:
        yield running


def stored_ids(store: Store) -> set[str]:
    return {row[0] for row in store.con.execute("SELECT event_id FROM events").fetchall()}


def test_local_cluster_gives_the_single_process_events(tmp_path):
    reference = single_process_run()
    with Store(tmp_path / "s.duckdb") as store:
        report = run_corpus(store, [EXAMPLES], workers=2, partition_size=4)  # its own cluster
        found = stored_ids(store)
        assert (report.documents, report.partitions, report.computed) == (
            ARTICLES, partitions_of(4), partitions_of(4))
        assert store.stats()["documents_extracted"] == ARTICLES
    expected = set(json.loads(reference.communicate(timeout=120)[0]))
    assert found == expected and len(found) > 100
    assert len(list((tmp_path / "s.duckdb.parts").glob("part-*.parquet"))) == partitions_of(4)


def test_a_rerun_redoes_only_missing_partitions(tmp_path, cluster):
    parts = tmp_path / "parts"
    with Store(tmp_path / "s.duckdb") as store:
        first = run_corpus(store, [EXAMPLES], scheduler=cluster.scheduler_address,
                           parts=parts, partition_size=5)
        assert first.computed == partitions_of(5) > 1
        complete = stored_ids(store)
    lost = sorted(parts.glob("part-*.parquet"))[0]
    lost.unlink()  # as if the run had died before this partition was written
    with Store(tmp_path / "fresh.duckdb") as fresh:  # and its store had been lost too
        again = run_corpus(fresh, [EXAMPLES], scheduler=cluster.scheduler_address,
                           parts=parts, partition_size=5)
        assert (again.computed, again.reused) == (1, partitions_of(5) - 1)
        assert lost.exists()
        assert stored_ids(fresh) == complete
        once_more = run_corpus(fresh, None, scheduler=cluster.scheduler_address, parts=parts)
        assert once_more.partitions == 0  # every stored document is extracted


def test_extract_command_with_the_dask_engine(tmp_path, cluster):
    with Store(tmp_path / "library.duckdb") as store:
        run_corpus(store, [EXAMPLES], scheduler=cluster.scheduler_address)
        expected = stored_ids(store)
    db = tmp_path / "s.duckdb"
    args = ["extract", str(EXAMPLES), "--engine", "dask", "--scheduler",
            cluster.scheduler_address, "--workers", "2", "--db", str(db)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 partitions (1 computed, 0 reused)" in result.output
    with Store(db) as store:
        assert stored_ids(store) == expected
    again = CliRunner().invoke(app, args)
    assert "events added: 0" in again.output and "(0 computed, 1 reused)" in again.output
