"""How many Polars queries ``tuuma caselog analyze`` runs, by call site.

    .venv/bin/python bench/caselog/collects.py LOG [LOG ...]

Every eager DataFrame operation and every ``LazyFrame.collect`` is one query
run by Polars' engine; their number should not grow with a log's columns,
activities or variants (issue 14), only with its chunks (8-16 MiB of source
each). Prints, per log, the number of queries, their CPU seconds and the call
sites in the engine with the most queries. In process, ``--timezone UTC``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable

from polars.lazyframe.frame import LazyFrame

from tuuma.caselog.engine.cli import main as caselog

ENGINE = "tuuma/caselog/engine/"


def _site() -> str:
    for frame in reversed(traceback.extract_stack()[:-2]):
        if ENGINE in frame.filename:
            return f"{frame.filename.split(ENGINE)[-1]}:{frame.lineno} {frame.name}"
    return "?"


def counted(queries: Counter, seconds: list[float], method: Callable) -> Callable:
    def run(self, *args, **kwargs):
        queries[_site()] += 1
        started = time.process_time()
        try:
            return method(self, *args, **kwargs)
        finally:
            seconds.append(time.process_time() - started)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("logs", nargs="+")
    parser.add_argument("--sites", type=int, default=5)
    args = parser.parse_args()
    for path in args.logs:
        queries: Counter = Counter()
        seconds: list[float] = []
        originals = LazyFrame.collect, LazyFrame._collect_eager
        LazyFrame.collect = counted(queries, seconds, originals[0])
        LazyFrame._collect_eager = counted(queries, seconds, originals[1])
        started = time.process_time()
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                caselog(["analyze", path, "--json", "--timezone", "UTC"])
        finally:
            LazyFrame.collect, LazyFrame._collect_eager = originals
        total = time.process_time() - started
        print(
            f"{path}: {sum(queries.values())} queries, {sum(seconds):.2f} s CPU "
            f"in them, {total:.2f} s CPU in all"
        )
        for site, n in queries.most_common(args.sites):
            print(f"  {n:4} {site}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
