"""Fuzzing the event-dataset importers (GDELT, ICEWS, ACLED, POLECAT): whatever a file holds,
`jobs.import_dataset` stores what it can, names every bad row or file, and never raises.

Cases are the importers' own fixtures mutated (fields replaced with hostile values, lines
dropped, doubled or cut, bytes flipped), rows generated from scratch, random bytes, and all
of these gzipped or zipped, whole or truncated. Every row read must be accounted for:
stored, without a PLOVER type (unmapped) or named as malformed.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from entente.errors import InputProblem
from entente.store import Store
from tests.reliability.fuzzing import CASES, fuzz_settings, huge_line, known_bugs_tolerated, odd_text

datasets = pytest.importorskip("entente.ingest.datasets",
                               reason="the dataset importers (entente/ingest/datasets) are not there yet")
from entente.jobs import import_dataset  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "datasets" / "fixtures"
SEEDS = {
    "gdelt": ["gdelt2_events.CSV", "gdelt1_daily.CSV", "gdelt1_historical.CSV"],
    "icews": ["icews_events.tab"],
    "acled": ["acled_export.csv"],
    "polecat": ["polecat_events.jsonl", "polecat_week.txt"],
}
# The name a case is written under decides how it is opened (.gz, .zip) and, for POLECAT,
# read (JSON Lines or TSV).
SUFFIXES = {
    "gdelt": [".CSV", ".csv", ".txt"],
    "icews": [".tab", ".tsv", ".txt"],
    "acled": [".csv", ".txt"],
    "polecat": [".txt", ".tsv", ".jsonl", ".json", ".ndjson"],
}


def _seed(name: str) -> bytes:
    path = FIXTURES / name
    return path.read_bytes() if path.exists() else b""


# -- hostile values and mutations -----------------------------------------------------------------

field_value = st.one_of(
    st.sampled_from([
        "", " ", "0", "-0", "-1", "1.5.3", "99999999999999999999999", "1e308", "-1e309", "nan",
        "NaN", "inf", "-inf", "None", "null", "N/A", "20230230", "00000000", "99991231", "19000101",
        "2023-02-30", "0001-01-01", "9999-12-31", "2024-13-01", "2024-1-1", "15 Smarch 2024",
        "072", "72", "0720", "7", "21", "999", "01", "1823", "---", "IRN", "iran", "XXX", "USA;RUS",
        "Military Forces of", "Military Forces of Atlantis (2000-)", "Military Forces of  ()",
        "(2000-)", "()", "AID", "aid", "DEMAND", "consult", "military", "3", "5", "Government,,",
        '"', '""', "'", "\\", "\t", ",", "\n", "\r", "\x00", "\ufeff", "\x1f",
    ]),
    odd_text.map(lambda t: t[:60]),
    huge_line(1000, 60_000),
)


def _separator(line: bytes) -> bytes:
    return b"\t" if line.count(b"\t") >= line.count(b",") else b","


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """A fixture with a few things broken in it."""
    lines = seed.split(b"\n")
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["field", "field", "field", "drop_field", "add_field", "drop_line",
                                   "double_line", "blank", "cut", "flip", "splice", "crlf", "bom"]))
        if not lines:
            lines = [b""]
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        sep = _separator(line)
        fields = line.split(sep)
        if op in ("field", "drop_field", "add_field"):
            i = draw(st.integers(0, len(fields)))
            if op == "field" and i < len(fields):
                fields[i] = draw(field_value).encode("utf-8", "surrogatepass")
            elif op == "drop_field" and i < len(fields):
                del fields[i]
            else:
                fields.insert(i, draw(field_value).encode("utf-8", "surrogatepass"))
            lines[at] = sep.join(fields)
        elif op == "drop_line":
            del lines[at]
        elif op == "double_line":  # the same row twice: the same event id twice
            lines.insert(at, line)
        elif op == "blank":
            lines.insert(at, draw(st.sampled_from([b"", b" ", b"\t\t", b",,,", b"\r"])))
        elif op == "cut":
            data = b"\n".join(lines)
            return data[:draw(st.integers(0, len(data)))]
        elif op == "flip" and line:
            j = draw(st.integers(0, len(line) - 1))
            lines[at] = line[:j] + bytes([line[j] ^ draw(st.integers(1, 255))]) + line[j + 1:]
        elif op == "splice":
            lines[at] = line + draw(st.binary(max_size=12))
        elif op == "crlf":
            lines = [x + b"\r" for x in lines]
        elif op == "bom":
            lines[0] = b"\xef\xbb\xbf" + lines[0]
    return b"\n".join(lines)


def _tsv(rows: list[list[str]]) -> bytes:
    return "\n".join("\t".join(r) for r in rows).encode("utf-8", "surrogatepass")


@st.composite
def generated(draw, dataset: str) -> bytes:
    """Rows made from scratch, with the dataset's header (if it has one) or a broken one."""
    values = st.lists(field_value, max_size=70)
    if dataset == "gdelt":
        width = draw(st.sampled_from([57, 58, 61, 0, 1, 56, 60, 62]))
        rows = [draw(st.lists(field_value, min_size=width, max_size=width))
                for _ in range(draw(st.integers(0, 5)))]
        rows += draw(st.lists(values, max_size=2))  # rows of other widths
        return _tsv(rows)
    if dataset == "icews":
        header = _seed("icews_events.tab").split(b"\n", 1)[0].decode().split("\t")
        header = draw(st.permutations(header)) if draw(st.booleans()) else header[:draw(st.integers(0, len(header)))]
        rows = [draw(st.lists(field_value, min_size=len(header), max_size=len(header)))
                for _ in range(draw(st.integers(0, 5)))]
        return _tsv([header, *rows, *draw(st.lists(values, max_size=2))])
    if dataset == "acled":
        header = _seed("acled_export.csv").split(b"\n", 1)[0].decode().strip().split(",")
        header = draw(st.permutations(header)) if draw(st.booleans()) else header + draw(st.lists(field_value, max_size=2))
        out = io.StringIO()
        writer = csv.writer(out, quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
        writer.writerow(header)
        for _ in range(draw(st.integers(0, 5))):
            writer.writerow(draw(st.lists(field_value, min_size=len(header), max_size=len(header))))
        text = out.getvalue()
        if draw(st.booleans()):
            text += draw(st.sampled_from(['"unclosed quote,' + "x" * 10, "a,b\x00c\n", '"a""b,c\n']))
        return text.encode("utf-8", "surrogatepass")
    # polecat: JSON Lines records with its keys and anything as values
    keys = ["event_id", "id", "event_date", "date", "story_date", "event_type", "event", "event_mode",
            "mode", "contexts", "context", "actor_name", "actor_country", "actor_code", "actor",
            "recipient", "recipient_name", "recipient_country", "primary_actor_sector", "intensity",
            "quad_code", "quad", "status", "negated", "text", "sentence", "event_text", "location",
            "placename", "country", "url", "source", "cameo"]
    scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(), field_value)
    json_values = st.recursive(scalars, lambda c: st.lists(c, max_size=3)
                               | st.dictionaries(st.sampled_from(["text", "code", "country", "name",
                                                                  "sector", "url", "actor_id"]), c, max_size=3),
                               max_leaves=8)
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        record = draw(st.dictionaries(st.sampled_from(keys), json_values, max_size=12))
        lines.append(json.dumps(record) if draw(st.integers(0, 9)) else draw(odd_text))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


