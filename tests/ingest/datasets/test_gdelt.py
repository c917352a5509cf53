"""GDELT 2.0 and 1.0 event files: counts, idempotence, malformed rows by line, the mapping."""

from __future__ import annotations

import gzip
import shutil
import zipfile

from entente.store import EventFilter
from tests.ingest.datasets.conftest import FIXTURES, bad_lines, by_row, imported


def test_gdelt2_counts_and_malformed_rows_by_line(store):
    report = imported(store, "gdelt", "gdelt2_events.CSV")
    assert (report.rows, report.added, report.unmapped, report.malformed) == (16, 10, 1, 5)
    assert bad_lines(report) == [9, 10, 12, 13, 16]  # line 11 is blank: skipped, not an error
    reasons = {p.line: p.reason for p in report.problems}
    assert reasons[9] == "expected 61 tab-separated fields, found 12"
    assert reasons[10].startswith("SQLDATE")
    assert reasons[12].startswith("EventCode")
    assert reasons[13].startswith("GoldsteinScale")
    assert store.stats()["events"] == 10


def test_a_second_import_adds_nothing(store):
    imported(store, "gdelt", "gdelt2_events.CSV")
    again = imported(store, "gdelt", "gdelt2_events.CSV")
    assert (again.added, again.already_stored) == (0, 10)
    assert store.stats()["events"] == 10


def test_events_carry_type_cameo_intensity_quad_actors_and_dates(store):
    imported(store, "gdelt", "gdelt2_events.CSV")
    events = by_row(store)
    aid = events["1160000001"]
    assert (aid.event_id, aid.type, aid.mode, aid.cameo) == (
        "gdelt2:1160000001", "AID", "military", "072")
    assert (aid.intensity, aid.quad, aid.date, aid.date_precision) == (
        8.3, "material_cooperation", "2024-01-15", "day")
    assert (aid.source.actor_id, aid.source.country, aid.source.sector, aid.source.text) == (
        "IRN", "IRN", "government", "IRAN")
    assert (aid.target.actor_id, aid.target.country) == ("RUS", "RUS")
    assert aid.location.text == "Moscow, Moskva, Russia"
    assert (aid.provenance.dataset, aid.provenance.file, aid.provenance.url) == (
        "gdelt2", "gdelt2_events.CSV", "https://news.example.org/1")
    assert events["1160000007"].intensity == -10  # GoldsteinScale -12, clipped
    assert events["1160000008"].cameo == "042"  # "42" lost its leading zero
    assert events["1160000013"].quad == "material_conflict"  # no QuadClass: from the type
    assert events["1160000013"].intensity == -9.3  # no GoldsteinScale: the type's
    assert "1160000005" not in events  # CAMEO 010, a statement: no PLOVER type


def test_known_groups_become_entente_organisations(store):
    imported(store, "gdelt", "gdelt2_events.CSV")
    events = by_row(store)
    nato = events["1160000004"].source
    assert (nato.actor_id, nato.country) == ("NATO", None)
    assert events["1160000006"].source.actor_id == "EU"
    assert events["1160000007"].source.actor_id == "HEZBOLLAH"


def test_dyad_queries_work_on_imported_events(store):
    imported(store, "gdelt", "gdelt2_events.CSV")
    found = store.events(EventFilter(dyad=("RUS", "IRN")))
    assert {e.provenance.row for e in found} == {"1160000001", "1160000008"}
    day = store.con.execute(
        "SELECT day FROM events WHERE event_id = 'gdelt2:1160000001'").fetchone()[0]
    assert str(day) == "2024-01-15"


def test_gdelt1_daily_and_historical_layouts(store):
    daily = imported(store, "gdelt", "gdelt1_daily.CSV")
    assert (daily.rows, daily.added, daily.malformed) == (16, 10, 5)
    assert "expected 58 tab-separated fields" in daily.problems[0].reason
    assert by_row(store)["1160000001"].event_id == "gdelt1:1160000001"
    assert by_row(store)["1160000001"].provenance.url == "https://news.example.org/1"
    historical = imported(store, "gdelt", "gdelt1_historical.CSV")  # 57 columns, no SOURCEURL
    assert (historical.rows, historical.added, historical.already_stored) == (8, 0, 7)


def test_zipped_and_gzipped_files(store, tmp_path):
    zipped = tmp_path / "20240115.export.CSV.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(FIXTURES / "gdelt2_events.CSV", "20240115.export.CSV")
    gzipped = tmp_path / "events.CSV.gz"
    with (FIXTURES / "gdelt2_events.CSV").open("rb") as source, gzip.open(gzipped, "wb") as out:
        shutil.copyfileobj(source, out)
    first = imported(store, "gdelt", zipped)
    assert (first.added, bad_lines(first)) == (10, [9, 10, 12, 13, 16])
    assert imported(store, "gdelt", gzipped).already_stored == 10


def test_a_file_of_another_layout_is_one_problem(store):
    report = imported(store, "gdelt", "icews_events.tab", "gdelt2_events.CSV")
    assert report.files == 2 and report.added == 10
    assert "20 tab-separated fields on the first line" in report.problems[0].reason


def test_a_missing_file_is_reported(store, tmp_path):
    report = imported(store, "gdelt", tmp_path / "nope.CSV")
    assert report.added == 0 and "nope.CSV" in str(report.problems[0])


def test_bytes_that_are_not_utf8_do_not_sink_the_batch(store, tmp_path):
    data = (FIXTURES / "gdelt2_events.CSV").read_bytes()
    data = data.replace(b"UNITED STATES", b"UNITED \xff STATES")
    path = tmp_path / "latin.CSV"
    path.write_bytes(data)
    assert imported(store, "gdelt", path).added == 10
    assert "\ufffd" in by_row(store)["1160000002"].source.text
