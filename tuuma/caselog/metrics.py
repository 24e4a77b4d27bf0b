"""Process figures from case logs in the metric registry (``tuuma/lib/metrics.py``).

Each figure is computed on the current version of the organisation's case logs
by the engine's own functions (throughput ``stats``, deadline ``compliance``,
``before_after``), so they match the log's pages. The views come from
``tuuma.caselog.logs.view_of`` (cached per version and filter) and what is
derived from a view is kept on it (``LogView.cached``): the dashboard's many
figures and its drill-down rows reread no log.

The period limits the cases to those that *started* in it (both ends included,
in the log's time zone); the service area is the log's own.
"""

from __future__ import annotations

from datetime import timedelta

import polars as pl
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from tuuma.caselog.engine import CaseFilter, LogView, before_after, compliance
from tuuma.caselog.engine import rule_from_dict as engine_rule
from tuuma.caselog.engine.analysis.throughput import case_durations, stats
from tuuma.caselog.formatting import DAY
from tuuma.caselog.logs import view_of
from tuuma.caselog.models import CaseLog, DeadlineRule, LogIndicator
from tuuma.lib.metrics import (
    COUNT,
    DAYS,
    PERIOD,
    SERVICE_AREA,
    Filters,
    Metric,
    Value,
)
from tuuma.organisation.models import Organisation
from tuuma.programme.models import MeasureStatus

ACCEPTS = frozenset({PERIOD, SERVICE_AREA})
SOURCE = _("Case logs: the current version of each log")
SIGNIFICANCE = 0.05  # as on the log's before/after page


def logs(organisation: Organisation, filters: Filters) -> QuerySet:
    """The organisation's imported logs, of the filters' service area."""
    found = CaseLog.objects.filter(
        organisation=organisation, current_version__isnull=False
    ).select_related("current_version")
    if filters.service_area:
        found = found.filter(service_area_id=filters.service_area)
    return found.order_by("name", "pk")


def case_filter(filters: Filters) -> CaseFilter:
    """Cases started in the period; the engine's window excludes its end, so
    the day after the last day closes it."""
    end = filters.end + timedelta(days=1) if filters.end else None
    return CaseFilter(start=filters.start, end=end, time_mode="started")


def views(
    organisation: Organisation, filters: Filters
) -> list[tuple[CaseLog, LogView]]:
    chosen = case_filter(filters)
    return [
        (log, view_of(log.current_version, chosen))
        for log in logs(organisation, filters)
    ]


def durations(organisation: Organisation, filters: Filters) -> pl.Series:
    """Every case's throughput time in seconds, over the logs."""
    found = [
        view.cached("metrics.durations", lambda v=view: case_durations(v.cases))
        for _log, view in views(organisation, filters)
    ]
    return pl.concat(found) if found else pl.Series("_end", [], dtype=pl.Float64)


def _throughput(key: str):
    def compute(organisation: Organisation, filters: Filters) -> Value:
        seconds = durations(organisation, filters)
        value = stats(seconds)[key]
        return Value(None if value is None else round(value / DAY, 1), len(seconds))

    return compute


def _compliance(view: LogView, rule: DeadlineRule) -> dict | None:
    """The engine's compliance of ``rule`` on the view, None when the version
    no longer has what the rule names (an attribute)."""

    def compute() -> dict | None:
        try:
            return compliance(view, engine_rule(rule.as_engine_rule()), list_late=0)
        except ValueError:
            return None

    return view.cached(f"metrics.compliance.{rule.pk}", compute)


def rule_figures(
    organisation: Organisation, filters: Filters
) -> list[tuple[str, dict]]:
    """(log: rule, compliance) per deadline rule of the logs."""
    found = []
    for log, view in views(organisation, filters):
        for rule in log.deadline_rules.order_by("name", "pk"):
            result = _compliance(view, rule)
            if result is not None:
                found.append((f"{log.name}: {rule.name}", result))
    return found


