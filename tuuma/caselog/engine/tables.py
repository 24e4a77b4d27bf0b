"""The tables of a log built in memory from normalised chunks (see store.py).

:class:`PartCollector` takes the chunks of a reader in file order,
dictionary-encodes case ids and activities, and at the end sorts the events and
pre-aggregates cases, variants and activities (:class:`LogTables`). The store
writes these tables into an imported-log directory; ``tuuma caselog analyze`` of
a file computes its figures from them directly (:class:`MemoryLog`), as nothing
it prints needs them on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polars as pl

from tuuma.caselog.engine.directory import EventLog, LogSummary
from tuuma.caselog.engine.reading.chunk import CASE_PREFIX
from tuuma.caselog.engine.types import attribute_types, with_inferred_types


@dataclass(frozen=True)
class LogTables:
    """The four tables of the directory format (see store.py), in memory."""

    events: pl.DataFrame
    cases: pl.DataFrame
    variants: pl.DataFrame
    activities: pl.DataFrame

    def summary(self, source: dict) -> LogSummary:
        return LogSummary(
            cases=self.cases.height,
            events=self.events.height,
            activities=self.activities.height,
            variants=self.variants.height,
            first_timestamp=self.cases["_start"].min().isoformat(),
            last_timestamp=self.cases["_end"].max().isoformat(),
            source_name=source["name"],
            source_format=source["format"],
            source_bytes=source["bytes"],
            case_attributes=attribute_types(self.cases),
            event_attributes=attribute_types(self.events),
        )


class MemoryLog(EventLog):
    """An :class:`EventLog` whose tables are in memory instead of in a directory."""

    def __init__(self, tables: LogTables, summary: LogSummary, timezone: str) -> None:
        # Not EventLog.__init__: there is no meta.json to read.
        self.path = Path()
        self.meta = {"timezone": timezone, "summary": summary.to_dict()}
        self.summary = summary
        self.timezone = timezone
        self._events = tables.events
        # The cached properties of EventLog, filled in advance.
        self.__dict__["cases"] = tables.cases
        self.__dict__["variants"] = tables.variants
        self.__dict__["activities"] = tables.activities

    def scan_events(self) -> pl.LazyFrame:
        return self._events.lazy()

    @property
    def original_file(self) -> Path | None:
        return None


class PartCollector:
    """Dictionary-encodes chunks and keeps them, in file order, until the end.

    Parts stay in memory while they are small; once they hold more than
    ``SPILL_BYTES`` they are written to Parquet files in ``folder`` so that a
    large log is imported in bounded memory.
    """

    SPILL_BYTES = 256 * 1024 * 1024

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.events = 0
        self.case_codes = Dictionary()
        self.activity_codes = Dictionary()
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
        if case_attrs:  # without any, the cases table needs no part
            self.case_parts.append(_first_values(coded.select("_case", *case_attrs)))
        self.events += chunk.height
        self.held_bytes += events.estimated_size()
        if self.held_bytes > self.SPILL_BYTES:
            self._spill()

    def _spill(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for kind, parts in (("events", self.event_parts), ("cases", self.case_parts)):
            for n, part in enumerate(parts):
                if isinstance(part, pl.DataFrame):
                    path = self.folder / f"{kind}-{n:05}.parquet"
                    part.write_parquet(path, compression="lz4")
                    parts[n] = path
        self.held_bytes = 0

    def tables(self, *, infer_types: bool, timezone: str) -> LogTables:
        """Sort the events and pre-aggregate cases, variants and activities."""
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
        return LogTables(
            events,
            cases,
            variants.select("_variant", pl.col("_seq").alias("_activities"), "_cases"),
            activities,
        )

    def _sorted_events(self) -> pl.DataFrame:
        """All events in the event order, activities recoded in name order."""
        events = pl.concat(_scan(self.event_parts), how="diagonal_relaxed").collect()
        # Most logs come grouped by case and in time order within a case, and
        # then the sort (the dearest step of the pre-aggregation) is not needed:
        # _order is the row number, so ties are already in file order.
        step = pl.col("_case").cast(pl.Int64).diff()
        in_order = events.select(
            ((step > 0) | ((step == 0) & (pl.col("_time").diff() >= pl.duration())))
            .fill_null(True)
            .all()
        ).item()
        if not in_order:
            events = events.sort(["_case", "_time", "_order"])
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
        ids = self.case_codes.values("_id").to_frame().with_row_index("_case")
        members = variants.select("_variant", "_members").explode("_members")
        cases = per_case.drop("_seq").join(
            members, left_on="_case", right_on="_members"
        )
        columns = []
        if self.case_parts:
            attributes = _first_values(
                pl.concat(_scan(self.case_parts), how="diagonal_relaxed").collect()
            )
            attributes = attributes.rename(
                {
                    c: c.removeprefix(CASE_PREFIX)
                    for c in attributes.columns
                    if c != "_case"
                }
            )
            if infer_types:
                attributes = with_inferred_types(attributes, timezone)
            cases = cases.join(attributes, on="_case", how="left")
            columns = [c for c in attributes.columns if c != "_case"]
        return (
            cases.join(ids, on="_case")
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
                *columns,
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


class Dictionary:
    """Codes 0, 1, 2... for values in order of first appearance.

    Only the distinct values of each chunk pass through Python (a few thousand
    cases per chunk); the events are mapped by Polars. (A Polars table of the
    codes so far, joined per chunk, was slower: 0.39 s against 0.21-0.26 s for
    the 150,000 cases and 400 activities of the synthetic log.)
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
