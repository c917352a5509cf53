"""Run the extractor over evaluation data and score it: `entente eval` calls these."""

from __future__ import annotations

from pathlib import Path

from entente.errors import InputProblem, UsageError
from entente.evaluate import (
    Report, load_gold_dir, load_petrarch, load_plover, score_documents, score_petrarch,
    score_plover,
)
from entente.evaluate.petrarch import PetrarchReport, load_actor_dictionary
from entente.evaluate.plover import PloverReport
from entente.extract.pipeline import Extractor
from entente.model import Document


def gold(gold_dir: Path, docs_dir: Path, extractor: Extractor | None = None) -> Report:
    """Extract the gold articles' texts and score the events by the eval README's rules."""
    from entente.ingest import iter_inputs

    extractor = extractor or Extractor()
    golds = load_gold_dir(gold_dir)
    if not golds:
        raise UsageError(f"{gold_dir}: no gold files")
    paths = [docs_dir / name for name in golds]
    documents = []
    for found in iter_inputs(paths):
        if isinstance(found, InputProblem):
            raise UsageError(f"cannot read an article of the gold: {found}")
        documents.append(found)
    system = {doc.name: events or [] for doc, events in extractor.extract_many(documents)}
    return score_documents(system, golds)


def _sentence_extractor(extractor: Extractor):
    def extract(text: str, date: str | None):
        return extractor.extract(Document(doc_id=Document.make_id(text), text=text,
                                          published=date, name="sentence"))
    return extract


def petrarch(path: Path, extractor: Extractor | None = None) -> PetrarchReport:
    records = load_petrarch(path)
    actors_file = path.parent / "dicts" / "PETR.Validate.actors.txt"
    dictionary = load_actor_dictionary(actors_file) if actors_file.exists() else None
    return score_petrarch(records, _sentence_extractor(extractor or Extractor()), dictionary)


def plover(path: Path, extractor: Extractor | None = None) -> PloverReport:
    return score_plover(load_plover(path), _sentence_extractor(extractor or Extractor()))
