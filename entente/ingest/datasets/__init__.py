"""Event datasets coded elsewhere — GDELT, ICEWS, ACLED, POLECAT — read as entente events.

One module per dataset; each has `read(path, report)` yielding Arrow tables in the store's
event columns (`entente.store.schema.EVENT_COLUMNS`), a batch at a time, and counts rows,
rows without a PLOVER type and malformed rows (with their line numbers) in the report. The
job `entente.jobs.import_dataset` writes the tables with `Store.add_event_table`, except for
datasets in `IMPORTERS` (GDELT), which are parsed, mapped and stored inside DuckDB.

Every importer maps codes the same way: CAMEO codes through `plover.yaml`, actors to
entente's codes (ISO3 states, organisation ids), and an event id hashed from the dataset and
the row's own id, so importing the same file twice adds nothing. The mapping tables are data,
in `knowledge/data/datasets/`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from entente.errors import InputError, UsageError
from entente.ingest.datasets import acled, gdelt, icews, polecat
from entente.ingest.datasets.common import DatasetReport, prefetch

DatasetReader = Callable[..., Iterator[pa.Table]]

DATASETS: dict[str, DatasetReader] = {
    "gdelt": gdelt.read,
    "icews": icews.read,
    "acled": acled.read,
    "polecat": polecat.read,
}

# Datasets imported inside DuckDB (parsing and mapping in SQL): `import_file(store, path,
# report)` loads one file; `jobs.import_dataset` prefers these to the Arrow readers.
IMPORTERS: dict[str, Callable[..., None]] = {
    "gdelt": gdelt.import_file,
}

__all__ = ["DATASETS", "IMPORTERS", "DatasetReport", "import_file", "reader"]


def reader(name: str) -> DatasetReader:
    try:
        return DATASETS[name]
    except KeyError:
        raise UsageError(f"unknown dataset {name!r}; known: {', '.join(DATASETS)}") from None


def import_file(name: str, store, path: Path, report: DatasetReport) -> bool:
    """Import one file with the dataset's SQL importer; False if it has none. A file that
    cannot be opened or parsed at all is one problem."""
    importer = IMPORTERS.get(name)
    if importer is None:
        return False
    with _whole_file_problems(report, path):
        importer(store, Path(path), report)
    return True


def read_file(name: str, path: Path, report: DatasetReport, **options) -> Iterator[pa.Table]:
    """Event tables from one file; a file that cannot be opened at all is one problem."""
    with _whole_file_problems(report, path):
        yield from prefetch(reader(name)(Path(path), report, **options))


@contextmanager
def _whole_file_problems(report: DatasetReport, path: Path):
    """A file that cannot be opened or parsed at all becomes one problem in the report."""
    try:
        yield
    except InputError as exc:
        report.problem(path, exc.problem.reason, exc.problem.line)
    except EOFError:  # a truncated .gz or .zip
        report.problem(path, "unreadable: compressed file ended early")
    except (OSError, zipfile.BadZipFile) as exc:
        report.problem(path, f"unreadable: {getattr(exc, 'strerror', None) or exc}")
    except duckdb.IOException as exc:
        report.problem(path, f"unreadable: {exc}")
    except (duckdb.InvalidInputException, pa.ArrowInvalid) as exc:
        # the parser gave up (e.g. a line longer than a block)
        report.problem(path, f"could not parse: {exc}")
