"""A 10⁶-case log through the upload check and the import, with its peak memory.

    .venv/bin/python bench/caselog/million_cases.py [--cases 1000000] [--bound-mib 1536]

Generates a gzip CSV of ``--cases`` cases (bench/caselog/synthetic.py: about
four events a case, four attributes), then runs, in a fresh process each, what
the upload and the worker do with it: ``tuuma.caselog.sniffing.check_upload``
(gzip counted as a stream against the 2 GiB cap) and ``engine.import_log``.
Prints a Markdown row for bench/README.md (wall seconds and peak RSS of each
step) and exits 1 when a step's peak RSS is over ``--bound-mib``. Too slow for
the test suite (a minute or more), hence here.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CAP = 2 * 1024**3
STEPS = {
    "check": (
        "from pathlib import Path; from tuuma.caselog.sniffing import check_upload; "
        "check_upload(Path({src!r}), max_uncompressed={cap}); print()"
    ),
    "import": (
        "from tuuma.caselog.engine import import_log; "
        "s = import_log({src!r}, {dest!r}, timezone='UTC', max_uncompressed_bytes={cap}); "
        "print(s.cases, s.events)"
    ),
}
# Appended to each step: its own peak RSS (KiB on Linux), as the last line.
PEAK = "; import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def run_step(code: str) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and output of ``code`` in a fresh process."""
    started = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code + PEAK], cwd=ROOT, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    if done.returncode:
        sys.exit(done.stderr)
    *output, peak = done.stdout.strip().splitlines()
    return wall, int(peak) / 1024, " ".join(output).strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--bound-mib", type=int, default=1536)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        src = Path(folder) / "million.csv.gz"
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(ROOT / "bench/caselog/synthetic.py"),
                str(src),
                f"--cases={args.cases}",
                "--activities=30",
                "--attributes=4",
                "--events-per-case=4",
            ],
            check=True,
        )
        rows, over = [], False
        for name, template in STEPS.items():
            code = template.format(src=str(src), dest=f"{folder}/log", cap=CAP)
            wall, peak, output = run_step(code)
            rows.append(f"{name} {wall:.1f} s, {peak:.0f} MiB")
            over = over or peak > args.bound_mib
            if output:
                rows.append(f"cases and events {output}")
        size = src.stat().st_size / 1024**2
        print(f"| {args.cases:,} cases, {size:.0f} MiB gz | " + " | ".join(rows) + " |")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
