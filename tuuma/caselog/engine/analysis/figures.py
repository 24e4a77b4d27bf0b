"""The headline figures (the ``tuuma caselog analyze --json`` object)."""

from __future__ import annotations

import json
from typing import Any

from tuuma.caselog.engine.analysis.dfg import edge_table, named_edge_table
from tuuma.caselog.engine.analysis.overview import overview
from tuuma.caselog.engine.analysis.throughput import case_durations, stats
from tuuma.caselog.engine.analysis.variants import variants
from tuuma.caselog.engine.filters import LogView


def figures(view: LogView) -> dict[str, Any]:
    result = _figures(view)
    result["dfg"] = result["dfg"].to_dicts()
    return result


def figures_json(view: LogView) -> str:
    """``figures`` as one JSON object. The DFG, its largest part (95,000 edges
    on a log of 400 activities), is written by Polars: 0.04 s against 0.26 s
    for Python's rows and encoder. The same values; only spacing differs."""
    parts = []
    for key, value in _figures(view).items():
        text = (
            value.write_json()
            if key == "dfg"
            else json.dumps(value, ensure_ascii=False)
        )
        parts.append(f"{json.dumps(key)}: {text}")
    return "{" + ", ".join(parts) + "}"


def _figures(view: LogView) -> dict[str, Any]:
    """The figures, the DFG as a table."""
    head = overview(view)
    return {
        "cases": head["cases"],
        "events": head["events"],
        "activities": head["activities"],
        "variants": head["variants"],
        "start_activities": head["start_activities"],
        "end_activities": head["end_activities"],
        # Only the columns printed are turned into Python objects.
        "dfg": named_edge_table(
            edge_table(view).select(
                "source", "target", "count", "mean_seconds", "median_seconds"
            ),
            view.log.activity_names,
        ),
        "throughput_seconds": stats(case_durations(view.cases)),
        "top_variants": [
            {"activities": v["activities"], "cases": v["cases"]}
            for v in variants(view, top=10)["top"]
        ],
    }
