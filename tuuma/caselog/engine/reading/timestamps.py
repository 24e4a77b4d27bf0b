"""Parsing timestamps written as text, normalised to UTC.

A value with an offset (``+02:00``, ``+0200``, ``Z``) is converted to UTC. A value
without one is local time in the log's time zone (Europe/Helsinki unless the
import says otherwise, daylight saving time included): Finnish case-management
systems write local wall-clock time. Of a repeated hour (the night daylight saving
time ends) the first is taken; a time in the skipped hour (the night it starts)
is read as if the clock had already moved, as Python's ``zoneinfo`` does.
Finnish forms are read too: ``3.12.2025 14.05``, ``3.12.2025 klo 14.05``.
"""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import polars as pl

UTC = "UTC"
DEFAULT_TIMEZONE = "Europe/Helsinki"
DTYPE = pl.Datetime("us", UTC)

# Tried in this order on the values still unread; the label names the format in
# error messages.
_OFFSET_FORMATS = (
    ("%Y-%m-%d %H:%M:%S%.f%:z", "YYYY-MM-DD hh:mm:ss+hh:mm"),
    ("%Y-%m-%d %H:%M:%S%.f%z", "YYYY-MM-DD hh:mm:ss+hhmm"),
    ("%Y-%m-%d %H:%M%:z", "YYYY-MM-DD hh:mm+hh:mm"),
)
_LOCAL_FORMATS = (
    ("%Y-%m-%d %H:%M:%S%.f", "YYYY-MM-DD hh:mm:ss"),
    ("%Y-%m-%d %H:%M", "YYYY-MM-DD hh:mm"),
    ("%Y-%m-%d", "YYYY-MM-DD"),
    ("%d.%m.%Y %H:%M:%S%.f", "D.M.YYYY hh:mm:ss"),
    ("%d.%m.%Y %H:%M", "D.M.YYYY hh:mm"),
    ("%d.%m.%Y %H.%M.%S", "D.M.YYYY hh.mm.ss"),
    ("%d.%m.%Y %H.%M", "D.M.YYYY hh.mm"),
    ("%d.%m.%Y", "D.M.YYYY"),
)
FORMAT_LABELS = tuple(label for _f, label in _OFFSET_FORMATS + _LOCAL_FORMATS)


