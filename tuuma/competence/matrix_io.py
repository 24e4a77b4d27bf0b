"""A unit's matrix as a spreadsheet: one row per person, one column per task.

Reading: XLSX through Polars' fastexcel (calamine) engine, CSV as UTF-8 or
Windows-1252 with ``;`` or ``,``; levels may be written ``3``, ``3,0`` or ``3.0``.
Every cell is checked before anything is saved, and an error names its row and
column; the import then replaces the mapped tasks' levels of the listed people
in one transaction (an empty cell removes the level). Writing gives the same
shape, so an export can be edited and imported back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import polars as pl
import xlsxwriter
from django.db import transaction
from django.utils.translation import gettext as _
from fastexcel import FastExcelError

from tuuma.accounts.models import User
from tuuma.audit.actions import audit_record
from tuuma.competence.actions import level_replace
from tuuma.competence.models import Level, Task
from tuuma.competence.queries import Matrix, unit_people
from tuuma.organisation.models import Unit

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
EMAIL = "email"
IGNORE = "ignore"
EMAIL_HEADERS = {"email", "e-mail", "sähköposti", "e-post", "sahkoposti"}
NAME_HEADERS = {"name", "nimi", "namn"}


class MatrixFileError(ValueError):
    """The file cannot be read as a table at all."""


def _text_of(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="strict")


def _read_csv(data: bytes) -> list[list[str]]:
    try:
        text = _text_of(data)
    except UnicodeDecodeError:
        raise MatrixFileError(
            _("The file is neither UTF-8 nor Windows-1252 text.")
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if row]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        frame = pl.read_excel(
            io.BytesIO(data), engine="calamine", has_header=False, sheet_id=1
        )
    except (FastExcelError, pl.exceptions.PolarsError, ValueError, OSError):
        raise MatrixFileError(_("The file is not a readable XLSX workbook.")) from None
    return [[_cell(v) for v in row] for row in frame.iter_rows()]


def read_table(data: bytes, filename: str) -> list[list[str]]:
    """Header and rows as text; refuses empty, huge and unreadable files."""
    if len(data) > MAX_BYTES:
        raise MatrixFileError(_("The file is larger than 2 MB."))
    is_xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or data[:2] == b"PK"
    table = _read_xlsx(data) if is_xlsx else _read_csv(data)
    table = [[c.strip() for c in row] for row in table]
    table = [row for row in table if any(row)]
    if len(table) < 2:
        raise MatrixFileError(_("The file needs a header row and at least one row."))
    if len(table) > MAX_ROWS + 1:
        raise MatrixFileError(_("The file has more than %(n)s rows.") % {"n": MAX_ROWS})
    width = len(table[0])
    return [row[:width] + [""] * (width - len(row)) for row in table]


def default_mapping(header: list[str], tasks: list[Task]) -> list[str]:
    """Per column: ``email``, ``ignore``, a task id as text, or "" (unmapped)."""
    by_name = {t.name.strip().lower(): str(t.pk) for t in tasks}
    mapping = []
    for name in header:
        key = name.strip().lower()
        if key in EMAIL_HEADERS:
            mapping.append(EMAIL)
        elif key in NAME_HEADERS or not key:
            mapping.append(IGNORE)
        else:
            mapping.append(by_name.get(key, ""))
    return mapping


def parse_level(text: str) -> int | None:
    """``""`` is no level; ``3``, ``3,0`` and ``3.0`` are 3; else ValueError."""
    text = text.strip()
    if not text:
        return None
    number = float(text.replace(",", "."))
    if not number.is_integer() or not 0 <= number <= 4:
        raise ValueError(text)
    return int(number)


@dataclass
class CheckedImport:
    rows: list[tuple[Task, User, int | None]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    people: int = 0


def _check_mapping(header, mapping, tasks) -> tuple[int | None, dict, list[str]]:
    errors = []
    emails = [i for i, m in enumerate(mapping) if m == EMAIL]
    if len(emails) != 1:
        errors.append(_("Choose exactly one column of e-mail addresses."))
    columns: dict[int, Task] = {}
    seen: dict[int, str] = {}
    for i, target in enumerate(mapping):
        if target in (EMAIL, IGNORE):
            continue
        task = tasks.get(int(target)) if target.isdigit() else None
        if task is None:
            errors.append(
                _("Column “%(col)s”: no task of the unit; choose one or ignore it.")
                % {"col": header[i]}
            )
        elif task.pk in seen:
            errors.append(
                _("Columns “%(a)s” and “%(b)s” are both mapped to “%(task)s”.")
                % {"a": seen[task.pk], "b": header[i], "task": task.name}
            )
        else:
            seen[task.pk] = header[i]
            columns[i] = task
    return (emails[0] if len(emails) == 1 else None), columns, errors


def check_import(unit: Unit, table: list[list[str]], mapping: list[str]):
    """Every cell checked against the unit; nothing is written."""
    header, body = table[0], table[1:]
    tasks = {t.pk: t for t in Task.objects.of_unit(unit)}
    result = CheckedImport()
    email_col, columns, result.errors = _check_mapping(header, mapping, tasks)
    if email_col is None or result.errors:
        return result
    people = {u.email.lower(): u for u in unit_people(unit)}
    first_row: dict[str, int] = {}
    for number, row in enumerate(body, start=2):
        email = row[email_col].strip().lower()
        where = {"n": number, "col": header[email_col]}
        if email not in people:
            result.errors.append(
                _("Row %(n)s, column “%(col)s”: %(email)s is not a person of the unit.")
                % {**where, "email": email or "–"}
            )
            continue
        if email in first_row:
            result.errors.append(
                _("Row %(n)s: %(email)s is already on row %(first)s.")
                % {"n": number, "email": email, "first": first_row[email]}
            )
            continue
        first_row[email] = number
        _check_cells(result, header, row, number, columns, people[email])
    result.people = len(first_row)
    return result


def _check_cells(result, header, row, number, columns, person) -> None:
    for i, task in columns.items():
        try:
            level = parse_level(row[i])
        except ValueError:
            result.errors.append(
                _("Row %(n)s, column “%(col)s”: “%(value)s” is not a level 0–4.")
                % {"n": number, "col": header[i], "value": row[i]}
            )
            continue
        result.rows.append((task, person, level))


@transaction.atomic
def matrix_replace(*, unit: Unit, checked: CheckedImport, by: User) -> int:
    """Write a checked import in one transaction; returns the levels changed."""
    if checked.errors:
        raise ValueError("an import with errors cannot be saved")
    current = {
        (row.task_id, row.person_id): row
        for row in Level.objects.filter(task__unit=unit)
    }
    changed = 0
    for task, person, level in checked.rows:
        existing = current.get((task.pk, person.pk))
        if level is None and existing is not None:
            level_replace(task=task, person=person, by=by, level=None)
            changed += 1
        elif level is not None and (existing is None or existing.level != level):
            level_replace(task=task, person=person, by=by, level=level)
            changed += 1
    audit_record(
        organisation=unit.organisation,
        actor=by,
        action="competence.matrix_imported",
        target=unit,
        details={"people": checked.people, "levels_changed": changed},
    )
    return changed


def matrix_rows(matrix: Matrix) -> list[list]:
    """The export's header and rows (same shape as the import)."""
    header = [EMAIL, _("name")] + [t.name for t in matrix.tasks]
    rows = [
        [p.email, p.full_name]
        + [matrix.levels.get((p.pk, t.pk), "") for t in matrix.tasks]
        for p in matrix.people
    ]
    return [header, *rows]


def to_csv(rows: list[list]) -> bytes:
    """Excel in Finland opens ``;`` with a byte-order mark as UTF-8."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: dict[str, list[list]]) -> bytes:
    """One worksheet per entry; the first row is a bold, frozen header."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    for title, rows in sheets.items():
        safe = "".join(" " if c in "[]:*?/\\" else c for c in title)
        sheet = book.add_worksheet(safe[:31])
        for r, row in enumerate(rows):
            sheet.write_row(r, 0, row, bold if r == 0 else None)
        sheet.freeze_panes(1, 0)
        sheet.set_column(0, 1, 28)
    book.close()
    return buffer.getvalue()
