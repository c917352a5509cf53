"""POLECAT: the tab-separated release and JSON Lines (flat or PLOVER records)."""

from __future__ import annotations

from tests.ingest.datasets.conftest import bad_lines, imported


def test_polecat_tsv_counts_and_malformed_rows(store):
    report = imported(store, "polecat", "polecat_week.txt")
    assert (report.rows, report.added, report.unmapped, report.malformed) == (11, 6, 1, 4)
    assert bad_lines(report) == [7, 8, 9, 10]
    assert imported(store, "polecat", "polecat_week.txt").added == 0


def test_polecat_tsv_fields(store):
    imported(store, "polecat", "polecat_week.txt")
    events = {e.event_id: e for e in store.events()}
    aid = events["polecat:20230102-0001"]
    assert (aid.type, aid.mode, aid.context, aid.intensity) == ("AID", "military", ["military"], 8.3)
    assert (aid.source.country, aid.target.country, aid.source.sector) == ("IRN", "RUS", "government")
    visit = events["polecat:20230102-0002"]
    assert (visit.source.country, visit.context) == ("RUS", ["diplomatic", "economic"])
    demand = events["polecat:20230103-0004"]  # the draft's DEMAND is REQUEST now
    assert (demand.type, demand.source.actor_id, demand.quad) == ("REQUEST", "EU", "verbal_conflict")
    assert events["polecat:20230103-0003"].target.actor_id == "HEZBOLLAH"
    assert "polecat:20230106-0010" in events  # trailing empty fields are tolerated


def test_polecat_jsonl_flat_and_plover_records(store):
    report = imported(store, "polecat", "polecat_events.jsonl")
    assert (report.rows, report.added, report.malformed) == (8, 4, 4)
    assert bad_lines(report) == [4, 5, 6, 7]
    events = {e.event_id: e for e in store.events()}
    assert events["polecat:pc-0001"].provenance.url == "https://news.example.org/a"
    eu = events["polecat:pc-0002"]
    assert (eu.type, eu.mode, eu.source.actor_id, eu.target.country, eu.date) == (
        "SANCTION", "embargo", "EU", "IRN", "2023-02-02")
    assert eu.sentence == "The EU sanctioned Iranian drone makers."
    arrest = events["polecat:pc-0003"]
    assert (arrest.date, arrest.date_precision, arrest.source.country) == ("2023-02", "month", "IRN")
    assert events["polecat:pc-0007"].quad == "verbal_conflict"
