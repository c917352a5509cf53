"""What the check knows about an item, and whether a provision's item scope covers it.

Coverage is tri-state: True, False, or None when a needed fact (the system, its range) is
missing. An unknown name stays unknown: it is never matched to the nearest system.
"""

from __future__ import annotations

from dataclasses import dataclass

from entente.knowledge.regimes import Provision, RegimeBook
from entente.knowledge.weapons import (
    CATEGORIES, MTCR_RANGE_KM, MTCR_SCOPE, Span, Weapon, WeaponCatalog,
)
from entente.model import Item

Coverage = tuple[bool | None, str]

# Register categories as the Register names them, for reasons a reader can follow.
REGISTER_NAMES = {
    "I": "battle tanks", "II": "armoured combat vehicles", "III": "large-calibre artillery",
    "IV": "combat aircraft", "V": "attack helicopters", "VI": "warships",
    "VII": "missiles and missile launchers",
}


@dataclass(frozen=True)
class ItemFacts:
    """The item as checked: a catalogued system, a generic word with a category, or unknown."""

    name: str | None
    category: str | None = None
    system: Weapon | None = None

    @property
    def known(self) -> bool:
        return self.system is not None

    @property
    def label(self) -> str:
        return self.name or "the item"

    @property
    def mtcr_category(self) -> str | None:
        """I, II, none; "I or II" when range settles it but payload does not; else None."""
        if self.system is None:
            return None
        if self.system.mtcr_category is not None:
            return self.system.mtcr_category
        return "I or II" if self.system.mtcr_listed else None

    def to_json(self) -> dict:
        system = self.system
        return {
            "name": self.name, "known": self.known, "category": self.category,
            "range_km": _span_json(system.range_km) if system else None,
            "payload_kg": _span_json(system.payload_kg) if system else None,
            "producer": system.producer if system else None,
            "mtcr_category": self.mtcr_category,
            "un_register_category": system.un_register_category if system else None,
        }


def resolve_item(item: str | Item | None, catalog: WeaponCatalog) -> ItemFacts:
    """A catalogued system by name or alias; else a generic word's category; else unknown."""
    if item is None:
        return ItemFacts(None)
    if isinstance(item, Item):
        for text in (item.name, item.text):
            if text and (system := catalog.lookup(text)):
                return ItemFacts(system.name, system.category, system)
        category = item.category if item.category in CATEGORIES else None
        generic = catalog.generic_lookup(item.text)
        return ItemFacts(item.name or item.text, category or (generic.category if generic else None))
    if system := catalog.lookup(item):
        return ItemFacts(system.name, system.category, system)
    generic = catalog.generic_lookup(item)
    return ItemFacts(item, generic.category if generic else None)


def coverage(provision: Provision, item: ItemFacts, book: RegimeBook) -> Coverage:
    """Does any of the provision's item scopes cover the item? The first True wins."""
    found = [_SCOPES[scope](item, book) for scope in provision.items]
    if provision.categories:
        found.append(_categories(provision.categories, item))
    for wanted in (True, None, False):
        matching = [why for covered, why in found if covered is wanted]
        if matching:
            return wanted, "; ".join(dict.fromkeys(matching))
    return None, "the provision names no items"  # pragma: no cover - the loader refuses this


def _unknown(item: ItemFacts) -> str:
    if item.name is None:
        return "no item given: what was transferred is unknown"
    return f"{item.name!r} is not in the weapons catalogue: its category, range and payload are unknown"


def mtcr(item: ItemFacts, book: RegimeBook | None = None) -> Coverage:
    """MTCR Annex Category I or II: complete rocket or UAV systems reaching 300 km."""
    if item.category is None:
        return None, _unknown(item)
    if item.category not in MTCR_SCOPE:
        return False, f"{item.label} ({_words(item.category)}) is not a rocket or UAV system: " \
                      "outside MTCR Categories I and II"
    system = item.system
    if system is None:
        return None, f"{item.label!r} names no particular system: its range is unknown"
    reach, stated = _km(system.range_km), item.mtcr_category
    if stated in ("I", "II"):
        return True, f"{system.name}: range {reach}{_payload(system)}: MTCR Category {stated}"
    if stated == "I or II":
        return True, f"{system.name}: range {reach} ≥ {MTCR_RANGE_KM} km: MTCR Category I or II"
    if stated == "none":
        if system.range_km is None:
            return False, f"{system.name}: weapons.yaml places it outside MTCR Categories I and II"
        return False, f"{system.name}: range {reach} < {MTCR_RANGE_KM} km, not an MTCR Category I or II system"
    if system.range_km is None:
        return None, f"{system.name}: range unpublished, so its MTCR category is open"
    return None, f"{system.name}: {_a(system.category)} reaching {reach}; whether the MTCR Annex " \
                 "lists it is open"


def un_register(item: ItemFacts, book: RegimeBook) -> Coverage:
    """The seven UN Register categories and related materiel."""
    if item.category is None:
        return None, _unknown(item)
    stated = item.system.un_register_category if item.system else None
    if stated:
        return True, f"{item.label}: UN Register category {stated} ({REGISTER_NAMES[stated.split('(')[0]]})"
    found = book.register_by_category.get(item.category, "open")
    if found in REGISTER_NAMES:
        return True, f"{item.label}: {_a(item.category)}, UN Register category {found} ({REGISTER_NAMES[found]})"
    if found == "related":
        return True, f"{item.label}: {_words(item.category)}, related materiel of a UN Register category"
    if found == "outside":
        return False, f"{item.label}: {_a(item.category)} is outside the UN Register's seven categories"
    return None, f"{item.label}: whether {_a(item.category)} falls in a UN Register category is open"


def arms(item: ItemFacts, book: RegimeBook | None = None) -> Coverage:
    """All arms and related materiel: any weapon category; money and goods are not arms."""
    if item.category is None:
        return None, _unknown(item)
    if item.category in CATEGORIES:
        return True, f"{item.label}: arms or related materiel"
    return False, f"{item.label}: {_words(item.category)} is not arms or related materiel"


def _categories(categories: list[str], item: ItemFacts) -> Coverage:
    if item.category is None:
        return None, _unknown(item)
    wanted = ", ".join(_words(c) for c in categories)
    if item.category in categories:
        return True, f"{item.label}: {_a(item.category)}, among the measure's items ({wanted})"
    return False, f"{item.label}: {_a(item.category)} is not among the measure's items ({wanted})"


_SCOPES = {"mtcr": mtcr, "un_register": un_register, "arms": arms}


def _words(category: str) -> str:
    return category.replace("_", " ")


def _a(category: str) -> str:
    """The category with its article: "an air defence", "a ballistic missile"."""
    words = _words(category)
    return ("an " if words[0] in "aeiou" else "a ") + words


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _km(span: Span | None) -> str:
    if span is None:
        return "unpublished"
    if span.min == span.max:
        return f"{_number(span.max)} km"
    return f"{_number(span.min)}–{_number(span.max)} km"


def _payload(system: Weapon) -> str:
    span = system.payload_kg
    if span is None:
        return ""
    text = _number(span.max) if span.min == span.max else f"{_number(span.min)}–{_number(span.max)}"
    return f", payload {text} kg"


def _span_json(span: Span | None) -> dict | None:
    return None if span is None else {"min": span.min, "max": span.max}
