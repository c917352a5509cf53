"""Score the extractor on the PETRARCH validation records (see eval/petrarch/README.md).

Two parts, scored differently because their codes mean different things:

- **news** (UniversalPetrarch GSR, real CAMEO): each expected event is aligned with the
  system event that agrees with it on most of source, target and CAMEO root (ties: the
  first). Source and target agree when the system code equals the expected code's first
  three letters (its state) or a known alias of an organisation code in it (`IGOUNO` → `UN`,
  `PSEREBHMS` → `HAMAS`, see `ALIASES`). CAMEO root = first two digits of `Event.cameo`.
  An expected event is *matched* when source, target and root all agree on that one event.
  The PLOVER type the README derives for each expected event is compared to the event's
  PLOVER reading (`Ontology.plover_type`: a promised or planned cooperative act is AGREE).
- **unit** (petrarch2 unit tests, fictional actors, WEIS-like codes): event codes are not
  compared, only who acts on whom. An expected event is matched when one system event
  agrees on both source and target. With an actor dictionary (`load_actor_dictionary`), a
  system mention also agrees when its text names an actor of that code (the tests' actors
  are fictional: a real-world resolver cannot code them).

In both parts: `---…` (no actor named) and `###` (a discarded actor) agree with anything,
including no actor; a quoted phrase (an actor taken from the text) agrees with a mention
whose text or name is that phrase. A record is *correct* when all its expected events are
matched, or, when it expects none (no event or an input error), when the system returns none.
All records are scored, including the three that PETRARCH leaves out of its own run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from entente.evaluate.common import Extractor, Part, SystemEventView, run_extractor
from entente.evaluate.plover import plover_type
from entente.model import Event, Mention

NEWS_SUITE = "UniversalPetrarch/"
COMPOUND_CATEGORIES = ("COMPOUND", "COMPOUNDx")
WILDCARDS = ("---", "###")
ALIASES = {  # 3-letter CAMEO segments of organisation codes → entente codes
    "UNO": {"UN", "UNSC"}, "EEC": {"EU"}, "EEU": {"EU"}, "EUR": {"EU"}, "NAT": {"NATO"},
    "HMS": {"HAMAS"}, "HEZ": {"HEZBOLLAH"}, "IAE": {"IAEA"},
}


def is_news(record: dict) -> bool:
    return record.get("suite", "").startswith(NEWS_SUITE)


# --- the unit tests' actor dictionary -------------------------------------------------------


@dataclass(frozen=True)
class ActorDictionary:
    """Phrases of PETR.Validate.actors.txt and the actor roots (3 letters) they stand for."""

    entries: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = ()

    def roots_in(self, text: str | None) -> set[str]:
        """Roots of every dictionary actor named in the text."""
        if not text:
            return set()
        return {root for pattern, roots in self.entries if pattern.search(text) for root in roots}


def load_actor_dictionary(path: str | Path) -> ActorDictionary:
    """Parse the TABARI-style actor list: `NAME [CODE]`, `+SYNONYM`, indented `[CODE …]`.

    `_` joins words; a phrase without a trailing `_` also matches longer words (a stem).
    """
    entries, phrases, codes = [], [], []
    for raw in Path(path).read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith(("<", "#")):
            continue
        found = re.findall(r"\[([^\]]*)\]", line)
        head = re.split(r"[\[#]", line, maxsplit=1)[0]
        if line[0].isspace():
            codes += found
            continue
        if line.startswith("+"):
            phrases.append(head[1:])
            continue
        entries.append((phrases, codes))
        phrases, codes = [head], found
    entries.append((phrases, codes))
    return ActorDictionary(tuple(
        (_phrase_pattern(p), roots)
        for ps, cs in entries if (roots := _roots(cs)) for p in ps if p.strip()
    ))


def _roots(blocks: list[str]) -> frozenset[str]:
    """`HOB < 950601` → HOB; `FRO/BIL/SAM` → FRO, BIL, SAM; no-actor codes are dropped."""
    codes = [c for block in blocks for c in (block.split() or [""])[0].split("/")]
    return frozenset(c[:3].upper() for c in codes if c and c[:3] not in ("---", "+++", "###"))


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    exact = phrase.strip().endswith("_")
    words = phrase.replace("_", " ").split()
    body = r"\s+".join(re.escape(w) for w in words)
    stem = "" if exact else r"[\w-]*"
    return re.compile(r"(?<!\w)" + body + stem + r"(?!\w)", re.IGNORECASE)


# --- agreement of one actor slot ------------------------------------------------------------


def code_candidates(code: str) -> set[str]:
    """entente codes that count as agreeing with a CAMEO code: its state, or its org aliases."""
    code = code.upper()
    segments = {code[i:i + 3] for i in range(0, len(code), 3)}
    aliases = set().union(*(ALIASES.get(s, set()) for s in segments))
    return ({code[:3]} if code[:3] != "IGO" else set()) | aliases


def actor_agrees(expected: str, mention: Mention | None, names: ActorDictionary) -> bool:
    """Does the system's actor agree with an expected PETRARCH actor code?"""
    if expected.startswith(WILDCARDS):
        return True
    if mention is None:
        return False
    if expected.startswith('"'):
        phrase = _norm(expected.strip('"'))
        return phrase in {_norm(mention.text), _norm(mention.name or "")}
    wanted = code_candidates(expected)
    if mention.code in wanted:
        return True
    named = names.roots_in(mention.text) | names.roots_in(mention.name)
    return expected[:3].upper() in named


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code and len(code) >= 2 else None


