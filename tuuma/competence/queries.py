"""Reading a unit's matrix from the database into the engine's plain values."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from tuuma.competence.engine import Absence, TaskReq
from tuuma.competence.models import Level, PlannedAbsence, Task
from tuuma.organisation.models import Membership, Unit

User = get_user_model()


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


def organisation_matrices(organisation, units) -> dict[int, Matrix]:
    """The matrices of many units in four queries (the units list)."""
    units = {u.pk: u for u in units}
    tasks: dict[int, list[Task]] = {pk: [] for pk in units}
    for task in Task.objects.filter(
        organisation=organisation, unit_id__in=units
    ).order_by("name"):
        tasks[task.unit_id].append(task)
    people: dict[int, dict[int, object]] = {pk: {} for pk in units}
    memberships = Membership.objects.filter(
        organisation=organisation, unit_id__in=units, user__is_active=True
    ).select_related("user")
    for membership in memberships.only(
        "unit_id", "user__id", "user__full_name", "user__email"
    ):
        people[membership.unit_id][membership.user_id] = membership.user
    levels: dict[int, dict[tuple[int, int], int]] = {pk: {} for pk in units}
    for unit_id, person, task, level in Level.objects.filter(
        organisation=organisation, task__unit_id__in=units
    ).values_list("task__unit_id", "person_id", "task_id", "level"):
        if person in people[unit_id]:
            levels[unit_id][(person, task)] = level
    return {
        pk: Matrix(unit, tasks[pk], list(people[pk].values()), levels[pk])
        for pk, unit in units.items()
    }


def plan_absences(plan) -> list[Absence]:
    return [
        Absence(person=a.person_id, start=a.start, end=a.end)
        for a in PlannedAbsence.objects.filter(plan=plan)
    ]
