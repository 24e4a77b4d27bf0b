"""Competence pages: units, a unit's matrix, absence plans, experts, one's own levels.

What a viewer sees of a unit comes from ``privacy.scope_for``; every page that
shows other people's levels records the read for those people.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tuuma.competence import engine
from tuuma.competence.actions import assessment_record, differences
from tuuma.competence.engine.planning import extra_queue
from tuuma.competence.models import (
    AbsencePlan,
    AccessRecord,
    Level,
    Task,
    TrainingNeed,
)
from tuuma.competence.queries import (
    MAX_PERIOD_DAYS,
    plan_absences,
    summer_of,
    unit_matrix,
    units_inputs,
)
from tuuma.competence.visibility import (
    MIN_GROUP,
    reads_of,
    record_view,
    scope_for,
    supervised_in_units,
)
from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit
from tuuma.organisation.permissions import can

STATUS_LABELS = {
    engine.TaskStatus.UNCOVERED: gettext_lazy("Nobody qualified"),
    engine.TaskStatus.SPOF: gettext_lazy("Single point of failure"),
    engine.TaskStatus.BELOW: gettext_lazy("Below headcount"),
    engine.TaskStatus.COVERED: gettext_lazy("Covered"),
}


def _units(request: HttpRequest):
    return Unit.objects.filter(organisation=request.organisation).select_related(
        "service_area", "organisation"
    )


def _can(request: HttpRequest, permission: str, unit: Unit) -> bool:
    # The unit names its area itself (``service_area_id``): no query for it.
    return can(request.user, permission, request.organisation, unit)


@requires("competence.view")
def index(request: HttpRequest) -> HttpResponse:
    rows = []
    units = list(_units(request).filter(competence_tasks__isnull=False).distinct())
    inputs = units_inputs(request.organisation, units)
    teams = supervised_in_units(request.user, request.organisation)
    for unit in units:
        unit_inputs = inputs[unit.pk]
        team = teams.get(unit.pk, set())
        scope = scope_for(request.user, unit, unit_inputs.person_ids, team)
        if not scope.anything:
            continue
        figures = None
        if scope.figures or scope.everyone:
            figures = engine.figures(unit_inputs.reqs, unit_inputs.levels)
        people = len(unit_inputs.person_ids)
        rows.append({"unit": unit, "people": people, "figures": figures})
    return render(
        request,
        "competence/index.html",
        {"rows": rows, "min_group": MIN_GROUP},
    )


def _task_rows(matrix, figures, visible):
    rows = []
    for task in matrix.tasks:
        rows.append(
            {
                "task": task,
                "coverage": figures.coverage[task.pk] if figures else None,
                "status": figures.status[task.pk] if figures else None,
                "status_label": STATUS_LABELS[figures.status[task.pk]]
                if figures
                else "",
                "risk": figures.risk[task.pk] if figures else None,
                "cells": [matrix.level(p.pk, task.pk) for p in visible],
            }
        )
    return rows


@requires("competence.view", load=Unit, kwarg="unit_id")
def unit_page(request: HttpRequest, unit: Unit) -> HttpResponse:
    matrix = unit_matrix(unit)
    scope = scope_for(request.user, unit, matrix.person_ids)
    visible = [p for p in matrix.people if scope.sees(p.pk)]
    figures = None
    if scope.figures or scope.everyone:
        figures = engine.figures(matrix.reqs, matrix.levels)
    record_view(
        request, visible, _("competence levels in %(unit)s") % {"unit": unit.name}
    )
    names = {p.pk: p for p in visible}
    tasks = {t.pk: t for t in matrix.tasks}
    context = {
        "unit": unit,
        "scope": scope,
        "people": visible,
        "people_count": len(matrix.people),
        "rows": _task_rows(matrix, figures, visible),
        "figures": figures,
        "ranked": [tasks[t] for t in figures.ranked_by_risk()[:10]] if figures else [],
        "sole_holders": [
            (names[p], [tasks[t] for t in ts])
            for p, ts in (figures.sole_holders.items() if figures else [])
            if p in names
        ],
        "plans": AbsencePlan.objects.filter(unit=unit),
        "needs": TrainingNeed.objects.filter(
            task__unit=unit, person_id__in=names
        ).select_related("task", "person", "mentor", "measure"),
        "levels": range(5),
        "can_manage": _can(request, "competence.manage", unit),
        "supervises": bool(scope.people - {request.user.pk}),
        "can_export": _can(request, "competence.view_levels", unit),
        "can_plan": _can(request, "competence.view_coverage", unit),
    }
    return render(request, "competence/unit.html", context)


def _simulate(matrix, key: str, name: str, absences, start: date, end: date):
    weeks = engine.simulate_absences(
        matrix.reqs, matrix.levels, matrix.person_ids, absences, start, end
    )
    tasks = {t.pk: t for t in matrix.tasks}
    queue = extra_queue(matrix.reqs, weeks)
    return {
        "key": key,
        "name": name,
        "weeks": [
            {
                "monday": w.monday,
                "away": len(w.away),
                "below": [tasks[t] for t in w.below_headcount],
                "uncovered": [tasks[t] for t in w.uncovered],
            }
            for w in weeks
        ],
        "queue": [(tasks[t], cases, hours) for t, (cases, hours) in queue.items()],
        "uncovered_weeks": sum(1 for w in weeks if w.uncovered),
    }


def _period(request: HttpRequest, plans) -> tuple[date, date]:
    try:
        return (
            date.fromisoformat(request.GET["start"]),
            date.fromisoformat(request.GET["end"]),
        )
    except (KeyError, ValueError):
        return summer_of(a.start for p in plans for a in p.absences.all())


@requires("competence.view", load=Unit, kwarg="unit_id")
def absences_page(request: HttpRequest, unit: Unit) -> HttpResponse:
    matrix = unit_matrix(unit)
    scope = scope_for(request.user, unit, matrix.person_ids)
    if not (scope.figures or scope.everyone):
        # Staff without figures (or a unit under the minimum group) see why.
        context = {"unit": unit, "plans": [], "results": [], "hidden": True}
        return render(request, "competence/absences.html", context)
    plans = list(AbsencePlan.objects.filter(unit=unit).prefetch_related("absences"))
    chosen = [p for p in plans if str(p.pk) in request.GET.getlist("plan")][:2]
    chosen = chosen or plans[:2]
    start, end = _period(request, chosen)
    if not 0 <= (end - start).days <= MAX_PERIOD_DAYS:
        # A reversed or very long period is cut to one quarter from its start.
        end = start + timedelta(days=91)
    results = [
        _simulate(matrix, str(p.pk), p.name, plan_absences(p), start, end)
        for p in chosen
    ]
    # "What if these people are away the whole period" (only whose names one sees).
    visible = [p for p in matrix.people if scope.sees(p.pk)]
    away = [p for p in visible if str(p.pk) in request.GET.getlist("away")]
    if away:
        absences = [engine.Absence(p.pk, start, end) for p in away]
        name = _("Away: %(names)s") % {"names": ", ".join(map(str, away))}
        results.append(_simulate(matrix, "away", name, absences, start, end))
    return render(
        request,
        "competence/absences.html",
        {
            "unit": unit,
            "plans": plans,
            "results": results,
            "chosen": {p.pk for p in chosen},
            "people": visible,
            "away": {p.pk for p in away},
            "start": start,
            "end": end,
            "can_manage": _can(request, "competence.manage", unit),
        },
    )


@requires("competence.find_experts")
def experts(request: HttpRequest) -> HttpResponse:
    tasks = Task.objects.filter(organisation=request.organisation).select_related(
        "unit"
    )
    found, task, level = None, None, 3
    if request.GET.get("task"):
        task = get_object_or_404(tasks, pk=request.GET["task"])
        try:
            level = max(0, min(4, int(request.GET.get("level", 3))))
        except ValueError:
            level = 3
        found = list(
            Level.objects.filter(task=task, level__gte=level)
            .select_related("person")
            .order_by("person__full_name")
        )
        record_view(
            request,
            [row.person for row in found],
            _("expert search: %(task)s") % {"task": task.name},
        )
    return render(
        request,
        "competence/experts.html",
        {
            "tasks": tasks,
            "task": task,
            "level": level,
            "found": found,
            "levels": range(5),
        },
    )


def _access_records(user, limit: int = 100) -> list[dict]:
    """Reads (the shared access log) and changes (this app), newest first."""
    changes = AccessRecord.objects.filter(subject=user).select_related("actor")
    reads = reads_of(user).select_related("viewer")
    rows = [
        {"at": r.at, "who": r.actor, "changed": True, "what": r.what}
        for r in changes[:limit]
    ] + [
        {"at": e.at, "who": e.viewer, "changed": False, "what": e.what}
        for e in reads[:limit]
    ]
    return sorted(rows, key=lambda row: row["at"], reverse=True)[:limit]


@requires("competence.view")
def mine(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        task = get_object_or_404(
            Task.objects.filter(organisation=request.organisation),
            pk=request.POST.get("task"),
        )
        try:
            assessment_record(
                task=task, person=user, by=user, level=int(request.POST.get("level"))
            )
        except (ValueError, TypeError, ValidationError):
            messages.error(request, _("A level is a whole number from 0 to 4."))
        else:
            messages.success(request, _("Your self-assessment was saved."))
        return redirect("competence:mine")
    levels = Level.objects.filter(person=user).select_related("task", "task__unit")
    unit_ids = user.memberships.filter(organisation=request.organisation).values(
        "unit_id"
    )
    tasks = list(Task.objects.filter(unit_id__in=unit_ids).select_related("unit"))
    latest = differences(user, tasks)
    return render(
        request,
        "competence/mine.html",
        {
            "rows": [(t, latest[t.pk]) for t in tasks],
            "agreed": levels,
            "certificates": user.competence_certificates.all(),
            "needs": user.competence_training_needs.select_related("task", "mentor"),
            "records": _access_records(user),
            "levels": range(5),
        },
    )
