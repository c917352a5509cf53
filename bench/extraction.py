"""Extraction throughput against the spaCy parse alone, on the same texts in the same run.

Target (issue 3): entente's extraction at least 0.85x the words per second of the parse.
"""

from __future__ import annotations

import time
from pathlib import Path

from entente.extract.pipeline import Extractor, build_nlp
from entente.ingest import iter_inputs
from entente.model import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


def corpus(repeat: int = 6) -> list[Document]:
    docs = [d for d in iter_inputs([EXAMPLES]) if isinstance(d, Document)]
    # Vary each copy so no cache can serve a repeat; the words stay the same.
    return [d.model_copy(update={"text": d.text + f"\n\n({i})", "doc_id": f"{d.doc_id}-{i}"})
            for i in range(repeat) for d in docs]


def words(docs: list[Document]) -> int:
    return sum(len(d.text.split()) for d in docs)


def main(rounds: int = 3, chunk: int = 12) -> None:
    """Parse alone and full extraction, interleaved chunk by chunk over `rounds` passes of the
    corpus, so a slow spell of a shared machine falls on both alike; figures are the totals."""
    docs = corpus()
    n_words = words(docs)
    nlp = build_nlp()
    extractor = Extractor()
    list(extractor.extract_many(docs[:1]))  # load the model and knowledge before timing
    parse_s = extract_s = 0.0
    n_events = 0
    for _ in range(rounds):
        for start in range(0, len(docs), chunk):
            part = docs[start:start + chunk]
            with nlp.select_pipes(disable=["entente_lemmas", "entente_parse_repairs", "entente_document_date", "entente_actors",
                                           "entente_items"]):
                began = time.perf_counter()
                for _ in nlp.pipe((d.text for d in part), batch_size=16):
                    pass
                parse_s += time.perf_counter() - began
            began = time.perf_counter()
            n_events += sum(len(evs) for _, evs in extractor.extract_many(part))
            extract_s += time.perf_counter() - began
    parse_wps, extract_wps = rounds * n_words / parse_s, rounds * n_words / extract_s
    print(f"extraction: {len(docs)} documents, {n_words} words, {n_events // rounds} events; "
          f"{rounds} interleaved passes")
    print(f"  spaCy parse alone : {parse_wps:9.0f} words/s")
    print(f"  entente extraction: {extract_wps:9.0f} words/s  "
          f"(ratio {extract_wps / parse_wps:.2f}; target >= 0.85)")
