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
from tuuma.caselog.engine.reading.chunk import CASE_PREFIX, KeyColumns
from tuuma.caselog.engine.reading.source import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_UNCOMPRESSED_BYTES,
    SourceReader,
    check_size,
    detect_format,
)
from tuuma.caselog.engine.reading.timestamps import DEFAULT_TIMEZONE, check_timezone
from tuuma.caselog.engine.types import attribute_types, with_inferred_types

__all__ = ["EventLog", "LogSummary", "import_log", "is_imported_log", "open_log"]
READ_SHARE = 0.85  # of the progress bar; the rest is sorting and pre-aggregating

Progress = Callable[[float, str], None]


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
    fmt = fmt or detect_format(src)
    size = check_size(src, max_bytes)
    keys = KeyColumns(case_column, activity_column, timestamp_column, start_column)
    options = ReadOptions(check_timezone(timezone), encoding, sheet, workers)
    report = progress or (lambda fraction, message: None)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.importing-{uuid.uuid4().hex[:12]}"
    tmp.mkdir()
    try:
        parts = _PartWriter(tmp / "parts")
        report(0.0, "Reading")
        # closing(): on an error the reader (and its helper process) stops
        # before the temporary directory is removed.
        with contextlib.closing(
            _read(src, fmt, keys, tmp, max_uncompressed_bytes, options)
        ) as chunks:
            for chunk, fraction in chunks:
                parts.add(chunk)
                report(READ_SHARE * fraction, f"Read {parts.events:,} events")
        if parts.events == 0:
            raise LogImportError("empty_log", "The log has no events.")
        report(READ_SHARE, "Sorting and indexing")
        summary = parts.finish(
            tmp,
            infer_types=fmt in ("csv", "xlsx"),
            timezone=options.timezone,
            source={"name": src.name, "format": fmt, "bytes": size},
            keys=keys,
        )
        shutil.rmtree(tmp / "parts", ignore_errors=True)
        if keep_original:
            _keep_original(src, tmp / "original")
        os.rename(tmp, dest)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    report(1.0, "Done")
    return summary


