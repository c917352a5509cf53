"""Check one transfer against every provision: does it apply, was it in force, is the item covered.

Each provision gets a verdict with its reasons, so a reader can see why: "para 4 ended on
2023-10-18", "range 120 km < 300 km". A verdict is `unknown` only when a fact it needs is
missing, never because a rule was skipped.

    result = check_transfer("IRN", "RUS", "Fath-360", "2024-09")
    result.summary
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from entente.check.items import ItemFacts, coverage, resolve_item
from entente.check.parties import Party, party_of, resolve_party
from entente.errors import UsageError
from entente.knowledge.regimes import Force, Provision, RegimeBook, day_span, load_regimes
from entente.knowledge.weapons import WeaponCatalog, load_weapons
from entente.model import Event, Item
from entente.store import Store
from entente.values import parse_date

Result = Literal["restricted", "not_restricted", "out_of_scope", "disputed", "unknown"]
RESULTS: tuple[str, ...] = Result.__args__  # type: ignore[attr-defined]


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Transfer(_Out):
    """The transfer as checked: the two sides, the date and the days it spans."""

    supplier: str | None
    supplier_name: str | None
    recipient: str | None
    recipient_name: str | None
    date: str | None
    first_day: str | None
    last_day: str | None
    event_id: str | None = None
    status: str | None = None


class Verdict(_Out):
    """One provision's answer for the transfer, with the reasons that lead to it."""

    id: str
    regime: str
    provision: str
    binds: str
    applies: bool | None
    in_force: bool | None
    covered: bool | None
    result: Result
    reasons: list[str]
    source: str


class CheckResult(_Out):
    """Everything `entente check` prints: the transfer, the item, a verdict per provision, a summary."""

    transfer: Transfer
    item: dict
    verdicts: list[Verdict]
    summary: str

    def to_json(self) -> dict:
        return self.model_dump(mode="json")


def check_transfer(supplier: str | None, recipient: str | None, item: str | Item | None,
                   date: str | None, *, book: RegimeBook | None = None,
                   catalog: WeaponCatalog | None = None) -> CheckResult:
    """Check a transfer given as codes or names, an item name and an ISO date of any precision."""
    return _check(resolve_party(supplier), resolve_party(recipient), item, _clean_date(date),
                  book or load_regimes(), catalog or load_weapons())


def check_event(event: Event, *, book: RegimeBook | None = None,
                catalog: WeaponCatalog | None = None) -> list[CheckResult]:
    """One result per item of a stored event (source = supplier, target = recipient)."""
    book, catalog = book or load_regimes(), catalog or load_weapons()
    supplier, recipient = party_of(event.source), party_of(event.target)
    return [_check(supplier, recipient, item, _clean_date(event.date), book, catalog,
                   event_id=event.event_id, status=_status(event))
            for item in (event.items or [None])]


def check_stored_event(store: Store, event_id: str, **knowledge) -> list[CheckResult]:
    """`check_event` for an event in the store, by id; an unknown id is the caller's error."""
    event = store.event(event_id)
    if event is None:
        raise UsageError(f"no event {event_id!r} in {store.path}")
    return check_event(event, **knowledge)


def _status(event: Event) -> str:
    return event.status + (" (negated)" if event.negated else "")


def _clean_date(text: str | None) -> str | None:
    """ISO of any precision passes; "September 2024" is read; anything else is refused."""
    if text is None or not text.strip():
        return None
    found = parse_date(text)
    if found is None:
        raise UsageError(f"{text!r} is not a date (give YYYY, YYYY-MM or YYYY-MM-DD)")
    return found[0]


