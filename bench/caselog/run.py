"""Case-log engine benchmark: Tuuma against PM4Py 2.7.23, whole processes.

Run from the repository root (``make bench-caselog``)::

    .venv/bin/python bench/caselog/run.py [--repeat 3] [--copies 20] [--skip-pm4py]

PM4Py (AGPL-3.0) is installed into its own venv var/pm4py-venv if missing; it is
never imported here. Each measurement is a separate process run under
``/usr/bin/time`` (wall time and peak RSS); the median of ``--repeat`` runs is
reported. Every run computes the figures of ``tuuma caselog analyze --json``.

* PM4Py default: ``read_xes(variant="iterparse")`` (its default importer when the
  optional rustxes package is not installed), then discover_dfg,
  discover_performance_dfg, get_variants, get_all_case_durations.
* PM4Py rustxes: the same with ``read_xes(variant="rustxes")``.
* PM4Py CSV: ``pandas.read_csv`` + ``format_dataframe`` + the same analyses.
* 5M events: BPI Challenge 2012 replicated ``--copies`` times (case ids suffixed
  ``-<copy>``) into var/bench-caselog/, imported with ``tuuma caselog import``,
  then re-analysed after a filter by bench/caselog/reanalyse.py.

Results are printed as Markdown (for bench/README.md) and written to
var/bench-caselog/results.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = Path("/work/shared/data/eventlogs")
VAR = ROOT / "var" / "bench-caselog"
PM4PY_VENV = ROOT / "var" / "pm4py-venv"
PM4PY = PM4PY_VENV / "bin" / "python"
EXPECTED_SCRIPT = ROOT / "bench" / "caselog" / "pm4py_expected.py"
REANALYSE = ROOT / "bench" / "caselog" / "reanalyse.py"
TUUMA = [sys.executable, "-m", "tuuma.cli", "caselog"]
XES_LOGS = [
    "receipt_wabo_coselog.xes.gz",
    "BPIC15_5.xes.gz",
    "BPI_Challenge_2012.xes.gz",
]
CSV_LOGS = [
    "receipt_wabo_coselog.csv",
    "sepsis.csv.gz",
    "hospital_billing_sample.csv.gz",
]
SYNTHETIC = VAR / "synthetic.csv"  # bench/caselog/synthetic.py, default shape
FILTER = {"start": "2011-11-01T00:00:00+00:00", "end": "2012-01-01T00:00:00+00:00"}
TRACE_NAME = re.compile(rb'(\n\t\t<string key="concept:name" value=")([^"]*)"')


def ensure_pm4py() -> None:
    if PM4PY.exists():
        return
    print("creating", PM4PY_VENV, file=sys.stderr)
    subprocess.run(["python3", "-m", "venv", str(PM4PY_VENV)], check=True)
    subprocess.run(
        [
            str(PM4PY),
            "-m",
            "pip",
            "install",
            "-q",
            "pm4py==2.7.23.11",
            "rustxes==0.2.11",
        ],
        check=True,
    )


def timed(cmd: list[str]) -> tuple[float, int, str, float]:
    """Wall seconds, peak RSS in MiB, stdout and CPU seconds (user + system).

    CPU time includes waited-for children (the XES helper process); peak RSS is
    that of the largest single process.
    """
    with tempfile.NamedTemporaryFile("r") as report:
        started = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M %U %S", "-o", report.name, *cmd],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=False,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{cmd} failed: {done.stderr[-2000:]}")
        peak_kb, user, system = report.read().split()[-3:]
    return seconds, int(peak_kb) // 1024, done.stdout, float(user) + float(system)


def measure(commands: dict[str, list[str]], repeat: int) -> dict[str, dict]:
    """Run the commands in turns, ``repeat`` rounds; the median of each.

    Taking turns, rather than all runs of one command and then the next, lets a
    slow spell of this shared machine fall on every side alike.
    """
    runs: dict[str, list] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(timed(cmd))
    return {
        name: {
            "seconds": statistics.median(r[0] for r in taken),
            "cpu_seconds": statistics.median(r[3] for r in taken),
            "peak_mib": max(r[1] for r in taken),
            "runs": [round(r[0], 3) for r in taken],
            "stdout": taken[-1][2],
        }
        for name, taken in runs.items()
    }


def same_counts(ours: str, theirs: str) -> bool:
    a, b = json.loads(ours), json.loads(theirs)
    return all(a[k] == b[k] for k in ("cases", "events", "activities", "variants"))


def compare(
    name: str, repeat: int, skip_pm4py: bool, baseline: Path | None = None
) -> dict:
    path = DATA / name if "/" not in name else Path(name)
    # UTC as PM4Py: the figures are compared (the public logs carry offsets).
    analyze = ["analyze", str(path), "--json", "--timezone", "UTC"]
    commands = {"tuuma": [*TUUMA, *analyze]}
    if baseline is not None:
        # Another checkout (e.g. main) run from its own directory, in turns.
        commands["baseline"] = [
            "env",
            "-C",
            str(baseline),
            sys.executable,
            "-m",
            "tuuma.cli",
            "caselog",
            *analyze,
        ]
    if not skip_pm4py:
        variants = ["iterparse", "rustxes"] if name.endswith(".xes.gz") else ["csv"]
        for variant in variants:
            commands[f"pm4py_{variant}"] = [
                str(PM4PY),
                str(EXPECTED_SCRIPT),
                "--figures",
                str(path),
                "--variant",
                variant,
            ]
    row = {"log": path.name, **measure(commands, repeat)}
    for side in commands:
        if side != "tuuma":
            result = row[side]
            result["same_counts"] = same_counts(
                row["tuuma"]["stdout"], result["stdout"]
            )
            result["ratio"] = result["seconds"] / row["tuuma"]["seconds"]
            result["cpu_ratio"] = result["cpu_seconds"] / row["tuuma"]["cpu_seconds"]
    if baseline is not None:
        row["baseline"]["same_output"] = json.loads(
            row["baseline"]["stdout"]
        ) == json.loads(row["tuuma"]["stdout"])
    return row


def startup(repeat: int) -> dict[str, dict]:
    """Each side's floor: the interpreter and its libraries, no log."""
    return measure(
        {
            "tuuma": [
                sys.executable,
                "-c",
                "import tuuma.caselog.engine.store, rustxes",
            ],
            "pm4py": [str(PM4PY), "-c", "import numpy, pandas, pm4py"],
        },
        repeat,
    )


