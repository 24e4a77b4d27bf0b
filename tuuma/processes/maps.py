"""A version's value stream map: its steps as VSM blocks, with the figures the
case log measures in place of typed estimates, and the check of a future state
after its go-live."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from tuuma.processes import logfigures
from tuuma.processes.logfigures import StepLog
from tuuma.processes.models import ProcessVersion, State, Step
from tuuma.processes.vsm import Block, Figures, figures


@dataclass(frozen=True)
class StepRow:
    step: Step
    block: Block
    log: StepLog | None
    from_log: bool  # the lead time is PT + the log's median waiting time
    critical: bool = False

    @property
    def estimate(self) -> bool:
        return not self.from_log and self.step.is_estimate

    @property
    def lt_days(self) -> float:
        return self.block.lt / self.step.version.minutes_per_working_day


@dataclass(frozen=True)
class VersionMap:
    version: ProcessVersion
    rows: list[StepRow]
    figures: Figures
    log_cases: int | None  # cases of the log behind the figures, None without one


def version_map(
    version: ProcessVersion, *, use_log: bool | None = None, log_filter=None
) -> VersionMap:
    """The map with log figures for an as-is version; a to-be version keeps its
    typed expectations unless asked (its check runs on cases after go-live)."""
    if use_log is None:
        use_log = version.state == State.AS_IS
    steps = list(version.steps.all())
    logs: list[StepLog | None] = [None] * len(steps)
    log_cases = None
    view = logfigures.log_view(version.process, log_filter) if use_log else None
    if view is not None:
        log_cases = view.cases.height
        logs = logfigures.step_figures(view, [list(s.activities) for s in steps])
    rows = [_row(step, log) for step, log in zip(steps, logs, strict=True)]
    result = figures(
        [row.block for row in rows],
        minutes_per_day=version.minutes_per_working_day,
        demand_per_year=version.demand_per_year,
        working_days_per_year=version.working_days_per_year,
    )
    critical = set(result.critical_steps)
    rows = [
        StepRow(r.step, r.block, r.log, r.from_log, i in critical)
        for i, r in enumerate(rows)
    ]
    return VersionMap(version, rows, result, log_cases)


def _row(step: Step, log: StepLog | None) -> StepRow:
    lead = step.lt_minutes
    wait = (
        log.wait_working_minutes(step.version.minutes_per_working_day) if log else None
    )
    if wait is not None:
        lead = step.pt_minutes + wait
    block = Block(
        name=step.name,
        pt=step.pt_minutes,
        lt=lead,
        pct_ca=step.pct_ca,
        value_class=step.value_class,
        group=step.parallel_group,
        branch=step.branch,
    )
    return StepRow(step, block, log, wait is not None)


@dataclass(frozen=True)
class HypothesisCheck:
    """A future state's expected lead time against the log after go-live."""

    target_days: float | None
    go_live: date
    before: dict  # cases, median_days, p90_days for the period before go-live
    after: dict
    period_days: int
    before_start: date
    met: bool | None  # None until cases have run through after go-live
    after_map: VersionMap  # the version's steps measured on cases after go-live


def hypothesis_check(version: ProcessVersion, today: date | None = None):
    """Throughput of cases started after go-live against the same length of time
    before it; None when the version has no go-live date or no log."""
    if version.go_live is None:
        return None
    today = today or timezone.localdate()
    period = max((today - version.go_live).days, 0)
    if period == 0:
        return None
    before_start = version.go_live - timedelta(days=period)
    process = version.process
    after_view = logfigures.log_view(
        process, logfigures.case_filter(process, start=version.go_live)
    )
    before_view = logfigures.log_view(
        process,
        logfigures.case_filter(process, start=before_start, end=version.go_live),
    )
    if after_view is None or before_view is None:
        return None
    after = logfigures.throughput_figures(after_view)
    after_map = version_map(
        version,
        use_log=True,
        log_filter=logfigures.case_filter(process, start=version.go_live),
    )
    target = (
        float(version.target_lead_time_days)
        if version.target_lead_time_days is not None
        else None
    )
    met = None
    if target is not None and after["median_days"] is not None:
        met = after["median_days"] <= target
    return HypothesisCheck(
        target_days=target,
        go_live=version.go_live,
        before=logfigures.throughput_figures(before_view),
        after=after,
        period_days=period,
        before_start=before_start,
        met=met,
        after_map=after_map,
    )
