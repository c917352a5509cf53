"""Shifts: a planted change point is found where it was planted, with the events behind it."""

import numpy as np
import pytest

from entente.analyse.shifts import change_points, dyad_shifts, noise_level, penalty, rank_shifts
from entente.errors import UsageError
from tests.analyse.conftest import event, load, planted_shift


def test_planted_change_point_is_found_within_one_period(shift_db, open_store):
    shifts = dyad_shifts(open_store(shift_db), "IRN", "RUS", by="month")
    assert len(shifts) == 1
    shift = shifts[0]
    assert shift.period in ("2022-12-01", "2023-01-01", "2023-02-01")
    assert (shift.before, shift.after, shift.magnitude) == (5, -5, -10)
    # the driving events: conflict in the first periods after the change, at most five
    assert 0 < len(shift.events) <= 5
    assert all(e[1:3] in ("12", "13") for e in shift.events)


def test_net_cooperation_signal_finds_the_same_shift(shift_db, open_store):
    [shift] = dyad_shifts(open_store(shift_db), "RUS", "IRN", signal="net_cooperation")
    assert shift.period == "2023-01-01" and shift.magnitude == -2


def test_no_shift_in_a_steady_or_short_series():
    assert change_points([3.0] * 30) == []
    assert change_points([1.0, 5.0, -5.0]) == []
    rng = np.random.default_rng(1)
    assert change_points(rng.normal(0, 1, 60)) == []


def test_penalty_rule_uses_a_robust_noise_level():
    steady = np.random.default_rng(2).normal(0, 1, 60)
    shifted = np.concatenate([steady[:30], steady[30:] + 50])  # one jump: one odd difference
    assert noise_level(steady) == pytest.approx(1, rel=0.3)
    assert noise_level(shifted) == pytest.approx(noise_level(steady), rel=0.1)
    assert penalty(steady) == pytest.approx(4 * noise_level(steady) ** 2 * np.log(60))
    assert change_points(shifted) == [30]


def test_ranking_puts_the_largest_shift_first_and_skips_small_dyads(tmp_path, open_store):
    others = [event(f"q{i}", "USA", "GBR", "CONSULT", f"{2022 + i // 12}-{i % 12 + 1:02}-05",
                    1.0 if i < 12 else 2.5) for i in range(24)]
    few = [event(f"f{i}", "FRA", "DEU", "ASSAULT", f"2023-0{i + 1}-05", 8 - 16 * (i > 2))
           for i in range(6)]
    store = open_store(load(tmp_path, planted_shift() + others + few))
    ranked = rank_shifts(store, by="month", since="2022", top=5, min_events=10)
    assert [(s.a, s.b) for s in ranked] == [("IRN", "RUS"), ("GBR", "USA")]
    assert ranked[0].magnitude == -10 and ranked[0].events
    assert ranked[0].to_dict(with_dyad=True)["dyad"] == ["IRN", "RUS"]
    # by default only the year before the latest event counts as recent
    assert [s.period for s in rank_shifts(store, min_events=10)] == ["2023-01-01"] * 2
    assert rank_shifts(store, since="2023-06", min_events=10) == []


def test_ranking_rejects_bad_arguments(shift_db, open_store):
    with pytest.raises(UsageError):
        rank_shifts(open_store(shift_db), by="decade")
    with pytest.raises(UsageError):
        rank_shifts(open_store(shift_db), signal="mood")
