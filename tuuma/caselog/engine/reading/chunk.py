"""What every reader does to a chunk: pick the key columns and validate them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.timestamps import (
    DEFAULT_TIMEZONE,
    FORMAT_LABELS,
    best_format,
    temporal_to_utc,
    to_utc,
)

CASE_PREFIX = "case:"


@dataclass(frozen=True)
class KeyColumns:
    """Source columns (XES attribute keys) holding case id, activity and time."""

    case: str = "case:concept:name"
    activity: str = "concept:name"
    timestamp: str = "time:timestamp"
    # An optional second timestamp: when the activity started (its end is
    # ``timestamp``). Stored as ``_start_time``; may be empty.
    start: str | None = None

    @property
    def required(self) -> tuple[str, str, str]:
        return (self.case, self.activity, self.timestamp)


# (row in chunk, column) -> where it is, for the error message: location text and
# params such as line, row and the raw value (None when the value is absent).
Locate = Callable[[int, str], tuple[str, dict[str, Any]]]


def normalise_chunk(
    df: pl.DataFrame,
    keys: KeyColumns,
    locate: Locate,
    timezone: str = DEFAULT_TIMEZONE,
) -> pl.DataFrame:
    """Rename the key columns to ``_case``, ``_activity``, ``_time`` and check them.

    Raises ``missing_value`` for an event without case id, activity or timestamp
    and ``bad_timestamp`` for one whose timestamp cannot be read. Timestamps
    without an offset are local time in ``timezone``.
    """
    for column in (*keys.required, *([keys.start] if keys.start else [])):
        if column not in df.columns:
            location, params = locate(0, column)
            params.pop("value", None)
            raise LogImportError(
                "missing_column",
                f"The events have no attribute {column!r}.",
                location,
                column=column,
                **params,
            )
    case = df[keys.case].cast(pl.String)
    activity = df[keys.activity].cast(pl.String)
    for column, values in ((keys.case, case), (keys.activity, activity)):
        missing = (values.is_null() | (values == "")).arg_true()
        if len(missing):
            _raise_missing(int(missing[0]), column, locate)
    time = to_utc(df[keys.timestamp], timezone)
    bad = time.is_null().arg_true()
    if len(bad):
        row = int(bad[0])
        location, params = locate(row, keys.timestamp)
        if params.get("value") in (None, ""):
            _raise_missing(row, keys.timestamp, locate)
        _raise_unreadable(df[keys.timestamp], time, keys.timestamp, locate, timezone)
    key_columns = [*keys.required, *([keys.start] if keys.start else [])]
    extra = []
    if keys.start:
        start = to_utc(df[keys.start], timezone)
        unread = start.is_null() & ~_blank(df[keys.start])
        if unread.any():
            _raise_unreadable(df[keys.start], start, keys.start, locate, timezone)
        extra.append(start.alias("_start_time"))
    others = [c for c in df.columns if c not in key_columns]
    temporal = [c for c in others if isinstance(df.schema[c], pl.Datetime | pl.Date)]
    return df.select(
        case.alias("_case"),
        activity.alias("_activity"),
        time.alias("_time"),
        *extra,
        *[pl.col(c) for c in others if c not in temporal],
        *[temporal_to_utc(c, df.schema[c], timezone) for c in temporal],
    ).select(["_case", "_activity", "_time", *[e.name for e in extra], *others])


def _blank(values: pl.Series) -> pl.Series:
    if values.dtype == pl.String:
        return values.is_null() | (values.str.strip_chars() == "")
    return values.is_null()


def _raise_unreadable(
    values: pl.Series, parsed: pl.Series, column: str, locate: Locate, timezone: str
) -> None:
    """``bad_timestamp`` naming the first row, up to three examples and the format
    the other values are in (the one the examples were tried in)."""
    # A reader that typed the column (XES dates) leaves unreadable ones null.
    unread = (
        parsed.is_null() & ~_blank(values)
        if values.dtype == pl.String
        else (parsed.is_null())
    )
    rows = unread.arg_true().head(3).to_list()
    examples = []
    for row in rows:
        where, params = locate(row, column)
        examples.append({"value": params.get("value"), "location": where})
    text = values if values.dtype == pl.String else values.cast(pl.String)
    tried = best_format(text) or " / ".join(FORMAT_LABELS)
    location, params = locate(rows[0], column)
    raise LogImportError(
        "bad_timestamp",
        f"Cannot read the timestamp {params['value']!r} in {column!r} as {tried}."
        + "".join(f" Nor {e['value']!r} ({e['location']})." for e in examples[1:]),
        location,
        column=column,
        format=tried,
        examples=examples,
        **params,
    )


def _raise_missing(row: int, column: str, locate: Locate) -> None:
    location, params = locate(row, column)
    params.pop("value", None)
    raise LogImportError(
        "missing_value",
        f"An event has no value for {column!r}.",
        location,
        column=column,
        **params,
    )
