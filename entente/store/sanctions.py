"""SQL for the sanctions tables (migration 2), kept in the store package with the rest of it.

Rows go in and out as plain dicts keyed by `SANCTION_COLUMNS`; `entente.sanctions` turns
them into its records, so the store does not depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from entente.store import Store
from entente.store.schema import SANCTION_COLUMNS

_COLUMNS = ", ".join(f'"{c}"' for c in SANCTION_COLUMNS)
_PLACEHOLDERS = ", ".join("?" for _ in SANCTION_COLUMNS)


def add_entities(store: Store, rows: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """Store listed parties in one transaction; a party already stored is replaced.

    Returns (added, replaced). Reloading a newer list updates names and programmes in place.
    """
    rows = list({r["entity_id"]: r for r in rows}.values())
    if not rows:
        return 0, 0
    ids = [r["entity_id"] for r in rows]
    with store.transaction():
        known = {r[0] for r in store.con.execute(
            "SELECT entity_id FROM sanctioned_entities WHERE entity_id IN (SELECT unnest(?))",
            [ids]).fetchall()}
        if known:
            store.con.execute("DELETE FROM sanctioned_entities WHERE entity_id IN (SELECT unnest(?))",
                              [sorted(known)])
        store.con.executemany(
            f"INSERT INTO sanctioned_entities ({_COLUMNS}) VALUES ({_PLACEHOLDERS})",
            [[r.get(c) for c in SANCTION_COLUMNS] for r in rows])
    return len(rows) - len(known), len(known)


def entities(store: Store) -> list[dict[str, Any]]:
    """Every stored party, in a stable order."""
    cursor = store.con.execute(f"SELECT {_COLUMNS} FROM sanctioned_entities ORDER BY entity_id")
    return [dict(zip(SANCTION_COLUMNS, row)) for row in cursor.fetchall()]


def count(store: Store) -> int:
    return store.con.execute("SELECT count(*) FROM sanctioned_entities").fetchone()[0]


def event_actor_names(store: Store) -> list[dict[str, Any]]:
    """Each distinct actor name or text in stored events, with its code and how many events.

    Both the words in the sentence ("Mahan Airlines") and the canonical name are matched.
    """
    sql = """
        SELECT words, actor_id, country, count(DISTINCT event_id) AS events FROM (
            SELECT event_id, source_text AS words, source_actor_id AS actor_id, source_country AS country FROM events
            UNION ALL SELECT event_id, source_name, source_actor_id, source_country FROM events
            UNION ALL SELECT event_id, target_text, target_actor_id, target_country FROM events
            UNION ALL SELECT event_id, target_name, target_actor_id, target_country FROM events
        ) WHERE words IS NOT NULL AND length(trim(words)) > 0
        GROUP BY words, actor_id, country ORDER BY events DESC, words
    """
    cursor = store.con.execute(sql)
    return [dict(zip(("words", "actor_id", "country", "events"), row)) for row in cursor.fetchall()]
