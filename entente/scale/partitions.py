"""Partitions of a corpus and their Parquet files: the unit of work and of crash recovery.

A partition is a run of documents; its name is a hash of their ids, so the same documents
always make the same partition and a finished partition is recognised by its file alone.
The file holds the events in the store's flat columns (items as JSON) and, in its metadata,
the ids of every document of the partition (those without events too), so merging it marks
all of them extracted.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from entente.ingest.datasets.common import EVENT_TYPES_ARROW
from entente.model import Document, Event, content_hash
from entente.store import rows
from entente.store.schema import EVENT_COLUMNS, ITEM_COLUMNS

DOC_IDS_KEY = b"entente.doc_ids"
EXTRACTOR_KEY = b"entente.extractor"
SCHEMA = pa.schema([(c, EVENT_TYPES_ARROW[c]) for c in EVENT_COLUMNS] + [("items", pa.string())])
ITEM_SCHEMA = pa.schema([
    ("event_id", pa.string()), ("position", pa.int32()), ("text", pa.string()),
    ("name", pa.string()), ("category", pa.string()), ("quantity", pa.float64()),
    ("quantity_qualifier", pa.string()), ("unit", pa.string()), ("start", pa.int32()),
    ("end", pa.int32()),
])


@dataclass
class Partition:
    name: str
    documents: list[Document]

    @property
    def doc_ids(self) -> list[str]:
        return [d.doc_id for d in self.documents]

    def file(self, folder: Path) -> Path:
        return folder / f"part-{self.name}.parquet"


def partitions(documents: Iterable[Document], size: int) -> Iterator[Partition]:
    """Runs of `size` distinct documents, in input order, each named by its ids' hash."""
    seen: set[str] = set()
    batch: list[Document] = []
    for doc in documents:
        if doc.doc_id in seen:
            continue
        seen.add(doc.doc_id)
        batch.append(doc)
        if len(batch) >= size:
            yield _partition(batch)
            batch = []
    if batch:
        yield _partition(batch)


def _partition(documents: list[Document]) -> Partition:
    return Partition(content_hash(*sorted(d.doc_id for d in documents)), documents)


def events_table(events: list[Event]) -> pa.Table:
    """Events in the store's columns, plus their items as JSON."""
    values = [rows.event_row(ev) for ev in events]
    columns = [pa.array([v[i] for v in values], SCHEMA.field(c).type)
               for i, c in enumerate(EVENT_COLUMNS)]
    items = pa.array([json.dumps([it.model_dump() for it in ev.items]) for ev in events],
                     pa.string())
    return pa.Table.from_arrays([*columns, items], schema=SCHEMA)


def write_partition(path: Path, doc_ids: list[str], table: pa.Table, extractor: str) -> None:
    """Write atomically (a temporary file, then a rename): a file that exists is complete."""
    meta = {DOC_IDS_KEY: json.dumps(doc_ids).encode(), EXTRACTOR_KEY: extractor.encode()}
    table = table.replace_schema_metadata(meta)
    temporary = path.with_name(path.name + f".{os.getpid()}.tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)


def read_partition(path: Path) -> tuple[list[str], pa.Table, pa.Table, str | None]:
    """(document ids, events table, items table, extractor version) of a partition file."""
    table = pq.read_table(path)
    meta = table.schema.metadata or {}
    doc_ids = json.loads(meta.get(DOC_IDS_KEY, b"[]"))
    extractor = meta.get(EXTRACTOR_KEY, b"").decode() or None
    items = [
        {**item, "event_id": event_id, "position": position}
        for event_id, listed in zip(table.column("event_id").to_pylist(),
                                    table.column("items").to_pylist())
        for position, item in enumerate(json.loads(listed or "[]"))
    ]
    items_table = pa.Table.from_pylist(
        [{c: it.get(c) for c in ITEM_COLUMNS} for it in items], schema=ITEM_SCHEMA)
    return doc_ids, table.drop_columns(["items"]), items_table, extractor


def read_events(path: Path) -> list[Event]:
    """A partition's events as records (for inspection and tests)."""
    table = pq.read_table(path)
    events = []
    for row in table.to_pylist():
        items = json.loads(row.pop("items") or "[]")
        events.append(rows.event_from_row(row, items))
    return events
