"""The competence part of a unit's personnel and training plan (co-operation act
449/2007 §4a): coverage of every task, changed requirements and the planned
training, with counts only and nothing at all for a unit under ``MIN_GROUP``.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuuma.competence import engine
from tuuma.competence.models import NeedStatus, Task, TrainingNeed
from tuuma.competence.queries import unit_matrix
from tuuma.competence.visibility import MIN_GROUP
from tuuma.organisation.models import Unit

STATUS_LABELS = {
    engine.TaskStatus.UNCOVERED: gettext_lazy("Nobody qualified"),
    engine.TaskStatus.SPOF: gettext_lazy("Single point of failure"),
    engine.TaskStatus.BELOW: gettext_lazy("Below headcount"),
    engine.TaskStatus.COVERED: gettext_lazy("Covered"),
}


def plan_of(unit: Unit, today: date | None = None) -> dict:
    """Everything the page, the PDF and the workbook show."""
    today = today or timezone.localdate()
    matrix = unit_matrix(unit)
    base = {"unit": unit, "people": len(matrix.people), "today": today}
    if len(matrix.people) < MIN_GROUP:
        return {**base, "suppressed": True, "min_group": MIN_GROUP}
    figures = engine.figures(matrix.reqs, matrix.levels)
    needs = TrainingNeed.objects.filter(
        task__unit=unit, status__in=[NeedStatus.OPEN, NeedStatus.PROGRAMME]
    ).select_related("task", "measure")
    year_ago = today - timedelta(days=365)
    return {
        **base,
        "suppressed": False,
        "figures": figures,
        "tasks": [_task_row(t, figures) for t in matrix.tasks],
        "new_tasks": [t for t in matrix.tasks if t.created_at.date() >= year_ago],
        "trainings": [
            {
                "task": n.task.name,
                "from_level": n.from_level,
                "to_level": n.to_level,
                "reason": str(n.get_reason_display()),
                "status": str(n.get_status_display()),
                "due": n.due,
                "measure": n.measure,
            }
            for n in needs.order_by("due", "task__name")
        ],
    }


def _task_row(task: Task, figures) -> dict:
    status = figures.status[task.pk]
    return {
        "name": task.name,
        "critical": task.critical,
        "required_level": task.required_level,
        "headcount": task.headcount,
        "qualified": figures.coverage[task.pk],
        "status": str(STATUS_LABELS[status]),
        "annual_cases": task.annual_cases,
    }


def plan_sheets(plan: dict) -> dict[str, list[list]]:
    """The plan as worksheets for ``matrix_io.to_xlsx``."""
    if plan["suppressed"]:
        note = _("Not shown: fewer than %(n)s people.") % {"n": plan["min_group"]}
        return {_("Plan"): [[plan["unit"].name], [note]]}
    tasks = [
        [
            _("Task"),
            _("Critical"),
            _("Required level"),
            _("Required headcount"),
            _("Qualified"),
            _("Status"),
            _("Cases a year"),
        ]
    ] + [
        [
            t["name"],
            _("yes") if t["critical"] else "",
            t["required_level"],
            t["headcount"],
            t["qualified"],
            t["status"],
            t["annual_cases"] if t["annual_cases"] is not None else "",
        ]
        for t in plan["tasks"]
    ]
    trainings = [
        [_("Task"), _("From level"), _("To level"), _("Reason"), _("Status"), _("Due")]
    ] + [
        [
            t["task"],
            t["from_level"],
            t["to_level"],
            t["reason"],
            t["status"],
            t["due"].isoformat() if t["due"] else "",
        ]
        for t in plan["trainings"]
    ]
    return {_("Coverage"): tasks, _("Training plan"): trainings}
