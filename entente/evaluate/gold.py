"""Score a system's events against gold articles, by the rules of the evaluation README.

The rules, in short (the README is the reference):

- a system actor is its state code when it has `country`, else its `actor_id`, upper-case
  (`Mention.code`); gold codes are upper-cased too;
- a system event matches a gold event of the same article when source, target and type are
  equal, the type counting as equal when it is one of the gold event's `alt_types`; for
  CONSULT, COOPERATE and AGREE the direction is ignored; a missing target equals only a
  missing target;
- precision = share of system events matching some gold event (two system events matching
  the same gold event both count as correct); recall = share of gold events matched by some
  system event; key recall = the same over `key` events; F1 from the two;
- status accuracy and item recall are computed over pairs: each matched gold event is paired
  with its best matching system event (same status first, then items found, then the first
  in output order). A system event may serve several gold events, as duplicates may.
- an item is "found" when the gold item, case-folded and with spaces collapsed, occurs as a
  substring of some system item's `name` or `text` (so gold "Fath-360" is found in
  "Fath-360 missiles"); a gold event's items count only when all of them are found.

Only articles that have gold are scored; system documents without gold are listed in
`Report.unscored_docs`, not counted as false events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from entente.errors import InputError, InputProblem
from entente.evaluate.common import code_of, f1, rate
from entente.model import Event, EventType, Item, Mention, Status, content_hash

UNDIRECTED = frozenset({"CONSULT", "COOPERATE", "AGREE"})


# --- gold files ---------------------------------------------------------------------------


class GoldEvent(BaseModel):
    """One gold event; fields the scorer does not use (notes, quantity…) are kept but ignored."""

    model_config = ConfigDict(extra="allow", frozen=True)

    source: str
    target: str | None = None
    type: EventType
    status: Status = "asserted"
    mode: str | None = None
    items: list[str] = Field(default_factory=list)
    key: bool = False
    alt_types: list[EventType] = Field(default_factory=list)
    quote: str | None = None
    negated: bool = False

    @property
    def source_code(self) -> str:
        return self.source.upper()

    @property
    def target_code(self) -> str | None:
        return self.target.upper() if self.target else None


class GoldDoc(BaseModel):
    """A gold file: one article and the events a careful reader finds in it."""

    model_config = ConfigDict(extra="allow")

    article: str
    published: str | None = None
    actors: list[str] = Field(default_factory=list)
    events: list[GoldEvent]


def load_gold(path: str | Path) -> GoldDoc:
    """Read and validate one gold file; a broken file raises InputError naming the file."""
    path = Path(path)
    try:
        return GoldDoc.model_validate_json(path.read_text(encoding="utf-8"))
    except (OSError, ValidationError) as exc:
        raise InputError(InputProblem(str(path), f"not a valid gold file: {exc}")) from exc


def load_gold_dir(folder: str | Path) -> dict[str, GoldDoc]:
    """Every `*.json` gold file of a folder, keyed by its `article` name."""
    docs = (load_gold(p) for p in sorted(Path(folder).glob("*.json")))
    return {doc_key(d.article): d for d in docs}


def doc_key(name: str) -> str:
    """Documents are paired by file name, so a path on either side still pairs."""
    return Path(name).name


# --- system output ------------------------------------------------------------------------


def load_system_jsonl(path: str | Path) -> dict[str, list[Event]]:
    """Read system events in the README's output format, grouped by `doc`.

    Lenient on purpose: fields the model does not know are dropped (the README welcomes
    extra fields), a missing `event_id` is made up from the line, a mention without `text`
    borrows its name or code. A line that still does not validate raises InputError.
    """
    path = Path(path)
    by_doc: dict[str, list[Event]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        event = _event_from_line(line, str(path), number)
        by_doc.setdefault(doc_key(event.doc or ""), []).append(event)
    return by_doc


def _event_from_line(line: str, path: str, number: int) -> Event:
    try:
        data = json.loads(line)
        if not isinstance(data, dict) or not data.get("doc"):
            raise ValueError("each line must be a JSON object with a 'doc'")
        return Event.model_validate(_lenient_event(data, line))
    except (ValueError, ValidationError) as exc:  # JSONDecodeError is a ValueError
        raise InputError(InputProblem(path, f"not a system event: {exc}", number)) from exc


def _lenient_event(data: dict, line: str) -> dict:
    event = _known(Event, data)
    event.setdefault("event_id", content_hash(line))
    for role in ("source", "target"):
        if isinstance(event.get(role), dict):
            event[role] = _lenient_mention(event[role])
    event["items"] = [_known(Item, i) for i in event.get("items") or [] if isinstance(i, dict)]
    return event


def _lenient_mention(data: dict) -> dict:
    mention = _known(Mention, data)
    mention.setdefault("text", mention.get("name") or mention.get("actor_id") or "")
    if "actor_id" not in mention and mention.get("country"):
        mention["actor_id"] = mention["country"]
    return mention


def _known(model: type[BaseModel], data: dict) -> dict:
    return {k: v for k, v in data.items() if k in model.model_fields}


# --- matching -----------------------------------------------------------------------------


def event_matches(system: Event, gold: GoldEvent) -> bool:
    """README rule 2: same type (or an alt type), same actors; undirected types either way."""
    if system.type != gold.type and system.type not in gold.alt_types:
        return False
    pair = (code_of(system.source), code_of(system.target))
    wanted = (gold.source_code, gold.target_code)
    if pair == wanted:
        return True
    return system.type in UNDIRECTED and pair == wanted[::-1]


def items_found(system: Event, gold: GoldEvent) -> bool:
    """True when every gold item occurs in some system item's name or text (case-folded)."""
    haystack = [_norm(s) for item in system.items for s in (item.name, item.text) if s]
    return all(any(_norm(g) in h for h in haystack) for g in gold.items)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def best_pair(gold: GoldEvent, candidates: list[Event]) -> Event | None:
    """The matching system event that is fairest to pair: same status, then items found."""
    matching = [e for e in candidates if event_matches(e, gold)]
    if not matching:
        return None
    return max(matching, key=lambda e: (e.status == gold.status, items_found(e, gold)))


