"""How the case-log engine's time grows with the shape of a log.

    .venv/bin/python bench/caselog/scaling.py [--repeat 3] [--max-events 1000000]

Synthetic logs (bench/caselog/synthetic.py) varied one dimension at a time:
events (at 20 attributes, 100 activities), columns (at 100,000 events) and
activities (at 100,000 events). Each is timed as ``tuuma caselog analyze PATH
--json --timezone UTC``, a whole process (import and figures), median of
``--repeat`` runs. Prints a Markdown table for bench/README.md, writes
var/bench-caselog/scaling.json and the plot bench/caselog/scaling.svg.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var" / "bench-caselog" / "scaling"
PLOT = ROOT / "bench" / "caselog" / "scaling.svg"
PER_CASE = 8


def shapes(max_events: int) -> list[tuple[str, int, int, int]]:
    """(dimension, events, attributes, activities)."""
    events = [n for n in (10_000, 100_000, 1_000_000, 5_000_000) if n <= max_events]
    return (
        [("events", n, 20, 100) for n in events]
        + [("columns", 100_000, a, 100) for a in (2, 17, 47)]  # + 3 key columns
        + [("activities", 100_000, 20, a) for a in (10, 100, 1000)]
    )


def log_file(events: int, attributes: int, activities: int) -> Path:
    path = VAR / f"log-{events}-{attributes}-{activities}.csv"
    if not path.is_file():
        subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "caselog" / "synthetic.py"),
                str(path),
                f"--cases={events // PER_CASE}",
                f"--attributes={attributes}",
                f"--activities={activities}",
                f"--events-per-case={PER_CASE}",
            ],
            check=True,
            capture_output=True,
        )
    return path


def seconds(path: Path) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one ``analyze`` process.

    On this shared machine the wall time mostly measures the other work queued
    on its cores; the CPU time is the engine's own cost.
    """
    cmd = [sys.executable, "-m", "tuuma.cli", "caselog", "analyze", str(path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [*cmd, "--json", "--timezone", "UTC"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def plot(rows: list[dict], caption: str) -> str:
    """Three small panels (CPU seconds against each dimension, each panel with
    its own scale), log-scaled x; ``caption`` (commit, date) underneath."""
    import math

    panels = []
    for i, dimension in enumerate(("events", "columns", "activities")):
        points = [
            (r["x"], r["cpu_seconds"]) for r in rows if r["dimension"] == dimension
        ]
        if not points:
            continue
        top = max(s for _x, s in points) * 1.1
        lo, hi = math.log10(points[0][0]), math.log10(points[-1][0])
        span = (hi - lo) or 1

        def xy(x: float, s: float, lo=lo, span=span, top=top) -> tuple[float, float]:
            return 40 + 180 * (math.log10(x) - lo) / span, 170 - 140 * s / top

        line = " ".join(f"{a:.1f},{b:.1f}" for a, b in (xy(x, s) for x, s in points))
        labels = "".join(
            f'<text x="{xy(x, s)[0]:.1f}" y="190" text-anchor="middle">{x:,}</text>'
            for x, s in points
        )
        panels.append(
            f'<g transform="translate({i * 250},0)"><text x="130" y="16" '
            f'text-anchor="middle">{dimension}</text><line x1="40" y1="170" '
            f'x2="220" y2="170" stroke="#000"/><line x1="40" y1="30" x2="40" '
            f'y2="170" stroke="#000"/><text x="36" y="34" text-anchor="end">'
            f'{top:.1f} s CPU</text><polyline fill="none" stroke="#0b5394" '
            f'stroke-width="2" points="{line}"/>{labels}</g>'
        )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 750 215" '
        'font-family="sans-serif" font-size="10" role="img">'
        "<title>CPU seconds of tuuma caselog analyze against events, columns and "
        "activities</title>" + "".join(panels) + '<text x="375" y="210" '
        f'text-anchor="middle">{caption}</text></svg>\n'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--max-events", type=int, default=1_000_000)
    args = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    rows = []
    for dimension, events, attributes, activities in shapes(args.max_events):
        path = log_file(events, attributes, activities)
        # The 5M-event log is run once: a run takes minutes on this machine.
        runs = [seconds(path) for _ in range(args.repeat if events < 5e6 else 1)]
        x = {"events": events, "columns": attributes + 3, "activities": activities}
        rows.append(
            {
                "dimension": dimension,
                "x": x[dimension],
                "events": events,
                "columns": attributes + 3,
                "activities": activities,
                "seconds": statistics.median(r[0] for r in runs),
                "cpu_seconds": statistics.median(r[1] for r in runs),
                "runs": [round(r[0], 2) for r in runs],
            }
        )
        print(rows[-1], file=sys.stderr)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    date = datetime.now(UTC).strftime("%Y-%m-%d")
    (VAR / "scaling.json").write_text(json.dumps(rows, indent=1))
    PLOT.write_text(
        plot(rows, f"tuuma caselog analyze, CPU seconds; commit {commit}, {date}")
    )
    print(f"Commit {commit}, {date}, median of {args.repeat}:\n")
    print(
        "| varied | events | columns | activities | wall s | CPU s | CPU µs per event |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        per = r["cpu_seconds"] / r["events"] * 1e6
        print(
            f"| {r['dimension']} | {r['events']:,} | {r['columns']} | "
            f"{r['activities']:,} | {r['seconds']:.2f} | {r['cpu_seconds']:.2f} "
            f"| {per:.1f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
