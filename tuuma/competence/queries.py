"""Reading a unit's matrix from the database into the engine's plain values."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from tuuma.competence.engine import Absence, TaskReq
from tuuma.competence.models import Level, PlannedAbsence, Task
from tuuma.organisation.models import Membership, Unit

User = get_user_model()

# An absence simulation runs at most this long (a reversed or longer period is
# refused by the API and cut to a quarter by the page).
MAX_PERIOD_DAYS = 400


def unit_people(unit: Unit) -> QuerySet:
    """People with a membership in the unit, by name."""
    ids = Membership.objects.filter(
        organisation_id=unit.organisation_id, unit=unit
    ).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "pk")


def task_req(task: Task) -> TaskReq:
    return TaskReq(
        id=task.pk,
        required_level=task.required_level,
        headcount=task.headcount,
        critical=task.critical,
        annual_cases=task.annual_cases,
        median_handling_hours=task.median_handling_hours,
        weekly_cases={int(k): float(v) for k, v in (task.weekly_cases or {}).items()},
    )


@dataclass
class Matrix:
    """A unit's tasks, people and agreed levels, ready for the engine."""

    unit: Unit
    tasks: list[Task]
    people: list
    levels: dict[tuple[int, int], int]

    @property
    def reqs(self) -> list[TaskReq]:
        return [task_req(t) for t in self.tasks]

    @property
    def person_ids(self) -> set[int]:
        return {p.pk for p in self.people}

    def level(self, person_id: int, task_id: int) -> int:
        return self.levels.get((person_id, task_id), 0)


def unit_matrix(unit: Unit) -> Matrix:
    """Three queries whatever the size: tasks, people, levels."""
    tasks = list(Task.objects.of_unit(unit).order_by("name"))
    people = list(unit_people(unit).only("pk", "full_name", "email"))
    ids = {p.pk for p in people}
    levels = {
        (person, task): level
        for person, task, level in Level.objects.filter(
            organisation_id=unit.organisation_id, task__unit=unit
        ).values_list("person_id", "task_id", "level")
        if person in ids
    }
    return Matrix(unit, tasks, people, levels)


@dataclass
class UnitInputs:
    """What the units list needs of one unit: plain values, no model objects."""

    reqs: list[TaskReq]
    person_ids: set[int]
    levels: dict[tuple[int, int], int]


def units_inputs(organisation, units) -> dict[int, UnitInputs]:
    """The engine's inputs for many units in three queries (the units list).

    Reads values rather than models: building 2,000 tasks and 3,000 people as
    model objects took most of the page's time.
    """
    inputs = {u.pk: UnitInputs([], set(), {}) for u in units}
    tasks = Task.objects.filter(organisation=organisation, unit_id__in=inputs)
    for unit_id, pk, level, headcount, critical, cases, hours, weekly in tasks.order_by(
        "name"
    ).values_list(
        "unit_id",
        "pk",
        "required_level",
        "headcount",
        "critical",
        "annual_cases",
        "median_handling_hours",
        "weekly_cases",
    ):
        weekly = {int(k): float(v) for k, v in (weekly or {}).items()}
        inputs[unit_id].reqs.append(
            TaskReq(pk, level, headcount, critical, cases, hours, weekly)
        )
    members = Membership.objects.filter(
        organisation=organisation, unit_id__in=inputs, user__is_active=True
    )
    for unit_id, user_id in members.values_list("unit_id", "user_id"):
        inputs[unit_id].person_ids.add(user_id)
    for unit_id, person, task, level in Level.objects.filter(
        organisation=organisation, task__unit_id__in=inputs
    ).values_list("task__unit_id", "person_id", "task_id", "level"):
        if person in inputs[unit_id].person_ids:
            inputs[unit_id].levels[(person, task)] = level
    return inputs


def plan_absences(plan) -> list[Absence]:
    return [
        Absence(person=a.person_id, start=a.start, end=a.end)
        for a in PlannedAbsence.objects.filter(plan=plan)
    ]


def summer_of(starts: Iterable[date]) -> tuple[date, date]:
    """The default simulation period: June to August of the earliest absence's
    year (this year when there is none), when Finnish holidays fall."""
    year = min(starts, default=date.today()).year
    return date(year, 6, 1), date(year, 8, 31)