def generate_big(copies: int) -> Path:
    """BPI Challenge 2012 x copies, case ids suffixed -1 .. -copies (gzip level 1)."""
    target = VAR / f"BPI_Challenge_2012_x{copies}.xes.gz"
    if target.exists():
        return target
    VAR.mkdir(parents=True, exist_ok=True)
    with gzip.open(DATA / "BPI_Challenge_2012.xes.gz", "rb") as handle:
        text = handle.read()
    start = text.index(b"<trace>")
    end = text.rindex(b"</log>")
    header, body = text[:start], text[start:end]
    partial = target.with_suffix(".partial")
    with gzip.open(partial, "wb", compresslevel=1) as out:
        out.write(header)
        for copy in range(1, copies + 1):
            suffix = f"-{copy}".encode()
            out.write(
                TRACE_NAME.sub(
                    lambda m, s=suffix: m.group(1) + m.group(2) + s + b'"', body
                )
            )
        out.write(b"</log>\n")
    partial.rename(target)
    return target


def big_log(copies: int, repeat: int) -> dict:
    source = generate_big(copies)
    dest = VAR / f"imported_x{copies}"
    imports = []
    for _ in range(max(1, min(repeat, 2))):
        shutil.rmtree(dest, ignore_errors=True)
        imports.append(timed([*TUUMA, "import", str(source), str(dest)]))
    reanalysis = []
    for case_filter in ({}, FILTER):
        runs = [
            timed([sys.executable, str(REANALYSE), str(dest), json.dumps(case_filter)])
            for _ in range(repeat)
        ]
        inner = [json.loads(r[2]) for r in runs]
        reanalysis.append(
            {
                "filter": case_filter,
                "process_seconds": statistics.median(r[0] for r in runs),
                "peak_mib": max(r[1] for r in runs),
                "figures_seconds": statistics.median(
                    i["figures_seconds"] for i in inner
                ),
                "all_seconds": statistics.median(
                    i["with_throughput_bottlenecks_rework_seconds"] for i in inner
                ),
                "cases": inner[0]["cases"],
                "events": inner[0]["events"],
            }
        )
    return {
        "source": source.name,
        "source_mib": source.stat().st_size // 2**20,
        "import_seconds": statistics.median(i[0] for i in imports),
        "import_cpu_seconds": statistics.median(i[3] for i in imports),
        "import_peak_mib": max(i[1] for i in imports),
        "imported_mib": sum(f.stat().st_size for f in dest.glob("*.parquet")) // 2**20,
        "reanalysis": reanalysis,
    }


