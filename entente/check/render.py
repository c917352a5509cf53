"""The check as the terminal shows it: the item's facts, a table of verdicts, the summary.

JSON needs no help (`CheckResult.to_json`); this is only for `--format table`.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from entente.check.transfer import CheckResult

_MARK = {True: "yes", False: "no", None: "?"}
_STYLE = {"restricted": "red", "disputed": "yellow", "unknown": "magenta",
          "not_restricted": "green", "out_of_scope": "dim"}


def _side(code: str | None, name: str | None) -> str:
    if code is None:
        return "?"
    return f"{code} ({name})" if name and name != code else code


def item_line(result: CheckResult) -> str:
    item = result.item
    if not item["known"]:
        what = item["category"].replace("_", " ") if item["category"] else "not in the weapons catalogue"
        return f"item: {item['name'] or 'none given'} ({what})"
    facts = [item["category"].replace("_", " "), f"producer {item['producer']}"]
    for key, unit in (("range_km", "km"), ("payload_kg", "kg")):
        span = item[key]
        if span:
            figure = f"{span['min']:g}" if span["min"] == span["max"] else f"{span['min']:g}–{span['max']:g}"
            facts.append(f"{key.split('_')[0]} {figure} {unit}")
    facts.append(f"MTCR {item['mtcr_category'] or '?'}")
    return f"item: {item['name']}: " + ", ".join(facts)


def check_view(result: CheckResult) -> Group:
    """One block per applicable verdict (result, then why); out-of-scope provisions on one line.

    Blocks rather than a table: the reasons are sentences and must stay readable in 80 columns.
    """
    transfer = result.transfer
    parts = [Text(f"{_side(transfer.supplier, transfer.supplier_name)} → "
                  f"{_side(transfer.recipient, transfer.recipient_name)}, {transfer.date or 'undated'}"
                  + (f"  (event {transfer.event_id}, {transfer.status})" if transfer.event_id else ""),
                  style="bold"),
             Text(item_line(result)), Text("")]
    outside = []
    for v in result.verdicts:
        if v.result == "out_of_scope":
            outside.append(v.id)
            continue
        block = Text()
        block.append(f"{v.result:<15}", style=_STYLE[v.result])
        block.append(f"{v.regime} {v.provision}", style="bold")
        block.append(f"  [{v.id}, {v.binds}]", style="dim")
        labels = ("applies", "in force", "covered")
        marks = (v.applies, v.in_force, v.covered)
        for label, mark, reason in zip(labels, marks, v.reasons):
            block.append(f"\n  {label} {_MARK[mark]}: {reason}")
        block.append(f"\n  source: {v.source}", style="dim")
        parts.append(block)
    if outside:
        parts.append(Text("out of scope: " + ", ".join(outside), style="dim"))
    parts.append(Text(result.summary, style="bold"))
    return Group(*parts)
