"""Comparing names across romanisations: fold both sides the same way, then score them.

Sanctions lists and news spell one name many ways ("Hossein Amir-Abdollahian", "Hosein
Amirabdolahian"; "Mahan Airlines", "Mahan Air"). Folding rules are data
(`knowledge/data/transliteration.yaml`); scoring is rapidfuzz's ratio over the folded name
with and without spaces and with its words sorted. No partial or token-set score is used:
those would let "Iran Air" match inside "Iran Aseman Airlines".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz
from unidecode import unidecode

from entente.errors import KnowledgeError
from entente.knowledge._files import data_files, read_yaml

FILE_NAME = "transliteration.yaml"
_PUNCTUATION = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Folding:
    """The compiled rules: company-word rewrites, dropped legal forms, romanisation folds."""

    replace: tuple[tuple[re.Pattern, str], ...]
    drop: frozenset[str]
    folds: tuple[tuple[re.Pattern, str], ...]

    def fold(self, name: str) -> str:
        """Lower-case ASCII words, company forms and romanisation folded: the matching key."""
        text = _PUNCTUATION.sub(" ", unidecode(name or "").casefold()).strip()
        for pattern, replacement in self.replace:
            text = pattern.sub(replacement, text)
        words = [w for w in text.split() if w not in self.drop] or text.split()
        text = " ".join(words)
        for pattern, replacement in self.folds:
            text = pattern.sub(replacement, text)
        return text


@dataclass(frozen=True)
class Key:
    """A folded name in the three shapes the scorer compares."""

    spaced: str
    squashed: str
    sorted: str

    @classmethod
    def of(cls, folded: str) -> "Key":
        return cls(folded, folded.replace(" ", ""), " ".join(sorted(folded.split())))


def score(a: Key, b: Key) -> float:
    """0-100: the best of the ratios over squashed, spaced and word-sorted forms."""
    if not a.squashed or not b.squashed:
        return 0.0
    return max(fuzz.ratio(a.squashed, b.squashed), fuzz.ratio(a.spaced, b.spaced),
               fuzz.ratio(a.sorted, b.sorted))


def load_folding(extra_dirs: Iterable[Path | str] | None = None) -> Folding:
    """The packaged rules, with overlay files' rules appended (cached without overlays)."""
    if extra_dirs is None:
        return _default_folding()
    return _load(data_files(FILE_NAME, extra_dirs))


@lru_cache(maxsize=1)
def _default_folding() -> Folding:
    return _load(data_files(FILE_NAME))


def _load(paths: list[Path]) -> Folding:
    replace, drop, folds = [], set(), []
    for path in paths:
        data = read_yaml(path)
        forms = data.get("forms") or {}
        replace += [_rule(path, raw, "forms.replace") for raw in forms.get("replace") or []]
        drop |= {str(word).casefold() for word in forms.get("drop") or []}
        folds += [_rule(path, raw, "folds") for raw in data.get("folds") or []]
    return Folding(tuple(replace), frozenset(drop), tuple(folds))


def _rule(path: Path, raw: object, section: str) -> tuple[re.Pattern, str]:
    if not isinstance(raw, dict) or "pattern" not in raw or "with" not in raw:
        raise KnowledgeError(str(path), "a rule needs `pattern` and `with`", section)
    try:
        return re.compile(raw["pattern"]), str(raw["with"])
    except re.error as exc:
        raise KnowledgeError(str(path), f"bad pattern {raw['pattern']!r}: {exc}", section) from exc
