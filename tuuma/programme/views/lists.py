"""The programme read top-down: by goal, class or area; mine; late; the roadmap."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuuma.lib.paging import page_of
from tuuma.organisation.access import public, requires
from tuuma.organisation.permissions import areas_where, can
from tuuma.programme.charts import roadmap
from tuuma.programme.forms import FilterForm
from tuuma.programme.models import Measure, MeasureClass, Milestone
from tuuma.programme.models.measures import MeasureQuerySet


def visible_measures(request: HttpRequest) -> MeasureQuerySet:
    return (
        Measure.objects.visible_to(request.user, request.organisation)
        .select_related("goal__focus_area", "service_area", "owner")
        .with_progress()
    )


def _group(measures: list[Measure], grouping: str) -> list[tuple[str, list[Measure]]]:
    """(heading, measures) pairs in a stable, readable order."""
    if grouping == "class":
        order = {value: index for index, value in enumerate(MeasureClass.values)}
        measures = sorted(measures, key=lambda m: order[m.measure_class])
        key = Measure.get_measure_class_display
    elif grouping == "area":
        # groupby needs rows sorted by the heading it groups on.
        measures = sorted(measures, key=lambda m: m.service_area.localized_name)
        key = lambda m: m.service_area.localized_name  # noqa: E731
    else:
        measures = sorted(
            measures,
            key=lambda m: (
                m.goal.focus_area.order,
                m.goal.focus_area_id,
                m.goal.order,
                m.goal_id,
            ),
        )
        key = lambda m: f"{m.goal.focus_area}: {m.goal}"  # noqa: E731
    return [(heading, list(group)) for heading, group in groupby(measures, key=key)]


@public
def programme_index(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    is_staff = can(request.user, "programme.view_unpublished", organisation)
    # Residents follow the programme per service area; staff read it by goal.
    default = "goal" if is_staff else "area"
    form = FilterForm(
        request.GET or None, organisation=organisation, initial={"group": default}
    )
    measures = list(form.apply(visible_measures(request)))
    grouping = form.grouping(default=default)
    # Page the measures in their grouped order, then group the page's measures.
    ordered = [m for _heading, group in _group(measures, grouping) for m in group]
    page = page_of(request, ordered)
    template = "programme/index.html"
    return render(
        request,
        f"{template}#results" if request.htmx else template,
        {
            "form": form,
            "groups": _group(page.object_list, grouping),
            "page": page,
            "count": len(measures),
            "today": timezone.localdate(),
            "is_staff": is_staff,
            "can_create": areas_where(
                request.user, "programme.create_measure", organisation
            )
            != [],
            "query": request.GET.urlencode(),
        },
    )


@login_required
@requires("programme.view_own")
def my_measures(request: HttpRequest) -> HttpResponse:
    measures = visible_measures(request)
    return render(
        request,
        "programme/my_measures.html",
        {
            "owned": measures.filter(owner=request.user),
            "taking_part": measures.filter(participants=request.user).exclude(
                owner=request.user
            ),
            "today": timezone.localdate(),
        },
    )


@login_required
@requires("programme.view_unpublished")
def attention(request: HttpRequest) -> HttpResponse:
    """Overdue and at-risk measures, for the staff who follow the programme."""
    today = timezone.localdate()
    measures = visible_measures(request)
    return render(
        request,
        "programme/attention.html",
        {
            "overdue": measures.overdue(today),
            "at_risk": measures.at_risk(today),
            "today": today,
        },
    )


@public
def roadmap_view(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None, organisation=request.organisation)
    measures = list(
        form.apply(visible_measures(request))
        .exclude(status="cancelled")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.all()))
        .order_by("start_date", "due_date", "title")
    )
    today = timezone.localdate()
    return render(
        request,
        "programme/roadmap.html",
        {
            "form": form,
            "chart": roadmap(measures, today),
            "measures": measures,
            "today": today,
        },
    )
