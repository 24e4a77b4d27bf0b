"""Shared statistics helpers."""

from __future__ import annotations

import polars as pl


def seconds(expr: pl.Expr) -> pl.Expr:
    """A duration expression as float seconds (microsecond precision)."""
    return expr.dt.total_microseconds().cast(pl.Float64) / 1e6


def summary_exprs(column: str) -> list[pl.Expr]:
    """n, mean, median, p90 (linear interpolation) and total of a float column."""
    values = pl.col(column)
    return [
        values.len().alias("count"),
        values.mean().alias("mean_seconds"),
        values.median().alias("median_seconds"),
        values.quantile(0.9, "linear").alias("p90_seconds"),
        values.sum().alias("total_seconds"),
    ]


def iso(value) -> str | None:
    return value.isoformat() if value is not None else None
