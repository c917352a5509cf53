"""What the dataset importers share: reading large files in batches with line numbers, look-ups
over distinct values, and Arrow tables in the store's event columns.

Imports are fast because nothing goes row by row where Arrow can do a column at once: a batch
is read as string columns, codes are mapped by looking up each distinct value once, and the
batch goes to the store as one Arrow table (`Store.add_event_table`, one transaction). Memory
stays flat: one batch at a time, and the look-up caches are bounded.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import heapq
import io
import re
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from entente.errors import InputError, InputProblem
from entente.knowledge.actors import ISO_CODES, ActorEntry, load_actors
from entente.store.schema import EVENT_COLUMNS

MAX_PROBLEMS_KEPT = 1000  # a file with a million bad rows is reported by count beyond these
BLOCK_BYTES = 1 << 20  # bytes Arrow parses at a time: small blocks parse fastest
BATCH_ROWS = 100_000  # rows written per transaction
CSV_BATCH_ROWS = 20_000
CACHE_LIMIT = 200_000  # distinct values a look-up remembers before it starts afresh
NUMBER = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"

EVENT_TYPES_ARROW: dict[str, pa.DataType] = {c: pa.string() for c in EVENT_COLUMNS} | {
    "span_start": pa.int32(), "span_end": pa.int32(), "day": pa.date32(),
    "source_start": pa.int32(), "source_end": pa.int32(),
    "target_start": pa.int32(), "target_end": pa.int32(),
    "context": pa.list_(pa.string()), "intensity": pa.float64(), "negated": pa.bool_(),
    "confidence": pa.float64(),
}
MENTION_FIELDS = ("text", "actor_id", "country", "sector", "name")


# --- the report ---------------------------------------------------------------------------------

@dataclass
class DatasetReport:
    """What one import did. `unmapped` rows are well formed but code nothing PLOVER has an
    event type for (CAMEO 01 statements, ACLED's "Other" developments): counted, not stored."""

    dataset: str
    files: int = 0
    rows: int = 0
    added: int = 0
    already_stored: int = 0
    unmapped: int = 0
    malformed: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    problems_not_shown: int = 0  # malformed rows beyond MAX_PROBLEMS_KEPT: counted only

    def bad_row(self, path: Path | str, line: int | None, reason: str) -> None:
        self.malformed += 1
        if not self.problem(path, reason, line):
            self.problems_not_shown += 1

    def problem(self, path: Path | str, reason: str, line: int | None = None) -> bool:
        """Keep a problem to report; False once MAX_PROBLEMS_KEPT are kept."""
        if len(self.problems) >= MAX_PROBLEMS_KEPT:
            return False
        self.problems.append(InputProblem(str(path), reason, line=line))
        return True


# --- opening files ------------------------------------------------------------------------------

@contextmanager
def open_binary(path: Path, native: bool = False):
    """The file's bytes as a stream: plain, gzip (.gz) or the first data member of a .zip.

    With `native`, plain and gzip files are opened by Arrow itself (for Arrow's CSV reader,
    which then never waits on Python I/O); otherwise a Python binary file.
    """
    suffix = path.suffix.lower()
    if suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()
                       and not m.filename.startswith(("__MACOSX/", "."))]
            if not members:
                raise InputError(InputProblem(str(path), "the zip archive holds no file"))
            with archive.open(members[0]) as handle:
                yield handle
    elif native:
        with pa.input_stream(str(path), compression="gzip" if suffix == ".gz" else None) as handle:
            yield handle
    elif suffix == ".gz":
        with gzip.open(path, "rb") as handle:
            yield handle
    else:
        with path.open("rb") as handle:
            yield handle


def first_line(path: Path) -> str:
    """The first non-blank line, decoded (for sniffing a layout or reading a header)."""
    with open_binary(path) as handle:
        for raw in handle:
            if raw.strip():
                return raw.decode("utf-8", errors="replace").lstrip("\ufeff").rstrip("\r\n")
    return ""


