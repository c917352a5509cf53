"""Arms-control and sanctions provisions as dated data, for checking a transfer against them.

Whether a transfer was restricted depends on the day: UNSCR 2231's missile clause ended on
2023-10-18, the earlier Iran resolutions came back (disputed) on 2025-09-28. So each provision
in `data/regimes.yaml` carries its periods of force, its direction and its item scope; this
module reads and checks them and answers "in force over this span of days?".

    book = load_regimes()
    book.provision("unscr2231-b4").in_force(*day_span("2024-09")).value   # False
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Iterable, Literal

from pydantic import (
    BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator,
)

from entente.errors import KnowledgeError
from entente.knowledge._files import overlaid, read_entry, read_yaml
from entente.knowledge.weapons import CATEGORIES

FILE_NAME = "regimes.yaml"

Measure = Literal["prior_approval", "prohibition", "assistance", "export_policy", "designations", "conduct"]
Binds = Literal["binding", "contested", "unilateral", "political"]
Direction = Literal["to", "from", "to_or_from", "by_members", "none"]
Scope = Literal["mtcr", "un_register", "arms"]
RegisterClass = Literal["I", "II", "III", "IV", "V", "VI", "VII", "related", "outside", "open"]
Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def day_span(iso: str) -> tuple[date, date]:
    """First and last day of an ISO date of any precision: '2024-09' → (Sep 1, Sep 30).

    Raises ValueError for anything else, so a bad date never passes as a guess.
    """
    match = _ISO.match(str(iso).strip())
    if not match:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {iso!r}")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day is None:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return (one := date(year, month, day)), one


def _iso(value: object) -> object:
    """YAML reads 2016-01-16 as a date and 1995 as an int; keep both as ISO text."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _checked_iso(value: str) -> str:
    day_span(value)
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


@dataclass(frozen=True)
class Force:
    """Whether a provision was in force over a span: True, False or None (not on every day).

    `period` is the period that was (or may have been) in force; `changes` the days inside
    the span on which that changes, so a reason can say "ends 2023-10-18, inside 2023-10".
    """

    value: bool | None
    period: "Period | None" = None
    changes: tuple[date, ...] = ()


class Period(_Strict):
    """One stretch of force: from `start` (inclusive) to `until` (exclusive; None = no end)."""

    start: str = Field(alias="from")
    until: str | None = None
    disputed_by: list[Iso3] = Field(default_factory=list)
    renewal: Literal["annual"] | None = None
    note: str | None = None

    @field_validator("start", "until", mode="before")
    @classmethod
    def _dates(cls, value: object) -> object:
        return _iso(value)

    @field_validator("start", "until")
    @classmethod
    def _valid(cls, value: str | None) -> str | None:
        return value if value is None else _checked_iso(value)

    @model_validator(mode="after")
    def _ordered(self) -> "Period":
        if self.until is not None and day_span(self.until)[0] <= day_span(self.start)[1]:
            raise ValueError(f"until {self.until} is not after from {self.start}")
        return self

    def on(self, day: date) -> bool | None:
        """In force on this day? None where an imprecise bound or a lapsed renewal leaves it open."""
        first, last = day_span(self.start)
        if day < first:
            return False
        if day <= last and first != last:
            return None
        if self.until is None:
            return True
        first, last = day_span(self.until)
        if day < first:
            return True
        if day <= last and first != last:
            return None
        return None if self.renewal else False

    def over(self, first: date, last: date) -> Force:
        """Force over the days first..last: the same answer on every day, else None."""
        cuts = [d for d in self._change_days() if first < d <= last]
        values = {self.on(first), *(self.on(d) for d in cuts)}
        value = values.pop() if len(values) == 1 else None
        return Force(value, self, tuple(d for d in cuts if self.on(d) != self.on(d - timedelta(days=1))))

    def _change_days(self) -> list[date]:
        days = []
        for bound in (self.start, self.until):
            if bound is not None:
                first, last = day_span(bound)
                days += [first, last + timedelta(days=1)]
        return days

    def describe(self) -> str:
        text = f"from {self.start}" + (f" until {self.until}" if self.until else "")
        if self.renewal and self.until:
            text += f" (renewed {self.renewal}ly; no later renewal recorded)"
        if self.disputed_by:
            text += f" (disputed by {', '.join(self.disputed_by)})"
        return text


class Milestone(_Strict):
    date: str
    what: str

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return _iso(value)


class Member(_Strict):
    """A state in a club regime (the MTCR) from the day it joined."""

    state: Iso3
    since: str

    @field_validator("since", mode="before")
    @classmethod
    def _date(cls, value: object) -> object:
        return _iso(value)

    @property
    def period(self) -> Period:
        return Period(start=self.since)


