"""A synthetic event log of a chosen shape, for scaling benchmarks and profiles.

    .venv/bin/python bench/caselog/synthetic.py OUT.csv[.gz] [--cases 150000]
        [--activities 400] [--attributes 20] [--events-per-case 8] [--seed 1]

Columns as PM4Py names them (``case:concept:name``, ``concept:name``,
``time:timestamp`` with a UTC offset), half the attributes case attributes
(``case:`` prefix), half event attributes; of each half a third are numbers,
a third short texts, a third sparse (90 % empty). Activities follow a skewed
distribution (a few very common, a long tail), so the log has many variants,
as real municipal logs do. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
import polars as pl


def generate(
    cases: int, activities: int, attributes: int, per_case: int, seed: int
) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    sizes = rng.poisson(per_case - 1, cases) + 1
    events = int(sizes.sum())
    case = np.repeat(np.arange(cases), sizes)
    # Zipf-like activity frequencies: activity k is drawn with weight 1/(k+1).
    weights = 1.0 / np.arange(1, activities + 1)
    activity = rng.choice(activities, size=events, p=weights / weights.sum())
    start = np.repeat(rng.integers(0, 3 * 365 * 86400, cases), sizes)
    steps = rng.exponential(2 * 86400, events).astype(np.int64)
    # Times within a case: the case start plus a running sum of steps.
    first = np.r_[0, np.cumsum(sizes)[:-1]]
    running = np.cumsum(steps) - np.repeat(
        np.cumsum(steps)[first] - steps[first], sizes
    )
    seconds = 1_577_836_800 + start + running  # from 2020-01-01
    columns: dict[str, object] = {
        "case:concept:name": pl.Series(case).cast(pl.String).str.pad_start(7, "0"),
        "concept:name": pl.Series(
            [f"Activity {a:04}" for a in range(activities)]
        ).gather(activity),
        "time:timestamp": pl.from_epoch(pl.Series(seconds), time_unit="s").dt.strftime(
            "%Y-%m-%dT%H:%M:%S+00:00"
        ),
    }
    for i in range(attributes):
        scope = "case:" if i % 2 == 0 else ""
        kind = (i // 2) % 3
        name = f"{scope}attribute_{i:02}"
        n = cases if scope else events
        if kind == 0:
            values = pl.Series(rng.integers(0, 10_000, n)).cast(pl.String)
        elif kind == 1:
            values = pl.Series([f"value {v}" for v in range(50)]).gather(
                rng.integers(0, 50, n)
            )
        else:
            values = pl.Series(rng.integers(0, 100, n)).cast(pl.String)
            values = values.set(pl.Series(rng.random(n) < 0.9), None)
        columns[name] = values.gather(case) if scope else values
    return pl.DataFrame(columns)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--cases", type=int, default=150_000)
    parser.add_argument("--activities", type=int, default=400)
    parser.add_argument("--attributes", type=int, default=20)
    parser.add_argument("--events-per-case", type=int, default=8)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    frame = generate(
        args.cases, args.activities, args.attributes, args.events_per_case, args.seed
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.name.endswith(".gz"):
        import gzip

        with gzip.open(args.out, "wb", compresslevel=1) as out:
            frame.write_csv(out)
    else:
        frame.write_csv(args.out)
    print(f"{args.out}: {frame.height:,} events, {args.cases:,} cases")


if __name__ == "__main__":
    main()
