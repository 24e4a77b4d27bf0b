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
    return parse_columns(values.to_frame(), [values.name], timezone).to_series()


def parse_columns(
    frame: pl.DataFrame, names: list[str], timezone: str = DEFAULT_TIMEZONE
) -> pl.DataFrame:
    """The text columns ``names`` of ``frame`` as UTC timestamps (null where no
    known format fits), in a fixed number of queries whatever their number.

    A column is parsed in the raw format its first 64 values are in (one query
    picks it for every column, one parses every column); only the columns left
    with unread values are parsed again, cleaned ("T", "Z", "klo"), in every
    known format, the first that reads a value winning (one more query).
    """
    if not names:
        return pl.DataFrame()
    raw = _raw_formats(frame, names, timezone)
    parsed = frame.select(
        (
            _parsed(pl.col(n), *raw[n], timezone)
            if raw[n] is not None
            else pl.repeat(None, pl.len(), dtype=DTYPE)
        ).alias(n)
        for n in names
    )
    absent = frame.select(names).null_count().row(0, named=True)
    unread = [
        n
        for n, nulls in parsed.null_count().row(0, named=True).items()
        if nulls > absent[n]
    ]
    if not unread:
        return parsed
    fallback = frame.select(_fallback(n, parsed[n], timezone) for n in unread)
    return parsed.with_columns(fallback)


def _raw_formats(
    frame: pl.DataFrame, names: list[str], timezone: str
) -> dict[str, tuple[str, bool] | None]:
    """Per column, the first raw format that reads all of its first 64 present
    values (None if none does or none is present): one query for all."""
    pairs = [(n, raw) for n in names for raw in _RAW_FORMATS]
    sample = [pl.col(n).drop_nulls().head(64) for n in names]
    fits = frame.select(
        (
            _parsed(sample[names.index(n)], *raw, timezone).is_not_null().all()
            & pl.col(n).is_not_null().any()
        ).alias(f"{n}\0{i}")
        for i, (n, raw) in enumerate(pairs)
    ).row(0)
    chosen: dict[str, tuple[str, bool] | None] = dict.fromkeys(names)
    for (name, raw), fit in zip(pairs, fits, strict=True):
        if fit and chosen[name] is None:
            chosen[name] = raw
    return chosen


def _fallback(name: str, parsed: pl.Series, timezone: str) -> pl.Expr:
    """The raw parse where it read, else the first known format that reads the
    cleaned text (offset formats first, as in ``FORMAT_LABELS``)."""
    text = _cleaned(pl.col(name))
    # Naive values are localised once, after the first local format that fits:
    # a localised value is never null, so this is the same as trying in order.
    local = pl.coalesce(
        text.str.to_datetime(fmt, time_unit="us", strict=False)
        for fmt, _label in _LOCAL_FORMATS
    )
    return pl.coalesce(
        pl.lit(parsed),
        *[_parsed(text, fmt, True, timezone) for fmt, _label in _OFFSET_FORMATS],
        localised(local, timezone),
    ).alias(name)


def may_be_timestamps(frame: pl.DataFrame, names: list[str]) -> dict[str, bool]:
    """Per text column of ``frame``: may it hold timestamps? Every known format
    starts with a digit (a year or a day), so a column with a present value that
    does not is not one; a column passing is parsed (``parse_columns``), which
    decides. One query for all columns: a regular expression, not a parse per
    column and format."""
    if not names:
        return {}
    starts = r"^\s*[+-]?\d"
    return frame.select(
        (
            pl.col(n).str.contains(starts).all(ignore_nulls=True)
            & pl.col(n).is_not_null().any()
        ).alias(n)
        for n in names
    ).row(0, named=True)


def _parsed(text: pl.Expr, fmt: str, offset: bool, timezone: str) -> pl.Expr:
    if offset:
        return text.str.to_datetime(fmt, time_unit="us", time_zone=UTC, strict=False)
    return localised(text.str.to_datetime(fmt, time_unit="us", strict=False), timezone)


def localised(naive: pl.Expr, timezone: str) -> pl.Expr:
    """Naive wall-clock times in ``timezone`` to UTC (DST rule in the docstring)."""
    naive = naive.cast(pl.Datetime("us"))
    if timezone == UTC:
        return naive.dt.replace_time_zone(UTC)
    local = naive.dt.replace_time_zone(
        timezone, ambiguous="earliest", non_existent="null"
    )
    # In the skipped hour: read with the offset before the change (03:30
    # +02:00 is 04:30 +03:00), which is the same as an hour later.
    moved = (naive + pl.duration(hours=1)).dt.replace_time_zone(
        timezone, ambiguous="earliest", non_existent="null"
    )
    gap = local.is_null() & naive.is_not_null()
    return (
        pl.when(gap).then(moved).otherwise(local).dt.convert_time_zone(UTC).cast(DTYPE)
    )


def to_utc(values: pl.Series, timezone: str = DEFAULT_TIMEZONE) -> pl.Series:
    """Any temporal or text column to ``Datetime("us", "UTC")``."""
    if not isinstance(values.dtype, pl.Date | pl.Datetime):
        return parse_timestamps(values, timezone)
    expr = temporal_to_utc(values.name, values.dtype, timezone)
    return values.to_frame().select(expr).to_series()


def temporal_to_utc(name: str, dtype: pl.DataType, timezone: str) -> pl.Expr:
    """A Date or Datetime column to ``Datetime("us", "UTC")``; naive values are
    local time in ``timezone``."""
    column = pl.col(name)
    if dtype == pl.Date or getattr(dtype, "time_zone", None) is None:
        return localised(column, timezone).alias(name)
    return column.dt.convert_time_zone(UTC).cast(DTYPE)


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
