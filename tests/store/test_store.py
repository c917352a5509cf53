import duckdb
import pytest

from entente.errors import StoreError
from entente.model import Document, Item
from entente.store import EventFilter, Store, default_path
from entente.store.schema import SCHEMA_VERSION
from tests.conftest import make_event


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_new_store_is_migrated(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.stats()["documents"] == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_db_path_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ENTENTE_DB", str(tmp_path / "env.duckdb"))
    assert default_path() == tmp_path / "env.duckdb"
    assert default_path("given.duckdb").name == "given.duckdb"


def test_documents_are_idempotent(store, document):
    assert store.add_documents([document]) == (1, 0)
    assert store.add_documents([document, document]) == (0, 1)
    assert store.document(document.doc_id) == document


def test_events_round_trip_and_are_idempotent(store):
    events = [make_event("e1"), make_event("e2", items=[Item(text="a", quantity=1),
                                                        Item(text="b", name="Shahed-136")])]
    assert store.add_events(events) == (2, 0)
    assert store.add_events(events) == (0, 2)
    assert store.events() == events
    assert store.stats()["event_items"] == 3


def test_failed_batch_stores_nothing(store, document, monkeypatch):
    from entente.store import rows

    def broken(ev):
        raise RuntimeError("disk full")
    monkeypatch.setattr(rows, "item_rows", broken)
    with pytest.raises(RuntimeError):
        store.add_events([make_event("e1")], done_doc_ids=[document.doc_id], extractor="x")
    assert store.stats()["events"] == 0


def test_marking_extracted_goes_with_the_events(store, document):
    store.add_documents([document])
    assert [d.doc_id for d in store.documents(pending_for="v1")] == [document.doc_id]
    store.add_events([make_event("e1", doc_id=document.doc_id)],
                     done_doc_ids=[document.doc_id], extractor="v1")
    assert list(store.documents(pending_for="v1")) == []
    assert len(list(store.documents(pending_for="v2"))) == 1


def test_non_english_documents_are_not_pending(store):
    doc = Document(doc_id="x", text="Le gouvernement a annoncé.", language="fr")
    store.add_documents([doc])
    assert list(store.documents(pending_for="v1")) == []


@pytest.mark.parametrize("where, expected", [
    (EventFilter(actor="irn"), {"e1", "e2", "e3"}),
    (EventFilter(dyad=("RUS", "IRN")), {"e1", "e2"}),
    (EventFilter(type="assault"), {"e3"}),
    (EventFilter(status="denied"), {"e2"}),
    (EventFilter(since="2024"), {"e2", "e3"}),
    (EventFilter(until="2023-12-31"), {"e1"}),
    (EventFilter(item="shahed-136"), {"e2"}),
    (EventFilter(item="drones"), {"e1", "e3"}),
    (EventFilter(actor="ISR"), {"e3"}),
    (EventFilter(actor="x' OR 1=1 --"), set()),
])
def test_event_filters(store, where, expected):
    from entente.model import Mention
    israel = Mention(text="Israel", actor_id="ISR", country="ISR")
    store.add_events([
        make_event("e1"),
        make_event("e2", date="2024-02-01", status="denied",
                   items=[Item(text="Geran-2", name="Shahed-136")]),
        make_event("e3", date="2024", type="ASSAULT", target=israel),
    ])
    assert {e.event_id for e in store.events(where)} == expected


def test_limit_and_offset(store):
    store.add_events([make_event(f"e{i}") for i in range(5)])
    page = store.events(EventFilter(limit=2, offset=2))
    assert len(page) == 2
