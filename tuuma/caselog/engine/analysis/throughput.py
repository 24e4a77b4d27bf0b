"""Throughput time per case: last event minus first event."""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.stats import seconds
from tuuma.caselog.engine.filters import LogView


def case_durations(cases: pl.DataFrame) -> pl.Series:
    return cases.select(seconds(pl.col("_end") - pl.col("_start")))["_end"]


def throughput(
    view: LogView, *, bins: int = 20, trend_by: str = "start"
) -> dict[str, Any]:
    """Median, mean, p90 (linear), a histogram and a monthly trend.

    ``trend_by`` is ``start`` or ``end``: the month a case counts in, in the
    log's time zone.
    """
    durations = case_durations(view.cases)
    result: dict[str, Any] = {"cases": len(durations), **stats(durations)}
    result["histogram"] = histogram(durations, bins)
    column = {"start": "_start", "end": "_end"}[trend_by]
    trend = (
        view.cases.select(
            # The month of the local day the case started (or ended) on.
            pl.col(column)
            .dt.convert_time_zone(view.log.timezone)
            .dt.strftime("%Y-%m")
            .alias("month"),
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


def histogram(values: pl.Series, bins: int) -> list[dict[str, float | int]]:
    """Equal-width bins from the minimum to the maximum (the last bin is closed)."""
    if len(values) == 0:
        return []
    low, high = float(values.min()), float(values.max())
    width = (high - low) / bins or 1.0
    index = ((values - low) / width).floor().cast(pl.Int64).clip(0, bins - 1)
    counts = dict(index.value_counts().iter_rows())
    return [
        {
            "from_seconds": low + i * width,
            "to_seconds": low + (i + 1) * width,
            "cases": counts.get(i, 0),
        }
        for i in range(bins)
    ]
