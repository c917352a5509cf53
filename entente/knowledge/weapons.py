"""The weapons catalogue: named systems and generic item words, for recognising items in text.

Extraction needs to turn "more than 200 Fath-360 missiles" or "Geran-2 drones" into an `Item`
with a canonical name and category, and the arms-control check needs each system's MTCR and
UN Register category. Both come from `data/weapons.yaml`; this module reads and checks it.

    catalog = load_weapons()
    catalog.lookup("Geran-2").name            # "Shahed-136"
    catalog.generic_lookup("artillery shells").category   # "artillery_ammunition"
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Annotated, Iterable, Iterator, Literal

from pydantic import (
    BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator,
)

from entente.errors import KnowledgeError
from entente.knowledge._files import overlaid, read_entry, read_yaml

FILE_NAME = "weapons.yaml"

# The closed category vocabulary. The last group is for generic words only ("drones",
# "missiles", "weapons"), where the text does not say more.
Category = Literal[
    "ballistic_missile", "cruise_missile", "loitering_munition", "combat_uav",
    "reconnaissance_uav", "air_defence", "manpads", "anti_tank_missile",
    "combat_aircraft", "attack_helicopter", "artillery", "mlrs", "artillery_ammunition",
    "cluster_munition", "aerial_bomb", "tank", "armoured_vehicle", "warship", "small_arms",
    "uav", "missile", "ammunition", "arms", "components",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]

# Rocket and UAV systems: the only categories the MTCR Annex's complete-system items
# (Category I item 1, Category II item 19) can apply to.
MTCR_SCOPE = frozenset({
    "ballistic_missile", "cruise_missile", "loitering_munition", "combat_uav",
    "reconnaissance_uav", "air_defence", "manpads", "anti_tank_missile", "mlrs", "uav", "missile",
})
MTCR_RANGE_KM, MTCR_PAYLOAD_KG = 300, 500

Iso3 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
UnRegister = Literal["I", "II", "III", "IV", "V", "VI", "VII"]
MtcrCategory = Literal["I", "II", "none"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Span(_Strict):
    """A published figure or spread of figures; a single number becomes min = max."""

    min: float = Field(ge=0)
    max: float = Field(ge=0)

    @staticmethod
    def coerce(value: object) -> object:
        """Accept `280`, `{max: 280}` or `{min: 250, max: 290}` in the YAML."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return {"min": value, "max": value}
        if isinstance(value, dict) and "min" not in value and "max" in value:
            return {"min": value["max"], **value}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}")
        return self


