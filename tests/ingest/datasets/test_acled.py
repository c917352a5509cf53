"""ACLED exports: counts, malformed rows, the event-type table, state forces and notes."""

from __future__ import annotations

from entente.ingest.datasets import tables
from tests.ingest.datasets.conftest import bad_lines, imported


def test_acled_counts_and_malformed_rows(store):
    report = imported(store, "acled", "acled_export.csv")
    assert (report.rows, report.added, report.unmapped, report.malformed) == (13, 8, 1, 4)
    assert bad_lines(report) == [11, 12, 13, 14]  # the note of line 3 spans two lines
    assert "Skirmishes" in report.problems[2].reason
    assert imported(store, "acled", "acled_export.csv").added == 0


def test_acled_types_actors_and_places(store):
    imported(store, "acled", "acled_export.csv")
    events = {e.event_id: e for e in store.events()}
    strike = events["acled:UKR100001"]
    assert (strike.type, strike.mode, strike.cameo, strike.intensity) == (
        "ASSAULT", "aerial", "195", -10.0)
    assert (strike.source.actor_id, strike.source.sector, strike.target.country) == (
        "RUS", "military", "UKR")
    assert strike.sentence.startswith("On 1 February 2024")
    assert (strike.location.country, strike.date) == ("UKR", "2024-02-01")  # iso 804
    assert "\n" in events["acled:UKR100002"].sentence
    protest = events["acled:IRN200002"]
    assert (protest.type, protest.mode, protest.source.actor_id) == (
        "PROTEST", "demo", "PROTESTERS_IRAN")
    assert (protest.target.country, protest.target.sector) == ("IRN", "police")
    assert events["acled:IND400001"].type == "ASSAULT"  # mob violence
    assert events["acled:LBN300001"].source.actor_id == "HEZBOLLAH"
    assert events["acled:SYR500002"].type == "AGREE"
    us = events["acled:YEM700001"]  # "12 February 2024", time_precision 3: the month
    assert (us.date, us.date_precision, us.target.actor_id) == ("2024-02", "month", "HOUTHIS")


def test_every_acled_entry_names_a_plover_type_or_none():
    table = tables.acled()
    assert table.target("Battles", "Armed clash") == (True, ("ASSAULT", None))
    assert table.target("Protests", "Something new") == (True, ("PROTEST", "demo"))
    assert table.target("Strategic developments", "Other") == (True, None)
    assert table.target("Skirmishes", "") == (False, None)
