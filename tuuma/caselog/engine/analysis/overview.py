"""Overview: sizes, time span, start and end activities."""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.stats import iso
from tuuma.caselog.engine.filters import LogView


def overview(view: LogView) -> dict[str, Any]:
    cases = view.cases
    names = view.log.activity_names
    if view.is_filtered:
        activities = view.events()["_activity"].n_unique() if cases.height else 0
    else:
        activities = len(names)
    return {
        "cases": cases.height,
        "events": int(cases["_events"].sum()),
        "activities": activities,
        "variants": cases["_variant"].n_unique(),
        "first_timestamp": iso(cases["_start"].min()),
        "last_timestamp": iso(cases["_end"].max()),
        "start_activities": _counts(cases, "_first_activity", names),
        "end_activities": _counts(cases, "_last_activity", names),
    }


def _counts(cases: pl.DataFrame, column: str, names: list[str]) -> dict[str, int]:
    counts = cases.group_by(column).len().sort(column)
    return {names[c]: n for c, n in counts.iter_rows()}
