"""Attribute types of text columns (CSV, XLSX): int, float, boolean, timestamp.

A column gets a type when every present value reads as one. The cost does not
grow with a Python loop per column and value: one columnar query over a sample
of rows proposes at most one type per column, and one query over all rows checks
the proposals of every column at once. Timestamps, the dearest to parse: one
query over a sample leaves out the columns with a value that cannot start a
timestamp, and the others are parsed together (``parse_columns``: a fixed
number of queries whatever the number of columns).
"""

from __future__ import annotations

import polars as pl

from tuuma.caselog.engine.reading.timestamps import (
    may_be_timestamps,
    parse_columns,
)

SAMPLE_ROWS = 20_000
TIMESTAMP_SAMPLE_ROWS = 1_000
_DECIMAL_COMMA = r"^[+-]?\d+(,\d+)?$"
KINDS = ("int", "float", "comma", "bool")


def _reads(name: str, kind: str) -> pl.Expr:
    """True where the value reads as ``kind`` (null where it is absent)."""
    column = pl.col(name)
    if kind == "int":
        return column.cast(pl.Int64, strict=False).is_not_null()
    if kind == "float":
        return column.cast(pl.Float64, strict=False).is_not_null()
    if kind == "comma":  # 1,5 with a decimal comma (and whole numbers beside it)
        return column.str.contains(_DECIMAL_COMMA)
    return column.str.to_lowercase().is_in(["true", "false"])


def _converted(name: str, kind: str) -> pl.Expr:
    column = pl.col(name)
    if kind == "int":
        return column.cast(pl.Int64)
    if kind == "float":
        return column.cast(pl.Float64)
    if kind == "comma":
        return column.str.replace(",", ".", literal=True).cast(pl.Float64)
    return column.str.to_lowercase() == "true"


def _all_read(frame: pl.DataFrame, pairs: list[tuple[str, str]]) -> dict:
    """For each (column, kind): do all present values read as that kind?"""
    if not pairs:
        return {}
    row = frame.select(
        (
            (_reads(n, k) | pl.col(n).is_null()).all()
            & pl.col(n).is_not_null().any()
            & (pl.lit(k != "comma") | pl.col(n).str.contains(",", literal=True).any())
        ).alias(f"{n}\0{k}")
        for n, k in pairs
    ).row(0)
    return dict(zip(pairs, row, strict=True))


def with_inferred_types(frame: pl.DataFrame, timezone: str) -> pl.DataFrame:
    """Text attributes to int, float, boolean or UTC datetime when all fit."""
    text = [n for n, t in frame.schema.items() if t == pl.String and n[0] != "_"]
    if not text:
        return frame
    sample = frame.head(SAMPLE_ROWS)
    on_sample = _all_read(sample, [(n, k) for n in text for k in KINDS])
    proposed: dict[str, str] = {}
    for name in text:
        kind = next((k for k in KINDS if on_sample[(name, k)]), None)
        if kind is None and sample[name].null_count() == sample.height:
            kind = "unknown"  # nothing in the sample: try every kind on all rows
        if kind is not None:
            proposed[name] = kind
    pairs = [
        (n, k)
        for n, kind in proposed.items()
        for k in (KINDS if kind == "unknown" else (kind,))
    ]
    on_all = _all_read(frame, pairs)
    columns: list[pl.Expr | pl.Series] = []
    rest = []
    for name in text:
        kind = next((k for k in KINDS if on_all.get((name, k))), None)
        if kind is not None:
            columns.append(_converted(name, kind).alias(name))
        else:
            rest.append(name)
    # Timestamps: one query over the sample says which columns may be ones
    # (a column with nothing in the sample may still be); only those are parsed,
    # all in one parse.
    maybe = may_be_timestamps(sample.head(TIMESTAMP_SAMPLE_ROWS), rest)
    head = sample.head(TIMESTAMP_SAMPLE_ROWS).select(rest).null_count()
    missing = frame.select(rest).null_count()
    candidates = [
        n
        for n in rest
        if missing[n][0] < frame.height
        and (maybe[n] or head[n][0] == min(frame.height, TIMESTAMP_SAMPLE_ROWS))
    ]
    # A column is a timestamp when all its present values read as one.
    parsed = parse_columns(frame, candidates, timezone)
    unread = parsed.null_count()
    columns += [parsed[n] for n in candidates if unread[n][0] == missing[n][0]]
    return frame.with_columns(columns) if columns else frame


def attribute_types(frame: pl.DataFrame) -> dict[str, str]:
    """Type names of the attribute columns (those not starting with ``_``)."""
    out = {}
    for name, dtype in frame.schema.items():
        if name.startswith("_"):
            continue
        if dtype.is_temporal():
            out[name] = "date"
        elif dtype.is_integer():
            out[name] = "int"
        elif dtype.is_float():
            out[name] = "float"
        elif dtype == pl.Boolean:
            out[name] = "boolean"
        else:
            out[name] = "string" if dtype == pl.String else str(dtype)
    return out