def machine() -> str:
    model = "unknown"
    lscpu = subprocess.run(
        ["lscpu"], capture_output=True, text=True, check=False
    ).stdout
    for line in lscpu.splitlines():
        if line.startswith("Model name"):
            model = line.split(":", 1)[1].strip()
    cores = subprocess.run(
        ["nproc"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return f"{cores} cores, {model}, Python {platform.python_version()}"


def markdown(results: dict) -> str:
    lines = [
        f"Machine: {results['machine']}; date {results['date']}; median of "
        f"{results['repeat']} runs; load average {results['load_before']:.1f} "
        f"before, {results['load_after']:.1f} after.",
        "",
        "Wall seconds / CPU seconds (peak RSS MiB); ratio = PM4Py / Tuuma, wall / CPU.",
        "",
        "| Log | Tuuma | PM4Py default | ratio | PM4Py rustxes / CSV | ratio | "
        "counts equal | baseline (output equal) |",
        "|---|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in results["compare"]:
        t = row["tuuma"]
        cells = [row["log"], _cell(t)]
        first = row.get("pm4py_iterparse")
        second = row.get("pm4py_rustxes") or row.get("pm4py_csv")
        for other in (first, second):
            if other:
                cells += [
                    _cell(other),
                    f"{other['ratio']:.1f}x / {other['cpu_ratio']:.1f}x",
                ]
            else:
                cells += ["-", "-"]
        equal = [o["same_counts"] for o in (first, second) if o]
        cells.append("yes" if equal and all(equal) else ("-" if not equal else "NO"))
        base = row.get("baseline")
        cells.append(
            f"{_cell(base)} ({'yes' if base['same_output'] else 'NO'})" if base else "-"
        )
        lines.append("| " + " | ".join(cells) + " |")
    start = results.get("startup")
    if start:
        lines += [
            "",
            f"Start-up alone (interpreter and libraries, no log): Tuuma "
            f"{_cell(start['tuuma'])}, PM4Py {_cell(start['pm4py'])}.",
        ]
    big = results.get("big")
    if big:
        lines += [
            "",
            f"5M events ({big['source']}, {big['source_mib']} MiB gzip): import "
            f"{big['import_seconds']:.1f} s wall, {big['import_cpu_seconds']:.1f} s CPU, "
            f"peak {big['import_peak_mib']} MiB, "
            f"imported directory {big['imported_mib']} MiB.",
            "",
            "| Re-analysis | cases | events | figures s | + throughput, bottlenecks, "
            "rework s | process s | peak MiB |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in big["reanalysis"]:
            label = (
                "no filter" if not r["filter"] else f"filter {json.dumps(r['filter'])}"
            )
            lines.append(
                f"| {label} | {r['cases']:,} | {r['events']:,} | {r['figures_seconds']:.2f} | "
                f"{r['all_seconds']:.2f} | {r['process_seconds']:.2f} | {r['peak_mib']} |"
            )
    return "\n".join(lines)


def _cell(result: dict) -> str:
    return (
        f"{result['seconds']:.2f} / {result['cpu_seconds']:.2f} ({result['peak_mib']})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--skip-pm4py", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument(
        "--only", nargs="+", default=None, help="these logs only (file names)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="a checkout of another commit, timed in turns with this one",
    )
    parser.add_argument(
        "--skip-synthetic",
        action="store_true",
        help="leave out the synthetic log (400 activities, 20 attributes, "
        "150,000 cases)",
    )
    args = parser.parse_args()
    if not args.skip_pm4py:
        ensure_pm4py()
    results: dict = {
        "machine": machine(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "repeat": args.repeat,
        "load_before": os.getloadavg()[0],
    }
    logs = XES_LOGS + CSV_LOGS
    if not args.skip_synthetic:
        if not SYNTHETIC.is_file():
            subprocess.run(
                [sys.executable, str(ROOT / "bench/caselog/synthetic.py"), SYNTHETIC],
                check=True,
            )
        logs.append(str(SYNTHETIC))
    if args.only:
        logs = [n for n in logs if Path(n).name in args.only]
    results["compare"] = [
        compare(n, args.repeat, args.skip_pm4py, args.baseline) for n in logs
    ]
    if not args.skip_pm4py:
        results["startup"] = startup(args.repeat)
    if not args.skip_big:
        results["big"] = big_log(args.copies, args.repeat)
    results["load_after"] = os.getloadavg()[0]
    for row in [*results["compare"], results.get("startup", {})]:
        for value in row.values():
            if isinstance(value, dict):
                value.pop("stdout", None)
    VAR.mkdir(parents=True, exist_ok=True)
    (VAR / "results.json").write_text(json.dumps(results, indent=1))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