def _check(supplier: Party | None, recipient: Party | None, item: str | Item | None,
           when: str | None, book: RegimeBook, catalog: WeaponCatalog,
           event_id: str | None = None, status: str | None = None) -> CheckResult:
    span = day_span(when) if when else None
    transfer = Transfer(
        supplier=supplier and supplier.code, supplier_name=supplier and supplier.name,
        recipient=recipient and recipient.code, recipient_name=recipient and recipient.name,
        date=when, first_day=span and span[0].isoformat(), last_day=span and span[1].isoformat(),
        event_id=event_id, status=status)
    facts = resolve_item(item, catalog)
    verdicts = [_verdict(p, transfer, span, facts, book) for p in book.provisions]
    labels = {p.id: f"{book.regime(p.regime).label} {p.provision}" for p in book.provisions}
    return CheckResult(transfer=transfer, item=facts.to_json(), verdicts=verdicts,
                       summary=summarise(transfer, facts, verdicts, labels))


def _verdict(provision: Provision, transfer: Transfer, span: tuple[date, date] | None,
             item: ItemFacts, book: RegimeBook) -> Verdict:
    applies, why = _applies(provision, transfer, span, book)
    reasons = [why]
    force = covered = None
    if applies is False:
        result = "out_of_scope"
    else:
        force = provision.in_force(*span) if span else Force(None)
        reasons.append(_force_reason(provision, force, transfer.date, span))
        covered, why = coverage(provision, item, book)
        reasons.append(why)
        result = _result(applies, force, covered)
    regime = book.regime(provision.regime)
    return Verdict(id=provision.id, regime=regime.name, provision=provision.provision,
                   binds=provision.binds, applies=applies,
                   in_force=None if force is None else force.value, covered=covered,
                   result=result, reasons=reasons, source=provision.sources[0])


def _result(applies: bool | None, force: Force, covered: bool | None) -> Result:
    if force.value is False or covered is False:
        return "not_restricted"
    if applies is None or force.value is None or covered is None:
        return "unknown"
    return "disputed" if force.period and force.period.disputed_by else "restricted"


def _applies(provision: Provision, transfer: Transfer, span, book: RegimeBook) -> tuple[bool | None, str]:
    """Is the transfer one the provision is about: the right state, direction and counterpart?"""
    state, direction = provision.state, provision.direction
    supplier, recipient = transfer.supplier, transfer.recipient
    if direction == "none":
        return False, f"about {state}'s own activity, not transfers"
    if direction == "by_members":
        return _member_supplier(provision, transfer, span, book)
    ends = {"to": [recipient], "from": [supplier], "to_or_from": [supplier, recipient]}[direction]
    wanted = {"to": f"transfers to {state}", "from": f"transfers from {state}",
              "to_or_from": f"transfers to or from {state}"}[direction]
    if state in ends:
        matched = "recipient" if recipient == state and direction != "from" else "supplier"
        return _counterpart(provision, transfer, matched, wanted)
    if None in ends:
        return None, f"covers {wanted}; the {'recipient' if recipient is None else 'supplier'} is unknown"
    return False, f"covers {wanted}; this is {supplier or '?'} → {recipient or '?'}"


def _counterpart(provision: Provision, transfer: Transfer, matched: str, wanted: str) -> tuple[bool | None, str]:
    if not provision.counterparts:
        return True, f"covers {wanted}; the {matched} is {provision.state}"
    other = transfer.recipient if matched == "supplier" else transfer.supplier
    wanted += (" to " if matched == "supplier" else " from ") + ", ".join(provision.counterparts)
    if other is None:
        return None, f"covers {wanted}; the other side is unknown"
    if other in provision.counterparts:
        return True, f"covers {wanted}; this is {transfer.supplier} → {transfer.recipient}"
    return False, f"covers {wanted} only; this is {transfer.supplier} → {transfer.recipient}"


def _member_supplier(provision: Provision, transfer: Transfer, span, book: RegimeBook) -> tuple[bool | None, str]:
    """A club rule (the MTCR) guides its members' exports: is the supplier a member on the date?"""
    regime = book.regime(provision.regime)
    if transfer.supplier is None:
        return None, f"guides exports by {regime.name} members; the supplier is unknown"
    member = regime.member(transfer.supplier)
    if member is None:
        return False, (f"guides exports by {regime.name} members; {transfer.supplier} is not one "
                       "(a member's imports are not covered)")
    joined = member.period.over(*span) if span else Force(None)
    if joined.value is False:
        return False, f"{transfer.supplier} joined the {regime.name} on {member.since}, after this date"
    if joined.value is None:
        return None, f"{transfer.supplier} joined the {regime.name} in {member.since}; the date leaves open whether before"
    return True, f"guides exports by {regime.name} members; {transfer.supplier} is one since {member.since}"


