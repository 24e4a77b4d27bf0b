"""Compute the reference figures for the case-log engine with PM4Py 2.7.

PM4Py (AGPL-3.0) is never a runtime dependency of Tuuma: it lives in its own venv
under var/ (git-ignored). Regenerate the test data with exactly:

    python3 -m venv var/pm4py-venv
    var/pm4py-venv/bin/pip install pm4py==2.7.23.11 rustxes==0.2.11
    var/pm4py-venv/bin/python bench/caselog/pm4py_expected.py \
        --out tuuma/caselog/engine/tests/expected

For every log in /work/shared/data/eventlogs it writes ``<log>.json`` with the same
shape as ``tuuma caselog analyze PATH --json`` (see docs/caselog-engine.md), plus a
``pm4py_order`` section with the variants and durations as PM4Py computes them on
the file order (PM4Py's ``get_variants`` and ``get_all_case_durations`` do not sort
events by timestamp; its DFG does). With ``--figures PATH`` it prints the figures of
one log instead (used by bench/caselog/run.py to time PM4Py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pm4py

CASE, ACT, TS = "case:concept:name", "concept:name", "time:timestamp"
DATA = Path("/work/shared/data/eventlogs")
LOGS = [
    "receipt_wabo_coselog.xes.gz",
    "receipt_wabo_coselog.csv",
    "BPIC15_5.xes.gz",
    "BPI_Challenge_2012.xes.gz",
    "sepsis.csv.gz",
    "hospital_billing_sample.csv.gz",
]


def load(path: Path, variant: str) -> pd.DataFrame:
    if path.name.endswith((".csv", ".csv.gz")):
        # Only an empty field is missing: pandas would read the sepsis log's
        # case id "NA" as missing and PM4Py would drop that case.
        df = pd.read_csv(path, keep_default_na=False, na_values=[""])
        return pm4py.format_dataframe(
            df, case_id=CASE, activity_key=ACT, timestamp_key=TS
        )
    return pm4py.read_xes(str(path), variant=variant)


def figures(df: pd.DataFrame) -> dict:
    dfg, start, end = pm4py.discover_dfg(df)
    perf, _, _ = pm4py.discover_performance_dfg(df)
    variants = pm4py.get_variants(df)
    durations = np.array(pm4py.get_all_case_durations(df), dtype=float)
    top = sorted(variants.items(), key=lambda kv: (-_count(kv[1]), list(kv[0])))[:10]
    return {
        "cases": int(df[CASE].nunique()),
        "events": len(df),
        "activities": int(df[ACT].nunique()),
        "variants": len(variants),
        "start_activities": {k: int(v) for k, v in sorted(start.items())},
        "end_activities": {k: int(v) for k, v in sorted(end.items())},
        "dfg": [
            {
                "source": a,
                "target": b,
                "count": int(n),
                "mean_seconds": float(perf[(a, b)]["mean"]),
                "median_seconds": float(perf[(a, b)]["median"]),
            }
            for (a, b), n in sorted(dfg.items())
        ],
        "throughput_seconds": {
            "median": float(np.median(durations)),
            "mean": float(durations.mean()),
            "p90": float(np.percentile(durations, 90)),
        },
        "top_variants": [{"activities": list(v), "cases": _count(n)} for v, n in top],
    }


def _count(value) -> int:
    return int(value) if not isinstance(value, list) else len(value)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--figures", type=Path, help="print the figures of one log")
    parser.add_argument("--variant", default="iterparse", help="PM4Py XES importer")
    parser.add_argument("--logs", nargs="*", default=LOGS, help="only these logs")
    args = parser.parse_args()
    if args.figures:
        # The same C encoder as Tuuma's CLI, so printing costs both sides alike.
        sys.stdout.write(json.dumps(figures(load(args.figures, args.variant))))
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name in args.logs:
        df = load(DATA / name, args.variant)
        result = figures(df)
        # What PM4Py reports when events are taken in time order (its DFG rule).
        ordered = df.sort_values([CASE, TS], kind="stable")
        result["pm4py_time_order"] = {
            k: figures(ordered)[k]
            for k in ("throughput_seconds", "top_variants", "variants")
        }
        stem = name.replace(".xes.gz", "").replace(".csv.gz", "_csv")
        stem = stem.replace(".csv", "_csv")
        (args.out / f"{stem}.json").write_text(json.dumps(result, indent=1) + "\n")
        print(stem, result["cases"], result["events"], result["variants"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
