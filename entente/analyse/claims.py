"""Claims: propositions ("Iran supplied Shahed drones to Russia") and who stands where on them.

    for claim in claims(store, dyad=("IRN", "RUS"), type="AID"): claim.verdict, claim.denied_by

Grouping: events make one proposition when they have the same source, target and type
(actor codes as in `Mention.code`), their items overlap (or neither has items), and each is
within 180 days of the proposition's latest event so far (a chain: reports a month apart
over a year stay one proposition). Items compare by canonical name, else category, else
words, lower-cased; an item named only generically ("missiles", "arms") overlaps items of
its kind ("Fath-360", a ballistic missile). Every status counts here, denials and negations included.

Sides, per event of the proposition:
- asserted_by: status `asserted`, not negated: the attribution's actors with stance
  "asserts", else the document (its name), which states it as fact;
- reported_by: status `reported` or `alleged`, not negated: the attribution's actors, else
  the document;
- denied_by: status `denied` (the event carries the denied act): the attribution's actors
  with stance "denies" and the sources of REJECT events in the same sentence, else the
  document; and a negated event ("did not deliver"): its attribution's actors, else the
  document;
- promised, planned and hypothetical events are listed but take no side.

Verdict: `uncontested` (support, no denial), `contested` (both), `denied_only` (denial, no
support), `unasserted` (only promises, plans or hypotheticals).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from entente.analyse.common import SOURCE_CODE, TARGET_CODE, code, dicts, iso, window
from entente.errors import UsageError
from entente.model import EVENT_TYPES
from entente.store import Store

WINDOW_DAYS = 180
# Generic item words that cover any weapon ("arms", "munitions"), and kinds that belong to a
# broader generic one (a loitering munition is a drone); "ballistic_missile" is a "missile"
# by its suffix.
WILDCARD_CATEGORIES = {"arms", "ammunition", "weapons", "military_equipment"}
CATEGORY_FAMILY = {"loitering_munition": "uav", "ucav": "uav", "combat_aircraft": "aircraft"}
SUPPORT = ("asserted", "reported", "alleged")


@dataclass
class Claim:
    source: str | None
    target: str | None
    type: str
    items: set[str] = field(default_factory=set)  # comparison keys
    categories: set[str] = field(default_factory=set)  # kinds of all its items
    generic: set[str] = field(default_factory=set)  # kinds of its items named only generically
    item_names: set[str] = field(default_factory=set)  # as shown
    asserted_by: set[str] = field(default_factory=set)
    reported_by: set[str] = field(default_factory=set)
    denied_by: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    first: date | None = None
    last: date | None = None

    @property
    def verdict(self) -> str:
        support = bool(self.asserted_by or self.reported_by)
        if support:
            return "contested" if self.denied_by else "uncontested"
        return "denied_only" if self.denied_by else "unasserted"

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "type": self.type,
            "items": sorted(self.item_names), "verdict": self.verdict,
            "asserted_by": sorted(self.asserted_by), "reported_by": sorted(self.reported_by),
            "denied_by": sorted(self.denied_by), "events": self.events,
            "first": iso(self.first), "last": iso(self.last),
        }

    def to_row(self) -> dict[str, Any]:
        data = self.to_dict()
        for key in ("items", "asserted_by", "reported_by", "denied_by"):
            data[key] = "; ".join(data[key])
        data["events"] = " ".join(data["events"])
        return data


_EVENTS_SQL = """
SELECT e.event_id, e.doc, e.day, e.type, e.status, e.negated, e.attribution,
       {source} AS src, {target} AS tgt,
       list(DISTINCT lower(coalesce(i.name, i.category, i.text))) FILTER (i.text IS NOT NULL)
           AS item_keys,
       list(DISTINCT coalesce(i.name, i.text)) FILTER (i.text IS NOT NULL) AS item_names,
       list(DISTINCT lower(i.category)) FILTER (i.text IS NOT NULL AND i.category IS NOT NULL)
           AS item_categories,
       list(DISTINCT lower(i.category)) FILTER (i.text IS NOT NULL AND i.name IS NULL
                                                AND i.category IS NOT NULL) AS generic_categories
FROM events e LEFT JOIN event_items i USING (event_id)
WHERE {where}
GROUP BY ALL
ORDER BY src NULLS LAST, tgt NULLS LAST, e.type, e.day NULLS LAST, e.event_id
"""

# The sources of REJECT events in the same sentence as a denied event: who denies it.
_REJECTERS_SQL = """
SELECT d.event_id, list(DISTINCT upper(coalesce(r.source_country, r.source_actor_id)))
FROM events d JOIN events r
  ON r.type = 'REJECT' AND r.event_id <> d.event_id AND r.sentence = d.sentence
 AND coalesce(r.doc_id, r.doc) = coalesce(d.doc_id, d.doc)