# --- report -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocScore:
    """One row of the per-document table."""

    doc: str
    n_system: int
    n_gold: int
    n_key: int
    matched_system: int
    matched_gold: int
    matched_key: int

    @property
    def precision(self) -> float | None:
        return rate(self.matched_system, self.n_system)

    @property
    def recall(self) -> float | None:
        return rate(self.matched_gold, self.n_gold)

    @property
    def key_recall(self) -> float | None:
        return rate(self.matched_key, self.n_key)


@dataclass(frozen=True)
class Miss:
    """A gold event no system event matched; `index` is its place in the gold file."""

    doc: str
    index: int
    event: GoldEvent

    @property
    def quote(self) -> str | None:
        return self.event.quote


@dataclass(frozen=True)
class FalseEvent:
    """A system event that matches no gold event of its article."""

    doc: str
    event: Event

    @property
    def sentence(self) -> str | None:
        return self.event.sentence


@dataclass(frozen=True)
class PairScore:
    """A matched gold event and the system event it was paired with, for status and items."""

    doc: str
    index: int
    gold: GoldEvent
    system: Event

    @property
    def status_ok(self) -> bool:
        return self.system.status == self.gold.status

    @property
    def items_ok(self) -> bool | None:
        """None when the gold event has no items (it does not count for item recall)."""
        return items_found(self.system, self.gold) if self.gold.items else None


@dataclass
class Report:
    """Micro-averaged figures over all scored articles, the per-article table and the errors."""

    documents: list[DocScore] = field(default_factory=list)
    pairs: list[PairScore] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    false_events: list[FalseEvent] = field(default_factory=list)
    unscored_docs: list[str] = field(default_factory=list)

    def _sum(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    # Totals are sums of the per-document rows, so the table and the totals never disagree.
    n_system = property(lambda self: self._sum("n_system"))
    n_gold = property(lambda self: self._sum("n_gold"))
    n_key = property(lambda self: self._sum("n_key"))
    matched_system = property(lambda self: self._sum("matched_system"))
    matched_gold = property(lambda self: self._sum("matched_gold"))
    matched_key = property(lambda self: self._sum("matched_key"))

    @property
    def precision(self) -> float | None:
        return rate(self.matched_system, self.n_system)

    @property
    def recall(self) -> float | None:
        return rate(self.matched_gold, self.n_gold)

    @property
    def f1(self) -> float | None:
        return f1(self.precision, self.recall)

    @property
    def key_recall(self) -> float | None:
        return rate(self.matched_key, self.n_key)

    @property
    def status_correct(self) -> int:
        return sum(p.status_ok for p in self.pairs)

    @property
    def status_accuracy(self) -> float | None:
        return rate(self.status_correct, len(self.pairs))

    @property
    def item_pairs(self) -> int:
        return sum(p.items_ok is not None for p in self.pairs)

    @property
    def item_found(self) -> int:
        return sum(p.items_ok is True for p in self.pairs)

    @property
    def item_recall(self) -> float | None:
        return rate(self.item_found, self.item_pairs)

    def totals(self) -> dict[str, int | float | None]:
        """The headline figures as plain data (for JSON output or a summary table)."""
        names = ("n_system", "n_gold", "n_key", "matched_system", "matched_gold", "matched_key",
                 "precision", "recall", "f1", "key_recall", "status_correct", "status_accuracy",
                 "item_pairs", "item_found", "item_recall")
        return {name: getattr(self, name) for name in names} | {"pairs": len(self.pairs)}


# --- scoring ------------------------------------------------------------------------------


def score_documents(system: dict[str, list[Event]], gold: dict[str, GoldDoc]) -> Report:
    """Score every gold article against the system events of the same name."""
    system = {doc_key(k): v for k, v in system.items()}
    report = Report(unscored_docs=sorted(set(system) - {doc_key(k) for k in gold}))
    for name, doc in sorted(gold.items()):
        _score_one(doc_key(name), system.get(doc_key(name), []), doc.events, report)
    return report


def _score_one(doc: str, events: list[Event], golds: list[GoldEvent], report: Report) -> None:
    pairs = [(i, g, best_pair(g, events)) for i, g in enumerate(golds)]
    report.pairs += [PairScore(doc, i, g, e) for i, g, e in pairs if e is not None]
    report.misses += [Miss(doc, i, g) for i, g, e in pairs if e is None]
    correct = [any(event_matches(e, g) for g in golds) for e in events]
    report.false_events += [FalseEvent(doc, e) for e, ok in zip(events, correct) if not ok]
    report.documents.append(DocScore(
        doc=doc,
        n_system=len(events),
        n_gold=len(golds),
        n_key=sum(g.key for g in golds),
        matched_system=sum(correct),
        matched_gold=sum(e is not None for _, _, e in pairs),
        matched_key=sum(e is not None and g.key for _, g, e in pairs),
    ))
