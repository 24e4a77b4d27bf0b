"""The Kano engine against DOMAIN.md §1's table and hand-computed examples."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuuma.improvement import kano
from tuuma.improvement.kano import Answer, Settings, analyse, analyse_counts, classify


@pytest.mark.parametrize(
    ("functional", "dysfunctional", "category"),
    [
        (1, 1, "Q"),
        (1, 2, "A"),
        (1, 4, "A"),
        (1, 5, "O"),
        (2, 5, "M"),
        (4, 5, "M"),
        (3, 3, "I"),
        (2, 1, "R"),
        (5, 4, "R"),
        (5, 5, "Q"),
    ],
)
def test_each_answer_pair_lands_in_the_table_cell(functional, dysfunctional, category):
    assert classify(functional, dysfunctional) == category


def test_an_answer_outside_one_to_five_is_refused():
    with pytest.raises(kano.KanoError):
        classify(0, 3)
    with pytest.raises(kano.KanoError):
        classify(3, 6)


def test_the_service_app_example_gives_the_published_coefficients_and_fong():
    result = analyse_counts({"A": 45, "O": 123, "M": 95, "I": 33})
    assert result.n == 296
    assert result.mode == "O"
    assert not result.tie_rule_applied
    assert round(result.cs_plus, 3) == 0.568
    assert round(result.cs_minus, 3) == -0.736
    assert result.fong_difference == 28
    assert round(result.fong_threshold, 1) == 19.4
    assert result.fong_significant is True
    assert result.mixed == "O"
    assert result.total_strength == pytest.approx(263 / 296)
    assert result.category_strength == pytest.approx(28 / 296)


def test_a_near_tie_goes_to_must_be_before_one_dimensional():
    # O leads by 3 of 100 (3 pp ≤ 5 pp): M wins by the rule, and it is recorded.
    result = analyse_counts({"O": 40, "M": 37, "A": 13, "I": 10})
    assert result.top == "O"
    assert result.mode == "M"
    assert result.tie_rule_applied
    assert result.fong_significant is False
    assert result.mixed == "O/M"


def test_an_exact_tie_prefers_m_then_o_then_a_then_i():
    assert analyse_counts({"A": 10, "I": 10}).mode == "A"
    assert analyse_counts({"A": 10, "O": 10, "I": 10}).mode == "O"
    assert analyse_counts({"A": 5, "O": 5, "M": 5, "I": 5}).mode == "M"


def test_the_tie_threshold_is_configurable():
    counts = {"O": 40, "M": 37, "A": 13, "I": 10}
    assert analyse_counts(counts, Settings(tie_threshold=0.0)).mode == "O"
    assert analyse_counts(counts, Settings(tie_threshold=0.02)).mode == "O"
    assert analyse_counts(counts, Settings(tie_threshold=0.03)).mode == "M"
    with pytest.raises(kano.KanoError):
        Settings(tie_threshold=2)


def test_reverse_and_questionable_answers_leave_better_worse_alone_but_are_flagged():
    plain = analyse_counts({"A": 20, "O": 10, "M": 10, "I": 10})
    noisy = analyse_counts({"A": 20, "O": 10, "M": 10, "I": 10, "R": 8, "Q": 12})
    assert noisy.cs_plus == plain.cs_plus == pytest.approx(30 / 50)
    assert noisy.cs_minus == plain.cs_minus == pytest.approx(-20 / 50)
    assert noisy.n == 70
    assert noisy.flag_questionable and noisy.questionable_share == pytest.approx(
        12 / 70
    )
    assert noisy.flag_reverse
    assert not plain.flag_questionable and not plain.flag_reverse


def test_reverse_as_the_largest_category_stays_the_mode():
    result = analyse_counts({"R": 30, "A": 10, "I": 5})
    assert result.mode == "R"
    assert not result.tie_rule_applied


def test_only_reverse_and_questionable_answers_have_no_coefficients():
    result = analyse_counts({"R": 3, "Q": 1})
    assert result.cs_plus is None and result.cs_minus is None


def test_no_answers_give_an_empty_result():
    result = analyse([])
    assert result.n == 0 and result.mode is None and result.fong_significant is None
    assert result.f_mean is None and result.cs_plus is None


def test_the_continuous_variant_recodes_answers_asymmetrically():
    answers = [Answer(1, 5, 9), Answer(2, 5, 7), Answer(3, 3, None)]
    result = analyse(answers)
    # functional 4, 2, 0 → mean 2, sample SD 2; dysfunctional 4, 4, 0 → 8/3.
    assert result.f_mean == pytest.approx(2.0)
    assert result.f_sd == pytest.approx(2.0)
    assert result.d_mean == pytest.approx(8 / 3)
    assert result.d_sd == pytest.approx(
        math.sqrt(((4 / 3) ** 2 * 2 + (8 / 3) ** 2) / 2)
    )
    assert result.importance_mean == pytest.approx(8.0)
    assert result.continuous_category == "O"
    assert result.counts == {"A": 0, "O": 1, "M": 1, "I": 1, "R": 0, "Q": 0}


def test_continuous_quadrants_follow_the_interpretive_cut_off():
    assert kano.continuous_category(4, 0) == "A"
    assert kano.continuous_category(4, 4) == "O"
    assert kano.continuous_category(1, 4) == "M"
    assert kano.continuous_category(0, 0) == "I"
    assert kano.continuous_category(1, 1, cutoff=1) == "O"


# The machine is shared with other test runs: no deadline, no speed health check.
relaxed = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
pairs = st.lists(st.tuples(st.integers(1, 5), st.integers(1, 5)), max_size=60)


@relaxed
@given(pairs)
def test_counts_add_up_and_coefficients_stay_in_range(answer_pairs):
    result = analyse(Answer(f, d) for f, d in answer_pairs)
    assert result.n == len(answer_pairs) == sum(result.counts.values())
    if result.cs_plus is not None:
        assert 0 <= result.cs_plus <= 1
        assert -1 <= result.cs_minus <= 0
    if result.n:
        assert -2 <= result.f_mean <= 4 and -2 <= result.d_mean <= 4
        assert 0 <= result.total_strength <= 1
        assert 0 <= result.category_strength <= 1
        assert result.mode in kano.CATEGORIES


@relaxed
@given(pairs)
def test_the_chosen_mode_is_never_far_from_the_maximum(answer_pairs):
    result = analyse(Answer(f, d) for f, d in answer_pairs)
    if result.n:
        gap = (result.counts[result.top] - result.counts[result.mode]) / result.n
        assert gap <= 0.05 + 1e-9
        assert result.tie_rule_applied == (result.mode != result.top)


@relaxed
@given(st.integers(0, 200), st.integers(0, 200), st.integers(0, 200))
def test_fong_is_symmetric_in_the_two_counts(a, b, rest):
    n = a + b + rest
    assert kano.fong_significant(a, b, n) == kano.fong_significant(b, a, n)
