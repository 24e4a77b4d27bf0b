"""The programme as a table for CSV and XLSX, safe to open in a spreadsheet."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from tuuma.lib import exports
from tuuma.programme.models import Measure
from tuuma.programme.models.indicators import plain_number

# Titles and texts come from people: a cell starting with one of these would
# be run as a formula by Excel or LibreOffice (CSV/formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> object:
    """Text a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def headers() -> list[str]:
    return [
        _("Id"),
        _("Title"),
        _("Focus area"),
        _("Goal"),
        _("Class"),
        _("Service area"),
        _("Owner"),
        _("Start date"),
        _("Due date"),
        _("Status"),
        _("Priority"),
        _("Per cent complete"),
        _("Latest progress update"),
        _("Published"),
        _("Participation"),
        _("What we aimed at"),
        _("What we achieved"),
        _("Indicators (baseline → target → latest)"),
    ]


def _indicators(measure: Measure) -> str:
    parts = []
    for indicator in measure.indicators.all():
        values = list(indicator.values.all())
        latest = plain_number(values[-1].value) if values else "–"
        parts.append(
            f"{indicator.name}: {plain_number(indicator.baseline_value)} → "
            f"{plain_number(indicator.target_value)} → {latest} {indicator.unit}"
        )
    return "; ".join(parts)


def measure_rows(measures) -> list[list]:
    """One row per measure (annotated ``with_progress``, indicators prefetched)."""
    rows = []
    for m in measures:
        rows.append(
            [
                m.pk,
                m.title,
                m.goal.focus_area.name,
                m.goal.title,
                m.get_measure_class_display(),
                m.service_area.localized_name,
                str(m.owner),
                m.start_date,
                m.due_date,
                m.get_status_display(),
                m.get_priority_display(),
                m.percent_complete if m.percent_complete is not None else "",
                m.last_progress_on or "",
                _("yes") if m.is_published else _("no"),
                ", ".join(m.participation_labels()),
                m.result_aim,
                m.result_achieved,
                _indicators(m),
            ]
        )
    return rows


def to_csv(rows: list[list]) -> bytes:
    """The programme in the one CSV dialect (``tuuma.lib.exports``)."""
    return exports.csv_bytes(headers(), rows)


def to_xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Programme")[:31]
    sheet.append(headers())
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
