"""Time the process-map downloads (issue 13: SVG/PNG/PDF under 2 s and 2 MB).

    DJANGO_SETTINGS_MODULE=tuuma.settings .venv/bin/python bench/caselog/map.py [LOG ...]

Imports each log once (default: every log in ../shared/data/eventlogs), then per
log and format times, in a warm process as a server has it, what a download
does after the log is open: the DFG, the selection, the dot layout, the SVG
and the file. Prints a Markdown table: medians of 5 runs, and the file size.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import django

django.setup()

from tuuma.caselog import processmap  # noqa: E402
from tuuma.caselog.engine import (  # noqa: E402
    CaseFilter,
    dfg,
    import_log,
    open_log,
    overview,
    select,
)
from tuuma.caselog.mapfiles import map_pdf, map_png  # noqa: E402

EVENTLOGS = Path(__file__).resolve().parents[3] / "shared" / "data" / "eventlogs"
RUNS = 5


def download(path: Path, kind: str) -> bytes:
    view = select(open_log(path), CaseFilter())
    head = overview(view)
    counts = dict(view.log.activities.select("name", "_events").iter_rows())
    chart = processmap.process_map(
        dfg(view), counts, head["start_activities"], head["end_activities"]
    )
    svg = str(
        processmap.render_process_map_svg(
            chart, measure="frequency", title="Map", desc="Map"
        )
    )
    return {"svg": lambda: svg.encode(), "png": lambda: map_png(svg)}.get(
        kind, lambda: map_pdf(svg)
    )()


def main() -> int:
    names = sys.argv[1:] or sorted(
        p.name for p in EVENTLOGS.iterdir() if p.name != "README.md"
    )
    print("| log | events | format | median s | max s | size KB |")
    print("|---|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as scratch:
        for name in names:
            folder = Path(scratch) / name.replace(".", "_")
            import_log(EVENTLOGS / name, folder)
            events = open_log(folder).summary.events
            for kind in ("svg", "png", "pdf"):
                download(folder, kind)  # warm: caches and imports, as a server
                times, size = [], 0
                for _ in range(RUNS):
                    started = time.perf_counter()
                    size = len(download(folder, kind))
                    times.append(time.perf_counter() - started)
                print(
                    f"| {name} | {events:,} | {kind} | {statistics.median(times):.2f} "
                    f"| {max(times):.2f} | {size / 1024:.0f} |"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
