"""Arms-control checks over the transfer register: one `check_transfer` per row.

    for row, result in checked_rows(rows): verdict_line(result)

A row the check cannot read (say, a date it refuses) gets no result, never an exception.
"""

from __future__ import annotations

from typing import Any

from entente.analyse.transfers import TransferRow
from entente.check import CheckResult, check_transfer
from entente.errors import EntenteError
from entente.knowledge.regimes import load_regimes
from entente.knowledge.weapons import load_weapons


def checked_rows(rows: list[TransferRow]) -> list[tuple[TransferRow, CheckResult | None]]:
    """Each row with its check (supplier, recipient, system, first reported date)."""
    book, catalog = load_regimes(), load_weapons()
    found = []
    for row in rows:
        try:
            result = check_transfer(row.supplier, row.recipient, row.system, row.first_reported,
                                    book=book, catalog=catalog)
        except EntenteError:
            result = None
        found.append((row, result))
    return found


def overall(result: CheckResult | None) -> str:
    """One word for the Security Council provisions: restricted, disputed, unknown or not
    restricted; "+ unilateral" when unilateral measures restrict it too."""
    if result is None:
        return "not checked"
    binding = [v for v in result.verdicts if v.binds in ("binding", "contested")]
    results = {v.result for v in binding}
    word = ("restricted" if "restricted" in results else "disputed" if "disputed" in results
            else "unknown" if "unknown" in results else "not restricted")
    if any(v.binds == "unilateral" and v.result == "restricted" for v in result.verdicts):
        word += " + unilateral"
    return word


def verdict_line(result: CheckResult | None) -> str:
    """The verdict word and the check's summary without its repeated head."""
    if result is None:
        return "not checked"
    tail = result.summary.split(": ", 1)[-1]
    return f"{overall(result)}: {tail}"


def register_with_checks(rows: list[TransferRow]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(JSON rows with a "check" object, flat rows with a "check" summary column)."""
    data, flat = [], []
    for row, result in checked_rows(rows):
        data.append({**row.to_dict(), "check": result.to_json() if result else None})
        flat.append({**row.to_row(), "check": verdict_line(result)})
    return data, flat
