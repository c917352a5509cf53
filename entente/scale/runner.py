"""Running extraction on Dask: the client side (corpus, partitions, merge) and the worker side
(one Extractor per worker process, loaded once by a worker plugin).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, wait

from entente.errors import InputProblem, UsageError
from entente.model import Document
from entente.scale.partitions import (
    Partition, events_table, partitions, read_partition, write_partition,
)
from entente.store import Store

Progress = Callable[[int], None]
PARTITION_SIZE = 32  # documents per task: big enough to keep spaCy's batching busy
IN_FLIGHT_PER_WORKER = 2  # tasks queued per worker: workers never idle, memory stays bounded

_extractor = None


def worker_extractor():
    """This process's Extractor, built on first use: the spaCy model loads once per worker."""
    global _extractor
    if _extractor is None:
        from entente.extract.pipeline import Extractor

        _extractor = Extractor()
        _extractor.nlp  # noqa: B018 - load the model and knowledge now, not in the first task
        _extractor.builder  # noqa: B018
    return _extractor


class ExtractorPlugin(WorkerPlugin):
    """Loads the pipeline when a worker starts, so the first partition does not pay for it."""

    name = "entente-extractor"

    def setup(self, worker) -> None:
        worker_extractor()


def extract_partition(documents: list[Document]):
    """On a worker: the partition's events as an Arrow table (store columns + items)."""
    extractor = worker_extractor()
    events = [ev for _, evs in extractor.extract_many(documents) for ev in evs or []]
    return events_table(events)


@dataclass
class ScaleReport:
    documents: int = 0
    partitions: int = 0
    computed: int = 0
    reused: int = 0
    events_added: int = 0
    events_already_stored: int = 0
    problems: list[InputProblem] = field(default_factory=list)


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes
    (one thread each: spaCy is CPU-bound) without dashboard."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster) as client:
        yield client


def default_parts_folder(store: Store) -> Path:
    return store.path.with_name(store.path.name + ".parts")


def run_corpus(store: Store, paths: Iterable[str | Path] | None = None, *,
               scheduler: str | None = None, workers: int = 2, parts: Path | None = None,
               partition_size: int = PARTITION_SIZE, max_bytes: int | None = None,
               progress: Progress | None = None) -> ScaleReport:
    """Extract a corpus on Dask and merge the events into the store, idempotently.

    `paths` are files or folders (articles, JSON Lines shards); their documents are stored
    first. Without paths, the store's documents not yet extracted are the corpus. Each
    partition's events are written to `parts/part-<hash>.parquet`, then merged in one
    transaction with the "done" marks of its documents; a partition whose file exists is
    merged again without recomputing it.
    """
    from entente.extract.pipeline import EXTRACTOR_VERSION

    if workers < 1:
        raise UsageError("--workers must be at least 1")
    folder = Path(parts) if parts else default_parts_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    report = ScaleReport()
    corpus = (_from_paths(store, paths, report, max_bytes) if paths
              else store.documents(pending_for=EXTRACTOR_VERSION))
    with dask_client(scheduler, workers) as client:
        client.register_plugin(ExtractorPlugin(), name=ExtractorPlugin.name)
        limit = IN_FLIGHT_PER_WORKER * max(1, len(client.scheduler_info()["workers"]) or workers)
        running: dict = {}
        for part in partitions(corpus, partition_size):
            report.partitions += 1
            report.documents += len(part.documents)
            path = part.file(folder)
            if path.exists():
                report.reused += 1
                _merge(store, path, report, progress)
                continue
            future = client.submit(extract_partition, part.documents, pure=False,
                                   key=f"entente-extract-{part.name}")
            running[future] = part
            if len(running) >= limit:
                _collect(wait(list(running), return_when="FIRST_COMPLETED").done, running,
                         store, folder, report, EXTRACTOR_VERSION, progress)
        while running:
            _collect(wait(list(running), return_when="FIRST_COMPLETED").done, running, store,
                     folder, report, EXTRACTOR_VERSION, progress)
    return report


def _collect(done, running: dict, store: Store, folder: Path, report: ScaleReport,
             extractor: str, progress: Progress | None) -> None:
    """Write each finished partition's Parquet, then merge it: the file first, so a crash
    between the two leaves a file that the next run merges without recomputing."""
    for future in done:
        part: Partition = running.pop(future)
        table = future.result()
        path = part.file(folder)
        write_partition(path, part.doc_ids, table, extractor)
        report.computed += 1
        _merge(store, path, report, progress)


def _merge(store: Store, path: Path, report: ScaleReport, progress: Progress | None) -> None:
    from entente.extract.pipeline import EXTRACTOR_VERSION

    doc_ids, events, items, extractor = read_partition(path)
    added, known = store.add_event_table(events, items, done_doc_ids=doc_ids,
                                         extractor=extractor or EXTRACTOR_VERSION)
    report.events_added += added
    report.events_already_stored += known
    if progress:
        progress(len(doc_ids))


def _from_paths(store: Store, paths: Iterable[str | Path], report: ScaleReport,
                max_bytes: int | None, batch_size: int = 200) -> Iterator[Document]:
    """The corpus's English documents, stored (idempotently) a batch at a time as they stream."""
    from entente.ingest import DEFAULT_MAX_BYTES, iter_inputs

    batch: list[Document] = []
    for found in iter_inputs(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES):
        if isinstance(found, InputProblem):
            report.problems.append(found)
            continue
        batch.append(found)
        if len(batch) >= batch_size:
            yield from _stored(store, batch)
            batch = []
    yield from _stored(store, batch)


def _stored(store: Store, batch: list[Document]) -> Iterator[Document]:
    if batch:
        store.add_documents(batch)
    yield from (d for d in batch if d.extractable)
