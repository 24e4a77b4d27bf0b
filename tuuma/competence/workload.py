"""A task's workload read from the case log of its process.

Annual cases = cases of the task's case types (the process's if the task names
none) started in the log, divided by the years the log spans; the weekly profile
is the mean number of cases starting in each ISO week number. The median
handling time is effort, which a log of events does not hold: it stays as
entered.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl
from django.db import transaction

from tuuma.caselog.engine import CaseFilter
from tuuma.caselog.logs import view_of
from tuuma.competence.models import Task

DAYS_A_YEAR = 365.25


@dataclass(frozen=True)
class LogWorkload:
    annual_cases: float
    weekly_cases: dict[str, float]
    source: str


def log_workload(task: Task) -> LogWorkload | None:
    """None when the task has no process with an imported case log."""
    process = task.process
    caselog = process.caselog if process else None
    if caselog is None or caselog.current_version is None:
        return None
    types = list(task.case_types or process.case_types or [])
    attributes = {}
    if types and process.case_type_attribute:
        attributes[process.case_type_attribute] = types
    try:
        view = view_of(caselog.current_version, CaseFilter(attributes=attributes))
    except ValueError:  # the log lacks the case-type attribute
        return None
    starts = view.cases.select(pl.col("_start")).drop_nulls()
    if not starts.height:
        return LogWorkload(0.0, {}, str(caselog))
    span_days = (starts["_start"].max() - starts["_start"].min()).total_seconds()
    years = max(span_days / 86_400 / DAYS_A_YEAR, 1.0)
    weeks = starts.group_by(pl.col("_start").dt.week().alias("week")).len("n")
    weekly = {str(w): round(n / years, 2) for w, n in weeks.iter_rows()}
    return LogWorkload(round(starts.height / years, 1), weekly, str(caselog))


@transaction.atomic
def task_workload_refresh(*, task: Task) -> bool:
    """Copy the log's figures onto the task (pages stay fast); False if none."""
    workload = log_workload(task)
    if workload is None:
        return False
    task.annual_cases = workload.annual_cases
    task.weekly_cases = workload.weekly_cases
    task.workload_source = workload.source[:200]
    task.save(update_fields=["annual_cases", "weekly_cases", "workload_source"])
    return True
