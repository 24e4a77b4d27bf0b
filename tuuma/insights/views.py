"""The leadership dashboard, the risk view, the metric definitions and the
public results page."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tuuma.insights import dashboard
from tuuma.insights.forms import FilterForm
from tuuma.lib.metrics import SMALL_CELL, Filters, one_reading, registry
from tuuma.organisation.access import public, requires
from tuuma.programme.models import Measure, MeasureStatus
from tuuma.programme.results import results_of

RESULTS_SHOWN = 10

PUBLIC_METRICS = (
    "ideas.received",
    "ideas.answered",
    "ideas.answered_within_target",
    "ideas.median_answer_days",
    "ideas.accepted",
    "programme.ideas_in_measures",
    "programme.measures_done",
    "programme.measured_share",
    "programme.targets_reached",
    "hearings.held",
)


@login_required
@requires("insights.view")
@require_GET
def dashboard_view(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    form = FilterForm(request.GET or None, organisation=organisation)
    filters = form.filters()
    with one_reading():
        columns, rows = dashboard.drill_down(organisation, filters)
        indicators, indicator_count = dashboard.indicators(organisation, filters)
        context = {
            "form": form,
            "filters": filters,
            "sections": dashboard.sections(organisation, filters),
            "charts": dashboard.charts(organisation, filters),
            "columns": columns,
            "rows": rows,
            "indicators": indicators,
            "indicator_count": indicator_count,
        }
    return render(request, "insights/dashboard.html", context)


@login_required
@requires("insights.view")
@require_GET
def risks(request: HttpRequest) -> HttpResponse:
    with one_reading():
        columns, rows = dashboard.risk_rows(request.organisation)
    return render(request, "insights/risks.html", {"columns": columns, "rows": rows})


@public
@require_GET
def definitions(request: HttpRequest) -> HttpResponse:
    """How every figure is counted (the staff-only ones are marked)."""
    return render(
        request,
        "insights/definitions.html",
        {"metrics": registry().values(), "small_cell": SMALL_CELL},
    )


@public
@require_GET
def public_results(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    done = (
        Measure.objects.filter(
            organisation=organisation, is_published=True, status=MeasureStatus.DONE
        )
        .exclude(result_achieved="", public_summary="")
        .prefetch_related("indicators__values")
        .order_by("-done_at", "-pk")[:RESULTS_SHOWN]
    )
    return render(
        request,
        "insights/public.html",
        {
            "results": results_of(done),
            "figures": [
                dashboard.figure(metric_id, organisation, Filters()).measured
                for metric_id in PUBLIC_METRICS
            ],
        },
    )
