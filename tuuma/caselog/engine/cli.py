"""``tuuma caselog ...``: import and analyse event logs from the command line.

Never imports Django (the ``tuuma`` script dispatches here before Django loads).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading import xes_worker
from tuuma.caselog.engine.reading.source import DEFAULT_MAX_BYTES, detect_format

if TYPE_CHECKING:
    from tuuma.caselog.engine.directory import EventLog

# Polars and the store are imported once the arguments are known, so that for a
# large XES log the parsing helper process starts first and loads its libraries
# while this process loads its own.


def main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except LogImportError as exc:
        print(_one_line(f"error: {exc} [{exc.code}]"), file=sys.stderr)
        return 2
    except (OSError, ValueError) as exc:
        print(_one_line(f"error: {exc}"), file=sys.stderr)
        return 2


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tuuma caselog", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    analyze = commands.add_parser(
        "analyze", help="print the headline figures of a log file or imported log"
    )
    analyze.add_argument(
        "path",
        type=Path,
        help="xes, xes.gz, csv, csv.gz, xlsx, parquet or an imported-log directory",
    )
    analyze.add_argument("--json", action="store_true", help="print one JSON object")
    _import_options(analyze)
    analyze.set_defaults(run=_analyze)
    imp = commands.add_parser("import", help="import a log file into a directory")
    imp.add_argument("src", type=Path)
    imp.add_argument("dest", type=Path)
    _import_options(imp)
    imp.set_defaults(run=_import)
    return parser


def _import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--case-column", default="case:concept:name")
    parser.add_argument("--activity-column", default="concept:name")
    parser.add_argument("--timestamp-column", default="time:timestamp")
    parser.add_argument(
        "--start-column", default=None, help="optional activity start time column"
    )
    parser.add_argument(
        "--timezone",
        default="Europe/Helsinki",
        help="time zone of timestamps without an offset (IANA name, default "
        "Europe/Helsinki; UTC to compare with tools that assume UTC)",
    )
    parser.add_argument(
        "--encoding", default=None, help="CSV text encoding (default: detected)"
    )
    parser.add_argument(
        "--sheet", default=None, help="XLSX sheet name (default: the first)"
    )
    parser.add_argument(
        "--format", choices=["xes", "csv", "xlsx", "parquet"], default=None
    )
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES)
    parser.add_argument(
        "--workers",
        type=int,
        choices=[1, 2],
        default=None,
        help="XES: 2 parses in a helper process too (default: 2 for large logs)",
    )


def _read_options(args: argparse.Namespace, src: Path, *, keys_only: bool) -> dict:
    """The keyword arguments of import_log and load_log given on the command line."""
    fmt = args.format or detect_format(src)
    workers = args.workers
    if workers is None and fmt == "xes":
        workers = 2 if xes_worker.worth_parallel(src, keys_only=keys_only) else 1
    if fmt == "xes" and workers == 2:
        xes_worker.prestart()
    return {
        "fmt": fmt,
        "workers": workers,
        "case_column": args.case_column,
        "activity_column": args.activity_column,
        "timestamp_column": args.timestamp_column,
        "start_column": args.start_column,
        "timezone": args.timezone,
        "encoding": args.encoding,
        "sheet": args.sheet,
        "max_bytes": args.max_bytes,
    }


def _import(args: argparse.Namespace) -> int:
    options = _read_options(args, args.src, keys_only=False)
    from tuuma.caselog.engine.store import import_log, open_log

    import_log(
        args.src,
        args.dest,
        progress=_ProgressBar() if sys.stderr.isatty() else None,
        **options,
    )
    log = open_log(args.dest)
    print(
        f"Imported {log.summary.events:,} events of {log.summary.cases:,} cases "
        f"into {args.dest}"
    )
    return 0


def _analyze(args: argparse.Namespace) -> int:
    if (args.path / "meta.json").is_file():
        from tuuma.caselog.engine.store import open_log

        return _report(open_log(args.path), args.json)
    if not args.path.is_file():
        raise LogImportError(
            "not_found", f"{args.path} does not exist.", value=str(args.path)
        )
    options = _read_options(args, args.path, keys_only=True)
    from tuuma.caselog.engine.store import load_log

    # In memory, key columns only: the figures need no more, and no directory.
    return _report(load_log(args.path, **options), args.json)


def _report(log: EventLog, as_json: bool) -> int:
    from tuuma.caselog.engine.analysis.figures import figures, figures_json
    from tuuma.caselog.engine.filters import select

    if as_json:
        sys.stdout.write(figures_json(select(log)) + "\n")
        return 0
    result = figures(select(log))
    s = log.summary
    t = result["throughput_seconds"]
    lines = [
        f"{s.source_name} ({s.source_format})",
        f"  cases {result['cases']:,}   events {result['events']:,}   "
        f"activities {result['activities']:,}   variants {result['variants']:,}",
        f"  period {s.first_timestamp} .. {s.last_timestamp}",
        f"  throughput  median {_days(t['median'])}   mean {_days(t['mean'])}   "
        f"p90 {_days(t['p90'])}",
        "  start activities: " + _top(result["start_activities"]),
        "  end activities:   " + _top(result["end_activities"]),
        "  most frequent steps:",
    ]
    for edge in sorted(result["dfg"], key=lambda e: -e["count"])[:10]:
        lines.append(
            f"    {edge['count']:>8,}  {edge['source']} -> {edge['target']}"
            f"  (median wait {_days(edge['median_seconds'])})"
        )
    lines.append("  top variants:")
    for variant in result["top_variants"][:5]:
        lines.append(f"    {variant['cases']:>8,}  {' > '.join(variant['activities'])}")
    print("\n".join(lines))
    return 0


def _days(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds / 86400:.2f} d"


def _top(counts: dict[str, int], n: int = 5) -> str:
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:n]
    return ", ".join(f"{name} ({count:,})" for name, count in ranked)


class _ProgressBar:
    """A one-line progress bar on stderr, drawn only after a second of work."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    def __call__(self, fraction: float, message: str) -> None:
        if time.monotonic() - self.started < 1.0 and fraction < 1.0:
            return
        filled = int(fraction * 30)
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (30 - filled)}] {fraction:4.0%} {message:<40}"
        )
        if fraction >= 1.0:
            sys.stderr.write("\n")
        sys.stderr.flush()
