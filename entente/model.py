"""The one data model every stage shares: documents in, events out.

Declared once here with pydantic; the JSON Lines output, the DuckDB tables
(`entente.store.schema`) and `docs/schema.md` all follow these classes.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

Status = Literal[
    "asserted", "reported", "alleged", "denied", "promised", "planned", "hypothetical",
]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]

Precision = Literal["day", "month", "year"]
QuadClass = Literal[
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
]


def content_hash(*parts: str, length: int = 16) -> str:
    """A short, stable hex id from content: the same input always gives the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Record(BaseModel):
    """Base for every record: unknown fields are refused so typos in input files surface."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False)

    @classmethod
    def from_json(cls, text: str):
        return cls.model_validate_json(text)


class Document(Record):
    """An article as ingested: its text and what we know of where and when it appeared."""

    doc_id: str = Field(description="Hash of the text: the document's identity.")
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date (YYYY, YYYY-MM or YYYY-MM-DD).")
    published_precision: Precision | None = None
    language: str | None = Field(None, description="ISO 639-1 code, detected from the text.")
    source_path: str | None = Field(None, description="File the document came from.")
    source_format: str | None = Field(None, description="Reader that produced it: text, html, feed, jsonl.")
    name: str | None = Field(None, description="Short name for output and scoring (the file name).")

    @staticmethod
    def make_id(text: str) -> str:
        return content_hash(text.strip())

    @property
    def extractable(self) -> bool:
        """Only English text goes through extraction; other languages are stored and marked."""
        return self.language in (None, "en")


class Actor(Record):
    """A resolved actor: a state, an organisation, a group or a person speaking for one."""

    actor_id: str = Field(description="entente code: ISO3 for states, short codes otherwise.")
    country: str | None = Field(None, description="ISO3 of the state the actor acts for, if any.")
    sector: str | None = Field(None, description="e.g. government, military, intelligence, media.")
    name: str | None = None


class Mention(Actor):
    """An actor as it appears in the text: the words and their character span."""

    text: str
    start: int | None = Field(None, description="Character offset in the document text.")
    end: int | None = None

    @property
    def code(self) -> str:
        """The code scoring uses: the state when there is one, else the actor's own code."""
        return (self.country or self.actor_id).upper()


class Item(Record):
    """Something transferred, used or targeted: a weapon system, goods, money."""

    text: str
    name: str | None = Field(None, description="Canonical name from weapons.yaml, if known.")
    category: str | None = None
    quantity: float | None = None
    quantity_qualifier: str | None = Field(None, description="e.g. 'more than', 'about', 'up to'.")
    unit: str | None = Field(None, description="For money: the currency code.")
    start: int | None = None
    end: int | None = None


class Attribution(Record):
    """Who says so: the words ('U.S. intelligence reports') and the actors they name."""

    text: str
    actors: list[str] = Field(default_factory=list)
    stance: Literal["asserts", "reports", "denies", "alleges"] | None = None


class Location(Record):
    text: str
    country: str | None = None


class Provenance(Record):
    """Where an event came from: an extractor version or an imported dataset's row."""

    extractor: str | None = None
    dataset: str | None = None
    file: str | None = None
    row: str | None = None
    url: str | None = None


class Event(Record):
    """Who did what to whom, when, with what, and according to whom."""

    event_id: str
    doc: str | None = Field(None, description="Name of the source document (file name or id).")
    doc_id: str | None = None
    sentence: str | None = None
    span: tuple[int, int] | None = Field(None, description="Trigger's character offsets in the document.")
    trigger: str | None = None
    date: str | None = None
    date_precision: Precision | None = None
    source: Mention | None = None
    target: Mention | None = None
    type: EventType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    intensity: float | None = Field(None, ge=-10, le=10)
    quad: QuadClass | None = None
    status: Status = "asserted"
    negated: bool = False
    attribution: list[Attribution] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    location: Location | None = None
    confidence: float = Field(1.0, ge=0, le=1)
    provenance: Provenance | None = None

    @staticmethod
    def make_id(doc_id: str, sentence_start: int, trigger_start: int, *extra: str) -> str:
        """Stable id from the document, the sentence and the trigger: re-running adds nothing."""
        return content_hash(doc_id, str(sentence_start), str(trigger_start), *extra)
