"""Before/after: split the cases of a view at a date and compare them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import polars as pl

from tuuma.caselog.engine.analysis.deadlines import DeadlineRule, compliance
from tuuma.caselog.engine.analysis.dfg import edge_table
from tuuma.caselog.engine.analysis.throughput import case_durations, stats
from tuuma.caselog.engine.filters import LogView, as_utc


def before_after(
    view: LogView,
    split: datetime,
    *,
    by: str = "start",
    rules: tuple[DeadlineRule, ...] | list[DeadlineRule] = (),
) -> dict[str, Any]:
    """Cases whose start (or end, ``by="end"``) is before ``split`` vs the rest.

    Throughput medians, p90 and a two-sided Mann-Whitney U p-value; DFG edges
    present in both halves with their median waiting times; deadline compliance.
    """
    split = as_utc(split, view.log.timezone)  # a date: local midnight
    column = pl.col({"start": "_start", "end": "_end"}[by])
    before, after = view.subset(column < split), view.subset(column >= split)
    d_before, d_after = case_durations(before.cases), case_durations(after.cases)
    p_value = None
    if len(d_before) and len(d_after):
        from scipy.stats import mannwhitneyu  # noqa: PLC0415 - slow import

        p_value = float(
            mannwhitneyu(
                d_before.to_numpy(), d_after.to_numpy(), alternative="two-sided"
            ).pvalue
        )
    names = view.log.activity_names
    columns = ["source", "target", "count", "median_seconds", "p90_seconds"]
    edges = (
        edge_table(before)
        .select(columns)
        .join(
            edge_table(after).select(columns), on=["source", "target"], suffix="_after"
        )
        .sort("source", "target")
    )
    return {
        "split": split.isoformat(),
        "by": by,
        "throughput": {
            "before": {"cases": len(d_before), **stats(d_before)},
            "after": {"cases": len(d_after), **stats(d_after)},
            "mann_whitney_p": p_value,
        },
        "edges": [
            {
                "source": names[row["source"]],
                "target": names[row["target"]],
                "before": {k: row[k] for k in columns[2:]},
                "after": {k: row[k + "_after"] for k in columns[2:]},
            }
            for row in edges.to_dicts()
        ],
        "deadlines": [
            {
                "before": compliance(before, r, list_late=0),
                "after": compliance(after, r, list_late=0),
            }
            for r in rules
        ],
    }
