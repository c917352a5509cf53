"""The process the crash test kills: ingest a folder, then extract, in small batches.

    python -m tests.reliability.crash_driver CORPUS DB MARKS

Each committed batch appends a line to MARKS ("ingest N" / "extract N"), and a finished run
appends "done", so the test can aim its SIGKILLs at the moments batches are being written.
"""

from __future__ import annotations

import sys

from entente import jobs
from entente.store import Store


def main(folder: str, db: str, marks: str) -> None:
    def note(stage: str):
        def write(n: int) -> None:
            with open(marks, "a", encoding="utf-8") as handle:
                handle.write(f"{stage} {n}\n")
        return write

    with Store(db) as store:
        jobs.ingest_paths(store, [folder], batch_size=4, progress=note("ingest"))
        jobs.extract_pending(store, batch_size=2, progress=note("extract"))
    with open(marks, "a", encoding="utf-8") as handle:
        handle.write("done\n")


if __name__ == "__main__":
    main(*sys.argv[1:4])
