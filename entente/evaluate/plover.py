"""Score the extractor on the PLOVER gold-standard sentences (see eval/plover/README.md).

Each record holds one hand-coded event. The system's events for the sentence are reduced to
one: the event whose source and target agree with the gold actor and recipient (most
agreements first), then the first in output order. On that event:

- type: the event's PLOVER reading (`Ontology.plover_type`: `Event.type`, except that a
  cooperative act promised or planned is an intention, AGREE, and an agreement signed is
  SUPPORT, as the manual codes them) equals
  the record's `event_current` (the 0.5b1 category mapped to today's 16 types);
- actor / recipient: the system source / target agrees with one of the gold actors /
  recipients; for CONSULT, COOPERATE and AGREE the direction is ignored, as in the gold
  scoring rules. Agreement: the same code (legacy codes JAP, ITL, VTN read as JPN, ITA,
  VNM), or, because the PLOVER codes lump organisations together (`IGO`, `NGO`, `IMG`,
  `ISM`) and our codes do not, the same words: the gold actor's text and the system
  mention's text or name, case-folded, equal or one inside the other at word boundaries;
- mode (records with a gold mode only): the system mode equals the 0.5b1 mode or its head
  before a hyphen (`strike-hun` → `strike`); the README calls these modes hints.

`type_any` also counts records where any system event has the gold type.

The records' dates are all the placeholder 2000-01-01 (the folder README says so), so the
sentences are read undated: a person the dictionary knows speaks for the one state they ever
served, rather than for no one because the placeholder falls outside their terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from entente.evaluate.common import Extractor, Part, SystemEventView, run_extractor
from entente.evaluate.gold import UNDIRECTED
from entente.knowledge.plover import load_plover
from entente.model import Event, Mention

LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
GROUP_CODES = frozenset({"IGO", "NGO", "IMG", "ISM"})


# --- actor agreement ------------------------------------------------------------------------


def gold_code(actor: dict) -> str:
    code = (actor.get("code") or "").upper()
    return LEGACY_CODES.get(code, code)


def actor_agrees(mention: Mention | None, gold: list[dict]) -> bool:
    """Does the system mention stand for one of the gold actors (by code or by words)?"""
    if mention is None:
        return False
    return any(_same_code(mention, g) or _same_words(mention, g) for g in gold)


def _same_code(mention: Mention, gold: dict) -> bool:
    code = gold_code(gold)
    return code not in GROUP_CODES and mention.code == code


def _same_words(mention: Mention, gold: dict) -> bool:
    wanted = _norm(gold.get("text") or "")
    return bool(wanted) and any(
        _contains(wanted, _norm(t)) or _contains(_norm(t), wanted)
        for t in (mention.text, mention.name) if t
    )


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def plover_type(event: Event) -> str:
    """The event's type as PLOVER's codebook gives it (AGREE for an intended cooperative act,
    SUPPORT for an agreement signed)."""
    return load_plover().plover_type(event.type, event.status, event.negated, event.mode)


def dyad_agreement(event: Event, record: dict) -> tuple[bool, bool]:
    """(actor agrees, recipient agrees), taking the better direction for undirected types."""
    forward = (actor_agrees(event.source, record["actor"]),
               actor_agrees(event.target, record["recipient"]))
    if plover_type(event) not in UNDIRECTED:
        return forward
    backward = (actor_agrees(event.target, record["actor"]),
                actor_agrees(event.source, record["recipient"]))
    return max(forward, backward, key=sum)


def choose_event(events: list[Event], record: dict) -> Event | None:
    """The system event to score: most actor agreements, then the first."""
    return max(events, key=lambda e: sum(dyad_agreement(e, record)), default=None)


def mode_agrees(system: str | None, gold: str) -> bool:
    if not system:
        return False
    system, gold = system.casefold(), gold.casefold()
    return system in {gold, gold.split("-")[0]}


# --- report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PloverFailure:
    """A record where the chosen system event got some figure wrong."""

    id: str
    text: str
    gold_type: str
    gold_actors: list[str]
    gold_recipients: list[str]
    gold_mode: str | None
    chosen: SystemEventView | None
    n_events: int
    failed: tuple[str, ...]


@dataclass
class PloverReport:
    """Figures by name (type, type_any, actor, recipient, mode) and the failures."""

    parts: dict[str, Part] = field(default_factory=dict)
    failures: list[PloverFailure] = field(default_factory=list)
    n_records: int = 0


def score_plover(records: list[dict], extract: Extractor) -> PloverReport:
    """Run `extract(text, date)` on every record and score the chosen event.

    An EntenteError raised by the extractor counts as "no events"; others propagate.
    """
    checks = [_check(r, run_extractor(extract, {**r, "date": None})) for r in records]
    report = PloverReport(n_records=len(records))
    for name in ("type", "type_any", "actor", "recipient", "mode"):
        scored = [c[name] for c, _ in checks if c.get(name) is not None]
        report.parts[name] = Part(name, len(scored), sum(scored))
    report.failures = [f for _, f in checks if f is not None]
    return report


def _check(record: dict, events: list[Event]) -> tuple[dict[str, bool | None], PloverFailure | None]:
    """Score one record: each figure is True, False, or None when the gold lacks it."""
    chosen = choose_event(events, record)
    actor_ok, recipient_ok = dyad_agreement(chosen, record) if chosen else (False, False)
    gold_type, gold_mode = record["event_current"], record.get("mode")
    checks = {
        "type": chosen is not None and plover_type(chosen) == gold_type,
        "type_any": any(plover_type(e) == gold_type for e in events),
        "actor": actor_ok if record["actor"] else None,
        "recipient": recipient_ok if record["recipient"] else None,
        "mode": mode_agrees(chosen.mode if chosen else None, gold_mode) if gold_mode else None,
    }
    failed = tuple(name for name, ok in checks.items() if ok is False)
    if not failed:
        return checks, None
    return checks, PloverFailure(
        id=record["id"], text=record["text"], gold_type=gold_type,
        gold_actors=[gold_code(a) for a in record["actor"]],
        gold_recipients=[gold_code(a) for a in record["recipient"]],
        gold_mode=gold_mode, chosen=SystemEventView.of(chosen) if chosen else None,
        n_events=len(events), failed=failed,
    )