class _Lines:
    """Physical line numbers of the rows pyarrow returns, given the lines it skipped as invalid.

    pyarrow's invalid-row handler names each skipped line before the batch holding the lines
    around it is returned, so the rows of a batch are the next lines not skipped.
    """

    def __init__(self, first: int):
        self.next = first
        self._skipped: list[int] = []
        self._lock = threading.Lock()

    def skip(self, line: int) -> None:
        with self._lock:
            heapq.heappush(self._skipped, line)

    def take(self, n: int) -> np.ndarray:
        with self._lock:
            end, gaps = self.next + n, []
            while self._skipped and self._skipped[0] < end:
                gaps.append(heapq.heappop(self._skipped))
                end += 1
        lines = np.arange(self.next, end)
        if gaps:
            lines = lines[~np.isin(lines, gaps)]
        self.next = end
        return lines


class _Utf8Clean(io.RawIOBase):
    """A byte stream with every invalid UTF-8 sequence replaced by U+FFFD, chunk by chunk."""

    def __init__(self, raw):
        self.raw = raw
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            chunk = self.raw.read(1 << 20)
            final = not chunk
            self.pending = self.decoder.decode(chunk, final=final).encode("utf-8")
            if final:
                break
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def read_delimited(path: Path, report: DatasetReport, columns: list[str], *,
                   skip_lines: int = 0, keep: Iterable[str] | None = None,
                   delimiter: str = "\t", batch_rows: int = BATCH_ROWS,
                   ) -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
    """Batches of string columns with each row's line number, from a delimited file without
    quoting (GDELT, ICEWS). A row with the wrong number of fields is reported and skipped;
    a blank line comes back as a row of empty strings for the caller to drop.

    Arrow parses small blocks (fast, and the only way its invalid-row handler knows line
    numbers); they are gathered into batches of about `batch_rows` rows for the store.
    """
    lines = _Lines(first=skip_lines + 1)
    expected = len(columns)

    def invalid(row) -> str:
        if row.number is not None:
            lines.skip(row.number)
        report.rows += 1
        report.bad_row(path, row.number, f"expected {expected} tab-separated fields, "
                                         f"found {row.actual_columns}")
        return "skip"

    wanted = list(keep) if keep is not None else list(columns)
    with open_binary(path, native=True) as raw:
        # Arrow's invalid-row handler decodes the row's text and fails on bytes that are not
        # UTF-8, which stops the whole file; such bytes become U+FFFD before Arrow sees them
        handle = io.BufferedReader(_Utf8Clean(raw), buffer_size=1 << 20)
        reader = pacsv.open_csv(
            handle,
            read_options=pacsv.ReadOptions(column_names=columns, skip_rows=skip_lines,
                                           block_size=BLOCK_BYTES, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False,
                                             ignore_empty_lines=False, invalid_row_handler=invalid),
            convert_options=pacsv.ConvertOptions(
                column_types={c: pa.string() for c in wanted}, include_columns=wanted,
                strings_can_be_null=False, check_utf8=False))
        gathered: list[pa.RecordBatch] = []
        numbers: list[np.ndarray] = []
        size = 0
        for batch in reader:
            if not batch.num_rows:
                continue
            gathered.append(batch)
            numbers.append(lines.take(batch.num_rows))
            size += batch.num_rows
            if size >= batch_rows:
                yield _combined(gathered), np.concatenate(numbers)
                gathered, numbers, size = [], [], 0
        if gathered:
            yield _combined(gathered), np.concatenate(numbers)


def _combined(batches: list[pa.RecordBatch]) -> pa.RecordBatch:
    table = pa.Table.from_batches(batches).combine_chunks()
    return _valid_utf8(table.to_batches()[0]) if table.num_rows else batches[0]


def _valid_utf8(batch: pa.RecordBatch) -> pa.RecordBatch:
    """Bytes that are not UTF-8 become U+FFFD, so one bad byte never sinks a whole batch."""
    columns = list(batch.columns)
    changed = False
    for i, column in enumerate(columns):
        try:
            column.validate(full=True)
        except pa.ArrowInvalid:
            raw = column.cast(pa.binary()).to_pylist()
            columns[i] = pa.array([v.decode("utf-8", "replace") if v is not None else None
                                   for v in raw], pa.string())
            changed = True
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names) if changed else batch


