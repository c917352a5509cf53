"""The PLOVER ontology: event types, modes, contexts, and the bridge to and from CAMEO.

Extraction codes events in PLOVER; GDELT users need CAMEO codes, Goldstein-like intensities
and quad classes, and imported GDELT/ICEWS rows need the way back. All of that is data in
`data/plover.yaml`; this module reads it, checks it, and answers look-ups.

    onto = load_plover()
    onto.cameo_for("AID", "military")   # "072"
    onto.from_cameo("0234")             # ("REQUEST", "assist"), via prefix "023"
    onto.plover_type("AID", "promised") # "AGREE": a promised act is an intention
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Iterable, Literal

from pydantic import (
    BaseModel, ConfigDict, Field, StrictStr, StringConstraints, ValidationError, model_validator,
)

from entente.errors import KnowledgeError, UsageError
from entente.knowledge._files import line_of, overlaid, read_yaml
from entente.model import EVENT_TYPES, STATUSES, QuadClass

FILE_NAME = "plover.yaml"
CameoCode = Annotated[StrictStr, StringConstraints(pattern=r"^\d{2,4}$")]
Intensity = Annotated[float, Field(ge=-10, le=10)]
_DIGITS = re.compile(r"^\d{2,4}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ModeDef(_Strict):
    """One mode of a type: what it means, and where it differs from the type in CAMEO terms."""

    description: str
    cameo: CameoCode | None = None
    intensity: Intensity | None = None
    origin: Literal["plover", "entente"] = "plover"
    why: str | None = Field(None, description="Why entente added a mode PLOVER does not list.")
    reads_as: str | None = Field(None, description="The type PLOVER's manual gives the act done "
                                 "in this mode, where it differs from the type's.")

    @model_validator(mode="after")
    def _added_modes_say_why(self) -> "ModeDef":
        if self.origin == "entente" and not self.why:
            raise ValueError("a mode added by entente (origin: entente) must say why")
        return self


class EventTypeDef(_Strict):
    """One PLOVER event type with its CAMEO export code, intensity, quad class and modes."""

    name: str
    description: str
    quad: QuadClass
    intensity: Intensity
    cameo: CameoCode
    cameo_by_context: dict[str, CameoCode] = Field(default_factory=dict)
    modes: dict[str, ModeDef] = Field(default_factory=dict)
    note: str | None = None


class IntendedActDef(_Strict):
    """How CAMEO codes the intention to do one kind of act (03x, "express intent to ...")."""

    cameo: CameoCode
    cameo_by_mode: dict[str, CameoCode] = Field(default_factory=dict)
    cameo_by_context: dict[str, CameoCode] = Field(default_factory=dict)


class IntentionsDef(_Strict):
    """Which promised or planned acts PLOVER reads as an intention, and as what type."""

    type: str
    statuses: frozenset[str]
    acts: dict[str, IntendedActDef]


CameoTarget = tuple[str, str | None]


class Ontology:
    """The loaded ontology. Look-ups raise `UsageError` for a type or mode it does not know."""

    def __init__(self, types: dict[str, EventTypeDef], contexts: list[str],
                 cameo_import: dict[str, CameoTarget | None],
                 intentions: IntentionsDef | None = None):
        self.types = types
        self.contexts = contexts
        self.cameo_import = cameo_import
        self.intentions = intentions

    def type(self, name: str) -> EventTypeDef:
        try:
            return self.types[name]
        except KeyError:
            raise UsageError(f"unknown PLOVER event type {name!r}") from None

    def mode(self, type_name: str, mode: str) -> ModeDef:
        event_type = self.type(type_name)
        try:
            return event_type.modes[mode]
        except KeyError:
            known = ", ".join(event_type.modes) or "none"
            raise UsageError(f"{type_name} has no mode {mode!r} (modes: {known})") from None

    def intended(self, type_name: str, status: str | None, negated: bool = False) -> bool:
        """Is this a cooperative act promised or planned, which PLOVER codes as an intention?"""
        rule = self.intentions
        return (rule is not None and not negated and status in rule.statuses
                and type_name in rule.acts)

    def plover_type(self, type_name: str, status: str | None = None, negated: bool = False,
                    mode: str | None = None) -> str:
        """The type PLOVER's codebook gives the event: AGREE for an intended cooperative act,
        else the mode's reading if it has one (an agreement signed is SUPPORT), else its type."""
        self.type(type_name)
        if self.intended(type_name, status, negated):
            return self.intentions.type
        reading = self.types[type_name].modes.get(mode) if mode else None
        return reading.reads_as or type_name if reading else type_name

    def cameo_for(self, type_name: str, mode: str | None = None,
                  contexts: Iterable[str] = (), intended: bool = False) -> str:
        """The CAMEO code to export: the mode's if it has one, else a context's, else the type's.

        For an intended act (see `intended`), the same order over its 03x codes.
        """
        event_type = self.type(type_name)
        act = self._intended_act(type_name, intended)
        if act is not None:
            by_mode, by_context, default = act.cameo_by_mode, act.cameo_by_context, act.cameo
        else:
            by_mode = {m: d.cameo for m, d in event_type.modes.items() if d.cameo}
            by_context, default = event_type.cameo_by_context, event_type.cameo
        if mode is not None:
            self.mode(type_name, mode)
            if mode in by_mode:
                return by_mode[mode]
        for context in contexts:
            if context in by_context:
                return by_context[context]
        return default

    def intensity_for(self, type_name: str, mode: str | None = None, intended: bool = False) -> float:
        """Goldstein-like score, -10 (most conflictual) to +10: the mode's override or the type's;
        an intended act scores as the intention's type."""
        if self._intended_act(type_name, intended) is not None:
            return self.type(self.intentions.type).intensity
        if mode is not None and self.mode(type_name, mode).intensity is not None:
            return self.mode(type_name, mode).intensity
        return self.type(type_name).intensity

    def quad_for(self, type_name: str, intended: bool = False) -> str:
        if self._intended_act(type_name, intended) is not None:
            return self.type(self.intentions.type).quad
        return self.type(type_name).quad

    def _intended_act(self, type_name: str, intended: bool) -> IntendedActDef | None:
        """How CAMEO codes the intention to do this act, when the act is intended."""
        if not intended or self.intentions is None:
            return None
        return self.intentions.acts.get(type_name)

    def from_cameo(self, code: str) -> CameoTarget | None:
        """PLOVER (type, mode) for a CAMEO code by longest listed prefix; None if PLOVER has none.

        "0874" is looked up as "0874", then "087", then "08". Codes PLOVER dropped (CAMEO 01)
        and codes not in the map both give None.
        """
        code = str(code).strip()
        if not code.isdigit():
            raise UsageError(f"a CAMEO code is a string of digits, got {code!r}")
        for length in range(len(code), 1, -1):
            if code[:length] in self.cameo_import:
                return self.cameo_import[code[:length]]
        return None


