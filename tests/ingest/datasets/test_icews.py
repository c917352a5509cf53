"""ICEWS event files: counts, malformed rows, the Event ID + date identity, actors."""

from __future__ import annotations

from tests.ingest.datasets.conftest import bad_lines, imported


def test_icews_counts_and_malformed_rows(store):
    report = imported(store, "icews", "icews_events.tab")
    assert (report.rows, report.added, report.unmapped, report.malformed) == (12, 6, 1, 5)
    assert bad_lines(report) == [8, 9, 10, 12, 14]
    reasons = {p.line: p.reason for p in report.problems}
    assert reasons[9].startswith("Event Date")  # 2018-02-30 does not exist
    assert reasons[10].startswith("CAMEO Code")
    assert reasons[12].startswith("Intensity")
    assert imported(store, "icews", "icews_events.tab").added == 0


def test_icews_repeats_event_ids_on_other_dates(store):
    imported(store, "icews", "icews_events.tab")
    ids = {e[0] for e in store.con.execute("SELECT event_id FROM events").fetchall()}
    assert {"icews:26001001:2018-03-02", "icews:26001001:2019-05-01"} <= ids


def test_icews_actors_and_fields(store):
    imported(store, "icews", "icews_events.tab")
    events = {e.event_id: e for e in store.events()}
    aid = events["icews:26001001:2018-03-02"]
    assert (aid.type, aid.mode, aid.intensity, aid.quad) == (
        "AID", "military", 8.3, "material_cooperation")
    assert (aid.source.country, aid.target.country) == ("IRN", "RUS")  # "Russian Federation"
    assert (aid.location.text, aid.location.country) == ("Tehran, Iran", "IRN")
    arrest = events["icews:26001003:2018-03-03"]
    assert (arrest.type, arrest.mode, arrest.source.sector) == ("COERCE", "arrest", "police")
    assert events["icews:26001004:2018-03-04"].source.actor_id == "UN"
    assert events["icews:26001005:2018-03-05"].target.actor_id == "HEZBOLLAH"
    assert events["icews:26001006:2018-03-06"].cameo == "036"  # "36" in the file
