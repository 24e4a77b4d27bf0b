"""Parsing timestamps written as text, normalised to UTC.

A value with an offset (``+02:00``, ``+0200``, ``Z``) is converted to UTC; a value
without one is taken to be UTC already, which is what XES tools do too.
"""

from __future__ import annotations

import polars as pl

UTC = "UTC"
DTYPE = pl.Datetime("us", UTC)

_FORMATS = (
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%z",
    "%Y-%m-%d %H:%M%:z",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d.%m.%Y %H:%M:%S%.f",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
)


def parse_timestamps(values: pl.Series) -> pl.Series:
    """Text to ``Datetime("us", "UTC")``; null where no known format fits."""
    text = (
        values.cast(pl.String)
        .str.strip_chars()
        .str.replace(r"^(\d{4}-\d\d-\d\d)T", "${1} ")
        .str.replace(r"[Zz]$", "+00:00")
    )
    parsed = [
        text.str.to_datetime(fmt, time_unit="us", time_zone=UTC, strict=False)
        for fmt in _FORMATS
    ]
    return pl.select(pl.coalesce(parsed)).to_series().alias(values.name)


def to_utc(values: pl.Series) -> pl.Series:
    """Any temporal or text column to ``Datetime("us", "UTC")``."""
    dtype = values.dtype
    if dtype == pl.String:
        return parse_timestamps(values)
    if dtype == pl.Date:
        values = values.cast(pl.Datetime("us"))
        dtype = values.dtype
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is None:
            return values.cast(pl.Datetime("us")).dt.replace_time_zone(UTC)
        return values.dt.convert_time_zone(UTC).cast(DTYPE)
    return values.cast(pl.String).pipe(parse_timestamps)
