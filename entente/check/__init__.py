"""Arms-control checks: a transfer against the dated provisions of `regimes.yaml`.

`check_transfer(supplier, recipient, item, date)` is the one entry point for the CLI, the
transfers register and the API; `check_event(event)` checks a stored event's items.
"""

from entente.check.transfer import (
    RESULTS, CheckResult, Transfer, Verdict, check_event, check_stored_event, check_transfer,
)

__all__ = ["RESULTS", "CheckResult", "Transfer", "Verdict", "check_event", "check_stored_event", "check_transfer"]
