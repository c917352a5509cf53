"""Dyad series: counts, intensities, shares and net cooperation per period and direction."""

import pytest

from entente.analyse.dyads import dyad_series
from entente.errors import UsageError
from tests.analyse.conftest import event, load


@pytest.fixture
def small(tmp_path, open_store):
    events = [
        event("e1", "IRN", "RUS", "AID", "2023-01-03", 5, quad="material_cooperation"),
        event("e2", "IRN", "RUS", "CONSULT", "2023-01-20", 1, quad="verbal_cooperation"),
        event("e3", "RUS", "IRN", "ACCUSE", "2023-01-25", -2, quad="verbal_conflict"),
        event("e4", "RUS", "IRN", "AID", "2023-04-01", 4, quad="material_cooperation"),
        event("e5", "IRN", "RUS", "ASSAULT", "2023-01-09", -9, status="denied"),
        event("e6", "IRN", "RUS", "ASSAULT", "2023-01-09", -9, status="hypothetical"),
        event("e7", "IRN", "RUS", "ASSAULT", "2023-01-09", -9, negated=True),
        event("e8", "IRN", "USA", "ACCUSE", "2023-01-09", -2),
    ]
    return open_store(load(tmp_path, events))


def test_directions_counts_and_net_cooperation(small):
    series = dyad_series(small, "irn", "RUS", by="month")
    january = {r.direction: r for r in series.rows if r.period == "2023-01-01"}
    assert set(january) == {"forward", "backward", "both"}
    forward, backward, both = january["forward"], january["backward"], january["both"]
    assert (forward.source, forward.target, backward.source) == ("IRN", "RUS", "RUS")
    assert forward.counts == {"AID": 1, "CONSULT": 1} and forward.events == 2
    assert both.events == 3  # denied, hypothetical and negated events are not facts
    assert both.intensity_sum == 4 and both.intensity_mean == pytest.approx(4 / 3, abs=1e-3)
    assert both.net_cooperation == pytest.approx(1 / 3, abs=1e-3)
    assert both.quad["verbal_conflict"] == pytest.approx(1 / 3, abs=1e-3)
    assert backward.net_cooperation == -1
    assert [r.period for r in series.combined()] == ["2023-01-01", "2023-04-01"]


def test_coarser_periods_and_window(small):
    assert [r.events for r in dyad_series(small, "IRN", "RUS", by="year").combined()] == [4]
    quarters = dyad_series(small, "IRN", "RUS", by="quarter").combined()
    assert [(r.period, r.events) for r in quarters] == [("2023-01-01", 3), ("2023-04-01", 1)]
    assert dyad_series(small, "IRN", "RUS", until="2023-01").combined()[0].events == 3
    assert dyad_series(small, "IRN", "RUS", since="2023-02").combined()[0].events == 1


@pytest.mark.parametrize("kwargs", [{"by": "fortnight"}, {"since": "2023-13"},
                                    {"until": "last year"}, {"since": "2024", "until": "2023"}])
def test_bad_arguments_are_usage_errors(small, kwargs):
    with pytest.raises(UsageError):
        dyad_series(small, "IRN", "RUS", **kwargs)


def test_a_dyad_needs_two_actors(small):
    with pytest.raises(UsageError):
        dyad_series(small, "IRN", "irn")


def test_codes_match_whatever_their_case_and_non_state_actors(tmp_path, open_store):
    from entente.model import Mention

    lower = event("l1", "IRN", "RUS", date="2023-02-01")
    lower.source = Mention(text="Tehran", actor_id="irn", country="irn")
    group = event("h1", "HEZBOLLAH", "ISR", "ASSAULT", "2023-02-01", -8)
    store = open_store(load(tmp_path, [lower, group]))
    assert dyad_series(store, "IRN", "RUS").combined()[0].events == 1
    assert dyad_series(store, "isr", "hezbollah").rows[0].direction == "backward"
