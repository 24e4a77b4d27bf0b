"""Each formula on a small dataset computed by hand."""

import pytest

from tuuma.productivity import figures as f


def test_support_costs_are_shared_by_the_driver_and_explained_line_by_line():
    allocation = f.allocate(
        {1: [("1100", 1000.0)], 2: [("1200", 500.0)]},
        [f.SupportCentre("9000", 300.0, "hours", {1: 10.0, 2: 20.0})],
    )
    assert allocation.product_costs == {1: 1100.0, 2: 700.0}
    assert allocation.lines[2] == [
        f.AllocationLine("1200", "direct", 1.0, 500.0),
        f.AllocationLine("9000", "hours", pytest.approx(2 / 3), pytest.approx(200.0)),
    ]
    assert allocation.unallocated == {}


def test_a_support_centre_without_any_driver_value_stays_unallocated():
    allocation = f.allocate({}, [f.SupportCentre("9100", 80.0, "area", {1: 0.0})])
    assert allocation.product_costs == {}
    assert allocation.unallocated == {"9100": 80.0}


def test_unit_cost_and_labour_productivity_are_plain_ratios():
    assert f.ratio(1800.0, 600) == 3.0
    assert f.ratio(600, 40.0) == 15.0
    assert f.ratio(100.0, 0) is None
    assert f.ratio(None, 5) is None


def test_laspeyres_volume_index_weights_with_base_year_unit_costs():
    # Base: A 100 pcs at 10 €, B 50 pcs at 40 € -> 3000. Now: A 120, B 45 -> 3000.
    base_costs = {1: 10.0, 2: 40.0}
    assert f.volume_index({1: 120, 2: 45}, {1: 100, 2: 50}, base_costs) == 100.0
    assert f.volume_index(
        {1: 130, 2: 50}, {1: 100, 2: 50}, base_costs
    ) == pytest.approx(110.0)
    # A product new since the base year has no base weight and does not count.
    assert f.volume_index({1: 100, 2: 50, 3: 999}, {1: 100, 2: 50}, base_costs) == 100


def test_real_input_deflates_costs_and_productivity_divides_the_indices():
    # Costs up 8 %, prices up 8 %: the real input did not change.
    assert f.real_input_index(1080.0, 108.0, 1000.0, 100.0) == pytest.approx(100.0)
    # Costs up 5 % with prices up 5 % and 10 % more output -> productivity 110.
    real = f.real_input_index(1050.0, 105.0, 1000.0, 100.0)
    assert f.productivity_index(110.0, real) == pytest.approx(110.0)
    assert f.real_input_index(1000.0, 0, 1000.0, 100.0) is None
    assert f.productivity_index(None, 100.0) is None


def test_digital_share_counts_the_e_service_and_self_service():
    volumes = {"counter": 50, "phone": 10, "e_service": 30, "self_service": 10}
    assert f.digital_share(volumes) == 0.4
    assert f.digital_share({}) is None


def test_working_life_index_positive_shares_and_recommendation_score():
    # Five responses on two statements: values 1..5 on statement 1, all 4 on 2.
    answers = [(r, 1, r) for r in range(1, 6)] + [(r, 2, 4) for r in range(1, 6)]
    recommend = {1: 10, 2: 9, 3: 8, 4: 6, 5: 0}
    result = f.survey_figures(answers, recommend)
    # (0 + 25 + 50 + 75 + 100 + 5 × 75) / 10 = 62.5
    assert result.index == 62.5
    assert result.positive_share == {1: 0.4, 2: 1.0}
    assert result.recommendation_score == pytest.approx(0.0)  # 40 % − 40 %
    assert not result.suppressed


def test_fewer_than_five_answers_show_nothing():
    result = f.survey_figures([(1, 1, 5)] * 4, {1: 10, 2: 10, 3: 10, 4: 10})
    assert result.suppressed and result.index is None
    assert result.recommendation_score is None
    assert f.suppress(4) is None and f.suppress(5) == 5
