"""The imported-log directory as read back: its files, its summary, EventLog.

The layout (format version 1) is described in store.py, which writes it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

FORMAT_VERSION = 1
META, EVENTS, CASES, VARIANTS, ACTIVITIES = (
    "meta.json",
    "events.parquet",
    "cases.parquet",
    "variants.parquet",
    "activities.parquet",
)


@dataclass(frozen=True)
class LogSummary:
    cases: int
    events: int
    activities: int
    variants: int
    first_timestamp: str
    last_timestamp: str
    source_name: str
    source_format: str
    source_bytes: int
    case_attributes: dict[str, str] = field(default_factory=dict)
    event_attributes: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def open_log(path: str | os.PathLike[str]) -> EventLog:
    """Open a directory written by :func:`import_log`."""
    return EventLog(Path(path))


def is_imported_log(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / META).is_file()


class EventLog:
    """An imported log; tables are read lazily and cached."""

    def __init__(self, path: Path) -> None:
        self.path = path
        meta = json.loads((path / META).read_text())
        if meta.get("format_version") != FORMAT_VERSION:
            raise ValueError(f"{path} has an unknown format version.")
        self.meta = meta
        self.summary = LogSummary(**meta["summary"])
        # Logs imported before time zones were recorded read naive times as UTC.
        self.timezone: str = meta.get("timezone", "UTC")

    @cached_property
    def activities(self) -> pl.DataFrame:
        return pl.read_parquet(self.path / ACTIVITIES)

    @cached_property
    def activity_names(self) -> list[str]:
        return self.activities["name"].to_list()

    @cached_property
    def cases(self) -> pl.DataFrame:
        return pl.read_parquet(self.path / CASES)

    @cached_property
    def variants(self) -> pl.DataFrame:
        return pl.read_parquet(self.path / VARIANTS)

    def scan_events(self) -> pl.LazyFrame:
        return pl.scan_parquet(self.path / EVENTS)

    def activity_code(self, name: str) -> int | None:
        """The code of an activity name, None if the log does not have it."""
        codes = self.activities.filter(pl.col("name") == name)["_activity"]
        return int(codes[0]) if len(codes) else None

    @property
    def original_file(self) -> Path | None:
        files = list((self.path / "original").glob("*"))
        return files[0] if files else None
