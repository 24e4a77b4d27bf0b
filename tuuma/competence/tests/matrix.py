"""Competence objects for the permission matrix (tuuma/organisation/tests)."""

from datetime import date

from tuuma.competence.actions import level_approve, supervision_set, task_create
from tuuma.competence.planning_actions import (
    absence_add,
    absence_plan_create,
    training_need_create,
)
from tuuma.organisation.models import Membership, Unit


def objects(org, cast, area) -> list:
    """A unit of the area with the employee in it, a task, a plan and a need."""
    unit = Unit.objects.create(organisation=org, service_area=area, name="Kirjaamo")
    employee = cast.employee
    Membership.objects.filter(organisation=org, user=employee).update(unit=unit)
    supervision_set(unit=unit, supervisor=cast.manager, person=employee)
    task = task_create(unit=unit, name="Kirjaaminen", critical=True)
    level_approve(task=task, person=employee, by=cast.manager, level=2)
    plan = absence_plan_create(unit=unit, name="Kesä")
    absence_add(
        plan=plan, person=employee, start=date(2026, 7, 1), end=date(2026, 7, 21)
    )
    need = training_need_create(task=task, person=employee, reason="gap")
    return [unit, task, plan, need]
