"""Before and after a change: a date or the start of a programme measure."""

from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tuuma.caselog import charts
from tuuma.caselog.comparison import explain
from tuuma.caselog.engine import before_after, rule_from_dict, throughput
from tuuma.caselog.formatting import days, duration
from tuuma.caselog.forms import CompareForm
from tuuma.caselog.models import CaseLog
from tuuma.caselog.views.access import log_page
from tuuma.organisation.access import requires
from tuuma.programme.models import Measure


def _measures(request: HttpRequest) -> list[Measure]:
    return list(
        Measure.objects.visible_to(request.user, request.organisation)
        .exclude(start_date__isnull=True)
        .order_by("-start_date")[:200]
    )


@requires("caselog.view", load=CaseLog, kwarg="log_id")
def compare(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    page = log_page(request, caselog)
    form = CompareForm(
        request.GET if ("split" in request.GET or "measure" in request.GET) else None,
        measures=_measures(request),
    )
    result = text = chart = trend = None
    if form.is_bound and form.is_valid():
        split = form.split_date()
        rules = list(page.caselog.deadline_rules.all())
        engine_rules = [rule_from_dict(r.as_engine_rule()) for r in rules]
        try:
            result = before_after(
                page.view,
                datetime(split.year, split.month, split.day),
                by=form.cleaned_data["by"] or "start",
                rules=engine_rules,
            )
        except ValueError:  # a rule this version cannot evaluate
            result = before_after(
                page.view,
                datetime(split.year, split.month, split.day),
                by=form.cleaned_data["by"] or "start",
            )
            rules = []
        result["named_deadlines"] = list(zip(rules, result["deadlines"], strict=True))
        text = explain(result)
        chart = _compare_chart(result)
        trend = _trend_with_split(page.view, split)
    return render(
        request,
        "caselog/compare.html",
        page.context(
            tab="compare", form=form, result=result, text=text, chart=chart, trend=trend
        ),
    )


def _trend_with_split(view, split):
    """The monthly median throughput time with the month of the change marked."""
    monthly = throughput(view, bins=1)["monthly"]
    months = [m["month"] for m in monthly]
    month = split.strftime("%Y-%m")
    marker = next((i for i, m in enumerate(months) if m >= month), None)
    return charts.line_chart(
        "compare-trend",
        [
            (
                m["month"],
                days(m["median_seconds"]),
                f"{m['month']}: {duration(m['median_seconds'])}",
            )
            for m in monthly
        ],
        title=_("Median throughput time by month, the change marked"),
        desc=_(
            "Median throughput time in days of the cases started each month; a "
            "dashed line marks the month of the change."
        ),
        unit=_("days"),
        marker=marker,
    )


def _compare_chart(result: dict):
    bars = []
    for key, label in (("median", _("median")), ("p90", _("90th percentile"))):
        for side, side_label, css in (
            ("before", _("before"), "bar"),
            ("after", _("after"), "bar after"),
        ):
            seconds = result["throughput"][side][key]
            bars.append(
                charts.Bar(
                    label=f"{label} {side_label}",
                    value=days(seconds) or 0.0,
                    tooltip=f"{label}, {side_label}: {duration(seconds)}",
                    css=css,
                )
            )
    return charts.bar_chart(
        "compare",
        bars,
        title=_("Throughput time before and after"),
        desc=_(
            "Median and 90th percentile of throughput time in days, before and after."
        ),
        unit=_("days"),
    )
