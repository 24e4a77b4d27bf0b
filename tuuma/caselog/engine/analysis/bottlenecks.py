"""Bottlenecks (where the waiting is) and rework (activities repeated in a case).

The waiting time of an activity is the time from the previous event of the case
to it, so it is the waiting time of the DFG edges into that activity.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.dfg import EDGE_SHIFT, edge_table, named_edges, steps
from tuuma.caselog.engine.analysis.stats import seconds, summary_exprs
from tuuma.caselog.engine.filters import LogView

MIN_CASES = 30


def bottlenecks(
    view: LogView, *, top: int = 10, min_cases: int = MIN_CASES
) -> dict[str, Any]:
    """Edges and activities ranked by total and by median waiting time.

    Only transitions (and activities) seen in at least ``min_cases`` different
    cases are ranked, so that one slow case is never "the bottleneck"; each row
    has ``cases`` (n) beside the count of steps, median and p90.
    """
    names = view.log.activity_names
    key = pl.col("source").cast(pl.UInt64) * EDGE_SHIFT + pl.col("target")
    edge_cases = (
        steps(view)
        .group_by(key.alias("edge"))
        .agg(pl.col("_case").n_unique().alias("cases"))
        .select(
            (pl.col("edge") // EDGE_SHIFT).cast(pl.UInt32).alias("source"),
            (pl.col("edge") % EDGE_SHIFT).cast(pl.UInt32).alias("target"),
            "cases",
        )
    )
    all_edges = edge_table(view).join(edge_cases, on=["source", "target"])
    all_activities = (
        steps(view)
        .group_by("target")
        .agg(*summary_exprs("wait"), pl.col("_case").n_unique().alias("cases"))
        .rename({"target": "activity"})
    )
    edges = all_edges.filter(pl.col("cases") >= min_cases)
    activities = all_activities.filter(pl.col("cases") >= min_cases)

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
        return table.with_columns(
            name_of.gather(table["activity"]).alias("activity")
        ).to_dicts()

    return {
        "min_cases": min_cases,
        "edges_below_minimum": all_edges.height - edges.height,
        "activities_below_minimum": all_activities.height - activities.height,
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