class Weapon(_Strict):
    """A named weapon system as the news names it, with what arms-control checks need."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    category: Category
    un_register_category: UnRegister | None
    producer: Iso3
    co_producers: list[Iso3] = Field(default_factory=list)
    range_km: Span | None
    payload_kg: Span | None
    mtcr_category: MtcrCategory | None
    mtcr_override_reason: str | None = None
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("range_km", "payload_kg", mode="before")
    @classmethod
    def _spans(cls, value: object) -> object:
        return Span.coerce(value)

    @property
    def forms(self) -> list[str]:
        return [self.name, *self.aliases]

    @property
    def mtcr_listed(self) -> bool | None:
        """Is this a complete rocket or UAV system on the MTCR Annex (Category I or II)?

        True also when the category is unknown only for want of a payload figure but every
        published range is ≥ 300 km; None when that is open (e.g. long-range interceptors).
        """
        if self.mtcr_category is not None:
            return self.mtcr_category != "none"
        reaches = self.range_km is not None and self.range_km.min >= MTCR_RANGE_KM
        return True if reaches and self.category not in ("air_defence", "manpads") else None


class GenericItem(_Strict):
    """A generic item word ("drones", "artillery shells") with the category it implies."""

    name: str
    category: Category
    forms: list[str] = Field(min_length=1)


class WeaponCatalog:
    """All systems and generic words, indexed by a spelling-tolerant key."""

    def __init__(self, systems: list[Weapon], generic: list[GenericItem]):
        self.systems = systems
        self.generic = generic
        self._systems = _index(systems)
        self._generic = _index(generic)

    def lookup(self, text: str) -> Weapon | None:
        """The system named by `text` (canonical name or alias; case, hyphens, plural ignored)."""
        return _find(self._systems, text)

    def generic_lookup(self, text: str) -> GenericItem | None:
        return _find(self._generic, text)

    def surface_forms(self) -> Iterator[tuple[str, Weapon | GenericItem]]:
        """Every spelling worth matching, for a spaCy PhraseMatcher: names, aliases, variants."""
        for system in self.systems:
            for form in system.forms:
                for variant in _variants(form):
                    yield variant, system
        for item in self.generic:
            for form in item.forms:
                yield form, item


def key(text: str) -> str:
    """Match key: case-folded, British spelling, without spaces, hyphens, dots or apostrophes."""
    text = unicodedata.normalize("NFKC", text).casefold()
    for american, british in (("defense", "defence"), ("armor", "armour"), ("caliber", "calibre")):
        text = text.replace(american, british)
    return re.sub(r"[\s\-‐‑‒–—_.'’/]+", "", text)


def _index(items: Iterable[Weapon | GenericItem]) -> dict[str, Weapon | GenericItem]:
    return {key(form): item for item in items for form in item.forms}


def _find(index: dict, text: str):
    """Exact key first, then the key without a plural ending ("shahed-136s", "howitzers")."""
    wanted = key(text)
    for candidate in (wanted, wanted[:-1] if wanted.endswith("s") else None,
                      wanted[:-2] if wanted.endswith("es") else None):
        if candidate and candidate in index:
            return index[candidate]
    return None


def _variants(form: str) -> list[str]:
    """A name as written, with hyphens and spaces swapped, each also in the plural."""
    spellings = {form, form.replace("-", " "), re.sub(r"(?<=[A-Za-z]) (?=\d)", "-", form)}
    plurals = {s + "s" for s in spellings if not s.endswith("s")}
    return sorted(spellings | plurals)


def load_weapons(extra_dirs: Iterable[Path | str] | None = None) -> WeaponCatalog:
    """The packaged catalogue, amended by `weapons.yaml` files in `extra_dirs` (cached without them).

    An overlay entry with the name of a packaged one replaces it; other entries are added.
    """
    return _loader(extra_dirs)


def _load(paths: list[Path]) -> WeaponCatalog:
    systems: dict[str, Weapon] = {}
    generic: dict[str, GenericItem] = {}
    seen: dict[str, tuple[str, str, str]] = {}  # match key -> (name, file, entry) for clash reports
    for path in paths:
        data = read_yaml(path)
        for raw in data.get("systems") or []:
            system, entry = read_entry(path, raw, Weapon, "systems", "name")
            _check_mtcr(path, entry, system)
            systems[system.name] = system
            _claim_keys(path, entry, system, seen)
        for raw in data.get("generic") or []:
            item, entry = read_entry(path, raw, GenericItem, "generic", "name")
            generic[item.name] = item
            _claim_keys(path, entry, item, seen)
    return WeaponCatalog(list(systems.values()), list(generic.values()))


def _claim_keys(path: Path, entry: str, item: Weapon | GenericItem, seen: dict) -> None:
    """Refuse a spelling that already names a different item: lookups must be unambiguous."""
    for form in item.forms:
        owner = seen.get(key(form))
        if owner and owner[0] != item.name:
            raise KnowledgeError(str(path), f"{form!r} already names {owner[0]} ({owner[1]})", entry)
        seen[key(form)] = (item.name, str(path), entry)


def _check_mtcr(path: Path, entry: str, system: Weapon) -> None:
    problem = mtcr_problem(system)
    if problem and not system.mtcr_override_reason:
        raise KnowledgeError(str(path), problem + " (or give mtcr_override_reason)", entry)


def mtcr_problem(system: Weapon) -> str | None:
    """Why the stated MTCR category does not follow from range and payload, or None if it does.

    Range ≥ 300 km and payload ≥ 500 kg: Category I. Range ≥ 300 km: at least II, and I only
    "by trade-off" (which the note must say) when the published payload is under 500 kg.
    Range under 300 km: none. Systems outside rocket/UAV categories are never I or II.
    """
    stated, reach, load = system.mtcr_category, system.range_km, system.payload_kg
    if system.category not in MTCR_SCOPE:
        return f"a {system.category} is not an MTCR rocket/UAV system" if stated in ("I", "II") else None
    if stated is None or reach is None:
        return None
    if reach.max < MTCR_RANGE_KM:
        return None if stated == "none" else f"range under {MTCR_RANGE_KM} km means mtcr_category none"
    if stated == "none":
        return f"range of {reach.max:g} km means Category I or II, not none"
    if load is not None and load.max >= MTCR_PAYLOAD_KG and stated != "I":
        return f"{load.max:g} kg to {reach.max:g} km means Category I"
    if stated == "I" and load is not None and load.max < MTCR_PAYLOAD_KG:
        if "trade-off" not in (system.note or ""):
            return "Category I with a payload under 500 kg needs a note saying 'by trade-off'"
    return None


_loader = overlaid(FILE_NAME, _load)
