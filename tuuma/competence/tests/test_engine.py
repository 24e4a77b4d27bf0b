"""The skills-matrix arithmetic against a hand-computed unit (no database)."""

from datetime import date

import pytest

from tuuma.competence.engine import (
    Absence,
    TaskReq,
    TaskStatus,
    TrainingCandidate,
    extra_queue,
    figures,
    plan_rotation,
    simulate_absences,
    training_candidates,
)

# A: 3,000 cases a year and one holder; B: 3 cases and two; C: one holder at
# level 2; D: nobody qualified.
A = TaskReq(
    1,
    required_level=3,
    headcount=2,
    critical=True,
    annual_cases=3000,
    median_handling_hours=2,
)
B = TaskReq(2, required_level=3, headcount=2, critical=True, annual_cases=3)
C = TaskReq(3, required_level=2, headcount=1)
D = TaskReq(4, required_level=3, headcount=2, critical=True)
TASKS = [A, B, C, D]
LEVELS = {
    (1, 1): 4,
    (2, 1): 2,
    (3, 1): 1,
    (1, 2): 3,
    (2, 2): 3,
    (3, 2): 0,
    (3, 3): 2,
    (4, 3): 1,
    (4, 4): 2,
}
PEOPLE = {1, 2, 3, 4}


def test_figures_match_the_hand_computed_unit():
    f = figures(TASKS, LEVELS)
    assert f.coverage == {1: 1, 2: 2, 3: 1, 4: 0}
    assert f.uncovered == [4]
    assert f.spof == [1, 3]
    assert f.below_headcount == [1, 4]
    assert f.sole_holders == {1: [1], 3: [3]}
    assert f.bus_factor == 0
    assert f.gap == {1: 1, 2: 0, 3: 0, 4: 2}
    assert f.status[2] is TaskStatus.COVERED and f.status[4] is TaskStatus.UNCOVERED


def test_risk_ranks_a_busy_one_person_task_above_a_quiet_one():
    f = figures(TASKS, LEVELS)
    assert f.risk[1] == pytest.approx(360.0)
    assert f.risk[2] == pytest.approx(3 * 0.12**2)
    assert f.risk[3] is None
    assert f.ranked_by_risk() == [1, 2, 4, 3]


def test_bus_factor_of_covered_critical_tasks_is_the_smallest_coverage():
    f = figures([A, B], LEVELS)
    assert f.bus_factor == 1
    assert figures([C], LEVELS).bus_factor is None


def test_training_candidates_follow_the_domain_order():
    assert training_candidates(TASKS, LEVELS, PEOPLE) == [
        # Person 2 is one level short of A; person 3 would be closer on D but
        # is the sole holder of C, so person 4 (level 2) and then person 2 come first.
        TrainingCandidate(person=2, task=1, from_level=2, to_level=3, mentor=1),
        TrainingCandidate(person=4, task=4, from_level=2, to_level=3, mentor=None),
        TrainingCandidate(person=2, task=4, from_level=0, to_level=3, mentor=None),
    ]


def test_people_already_in_training_are_not_proposed_again():
    found = training_candidates(TASKS, LEVELS, PEOPLE, already=[(2, 1)])
    assert all(c.task != 1 for c in found)


def test_rotation_plan_trains_with_a_mentor_and_reduces_single_points():
    plan = plan_rotation(TASKS, LEVELS, PEOPLE)
    assert [(s.person, s.task, s.mentor, s.goal_level) for s in plan.slots] == [
        (2, 1, 1, 3)
    ]
    assert (plan.spof_before, plan.spof_after, plan.spof_reduction) == (2, 1, 1)


def test_rotation_never_takes_away_the_only_holder_of_a_critical_task():
    tasks = [TaskReq(1, critical=True, headcount=1), TaskReq(2, headcount=2)]
    levels = {(1, 1): 3, (2, 2): 4, (1, 2): 2}
    # Person 1 is the closest candidate for task 2 but is the sole holder of task 1.
    plan = plan_rotation(tasks, levels, {1, 2, 3})
    assert all(s.person != 1 for s in plan.slots)
    assert [(s.person, s.task) for s in plan.slots] == [(3, 2)]


def test_mentor_takes_no_more_than_the_limit():
    tasks = [TaskReq(1, headcount=5)]
    levels = {(1, 1): 4}
    plan = plan_rotation(tasks, levels, {1, 2, 3, 4, 5}, max_trainees_per_mentor=2)
    assert len(plan.slots) == 2


def test_absence_simulation_finds_the_uncovered_weeks_and_the_queue():
    holiday = Absence(person=1, start=date(2026, 7, 6), end=date(2026, 7, 24))
    weeks = simulate_absences(
        TASKS, LEVELS, PEOPLE, [holiday], date(2026, 6, 29), date(2026, 7, 31)
    )
    assert [w.monday.day for w in weeks] == [29, 6, 13, 20, 27]
    assert [1 in w.uncovered for w in weeks] == [False, True, True, True, False]
    assert 2 in weeks[1].below_headcount and 2 not in weeks[0].below_headcount
    cases, hours = extra_queue(TASKS, weeks)[1]
    assert cases == pytest.approx(3 * 3000 / 52)
    assert hours == pytest.approx(2 * 3 * 3000 / 52)
    assert 4 not in extra_queue(TASKS, weeks)  # no case data, no queue


def test_a_person_away_for_two_days_of_a_week_still_counts_as_present():
    short = Absence(person=1, start=date(2026, 7, 9), end=date(2026, 7, 10))
    longer = Absence(person=1, start=date(2026, 7, 8), end=date(2026, 7, 12))
    week = date(2026, 7, 6), date(2026, 7, 10)
    assert simulate_absences(TASKS, LEVELS, PEOPLE, [short], *week)[0].away == set()
    assert simulate_absences(TASKS, LEVELS, PEOPLE, [longer], *week)[0].away == {1}


def test_weekly_case_profile_overrides_the_even_spread():
    seasonal = TaskReq(9, annual_cases=52, weekly_cases={28: 10.0})
    assert seasonal.cases_in_week(28) == 10.0
    assert seasonal.cases_in_week(29) == 1.0
