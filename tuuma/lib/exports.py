"""One dialect for every table people download.

CSV is **semicolon-separated UTF-8 with a byte-order mark**, CRLF line ends and
a header row. The semicolon and the BOM are what Excel in a Finnish or Swedish
locale opens with a double click (there the comma is the decimal separator);
every other tool reads the dialect from ``text/csv; header=present`` and this
note. Values are machine formats whatever the page's language: moments in
ISO 8601 with the offset (local time), dates as ``YYYY-MM-DD`` and numbers with
dot decimals and no grouping, so a column sorts and sums the same everywhere.
The dialect is documented for readers of the exports in ``docs/exports.md``.

XLSX (XlsxWriter) is the alternative for people who work in Excel: the same
rows as typed cells, dates as dates, a bold frozen header row.

Text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, a
tab or a carriage return at the start) gets a leading apostrophe in both.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

import xlsxwriter
from django.http import HttpResponse
from django.utils.text import slugify

from tuuma.lib.formatting import local_datetime, machine_datetime, machine_number

CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Row = Sequence[object]
Table = tuple[str, Sequence[str], Iterable[Row]]


class Dialect(csv.excel):
    """The one CSV dialect: ``;``, ``"`` quoting when needed, CRLF."""

    delimiter = ";"


def safe_text(value: str) -> str:
    """Text a spreadsheet would read as a formula is kept as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def machine_cell(value: object) -> str:
    """One CSV field: machine formats, never the page language's."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return machine_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal):
        return machine_number(float(value) if isinstance(value, Decimal) else value)
    return safe_text(str(value))


def csv_bytes(header: Sequence[str], rows: Iterable[Row]) -> bytes:
    """One table as CSV in the dialect, BOM included."""
    return csv_tables_bytes([("", header, rows)])


def csv_tables_bytes(tables: Iterable[Table]) -> bytes:
    """Several tables in one CSV: each named on a row of its own (when it has a
    name), then its header and rows, then an empty row."""
    out = io.StringIO()
    writer = csv.writer(out, dialect=Dialect)
    separate = False
    for name, header, rows in tables:
        if separate:
            writer.writerow([])
        if name:
            writer.writerow([safe_text(name)])
        writer.writerow([safe_text(str(h)) for h in header])
        writer.writerows([machine_cell(v) for v in row] for row in rows)
        separate = True
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(tables: Iterable[Table]) -> bytes:
    """Each table on a sheet of its own, cells typed, formulas never run."""
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "remove_timezone": True,
        },
    )
    bold = book.add_format({"bold": True})
    formats = {
        date: book.add_format({"num_format": "yyyy-mm-dd"}),
        datetime: book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
    }
    used: set[str] = set()
    for number, (name, header, rows) in enumerate(tables, start=1):
        sheet = book.add_worksheet(_sheet_name(name, number, used))
        sheet.write_row(0, 0, [str(h) for h in header], bold)
        for line, row in enumerate(rows, start=1):
            for column, value in enumerate(row):
                _write(sheet, line, column, value, formats)
        sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


def _sheet_name(name: str, number: int, used: set[str]) -> str:
    """Excel's sheet names: at most 31 characters, none of ``[]:*?/\\``, unique."""
    clean = "".join(c for c in name if c not in "[]:*?/\\")[:28] or str(number)
    while clean.lower() in used:
        clean = f"{clean[:25]} {number}"
    used.add(clean.lower())
    return clean


def _write(sheet, line: int, column: int, value: object, formats: dict) -> None:
    if value is None or value == "":
        return
    if isinstance(value, bool):
        sheet.write_boolean(line, column, value)
    elif isinstance(value, datetime):
        moment = local_datetime(value)
        sheet.write_datetime(line, column, moment, formats[datetime])
    elif isinstance(value, date):
        sheet.write_datetime(line, column, value, formats[date])
    elif isinstance(value, int | float | Decimal):
        sheet.write_number(line, column, float(value))
    else:
        sheet.write_string(line, column, safe_text(str(value)))


def download(content: bytes, *, name: str, kind: str) -> HttpResponse:
    """An attachment named ``<slug of name>.<kind>`` (kind ``csv`` or ``xlsx``)."""
    content_type = CSV_CONTENT_TYPE if kind == "csv" else XLSX_CONTENT_TYPE
    response = HttpResponse(content, content_type=content_type)
    filename = f"{slugify(name) or 'export'}.{kind}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_download(name: str, header: Sequence[str], rows: Iterable[Row]):
    return download(csv_bytes(header, rows), name=name, kind="csv")


def xlsx_download(name: str, header: Sequence[str], rows: Iterable[Row]):
    return download(xlsx_bytes([(name, header, rows)]), name=name, kind="xlsx")
