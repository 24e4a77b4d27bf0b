"""A supervisor rates the people they supervise and approves the agreed level.

The person's self-assessment, the supervisor's rating and the agreed level sit
side by side with their difference; approving sets the level every figure uses.
Only the person's supervisors in the unit (``Supervision``) get here: for
anyone else the person is not found.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tuuma.competence.actions import assessment_record, differences, level_approve
from tuuma.competence.models import Task
from tuuma.competence.queries import unit_people
from tuuma.competence.visibility import record_view, supervised_by
from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit


def _rows(person, tasks: list[Task]) -> list[dict]:
    latest = differences(person, tasks)
    rows = []
    for task in tasks:
        ratings = latest[task.pk]
        own, boss = ratings["self"], ratings["supervisor"]
        gap = boss - own if own is not None and boss is not None else None
        rows.append({"task": task, **ratings, "gap": gap})
    return rows


def _save(request: HttpRequest, person, tasks: dict[str, Task]) -> None:
    task = tasks.get(request.POST.get("task", ""))
    if task is None:
        raise Http404
    try:
        level = int(request.POST.get("level", ""))
        if request.POST.get("action") == "approve":
            level_approve(task=task, person=person, by=request.user, level=level)
            messages.success(request, _("The agreed level was approved."))
        else:
            assessment_record(task=task, person=person, by=request.user, level=level)
            messages.success(request, _("Your rating was saved."))
    except (ValueError, ValidationError):
        messages.error(request, _("A level is a whole number from 0 to 4."))


@requires("competence.view", load=Unit, kwarg="unit_id")
def team_review(request: HttpRequest, unit: Unit) -> HttpResponse:
    team = supervised_by(request.user, unit)
    people = list(unit_people(unit).filter(pk__in=team))
    person = None
    if "person" in request.GET:
        # Someone outside the viewer's team is not found, like another unit.
        wanted = request.GET["person"]
        person = next((p for p in people if str(p.pk) == wanted), None)
        if person is None:
            raise Http404
    tasks = list(Task.objects.of_unit(unit).order_by("name"))
    if person is not None and request.method == "POST":
        _save(request, person, {str(t.pk): t for t in tasks})
        url = reverse("competence:team", args=[unit.pk])
        return redirect(f"{url}?person={person.pk}")
    rows = []
    if person is not None:
        rows = _rows(person, tasks)
        record_view(
            request, [person], _("competence ratings in %(unit)s") % {"unit": unit.name}
        )
    context = {
        "unit": unit,
        "people": people,
        "person": person,
        "rows": rows,
        "levels": range(5),
    }
    return render(request, "competence/team.html", context)
