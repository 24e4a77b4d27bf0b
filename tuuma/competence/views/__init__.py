"""Competence pages, split by what they are for."""

from tuuma.competence.views.changes import idea_needs, measure_needs
from tuuma.competence.views.manage import (
    absence_plan_create,
    absence_plan_edit,
    deputies_edit,
    need_to_measure,
    needs_propose,
    task_create,
    task_edit,
    task_workload,
)
from tuuma.competence.views.matrix_io import matrix_export, matrix_import
from tuuma.competence.views.pages import (
    absences_page,
    experts,
    index,
    mine,
    unit_page,
)
from tuuma.competence.views.plan import plan_page, plan_pdf, plan_xlsx, rotation
from tuuma.competence.views.team import team_review

__all__ = [
    "absence_plan_create",
    "absence_plan_edit",
    "absences_page",
    "deputies_edit",
    "experts",
    "idea_needs",
    "index",
    "matrix_export",
    "matrix_import",
    "measure_needs",
    "mine",
    "need_to_measure",
    "needs_propose",
    "plan_page",
    "plan_pdf",
    "plan_xlsx",
    "rotation",
    "task_create",
    "task_edit",
    "task_workload",
    "team_review",
    "unit_page",
]
