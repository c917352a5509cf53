"""Dataset fixtures written for these tests in each dataset's documented layout (small, with
malformed rows on purpose), and a fresh store."""

from __future__ import annotations

from pathlib import Path

import pytest

from entente import jobs
from entente.store import EventFilter, Store

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as opened:
        yield opened


def imported(store: Store, dataset: str, *names: str | Path):
    """Import fixture files (names, or full paths) and return the report."""
    paths = [n if isinstance(n, Path) else FIXTURES / n for n in names]
    return jobs.import_dataset(store, dataset, paths)


def by_row(store: Store) -> dict[str, object]:
    """Stored events by their dataset row id (provenance.row)."""
    return {ev.provenance.row: ev for ev in store.events(EventFilter())}


def bad_lines(report) -> list[int]:
    return [p.line for p in report.problems]