def _force_reason(provision: Provision, force: Force, when: str | None,
                  span: tuple[date, date] | None) -> str:
    periods = provision.describe_force()
    if when is None or span is None:
        return f"no date given: cannot tell whether it was in force ({periods})"
    if force.value is True:
        period = force.period
        disputed = f"; its force is disputed by {', '.join(period.disputed_by)}" if period.disputed_by else ""
        return f"in force on {when} ({period.describe()}){disputed}"
    if force.value is False:
        return _not_in_force(provision, when, span)
    if force.changes:
        days = ", ".join(d.isoformat() for d in force.changes)
        return (f"its force changes inside {when} ({span[0]} to {span[1]}), on {days} "
                f"({force.period.describe()}): a more precise date would settle it")
    if force.period is not None and force.period.renewal:
        return (f"in force until {force.period.until} by the last renewal recorded here; renewed "
                f"{force.period.renewal}ly, so whether it ran on {when} is not recorded")
    return f"the date {when} leaves open whether it was in force ({periods})"


def _not_in_force(provision: Provision, when: str, span: tuple[date, date]) -> str:
    """"ended on 2023-10-18, before 2024-09" reads better than the list of periods."""
    starts = [day_span(p.start)[0] for p in provision.force]
    ends = [day_span(p.until)[0] for p in provision.force if p.until]
    if min(starts) > span[1]:
        return f"not yet in force on {when}: in force {provision.describe_force()}"
    if len(ends) == len(provision.force) and max(ends) <= span[0]:
        return f"ended on {max(ends).isoformat()}, before {when} ({provision.describe_force()})"
    return f"not in force on {when} ({provision.describe_force()})"


# -- summary -------------------------------------------------------------------------------

def summarise(transfer: Transfer, item: ItemFacts, verdicts: list[Verdict], labels: dict[str, str]) -> str:
    """One line: binding restrictions first, then disputed, unilateral, political, open ones."""
    head = (f"{item.name or 'unknown item'}, {transfer.supplier or '?'} → {transfer.recipient or '?'}, "
            f"{transfer.date or 'undated'}: ")

    def by(result: str, *binds: str) -> list[str]:
        return [labels[v.id] for v in verdicts if v.result == result and (not binds or v.binds in binds)]

    parts = []
    if item.name is not None and not item.known and item.category is None:
        parts.append(f"{item.name!r} is not in the weapons catalogue, so its coverage is unknown")
    if restricted := by("restricted", "binding", "contested"):
        parts.append("restricted by " + "; ".join(restricted))
    elif disputed := by("disputed"):
        parts.append("restricted only by Security Council provisions whose force is disputed: "
                     + "; ".join(disputed))
    elif not by("unknown", "binding", "contested") and any(
            v.binds == "binding" and v.applies is not False for v in verdicts):
        parts.append("not restricted by any Security Council provision")
    if unilateral := by("restricted", "unilateral"):
        parts.append("unilateral measures apply: " + "; ".join(unilateral))
    if political := by("restricted", "political"):
        parts.append("within the export guidelines of " + "; ".join(political))
    parts += _open(verdicts, labels)
    parts = [part[0].upper() + part[1:] for part in parts] or ["No provision restricts this transfer"]
    return head + ". ".join(parts) + "."


def _open(verdicts: list[Verdict], labels: dict[str, str]) -> list[str]:
    """Unknown verdicts grouped by the missing fact: the date, the item or a side."""
    wants: dict[str, list[str]] = {}
    for v in verdicts:
        if v.result == "unknown":
            need = ("the other side of the transfer" if v.applies is None else
                    "a more precise date" if v.in_force is None else "facts about the item")
            wants.setdefault(need, []).append(labels[v.id])
    return [f"open for want of {need}: " + "; ".join(names) for need, names in wants.items()]
