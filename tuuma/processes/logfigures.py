"""Step figures measured in the process's case log, each with its number of cases.

A step is mapped to one or more activities of the log. For the cases of the
process's case types:

- waiting time before the step: the gap from the previous event of the case to
  an event of the step (median and 90th percentile, n = such gaps). This is the
  case-log engine's own "waiting time before an activity" (its bottleneck
  figure), computed from the same directly-follows table;
- volume a year: cases with the step, divided by the years the cases span;
- rework share: of the cases with the step, those where it occurs more than
  once (the engine's rework figure).

Log times are calendar time. For the VSM, a waiting time is turned into working
minutes with 5 working days in 7 and the map's working minutes a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import polars as pl
from django.utils import timezone

from tuuma.caselog.engine import CaseFilter, LogView, compliance, rule_from_dict
from tuuma.caselog.engine.analysis.dfg import steps as engine_steps
from tuuma.caselog.engine.analysis.throughput import case_durations, stats
from tuuma.caselog.logs import view_of
from tuuma.processes.models import Process

DAY = 86_400
WORKING_SHARE = 5 / 7  # working days in a calendar day, for the time basis


@dataclass(frozen=True)
class StepLog:
    activities: tuple[str, ...]
    wait_median_days: float | None
    wait_p90_days: float | None
    wait_n: int
    cases: int
    volume_per_year: float | None
    rework_share: float | None  # per cent of the cases with the step
    rework_cases: int

    def wait_working_minutes(self, minutes_per_day: float) -> float | None:
        if self.wait_median_days is None:
            return None
        return self.wait_median_days * WORKING_SHARE * minutes_per_day


def case_filter(
    process: Process,
    *,
    start: date | datetime | None = None,
    end: date | datetime | None = None,
    time_mode: str = "started",
) -> CaseFilter:
    """The cases of the process's case types (all cases if none are named)."""
    attributes = {}
    if process.case_types and process.case_type_attribute:
        attributes[process.case_type_attribute] = list(process.case_types)
    return CaseFilter(
        start=_aware(start),
        end=_aware(end),
        time_mode=time_mode,
        attributes=attributes,
    )


def _aware(value: date | datetime | None) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    # A date is the start of that day in the organisation's time zone.
    return timezone.make_aware(datetime.combine(value, time()))


def log_view(process: Process, filter_: CaseFilter | None = None) -> LogView | None:
    caselog = process.caselog
    if caselog is None or caselog.current_version is None:
        return None
    try:
        return view_of(caselog.current_version, filter_ or case_filter(process))
    except ValueError:  # the log lacks the case-type attribute
        return None


def step_figures(view: LogView, mappings: list[list[str]]) -> list[StepLog | None]:
    """Figures for each step's mapped activities (None for an unmapped step)."""
    waits = engine_steps(view)
    events = view.events()
    years = _span_years(view)
    return [
        _one(view, waits, events, activities, years) if activities else None
        for activities in mappings
    ]


def _one(
    view: LogView,
    waits: pl.DataFrame,
    events: pl.DataFrame,
    activities: list[str],
    years: float | None,
) -> StepLog:
    codes = [c for c in map(view.log.activity_code, activities) if c is not None]
    gaps = waits.filter(pl.col("target").is_in(codes))["wait"]
    summary = stats(gaps)
    per_case = (
        events.filter(pl.col("_activity").is_in(codes)).group_by("_case").len("n")
    )
    cases = per_case.height
    repeated = per_case.filter(pl.col("n") > 1).height
    return StepLog(
        activities=tuple(activities),
        wait_median_days=_days(summary["median"]),
        wait_p90_days=_days(summary["p90"]),
        wait_n=len(gaps),
        cases=cases,
        volume_per_year=cases / years if years else None,
        rework_share=repeated / cases * 100 if cases else None,
        rework_cases=repeated,
    )


def _days(seconds: float | None) -> float | None:
    return None if seconds is None else seconds / DAY


def _span_years(view: LogView) -> float | None:
    if not view.cases.height:
        return None
    span = view.cases["_end"].max() - view.cases["_start"].min()
    days = span.total_seconds() / DAY
    return days / 365.25 if days > 0 else None


def throughput_figures(view: LogView) -> dict:
    """Cases, median and p90 throughput in calendar days."""
    durations = case_durations(view.cases)
    figures = stats(durations)
    return {
        "cases": len(durations),
        "median_days": _days(figures["median"]),
        "p90_days": _days(figures["p90"]),
    }


def deadline_figures(process: Process, view: LogView) -> list[dict]:
    """Each deadline rule of the log: applicable, late, still open, share met."""
    rows = []
    for rule in process.caselog.deadline_rules.all():
        try:
            result = compliance(view, rule_from_dict(rule.as_engine_rule()))
        except ValueError:
            continue
        rows.append({"rule": rule.name, **result})
    return rows