def load_plover(extra_dirs: Iterable[Path | str] | None = None) -> Ontology:
    """The packaged ontology, amended by `plover.yaml` files in `extra_dirs` (cached without them).

    An overlay may replace whole types, add contexts, and add or replace CAMEO import entries.
    """
    return _loader(extra_dirs)


def _load(paths: list[Path]) -> Ontology:
    types: dict[str, EventTypeDef] = {}
    contexts: list[str] = []
    cameo_import: dict[str, CameoTarget | None] = {}
    intentions: IntentionsDef | None = None
    for index, path in enumerate(paths):
        data = read_yaml(path)
        contexts += [c for c in data.get("contexts") or [] if c not in contexts]
        types.update(_read_types(path, data.get("types") or {}, contexts))
        if index == 0:
            _check_all_types_present(path, types)
        cameo_import.update(_read_import(path, data.get("cameo_import") or {}, types))
        if data.get("intentions") is not None:
            intentions = _read_intentions(path, data["intentions"], types, contexts)
    _recheck_import(paths[-1], cameo_import, types)
    _check_readings(paths[-1], types)
    return Ontology(types, contexts, cameo_import, intentions)


def _read_intentions(path: Path, raw: object, types: dict[str, EventTypeDef],
                     contexts: list[str]) -> IntentionsDef:
    """The `intentions` block: its type, each act and each act's modes must be known."""
    entry = _where("intentions", raw)
    try:
        rule = IntentionsDef(**raw) if isinstance(raw, dict) else None
    except ValidationError as exc:
        raise KnowledgeError(str(path), _first_problem(exc), entry) from exc
    if rule is None:
        raise KnowledgeError(str(path), "intentions must be a mapping", entry)
    unknown_statuses = sorted(rule.statuses - set(STATUSES))
    if unknown_statuses:
        raise KnowledgeError(str(path), f"unknown statuses {unknown_statuses}", entry)
    for name in [rule.type, *rule.acts]:
        if name not in types:
            raise KnowledgeError(str(path), f"unknown event type {name!r}", entry)
    for name, act in rule.acts.items():
        bad_modes = [m for m in act.cameo_by_mode if m not in types[name].modes]
        bad_contexts = [c for c in act.cameo_by_context if c not in contexts]
        if bad_modes or bad_contexts:
            raise KnowledgeError(str(path), f"{name} names unknown modes or contexts "
                                 f"{bad_modes + bad_contexts}", f"{entry}, act {name}")
    return rule


