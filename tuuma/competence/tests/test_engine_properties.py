"""Property tests of the matrix arithmetic."""

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuuma.competence.engine import (
    TaskReq,
    coverage,
    figures,
    plan_rotation,
    training_candidates,
)
from tuuma.competence.engine.coverage import bus_factor

PEOPLE = list(range(1, 7))
QUICK = settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def units(draw):
    n_tasks = draw(st.integers(1, 5))
    tasks = [
        TaskReq(
            t,
            required_level=draw(st.integers(1, 4)),
            headcount=draw(st.integers(1, 3)),
            critical=draw(st.booleans()),
        )
        for t in range(1, n_tasks + 1)
    ]
    cells = [(p, t.id) for p in PEOPLE for t in tasks]
    values = draw(st.lists(st.integers(0, 4), min_size=len(cells), max_size=len(cells)))
    return tasks, {cell: v for cell, v in zip(cells, values, strict=True) if v}


@QUICK
@given(units(), st.sampled_from(PEOPLE))
def test_removing_a_person_never_increases_coverage(unit, gone):
    tasks, levels = unit
    before = coverage(tasks, levels, set(PEOPLE))
    after = coverage(tasks, levels, set(PEOPLE) - {gone})
    assert all(after[t] <= before[t] for t in before)


@QUICK
@given(units())
def test_bus_factor_is_the_smallest_group_whose_loss_stops_a_critical_task(unit):
    tasks, levels = unit
    critical = [t for t in tasks if t.critical]
    factor = bus_factor(tasks, coverage(tasks, levels, set(PEOPLE)))
    if not critical:
        assert factor is None
        return

    def stops(group):
        cov = coverage(critical, levels, set(PEOPLE) - set(group))
        return any(n == 0 for n in cov.values())

    smallest = next(
        k
        for k in range(len(PEOPLE) + 1)
        if any(stops(g) for g in combinations(PEOPLE, k))
    )
    assert factor == smallest


@QUICK
@given(units(), st.integers(1, 3))
def test_a_rotation_plan_keeps_every_covered_critical_task_covered(unit, k):
    tasks, levels = unit
    plan = plan_rotation(tasks, levels, set(PEOPLE), max_trainees_per_mentor=k)
    rotating = {s.person for s in plan.slots}
    before = coverage(tasks, levels, set(PEOPLE))
    during = coverage(tasks, levels, set(PEOPLE) - rotating)
    for t in tasks:
        if t.critical and before[t.id] >= 1:
            assert during[t.id] >= 1
    assert len(rotating) == len(plan.slots)
    mentors = [s.mentor for s in plan.slots]
    assert all(mentors.count(m) <= k for m in mentors)
    assert not rotating & set(mentors)


@QUICK
@given(units())
def test_training_candidates_only_fill_real_gaps(unit):
    tasks, levels = unit
    f = figures(tasks, levels)
    found = training_candidates(tasks, levels, set(PEOPLE))
    for task in tasks:
        proposed = [c for c in found if c.task == task.id]
        assert len(proposed) <= f.gap[task.id]
        assert all(c.from_level < c.to_level == task.required_level for c in proposed)
        assert all(c.mentor != c.person for c in proposed)