def read_csv_rows(path: Path, report: DatasetReport, *, delimiter: str = ",",
                  quoting: int = csv.QUOTE_MINIMAL, batch_rows: int = CSV_BATCH_ROWS,
                  ) -> Iterator[tuple[list[str], list[tuple[int, list[str]]]]]:
    """(header, [(line, fields)...]) batches of a CSV/TSV file with quoted fields that may
    span lines (ACLED notes); the line is where the record starts."""
    with open_binary(path) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.reader(text, delimiter=delimiter, quoting=quoting)
        header: list[str] | None = None
        batch: list[tuple[int, list[str]]] = []
        start = 1
        try:
            for fields in reader:
                line, start = start, reader.line_num + 1
                if not any(f.strip() for f in fields):
                    continue
                if header is None:
                    header = [f.strip() for f in fields]
                    continue
                batch.append((line, fields))
                if len(batch) >= batch_rows:
                    yield header, batch
                    batch = []
        except csv.Error as exc:
            report.bad_row(path, start, f"unreadable CSV from here on: {exc}")
        if batch and header is not None:
            yield header, batch


def prefetch(items: Iterator[Any], depth: int = 1) -> Iterator[Any]:
    """Run an iterator in a thread, `depth` items ahead: the next batch is parsed and mapped
    while the store writes this one (Arrow and DuckDB both release the GIL)."""
    queue: Queue = Queue(maxsize=depth)
    done = object()
    stop = threading.Event()

    def work() -> None:
        try:
            for item in items:
                if stop.is_set():
                    return
                queue.put((True, item))
            queue.put((True, done))
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put((False, exc))

    thread = threading.Thread(target=work, name="entente-prefetch", daemon=True)
    thread.start()
    try:
        while True:
            ok, item = queue.get()
            if not ok:
                raise item
            if item is done:
                return
            yield item
    finally:
        stop.set()
        while thread.is_alive():  # unblock a producer waiting on a full queue
            try:
                queue.get_nowait()
            except Empty:
                thread.join(0.05)


# --- column helpers -----------------------------------------------------------------------------

def blank_to_null(values: pa.Array) -> pa.Array:
    """Empty (or whitespace) strings as nulls: datasets write "" for "unknown"."""
    trimmed = pc.utf8_trim_whitespace(values)
    return pc.if_else(pc.equal(trimmed, ""), pa.scalar(None, pa.string()), trimmed)


def is_number(values: pa.Array) -> pa.Array:
    return pc.match_substring_regex(values, NUMBER)


def to_float(values: pa.Array) -> pa.Array:
    """Numbers as float64; anything else null (call `is_number` first to report it)."""
    ok = pc.fill_null(is_number(values), False)
    return pc.if_else(ok, values, pa.scalar(None, pa.string())).cast(pa.float64())


def clip(values: pa.Array, low: float = -10.0, high: float = 10.0) -> pa.Array:
    return pc.min_element_wise(pc.max_element_wise(values, low, skip_nulls=False), high,
                               skip_nulls=False)


def json_strings(values: pa.Array) -> pa.Array:
    """Each value as a JSON string literal ("..." with escapes), null as `null`."""
    if pc.any(pc.match_substring_regex(values, r'["\\\x00-\x1f]')).as_py():
        values = pc.replace_substring(values, "\\", "\\\\")
        values = pc.replace_substring(values, '"', '\\"')
        values = pc.replace_substring_regex(values, r"[\x00-\x1f]", " ")
    quoted = pc.binary_join_element_wise('"', values, '"', "")
    return pc.fill_null(quoted, "null")


def provenance_json(n: int, dataset: str, file: str, rows: pa.Array,
                    urls: pa.Array | None = None) -> pa.Array:
    """The provenance column: `Provenance(dataset, file, row, url)` as the store keeps it."""
    head = '{"extractor":null,"dataset":' + _json_literal(dataset) + ',"file":' + \
        _json_literal(file) + ',"row":'
    url = json_strings(urls) if urls is not None else pa.repeat(pa.scalar("null"), n)
    return pc.binary_join_element_wise(
        pa.repeat(pa.scalar(head), n), json_strings(rows), pa.repeat(pa.scalar(',"url":'), n),
        url, pa.repeat(pa.scalar("}"), n), "")


