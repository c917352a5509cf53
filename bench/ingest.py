"""Ingest rate: generated text files into a fresh store, documents per second."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from entente import jobs
from entente.store import Store

SENTENCE = "Delegations from the two capitals met on day {i} to discuss shipping route {j}. "


def main(n: int = 2000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:05}.txt").write_text("".join(SENTENCE.format(i=i, j=j) for j in range(20)))
        with Store(Path(tmp) / "bench.duckdb") as store:
            start = time.perf_counter()
            report = jobs.ingest_paths(store, [folder])
            first = time.perf_counter() - start
            start = time.perf_counter()
            jobs.ingest_paths(store, [folder])
            again = time.perf_counter() - start
    print(f"ingest: {report.added} documents in {first:.2f} s ({report.added / first:.0f} docs/s); "
          f"re-ingest (all already stored) {n / again:.0f} docs/s")
