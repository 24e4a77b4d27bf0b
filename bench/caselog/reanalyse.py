"""Time the figures of an imported log after a filter (used by run.py).

    .venv/bin/python bench/caselog/reanalyse.py DIR [FILTER_JSON]

Prints one JSON object: seconds for the headline figures (the CLI JSON) and for
the further analyses, each measured inside the process (open + filter included).
"""

from __future__ import annotations

import json
import sys
import time

from tuuma.caselog.engine.analysis.bottlenecks import bottlenecks, rework
from tuuma.caselog.engine.analysis.figures import figures
from tuuma.caselog.engine.analysis.throughput import throughput
from tuuma.caselog.engine.filters import select
from tuuma.caselog.engine.store import open_log


def main() -> int:
    path = sys.argv[1]
    case_filter = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    started = time.perf_counter()
    view = select(open_log(path), case_filter)
    result = figures(view)
    headline = time.perf_counter() - started
    throughput(view)
    bottlenecks(view)
    rework(view)
    total = time.perf_counter() - started
    json.dump(
        {
            "figures_seconds": headline,
            "with_throughput_bottlenecks_rework_seconds": total,
            "cases": result["cases"],
            "events": result["events"],
            "dfg_edges": len(result["dfg"]),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
