"""PETRARCH scoring with a fake extractor on records built here (invented sentences)."""

from __future__ import annotations

import pytest

from eval_helpers import actor, event
from entente.errors import EntenteError
from entente.evaluate import load_actor_dictionary, load_petrarch, score_petrarch
from entente.evaluate.petrarch import code_candidates

NEWS = "UniversalPetrarch/PETR2_GSR_validation.xml"
UNIT = "petrarch2/PETR.UnitTest.records.xml"


def record(id_, text, expected, suite, category="X"):
    return {"id": id_, "text": text, "date": "20080101", "expected": expected,
            "suite": suite, "category": category}


def fake(outputs: dict):
    """An extractor answering from a table; remembers the dates it was given."""
    def extract(text, date):
        extract.dates.append(date)
        out = outputs.get(text, [])
        if isinstance(out, Exception):
            raise out
        return out
    extract.dates = []
    return extract


def test_news_records():
    records = [
        record("n1", "one", [{"source": "USAGOV", "target": "CHN", "code": "042", "plover": "CONSULT"}], NEWS),
        record("n2", "two", [{"source": "RUS", "target": "IGOUNO", "code": "112", "plover": "ACCUSE"}], NEWS),
        record("n3", "three", [], NEWS),
    ]
    extract = fake({
        "one": [event("USA", "CHN", "CONSULT", cameo="043")],  # same root 04
        "two": [event("RUS", actor("UN", country=None), "ACCUSE", cameo="130")],  # root differs
        "three": [event("FRA", "DEU", "AID")],
    })
    report = score_petrarch(records, extract)
    news = report.news
    assert (news["events"].total, news["events"].correct) == (2, 1)
    assert (news["source"].correct, news["target"].correct) == (2, 2)  # IGOUNO ↔ UN
    assert news["cameo_root"].correct == 1 and news["plover_type"].correct == 2
    assert (news["no_event"].total, news["no_event"].correct) == (1, 0)
    assert (news["records"].total, news["records"].correct) == (3, 1)
    assert (news["system_precision"].total, news["system_precision"].correct) == (3, 1)
    assert report.unit == {}
    assert {f.id: f.failed for f in report.failures} == {
        "n2": ("events", "cameo_root", "system_precision", "records"),
        "n3": ("no_event", "system_precision", "records"),
    }
    assert extract.dates == ["2008-01-01"] * 3


@pytest.fixture
def dictionary(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(
        "<!-- invented test actors -->\n"
        "FREEDONIA_ [FRE]  # exact word\n"
        "+FREEDONIAN\n"
        "SYLVAN  [SYL]\n"
        "GRAND FENWICK\n"
        "\t[GFW <990101]\n"
        "\t[GFWGOV]\n"
    )
    return load_actor_dictionary(path)


def test_actor_dictionary(dictionary):
    assert dictionary.roots_in("the Freedonian army") == {"FRE"}
    assert dictionary.roots_in("Freedoniaville") == set()  # FREEDONIA_ is exact, no stem
    assert dictionary.roots_in("Sylvania") == {"SYL"}  # SYLVAN is a stem
    assert dictionary.roots_in("the Grand Fenwick cabinet") == {"GFW"}


def test_unit_records_actors_compounds_no_event(dictionary):
    records = [
        record("u1", "one", [{"source": "FRE", "target": "SYLGOV", "code": "901"}], UNIT),
        record("u2", "two", [{"source": "FRE", "target": "GFW", "code": "064"},
                             {"source": "SYL", "target": "GFW", "code": "064"}], UNIT, "COMPOUND"),
        record("u3", "three", [], UNIT),
        record("u4", "four", [], UNIT),
        record("u5", "five", [{"source": "---GOV", "target": '"THE WIDGET GUILD"', "code": "111"}], UNIT),
    ]
    unknown = lambda text: actor("XXX", text=text, country=None)  # noqa: E731  a resolver that knows no one
    extract = fake({
        "one": [event(unknown("Freedonia"), unknown("Sylvania's government"), "ACCUSE")],
        "two": [event(unknown("Freedonia"), unknown("Grand Fenwick"), "AGREE")],  # one of two
        "three": EntenteError("unreadable"),
        "four": [],
        "five": [event(None, unknown("the Widget Guild"), "ACCUSE")],
    })
    unit = score_petrarch(records, extract, dictionary).unit
    assert (unit["events"].total, unit["events"].correct) == (4, 3)
    assert (unit["compounds"].total, unit["compounds"].correct) == (1, 0)
    assert (unit["no_event"].total, unit["no_event"].correct) == (2, 2)
    assert (unit["records"].total, unit["records"].correct) == (5, 4)
    assert "cameo_root" not in unit  # unit-test codes are not CAMEO


def test_without_dictionary_codes_must_match():
    records = [record("u1", "one", [{"source": "FRE", "target": "SYL", "code": "901"}], UNIT)]
    extract = fake({"one": [event(actor("XXX", text="Freedonia", country=None), "SYL", "ACCUSE")]})
    unit = score_petrarch(records, extract).unit
    assert (unit["source"].correct, unit["target"].correct) == (0, 1)


def test_code_candidates():
    assert code_candidates("USAGOVMIL") == {"USA"}
    assert code_candidates("PSEREBHMS") == {"PSE", "HAMAS"}
    assert code_candidates("IGOEUREEC") == {"EU"}


def test_real_records_smoke(shared_eval):
    folder = shared_eval / "petrarch"
    records = load_petrarch(folder / "petrarch_validation.jsonl")
    assert len(records) == 361
    names = load_actor_dictionary(folder / "dicts" / "PETR.Validate.actors.txt")
    report = score_petrarch(records, lambda text, date: [event("USA", None, "CONSULT", cameo="040")], names)
    assert report.n_records == 361
    assert (report.news["records"].total, report.unit["records"].total) == (78, 283)
    assert (report.news["events"].total, report.unit["events"].total) == (80, 359)
    assert (report.news["no_event"].total, report.unit["no_event"].total) == (12, 26)
