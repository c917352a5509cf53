"""The look-up tables of the dataset importers, read from `knowledge/data/datasets/`.

How a dataset's codes become entente's (CAMEO actor codes, ACLED event types, ICEWS sectors,
POLECAT's older type names) is data with a source, like the rest of entente's knowledge; this
module reads it once and checks every type, mode and sector it names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from entente.errors import KnowledgeError
from entente.knowledge._files import DATA_DIR, read_yaml
from entente.knowledge.actors import SECTORS
from entente.knowledge.plover import load_plover
from entente.model import QuadClass

FOLDER = DATA_DIR / "datasets"
QUADS: tuple[str, ...] = QuadClass.__args__  # type: ignore[attr-defined]

Target = tuple[str, str | None] | None  # a PLOVER (type, mode), or None: no PLOVER event


@dataclass(frozen=True)
class CameoActorTable:
    known_groups: dict[str, str]
    types: dict[str, str]
    regions: dict[str, str]


@dataclass(frozen=True)
class AcledTable:
    event_types: dict[str, dict[str, Target]]
    inter: dict[str, str]
    state_prefixes: dict[str, str]

    def target(self, event_type: str, sub_event_type: str) -> tuple[bool, Target]:
        """(known, target): the sub-event's entry, else the event type's `*` entry."""
        entries = self.event_types.get(event_type.strip())
        if entries is None:
            return False, None
        sub = sub_event_type.strip()
        if sub in entries:
            return True, entries[sub]
        return "*" in entries, entries.get("*")


@dataclass(frozen=True)
class PolecatTable:
    renamed_types: dict[str, Target]
    quads: dict[str, str]


def _mapping(path, data: dict, key: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise KnowledgeError(str(path), f"`{key}` must be a mapping")
    return {str(k): v for k, v in value.items()}


def _sector(path, where: str, value: object) -> str:
    if value not in SECTORS:
        raise KnowledgeError(str(path), f"unknown sector {value!r}", where)
    return str(value)


def _target(path, where: str, value: object) -> Target:
    """[TYPE] or [TYPE, mode] checked against plover.yaml; null stays None."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) not in (1, 2):
        raise KnowledgeError(str(path), "expected null, [TYPE] or [TYPE, mode]", where)
    onto = load_plover()
    type_name, mode = value[0], (value[1] if len(value) == 2 else None)
    if type_name not in onto.types:
        raise KnowledgeError(str(path), f"unknown PLOVER type {type_name!r}", where)
    if mode is not None and mode not in onto.types[type_name].modes:
        raise KnowledgeError(str(path), f"{type_name} has no mode {mode!r}", where)
    return type_name, mode


@lru_cache(maxsize=1)
def cameo_actors() -> CameoActorTable:
    path = FOLDER / "cameo_actors.yaml"
    data = read_yaml(path)
    types = {k: _sector(path, f"types.{k}", v) for k, v in _mapping(path, data, "types").items()}
    return CameoActorTable(
        known_groups={k: str(v) for k, v in _mapping(path, data, "known_groups").items()},
        types=types,
        regions={k: str(v) for k, v in _mapping(path, data, "regions").items()})


@lru_cache(maxsize=1)
def acled() -> AcledTable:
    path = FOLDER / "acled.yaml"
    data = read_yaml(path)
    event_types: dict[str, dict[str, Target]] = {}
    for event_type, subs in _mapping(path, data, "event_types").items():
        if not isinstance(subs, dict):
            raise KnowledgeError(str(path), "each event type maps sub-event types", event_type)
        event_types[event_type] = {str(sub): _target(path, f"{event_type} / {sub}", target)
                                   for sub, target in subs.items()}
    inter = {k: _sector(path, f"inter.{k}", v) for k, v in _mapping(path, data, "inter").items()}
    prefixes = {k: _sector(path, f"state_prefixes.{k}", v)
                for k, v in _mapping(path, data, "state_prefixes").items()}
    return AcledTable(event_types, inter, prefixes)


@lru_cache(maxsize=1)
def icews_sectors() -> dict[str, str]:
    path = FOLDER / "icews.yaml"
    data = read_yaml(path)
    return {k.casefold(): _sector(path, f"sectors.{k}", v)
            for k, v in _mapping(path, data, "sectors").items()}


@lru_cache(maxsize=1)
def polecat() -> PolecatTable:
    path = FOLDER / "polecat.yaml"
    data = read_yaml(path)
    renamed = {k.upper(): _target(path, f"renamed_types.{k}", [t for t in v if t] if v else v)
               for k, v in _mapping(path, data, "renamed_types").items()}
    quads = {}
    for key, quad in _mapping(path, data, "quads").items():
        if quad not in QUADS:
            raise KnowledgeError(str(path), f"unknown QuadClass {quad!r}", f"quads.{key}")
        quads[key.casefold()] = quad
    return PolecatTable(renamed, quads)
