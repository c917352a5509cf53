"""Extraction on several processes: each worker loads the model once and takes batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from entente.model import Document, Event

_worker = None


def _init_worker() -> None:
    global _worker
    from entente.extract.pipeline import Extractor

    _worker = Extractor()


def _extract_batch(documents: list[Document]) -> list[tuple[Document, list[Event]]]:
    return list(_worker.extract_many(documents))


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    for doc in documents:
        chunk.append(doc)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_parallel(documents: Iterable[Document], workers: int, chunk_size: int = 8
                     ) -> Iterator[tuple[Document, list[Event]]]:
    """Like Extractor.extract_many, on `workers` processes; results keep the input order."""
    if workers <= 1:
        from entente.extract.pipeline import Extractor

        yield from Extractor().extract_many(documents)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker) as pool:
        for results in pool.map(_extract_batch, _chunks(documents, chunk_size)):
            yield from results
