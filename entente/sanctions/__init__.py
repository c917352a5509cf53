"""Sanctions lists in the store, and matching the names in the news against them.

    report = load_file(store, "entities.ftm.json")    # FollowTheMoney JSON Lines or CSV
    match_name("Mahan Airlines", store)               # [Match(name="Mahan Air", score=100.0)]
    match_store_actors(store)                         # actors in stored events that are listed
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from entente.errors import InputProblem
from entente.sanctions.entity import SanctionedEntity
from entente.sanctions.matching import (
    DEFAULT_THRESHOLD, ActorMatch, Match, SanctionsIndex, match_name, match_store_actors,
)
from entente.sanctions.readers import SkippedSchema, read_sanctions
from entente.store import Store
from entente.store import sanctions as table

BATCH = 5000

__all__ = [
    "DEFAULT_THRESHOLD", "ActorMatch", "LoadReport", "Match", "SanctionedEntity", "SanctionsIndex",
    "load_file", "match_name", "match_store_actors",
]


@dataclass
class LoadReport:
    """What one `sanctions load` did; bad records are listed, never fatal."""

    file: str
    read: int = 0
    added: int = 0
    replaced: int = 0
    other_schemata: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"file": self.file, "read": self.read, "added": self.added, "replaced": self.replaced,
                "other_schemata": self.other_schemata, "problems": [str(p) for p in self.problems]}


def load_file(store: Store, path: Path | str) -> LoadReport:
    """Read a sanctions file into the store in batches, one transaction each.

    Raises InputError only when the file cannot be read at all (missing, unknown format).
    """
    report, skipped = LoadReport(str(path)), SkippedSchema()
    batch: list[dict] = []
    for found in read_sanctions(path, skipped):
        if isinstance(found, InputProblem):
            report.problems.append(found)
            continue
        report.read += 1
        batch.append(found.model_dump())
        if len(batch) >= BATCH:
            _flush(store, batch, report)
    _flush(store, batch, report)
    report.other_schemata = skipped.count
    return report


def _flush(store: Store, batch: list[dict], report: LoadReport) -> None:
    added, replaced = table.add_entities(store, batch)
    report.added += added
    report.replaced += replaced
    batch.clear()
