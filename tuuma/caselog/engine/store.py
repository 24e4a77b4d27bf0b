"""Importing a log into a directory, all or nothing (read back by directory.py).

Layout (format version 1): ``meta.json`` (summary, key columns, time zone);
``events.parquet`` (_case u32, _activity u32, _time datetime[us, UTC], _order
u64, optional _start_time, event attributes); ``cases.parquet`` (_case, _id,
_start, _end, _events, _variant, _first_activity, _last_activity, case
attributes without ``case:``); ``variants.parquet`` (_variant, _activities
list[u32], _cases); ``activities.parquet`` (_activity, name, _events);
``original/<file>``. Case ids and activities are dictionary-encoded; activity
codes follow the sorted names. Variants are numbered by descending case count,
ties by activity sequence. Event order: by timestamp within a case, ties in
file order (``_order``); events.parquet is stored in that order.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from tuuma.caselog.engine.directory import (
    ACTIVITIES,
    CASES,
    EVENTS,
    FORMAT_VERSION,
    META,
    VARIANTS,
    EventLog,
    LogSummary,
    is_imported_log,
    open_log,
)
from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns
from tuuma.caselog.engine.reading.source import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_UNCOMPRESSED_BYTES,
    SourceReader,
    check_size,
    detect_format,
)
from tuuma.caselog.engine.reading.timestamps import DEFAULT_TIMEZONE, check_timezone
from tuuma.caselog.engine.tables import LogTables, MemoryLog, PartCollector

__all__ = [
    "EventLog",
    "LogSummary",
    "import_log",
    "is_imported_log",
    "load_log",
    "open_log",
]
READ_SHARE = 0.85  # of the progress bar; the rest is sorting and pre-aggregating

Progress = Callable[[float, str], None]
_KEYS = frozenset(("_case", "_activity", "_time", "_start_time"))


def import_log(
    src_path: str | os.PathLike[str],
    dest_dir: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    case_column: str = KeyColumns.case,
    activity_column: str = KeyColumns.activity,
    timestamp_column: str = KeyColumns.timestamp,
    start_column: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    progress: Progress | None = None,
    keep_original: bool = True,
    workers: int | None = None,
) -> LogSummary:
    """Import an XES, CSV or Parquet event log into the directory ``dest_dir``.

    All or nothing: the log is written into a hidden temporary directory next to
    ``dest_dir`` and renamed at the end; on any error nothing is left behind.
    ``progress(fraction, message)`` is called after each chunk with the share
    of the source file read so far; an exception raised by it (e.g. the job was
    cancelled) stops the import, which then leaves nothing behind.
    ``workers`` (XES only): 1 parses here only, 2 in a helper process too; by
    default the helper is used for large logs (see reading/xes_worker.py).
    ``timezone``: timestamps without an offset are local time there (IANA name);
    it is kept in meta.json and decides the local day of day-based figures.
    ``encoding`` (CSV): None detects it; ``sheet`` (XLSX): name or index, None
    for the first. ``start_column``: an optional activity start time.
    Raises :class:`LogImportError` on bad input.
    """
    src, dest = Path(src_path), Path(dest_dir)
    if dest.exists():
        raise LogImportError("dest_exists", f"{dest} already exists.", value=str(dest))
    keys = KeyColumns(case_column, activity_column, timestamp_column, start_column)
    options = ReadOptions(
        check_timezone(timezone), encoding, sheet, workers, max_uncompressed_bytes
    )
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.importing-{uuid.uuid4().hex[:12]}"
    tmp.mkdir()
    try:
        tables, source = _collect(src, fmt, max_bytes, keys, options, tmp, progress)
        summary = tables.summary(source)
        _write(tmp, tables, summary, keys, options.timezone)
        shutil.rmtree(tmp / "parts", ignore_errors=True)
        if keep_original:
            _keep_original(src, tmp / "original")
        os.rename(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if progress:
        progress(1.0, "Done")
    return summary


def load_log(
    src_path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    case_column: str = KeyColumns.case,
    activity_column: str = KeyColumns.activity,
    timestamp_column: str = KeyColumns.timestamp,
    start_column: str | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    encoding: str | None = None,
    sheet: str | int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES,
    workers: int | None = None,
) -> EventLog:
    """A log file read into memory with its key columns only, for figures.

    What ``tuuma caselog analyze FILE`` uses: the same reading, checks, errors
    and tables as :func:`import_log` (the parameters mean the same), but the
    other attributes are not read, nor their types inferred, and nothing is
    written but the XES reader's chunk files, in a temporary directory.
    """
    keys = KeyColumns(case_column, activity_column, timestamp_column, start_column)
    options = ReadOptions(
        check_timezone(timezone),
        encoding,
        sheet,
        workers,
        max_uncompressed_bytes,
        attributes=False,
    )
    with tempfile.TemporaryDirectory(prefix="tuuma-caselog-") as tmp:
        tables, source = _collect(
            Path(src_path), fmt, max_bytes, keys, options, Path(tmp), None
        )
    return MemoryLog(tables, tables.summary(source), options.timezone)


def _collect(
    src: Path,
    fmt: str | None,
    max_bytes: int,
    keys: KeyColumns,
    options: ReadOptions,
    workdir: Path,
    progress: Progress | None,
) -> tuple[LogTables, dict]:
    """The tables of the log and what the summary says of its source."""
    fmt = fmt or detect_format(src)
    size = check_size(src, max_bytes)
    report = progress or (lambda fraction, message: None)
    parts = PartCollector(workdir / "parts")
    report(0.0, "Reading")
    # closing(): on an error the reader (and its helper process) stops
    # before the temporary directory is removed.
    with contextlib.closing(_read(src, fmt, keys, workdir, options)) as chunks:
        for chunk, fraction in chunks:
            # The CSV and XES readers leave the other columns unread already.
            if not options.attributes:
                chunk = chunk.select(c for c in chunk.columns if c in _KEYS)
            parts.add(chunk)
            report(READ_SHARE * fraction, f"Read {parts.events:,} events")
    if parts.events == 0:
        raise LogImportError("empty_log", "The log has no events.")
    report(READ_SHARE, "Sorting and indexing")
    tables = parts.tables(infer_types=fmt in ("csv", "xlsx"), timezone=options.timezone)
    return tables, {"name": src.name, "format": fmt, "bytes": size}


def _write(
    folder: Path,
    tables: LogTables,
    summary: LogSummary,
    keys: KeyColumns,
    timezone: str,
) -> None:
    """The tables and meta.json of the directory format, into ``folder``."""
    tables.events.write_parquet(
        folder / EVENTS, compression="lz4", row_group_size=1 << 20
    )
    tables.cases.write_parquet(folder / CASES, compression="lz4")
    tables.variants.write_parquet(folder / VARIANTS, compression="lz4")
    tables.activities.write_parquet(folder / ACTIVITIES)
    meta = {
        "format_version": FORMAT_VERSION,
        "imported_at": datetime.now(UTC).isoformat(),
        "key_columns": asdict(keys),
        "timezone": timezone,
        "summary": summary.to_dict(),
    }
    (folder / META).write_text(json.dumps(meta, indent=1, ensure_ascii=False))


def _read(
    src: Path, fmt: str, keys: KeyColumns, workdir: Path, options: ReadOptions
) -> Iterator[tuple[pl.DataFrame, float]]:
    # Readers are imported on use: pyarrow is only needed for Parquet.
    timezone, workers = options.timezone, options.workers
    if fmt == "parquet":
        from tuuma.caselog.engine.reading.parquet import read_parquet

        yield from read_parquet(src, keys, timezone=timezone)
        return
    if fmt == "xlsx":
        from tuuma.caselog.engine.reading.xlsx import read_xlsx

        yield from read_xlsx(src, keys, sheet=options.sheet, timezone=timezone)
        return
    with SourceReader(src, options.max_uncompressed) as source:
        if fmt == "xes":
            from tuuma.caselog.engine.reading.xes import read_xes
            from tuuma.caselog.engine.reading.xes_worker import worth_parallel

            if workers is None:
                keys_only = not options.attributes
                workers = 2 if worth_parallel(src, keys_only=keys_only) else 1
            yield from read_xes(
                source,
                keys,
                workdir,
                workers=workers,
                timezone=timezone,
                attributes=options.attributes,
            )
        else:
            from tuuma.caselog.engine.reading.csv import read_csv

            yield from read_csv(
                source,
                keys,
                encoding=options.encoding,
                timezone=timezone,
                attributes=options.attributes,
            )


@dataclass(frozen=True)
class ReadOptions:
    timezone: str = DEFAULT_TIMEZONE
    encoding: str | None = None
    sheet: str | int | None = None
    workers: int | None = None
    max_uncompressed: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
    # False: the key columns only (what the figures need).
    attributes: bool = True


def _keep_original(src: Path, folder: Path) -> None:
    folder.mkdir()
    target = folder / src.name
    try:
        os.link(src, target)
    except OSError:
        shutil.copyfile(src, target)
