"""The log's analysis pages: overview, process map, variants, bottlenecks."""

from datetime import UTC, datetime

import polars as pl
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.caselog import actions, charts, processmap
from tuuma.caselog.engine import (
    bottlenecks,
    dfg,
    overview,
    processing,
    rework,
    throughput,
    variants,
)
from tuuma.caselog.formatting import duration, number
from tuuma.caselog.forms import LogDetailsForm
from tuuma.caselog.models import CaseLog
from tuuma.caselog.pageforms import BottleneckForm, MapForm
from tuuma.caselog.views.access import log_page
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can

CASES_SHOWN = 200


@requires("caselog.view")
def index(request: HttpRequest) -> HttpResponse:
    logs = CaseLog.objects.filter(
        organisation=request.organisation, current_version__isnull=False
    ).select_related("current_version", "service_area")
    return render(
        request,
        "caselog/index.html",
        {
            "logs": logs,
            "can_upload": can(request.user, "caselog.upload", request.organisation),
        },
    )


def throughput_charts(result: dict) -> dict:
    """The histogram and the monthly trend of a ``throughput`` result as SVG."""
    bars = [
        charts.Bar(
            label=number(b["from_seconds"] / 86400),
            value=b["cases"],
            tooltip=_("%(low)s – %(high)s: %(cases)s cases")
            % {
                "low": duration(b["from_seconds"]),
                "high": duration(b["to_seconds"]),
                "cases": number(b["cases"]),
            },
        )
        for b in result["histogram"]
    ]
    histogram = charts.bar_chart(
        "histogram",
        bars,
        title=_("Throughput times"),
        desc=_(
            "Number of cases by throughput time in days; the table below has the figures."
        ),
        unit=_("cases"),
        x_unit=_("days"),
    )
    points = [
        (
            m["month"],
            m["median_seconds"] / 86400,
            _("%(month)s: median %(median)s, %(cases)s cases")
            % {
                "month": m["month"],
                "median": duration(m["median_seconds"]),
                "cases": number(m["cases"]),
            },
        )
        for m in result["monthly"]
    ]
    trend = charts.line_chart(
        "trend",
        points,
        title=_("Median throughput time by month"),
        desc=_("Median throughput time in days of the cases started each month."),
        unit=_("days"),
    )
    return {"histogram": histogram, "trend": trend}


def _moment(iso: str | None) -> datetime | None:
    """An engine timestamp (ISO 8601, UTC) for the local-time filters."""
    if not iso:
        return None
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def log_overview(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    head = overview(page.view)
    result = throughput(page.view, bins=20)
    return render(
        request,
        "caselog/overview.html",
        page.context(
            tab="overview",
            head=head,
            period_start=_moment(head["first_timestamp"]),
            period_end=_moment(head["last_timestamp"]),
            throughput=result,
            versions=page.caselog.versions.all()[:10],
            **throughput_charts(result),
        ),
    )


@requires("caselog.upload", load=CaseLog, kwarg="log_id")
def log_edit(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    form = LogDetailsForm(request.POST or None, instance=caselog)
    if request.method == "POST":
        if "delete" in request.POST:
            actions.caselog_delete(caselog=caselog)
            return redirect("caselog:index")
        if form.is_valid():
            actions.caselog_update(
                caselog=caselog,
                name=form.cleaned_data["name"],
                source_system=form.cleaned_data["source_system"],
                description=form.cleaned_data["description"],
                service_area=form.cleaned_data["service_area"],
            )
            return redirect(caselog.get_absolute_url())
    return render(request, "caselog/edit.html", {"form": form, "caselog": caselog})


def process_map_for(page, measure: str, detail: int) -> processmap.ProcessMap:
    head = overview(page.view)
    counts = dict(page.view.log.activities.select("name", "_events").iter_rows())
    return processmap.process_map(
        dfg(page.view),
        counts,
        head["start_activities"],
        head["end_activities"],
        detail=detail,
        measure=measure,
    )


def process_map_svg(page, chart: processmap.ProcessMap, measure: str):
    title = _("Process map of %(name)s") % {"name": page.caselog.name}
    desc = (
        _(
            "Activities and the most frequent transitions between them; line width "
            "and labels show how many times each transition happened."
        )
        if measure == "frequency"
        else _(
            "Activities and the most frequent transitions between them; line width "
            "and labels show the median waiting time of each transition."
        )
    )
    return processmap.render_process_map_svg(
        chart, measure=measure, title=title, desc=desc
    )


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def process_map(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    form = MapForm(request.GET)
    measure, detail = form.settings()
    chart = process_map_for(page, measure, detail)
    context = page.context(
        tab="map",
        map_form=MapForm(initial={"measure": measure, "detail": detail}),
        measure=measure,
        detail=detail,
        chart=chart,
        svg=process_map_svg(page, chart, measure),
        drawn_percent=round(chart.drawn_share * 100),
    )
    template = "caselog/map.html#map" if request.htmx else "caselog/map.html"
    return render(request, template, context)


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def variant_list(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    result = variants(page.view, top=50)
    cases = None
    if page.case_filter.variants:
        table = page.view.cases.sort("_start").select(
            pl.col("_id").alias("id"),
            pl.col("_start").alias("start"),
            pl.col("_end").alias("end"),
        )
        cases = table.head(CASES_SHOWN).to_dicts()
    return render(
        request,
        "caselog/variants.html",
        page.context(tab="variants", result=result, cases=cases),
    )


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def bottleneck_list(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    form = BottleneckForm(request.GET)
    result = bottlenecks(page.view, top=10, min_cases=form.min_cases_or_default())
    waits = charts.hbar_chart(
        "waits",
        [
            charts.Bar(
                label=a["activity"],
                value=a["median_seconds"] / 86400,
                tooltip=_("%(activity)s: median %(median)s, n = %(cases)s")
                % {
                    "activity": a["activity"],
                    "median": duration(a["median_seconds"]),
                    "cases": number(a["cases"]),
                },
            )
            for a in result["activities_by_median_wait"]
        ],
        title=_("Median waiting time before each activity"),
        desc=_(
            "The activities cases wait longest for, in days; the table has the figures."
        ),
        unit=_("days"),
    )
    return render(
        request,
        "caselog/bottlenecks.html",
        page.context(
            tab="bottlenecks",
            form=BottleneckForm(initial={"min_cases": result["min_cases"]}),
            errors=form.errors,
            result=result,
            waits=waits,
            rework=rework(page.view)[:20],
            processing=processing(page.view, top=20),
        ),
    )
