"""The one-person-deep tasks figure against a hand count on the team fixture.

Kirjaamo: "Registering" (level 3 needed) is mastered by worker1 only (worker2 is
at 2): one person deep; "Archiving" by worker2 and worker3: two deep. The unit
next door has no tasks. One task is a small cell: hidden.
"""

import pytest

from tuuma.competence.actions import level_approve, task_create
from tuuma.lib.metrics import Filters, measure

pytestmark = pytest.mark.django_db


def test_one_person_tasks_are_counted_and_hidden_below_five(team, org, area):
    alone = measure("competence.one_person_tasks", org)
    assert (alone.value, alone.suppressed) == (None, True)
    for i, worker in enumerate(team.workers[:4], start=1):
        task = task_create(unit=team.unit, name=f"Task {i}", headcount=2)
        level_approve(task=task, person=worker, by=team.boss, level=3)
    # Registering and the four new tasks: five, no longer a small cell.
    assert measure("competence.one_person_tasks", org).value == 5
    per_unit = Filters(service_area=area.pk, unit=team.unit.pk)
    assert measure("competence.one_person_tasks", org, per_unit).value == 5
    next_door = Filters(unit=team.other_unit.pk)
    assert measure("competence.one_person_tasks", org, next_door).value == 0


def test_the_figure_refuses_a_period(org):
    from datetime import date

    with pytest.raises(ValueError):
        measure("competence.one_person_tasks", org, Filters(start=date(2025, 1, 1)))
