"""Jobs that join the stages to the store: ingest files, import event records, extract.

Each job takes a Store, works in batches (one transaction each) and returns a report; it
prints nothing. A bad input becomes an InputProblem in the report and the batch goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from entente.errors import InputProblem, UsageError
from entente.model import Document, Event
from entente.store import Store

Progress = Callable[[int], None]


@dataclass
class IngestReport:
    added: int = 0
    already_stored: int = 0
    not_english: int = 0
    by_format: Counter = field(default_factory=Counter)
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.added + self.already_stored


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest_paths(store: Store, paths: Iterable[str | Path], max_bytes: int | None = None,
                 batch_size: int = 100, progress: Progress | None = None,
                 date: str | None = None) -> IngestReport:
    """Read files and folders into the store; documents already stored are skipped.

    `date` (ISO: a day, month or year) is the publication date of documents that carry
    none of their own: extraction reads "last month" and dates its events against it.
    """
    from entente.ingest import DEFAULT_MAX_BYTES, iter_inputs

    fallback = _fallback_date(date)
    report = IngestReport()
    inputs = iter_inputs(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    for batch in _batches(inputs, batch_size):
        docs = [d for d in batch if isinstance(d, Document)]
        if fallback:
            docs = [d if d.published else d.model_copy(update={
                "published": fallback[0], "published_precision": fallback[1]}) for d in docs]
        report.problems += [p for p in batch if isinstance(p, InputProblem)]
        added, known = store.add_documents(docs)
        report.added += added
        report.already_stored += known
        for doc in docs:
            report.by_format[doc.source_format or "?"] += 1
            report.not_english += not doc.extractable
        if progress:
            progress(len(batch))
    return report


def _fallback_date(date: str | None) -> tuple[str, str] | None:
    if not date:
        return None
    from entente.values import parse_date

    parsed = parse_date(date, any_language=False)
    if not parsed or not parsed[0]:
        raise UsageError(f"--date {date!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return parsed


@dataclass
class ImportReport:
    added: int = 0
    already_stored: int = 0
    problems: list[InputProblem] = field(default_factory=list)


def _read_event_lines(path: Path, report: ImportReport) -> Iterator[Event]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        report.problems.append(InputProblem(str(path), f"unreadable: {exc.strerror or exc}"))
        return
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield Event.model_validate_json(line)
                except ValidationError as exc:
                    report.problems.append(
                        InputProblem(str(path), _first_error(exc), line=number))
        except UnicodeDecodeError:
            report.problems.append(InputProblem(str(path), "undecodable text (not UTF-8)"))


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    kind = "malformed JSON" if err["type"] == "json_invalid" else "invalid event record"
    return f"{kind}: {where + ': ' if where else ''}{err['msg']}"


def import_events(store: Store, path: str | Path, batch_size: int = 5000,
                  progress: Progress | None = None) -> ImportReport:
    """Load event records (the `extract --format jsonl` shape), idempotently by event_id."""
    report = ImportReport()
    for batch in _batches(_read_event_lines(Path(path), report), batch_size):
        added, known = store.add_events(batch)
        report.added += added
        report.already_stored += known
        if progress:
            progress(len(batch))
    return report


@dataclass
class ExtractReport:
    documents: int = 0
    events_added: int = 0
    events_already_stored: int = 0
    failed: list[str] = field(default_factory=list)  # documents left pending: extraction broke


def extract_pending(store: Store, workers: int = 1, batch_size: int = 16,
                    progress: Progress | None = None) -> ExtractReport:
    """Extract every stored English document not yet done by this extractor version.

    Events and the 'done' mark of their documents are written in one transaction per batch:
    after a crash, a re-run redoes exactly the documents whose events were not committed.
    """
    from entente.extract.parallel import extract_parallel
    from entente.extract.pipeline import EXTRACTOR_VERSION

    report = ExtractReport()
    pending = list(store.documents(pending_for=EXTRACTOR_VERSION))
    results = extract_parallel(pending, workers)
    for batch in _batches(results, batch_size):
        report.failed += [d.name or d.doc_id for d, evs in batch if evs is None]
        done = [(d, evs) for d, evs in batch if evs is not None]
        events = [ev for _, evs in done for ev in evs]
        added, known = store.add_events(events, done_doc_ids=[d.doc_id for d, _ in done],
                                        extractor=EXTRACTOR_VERSION)
        report.documents += len(done)
        report.events_added += added
        report.events_already_stored += known
        if progress:
            progress(len(batch))
    return report


# -- event datasets (GDELT, ICEWS, ACLED, POLECAT) ------------------------------------------------
def import_dataset(store: Store, dataset: str, paths: Iterable[str | Path],
                   progress: Progress | None = None, **options):
    """Import a dataset's event files, a batch (one transaction) at a time, idempotently.

    Returns a `DatasetReport`: rows read, events added and already stored, rows without a
    PLOVER type, and malformed rows with their line numbers; a bad row never stops a file.
    """
    from entente.ingest.datasets import DatasetReport, import_file, read_file, reader

    reader(dataset)  # an unknown dataset is a usage error before any file is opened
    report = DatasetReport(dataset)
    for path in paths:
        report.files += 1
        seen, first_problem = report.rows, len(report.problems)
        sql = not options and import_file(dataset, store, Path(path), report)
        for table in [] if sql else read_file(dataset, Path(path), report, **options):
            added, known = store.add_event_table(table)
            report.added += added
            report.already_stored += known
            if progress:
                progress(report.rows - seen)
            seen = report.rows
        if progress and report.rows > seen:
            progress(report.rows - seen)
        report.problems[first_problem:] = sorted(report.problems[first_problem:],
                                                 key=lambda p: p.line or 0)
    return report