def _rule_sum(key: str):
    def compute(organisation: Organisation, filters: Filters) -> Value:
        total = sum(r[key] for _label, r in rule_figures(organisation, filters))
        return Value(total, total)

    return compute


def _misses_by_rule(organisation: Organisation, filters: Filters):
    return [
        (label, Value(result["late"], result["applicable"]))
        for label, result in rule_figures(organisation, filters)
    ]


def compared_measures(organisation: Organisation, filters: Filters) -> list[dict]:
    """Done measures with an indicator from a case log: the log's throughput
    before and after the day the measure was done (the engine's before/after)."""
    links = LogIndicator.objects.filter(
        organisation=organisation,
        caselog__current_version__isnull=False,
        indicator__measure__status=MeasureStatus.DONE,
        indicator__measure__done_at__isnull=False,
    ).select_related("caselog__current_version", "indicator__measure")
    if filters.service_area:
        links = links.filter(indicator__measure__service_area_id=filters.service_area)
    found, seen = [], set()
    for link in links.order_by("indicator__measure__title", "pk"):
        measure = link.indicator.measure
        done = measure.done_at.date()
        if (
            (filters.start and done < filters.start)
            or (filters.end and done > filters.end)
            or measure.pk in seen
        ):
            continue
        seen.add(measure.pk)
        view = view_of(
            link.caselog.current_version, CaseFilter.from_dict(link.case_filter)
        )
        result = view.cached(
            f"metrics.before_after.{done.isoformat()}",
            lambda v=view, d=done: before_after(v, d)["throughput"],
        )
        found.append({"measure": measure, **result})
    return found


def _improved(organisation: Organisation, filters: Filters) -> Value:
    compared = [
        row
        for row in compared_measures(organisation, filters)
        if row["mann_whitney_p"] is not None
    ]
    faster = sum(
        1
        for row in compared
        if row["after"]["median"] < row["before"]["median"]
        and row["mann_whitney_p"] < SIGNIFICANCE
    )
    return Value(faster, len(compared))


METRICS = [
    Metric(
        id="caselog.throughput_median_days",
        label=_("Median throughput time"),
        definition=_(
            "The middle of the cases' times from their first to their last event, "
            "in days, over the organisation's case logs; the cases started in the "
            "period."
        ),
        unit=DAYS,
        source=SOURCE,
        compute=_throughput("median"),
        filters=ACCEPTS,
    ),
    Metric(
        id="caselog.throughput_p90_days",
        label=_("Throughput time, 90th percentile"),
        definition=_(
            "The time from first to last event within which 9 cases in 10 are "
            "done, in days, over the organisation's case logs; the cases started "
            "in the period."
        ),
        unit=DAYS,
        source=SOURCE,
        compute=_throughput("p90"),
        filters=ACCEPTS,
    ),
    Metric(
        id="caselog.backlog",
        label=_("Open cases"),
        definition=_(
            "Cases whose deadline clock has started and that are not answered "
            "yet but can still make it (at the moment the log was exported), "
            "summed over the logs' deadline rules."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_rule_sum("open"),
        filters=ACCEPTS,
    ),
    Metric(
        id="caselog.deadline_misses",
        label=_("Deadline misses"),
        definition=_(
            "Cases that missed a deadline rule of their log (answered late, or "
            "not answered when the deadline passed), summed over the rules; the "
            "breakdown gives them per log and rule."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_rule_sum("late"),
        filters=ACCEPTS,
        breakdown=_misses_by_rule,
    ),
    Metric(
        id="caselog.measures_faster",
        label=_("Measures after which cases went faster"),
        definition=_(
            "Done measures with an indicator from a case log whose median "
            "throughput time is shorter for the cases started after the measure "
            "was done than before, with a statistically significant difference "
            "(Mann–Whitney U, p < 0.05); counted from the measures done in the "
            "period that have cases on both sides."
        ),
        unit=COUNT,
        source=SOURCE,
        compute=_improved,
        filters=ACCEPTS,
    ),
]