def _recheck_import(path: Path, cameo_import: dict, types: dict[str, EventTypeDef]) -> None:
    """An overlay that replaces a type must not strand import entries on a mode it dropped."""
    for code, target in cameo_import.items():
        if target is not None:
            _import_target(path, f"cameo_import {code!r}", [t for t in target if t], types)


def _where(label: str, node: object) -> str:
    line = line_of(node)
    return f"{label}, line {line}" if line else label


def _check_readings(path: Path, types: dict[str, EventTypeDef]) -> None:
    for name, event_type in types.items():
        for mode_name, mode in event_type.modes.items():
            if mode.reads_as is not None and mode.reads_as not in types:
                raise KnowledgeError(str(path), f"reads_as names unknown type {mode.reads_as!r}",
                                     f"types.{name}.modes.{mode_name}")


def _read_types(path: Path, raw: dict, contexts: list[str]) -> dict[str, EventTypeDef]:
    types = {}
    for name, body in raw.items():
        entry = _where(f"types.{name}", body)
        if name not in EVENT_TYPES:
            raise KnowledgeError(str(path), f"{name!r} is not a PLOVER event type of entente.model", entry)
        if not isinstance(body, dict):
            raise KnowledgeError(str(path), "a type must be a mapping", entry)
        try:
            types[name] = EventTypeDef(name=name, **body)
        except ValidationError as exc:
            raise KnowledgeError(str(path), _first_problem(exc), entry) from exc
        unknown = [c for c in types[name].cameo_by_context if c not in contexts]
        if unknown:
            raise KnowledgeError(str(path), f"cameo_by_context names unknown contexts {unknown}", entry)
    return types


def _check_all_types_present(path: Path, types: dict[str, EventTypeDef]) -> None:
    missing = [name for name in EVENT_TYPES if name not in types]
    if missing:
        raise KnowledgeError(str(path), f"event types missing: {', '.join(missing)}", "types")


def _read_import(path: Path, raw: dict, types: dict[str, EventTypeDef]) -> dict[str, CameoTarget | None]:
    result = {}
    for code, target in raw.items():
        entry = f"cameo_import {code!r}"
        if not isinstance(code, str) or not _DIGITS.match(code):
            raise KnowledgeError(str(path), "CAMEO codes must be quoted strings of 2-4 digits", entry)
        result[code] = None if target is None else _import_target(path, entry, target, types)
    return result


def _import_target(path: Path, entry: str, target: object,
                   types: dict[str, EventTypeDef]) -> CameoTarget:
    if not isinstance(target, list) or len(target) not in (1, 2):
        raise KnowledgeError(str(path), "expected null, [TYPE] or [TYPE, mode]", entry)
    type_name, mode = target[0], target[1] if len(target) == 2 else None
    if type_name not in types:
        raise KnowledgeError(str(path), f"unknown event type {type_name!r}", entry)
    if mode is not None and mode not in types[type_name].modes:
        raise KnowledgeError(str(path), f"{type_name} has no mode {mode!r}", entry)
    return type_name, mode


def _first_problem(exc: ValidationError) -> str:
    """One readable line from pydantic's report: the field path and what is wrong with it."""
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    return f"{field}: {error['msg']}" if field else error["msg"]


_loader = overlaid(FILE_NAME, _load)
