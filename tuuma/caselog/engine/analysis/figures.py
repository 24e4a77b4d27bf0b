"""The headline figures (the ``tuuma caselog analyze --json`` object)."""

from __future__ import annotations

from typing import Any

from tuuma.caselog.engine.analysis.dfg import dfg
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
        "dfg": [
            {
                "source": e["source"],
                "target": e["target"],
                "count": e["count"],
                "mean_seconds": e["mean_seconds"],
                "median_seconds": e["median_seconds"],
            }
            for e in dfg(view)
        ],
        "throughput_seconds": stats(case_durations(view.cases)),
        "top_variants": [
            {"activities": v["activities"], "cases": v["cases"]}
            for v in variants(view, top=10)["top"]
        ],
    }
