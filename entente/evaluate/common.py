"""Small pieces the three scorers share: rates, the extractor's signature, event summaries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from entente.errors import EntenteError, InputError, InputProblem
from entente.model import Event, Mention

Extractor = Callable[[str, "str | None"], list[Event]]
"""`extract(text, date)`: run the extractor on one sentence; date is ISO (YYYY-MM-DD) or None."""


def load_records(path: str | Path) -> list[dict]:
    """Benchmark records (PETRARCH, PLOVER) from JSON Lines, as plain dicts; a missing file or
    a line that is no JSON object is an error naming the file and the line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(InputProblem(str(path), f"cannot read: {exc}")) from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise InputError(InputProblem(str(path), f"not JSON Lines: {exc}", number)) from exc
        if not isinstance(record, dict):
            raise InputError(InputProblem(str(path), "each line must be a JSON object", number))
        records.append(record)
    return records


def rate(part: int, whole: int) -> float | None:
    """A share, or None when there is nothing to take a share of (shown as '–', not as 0)."""
    return part / whole if whole else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean; None when either side is undefined."""
    if precision is None or recall is None:
        return None
    if precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def code_of(mention: Mention | None) -> str | None:
    """The code scoring uses for a system actor (state first), or None when there is no actor."""
    return mention.code if mention is not None else None


@dataclass(frozen=True)
class Part:
    """One figure of a benchmark: `correct` out of `total`, and the rate."""

    name: str
    total: int
    correct: int

    @property
    def rate(self) -> float | None:
        return rate(self.correct, self.total)


@dataclass(frozen=True)
class SystemEventView:
    """What a failure report shows of a system event: enough to see why it missed."""

    source: str | None
    target: str | None
    type: str
    cameo: str | None
    mode: str | None
    source_text: str | None
    target_text: str | None

    @classmethod
    def of(cls, event: Event) -> "SystemEventView":
        return cls(
            source=code_of(event.source),
            target=code_of(event.target),
            type=event.type,
            cameo=event.cameo,
            mode=event.mode,
            source_text=event.source.text if event.source else None,
            target_text=event.target.text if event.target else None,
        )


def iso_date(raw: str | None) -> str | None:
    """'19950101' → '1995-01-01' (the benchmarks' compact dates); anything else passes through."""
    if raw and len(raw) == 8 and raw.isdigit():
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return raw or None


def run_extractor(extract: Extractor, record: dict) -> list[Event]:
    """Run the extractor on one benchmark record; an EntenteError counts as 'no events'."""
    try:
        return extract(record["text"], iso_date(record.get("date")))
    except EntenteError:
        return []
