"""Trigger words and status cues (triggers.yaml, status.yaml) as lookup tables.

The extractor asks: is this lemma a trigger, of which PLOVER type and argument frame? Is
this verb a reporting verb, a denial, a promise? The words live in the data files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from entente.errors import KnowledgeError
from entente.knowledge._files import data_files, read_yaml
from entente.model import EVENT_TYPES

SLOTS = {"subj", "obj", "poss", "adj", "compound", "by", "to", "on", "against", "with", "from",
         "of", "at", "for", "in", "over", "between", "iobj", "dative", "producer", "adj_item",
         "clause_subj", "behind", "around", "alongside", "into", "along", "outside"}


@dataclass(frozen=True)
class Frame:
    name: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    items: tuple[str, ...]


@dataclass(frozen=True)
class Trigger:
    """What a word means as an event: its type, the frame that finds its arguments."""

    lemma: str
    pos: str            # "VERB" or "NOUN"
    type: str
    frame: Frame


@dataclass
class Lexicon:
    frames: dict[str, Frame]
    verbs: dict[str, Trigger] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    requires_prep: dict[str, tuple[str, ...]] = field(default_factory=dict)
    noun_requires_prep: dict[str, tuple[str, ...]] = field(default_factory=dict)
    requires_prep_object: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    retyped_by_object: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    retyped_by_preposition: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    blocked_particles: dict[str, tuple[str, ...]] = field(default_factory=dict)
    requires_object: dict[str, tuple[str, ...]] = field(default_factory=dict)
    excluded_objects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    excluded_modifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    needs_agent: frozenset[str] = frozenset()   # nouns that are events only with a named agent
    instrument_verbs: frozenset[str] = frozenset()  # verbs whose weapon object is the instrument
    subject_control_verbs: frozenset[str] = frozenset()  # "summoned the envoy to protest": the subject acts
    requires_place_object: frozenset[str] = frozenset()  # "took Goma", not "took part"
    requires_body_object: frozenset[str] = frozenset()  # "quit ECOWAS", not "quit the talks"
    requires_actor_object: frozenset[str] = frozenset()  # "ordered Iran to cooperate", not "ordered a review"
    requires_infinitive: frozenset[str] = frozenset()  # "told Britain to cut", not "told reporters that…"
    modes: dict[str, dict[str, str]] = field(default_factory=dict)   # type -> word -> mode
    status: dict = field(default_factory=dict)
    _word_lists: dict[str, frozenset[str]] = field(default_factory=dict, repr=False, compare=False)

    def trigger(self, lemma: str, pos: str) -> Trigger | None:
        table = self.verbs if pos == "VERB" else self.nouns
        return table.get(lemma.lower())

    def words(self, key: str) -> frozenset[str]:
        """A word list from status.yaml, e.g. words('report_verbs'); built once per list (the
        rules ask for lists on every candidate word). Read after loading, which fills `status`."""
        found = self._word_lists.get(key)
        if found is None:
            found = self._word_lists[key] = frozenset(self.status.get(key, ()))
        return found


def _frame(name: str, spec: dict, file: str) -> Frame:
    roles = {}
    for role in ("source", "target", "items"):
        slots = tuple(spec.get(role) or ())
        unknown = set(slots) - SLOTS
        if unknown:
            raise KnowledgeError(file, f"unknown slot(s) {sorted(unknown)}", f"frame {name}")
        roles[role] = slots
    return Frame(name, **roles)


def _add_triggers(lexicon: Lexicon, data: dict, file: str) -> None:
    for type_, by_frame in (data.get("triggers") or {}).items():
        if type_ not in EVENT_TYPES:
            raise KnowledgeError(file, f"unknown PLOVER type {type_!r}", f"triggers.{type_}")
        for frame_name, words in by_frame.items():
            frame = lexicon.frames.get(frame_name)
            if frame is None:
                raise KnowledgeError(file, f"unknown frame {frame_name!r}", f"triggers.{type_}")
            for lemma in words.get("verbs") or ():
                lexicon.verbs[lemma.lower()] = Trigger(lemma.lower(), "VERB", type_, frame)
            for lemma in words.get("nouns") or ():
                lexicon.nouns[lemma.lower()] = Trigger(lemma.lower(), "NOUN", type_, frame)


def _load(extra_dirs: tuple[Path, ...]) -> Lexicon:
    lexicon = Lexicon(frames={})
    for path in data_files("triggers.yaml", extra_dirs):
        data = read_yaml(path)
        for name, spec in (data.get("frames") or {}).items():
            lexicon.frames[name] = _frame(name, spec, str(path))
        _add_triggers(lexicon, data, str(path))
        lexicon.light_verbs |= frozenset(data.get("light_verbs") or ())
        lexicon.needs_agent |= frozenset(w.lower() for w in data.get("needs_agent") or ())
        lexicon.instrument_verbs |= frozenset(w.lower() for w in data.get("instrument_verbs") or ())
        lexicon.subject_control_verbs |= frozenset(w.lower() for w in data.get("subject_control_verbs") or ())
        lexicon.requires_place_object |= frozenset(w.lower() for w in data.get("requires_place_object") or ())
        lexicon.requires_body_object |= frozenset(w.lower() for w in data.get("requires_body_object") or ())
        lexicon.requires_actor_object |= frozenset(w.lower() for w in data.get("requires_actor_object") or ())
        lexicon.requires_infinitive |= frozenset(w.lower() for w in data.get("requires_infinitive") or ())
        for key in ("requires_prep", "noun_requires_prep"):
            getattr(lexicon, key).update({k: tuple(v or ()) for k, v in (data.get(key) or {}).items()})
        for key in ("blocked_particles", "requires_object", "excluded_objects", "excluded_modifiers"):
            getattr(lexicon, key).update(
                {k: tuple(w.lower() for w in v or ()) for k, v in (data.get(key) or {}).items()})
        for key in ("requires_prep_object", "retyped_by_object", "retyped_by_preposition"):
            getattr(lexicon, key).update(
                {k: {word: tuple(nouns) for word, nouns in (v or {}).items()}
                 for k, v in (data.get(key) or {}).items()})
        for type_, modes in (data.get("modes") or {}).items():
            table = lexicon.modes.setdefault(type_, {})
            for mode, words in modes.items():
                table.update({w.lower(): mode for w in words})
    for key in ("retyped_by_object", "retyped_by_preposition"):
        for lemma, table in getattr(lexicon, key).items():
            for other in table:
                if other not in lexicon.verbs:
                    raise KnowledgeError("triggers.yaml", f"{other!r} is no verb trigger", f"{key}.{lemma}")
    for path in data_files("status.yaml", extra_dirs):
        lexicon.status.update(read_yaml(path))
    return lexicon


@lru_cache(maxsize=8)
def _cached(extra_dirs: tuple[Path, ...]) -> Lexicon:
    return _load(extra_dirs)


def load_lexicon(extra_dirs: list[Path] | None = None) -> Lexicon:
    return _cached(tuple(Path(d) for d in extra_dirs or ()))
