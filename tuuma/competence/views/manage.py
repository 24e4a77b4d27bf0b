"""Forms of the unit's productivity lead: tasks, deputies, absence plans, needs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.competence import actions, planning_actions
from tuuma.competence.forms import (
    AbsenceForm,
    AbsencePlanForm,
    CsvUploadForm,
    DeputiesForm,
    NeedToMeasureForm,
    TaskForm,
)
from tuuma.competence.models import AbsencePlan, Deputy, Task, TrainingNeed
from tuuma.competence.queries import unit_people
from tuuma.competence.workload import task_workload_refresh
from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit

FORM = "competence/form.html"


def _form_page(request, form, title: str, back: str, **extra) -> HttpResponse:
    context = {"form": form, "title": title, "back": back, **extra}
    return render(request, FORM, context, status=400 if form.errors else 200)


@requires("competence.manage", load=Unit, kwarg="unit_id")
def task_create(request: HttpRequest, unit: Unit) -> HttpResponse:
    form = TaskForm(request.POST or None, unit=unit)
    if request.method == "POST" and form.is_valid():
        task = actions.task_create(
            unit=unit, name=form.cleaned_data["name"], **form.task_fields()
        )
        messages.success(request, _("The task was added."))
        return redirect("competence:deputies", task_id=task.pk)
    back = redirect("competence:unit", unit_id=unit.pk).url
    return _form_page(request, form, _("New task in %(unit)s") % {"unit": unit}, back)


@requires("competence.manage", load=Task, kwarg="task_id")
def task_edit(request: HttpRequest, task: Task) -> HttpResponse:
    form = TaskForm(request.POST or None, instance=task, unit=task.unit)
    if request.method == "POST" and form.is_valid():
        actions.task_update(
            task=task, name=form.cleaned_data["name"], **form.task_fields()
        )
        messages.success(request, _("The task was saved."))
        return redirect("competence:unit", unit_id=task.unit_id)
    back = redirect("competence:unit", unit_id=task.unit_id).url
    return _form_page(request, form, _("Edit task"), back, task=task)


@requires("competence.manage", load=Task, kwarg="task_id")
@require_POST
def task_workload(request: HttpRequest, task: Task) -> HttpResponse:
    if task_workload_refresh(task=task):
        messages.success(request, _("The workload was read from the case log."))
    else:
        messages.error(request, _("The task has no process with an imported case log."))
    return redirect("competence:task-edit", task_id=task.pk)


@requires("competence.manage", load=Task, kwarg="task_id")
def deputies_edit(request: HttpRequest, task: Task) -> HttpResponse:
    people = list(unit_people(task.unit))
    current = list(Deputy.objects.filter(task=task).values_list("person_id", flat=True))
    initial = {f"slot{i}": pk for i, pk in enumerate(current)}
    form = DeputiesForm(request.POST or None, people=people, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.deputies_set(
                task=task, people=form.ordered_people(), by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The deputies were saved."))
            return redirect("competence:unit", unit_id=task.unit_id)
    cover = actions.deputy_cover(task)
    back = redirect("competence:unit", unit_id=task.unit_id).url
    title = _("Deputies: %(task)s") % {"task": task.name}
    return _form_page(request, form, title, back, task=task, cover=cover)


@requires("competence.manage", load=Unit, kwarg="unit_id")
def absence_plan_create(request: HttpRequest, unit: Unit) -> HttpResponse:
    form = AbsencePlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = planning_actions.absence_plan_create(
            unit=unit, name=form.cleaned_data["name"]
        )
        return redirect("competence:absence-plan", plan_id=plan.pk)
    back = redirect("competence:absences", unit_id=unit.pk).url
    return _form_page(request, form, _("New absence plan"), back)


@requires("competence.manage", load=AbsencePlan, kwarg="plan_id")
def absence_plan_edit(request: HttpRequest, plan: AbsencePlan) -> HttpResponse:
    people = list(unit_people(plan.unit))
    upload = "csv-file" in request.FILES
    form = AbsenceForm(
        None if upload else (request.POST or None), people=people, prefix="one"
    )
    csv_form = CsvUploadForm(
        request.POST if upload else None, request.FILES or None, prefix="csv"
    )
    if request.method == "POST":
        done = _save_absences(request, plan, form, csv_form, upload)
        if done:
            return redirect("competence:absence-plan", plan_id=plan.pk)
    return render(
        request,
        "competence/absence_plan.html",
        {
            "plan": plan,
            "form": form,
            "csv_form": csv_form,
            "absences": plan.absences.select_related("person"),
        },
        status=400 if (form.errors or csv_form.errors) else 200,
    )


def _save_absences(request, plan, form, csv_form, upload: bool) -> bool:
    try:
        if upload and csv_form.is_valid():
            data = csv_form.cleaned_data["file"].read()
            added = planning_actions.absences_import_csv(plan=plan, data=data)
            messages.success(
                request, _("%(n)s absences were imported.") % {"n": len(added)}
            )
            return True
        if not upload and form.is_valid():
            data = form.cleaned_data
            planning_actions.absence_add(
                plan=plan,
                person=form.people[data["person"]],
                start=data["start"],
                end=data["end"],
                kind=data["kind"],
            )
            messages.success(request, _("The absence was added."))
            return True
    except ValidationError as error:
        (csv_form if upload else form).add_error(None, error)
    return False


@requires("competence.manage", load=Unit, kwarg="unit_id")
@require_POST
def needs_propose(request: HttpRequest, unit: Unit) -> HttpResponse:
    created = planning_actions.training_needs_propose(unit=unit)
    messages.success(
        request, _("%(n)s training needs were proposed.") % {"n": len(created)}
    )
    return redirect("competence:unit", unit_id=unit.pk)


@requires("competence.manage", load=TrainingNeed, kwarg="need_id")
def need_to_measure(request: HttpRequest, need: TrainingNeed) -> HttpResponse:
    form = NeedToMeasureForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            measure = planning_actions.training_need_to_measure(
                need=need, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The need is now a measure in the programme."))
            return redirect(measure.get_absolute_url())
    back = redirect("competence:unit", unit_id=need.task.unit_id).url
    title = _("Training need into the programme: %(task)s") % {"task": need.task}
    return _form_page(request, form, title, back, need=need)
