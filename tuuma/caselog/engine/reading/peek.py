"""The first rows of a CSV, XLSX or Parquet file, read the way the import will
read it (same encoding, separator, header row and sheet), for mapping columns."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from tuuma.caselog.engine.errors import LogImportError
from tuuma.caselog.engine.reading.source import (
    DEFAULT_MAX_UNCOMPRESSED_BYTES,
    SourceReader,
    detect_format,
)

ROWS = 8


@dataclass
class Peek:
    """What the column mapping needs to show."""

    format: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    encoding: str = ""  # CSV: the one used (chosen or detected)
    separator: str = ""
    header_line: int = 1  # CSV line / XLSX row of the header
    sheets: list[str] = field(default_factory=list)  # XLSX
    sheet: str = ""


def peek(
    path: str | Path,
    *,
    encoding: str | None = None,
    sheet: str | int | None = None,
    rows: int = ROWS,
) -> Peek:
    """The columns and first ``rows`` rows; LogImportError when unreadable."""
    path = Path(path)
    fmt = detect_format(path)
    if fmt == "xlsx":
        return _xlsx(path, sheet, rows)
    if fmt == "parquet":
        return _parquet(path, rows)
    if fmt != "csv":
        raise LogImportError("unknown_format", "Only CSV, XLSX and Parquet.")
    return _csv(path, encoding, rows)


def _csv(path: Path, encoding: str | None, rows: int) -> Peek:
    import csv
    import io

    from tuuma.caselog.engine.reading.csv import open_text

    with SourceReader(path, DEFAULT_MAX_UNCOMPRESSED_BYTES) as source:
        _blocks, rest, layout, used = open_text(source, encoding)
    text = rest[: 64 * 1024].decode("utf-8", errors="ignore")
    reader = csv.reader(io.StringIO(text), delimiter=layout.separator)
    body = []
    with contextlib.suppress(csv.Error):  # a record cut at the end of the sample
        for record in reader:
            if any(f.strip() for f in record):
                body.append([f.strip() for f in record[: len(layout.names)]])
            if len(body) >= rows:
                break
    return Peek(
        "csv",
        layout.names,
        body,
        encoding=used,
        separator=layout.separator,
        header_line=layout.header_line,
    )


def _xlsx(path: Path, sheet: str | int | None, rows: int) -> Peek:
    from tuuma.caselog.engine.reading.xlsx import header_row, open_sheet, sheet_head

    reader, chosen, names = open_sheet(path, sheet)
    head = sheet_head(reader, chosen, rows=30 + rows)
    header = header_row(head)
    table = [
        ["" if v is None else str(v).strip() for v in row] for row in head.iter_rows()
    ]
    columns = table[header]
    while columns and not columns[-1]:
        columns = columns[:-1]
    body = [r[: len(columns)] for r in table[header + 1 :] if any(r)][:rows]
    name = chosen if isinstance(chosen, str) else names[chosen]
    return Peek("xlsx", columns, body, header_line=header + 1, sheets=names, sheet=name)


def _parquet(path: Path, rows: int) -> Peek:
    import polars as pl

    try:
        head = pl.scan_parquet(path).head(rows).collect()
    except Exception as exc:  # noqa: BLE001 - Polars raises several kinds
        raise LogImportError("bad_parquet", f"Not a Parquet file: {exc}.") from None
    body = [["" if v is None else str(v) for v in row] for row in head.iter_rows()]
    return Peek("parquet", head.columns, body)
