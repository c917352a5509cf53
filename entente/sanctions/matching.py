"""Matching names against the stored sanctions lists, spelling- and romanisation-tolerant.

    match_name("Mahan Airlines", store)        # [Match(name="Mahan Air", score=100.0, ...)]
    match_store_actors(store)                  # every actor named in events that is listed

Every name and alias of every listed party is folded once (see `names.py`); a query is folded
the same way and scored against all of them; each party keeps its best-scoring name.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from rapidfuzz import fuzz, process

from entente.sanctions.entity import SanctionedEntity
from entente.sanctions.names import Folding, Key, load_folding, score
from entente.store import Store
from entente.store import sanctions as table

DEFAULT_THRESHOLD = 85.0
MIN_CHARS = 3  # shorter folded names ("EU", "UN") would match noise


@dataclass(frozen=True)
class Match:
    """A listed party a name matched: which of its names, how well, and what it is listed for."""

    query: str
    entity_id: str
    name: str
    matched_name: str
    score: float
    entity_schema: str
    countries: list[str]
    programs: list[str]
    listed_on: str | None
    dataset: str | None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class ActorMatch:
    """An actor as events name it, with the listed parties the name matched."""

    words: str
    actor_id: str | None
    country: str | None
    events: int
    matches: list[Match] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**asdict(self), "matches": [m.to_dict() for m in self.matches]}


class SanctionsIndex:
    """All listed names, folded, ready for scoring. Build once per batch of queries."""

    def __init__(self, entities: list[SanctionedEntity], folding: Folding | None = None):
        self.folding = folding or load_folding()
        self.entities = entities
        self._owner: list[tuple[int, str]] = []  # (entity index, the name as listed)
        self._keys: list[Key] = []
        for index, entity in enumerate(entities):
            for name in dict.fromkeys(entity.names):
                self._owner.append((index, name))
                self._keys.append(Key.of(self.folding.fold(name)))
        self._squashed = [k.squashed for k in self._keys]
        self._spaced = [k.spaced for k in self._keys]
        self._sorted = [k.sorted for k in self._keys]

    @classmethod
    def from_store(cls, store: Store, folding: Folding | None = None) -> "SanctionsIndex":
        return cls([SanctionedEntity(**row) for row in table.entities(store)], folding)

    def match(self, name: str, threshold: float = DEFAULT_THRESHOLD, limit: int | None = 10) -> list[Match]:
        """Listed parties whose best name scores at least `threshold` (0-100), best first."""
        query = Key.of(self.folding.fold(name))
        if len(query.squashed) < MIN_CHARS or not self._keys:
            return []
        # score() is the best of three ratios, so a name reaching the threshold reaches it on
        # at least one of them: three fast passes find exactly the candidates.
        candidates = {position for form, choices in (
            (query.squashed, self._squashed), (query.spaced, self._spaced), (query.sorted, self._sorted))
            for _, _, position in process.extract(form, choices, scorer=fuzz.ratio, limit=None,
                                                  score_cutoff=threshold)}
        best: dict[int, tuple[float, str]] = {}
        for position in sorted(candidates):
            value = round(score(query, self._keys[position]), 1)
            index, listed_name = self._owner[position]
            if value >= threshold and value > best.get(index, (-1.0, ""))[0]:
                best[index] = (value, listed_name)
        found = [self._match(name, index, value, listed) for index, (value, listed) in best.items()]
        found.sort(key=lambda m: (-m.score, m.name, m.entity_id))
        return found[:limit] if limit else found

    def _match(self, query: str, index: int, value: float, listed_name: str) -> Match:
        entity = self.entities[index]
        return Match(query=query, entity_id=entity.entity_id, name=entity.name, matched_name=listed_name,
                     score=value, entity_schema=entity.entity_schema, countries=entity.countries,
                     programs=entity.programs, listed_on=entity.listed_on, dataset=entity.dataset)


def match_name(name: str, store: Store, threshold: float = DEFAULT_THRESHOLD,
               limit: int | None = 10) -> list[Match]:
    """The listed parties in the store that `name` matches, best first."""
    return SanctionsIndex.from_store(store).match(name, threshold, limit)


def match_store_actors(store: Store, threshold: float = DEFAULT_THRESHOLD) -> list[ActorMatch]:
    """Every actor name and text in stored events that matches a listed party.

    For the brief and the UI: which companies, officials and bodies in the news are listed.
    """
    index = SanctionsIndex.from_store(store)
    found = []
    for row in table.event_actor_names(store):
        matches = index.match(row["words"], threshold, limit=5)
        if matches:
            found.append(ActorMatch(**row, matches=matches))
    return found
