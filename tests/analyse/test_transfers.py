"""The arms-transfer register: merged reports, statuses, quantities and sources."""

import pytest

from entente.analyse.transfers import transfers
from tests.analyse.conftest import event, load


def item(name, quantity=None, category="loitering_munition", text=None):
    return {"text": text or name, "name": name, "category": category, "quantity": quantity}


def aid(event_id, source, target, date, status="asserted", items=(), **changes):
    return event(event_id, source, target, "AID", date, 5, status=status, mode="military",
                 items=items, **changes)


def world():
    us = [{"text": "U.S. officials said", "actors": ["USA"], "stance": "reports"}]
    return [
        # three reports of one transfer merge into one row
        aid("s1", "IRN", "RUS", "2023-05", "reported", [item("Shahed-136", 100)], doc="us.txt",
            attribution=us),
        aid("s2", "IRN", "RUS", "2023-06-02", "asserted", [item("Shahed-136", 400)], doc="wire.txt"),
        aid("s3", "IRN", "RUS", "2023-08-20", "reported", [item("Shahed-136", 200)], doc="uk.txt"),
        # promised, then "has yet to supply": undelivered
        aid("u1", "RUS", "IRN", "2023-01-10", "promised", [item("Su-35", 24, "combat_aircraft")]),
        aid("u2", "RUS", "IRN", "2023-09-01", "asserted", [item("Su-35", None, "combat_aircraft")],
            negated=True),
        aid("o1", "RUS", "IRN", "2023-03-01", "planned", [item("Yak-130", 2, "trainer_aircraft")]),
        aid("r1", "PRK", "RUS", "2023-10-01", "alleged", [item(None, 1e6, "artillery_shell",
                                                               "a million artillery shells")]),
        aid("d1", "IRN", "SDN", "2023-04-01", "denied", [item("Mohajer-6", 6, "drone")]),
        aid("p1", "BLR", "RUS", "2023-02-01", "promised", [item("T-72", 10, "tank")]),
        # delivered after an earlier "has not yet delivered"
        aid("l1", "RUS", "IRN", "2023-01-15", "asserted", [item("Mi-28", 1, "helicopter")],
            negated=True),
        aid("l2", "RUS", "IRN", "2023-11-15", "asserted", [item("Mi-28", 2, "helicopter")]),
        aid("n1", "CHN", "RUS", "2023-03-01", "asserted"),  # no items: no system
        # not in the register: hypothetical, not military
        aid("h1", "CHN", "RUS", "2023-03-02", "hypothetical", [item("Wing Loong", 3, "drone")]),
        event("m1", "CHN", "RUS", "AID", "2023-03-03", 5, items=[item("grain", 1e5, "food")]),
    ]


@pytest.fixture
def register(tmp_path, open_store):
    return {(r.supplier, r.recipient, r.system): r
            for r in transfers(open_store(load(tmp_path, world())))}


def test_three_reports_merge_into_one_row(register):
    row = register[("IRN", "RUS", "Shahed-136")]
    assert [s["event_id"] for s in row.sources] == ["s1", "s2", "s3"]
    assert row.quantity == 400 and row.status == "delivered"
    assert (row.first_reported, row.last_reported) == ("2023-05", "2023-08-20")
    assert row.sources[0]["doc"] == "us.txt"
    assert row.sources[0]["attribution"] == ["U.S. officials said"]


def test_statuses(register):
    status = {key[2]: row.status for key, row in register.items()}
    assert status == {"Shahed-136": "delivered", "Su-35": "undelivered", "Yak-130": "ordered",
                      "a million artillery shells": "reported", "Mohajer-6": "denied",
                      "T-72": "promised", "Mi-28": "delivered", None: "delivered"}
    assert register[("RUS", "IRN", "Su-35")].quantity == 24


def test_filters_and_json_shape(tmp_path, open_store):
    store = open_store(load(tmp_path, world()))
    assert {r.system for r in transfers(store, supplier="irn")} == {"Shahed-136", "Mohajer-6"}
    assert {r.supplier for r in transfers(store, recipient="IRN")} == {"RUS"}
    assert {r.system for r in transfers(store, since="2023-10")} == {
        "a million artillery shells", "Mi-28"}
    data = transfers(store, supplier="IRN")[0].to_dict()
    assert set(data) == {"supplier", "recipient", "system", "category", "quantity", "status",
                         "first_reported", "last_reported", "sources"}
