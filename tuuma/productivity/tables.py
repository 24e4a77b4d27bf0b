"""Reading a spreadsheet as the finance and service systems export it.

CSV in UTF-8 or Windows-1252 with `;`, `,` or tab, decimal commas and Finnish
dates (``d.m.yyyy``, ``m/yyyy``, ``yyyy-mm``), or an XLSX workbook's first sheet.
Every cell comes back as text; ``parse_month`` and ``parse_number`` read them and
raise ``CellError`` with a translated message, so the import can name the row and
the column of every problem.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal, InvalidOperation

import polars as pl
from django.utils.translation import gettext as _

from tuuma.caselog.engine.reading.text import detect_encoding

MAX_ROWS = 200_000
XLSX_MAGIC = b"PK\x03\x04"


class CellError(ValueError):
    """A cell that cannot be read; the message is for people."""


class TableError(ValueError):
    """A file that cannot be read as a table at all."""


def read_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV or XLSX file, as text."""
    if data.startswith(XLSX_MAGIC):
        return _read_xlsx(data)
    try:
        text = data.decode(detect_encoding(data[:65536]))
    except UnicodeDecodeError:
        raise TableError(_("The file is not text in a known encoding.")) from None
    text = text.removeprefix("\ufeff")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise TableError(_("The file is empty."))
    separator = max((";", ",", "\t"), key=lines[0].count)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=separator))
    return _checked([cell.strip() for cell in rows[0]], rows[1:])


def _read_xlsx(data: bytes) -> tuple[list[str], list[list[str]]]:
    try:
        frame = pl.read_excel(
            io.BytesIO(data), engine="calamine", infer_schema_length=0
        )
    except Exception:  # noqa: BLE001 - any reader failure means "not a workbook"
        raise TableError(_("The file is not a readable XLSX workbook.")) from None
    rows = [["" if cell is None else str(cell) for cell in row] for row in frame.rows()]
    return _checked([str(name).strip() for name in frame.columns], rows)


def _checked(header, rows):
    if len(rows) > MAX_ROWS:
        raise TableError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    return header, [[cell.strip() for cell in row] for row in rows]


def find_columns(
    header: list[str], wanted: dict[str, tuple[str, ...]], optional: set[str]
) -> dict[str, int]:
    """Which column holds each wanted field (by any of its names, any case)."""
    lowered = [name.lower() for name in header]
    found: dict[str, int] = {}
    for field, names in wanted.items():
        for name in names:
            if name in lowered:
                found[field] = lowered.index(name)
                break
        else:
            if field not in optional:
                raise TableError(
                    _("The file has no column %(name)s (columns: %(columns)s).")
                    % {"name": names[0], "columns": ", ".join(header)}
                )
    return found


_MONTH_FORMATS = (
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"), lambda m: (m[3], m[2])),
    (re.compile(r"^(\d{1,2})[./](\d{4})$"), lambda m: (m[2], m[1])),
    (re.compile(r"^(\d{4})-(\d{1,2})(-\d{1,2})?([ T].*)?$"), lambda m: (m[1], m[2])),
)


def parse_month(text: str) -> date:
    """The first day of the month a cell names."""
    for pattern, parts in _MONTH_FORMATS:
        match = pattern.match(text)
        if match:
            year, month = (int(part) for part in parts(match))
            if 1 <= month <= 12 and 1900 < year < 2200:
                return date(year, month, 1)
    raise CellError(
        _("“%(value)s” is not a month (e.g. 3.2025 or 1.3.2025).")
        % {"value": text[:40]}
    )


def parse_number(text: str) -> Decimal:
    """A number written with a decimal comma or point and spaces between thousands."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace("€", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        raise CellError(_("“%(value)s” is not a number.") % {"value": text[:40]})
    return value
