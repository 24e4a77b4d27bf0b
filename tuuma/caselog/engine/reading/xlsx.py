"""Excel workbooks (.xlsx), read with fastexcel (Rust, through Polars' Arrow).

The first sheet or a chosen one; the header row is found as in CSV (a title row
or empty rows above it are skipped). Cells become text except dates, which stay
dates (local time, see timestamps.py) and numbers, which stay numbers; a text
cell in a date column is parsed like a CSV timestamp. A workbook holds at most
about a million rows, so the sheet is read whole and handed on in slices.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.chunk import KeyColumns, normalise_chunk
from tuuma.caselog.engine.reading.timestamps import DEFAULT_TIMEZONE

SLICE_ROWS = 500_000
SAMPLE_ROWS = 30
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The stream name an encrypted (password-protected) Office file keeps its
# workbook in, inside an OLE compound file.
ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def check_workbook(path: Path) -> None:
    """Clear errors for a password-protected workbook, an old .xls or not Excel."""
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == OLE_MAGIC:
            handle.seek(0)
            if ENCRYPTED in handle.read(1 << 20):
                raise LogImportError(
                    "xlsx_password",
                    "The workbook is password-protected. Save it without a "
                    "password and upload it again.",
                )
            raise LogImportError(
                "bad_xlsx",
                "This is an old Excel file (.xls) or not an Excel workbook. Save "
                "it as .xlsx and upload it again.",
            )
    if not zipfile.is_zipfile(path):
        raise LogImportError("bad_xlsx", "The file is not an Excel workbook.")


def open_sheet(path: Path, sheet: str | int | None) -> tuple[Any, str | int, list]:
    """The fastexcel reader, the sheet (name or index) and the sheet names."""
    import fastexcel  # noqa: PLC0415 - only needed for workbooks

    check_workbook(path)
    try:
        reader = fastexcel.read_excel(str(path))
    except Exception as exc:  # noqa: BLE001 - fastexcel raises many kinds
        raise LogImportError(
            "bad_xlsx", f"The workbook cannot be read: {exc}."
        ) from None
    names = reader.sheet_names
    chosen: str | int = 0 if sheet in (None, "") else sheet
    if isinstance(chosen, str) and chosen not in names:
        raise LogImportError(
            "bad_xlsx",
            f"The workbook has no sheet {chosen!r}; its sheets are {', '.join(names)}.",
            value=chosen,
        )
    return reader, chosen, names


def sheet_head(reader: Any, sheet: str | int, rows: int = SAMPLE_ROWS) -> pl.DataFrame:
    """The first rows of a sheet as text, no header (for finding it)."""
    head = reader.load_sheet(
        sheet, header_row=None, n_rows=rows, dtypes="string"
    ).to_polars()
    return head


def header_row(head: pl.DataFrame, wanted: tuple[str, ...] = ()) -> int:
    """Index of the header row: as in CSV (text.find_layout)."""
    records = [
        [("" if v is None else str(v).strip()) for v in row] for row in head.iter_rows()
    ]
    if not records:
        raise LogImportError("empty_log", "The sheet is empty.")
    if wanted:
        for i, fields in enumerate(records):
            if set(wanted) <= set(fields):
                return i
    filled = [sum(1 for f in fields if f) for fields in records]
    return filled.index(max(filled))


def read_xlsx(
    path: Path,
    keys: KeyColumns,
    *,
    sheet: str | int | None = None,
    timezone: str = DEFAULT_TIMEZONE,
) -> Iterator[tuple[pl.DataFrame, float]]:
    """Yield (normalised slice, fraction of the rows read), in sheet order."""
    reader, chosen, _names = open_sheet(path, sheet)
    wanted = tuple(c for c in (*keys.required, keys.start) if c)
    header = header_row(sheet_head(reader, chosen), wanted)
    try:
        frame = reader.load_sheet(
            chosen, header_row=header, schema_sample_rows=None
        ).to_polars()
    except Exception as exc:  # noqa: BLE001
        raise LogImportError("bad_xlsx", f"The sheet cannot be read: {exc}.") from None
    frame = frame.rename({c: c.strip() for c in frame.columns})
    missing = [c for c in wanted if c not in frame.columns]
    if missing:
        raise LogImportError(
            "missing_column",
            f"The sheet has no column {missing[0]!r}; its columns are "
            f"{', '.join(frame.columns)}.",
            f"row {header + 1}",
            row=header + 1,
            column=missing[0],
        )
    # Numbers and booleans as text, like CSV: the store infers one type per
    # column over the whole log. Dates stay dates.
    frame = frame.with_columns(
        _as_text(pl.col(c), t)
        for c, t in frame.schema.items()
        if not t.is_temporal() and t != pl.String
    ).with_row_index("_sheet_row")
    frame = frame.filter(~pl.all_horizontal(pl.exclude("_sheet_row").is_null()))
    if frame.height == 0:
        raise LogImportError("empty_log", "The sheet has a header but no rows.")
    for start in range(0, frame.height, SLICE_ROWS):
        part = frame.slice(start, SLICE_ROWS)
        rows = part["_sheet_row"]

        def locate(
            row: int, column: str, part=part, rows=rows
        ) -> tuple[str, dict[str, Any]]:
            # Excel's own row number: 1-based, the header at header + 1.
            number = header + 2 + int(rows[row])
            value = part[column][row]
            return f"row {number}", {
                "row": number,
                "value": None if value is None else str(value),
            }

        yield (
            normalise_chunk(part.drop("_sheet_row"), keys, locate, timezone),
            min((start + SLICE_ROWS) / frame.height, 1.0),
        )


def _as_text(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """A cell value as CSV would have it: Excel keeps every number as a float,
    so a whole number (a case number, a count) loses its ``.0``."""
    if dtype.is_float():
        whole = column.is_finite() & (column == column.floor())
        return (
            pl.when(whole)
            .then(column.cast(pl.Int64, strict=False).cast(pl.String))
            .otherwise(column.cast(pl.String))
        )
    return column.cast(pl.String)
