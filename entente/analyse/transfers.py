"""The arms-transfer register: one row per supplier, recipient and system, like SIPRI's.

    for row in transfers(store, supplier="IRN"): row.system, row.status, row.sources

Rows come from AID events of mode `military` and their items (one row per item; an event
without items gives a row with no system). Reports of the same supplier, recipient and
system merge into one row; systems compare by canonical item name, else category, else the
item's words, lower-cased. `system` shows the name, else the words of the earliest report.
Every status is read except `hypothetical`.

- quantity: the largest any report gives;
- first_reported / last_reported: the dates of the earliest and latest reports;
- status, by the first rule that holds:
  1. `delivered`: a report states the transfer as fact (asserted, not negated), and no
     negated report is as late or later;
  2. `undelivered`: a report says it did not happen ("has yet to supply", "did not deliver"),
     whatever it was (promised, stated, reported), e.g. a promise with a later negated report;
  3. `denied`: a report is a denial;
  4. `reported`: only reported or alleged by others;
  5. `ordered`: planned (an agreement or order not yet carried out);
  6. `promised`: promised.
- sources: every report: document, date, status, negated, the attribution's words, event id.

The rows are what arms-control and sanctions checks (entente/check/) will read; a later
`entente transfers --check` adds their findings beside each row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from entente.analyse.common import SOURCE_CODE, TARGET_CODE, code, dicts, window
from entente.store import Store

STATUSES = ("delivered", "undelivered", "denied", "reported", "ordered", "promised")


@dataclass
class TransferRow:
    supplier: str | None
    recipient: str | None
    system: str | None
    category: str | None
    quantity: float | None
    status: str
    first_reported: str | None
    last_reported: str | None
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"supplier": self.supplier, "recipient": self.recipient, "system": self.system,
                "category": self.category, "quantity": self.quantity, "status": self.status,
                "first_reported": self.first_reported, "last_reported": self.last_reported,
                "sources": self.sources}

    def to_row(self) -> dict[str, Any]:
        data = self.to_dict()
        shown = [(s["doc"] or s["event_id"])
                 + (f" ({', '.join(s['attribution'])})" if s["attribution"] else "")
                 for s in self.sources]
        data["sources"] = "; ".join(dict.fromkeys(shown))  # each once, in date order
        return data


_REGISTER_SQL = """
WITH aid AS (
    SELECT e.event_id, e.doc, e.date, e.day, e.status, e.negated, e.attribution,
           {source} AS supplier, {target} AS recipient
    FROM events e
    WHERE e.type = 'AID' AND e.mode = 'military' AND e.status <> 'hypothetical' AND {where}
), reports AS (
    SELECT aid.*, i.name, i.text AS item_text, i.category, i.quantity,
           CASE WHEN i.name IS NOT NULL THEN 'name:' || lower(i.name)
                WHEN i.category IS NOT NULL THEN 'category:' || lower(i.category)
                WHEN i.text IS NOT NULL THEN 'text:' || lower(i.text)
                ELSE '' END AS system_key
    FROM aid LEFT JOIN event_items i USING (event_id)
)
SELECT supplier, recipient,
       coalesce(mode(name), arg_min(item_text, coalesce(day, DATE '9999-12-31'))) AS system,
       mode(category) AS category,
       max(quantity) AS quantity,
       min(day) AS first_day, arg_min(date, day) AS first_reported,
       arg_max(date, day) AS last_reported,
       count(DISTINCT event_id) FILTER (status = 'asserted' AND NOT negated) AS stated,
       max(day) FILTER (status = 'asserted' AND NOT negated) AS last_stated,
       count(DISTINCT event_id) FILTER (negated) AS negated,
       max(day) FILTER (negated) AS last_negated,
       count(DISTINCT event_id) FILTER (status = 'denied' AND NOT negated) AS denied,
       count(DISTINCT event_id) FILTER (status IN ('reported', 'alleged') AND NOT negated)
           AS reported,
       count(DISTINCT event_id) FILTER (status = 'planned' AND NOT negated) AS planned,
       count(DISTINCT event_id) FILTER (status = 'promised' AND NOT negated) AS promised,
       list(DISTINCT {{'event_id': event_id, 'doc': doc, 'date': date, 'day': day,
                       'status': status, 'negated': negated,
                       'attribution': json_extract_string(attribution, '$[*].text')}})
           AS sources
FROM reports
GROUP BY supplier, recipient, system_key
ORDER BY supplier NULLS LAST, recipient NULLS LAST, first_day NULLS LAST, system
"""


def transfers(store: Store, supplier: str | None = None, recipient: str | None = None,
              since: str | None = None, until: str | None = None) -> list[TransferRow]:
    """The register, one row per (supplier, recipient, system) among the matching reports."""
    where, params = window(since, until, column="e.day")
    clauses = [where]
    for role, value in ((SOURCE_CODE, supplier), (TARGET_CODE, recipient)):
        if value:
            clauses.append(f"{role} = ?")
            params.append(code(value))
    sql = _REGISTER_SQL.format(source=SOURCE_CODE, target=TARGET_CODE,
                               where=" AND ".join(clauses))
    return [_row(r) for r in dicts(store, sql, params)]


def _row(r: dict[str, Any]) -> TransferRow:
    sources = sorted(r["sources"], key=lambda s: (s["day"] or date.max, s["event_id"]))
    return TransferRow(
        supplier=r["supplier"], recipient=r["recipient"], system=r["system"],
        category=r["category"], quantity=r["quantity"], status=transfer_status(r),
        first_reported=r["first_reported"], last_reported=r["last_reported"],
        sources=[{"doc": s["doc"], "date": s["date"], "status": s["status"],
                  "negated": s["negated"], "attribution": list(s["attribution"] or []),
                  "event_id": s["event_id"]} for s in sources])


def transfer_status(r: dict[str, Any]) -> str:
    """The rules of the module doc, from the report counts and latest dates of one row."""
    if r["stated"] and (not r["negated"] or _later(r["last_stated"], r["last_negated"])):
        return "delivered"
    if r["negated"]:
        return "undelivered"
    if r["denied"]:
        return "denied"
    if r["reported"]:
        return "reported"
    if r["planned"]:
        return "ordered"
    return "promised"


def _later(a: date | None, b: date | None) -> bool:
    return a is not None and b is not None and a > b
