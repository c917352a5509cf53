"""Bugs the fuzzers found in code these tests do not own, one minimal case each.

Fixed bugs stay here as regression tests. An open bug's test is marked strict-xfail: when
the bug is fixed the test passes, strict xfail turns that into a failure, and whoever fixed
it deletes the mark here and the bug's entry in `fuzzing.KNOWN_BUGS` (so the fuzzers stop
tolerating it). The bugs the fuzzers found in the readers and the API were fixed with the
tests; see docs/security.md.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from entente.model import Document
from entente.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "datasets" / "fixtures"


def _import(dataset: str, path: Path):
    pytest.importorskip("entente.ingest.datasets")
    from entente.jobs import import_dataset

    with Store(":memory:") as store:
        return import_dataset(store, dataset, [path])


# Was a bug (fixed in 2e8ebd7): EOFError from gzip escaped jobs.import_dataset.
@pytest.mark.parametrize("dataset, name", [("gdelt", "e.CSV.gz"), ("icews", "e.tab.gz"),
                                           ("acled", "e.csv.gz"), ("polecat", "e.jsonl.gz")])
def test_a_truncated_gzip_file_is_a_named_problem(tmp_path, dataset, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(b"x\ty\n" * 100)[:10])  # the header, then nothing
    report = _import(dataset, path)
    assert report.problems and report.problems[0].reason


# Was a bug (GDELT fixed in ab67185, ICEWS in 2e8ebd7): pyarrow's invalid-row handler could
# not decode the row, the parse stopped and the whole file became one 'could not parse' problem.
@pytest.mark.parametrize("dataset, fixture, name", [
    ("gdelt", "gdelt2_events.CSV", "events.CSV"),
    ("icews", "icews_events.tab", "events.tab"),
])
def test_one_bad_row_with_non_utf8_bytes_does_not_sink_the_file(tmp_path, dataset, fixture, name):
    seed = FIXTURES / fixture
    if not seed.exists():
        pytest.skip(f"the {dataset} fixture is not there")
    lines = seed.read_bytes().split(b"\n")
    header = [] if dataset == "gdelt" else lines[:1]
    width = 60 if dataset == "gdelt" else lines[0].count(b"\t")
    good = [line for line in lines[len(header):] if line.count(b"\t") == width][:6]
    bad = b"123\t\xff\xfe broken\tonly three fields"
    path = tmp_path / name
    path.write_bytes(b"\n".join(header + good[:3] + [bad] + good[3:]) + b"\n")
    report = _import(dataset, path)
    assert report.malformed == 1 and report.rows == len(good) + 1, report.problems
    assert report.added + report.unmapped == len(good)


# Was a bug: a line of nothing but tabs shifted the row numbers and reporting the bad row
# raised KeyError; the row is now reported (without its line number if it cannot be placed).
def test_an_all_tab_line_before_bad_rows_does_not_break_row_numbers(tmp_path):
    path = tmp_path / "events.CSV"
    path.write_bytes(b"\t" * 60 + b"\n" + b"\t" * 60 + b"x")  # 61 empty fields; 61 fields, bad
    report = _import("gdelt", path)
    assert report.malformed >= 1 and all(p.reason for p in report.problems)


# Was a bug (fixed in 2e8ebd7): TypeError hashing the id of an ACCUSE event against an actor
# without a code, which stopped `entente extract` for the whole store.
def test_an_accusation_against_an_actor_without_a_code_does_not_crash():
    from entente.extract.pipeline import Extractor

    text = "U.S. officials said Vladimir Putin supplied drones to Iran."
    doc = Document(doc_id=Document.make_id(text), text=text, published="2000", name="a.txt")
    assert isinstance(Extractor().extract(doc), list)


# Was a bug: every source x target pair became an event, each dated anew: O(n^3). Checked by
# the work done, not by the clock (a timed bound failed once on a busy CI machine).
def test_a_long_list_of_actors_gives_one_event_per_pair_dated_once(monkeypatch):
    from entente.extract.events import EventBuilder
    from entente.extract.pipeline import Extractor

    dated = []
    find_date = EventBuilder._find_date

    def counting(self, *args, **kwargs):
        dated.append(1)
        return find_date(self, *args, **kwargs)

    monkeypatch.setattr(EventBuilder, "_find_date", counting)
    names = ["Iran", "Russia", "China", "Israel", "Turkey", "Syria", "Belarus", "Qatar"]
    actors = " and ".join(names[i % len(names)] for i in range(100))
    events = Extractor().extract_text(f"{actors} supplied drones to {actors}.")
    pairs = {(e.source.code, e.target.code) for e in events}
    assert len(events) == len(pairs) <= len(names) * (len(names) - 1)
    assert len(dated) == 1  # one trigger, one date lookup however many pairs