class Regime(_Strict):
    """An instrument: a resolution, the MTCR, a set of EU, US or UK measures."""

    id: str
    name: str
    short: str | None = None
    body: str
    adopted: str
    ends: str | None = None
    milestones: list[Milestone] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("adopted", "ends", mode="before")
    @classmethod
    def _dates(cls, value: object) -> object:
        return _iso(value)

    @property
    def label(self) -> str:
        return self.short or self.name

    def member(self, state: str) -> Member | None:
        return next((m for m in self.members if m.state == state), None)


class Provision(_Strict):
    """One paragraph or measure: who it is about, which way, which items, and when."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    regime: str
    provision: str
    covers: str
    measure: Measure
    binds: Binds
    state: Iso3 | None
    direction: Direction
    counterparts: list[Iso3] = Field(default_factory=list)
    items: list[Scope] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    force: list[Period] = Field(min_length=1)
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Provision":
        if (self.state is None) != (self.direction == "by_members"):
            raise ValueError("state must be null exactly when direction is by_members")
        if not self.items and not self.categories:
            raise ValueError("give items or categories: what the provision covers")
        unknown = [c for c in self.categories if c not in CATEGORIES]
        if unknown:
            raise ValueError(f"unknown weapon categories {unknown}")
        return self

    def in_force(self, first: date, last: date) -> Force:
        """In force over first..last? A period in force wins; else any open one; else False."""
        found = [period.over(first, last) for period in self.force]
        for wanted in (True, None):
            for force in found:
                if force.value is wanted:
                    return force
        return Force(False)

    def describe_force(self) -> str:
        return "; ".join(period.describe() for period in self.force)


class RegimeBook:
    """All regimes and provisions, by id, with the Register map for generic item words."""

    def __init__(self, regimes: list[Regime], provisions: list[Provision],
                 register_by_category: dict[str, RegisterClass]):
        self.regimes = {r.id: r for r in regimes}
        self.provisions = provisions
        self.register_by_category = register_by_category
        self._by_id = {p.id: p for p in provisions}

    def provision(self, provision_id: str) -> Provision | None:
        return self._by_id.get(provision_id)

    def regime(self, regime_id: str) -> Regime:
        return self.regimes[regime_id]


def load_regimes(extra_dirs: Iterable[Path | str] | None = None) -> RegimeBook:
    """The packaged provisions, amended by `regimes.yaml` files in `extra_dirs` (cached without).

    An overlay entry with the id of a packaged one replaces it; other entries are added.
    """
    return _loader(extra_dirs)


def _load(paths: list[Path]) -> RegimeBook:
    regimes: dict[str, tuple[Regime, Path, str]] = {}
    provisions: dict[str, tuple[Provision, Path, str]] = {}
    register: dict[str, RegisterClass] = {}
    for path in paths:
        data = read_yaml(path)
        register.update(_read_register(path, data.get("register_by_category") or {}))
        for section, model, into in (("regimes", Regime, regimes), ("provisions", Provision, provisions)):
            seen: set[str] = set()
            for raw in data.get(section) or []:
                record, entry = read_entry(path, raw, model, section, "id")
                if record.id in seen:
                    raise KnowledgeError(str(path), f"id {record.id!r} appears twice", entry)
                seen.add(record.id)
                into[record.id] = (record, path, entry)
    for provision, path, entry in provisions.values():
        _check_against_regime(provision, regimes, path, entry)
    return RegimeBook([r for r, _, _ in regimes.values()], [p for p, _, _ in provisions.values()], register)


def _read_register(path: Path, raw: dict) -> dict[str, RegisterClass]:
    allowed = RegisterClass.__args__  # type: ignore[attr-defined]
    for category, value in raw.items():
        if category not in CATEGORIES or str(value) not in allowed:
            raise KnowledgeError(str(path), f"register_by_category: {category}: {value!r} is not allowed")
    return {category: str(value) for category, value in raw.items()}


def _check_against_regime(provision: Provision, regimes: dict, path: Path, entry: str) -> None:
    """A provision names a known regime, lies inside its life, and a club rule has members."""
    if provision.regime not in regimes:
        raise KnowledgeError(str(path), f"regime {provision.regime!r} is not defined", entry)
    regime = regimes[provision.regime][0]
    if provision.direction == "by_members" and not regime.members:
        raise KnowledgeError(str(path), f"direction by_members but {regime.id} lists no members", entry)
    if regime.ends:
        end = day_span(regime.ends)[0]
        for period in provision.force:
            if period.until is None or day_span(period.until)[0] > end:
                raise KnowledgeError(
                    str(path), f"in force past {regime.id}'s end ({regime.ends}): give an until", entry)


_loader = overlaid(FILE_NAME, _load)
