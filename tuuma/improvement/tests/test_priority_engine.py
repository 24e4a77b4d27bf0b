"""The impact/effort formulas of DOMAIN.md §4."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuuma.improvement import priority


def test_the_weighted_score_inverts_effort():
    # S = (2·5 + 1·(6−1)) / 3 = 5; (2·1 + 1·(6−5)) / 3 = 1.
    assert priority.weighted(5, 1) == 5
    assert priority.weighted(1, 5) == 1
    assert priority.weighted(4, 2, {"impact": 1, "effort": 1}) == 4


def test_quadrants_split_at_three():
    assert priority.quadrant(5, 1) == "quick_win"
    assert priority.quadrant(3, 3) == "major_project"
    assert priority.quadrant(2, 2) == "fill_in"
    assert priority.quadrant(1, 4) == "thankless"


def test_scores_outside_the_scale_and_bad_weights_are_refused():
    with pytest.raises(ValueError):
        priority.weighted(6, 1)
    with pytest.raises(ValueError):
        priority.weighted(3, 3, {"impact": 0, "effort": 0})


def test_waiting_time_times_volume_comes_from_the_log_span():
    # 730 cases over two years (730.5 days) ≈ 365 a year; 3 days each.
    assert priority.case_days_per_year(730, 730.5, 3) == pytest.approx(1095)
    assert priority.case_days_per_year(0, 10, 3) is None


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 5), st.integers(1, 5), st.floats(0, 10), st.floats(0.1, 10))
def test_the_weighted_score_stays_on_the_scale(impact, effort, wi, we):
    score = priority.weighted(impact, effort, {"impact": wi, "effort": we})
    assert 1 - 1e-9 <= score <= 5 + 1e-9
