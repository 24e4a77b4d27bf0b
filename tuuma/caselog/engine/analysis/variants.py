"""Variants: distinct activity sequences, with case counts and share."""

from __future__ import annotations

from typing import Any

import polars as pl

from tuuma.caselog.engine.filters import LogView


def variants(view: LogView, *, top: int | None = 10) -> dict[str, Any]:
    """The ``top`` most frequent variants (ties by activity sequence).

    Variant ids are those of the imported log, stable across filters.
    """
    counts = view.cases.group_by("_variant").agg(pl.len().alias("cases"))
    table = (
        view.log.variants.select("_variant", "_activities")
        .join(counts, on="_variant")
        .sort(["cases", "_activities"], descending=[True, False])
    )
    total = view.cases.height
    names = view.log.activity_names
    shown = table.head(top) if top is not None else table
    return {
        "variants": table.height,
        "cases": total,
        "top": [
            {
                "variant": variant,
                "activities": [names[a] for a in sequence],
                "cases": n,
                "share": n / total,
            }
            for variant, sequence, n in shown.iter_rows()
        ],
    }
