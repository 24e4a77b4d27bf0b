"""The unit's personnel and training plan (page, PDF, XLSX) and its rotation plan."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from tuuma.competence import engine, planning_actions
from tuuma.competence.forms import RotationForm
from tuuma.competence.matrix_io import to_xlsx
from tuuma.competence.models import NeedReason
from tuuma.competence.personnel_plan import plan_of, plan_sheets
from tuuma.competence.queries import unit_matrix
from tuuma.competence.visibility import record_view
from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit


def _download(body: bytes, kind: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@requires("competence.view_coverage", load=Unit, kwarg="unit_id")
def plan_page(request: HttpRequest, unit: Unit) -> HttpResponse:
    return render(request, "competence/plan.html", plan_of(unit))


@requires("competence.view_coverage", load=Unit, kwarg="unit_id")
def plan_pdf(request: HttpRequest, unit: Unit) -> HttpResponse:
    # WeasyPrint is slow to import; only this view needs it.
    from weasyprint import CSS, HTML  # noqa: PLC0415

    html = render_to_string("competence/plan_print.html", plan_of(unit), request)
    stylesheet = CSS(filename=finders.find("competence/plan.css"))
    # No base URL: the document has no links to fetch, so nothing leaves the host.
    pdf = HTML(string=html).write_pdf(stylesheets=[stylesheet])
    return _download(pdf, "application/pdf", f"henkilostosuunnitelma-{unit.pk}.pdf")


@requires("competence.view_coverage", load=Unit, kwarg="unit_id")
def plan_xlsx(request: HttpRequest, unit: Unit) -> HttpResponse:
    body = to_xlsx(plan_sheets(plan_of(unit)))
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return _download(body, kind, f"henkilostosuunnitelma-{unit.pk}.xlsx")


def _period(form: RotationForm) -> tuple[date, date, int]:
    if form.is_valid() and form.cleaned_data["start"] <= form.cleaned_data["end"]:
        data = form.cleaned_data
        return data["start"], data["end"], data["mentor_load"]
    return form.initial["start"], form.initial["end"], form.initial["mentor_load"]


@requires(
    {"GET": "competence.view_levels", "POST": "competence.manage"},
    load=Unit,
    kwarg="unit_id",
)
def rotation(request: HttpRequest, unit: Unit) -> HttpResponse:
    matrix = unit_matrix(unit)
    data = request.POST if request.method == "POST" else request.GET
    today = timezone.localdate()
    form = RotationForm(
        data if "start" in data else None,
        initial={"start": today, "end": today + timedelta(days=90), "mentor_load": 2},
    )
    start, end, load = _period(form)
    plan = engine.plan_rotation(
        matrix.reqs, matrix.levels, matrix.person_ids, max_trainees_per_mentor=load
    )
    people = {p.pk: p for p in matrix.people}
    tasks = {t.pk: t for t in matrix.tasks}
    spof = set(engine.figures(matrix.reqs, matrix.levels).spof)
    slots = [
        {
            "person": people[s.person],
            "task": tasks[s.task],
            "mentor": people[s.mentor],
            "from_level": matrix.level(s.person, s.task),
            "goal_level": s.goal_level,
            "reason": NeedReason.SPOF if s.task in spof else NeedReason.GAP,
        }
        for s in plan.slots
    ]
    if request.method == "POST":
        return _plan_to_needs(request, unit, slots, end)
    record_view(request, matrix.people, _("rotation plan of %(unit)s") % {"unit": unit})
    context = {"unit": unit, "form": form, "plan": plan, "slots": slots}
    context.update(start=start, end=end, load=load)
    return render(request, "competence/rotation.html", context)


def _plan_to_needs(request, unit: Unit, slots: list[dict], due: date):
    """The planned rotations as training needs with their mentor and date."""
    created = 0
    for slot in slots:
        try:
            planning_actions.training_need_create(
                task=slot["task"],
                person=slot["person"],
                reason=slot["reason"],
                mentor=slot["mentor"],
                to_level=slot["goal_level"],
                due=due,
            )
        except ValidationError:
            continue  # already an open need for that task and person
        created += 1
    messages.success(
        request, _("%(n)s rotations were saved as training needs.") % {"n": created}
    )
    return redirect("competence:unit", unit_id=unit.pk)