def _read(
    src: Path,
    fmt: str,
    keys: KeyColumns,
    workdir: Path,
    max_uncompressed: int,
    options: ReadOptions,
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
    with SourceReader(src, max_uncompressed) as source:
        if fmt == "xes":
            from tuuma.caselog.engine.reading.xes import read_xes
            from tuuma.caselog.engine.reading.xes_worker import worth_parallel

            if workers is None:
                workers = 2 if worth_parallel(src) else 1
            yield from read_xes(
                source, keys, workdir, workers=workers, timezone=timezone
            )
        else:
            from tuuma.caselog.engine.reading.csv import read_csv

            yield from read_csv(
                source, keys, encoding=options.encoding, timezone=timezone
            )


@dataclass(frozen=True)
class ReadOptions:
    timezone: str = DEFAULT_TIMEZONE
    encoding: str | None = None
    sheet: str | int | None = None
    workers: int | None = None


def _keep_original(src: Path, folder: Path) -> None:
    folder.mkdir()
    target = folder / src.name
    try:
        os.link(src, target)
    except OSError:
        shutil.copyfile(src, target)


class _PartWriter:
    """Dictionary-encodes chunks and keeps them, in file order, until the end.

    Parts stay in memory while they are small; once they hold more than
    ``SPILL_BYTES`` they are written to Parquet files in ``folder`` so that a
    large log is imported in bounded memory.
    """

    SPILL_BYTES = 256 * 1024 * 1024

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.events = 0
        self.case_codes = _Dictionary()
        self.activity_codes = _Dictionary()
        self.event_parts: list[pl.DataFrame | Path] = []
        self.case_parts: list[pl.DataFrame | Path] = []
        self.held_bytes = 0

    def add(self, chunk: pl.DataFrame) -> None:
        case_attrs = [c for c in chunk.columns if c.startswith(CASE_PREFIX)]
        coded = chunk.with_columns(
            self.case_codes.encode(chunk["_case"]),
            self.activity_codes.encode(chunk["_activity"]),
            pl.int_range(
                self.events, self.events + chunk.height, dtype=pl.UInt64
            ).alias("_order"),
        )
        events = coded.drop(case_attrs)
        self.event_parts.append(events)
        self.case_parts.append(_first_values(coded.select("_case", *case_attrs)))
        self.events += chunk.height
        self.held_bytes += events.estimated_size()
        if self.held_bytes > self.SPILL_BYTES:
            self._spill()

    def _spill(self) -> None:
        self.folder.mkdir(exist_ok=True)
        for kind, parts in (("events", self.event_parts), ("cases", self.case_parts)):
            for n, part in enumerate(parts):
                if isinstance(part, pl.DataFrame):
                    path = self.folder / f"{kind}-{n:05}.parquet"
                    part.write_parquet(path, compression="lz4")
                    parts[n] = path
        self.held_bytes = 0

    def finish(
        self,
        folder: Path,
        *,
        infer_types: bool,
        source: dict,
        keys: KeyColumns,
        timezone: str,
    ) -> LogSummary:
        """Write the tables of the directory format into ``folder``."""
        events = self._sorted_events()
        if infer_types:
            events = with_inferred_types(events, timezone)
        names = self.activity_codes.values("name").sort()
        per_case = _per_case(events)
        variants = _variants(per_case)
        cases = self._cases(per_case, variants, infer_types, timezone)
        activities = (
            names.to_frame()
            .with_row_index("_activity")
            .join(events.group_by("_activity").len("_events"), on="_activity")
            .with_columns(pl.col("_events").cast(pl.UInt32))
            .sort("_activity")
        )
        events.write_parquet(folder / EVENTS, compression="lz4", row_group_size=1 << 20)
        cases.write_parquet(folder / CASES, compression="lz4")
        variants.select(
            "_variant", pl.col("_seq").alias("_activities"), "_cases"
        ).write_parquet(folder / VARIANTS, compression="lz4")
        activities.write_parquet(folder / ACTIVITIES)
        summary = LogSummary(
            cases=cases.height,
            events=events.height,
            activities=names.len(),
            variants=variants.height,
            first_timestamp=cases["_start"].min().isoformat(),
            last_timestamp=cases["_end"].max().isoformat(),
            source_name=source["name"],
            source_format=source["format"],
            source_bytes=source["bytes"],
            case_attributes=attribute_types(cases),
            event_attributes=attribute_types(events),
        )
        meta = {
            "format_version": FORMAT_VERSION,
            "imported_at": datetime.now(UTC).isoformat(),
            "key_columns": asdict(keys),
            "timezone": timezone,
            "summary": summary.to_dict(),
        }
        (folder / META).write_text(json.dumps(meta, indent=1, ensure_ascii=False))
        return summary

    def _sorted_events(self) -> pl.DataFrame:
        """All events in the event order, activities recoded in name order."""
        events = (
            pl.concat(_scan(self.event_parts), how="diagonal_relaxed")
            .sort(["_case", "_time", "_order"])
            .collect()
        )
        rank = self.activity_codes.values("name").rank("ordinal") - 1
        return events.with_columns(
            rank.cast(pl.UInt32).gather(events["_activity"]).alias("_activity")
        )

    def _cases(
        self,
        per_case: pl.DataFrame,
        variants: pl.DataFrame,
        infer_types: bool,
        timezone: str,
    ) -> pl.DataFrame:
        attributes = _first_values(
            pl.concat(_scan(self.case_parts), how="diagonal_relaxed").collect()
        )
        attributes = attributes.rename(
            {c: c.removeprefix(CASE_PREFIX) for c in attributes.columns if c != "_case"}
        )
        if infer_types:
            attributes = with_inferred_types(attributes, timezone)
        members = variants.select("_variant", "_members").explode("_members")
        ids = self.case_codes.values("_id").to_frame().with_row_index("_case")
        return (
            per_case.drop("_seq")
            .join(members, left_on="_case", right_on="_members")
            .join(ids, on="_case")
            .join(attributes, on="_case", how="left")
            .sort("_case")
            .select(
                "_case",
                "_id",
                "_start",
                "_end",
                "_events",
                "_variant",
                "_first_activity",
                "_last_activity",
                *[c for c in attributes.columns if c != "_case"],
            )
        )


def _scan(parts: list[pl.DataFrame | Path]) -> list[pl.LazyFrame]:
    return [
        part.lazy() if isinstance(part, pl.DataFrame) else pl.scan_parquet(part)
        for part in parts
    ]


def _first_values(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per ``_case``: the first non-missing value of each attribute."""
    return frame.group_by("_case", maintain_order=True).agg(
        pl.all().drop_nulls().first()
    )


def _per_case(events: pl.DataFrame) -> pl.DataFrame:
    """Start, end, size, first/last activity and activity sequence per case."""
    return events.group_by("_case", maintain_order=True).agg(
        pl.col("_time").first().alias("_start"),
        pl.col("_time").last().alias("_end"),
        pl.len().cast(pl.UInt32).alias("_events"),
        pl.col("_activity").first().alias("_first_activity"),
        pl.col("_activity").last().alias("_last_activity"),
        pl.col("_activity").alias("_seq"),
    )


def _variants(per_case: pl.DataFrame) -> pl.DataFrame:
    """Distinct sequences numbered by case count descending, ties by sequence."""
    return (
        per_case.group_by("_seq")
        .agg(pl.col("_case").alias("_members"))
        .with_columns(pl.col("_members").list.len().cast(pl.UInt32).alias("_cases"))
        .sort(["_cases", "_seq"], descending=[True, False])
        .with_row_index("_variant")
    )


class _Dictionary:
    """Codes 0, 1, 2... for values in order of first appearance.

    Only the distinct values of each chunk pass through Python (a few thousand
    cases per chunk); the events are mapped by Polars.
    """

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def encode(self, values: pl.Series) -> pl.Series:
        distinct = values.unique(maintain_order=True)
        codes = [self.codes.setdefault(v, len(self.codes)) for v in distinct.to_list()]
        return values.replace_strict(
            distinct, pl.Series(codes, dtype=pl.UInt32), return_dtype=pl.UInt32
        )

    def values(self, name: str) -> pl.Series:
        return pl.Series(name, list(self.codes), dtype=pl.String)
