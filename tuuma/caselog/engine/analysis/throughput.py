"""Throughput time per case: last event minus first event."""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from tuuma.caselog.engine.analysis.stats import seconds
from tuuma.caselog.engine.filters import LogView


def case_durations(cases: pl.DataFrame) -> pl.Series:
    return cases.select(seconds(pl.col("_end") - pl.col("_start")))["_end"]


def throughput(
    view: LogView, *, bins: int = 20, trend_by: str = "start"
) -> dict[str, Any]:
    """Median, mean, p90 (linear), a histogram and a monthly trend.

    ``trend_by`` is ``start`` or ``end``: the month a case counts in.
    """
    durations = case_durations(view.cases)
    result: dict[str, Any] = {"cases": len(durations), **stats(durations)}
    counts, edges = (
        np.histogram(durations.to_numpy(), bins=bins) if len(durations) else ([], [])
    )
    result["histogram"] = [
        {
            "from_seconds": float(edges[i]),
            "to_seconds": float(edges[i + 1]),
            "cases": int(n),
        }
        for i, n in enumerate(counts)
    ]
    column = {"start": "_start", "end": "_end"}[trend_by]
    trend = (
        view.cases.select(
            pl.col(column).dt.strftime("%Y-%m").alias("month"),
            seconds(pl.col("_end") - pl.col("_start")).alias("d"),
        )
        .group_by("month")
        .agg(
            pl.len().alias("cases"),
            pl.col("d").median().alias("median_seconds"),
            pl.col("d").mean().alias("mean_seconds"),
            pl.col("d").quantile(0.9, "linear").alias("p90_seconds"),
        )
        .sort("month")
    )
    result["trend_by"] = trend_by
    result["monthly"] = trend.to_dicts()
    return result


def stats(durations: pl.Series) -> dict[str, float | None]:
    if len(durations) == 0:
        return {"median": None, "mean": None, "p90": None}
    return {
        "median": float(durations.median()),
        "mean": float(durations.mean()),
        "p90": float(durations.quantile(0.9, "linear")),
    }