def check_timezone(name: str) -> str:
    """The IANA name if known; ValueError otherwise."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"Unknown time zone {name!r}.") from None
    return name


def _clean(values: pl.Series) -> pl.Series:
    return pl.select(_cleaned(pl.lit(values))).to_series().alias(values.name)


def _cleaned(values: pl.Expr) -> pl.Expr:
    return (
        values.cast(pl.String)
        .str.strip_chars()
        .str.replace(r"^(\d{4}-\d\d-\d\d)T", "${1} ")
        .str.replace(r"[Zz]$", "+00:00")
        # "3.12.2025 klo 14.05" (Finnish), "3.12.2025 kl. 14.05" (Swedish)
        .str.replace(r"(?i)\s+(klo|kl\.?)\s*", " ")
    )


# Tried on the raw text first, before any clean-up: what XES tools and most
# exports write (ISO 8601 with a T and an offset).
_RAW_FORMATS = (
    ("%Y-%m-%dT%H:%M:%S%.f%:z", True),
    ("%Y-%m-%dT%H:%M:%S%.f%z", True),
    ("%Y-%m-%d %H:%M:%S%.f%:z", True),
    ("%Y-%m-%dT%H:%M:%S%.f", False),
    ("%Y-%m-%d %H:%M:%S%.f", False),
)


def parse_timestamps(values: pl.Series, timezone: str = DEFAULT_TIMEZONE) -> pl.Series:
    """Text to ``Datetime("us", "UTC")``; null where no known format fits."""
    values = values.cast(pl.String)
    result = _parse_raw(values, timezone)
    todo = values.is_not_null() & result.is_null() if result is not None else None
    if result is None:
        result = pl.Series(values.name, [None] * len(values), dtype=DTYPE)
        todo = values.is_not_null()
    if not todo.any():
        return result.alias(values.name)
    # The rest, cleaned ("T", "Z", "klo"), in every known format: only values no
    # earlier format read are parsed again, so a column in one format is cheap.
    index = todo.arg_true()
    text = _clean(values.gather(index))
    rest = pl.Series(values.name, [None] * len(text), dtype=DTYPE)
    pending = text.is_not_null()
    offsets = dict(_OFFSET_FORMATS)
    for fmt, _label in _OFFSET_FORMATS + _LOCAL_FORMATS:
        if not pending.any():
            break
        where = pending.arg_true()
        rest = rest.scatter(
            where, _parse(text.gather(where), fmt, fmt in offsets, timezone)
        )
        pending = pending & rest.is_null()
    return result.scatter(index, rest).alias(values.name)


def read_as_timestamps(frame: pl.DataFrame, names: list[str]) -> dict[str, bool]:
    """Per text column of ``frame``: does every present value read in one of the
    known formats (and is one present)? One query for all columns and formats,
    instead of a parse per column and format; ``parse_timestamps`` then reads
    only the columns that pass."""
    if not names:
        return {}

    def readable(name: str) -> pl.Expr:
        raw, cleaned = pl.col(name), _cleaned(pl.col(name))
        tries = [
            raw.str.to_datetime(fmt, strict=False).is_not_null()
            for fmt, _offset in _RAW_FORMATS
        ] + [
            cleaned.str.to_datetime(fmt, strict=False).is_not_null()
            for fmt, _label in _OFFSET_FORMATS + _LOCAL_FORMATS
        ]
        present = raw.is_not_null()
        return ((pl.any_horizontal(tries) | ~present).all() & present.any()).alias(name)

    return frame.select(readable(name) for name in names).row(0, named=True)


def _parse(text: pl.Series, fmt: str, offset: bool, timezone: str) -> pl.Series:
    if offset:
        return text.str.to_datetime(fmt, time_unit="us", time_zone=UTC, strict=False)
    return localise(text.str.to_datetime(fmt, time_unit="us", strict=False), timezone)


def _parse_raw(values: pl.Series, timezone: str) -> pl.Series | None:
    """The whole column in the one raw format its first values are in, if any."""
    sample = values.drop_nulls().head(64)
    if sample.len() == 0:
        return None
    for fmt, offset in _RAW_FORMATS:
        if _parse(sample, fmt, offset, timezone).null_count() == 0:
            return _parse(values, fmt, offset, timezone)
    return None


def localise(naive: pl.Series, timezone: str) -> pl.Series:
    """Naive wall-clock times in ``timezone`` to UTC (DST rule in the docstring)."""
    naive = naive.cast(pl.Datetime("us"))
    if timezone == UTC:
        return naive.dt.replace_time_zone(UTC)
    local = naive.dt.replace_time_zone(
        timezone, ambiguous="earliest", non_existent="null"
    )
    gap = local.is_null() & naive.is_not_null()
    if gap.any():
        # In the skipped hour: read with the offset before the change (03:30
        # +02:00 is 04:30 +03:00), which is the same as an hour later.
        moved = (naive + timedelta(hours=1)).dt.replace_time_zone(
            timezone, ambiguous="earliest", non_existent="null"
        )
        local = pl.select(pl.when(gap).then(moved).otherwise(local)).to_series()
    return local.dt.convert_time_zone(UTC).cast(DTYPE).alias(naive.name)


def to_utc(values: pl.Series, timezone: str = DEFAULT_TIMEZONE) -> pl.Series:
    """Any temporal or text column to ``Datetime("us", "UTC")``."""
    dtype = values.dtype
    if dtype == pl.String:
        return parse_timestamps(values, timezone)
    if dtype == pl.Date:
        values = values.cast(pl.Datetime("us"))
        dtype = values.dtype
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is None:
            return localise(values, timezone)
        return values.dt.convert_time_zone(UTC).cast(DTYPE)
    return values.cast(pl.String).pipe(parse_timestamps, timezone)


def best_format(values: pl.Series) -> str:
    """For an error message: the label of the format most values are in ("" if
    none reads any)."""
    text = _clean(values)
    best, best_count = "", 0
    for fmt, label in _OFFSET_FORMATS + _LOCAL_FORMATS:
        count = text.str.to_datetime(fmt, strict=False).is_not_null().sum()
        if count > best_count:
            best, best_count = label, count
    return best
