"""The headline figures (the ``tuuma caselog analyze --json`` object)."""

from __future__ import annotations

from typing import Any

from tuuma.caselog.engine.analysis.dfg import edge_table, named_edges
from tuuma.caselog.engine.analysis.overview import overview
from tuuma.caselog.engine.analysis.throughput import case_durations, stats
from tuuma.caselog.engine.analysis.variants import variants
from tuuma.caselog.engine.filters import LogView


def figures(view: LogView) -> dict[str, Any]:
    head = overview(view)
    return {
        "cases": head["cases"],
        "events": head["events"],
        "activities": head["activities"],
        "variants": head["variants"],
        "start_activities": head["start_activities"],
        "end_activities": head["end_activities"],
        # Only the columns printed are turned into Python objects.
        "dfg": named_edges(
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