WHERE d.event_id IN (SELECT unnest(?)) AND r.source_actor_id IS NOT NULL
GROUP BY d.event_id
"""


def claims(store: Store, actor: str | None = None, dyad: tuple[str, str] | None = None,
           type: str | None = None, since: str | None = None, until: str | None = None,
           window_days: int = WINDOW_DAYS) -> list[Claim]:
    """Propositions of the events matching the filters, with their sides and verdict."""
    where, params = _filters(actor, dyad, type, since, until)
    rows = dicts(store, _EVENTS_SQL.format(source=SOURCE_CODE, target=TARGET_CODE, where=where),
                 params)
    denied = [r["event_id"] for r in rows if r["status"] == "denied"]
    rejecters = dict(store.con.execute(_REJECTERS_SQL, [denied]).fetchall()) if denied else {}
    found: list[Claim] = []
    open_claims: dict[tuple, list[Claim]] = {}
    for row in rows:
        key = (row["src"], row["tgt"], row["type"])
        claim = _matching(open_claims.setdefault(key, []), row, window_days)
        if claim is None:
            claim = Claim(row["src"], row["tgt"], row["type"])
            open_claims[key].append(claim)
            found.append(claim)
        _add(claim, row, rejecters.get(row["event_id"], []))
    return found


def _filters(actor, dyad, type, since, until) -> tuple[str, list[Any]]:
    where, params = window(since, until, column="e.day")
    clauses = [where]
    if actor:
        clauses.append(f"({SOURCE_CODE} = ? OR {TARGET_CODE} = ?)")
        params += [code(actor)] * 2
    if dyad:
        a, b = code(dyad[0]), code(dyad[1])
        clauses.append(f"(({SOURCE_CODE} = ? AND {TARGET_CODE} = ?) OR "
                       f"({SOURCE_CODE} = ? AND {TARGET_CODE} = ?))")
        params += [a, b, b, a]
    if type:
        if type.upper() not in EVENT_TYPES:
            raise UsageError(f"unknown event type {type!r}: use one of {', '.join(EVENT_TYPES)}")
        clauses.append("e.type = ?")
        params.append(type.upper())
    return " AND ".join(clauses), params


def _matching(candidates: list[Claim], row: dict[str, Any], window_days: int) -> Claim | None:
    """The latest proposition of the same key whose items overlap and whose last event is
    within the window (events come in date order; an undated event skips the window)."""
    keys = set(row["item_keys"] or [])
    for claim in reversed(candidates):
        items_match = _overlap(keys, row, claim) if keys or claim.items else True
        in_window = (row["day"] is None or claim.last is None
                     or row["day"] - claim.last <= timedelta(days=window_days))
        if items_match and in_window:
            return claim
    return None


def _overlap(keys: set[str], row: dict[str, Any], claim: Claim) -> bool:
    """Items overlap when they share a key, or when one side names items only generically
    ("missiles", "munitions") and the other side's items are of that kind: a denial of
    "sending missiles" answers the report of "Fath-360 missiles"."""
    if keys & claim.items:
        return True
    generic, categories = set(row["generic_categories"] or []), set(row["item_categories"] or [])
    return any(_covers(g, c) for g in generic for c in claim.categories) or \
        any(_covers(g, c) for g in claim.generic for c in categories)


def _covers(generic: str, category: str) -> bool:
    if generic in WILDCARD_CATEGORIES or generic == category:
        return True
    return CATEGORY_FAMILY.get(category) == generic or category.endswith("_" + generic)


def _add(claim: Claim, row: dict[str, Any], rejecters: list[str]) -> None:
    claim.events.append(row["event_id"])
    claim.items |= set(row["item_keys"] or [])
    claim.categories |= set(row["item_categories"] or [])
    claim.generic |= set(row["generic_categories"] or [])
    claim.item_names |= set(row["item_names"] or [])
    if row["day"] is not None:
        claim.first = min(filter(None, [claim.first, row["day"]]))
        claim.last = max(filter(None, [claim.last, row["day"]]))
    attribution = json.loads(row["attribution"]) if isinstance(row["attribution"], str) \
        else row["attribution"] or []
    document = [row["doc"]] if row["doc"] else []
    status = row["status"]
    if status == "denied":
        deniers = _actors(attribution, stance="denies") | set(rejecters)
        claim.denied_by |= deniers or set(document)
    elif row["negated"]:
        claim.denied_by |= _actors(attribution) or set(document)
    elif status == "asserted":
        claim.asserted_by |= _actors(attribution, stance="asserts") or set(document)
    elif status in SUPPORT:
        claim.reported_by |= _actors(attribution) or set(document)


def _actors(attribution: list[dict[str, Any]], stance: str | None = None) -> set[str]:
    return {a.upper() for part in attribution if stance is None or part.get("stance") == stance
            for a in part.get("actors") or []}
