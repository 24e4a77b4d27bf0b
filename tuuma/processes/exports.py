"""XLSX exports: the RACI matrix of a version and the catalogue (also as CSV).

Cell text that a spreadsheet would read as a formula is written as a string.
"""

import io
from collections.abc import Iterable

import xlsxwriter
from django.utils.translation import gettext as _

from tuuma.lib import exports
from tuuma.processes.models import Process, ProcessVersion

RACI = (
    ("responsible", "R"),
    ("accountable", "A"),
    ("consulted", "C"),
    ("informed", "I"),
)


def _roles(text: str) -> list[str]:
    return [r.strip() for r in text.split(",") if r.strip()]


def raci_rows(version: ProcessVersion) -> tuple[list[str], list[list[str]]]:
    """Steps as rows, roles as columns, R/A/C/I letters in the cells."""
    steps = list(version.steps.all())
    roles: list[str] = []
    for step in steps:
        for field, _letter in RACI:
            for role in _roles(getattr(step, field)):
                if role not in roles:
                    roles.append(role)
    rows = []
    for step in steps:
        cells = []
        for role in roles:
            letters = [
                letter for field, letter in RACI if role in _roles(getattr(step, field))
            ]
            cells.append("".join(letters))
        rows.append([str(step.position), step.name, *cells])
    return ["#", _("Step"), *roles], rows


def catalogue_rows(processes: Iterable[Process]) -> tuple[list[str], list[list]]:
    header = [
        _("Service area"),
        _("Code"),
        _("Name"),
        _("Level"),
        _("Belongs to"),
        _("Status"),
        _("Core process"),
        _("Published"),
        _("Process owner"),
        _("Deputy"),
        _("Customers"),
        _("Case types"),
        _("Information systems"),
    ]
    rows = [
        [
            p.service_area.localized_name,
            p.code,
            p.name,
            p.get_level_display(),
            p.parent.name if p.parent else "",
            p.get_status_display(),
            _("yes") if p.is_core else _("no"),
            _("yes") if p.is_published else _("no"),
            p.owner.get_full_name() if p.owner else "",
            p.deputy.get_full_name() if p.deputy else "",
            p.customers,
            ", ".join(p.case_types),
            ", ".join(p.systems),
        ]
        for p in processes
    ]
    return header, rows


def xlsx(sheet_name: str, header: list[str], rows: list[list]) -> bytes:
    out = io.BytesIO()
    book = xlsxwriter.Workbook(
        out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    sheet = book.add_worksheet(sheet_name[:31])
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, header, bold)
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if isinstance(value, str):
                sheet.write_string(number, column, value)
            else:
                sheet.write(number, column, value)
    sheet.freeze_panes(1, 0)
    book.close()
    return out.getvalue()


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    """The catalogue in the one CSV dialect (``tuuma.lib.exports``)."""
    return exports.csv_bytes(header, rows)
