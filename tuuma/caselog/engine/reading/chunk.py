"""What every reader does to a chunk: pick the key columns and validate them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.timestamps import to_utc

CASE_PREFIX = "case:"


@dataclass(frozen=True)
class KeyColumns:
    """Source columns (XES attribute keys) holding case id, activity and time."""

    case: str = "case:concept:name"
    activity: str = "concept:name"
    timestamp: str = "time:timestamp"


# (row in chunk, column) -> where it is, for the error message: location text and
# params such as line, row and the raw value (None when the value is absent).
Locate = Callable[[int, str], tuple[str, dict[str, Any]]]


def normalise_chunk(df: pl.DataFrame, keys: KeyColumns, locate: Locate) -> pl.DataFrame:
    """Rename the key columns to ``_case``, ``_activity``, ``_time`` and check them.

    Raises ``missing_value`` for an event without case id, activity or timestamp
    and ``bad_timestamp`` for one whose timestamp cannot be read.
    """
    for column in (keys.case, keys.activity, keys.timestamp):
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
    time = to_utc(df[keys.timestamp])
    bad = time.is_null().arg_true()
    if len(bad):
        row = int(bad[0])
        location, params = locate(row, keys.timestamp)
        if params.get("value") in (None, ""):
            _raise_missing(row, keys.timestamp, locate)
        raise LogImportError(
            "bad_timestamp",
            f"Cannot read the timestamp {params['value']!r} in {keys.timestamp!r}.",
            location,
            column=keys.timestamp,
            **params,
        )
    others = [
        c for c in df.columns if c not in (keys.case, keys.activity, keys.timestamp)
    ]
    temporal = [c for c in others if isinstance(df.schema[c], pl.Datetime | pl.Date)]
    return df.select(
        case.alias("_case"),
        activity.alias("_activity"),
        time.alias("_time"),
        *[pl.col(c) for c in others if c not in temporal],
        *[to_utc(df[c]) for c in temporal],
    ).select(["_case", "_activity", "_time", *others])


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