def _json_literal(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def event_ids(dataset: str, *parts: pa.Array) -> pa.Array:
    """`dataset:row id` for every row ("gdelt2:1160000001"): the same row always gets the
    same id, so importing a file twice adds nothing, and the id says where it came from."""
    return pc.binary_join_element_wise(pa.scalar(dataset), *parts, ":")


def parse_stamps(values: pa.Array, fmt: str) -> pa.Array:
    """Strings in `fmt` (which must end with the day, %d) as timestamps; anything else null,
    including impossible dates the parser would roll over ("2018-02-30" is not 2 March)."""
    stamps = pc.strptime(values, format=fmt, unit="s", error_is_null=True)
    day_given = pc.utf8_slice_codeunits(values, -2)
    same = pc.equal(pc.day(stamps), pc.cast(pc.if_else(pc.is_null(stamps), "0", day_given),
                                            pa.int64()))
    return pc.if_else(pc.fill_null(same, False), stamps, pa.scalar(None, stamps.type))


class Lookup:
    """Maps a column through a Python function, calling it once per distinct value.

    The function returns a tuple; `Lookup(...)(column)` returns one Arrow array per element.
    Results are cached across batches (bounded, so memory stays flat on huge files).
    """

    def __init__(self, func: Callable[[Any], tuple], types: list[pa.DataType]):
        self.func, self.types = func, types
        self.cache: dict[Any, tuple] = {}

    def __call__(self, values: pa.Array) -> list[pa.Array]:
        encoded = pc.dictionary_encode(values, null_encoding="mask")
        if isinstance(encoded, pa.ChunkedArray):
            encoded = encoded.combine_chunks()
        results = [self._one(v) for v in encoded.dictionary.to_pylist()]
        return [pa.array([r[i] for r in results], t).take(encoded.indices)
                for i, t in enumerate(self.types)]

    def _one(self, value: Any) -> tuple:
        found = self.cache.get(value)
        if found is None:
            if len(self.cache) >= CACHE_LIMIT:
                self.cache.clear()
            found = self.cache[value] = self.func(value)
        return found


def joined(*columns: pa.Array) -> pa.Array:
    """Several string columns as one key column (fields joined by U+001F)."""
    return pc.binary_join_element_wise(*columns, "\x1f", null_handling="replace")


def event_table(n: int, columns: dict[str, Any]) -> pa.Table:
    """A table with every event column in the store's order: the arrays given, constants
    repeated, and nulls for the rest."""
    arrays = []
    for name in EVENT_COLUMNS:
        kind = EVENT_TYPES_ARROW[name]
        value = columns.get(name)
        if value is None:
            arrays.append(pa.nulls(n, kind))
        elif isinstance(value, (pa.Array, pa.ChunkedArray)):
            arrays.append(value if value.type == kind else value.cast(kind))
        else:
            arrays.append(pa.repeat(pa.scalar(value, kind), n))
    return pa.Table.from_arrays(arrays, names=EVENT_COLUMNS)


def mention_columns(role: str, arrays: list[pa.Array]) -> dict[str, pa.Array]:
    """`source_text`, `source_actor_id`, ... from the five arrays of an actor look-up."""
    return {f"{role}_{f}": a for f, a in zip(MENTION_FIELDS, arrays)}


def rows_to_columns(rows: list[dict[str, Any]]) -> dict[str, pa.Array]:
    """Per-row dicts (ACLED, POLECAT) as typed event columns."""
    return {c: pa.array([r.get(c) for r in rows], EVENT_TYPES_ARROW[c])
            for c in EVENT_COLUMNS if any(r.get(c) is not None for r in rows)}


def all_empty(batch: pa.RecordBatch) -> pa.Array:
    """True for the rows whose every field is empty."""
    result = None
    for column in batch.columns:
        empty = pc.equal(pc.utf8_trim_whitespace(column), "")
        result = empty if result is None else pc.and_(result, empty)
    return result


def any_of(masks, n: int) -> pa.Array:
    """True where any mask is true (or null: a check that could not run counts as failed)."""
    result = pa.repeat(pa.scalar(False), n)
    for mask in masks:
        result = pc.or_(result, pc.fill_null(mask, True))
    return result


def report_rows(report: DatasetReport, path: Path, lines: np.ndarray,
                problems: dict[str, pa.Array]) -> None:
    """One problem per bad row, naming its line and everything wrong with it."""
    reasons: dict[int, list[str]] = {}
    for reason, mask in problems.items():
        for index in np.flatnonzero(pc.fill_null(mask, True).to_numpy(zero_copy_only=False)):
            reasons.setdefault(int(index), []).append(reason)
    for index in sorted(reasons):
        report.bad_row(path, int(lines[index]), "; ".join(reasons[index]))


def kept_rows(report: DatasetReport, path: Path, lines: np.ndarray, problems: dict[str, pa.Array],
              state: pa.Array, n: int) -> pa.Array | None:
    """The mask of a batch's rows to store: bad rows are reported by line, rows without a
    PLOVER type counted as unmapped; None when no row is left."""
    bad = any_of(problems.values(), n)
    if pc.any(bad).as_py():
        report_rows(report, path, lines, problems)
    report.unmapped += pc.sum(pc.and_(pc.invert(bad), pc.equal(state, "unmapped"))).as_py() or 0
    keep = pc.and_(pc.invert(bad), pc.equal(state, "ok"))
    return keep if pc.sum(keep).as_py() else None


def mapped_events(report: DatasetReport, path: Path, records, to_event) -> list[dict[str, Any]]:
    """The events of (line, record) pairs mapped one by one: `to_event(record)` gives
    (event or None, problem or None); problems are reported by line, no event is unmapped."""
    events = []
    for line, record in records:
        report.rows += 1
        event, problem = to_event(record)
        if problem:
            report.bad_row(path, line, problem)
        elif event is None:
            report.unmapped += 1
        else:
            events.append(event)
    return events


def value_map(values: pa.Array, mapping: dict[str, str]) -> pa.Array:
    """Values mapped through a small dict (trimmed keys); values not in it become null."""
    found = pc.index_in(pc.utf8_trim_whitespace(values), value_set=pa.array(list(mapping)))
    return pa.array(list(mapping.values()), pa.string()).take(found)


def drop_blank_rows(batch: pa.RecordBatch, lines: np.ndarray, ids: pa.Array
                    ) -> tuple[pa.RecordBatch, np.ndarray, pa.Array]:
    """Blank lines come back from the reader as rows of empty strings: drop them silently."""
    blank = pc.equal(ids, "")
    if not pc.any(blank).as_py():
        return batch, lines, ids
    nonblank = pc.invert(pc.and_(blank, all_empty(batch)))
    return (batch.filter(nonblank), lines[nonblank.to_numpy(zero_copy_only=False)],
            ids.filter(nonblank))


# --- actors ------------------------------------------------------------------------------------

ActorTuple = tuple[str | None, str | None, str | None, str | None, str | None]
NO_ACTOR: ActorTuple = (None, None, None, None, None)


def actor_tuple(text: str | None, actor_id: str | None, country: str | None = None,
                sector: str | None = None, name: str | None = None) -> ActorTuple:
    if not actor_id:
        return NO_ACTOR
    return (text or name or actor_id, actor_id, country, sector, name)


@lru_cache(maxsize=1)
def _organisations() -> dict[str, ActorEntry]:
    """entente's organisations by id, from the public phrase index of the actor dictionary."""
    found: dict[str, ActorEntry] = {}
    for _, entry in load_actors().phrases():
        if entry.kind not in ("state", "person") and not entry.adjective:
            found.setdefault(entry.actor_id, entry)
    return found


def organisation(actor_id: str) -> ActorEntry | None:
    return _organisations().get(actor_id)


def state_name(code: str) -> str | None:
    entry = load_actors().state(code)
    return entry.name if entry else None


@lru_cache(maxsize=20_000)
def country_code(value: str | None) -> str | None:
    """An ISO3 code from a code or a country name ("IRN", "Iran", "Russian Federation")."""
    if not value or not value.strip():
        return None
    value = value.strip()
    if value.upper() in ISO_CODES:
        return value.upper()
    entry = load_actors().resolve(value)
    if entry is not None and entry.kind == "state":
        return entry.actor_id
    import pycountry

    try:
        return pycountry.countries.lookup(value).alpha_3
    except LookupError:
        return None


@lru_cache(maxsize=50_000)
def resolve_name(name: str) -> ActorEntry | None:
    """What entente's actor dictionary makes of a dataset's actor name (no date: people
    resolve only when they held offices for one state)."""
    try:
        return load_actors().resolve(name)
    except Exception:  # a name the dictionary's date check rejects cannot stop an import
        return None


_SLUG = re.compile(r"[^A-Z0-9]+")


def slug(name: str) -> str:
    """An actor id for a name entente does not know: "Protesters (Iran)" → PROTESTERS_IRAN."""
    return _SLUG.sub("_", name.upper()).strip("_") or "UNKNOWN"
