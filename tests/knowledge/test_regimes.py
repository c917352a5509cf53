"""The regimes file: the provisions the check needs, their dates, and a loader that names bad entries."""

from datetime import date

import pytest

from entente.errors import KnowledgeError
from entente.knowledge.regimes import Period, day_span, load_regimes


@pytest.fixture(scope="module")
def book():
    return load_regimes()


def p(book, provision_id):
    found = book.provision(provision_id)
    assert found is not None, provision_id
    return found


REQUIRED = [
    "unscr2231-b3", "unscr2231-b4", "unscr2231-b5", "unscr2231-b6b",
    "unscr1737-3", "unscr1737-7", "unscr1747-5", "unscr1929-8",
    "unscr1718-8", "unscr1874-9-10", "mtcr-guidelines",
    "eu-2023-1532", "eu-2024-05-14", "us-2024-09-10", "uk-2024-09-10",
]


@pytest.mark.parametrize("provision_id", REQUIRED)
def test_required_provisions_are_complete(book, provision_id):
    provision = p(book, provision_id)
    assert provision.sources and provision.covers and provision.force
    assert provision.regime in book.regimes


@pytest.mark.parametrize("provision_id, direction, until", [
    ("unscr2231-b3", "none", "2023-10-18"),
    ("unscr2231-b4", "to_or_from", "2023-10-18"),
    ("unscr2231-b5", "to", "2020-10-18"),
    ("unscr2231-b6b", "from", "2020-10-18"),
])
def test_2231_annex_b_dates(book, provision_id, direction, until):
    provision = p(book, provision_id)
    assert provision.state == "IRN" and provision.direction == direction
    assert [(f.start, f.until) for f in provision.force] == [("2016-01-16", until)]


def test_2231_termination_day(book):
    regime = book.regime("unscr2231")
    assert regime.ends == "2025-10-18"
    assert any(m.date == "2025-10-18" and "Termination" in m.what for m in regime.milestones)


@pytest.mark.parametrize("provision_id", ["unscr1737-3", "unscr1737-7", "unscr1747-5", "unscr1929-8"])
def test_snapback_reapplies_earlier_resolutions_disputed(book, provision_id):
    ended, reapplied = p(book, provision_id).force
    assert ended.until == "2016-01-16"
    assert reapplied.start == "2025-09-28" and reapplied.until is None
    assert {"RUS", "CHN"} <= set(reapplied.disputed_by)


def test_arms_to_and_from_iran_under_the_earlier_resolutions(book):
    assert p(book, "unscr1747-5").direction == "from" and p(book, "unscr1747-5").items == ["arms"]
    assert p(book, "unscr1929-8").direction == "to" and p(book, "unscr1929-8").items == ["un_register"]


@pytest.mark.parametrize("provision_id", ["unscr1718-8", "unscr1874-9-10"])
def test_dprk_both_ways_without_end(book, provision_id):
    provision = p(book, provision_id)
    assert (provision.state, provision.direction, provision.binds) == ("PRK", "to_or_from", "binding")
    assert provision.force[-1].until is None


def test_mtcr_guides_partners_exports(book):
    provision = p(book, "mtcr-guidelines")
    assert (provision.binds, provision.direction, provision.items) == ("political", "by_members", ["mtcr"])
    mtcr = book.regime("mtcr")
    assert len(mtcr.members) == 35
    assert mtcr.member("RUS") and mtcr.member("USA")
    assert mtcr.member("IRN") is None and mtcr.member("PRK") is None and mtcr.member("CHN") is None


def test_eu_us_uk_measures(book):
    eu, eu_missiles = p(book, "eu-2023-1532"), p(book, "eu-2024-05-14")
    assert eu.force[0].start == "2023-07-20" and "loitering_munition" in eu.categories
    assert eu_missiles.force[0].start == "2024-05-14" and "ballistic_missile" in eu_missiles.categories
    for provision_id in ("us-2024-09-10", "uk-2024-09-10"):
        provision = p(book, provision_id)
        assert provision.binds == "unilateral" and provision.counterparts == ["RUS"]
        assert provision.force[0].start == "2024-09-10"


def test_every_provision_id_is_unique_and_sourced(book):
    ids = [provision.id for provision in book.provisions]
    assert len(ids) == len(set(ids))
    assert all(provision.sources for provision in book.provisions)


@pytest.mark.parametrize("text, first, last", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2023-10-18", date(2023, 10, 18), date(2023, 10, 18)),
])
def test_day_span(text, first, last):
    assert day_span(text) == (first, last)


@pytest.mark.parametrize("text", ["September 2024", "2024-13", "24-09", ""])
def test_day_span_refuses_non_iso(text):
    with pytest.raises(ValueError):
        day_span(text)


@pytest.mark.parametrize("span, value", [
    ("2022-10", True),
    ("2023-10-17", True),
    ("2023-10-18", False),   # ends at the start of its end date
    ("2015", False),
    ("2023-10", None),       # the span straddles the end
    ("2016", None),          # ... or the start
])
def test_period_over_a_span(span, value):
    period = Period(**{"from": "2016-01-16", "until": "2023-10-18"})
    force = period.over(*day_span(span))
    assert force.value is value
    if value is None:
        assert force.changes


def test_a_lapsed_annual_renewal_is_open_not_ended():
    period = Period(**{"from": "2023-07-20", "until": "2025-07-27", "renewal": "annual"})
    assert period.over(*day_span("2024")).value is True
    assert period.over(*day_span("2025-09")).value is None


def test_a_year_only_start_is_open_within_that_year():
    period = Period(**{"from": "1995"})
    assert period.over(*day_span("1995-06")).value is None
    assert period.over(*day_span("1996")).value is True


BAD_PROVISION = """schema_version: 1
provisions:
- id: test-1
  regime: {regime}
  provision: para 1
  covers: a test
  measure: prohibition
  binds: binding
  state: IRN
  direction: {direction}
  items: [arms]
  force:
  - {{from: 2020-01-01, until: {until}}}
  sources: [test]
"""


@pytest.mark.parametrize("regime, direction, until, problem", [
    ("unscr1747", "sideways", "null", "direction"),
    ("no-such-regime", "to", "null", "not defined"),
    ("unscr2231", "to", "null", "past unscr2231's end"),
    ("unscr1747", "to", "2019-01-01", "not after"),
])
def test_bad_overlay_names_file_and_entry(tmp_path, regime, direction, until, problem):
    path = tmp_path / "regimes.yaml"
    path.write_text(BAD_PROVISION.format(regime=regime, direction=direction, until=until))
    with pytest.raises(KnowledgeError) as caught:
        load_regimes([tmp_path])
    assert caught.value.file == str(path)
    assert "test-1" in caught.value.entry and "line" in caught.value.entry
    assert problem in caught.value.problem


def test_overlay_replaces_a_provision_by_id(tmp_path):
    (tmp_path / "regimes.yaml").write_text(BAD_PROVISION.format(
        regime="unscr1747", direction="to", until="null").replace("test-1", "unscr1747-5"))
    assert load_regimes([tmp_path]).provision("unscr1747-5").direction == "to"
