"""What a done measure changed in the case log of the processes it touches: the
cases of each process started before the measure's start date against those
started from it (the case-log comparison page's figures, for the idea page).

Only counts and throughput times leave the log (no case or person), so a reader
who may see the process sees them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils.translation import get_language

from tuuma.caselog.comparison import explain
from tuuma.caselog.engine import before_after
from tuuma.processes import logfigures
from tuuma.processes.models import Process
from tuuma.programme.models import Measure

DAY = 86_400
CACHE_SECONDS = 3600


@dataclass(frozen=True)
class ProcessChange:
    """One process of a done measure, with its before/after when its log has one."""

    process: Process
    # before/after: cases, median_days, p90_days; text: the change and whether
    # it is likely chance (Mann–Whitney U), in plain words.
    figures: dict | None


def _side(summary: dict) -> dict:
    def in_days(key: str) -> float | None:
        seconds = summary.get(key)
        return None if seconds is None else seconds / DAY

    return {
        "cases": summary["cases"],
        "median_days": in_days("median"),
        "p90_days": in_days("p90"),
    }


def _compute(process: Process, measure: Measure) -> dict | None:
    view = logfigures.log_view(process)
    if view is None:
        return None
    start = measure.start_date
    result = before_after(view, datetime(start.year, start.month, start.day))
    throughput = result["throughput"]
    return {
        "before": _side(throughput["before"]),
        "after": _side(throughput["after"]),
        "text": explain(result),
    }


def before_after_figures(process: Process, measure: Measure) -> dict | None:
    """The figures of ``process``'s log split at ``measure``'s start (None
    without a log), cached per log version, case types and date."""
    caselog = process.caselog
    version = caselog.current_version if caselog else None
    if version is None:
        return None
    case_types = json.dumps([process.case_type_attribute, process.case_types or []])
    # The plain-words text is in the reader's language: one entry per language.
    key = ":".join(
        [
            "processes.before_after",
            str(version.pk),
            str(process.pk),
            measure.start_date.isoformat(),
            hashlib.sha256(case_types.encode()).hexdigest()[:16],
            get_language() or "",
        ]
    )
    return cache.get_or_set(key, lambda: _compute(process, measure), CACHE_SECONDS)


def measure_changes(measure: Measure, processes) -> list[ProcessChange]:
    return [
        ProcessChange(process, before_after_figures(process, measure))
        for process in processes
    ]