# --- alignment ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Agreement:
    """How the best system event agrees with one expected event (None: field not scored)."""

    source: bool
    target: bool
    root: bool | None  # news only
    plover: bool | None  # news records whose code PLOVER keeps

    @property
    def matched(self) -> bool:
        return self.source and self.target and self.root is not False


def agreement(expected: dict, event: Event, names: ActorDictionary, news: bool) -> Agreement:
    plover = expected.get("plover")
    return Agreement(
        source=actor_agrees(expected["source"], event.source, names),
        target=actor_agrees(expected["target"], event.target, names),
        root=cameo_root(event.cameo) == cameo_root(expected["code"]) if news else None,
        plover=(plover_type(event) == plover) if news and plover else None,
    )


def align(expected: dict, events: list[Event], names: ActorDictionary, news: bool) -> Agreement:
    """The agreement of the system event closest to the expected one (first on ties)."""
    miss = Agreement(False, False, False if news else None, False if news and expected.get("plover") else None)
    found = [agreement(expected, e, names, news) for e in events]
    return max(found, key=lambda a: (a.matched, a.source + a.target + bool(a.root)), default=miss)


# --- report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PetrarchFailure:
    """A record scored wrong: what was expected, what came out, and which figures failed."""

    id: str
    part: str  # "news" or "unit"
    text: str
    expected: list[dict]
    got: list[SystemEventView]
    failed: tuple[str, ...]


@dataclass
class PetrarchReport:
    """Figures per part (`news`, `unit`), each a dict of Part by name, and the failures."""

    news: dict[str, Part] = field(default_factory=dict)
    unit: dict[str, Part] = field(default_factory=dict)
    failures: list[PetrarchFailure] = field(default_factory=list)
    n_records: int = 0


class _Tally:
    """Counts correct/total per figure name while records are scored."""

    def __init__(self) -> None:
        self.total: dict[str, int] = {}
        self.correct: dict[str, int] = {}

    def add(self, name: str, ok: bool | None) -> None:
        if ok is None:
            return
        self.total[name] = self.total.get(name, 0) + 1
        self.correct[name] = self.correct.get(name, 0) + bool(ok)

    def parts(self) -> dict[str, Part]:
        return {n: Part(n, t, self.correct[n]) for n, t in self.total.items()}


def score_petrarch(
    records: list[dict], extract: Extractor, actor_dictionary: ActorDictionary | None = None
) -> PetrarchReport:
    """Run `extract(text, date)` on every record and score it (see the module docstring).

    An EntenteError raised by the extractor counts as "no events" for that record (the
    error-case records expect exactly that); any other exception propagates.
    """
    names = actor_dictionary or ActorDictionary()
    tallies = {"news": _Tally(), "unit": _Tally()}
    report = PetrarchReport(n_records=len(records))
    for record in records:
        part = "news" if is_news(record) else "unit"
        events = run_extractor(extract, record)
        failed = _score_record(record, events, names, tallies[part], part == "news")
        if failed:
            report.failures.append(PetrarchFailure(
                record["id"], part, record["text"], record["expected"],
                [SystemEventView.of(e) for e in events], failed,
            ))
    report.news, report.unit = tallies["news"].parts(), tallies["unit"].parts()
    return report


def _score_record(
    record: dict, events: list[Event], names: ActorDictionary, tally: _Tally, news: bool
) -> tuple[str, ...]:
    """Add one record to the tally; return the names of the figures it failed."""
    expected = record["expected"]
    checks: list[tuple[str, bool | None]] = []
    if not expected:
        checks.append(("no_event", not events))
    aligned = [align(x, events, names, news) for x in expected]
    for a in aligned:
        checks += [("source", a.source), ("target", a.target), ("events", a.matched)]
        checks += [("cameo_root", a.root), ("plover_type", a.plover)]
    for event in events:
        checks.append(("system_precision", any(
            agreement(x, event, names, news).matched for x in expected)))
    record_ok = all(a.matched for a in aligned) and (bool(expected) or not events)
    checks.append(("records", record_ok))
    if not news and record.get("category") in COMPOUND_CATEGORIES:
        checks.append(("compounds", record_ok))
    for name, ok in checks:
        tally.add(name, ok)
    return tuple(dict.fromkeys(name for name, ok in checks if ok is False))
