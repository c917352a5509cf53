"""Claims: reports and denials of one proposition, grouped and judged."""

import pytest

from entente.analyse.claims import claims
from entente.errors import UsageError
from tests.analyse.conftest import event, load

SHAHED = {"text": "Shahed-136 drones", "name": "Shahed-136", "category": "loitering_munition"}
FATH = {"text": "Fath-360 missiles", "name": "Fath-360", "category": "ballistic_missile"}
DENIAL = "Tehran denied sending Shahed-136 drones to Moscow."


def transfer(event_id, date, status="reported", items=(SHAHED,), **changes):
    return event(event_id, "IRN", "RUS", "AID", date, 5, status=status, mode="military",
                 items=items, **changes)


def world():
    return [
        transfer("r1", "2023-05-01", doc="us.txt", attribution=[
            {"text": "U.S. intelligence reports", "actors": ["USA"], "stance": "reports"}]),
        transfer("r2", "2023-06-10", status="alleged", doc="uk.txt", attribution=[
            {"text": "British officials alleged", "actors": ["GBR"], "stance": "alleges"}]),
        transfer("d1", "2023-06-12", status="denied", doc="ir.txt", sentence=DENIAL,
                 attribution=[{"text": "Tehran denied", "actors": [], "stance": "denies"}]),
        event("j1", "IRN", "USA", "REJECT", "2023-06-12", -4, doc="ir.txt", sentence=DENIAL),
        transfer("late", "2024-06-01", doc="late.txt"),  # beyond 180 days: a new proposition
        transfer("fath", "2023-06-01", items=(FATH,), doc="fath.txt"),  # other items
        event("c1", "RUS", "IRN", "CONSULT", "2023-02-01", 1, doc="news.txt"),
        event("c2", "RUS", "IRN", "CONSULT", "2023-03-01", 1, doc="wire.txt"),
        event("s1", "SYR", "IRN", "AID", "2023-02-01", 5, status="denied", doc="sy.txt",
              attribution=[{"text": "Damascus denied", "actors": ["SYR"], "stance": "denies"}]),
        event("p1", "RUS", "IRN", "AID", "2023-02-01", 5, status="promised", doc="ru.txt"),
    ]


@pytest.fixture
def store(tmp_path, open_store):
    return open_store(load(tmp_path, world()))


def by_events(found):
    return {tuple(c.events): c for c in found}


def test_two_reports_and_a_denial_are_contested(store):
    found = by_events(claims(store))
    claim = found[("r1", "r2", "d1")]
    assert claim.verdict == "contested"
    assert claim.to_dict()["reported_by"] == ["GBR", "USA"]
    assert claim.to_dict()["denied_by"] == ["IRN"]  # the source of the REJECT in that sentence
    assert claim.to_dict()["items"] == ["Shahed-136"]
    assert claim.to_dict()["first"] == "2023-05-01" and claim.to_dict()["last"] == "2023-06-12"


def test_window_and_items_split_propositions(store):
    found = by_events(claims(store))
    assert found[("late",)].verdict == "uncontested"
    assert found[("fath",)].verdict == "uncontested"


def test_other_verdicts(store):
    found = by_events(claims(store))
    assert found[("c1", "c2")].verdict == "uncontested"
    assert found[("c1", "c2")].to_dict()["asserted_by"] == ["news.txt", "wire.txt"]
    assert found[("s1",)].verdict == "denied_only"
    assert found[("s1",)].to_dict()["denied_by"] == ["SYR"]
    assert found[("p1",)].verdict == "unasserted"


def test_filters(store):
    assert {c.type for c in claims(store, type="aid")} == {"AID"}
    assert {(c.source, c.target) for c in claims(store, dyad=("RUS", "IRN"))} == {
        ("IRN", "RUS"), ("RUS", "IRN")}
    assert {c.source for c in claims(store, actor="SYR")} == {"SYR"}
    assert [c.events for c in claims(store, since="2024")] == [["late"]]
    with pytest.raises(UsageError):
        claims(store, type="GOSSIP")


def test_json_shape(store):
    data = claims(store)[0].to_dict()
    assert {"source", "target", "type", "items", "verdict", "asserted_by", "reported_by",
            "denied_by", "events"} <= set(data)


def test_a_generic_denial_answers_a_named_report(tmp_path, open_store):
    """'denied sending missiles' contests the report of 'Fath-360 missiles', not of drones."""
    missiles = {"text": "missiles", "category": "missile"}
    events = [
        transfer("named", "2024-09-01", items=(FATH,), doc="us.txt", attribution=[
            {"text": "U.S. officials said", "actors": ["USA"], "stance": "reports"}]),
        transfer("generic", "2024-09-05", status="denied", items=(missiles,), doc="ir.txt",
                 attribution=[{"text": "Iran denied", "actors": ["IRN"], "stance": "denies"}]),
        transfer("drones", "2024-09-02", items=(SHAHED,), doc="uk.txt"),
    ]
    found = by_events(claims(open_store(load(tmp_path, events))))
    assert found[("named", "generic")].verdict == "contested"
    assert found[("drones",)].verdict == "uncontested"
