"""The store: one DuckDB file holding documents, events and their items.

All SQL of entente lives in this package. Writes are idempotent (documents by content hash,
events by `event_id`) and each batch is one transaction, so a crash loses nothing committed
and re-running a job completes what is missing.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb

from entente.errors import StoreError
from entente.model import Document, Event
from entente.store import rows
from entente.store.queries import EventFilter, event_query
from entente.store.schema import (
    DOCUMENT_COLUMNS, EVENT_COLUMNS, ITEM_COLUMNS, MIGRATIONS, SCHEMA_VERSION,
)

DEFAULT_DB = "entente.duckdb"

__all__ = ["Store", "EventFilter", "default_path", "DEFAULT_DB"]


def default_path(path: str | Path | None = None) -> Path:
    """`--db` wins, then the ENTENTE_DB variable, then ./entente.duckdb."""
    return Path(path or os.environ.get("ENTENTE_DB") or DEFAULT_DB)


def _placeholders(columns: list[str]) -> str:
    return ", ".join("?" for _ in columns)


def _column_list(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


class Store:
    """A connection to one store file, migrated to the current schema on open."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False):
        self.path = default_path(path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        if not read_only:
            self._migrate()

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this entente "
                f"({SCHEMA_VERSION}); upgrade entente")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])

    def transaction(self):
        """A context manager: commit on success, roll back on any exception."""
        return _Transaction(self.con)

    # -- documents -------------------------------------------------------------------------
    def add_documents(self, docs: Iterable[Document]) -> tuple[int, int]:
        """Store new documents in one transaction; returns (added, already stored)."""
        docs = list({d.doc_id: d for d in docs}.values())
        if not docs:
            return 0, 0
        with self.transaction():
            known = self._existing("documents", "doc_id", [d.doc_id for d in docs])
            new = [d for d in docs if d.doc_id not in known]
            if new:
                self.con.executemany(
                    f"INSERT INTO documents ({_column_list(DOCUMENT_COLUMNS)}) "
                    f"VALUES ({_placeholders(DOCUMENT_COLUMNS)})",
                    [rows.document_row(d) for d in new])
        return len(new), len(docs) - len(new)

    def _existing(self, table: str, key: str, ids: list[str]) -> set[str]:
        found = self.con.execute(
            f"SELECT {key} FROM {table} WHERE {key} IN (SELECT unnest(?))", [ids]).fetchall()
        return {r[0] for r in found}

    def document(self, doc_id: str) -> Document | None:
        found = self._dicts(
            f"SELECT {_column_list(DOCUMENT_COLUMNS)} FROM documents WHERE doc_id = ?", [doc_id])
        return rows.document_from_row(found[0]) if found else None

    def documents(self, pending_for: str | None = None) -> Iterator[Document]:
        """All documents, or (with `pending_for`) English ones that extractor has not done yet."""
        sql = f"SELECT {_column_list(DOCUMENT_COLUMNS)} FROM documents"
        params: list[Any] = []
        if pending_for is not None:
            sql += (" WHERE (language IS NULL OR language = 'en')"
                    " AND (extractor IS NULL OR extractor <> ?)")
            params.append(pending_for)
        sql += " ORDER BY name, doc_id"
        for row in self._dicts(sql, params):
            yield rows.document_from_row(row)

    def mark_extracted(self, doc_ids: list[str], extractor: str) -> None:
        self.con.execute(
            "UPDATE documents SET extracted_at = current_timestamp, extractor = ? "
            "WHERE doc_id IN (SELECT unnest(?))", [extractor, doc_ids])

    # -- events ----------------------------------------------------------------------------
    def add_events(self, events: Iterable[Event], done_doc_ids: list[str] | None = None,
                   extractor: str | None = None) -> tuple[int, int]:
        """Store new events and their items in one transaction; returns (added, already stored).

        When `done_doc_ids` is given, those documents are marked extracted in the same
        transaction, so a crash never leaves a document marked done without its events.
        """
        events = list({e.event_id: e for e in events}.values())
        with self.transaction():
            known = self._existing("events", "event_id", [e.event_id for e in events]) if events else set()
            new = [e for e in events if e.event_id not in known]
            if new:
                self.con.executemany(
                    f"INSERT INTO events ({_column_list(EVENT_COLUMNS)}) "
                    f"VALUES ({_placeholders(EVENT_COLUMNS)})",
                    [rows.event_row(e) for e in new])
                items = [r for e in new for r in rows.item_rows(e)]
                if items:
                    self.con.executemany(
                        f"INSERT INTO event_items ({_column_list(ITEM_COLUMNS)}) "
                        f"VALUES ({_placeholders(ITEM_COLUMNS)})", items)
            if done_doc_ids:
                self.mark_extracted(done_doc_ids, extractor or "unknown")
        return len(new), len(events) - len(new)

    def event(self, event_id: str) -> Event | None:
        """One event by id, with its items (for `entente check --event`)."""
        found = self._dicts(
            f"SELECT {_column_list(EVENT_COLUMNS)} FROM events WHERE event_id = ?", [event_id])
        if not found:
            return None
        return rows.event_from_row(found[0], self._items_for([event_id]).get(event_id))

    def events(self, where: EventFilter | None = None) -> list[Event]:
        sql, params = event_query(where or EventFilter())
        found = self._dicts(sql, params)
        items = self._items_for([r["event_id"] for r in found])
        return [rows.event_from_row(r, items.get(r["event_id"])) for r in found]

    def _items_for(self, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        if not event_ids:
            return {}
        by_event: dict[str, list[dict[str, Any]]] = {}
        for item in self._dicts(
                f"SELECT {_column_list(ITEM_COLUMNS)} FROM event_items "
                "WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, position", [event_ids]):
            by_event.setdefault(item["event_id"], []).append(item)
        return by_event

    # -- bulk: dataset imports, exports and scale runs --------------------------------------
    def add_event_table(self, table: Any, items: Any = None, done_doc_ids: list[str] | None = None,
                        extractor: str | None = None) -> tuple[int, int]:
        """Bulk-insert events given as an Arrow table of the event columns, in one transaction;
        ids already stored are skipped. Returns (added, already stored).

        `items` is an optional Arrow table of the item columns; `done_doc_ids` are marked
        extracted in the same transaction, as in `add_events`. Dataset importers and Dask
        merges use this rather than `add_events`: no Python object per row.
        """
        if table.num_rows == 0 and not done_doc_ids:
            return 0, 0
        with self.transaction():
            added = self._insert_arrow("events", EVENT_COLUMNS, table) if table.num_rows else 0
            if items is not None and items.num_rows:
                self._insert_arrow("event_items", ITEM_COLUMNS, items)
            if done_doc_ids:
                self.mark_extracted(done_doc_ids, extractor or "unknown")
        return added, table.num_rows - added

    def _insert_arrow(self, name: str, columns: list[str], table: Any) -> int:
        listed = _column_list(columns)
        self.con.register("_entente_batch", table)
        try:
            return self.con.execute(f"INSERT OR IGNORE INTO {name} ({listed}) "
                                    f"SELECT {listed} FROM _entente_batch").fetchone()[0]
        finally:
            self.con.unregister("_entente_batch")

    def add_event_query(self, select: str, params: list[Any] | None = None,
                        tables: dict[str, Any] | None = None,
                        attempt: Callable[[], None] | None = None) -> int:
        """Insert the events a query selects (columns named as the event columns; any left
        out are null), in one transaction, skipping ids already stored; returns how many
        were added. `tables` are Arrow tables the query reads, registered for its run;
        `attempt` is called before each run of the query (it runs twice when its rows repeat
        an id, see below), for callers that count what the query reads.

        This is how dataset importers load a file without a row passing through Python:
        DuckDB reads it (`read_csv`) and maps it (joins with `tables`) inside the query.
        """
        # A plain INSERT of the rows whose id is not stored yet (an anti-join) is several
        # times faster than INSERT OR IGNORE, which DuckDB runs as a MERGE that first groups
        # every row by id. Ids repeated within the query's own rows break the key: then the
        # transaction is rolled back and done again with INSERT OR IGNORE.
        new = (f"INSERT INTO events BY NAME SELECT * FROM ({select}) AS _new "
               "WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.event_id = _new.event_id)")
        with self._registered(tables or {}):
            try:
                if attempt:
                    attempt()
                with self.transaction():
                    found = self.con.execute(new, params or []).fetchone()
            except duckdb.ConstraintException:
                if attempt:
                    attempt()
                with self.transaction():
                    found = self.con.execute(f"INSERT OR IGNORE INTO events BY NAME {select}",
                                             params or []).fetchone()
        return int(found[0]) if found else 0

    def scan(self, sql: str, params: list[Any] | None = None,
             tables: dict[str, Any] | None = None) -> list[tuple]:
        """Rows of a read-only query over files or registered Arrow `tables` (importers'
        counts and checks); not for the store's own tables, which have their methods."""
        with self._registered(tables or {}):
            cursor = self.con.execute(sql, params or [])
            return cursor.fetchall() if cursor.description else []

    @contextmanager
    def side(self):
        """A second connection to the same store, as a Store, for read-only queries run in
        another thread while this one writes (closed at the end of the block)."""
        view = object.__new__(Store)
        view.path, view.con = self.path, self.con.cursor()
        try:
            yield view
        finally:
            view.con.close()

    @contextmanager
    def _registered(self, tables: dict[str, Any]):
        if tables:  # DuckDB refuses `register` while an earlier result is not fully fetched
            self.con.execute("SELECT 1").fetchall()
        for name, table in tables.items():
            self.con.register(name, table)
        try:
            yield
        finally:
            for name in tables:
                self.con.unregister(name)

    def event_batches(self, where: EventFilter | None = None,
                      batch_size: int = 50_000) -> Iterator[Any]:
        """The filtered events' columns as Arrow record batches, streamed: exports of any size."""
        sql, params = event_query(where or EventFilter())
        cursor = self.con.cursor()
        try:
            yield from cursor.sql(sql, params=params).to_arrow_reader(batch_size)
        finally:
            cursor.close()

    def iter_events(self, where: EventFilter | None = None,
                    batch_size: int = 10_000) -> Iterator[list[Event]]:
        """Like `events`, in batches of whole records with their items; memory stays flat."""
        for batch in self.event_batches(where, batch_size):
            found = batch.to_pylist()
            items = self._items_for([r["event_id"] for r in found])
            yield [rows.event_from_row(r, items.get(r["event_id"])) for r in found]

    def copy_events_parquet(self, path: str | Path, where: EventFilter | None = None,
                            by_month: bool = True) -> int:
        """Write the filtered events to Parquet with DuckDB's COPY; with `by_month`, one
        `month=YYYY-MM` folder per month (`month=unknown` for undated events). Returns the
        number of events written."""
        sql, params = event_query(where or EventFilter())
        if by_month:
            statement = (
                "COPY (SELECT *, coalesce(strftime(day, '%Y-%m'), 'unknown') AS month "
                f"FROM ({sql})) TO ? (FORMAT PARQUET, PARTITION_BY (month), "
                "OVERWRITE_OR_IGNORE true)")
        else:
            statement = f"COPY ({sql}) TO ? (FORMAT PARQUET)"
        return self._copy(statement, [*params, str(path)])

    def _copy(self, statement: str, params: list[Any]) -> int:
        try:
            return int(self.con.execute(statement, params).fetchone()[0])
        except duckdb.Error as exc:
            raise StoreError(f"cannot write {params[-1]}: {exc}") from exc

    # -- reporting -------------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "events": one("SELECT count(*) FROM events"),
            "event_items": one("SELECT count(*) FROM event_items"),
            "documents_extracted": one("SELECT count(*) FROM documents WHERE extractor IS NOT NULL"),
            "documents_not_english": one(
                "SELECT count(*) FROM documents WHERE language IS NOT NULL AND language <> 'en'"),
            "events_by_type": dict(self.con.execute(
                "SELECT type, count(*) FROM events GROUP BY type ORDER BY type").fetchall()),
            "schema_version": self.schema_version(),
            "path": str(self.path),
        }

    def top_dyads(self, n: int = 5) -> list[tuple[str, str, int]]:
        """The busiest actor pairs (either direction), by number of events."""
        return self.con.execute(
            "SELECT least(s, t) AS a, greatest(s, t) AS b, count(*) AS n FROM ("
            " SELECT coalesce(source_country, source_actor_id) AS s,"
            "        coalesce(target_country, target_actor_id) AS t FROM events"
            " WHERE target_actor_id IS NOT NULL) GROUP BY a, b ORDER BY n DESC, a, b LIMIT ?",
            [n]).fetchall()

    def _dicts(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r)) for r in cursor.fetchall()]


class _Transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, *rest) -> None:
        self.con.execute("ROLLBACK" if exc_type else "COMMIT")