@st.composite
def wrapped(draw, data: bytes, suffix: str) -> tuple[bytes, str]:
    """The case as a plain file, gzipped or zipped, possibly truncated; or junk so named."""
    how = draw(st.sampled_from(["plain"] * 6 + ["gz", "zip", "gz_cut", "zip_cut", "junk_gz",
                                                "junk_zip", "empty_zip", "dir_zip"]))
    if how == "plain":
        return data, suffix
    if how in ("gz", "gz_cut"):
        packed = gzip.compress(data)
        if how == "gz_cut":
            packed = packed[:draw(st.integers(0, max(0, len(packed) - 1)))]
        return packed, suffix + ".gz"
    if how in ("zip", "zip_cut", "empty_zip", "dir_zip"):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            if how == "dir_zip":
                archive.writestr("folder/", b"")
                archive.writestr("__MACOSX/._x", b"\x00\x05")
            if how != "empty_zip":
                archive.writestr(f"events{suffix}", data)
        packed = out.getvalue()
        if how == "zip_cut":
            packed = packed[:draw(st.integers(0, max(0, len(packed) - 1)))]
        return packed, ".zip"
    return draw(st.binary(max_size=300)), ".gz" if how == "junk_gz" else ".zip"


def cases(dataset: str) -> st.SearchStrategy[tuple[bytes, str]]:
    seeds = [s for s in (_seed(name) for name in SEEDS[dataset]) if s]
    content = st.one_of(
        *(mutated(seed) for seed in seeds),
        generated(dataset),
        st.binary(max_size=2000),
        odd_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    )
    return st.tuples(content, st.sampled_from(SUFFIXES[dataset])).flatmap(lambda c: wrapped(*c))


# -- the check ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def memory_store():
    with Store(":memory:") as store:
        yield store


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="entente-fuzz-datasets-") as folder:
        yield Path(folder)


def import_case(store: Store, folder: Path, dataset: str, data: bytes, suffix: str,
                batch_rows: int | None) -> None:
    path = folder / f"case{suffix}"
    path.write_bytes(data)
    options = {"batch_rows": batch_rows} if batch_rows else {}
    with known_bugs_tolerated():
        report = import_dataset(store, dataset, [path], **options)  # must not raise
        check_report(report)


def check_report(report) -> None:
    stored = report.added + report.already_stored
    assert report.files == 1
    assert min(report.rows, report.added, report.already_stored, report.unmapped, report.malformed) >= 0
    for problem in report.problems:
        assert isinstance(problem, InputProblem) and problem.reason.strip(), problem
        assert not problem.reason.startswith("could not read:"), problem
    # Every row read is stored, unmapped or named malformed; a file-level problem (not a
    # dataset file, unreadable, the parser gave up) may stop the count part-way.
    whole_file = len(report.problems) > report.malformed
    stopped = sum("from here on" in p.reason for p in report.problems)
    if not whole_file:
        assert stored + report.unmapped + report.malformed - stopped == report.rows, (
            f"rows {report.rows} != stored {stored} + unmapped {report.unmapped} + "
            f"malformed {report.malformed} (- {stopped}): {report.problems[:5]}")


@pytest.mark.parametrize("dataset", sorted(SEEDS))
def test_dataset_importer(dataset, memory_store, scratch):
    @fuzz_settings()
    @given(case=cases(dataset), batch_rows=st.sampled_from([None, None, 1, 3]))
    def run(case, batch_rows):
        CASES[f"dataset {dataset}"] += 1
        import_case(memory_store, scratch, dataset, *case, batch_rows)

    run()


@pytest.mark.parametrize("dataset", sorted(SEEDS))
def test_fixtures_import_cleanly(dataset, memory_store, scratch):
    """The unmutated seeds pass the same checks (so a failure above is the mutation's)."""
    for name in SEEDS[dataset]:
        data = _seed(name)
        if data:
            import_case(memory_store, scratch, dataset, data, Path(name).suffix, None)
