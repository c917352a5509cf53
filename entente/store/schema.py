"""The DuckDB schema, as numbered migrations.

The tables mirror `entente.model`: one row per Document, one per Event (actors flattened
into `source_*` / `target_*` columns so analysts can query them with plain SQL) and one per
Item of an event. `docs/schema.md` documents every column; keep the two in step.
"""

from __future__ import annotations

# Each migration takes the store from version N-1 to N. Append, never edit a released one.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """
        CREATE TABLE meta (
            key   VARCHAR PRIMARY KEY,
            value VARCHAR
        )
        """,
        """
        CREATE TABLE documents (
            doc_id              VARCHAR PRIMARY KEY,
            name                VARCHAR,
            title               VARCHAR,
            url                 VARCHAR,
            published           VARCHAR,
            published_precision VARCHAR,
            language            VARCHAR,
            source_path         VARCHAR,
            source_format       VARCHAR,
            text                VARCHAR NOT NULL,
            ingested_at         TIMESTAMP DEFAULT current_timestamp,
            extracted_at        TIMESTAMP,
            extractor           VARCHAR
        )
        """,
        """
        CREATE TABLE events (
            event_id        VARCHAR PRIMARY KEY,
            doc_id          VARCHAR,
            doc             VARCHAR,
            sentence        VARCHAR,
            span_start      INTEGER,
            span_end        INTEGER,
            trigger         VARCHAR,
            date            VARCHAR,
            date_precision  VARCHAR,
            day             DATE,
            source_text     VARCHAR,
            source_actor_id VARCHAR,
            source_country  VARCHAR,
            source_sector   VARCHAR,
            source_name     VARCHAR,
            source_start    INTEGER,
            source_end      INTEGER,
            target_text     VARCHAR,
            target_actor_id VARCHAR,
            target_country  VARCHAR,
            target_sector   VARCHAR,
            target_name     VARCHAR,
            target_start    INTEGER,
            target_end      INTEGER,
            type            VARCHAR NOT NULL,
            mode            VARCHAR,
            context         VARCHAR[],
            cameo           VARCHAR,
            intensity       DOUBLE,
            quad            VARCHAR,
            status          VARCHAR NOT NULL,
            negated         BOOLEAN NOT NULL,
            attribution     JSON,
            location_text   VARCHAR,
            location_country VARCHAR,
            confidence      DOUBLE,
            provenance      JSON,
            stored_at       TIMESTAMP DEFAULT current_timestamp
        )
        """,
        """
        CREATE TABLE event_items (
            event_id           VARCHAR NOT NULL,
            position           INTEGER NOT NULL,
            text               VARCHAR NOT NULL,
            name               VARCHAR,
            category           VARCHAR,
            quantity           DOUBLE,
            quantity_qualifier VARCHAR,
            unit               VARCHAR,
            start              INTEGER,
            "end"              INTEGER,
            PRIMARY KEY (event_id, position)
        )
        """,
    ],
    # Sanctions lists (entente/sanctions): one row per listed party, replaced when reloaded.
    2: [
        """
        CREATE TABLE sanctioned_entities (
            entity_id        VARCHAR PRIMARY KEY,
            entity_schema    VARCHAR NOT NULL,
            name             VARCHAR NOT NULL,
            aliases          VARCHAR[],
            countries        VARCHAR[],
            programs         VARCHAR[],
            topics           VARCHAR[],
            listed_on        VARCHAR,
            listed_precision VARCHAR,
            dataset          VARCHAR,
            source_file      VARCHAR,
            source_line      INTEGER,
            loaded_at        TIMESTAMP DEFAULT current_timestamp
        )
        """,
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)

# Column order used when writing rows; derived from the DDL above so there is one list.
EVENT_COLUMNS = [
    "event_id", "doc_id", "doc", "sentence", "span_start", "span_end", "trigger", "date",
    "date_precision", "day",
    "source_text", "source_actor_id", "source_country", "source_sector", "source_name",
    "source_start", "source_end",
    "target_text", "target_actor_id", "target_country", "target_sector", "target_name",
    "target_start", "target_end",
    "type", "mode", "context", "cameo", "intensity", "quad", "status", "negated",
    "attribution", "location_text", "location_country", "confidence", "provenance",
]
ITEM_COLUMNS = [
    "event_id", "position", "text", "name", "category", "quantity", "quantity_qualifier",
    "unit", "start", "end",
]
DOCUMENT_COLUMNS = [
    "doc_id", "name", "title", "url", "published", "published_precision", "language",
    "source_path", "source_format", "text",
]
SANCTION_COLUMNS = [
    "entity_id", "entity_schema", "name", "aliases", "countries", "programs", "topics",
    "listed_on", "listed_precision", "dataset", "source_file", "source_line",
]
