"""Bottlenecks (where the waiting is) and rework (activities repeated in a case).

The waiting time of an activity is the time from the previous event of the case
to it, so it is the waiting time of the DFG edges into that activity.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.dfg import edge_table, named_edges, steps
from tuuma.caselog.engine.analysis.stats import seconds, summary_exprs
from tuuma.caselog.engine.filters import LogView


def bottlenecks(view: LogView, *, top: int = 10) -> dict[str, Any]:
    """Edges and activities ranked by total and by median waiting time."""
    names = view.log.activity_names
    edges = edge_table(view)
    activities = (
        steps(view)
        .group_by("target")
        .agg(summary_exprs("wait"))
        .rename({"target": "activity"})
    )

    name_of = pl.Series(names, dtype=pl.String)

    def ranked(table: pl.DataFrame, by: str) -> pl.DataFrame:
        """Top rows by ``by`` and count; ties go by activity name, never by chance."""
        id_columns = [c for c in ("source", "target", "activity") if c in table.columns]
        tie_breakers = [name_of.gather(table[c]).alias(f"_{c}") for c in id_columns]
        tied = [f"_{c}" for c in id_columns]
        return (
            table.with_columns(tie_breakers)
            .sort(
                [by, "count", *tied],
                descending=[True, True, *[False] * len(tied)],
                nulls_last=True,
            )
            .head(top)
            .drop(tied)
        )

    def activity_rows(table: pl.DataFrame) -> list[dict[str, Any]]:
        rows = table.to_dicts()
        for row in rows:
            row["activity"] = names[row["activity"]]
        return rows

    return {
        "edges_by_total_wait": named_edges(ranked(edges, "total_seconds"), names),
        "edges_by_median_wait": named_edges(ranked(edges, "median_seconds"), names),
        "activities_by_total_wait": activity_rows(ranked(activities, "total_seconds")),
        "activities_by_median_wait": activity_rows(
            ranked(activities, "median_seconds")
        ),
    }


def rework(view: LogView) -> list[dict[str, Any]]:
    """Per activity repeated within a case: cases with repeats and occurrences.

    ``repeat_occurrences`` counts the occurrences beyond the first in each case.
    Sorted by cases with repeats, descending.
    """
    names = view.log.activity_names
    # One integer key per (case, activity) pair hashes faster than two columns.
    key = pl.col("_case").cast(pl.UInt64) * (1 << 32) + pl.col("_activity")
    per_case = (
        view.events()
        .select(key.alias("key"))
        .group_by("key")
        .len("n")
        .filter(pl.col("n") > 1)
        .select((pl.col("key") % (1 << 32)).cast(pl.UInt32).alias("_activity"), "n")
    )
    table = (
        per_case.group_by("_activity")
        .agg(
            pl.len().alias("cases"),
            pl.col("n").sum().alias("occurrences"),
            (pl.col("n") - 1).sum().alias("repeat_occurrences"),
        )
        .sort(["cases", "_activity"], descending=[True, False])
    )
    return [
        {"activity": names[a], "cases": c, "occurrences": o, "repeat_occurrences": r}
        for a, c, o, r in table.iter_rows()
    ]


def processing(view: LogView, *, top: int = 10) -> list[dict[str, Any]] | None:
    """Per activity, the time from its start to its completion (the log's start
    time column); None when the log has no start times.

    Ranked by median processing time; activities without any start time are
    left out.
    """
    if "_start_time" not in view.log.scan_events().collect_schema():
        return None
    names = view.log.activity_names
    rows = (
        view.events("_start_time")
        .filter(pl.col("_start_time").is_not_null())
        .select(
            "_activity", seconds(pl.col("_time") - pl.col("_start_time")).alias("t")
        )
        .group_by("_activity")
        .agg(summary_exprs("t"))
        .to_dicts()
    )
    for row in rows:  # one row per activity: few
        row["activity"] = names[row.pop("_activity")]
    rows.sort(key=lambda r: (-r["median_seconds"], r["activity"]))
    return rows[:top]
