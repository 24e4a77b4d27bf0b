"""The VSM formulas of DOMAIN.md §2.2, its worked example and property tests."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuuma.processes.vsm import Block, compare, figures, segments

DAY = 435


def worked_example() -> list[Block]:
    rows = [
        ("Kirjaaminen", 10, 1, 95, "NNVA"),
        ("Valmistelu", 240, 10, 70, "VA"),
        ("Lausuntokierros", 60, 15, 90, "NNVA"),
        ("Päätös", 30, 5, 98, "VA"),
        ("Tiedoksianto", 15, 2, 99, "NNVA"),
    ]
    return [Block(n, pt, lt * DAY, ca, vc) for n, pt, lt, ca, vc in rows]


def test_the_worked_example_of_domain_gives_its_published_figures():
    result = figures(worked_example(), minutes_per_day=DAY)
    assert result.total_pt == 355
    assert result.total_lt == 14_355
    assert result.total_lt_days == 33
    assert round(result.activity_ratio, 2) == 2.47
    assert round(result.rolled_pct_ca, 1) == 58.1


def test_pce_counts_only_value_adding_time_and_is_at_most_the_activity_ratio():
    result = figures(worked_example(), minutes_per_day=DAY)
    assert result.va_time == 270
    assert result.pce == pytest.approx(270 / 14_355 * 100)
    assert result.pce <= result.activity_ratio


def test_takt_is_available_time_over_demand():
    result = figures(worked_example(), demand_per_year=1000, working_days_per_year=220)
    assert result.takt == pytest.approx(220 * 435 / 1000)
    assert figures(worked_example()).takt is None


def test_an_empty_map_has_no_ratios():
    result = figures([])
    assert result.total_lt == 0
    assert result.activity_ratio is None
    assert result.rolled_pct_ca is None


def test_steps_of_one_branch_run_in_series_inside_a_parallel_group():
    blocks = [
        Block("a", 1, 10),
        Block("b1", 1, 4, group="g", branch="x"),
        Block("b2", 1, 4, group="g", branch="x"),
        Block("c", 1, 7, group="g", branch="y"),
        Block("d", 1, 1),
    ]
    timeline = segments(blocks)
    assert [s.critical for s in timeline] == [(0,), (1, 2), (4,)]
    assert figures(blocks).total_lt == 10 + 8 + 1
    assert figures(blocks).total_pt == 5


def test_two_groups_with_the_same_name_apart_are_separate_segments():
    blocks = [
        Block("a", 1, 5, group="g"),
        Block("b", 1, 1),
        Block("c", 1, 5, group="g"),
    ]
    assert len(segments(blocks)) == 3


def test_compare_reports_the_change_between_maps():
    before = figures(worked_example())
    faster = [
        Block(b.name, b.pt, b.lt / 2, b.pct_ca, b.value_class) for b in worked_example()
    ]
    delta = compare(before, figures(faster))
    assert delta["lead_time"] == pytest.approx(-14_355 / 2)
    assert delta["activity_ratio"] > 0


# The machine running the suite may be busy: no timing limits on examples.
COMMON = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
times = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)
block = st.builds(
    Block,
    name=st.just("s"),
    pt=times,
    lt=times,
    pct_ca=st.one_of(st.none(), st.floats(min_value=0, max_value=100)),
    value_class=st.sampled_from(["VA", "NNVA", "NVA"]),
)


@COMMON
@given(st.lists(block, max_size=8), st.lists(times, min_size=1, max_size=6))
def test_in_a_parallel_group_only_the_longest_branch_counts(serial, branch_lts):
    parallel = [Block(f"p{i}", 1, lt, group="g") for i, lt in enumerate(branch_lts)]
    plain = [Block(b.name, b.pt, b.lt, b.pct_ca, b.value_class) for b in serial]
    result = figures(plain + parallel)
    expected = math.fsum(b.lt for b in plain) + max(branch_lts)
    assert result.total_lt == pytest.approx(expected)
    assert result.total_pt == pytest.approx(
        math.fsum(b.pt for b in plain) + len(branch_lts)
    )


@COMMON
@given(st.lists(block, min_size=1, max_size=10))
def test_serial_maps_sum_and_ratios_stay_in_range(blocks):
    result = figures(blocks)
    assert result.total_lt == pytest.approx(math.fsum(b.lt for b in blocks))
    if result.rolled_pct_ca is not None:
        assert 0 <= result.rolled_pct_ca <= 100
    if result.pce is not None:
        assert result.pce <= result.activity_ratio + 1e-9


@COMMON
@given(st.lists(times, min_size=2, max_size=6), st.randoms())
def test_the_order_of_branches_does_not_change_the_lead_time(lts, rng):
    blocks = [Block(f"p{i}", 0, lt, group="g") for i, lt in enumerate(lts)]
    shuffled = blocks[:]
    rng.shuffle(shuffled)
    assert figures(blocks).total_lt == figures(shuffled).total_lt == max(lts)
