"""Crash safety: SIGKILL an ingest half-way, reopen, check, re-run, compare with a clean run."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from entente.store import Store

CHILD = """
import sys, time
from entente import jobs
from entente.store import Store
folder, db, marks = sys.argv[1:4]
def mark(n):
    with open(marks, "a") as f:
        f.write(f"{n}\\n")
    time.sleep(0.05)
with Store(db) as store:
    jobs.ingest_paths(store, [folder], batch_size=5, progress=mark)
"""


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03}.txt").write_text(
            f"Report number {i}: delegations from two capitals met to discuss trade route {i}.\n")


def _wait_for_batches(marks: Path, batches: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marks.exists() and len(marks.read_text().splitlines()) >= batches:
            return
        time.sleep(0.02)
    raise AssertionError("the child never got going")


def test_sigkill_mid_ingest_loses_nothing_committed(tmp_path):
    folder = tmp_path / "corpus"
    _corpus(folder, 120)
    db, marks = tmp_path / "crash.duckdb", tmp_path / "marks"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(db), str(marks)],
                             env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])})
    _wait_for_batches(marks, 4)
    child.send_signal(signal.SIGKILL)
    child.wait()
    committed = len(marks.read_text().splitlines()) * 5

    with Store(db) as store:  # reopens cleanly after the kill
        partial = store.stats()["documents"]
        assert committed - 5 <= partial < 120
        assert store.con.execute(
            "SELECT count(*) FROM documents WHERE text IS NULL OR text = ''").fetchone()[0] == 0
        from entente import jobs
        jobs.ingest_paths(store, [folder])
        resumed = store.stats()
    with Store(tmp_path / "clean.duckdb") as clean:
        from entente import jobs
        jobs.ingest_paths(clean, [folder])
        expected = clean.stats()
    for key in ("documents", "events", "event_items"):
        assert resumed[key] == expected[key] == (120 if key == "documents" else 0)
