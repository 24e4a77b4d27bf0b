"""Directly-follows graph: consecutive events of a case, with waiting times.

Two events are consecutive when they are neighbours in the event order (time, then
file order); the waiting time is the later timestamp minus the earlier one.
"""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.stats import seconds, summary_exprs
from tuuma.caselog.engine.filters import LogView


def steps(view: LogView) -> pl.DataFrame:
    """One row per directly-follows step: _case, source, target, wait (seconds).

    Cached on the view, as the DFG, bottlenecks and comparisons all use it.
    """
    return view.cached("steps", lambda: _steps(view.events()))


def _steps(events: pl.DataFrame) -> pl.DataFrame:
    return (
        events.select(
            pl.col("_case"),
            pl.col("_activity").alias("source"),
            pl.col("_activity").shift(-1).alias("target"),
            seconds(pl.col("_time").shift(-1) - pl.col("_time")).alias("wait"),
            (pl.col("_case").shift(-1) == pl.col("_case")).alias("same"),
        )
        .filter(pl.col("same"))
        .drop("same")
    )


def edge_table(view: LogView) -> pl.DataFrame:
    """Per edge (codes): count, mean, median, p90 and total waiting seconds."""

    def compute() -> pl.DataFrame:
        # One integer key per (source, target) groups faster than two columns.
        key = pl.col("source").cast(pl.UInt64) * EDGE_SHIFT + pl.col("target")
        return (
            steps(view)
            .group_by(key.alias("edge"))
            .agg(summary_exprs("wait"))
            .sort("edge")
            .select(
                (pl.col("edge") // EDGE_SHIFT).cast(pl.UInt32).alias("source"),
                (pl.col("edge") % EDGE_SHIFT).cast(pl.UInt32).alias("target"),
                pl.exclude("edge"),
            )
        )

    return view.cached("edges", compute)


EDGE_SHIFT = 1 << 32


def dfg(view: LogView) -> list[dict[str, Any]]:
    """Edges sorted by source and target activity name."""
    return named_edges(edge_table(view), view.log.activity_names)


def named_edges(table: pl.DataFrame, names: list[str]) -> list[dict[str, Any]]:
    """Rows with activity names for codes, named by Polars (no loop per edge)."""
    return named_edge_table(table, names).to_dicts()


def named_edge_table(table: pl.DataFrame, names: list[str]) -> pl.DataFrame:
    """The edge table with activity names in place of the codes."""
    name = pl.Series(names, dtype=pl.String)
    return table.with_columns(
        name.gather(table["source"]).alias("source"),
        name.gather(table["target"]).alias("target"),
    )
